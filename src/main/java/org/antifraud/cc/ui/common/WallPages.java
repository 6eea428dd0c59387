package org.antifraud.cc.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;

/**
 * The wall screen's pages as the window that rotates them sees them (the Briefing page opens the window; the pages
 * are made in ui/wall, which the composition root hands over): one node, a page count, which page to show, a clock
 * tick, and the rotation's status and the lost-connection band to show.
 */
public interface WallPages {
    Node node();

    int count();

    /** Shows page {@code index} (0-based). */
    void show(int index);

    /** Once a second: the clock. */
    void tick();

    /** Shows {@code status} ("2 / 6 · next in 12 s · updated 09:30:05") and, while {@code lost}, {@code problem}. */
    void follow(ObservableStringValue status, ObservableBooleanValue lost, ObservableStringValue problem);
}
