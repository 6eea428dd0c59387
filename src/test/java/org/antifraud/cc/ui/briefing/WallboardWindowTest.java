package org.antifraud.cc.ui.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.MainWindow;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.service.briefing.SlideKind;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.common.WallPages;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wall screen's window: it rotates the wall's pages on the interval, ticks their clock, hands them the status and
 * the lost-connection band, and closes on Esc. The pages here are a stand-in; ui/wall's own test draws the real ones.
 */
@IntegrationTest
class WallboardWindowTest extends SlideWindowFxTest {
    private WallboardWindow window;
    private boolean gone;

    @Start
    void start(Stage stage) {
        showEmpty(stage);
    }

    @Override
    Stage windowStage() {
        return window == null ? null : window.stage();
    }

    /** Pages that say which one is shown and how often the clock ticked. */
    private static final class FakePages implements WallPages {
        final Label page = new Label();
        final Label status = new Label();
        final Label lost = new Label();
        final List<Integer> shown = new ArrayList<>();
        int ticks;
        final VBox root = new VBox(lost, page, status);

        @Override
        public Node node() {
            return root;
        }

        @Override
        public int count() {
            return 6;
        }

        @Override
        public void show(int index) {
            shown.add(index);
            page.setText("page " + (index + 1));
        }

        @Override
        public void tick() {
            ticks++;
        }

        @Override
        public void follow(ObservableStringValue statusText, ObservableBooleanValue lostNow,
                           ObservableStringValue problem) {
            status.textProperty().bind(statusText);
            lost.textProperty().bind(problem);
            lost.visibleProperty().bind(lostNow);
        }
    }

    @Test
    void rotatesTheWallsPagesSaysALostDatabaseAndLeavesOnEscape(FxRobot robot) {
        Instant[] now = {Instant.parse("2026-11-28T09:00:00Z")};
        WallboardViewModel vm = WallboardViewModel.ofPages(() -> {
            if (gone) {
                throw new IllegalStateException("database file gone");
            }
            return fixture.deck(Lang.EN, List.of(SlideKind.HEADLINE));
        }, QueuedUiExecutor.immediate(), () -> now[0], ZoneOffset.UTC, new I18n(Lang.EN), Duration.ofSeconds(10), 6);
        FakePages pages = new FakePages();
        robot.interact(() -> {
            window = new WallboardWindow(vm, pages, MainWindow.stylesheets(Theme.DARK), Screen.getPrimary(), false);
            window.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pages.page.getText()).isEqualTo("page 1");
        assertThat(pages.status.getText()).isEqualTo("1 / 6 · next in 10 s · updated 09:00:00");
        assertThat(pages.lost.isVisible()).isFalse();

        gone = true;
        robot.interact(() -> {
            now[0] = now[0].plusSeconds(10);
            vm.tick(); // the switch reads again, and fails
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pages.page.getText()).as("the next page, the figures of before").isEqualTo("page 2");
        assertThat(pages.status.getText()).startsWith("2 / 6 · ");
        assertThat(pages.lost.isVisible()).isTrue();
        assertThat(pages.lost.getText())
                .isEqualTo("The data cannot be read — showing the figures of 09:00:00; trying again…");

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().isShowing()).isFalse();
    }

    @Test
    void afterTheLastPageComesTheFirst(FxRobot robot) {
        Instant[] now = {Instant.parse("2026-11-28T09:00:00Z")};
        WallboardViewModel vm = WallboardViewModel.ofPages(() -> fixture.deck(Lang.EN, List.of(SlideKind.HEADLINE)),
                QueuedUiExecutor.immediate(), () -> now[0], ZoneOffset.UTC, new I18n(Lang.EN), Duration.ofSeconds(10), 6);
        FakePages pages = new FakePages();
        robot.interact(() -> {
            window = new WallboardWindow(vm, pages, MainWindow.stylesheets(Theme.DARK), Screen.getPrimary(), false);
            window.show();
            for (int i = 0; i < 6; i++) {
                now[0] = now[0].plusSeconds(10);
                vm.tick();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pages.shown).endsWith(4, 5, 0);
        assertThat(pages.page.getText()).isEqualTo("page 1");
    }
}
