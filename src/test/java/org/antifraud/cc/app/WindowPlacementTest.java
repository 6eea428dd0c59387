package org.antifraud.cc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.geometry.Rectangle2D;

import org.junit.jupiter.api.Test;

/** Issue 16: the window opens maximised the first time, then as it was left, and never out of sight. */
class WindowPlacementTest {
    private static final List<Rectangle2D> ONE_SCREEN = List.of(new Rectangle2D(0, 0, 1920, 1040));

    @Test
    void theFirstRunOpensMaximised() {
        assertThat(WindowPlacement.restore(null, ONE_SCREEN).maximised()).isTrue();
    }

    @Test
    void aWindowLeftSomewhereOnAScreenOpensThereAtItsSize() {
        String saved = new WindowPlacement(100, 80, 1400, 900, false).format();
        assertThat(saved).isEqualTo("100,80,1400,900,normal");
        WindowPlacement p = WindowPlacement.restore(saved, ONE_SCREEN);
        assertThat(p).isEqualTo(new WindowPlacement(100, 80, 1400, 900, false));
    }

    @Test
    void aWindowLeftMaximisedOpensMaximised() {
        assertThat(WindowPlacement.restore("100,80,1400,900,max", ONE_SCREEN).maximised()).isTrue();
    }

    @Test
    void boundsNoScreenShowsFallBackToMaximised() {
        // on a second monitor that is gone now
        assertThat(WindowPlacement.restore("2000,100,1400,900,normal", ONE_SCREEN).maximised()).isTrue();
        // the title bar above the top of the screen: nothing to grab
        assertThat(WindowPlacement.restore("100,-200,1400,900,normal", ONE_SCREEN).maximised()).isTrue();
        // still there with the second monitor
        List<Rectangle2D> two = List.of(ONE_SCREEN.getFirst(), new Rectangle2D(1920, 0, 2560, 1400));
        assertThat(WindowPlacement.restore("2000,100,1400,900,normal", two).maximised()).isFalse();
    }

    @Test
    void aHandEditedOrTinyPlacementFallsBackToMaximised() {
        for (String text : List.of("", "garbage", "1,2,3,4", "1,2,3,4,5", "NaN,0,1400,900,normal",
                "100,80,50,40,normal", "100,80,1e300,1e300,normal", "100,80,1400,90000,normal")) {
            assertThat(WindowPlacement.restore(text, ONE_SCREEN).maximised()).as(text).isTrue();
        }
    }
}
