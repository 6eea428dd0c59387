package org.antifraud.cc.app;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Year;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.antifraud.cc.app.cli.LogSetup;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.PreferencesStore;
import org.antifraud.cc.persistence.SharedDatabase;
import org.antifraud.cc.service.backup.BackupService;
import org.antifraud.cc.ui.common.FxUiExecutor;
import org.antifraud.cc.ui.common.I18n;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop application: the database opens on a worker thread while the toolkit starts, and
 * the window is built once both are ready. No database work on the FX thread.
 */
final class DesktopApp {
    /** What {@code Database.open} raises for a damaged file (the store lane's detection); the window offers a restore. */
    static final String DATABASE_DAMAGED = "database_damaged";
    /** Start-up failures a backup can put right: damaged, or a file H2 cannot read at all. */
    private static final Set<String> RESTORABLE = Set.of(DATABASE_DAMAGED, "database_unreadable");

    private DesktopApp() {
    }

    static void launch(LaunchOptions options) {
        launch(options, window -> { });
    }

    /** What a launch tells its caller, on the FX thread: for {@code bench startup}. */
    interface Shown {
        /** The window's first frame is about to be drawn: the skeleton's scene, before the database is open. */
        default void skeleton(Scene scene) {
        }

        /** The window, right after it was shown with its pages (their figures still loading). */
        void window(MainWindow window);
    }

    /** As {@link #launch(LaunchOptions)}; {@code shown} sees the skeleton and the window as they are shown. */
    static void launch(LaunchOptions options, Shown shown) {
        LogSetup.toDataDir(options.dataDir());
        StartupTrace.mark("logging set up");
        Optional<String> shared = sharedAddress(options);
        if (shared.isPresent()) {
            // a shared database (issue 15): its password may have to be asked, so the toolkit first
            Platform.startup(() -> StartupTrace.mark("toolkit started"));
            Platform.setImplicitExit(false); // between the password dialog and the window none is open; exits are explicit
            Platform.runLater(() -> openShared(options, shared.get(), shown));
            return;
        }
        if (encrypted(options)) {
            // the passphrase is asked before anything opens (issue 13): the toolkit first, then the dialog
            Platform.startup(() -> StartupTrace.mark("toolkit started"));
            Platform.runLater(() -> askPassphrase(options, shown, false));
            return;
        }
        // the database opens on a worker while the toolkit starts and the window's first frame (issue 16) is drawn;
        // the window built once both are done takes the skeleton's stage over
        CompletableFuture<Ready> opening = openAsync(options);
        Platform.startup(() -> StartupTrace.mark("toolkit started"));
        Platform.runLater(() -> {
            Stage skeleton = StartupSkeleton.show(options);
            StartupTrace.mark("skeleton shown");
            shown.skeleton(skeleton.getScene());
            afterNextPulse(skeleton.getScene(), () -> opening.whenComplete((r, error) ->
                    Platform.runLater(() -> show(options, shown, r, error, skeleton))));
        });
    }

    /** Runs {@code next} on the FX thread once the next pulse of {@code scene} has laid out and handed over its frame. */
    static void afterNextPulse(Scene scene, Runnable next) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            // after this pulse, whose last step hands the frame to the render thread
            Platform.runLater(next);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /**
     * The shared database to open: {@code --db}, else the one Settings → Database remembered in the data folder's
     * settings; empty: the folder's own file.
     */
    private static Optional<String> sharedAddress(LaunchOptions options) {
        if (options.db() != null) {
            return Optional.of(options.db());
        }
        return settings(options).flatMap(p -> p.get(MainWindow.PREF_SHARED_DB)).filter(s -> !s.isBlank());
    }

