package org.antifraud.cc.ui.alerts;

import java.util.List;
import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;

import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.StyleClasses;
import org.antifraud.cc.ui.common.Theme;
import org.controlsfx.control.Notifications;

/**
 * Pops up a ControlsFX notification over the main window for each notice of new alerts, whichever page is
 * shown; dark-styled in the dark theme. Clicking one opens the Alerts page.
 */
public final class AlertNotifier {
    private static final Duration SHOWN_FOR = Duration.seconds(20);

    private final Appearance appearance;
    private final Supplier<Window> owner;
    private final Runnable openAlerts;

    public AlertNotifier(AlertsViewModel alerts, Appearance appearance, Supplier<Window> owner, Runnable openAlerts) {
        this.appearance = appearance;
        this.owner = owner;
        this.openAlerts = openAlerts;
        alerts.addNoticeListener(this::show);
    }

    private void show(List<AlertNotice> notices) {
        Window window = owner.get();
        if (window == null || !window.isShowing()) {
            return; // nothing to pop up over; the badge and the list still say it
        }
        for (AlertNotice notice : notices) {
            Notifications n = Notifications.create()
                    .title(notice.title())
                    .text(notice.text())
                    .owner(window)
                    .position(Pos.BOTTOM_RIGHT)
                    .hideAfter(SHOWN_FOR)
                    .styleClass(StyleClasses.ALERT_NOTIFICATION)
                    .onAction(e -> openAlerts.run());
            if (appearance.themeProperty().get() == Theme.DARK) {
                n.darkStyle();
            }
            n.showWarning();
        }
    }
}
