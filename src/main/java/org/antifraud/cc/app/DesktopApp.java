package org.antifraud.cc.app;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import org.antifraud.cc.app.cli.LogSetup;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.ui.common.FxUiExecutor;
import org.antifraud.cc.ui.common.I18n;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop application: the database opens on a worker thread while the toolkit starts, and
 * the window is built once both are ready. No database work on the FX thread.
 */
final class DesktopApp {
    private DesktopApp() {
    }

    static void launch(LaunchOptions options) {
        launch(options, window -> { });
    }

    /** As {@link #launch(LaunchOptions)}; {@code shown} sees the window on the FX thread right after it is shown. */
    static void launch(LaunchOptions options, Consumer<MainWindow> shown) {
        LogSetup.toDataDir(options.dataDir());
        StartupTrace.mark("logging set up");
        // the first logger (the database's, on the worker) configures logging, while the toolkit starts here
        CompletableFuture<Ready> ready = CompletableFuture.supplyAsync(() -> {
            AppServices services = AppServices.open(options.dataDir());
            StartupTrace.mark("services open");
            String period = services.datasets().latestYear().map(String::valueOf)
                    .orElse(String.valueOf(java.time.Year.now().getValue()));
            StartupTrace.mark("latest year read");
            return new Ready(services, period);
        });
        Platform.startup(() -> StartupTrace.mark("toolkit started"));
        Platform.runLater(() -> ready.whenComplete((r, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                fatal(cause, options.locale(), LoggerFactory.getLogger(DesktopApp.class));
                return;
            }
            FxUiExecutor executor = new FxUiExecutor();
            Stage stage = new Stage();
            StartupTrace.mark("building the window");
            MainWindow window = new MainWindow(r.services(), stage, executor, options.locale(), r.period());
            StartupTrace.mark("window built");
            stage.setOnHidden(e -> {
                // in order: no more timer ticks, no more work started, then (after the events of the close have been
                // dispatched) the database and the toolkit
                window.close();
                executor.close();
                Platform.runLater(() -> {
                    r.services().close();
                    Platform.exit();
                });
            });
            stage.setMaximized(true); // a workstation or wall screen: use all of it
            stage.show();
            StartupTrace.mark("stage shown");
            window.firstLoad().thenRun(() -> {
                StartupTrace.mark("first figures in");
                StartupTrace.log(LoggerFactory.getLogger(DesktopApp.class));
            });
            shown.accept(window);
        })));
    }

    private static void fatal(Throwable cause, Locale locale, Logger log) {
        I18n i18n = new I18n(locale != null ? locale : Lang.closest(Locale.getDefault()));
        String message;
        if (cause instanceof Problem p) {
            message = i18n.problem(p);
            log.warn("cannot start: {}", p.getMessage());
        } else {
            message = i18n.get("problem.unexpected", String.valueOf(cause.getMessage()));
            log.error("cannot start", cause);
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(i18n.get("app.start_failed"));
        alert.setTitle(i18n.get("app.title"));
        alert.showAndWait();
        Platform.exit();
        System.exit(1); // the window never opened: a script starting the application sees the failure
    }

    private record Ready(AppServices services, String period) {
    }
}