    /** The data folder's settings, or empty when they cannot be read (opening the services then says why). */
    static Optional<PreferencesStore> settings(LaunchOptions options) {
        try {
            return Optional.of(new PreferencesStore(options.dataDir().resolve("settings.properties")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens the shared database off the FX thread, asking for the password in the window when the server refuses the
     * login without one; Cancel ends the application.
     */
    private static void openShared(LaunchOptions options, String address, Shown shown) {
        Locale locale = options.locale() != null ? options.locale()
                : settings(options).flatMap(p -> p.get(MainWindow.PREF_LANG)).flatMap(Lang::ofTag)
                .orElse(null);
        I18n i18n = i18n(locale);
        SharedDatabase target;
        try {
            target = SharedDatabase.parse(address);
        } catch (Problem p) {
            fatal(p, locale, LoggerFactory.getLogger(DesktopApp.class));
            return;
        }
        Executor worker = task -> Thread.ofPlatform().daemon().name("cc-open").start(task);
        new SharedStart(worker, Platform::runLater)
                .open(password -> openShared(options, target, password),
                        (wrongBefore, answer) -> SharedPasswordDialog.ask(i18n, target.toString(), wrongBefore, answer))
                .whenComplete((ready, error) -> Platform.runLater(() -> {
                    if (error == null && ready.isEmpty()) {
                        Platform.exit();
                        System.exit(0); // the user chose not to log in
                        return;
                    }
                    show(options, shown, error == null ? ready.get() : null, error);
                }));
    }

    private static Ready openShared(LaunchOptions options, SharedDatabase target, char[] password) {
        AppServices services = AppServices.openShared(options.dataDir(), target, password, false);
        try {
            services.access().session(); // the role and the regions read here, off the FX thread
            String period = services.datasets().latestYear().map(String::valueOf)
                    .orElse(String.valueOf(Year.now().getValue()));
            StartupTrace.mark("services open");
            return new Ready(services, period);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** Whether the data folder's database is encrypted; a damaged file is reported when it is opened. */
    private static boolean encrypted(LaunchOptions options) {
        try {
            return Database.encrypted(options.dataDir());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static CompletableFuture<Ready> openAsync(LaunchOptions options) {
        return CompletableFuture.supplyAsync(() -> open(options, null));
    }

    private static Ready open(LaunchOptions options, char[] passphrase) {
        AppServices services = AppServices.open(options.dataDir(), passphrase);
        StartupTrace.mark("services open");
        String period = services.datasets().latestYear().map(String::valueOf)
                .orElse(String.valueOf(Year.now().getValue()));
        StartupTrace.mark("latest year read");
        return new Ready(services, period);
    }

    /** The passphrase dialog (FX thread); a wrong passphrase asks again, Cancel ends the application. */
    private static void askPassphrase(LaunchOptions options, Shown shown, boolean wrongBefore) {
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

    /** The window once the services are open; a failure to open them is said in a dialog (FX thread). */
    private static void show(LaunchOptions options, Shown shown, Ready r, Throwable error) {
        show(options, shown, r, error, null);
    }

    /** As above, in the skeleton's stage when there is one (it stays until the window or a dialog replaces it). */
    private static void show(LaunchOptions options, Shown shown, Ready r, Throwable error, Stage skeleton) {
        if (error != null) {
            if (skeleton != null) {
                Platform.setImplicitExit(false); // the dialogs below open after the skeleton closes; exits are explicit
                skeleton.hide();
            }
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            if (cause instanceof Problem p && RESTORABLE.contains(p.key())) {
                LoggerFactory.getLogger(DesktopApp.class).warn("cannot start: {}", p.getMessage());
                damaged(options, shown);
                return;
            }
            fatal(cause, options.locale(), LoggerFactory.getLogger(DesktopApp.class));
            return;
        }
        FxUiExecutor executor = new FxUiExecutor();
        Stage stage = skeleton != null ? skeleton : new Stage();
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
        if (skeleton == null) {
            stage.show(); // placed by the window: where it was left, maximised the first time
        }
        StartupTrace.mark("stage shown");
        window.firstLoad().thenRun(() -> {
            StartupTrace.mark("first figures in");
            StartupTrace.log(LoggerFactory.getLogger(DesktopApp.class));
        });
        shown.window(window);
    }

    private static I18n i18n(Locale locale) {
        return new I18n(locale != null ? locale : Lang.closest(Locale.getDefault()));
    }

    /**
     * The database file is damaged (issue 13): say so and offer a backup to restore, or quit. Never a new, empty
     * database in its place; after a restore the application opens the restored one.
     */
    private static void damaged(LaunchOptions options, Shown shown) {
        Platform.setImplicitExit(false); // no window is open between these dialogs; the exits below are explicit
        I18n i18n = new I18n(options.locale() != null ? options.locale() : Lang.closest(Locale.getDefault()));
        Path folder = BackupService.backupsFolder(options.dataDir());
        ButtonType restore = new ButtonType(i18n.get("damaged.restore"), ButtonBar.ButtonData.OK_DONE);
        ButtonType quit = new ButtonType(i18n.get("damaged.quit"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.ERROR,
                i18n.get("damaged.message", Database.file(options.dataDir()).toString(), folder.toString()), restore, quit);
        alert.setHeaderText(i18n.get("damaged.title"));
        alert.setTitle(i18n.get("app.title"));
        if (alert.showAndWait().orElse(quit) != restore) {
            Platform.exit();
            System.exit(1); // the window never opened
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("restore.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("backup.filter"), "*.zip"));
        chooser.setInitialDirectory(folder.toFile());
        File chosen = chooser.showOpenDialog(null);
        if (chosen == null) {
            damaged(options, shown);
            return;
        }
        CompletableFuture.supplyAsync(() -> BackupService.restore(options.dataDir(), chosen.toPath(), Clock.systemUTC()))
                .whenComplete((restored, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        String message = cause instanceof Problem p ? i18n.problem(p)
                                : i18n.get("problem.unexpected", String.valueOf(cause.getMessage()));
                        if (!(cause instanceof Problem)) {
                            LoggerFactory.getLogger(DesktopApp.class).error("restore failed", cause);
                        }
                        new Alert(Alert.AlertType.ERROR, message).showAndWait();
                        damaged(options, shown);
                        return;
                    }
                    new Alert(Alert.AlertType.INFORMATION, i18n.get("damaged.restored", chosen.toString()))
                            .showAndWait();
                    if (encrypted(options)) {
                        askPassphrase(options, shown, false);
                    } else {
                        openAsync(options).whenComplete((opened, failure) -> Platform.runLater(
                                () -> show(options, shown, opened, failure)));
                    }
                }));
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
