package org.antifraud.cc.ui.dashboard;

import java.util.List;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard's read-only alerts feed (issue 16): the newest alerts, one line each. The dashboard may not reach
 * into the alerts page (pages stand alone), so the composition root keeps these lines in step with the alerts feed.
 */
public final class DashboardAlertFeed {
    /** At most this many lines: a feed at a glance; the alerts page has the rest. */
    public static final int MAX_LINES = 50;

    /** One alert: when it was raised, what crossed which limit, whether it is still open, whether demo data raised it. */
    public record Line(String raisedAt, String text, boolean open, boolean synthetic) {
    }

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Line> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    /** Shows these alerts (newest first), the first {@link #MAX_LINES}, and the count line above them. */
    public void show(List<Line> alerts, String summaryText) {
        lines.setAll(alerts.subList(0, Math.min(MAX_LINES, alerts.size())));
        summary.set(summaryText == null ? "" : summaryText);
    }

    public ObservableList<Line> lines() {
        return linesView;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
