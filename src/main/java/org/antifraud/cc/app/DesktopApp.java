package org.antifraud.cc.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import org.antifraud.cc.app.cli.LogSetup;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.Database;
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
        if (encrypted(options)) {
            // the passphrase is asked before anything opens (issue 13): the toolkit first, then the dialog
            Platform.startup(() -> StartupTrace.mark("toolkit started"));
            Platform.runLater(() -> askPassphrase(options, shown, false));
            return;
        }
        // the first logger (the database's, on the worker) configures logging, while the toolkit starts here
        CompletableFuture<Ready> ready = CompletableFuture.supplyAsync(() -> open(options, null));
        Platform.startup(() -> StartupTrace.mark("toolkit started"));
        Platform.runLater(() -> ready.whenComplete((r, error) -> Platform.runLater(() -> show(options, shown, r, error))));
    }

    /** Whether the data folder's database is encrypted; a damaged file is reported when it is opened. */
    private static boolean encrypted(LaunchOptions options) {
        try {
            return Database.encrypted(options.dataDir());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Ready open(LaunchOptions options, char[] passphrase) {
        AppServices services = AppServices.open(options.dataDir(), passphrase);
        StartupTrace.mark("services open");
        String period = services.datasets().latestYear().map(String::valueOf)
                .orElse(String.valueOf(java.time.Year.now().getValue()));
        StartupTrace.mark("latest year read");
        return new Ready(services, period);
    }

    /** The passphrase dialog (FX thread); a wrong passphrase asks again, Cancel ends the application. */
    private static void askPassphrase(LaunchOptions options, Consumer<MainWindow> shown, boolean wrongBefore) {
        Optional<char[]> typed = PassphraseDialog.ask(i18n(options.locale()), options.dataDir(), wrongBefore);
        if (typed.isEmpty()) {
            Platform.exit();
            System.exit(0); // the user chose not to open the database
            return;
        }
        char[] passphrase = typed.get();
        CompletableFuture.supplyAsync(() -> {
            try {
                return open(options, passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }).whenComplete((r, error) -> Platform.runLater(() -> {
            Throwable cause = error != null && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof Problem p && p.key().equals("wrong_passphrase")) {
                askPassphrase(options, shown, true);
                return;
            }
            show(options, shown, r, error);
        }));
    }

    private static void show(LaunchOptions options, Consumer<MainWindow> shown, Ready r, Throwable error) {
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
            executor.close();
            r.services().close();
            Platform.exit();
        });
        stage.setMaximized(true); // a workstation or wall screen: use all of it
        stage.show();
        StartupTrace.mark("stage shown");
        window.firstLoad().thenRun(() -> {
            StartupTrace.mark("first figures in");
            StartupTrace.log(LoggerFactory.getLogger(DesktopApp.class));
        });
        shown.accept(window);
    }

    private static I18n i18n(Locale locale) {
        return new I18n(locale != null ? locale : Lang.closest(Locale.getDefault()));
    }

    private static void fatal(Throwable cause, Locale locale, Logger log) {
        I18n i18n = i18n(locale);
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
