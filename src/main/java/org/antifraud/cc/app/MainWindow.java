package org.antifraud.cc.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

import org.antifraud.cc.domain.DatabaseSession;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.persistence.ChangeFeed;
import org.antifraud.cc.service.access.AccessService;
import org.antifraud.cc.service.backup.BackupService;
import org.antifraud.cc.service.briefing.CjkFonts;
import org.antifraud.cc.ui.alerts.AlertNotifier;
import org.antifraud.cc.ui.alerts.AlertRow;
import org.antifraud.cc.ui.alerts.AlertsView;
import org.antifraud.cc.ui.alerts.AlertsViewModel;
import org.antifraud.cc.ui.backup.BackupViewModel;
import org.antifraud.cc.ui.briefing.BriefingView;
import org.antifraud.cc.ui.briefing.BriefingViewModel;
import org.antifraud.cc.ui.briefing.FxSlideOutput;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.FileChooserService;
import org.antifraud.cc.ui.common.FxDebouncer;
import org.antifraud.cc.ui.common.FxDialogService;
import org.antifraud.cc.ui.common.FxFileChooserService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.LiveRefresh;
import org.antifraud.cc.ui.common.OutputCheckingFileChooser;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.common.UiExecutor;
import org.antifraud.cc.ui.common.WriteAccess;
import org.antifraud.cc.ui.completeness.CompletenessViewModel;
import org.antifraud.cc.ui.dashboard.DashboardAlertFeed;
import org.antifraud.cc.ui.dashboard.DashboardView;
import org.antifraud.cc.ui.dashboard.DashboardViewModel;
import org.antifraud.cc.ui.drill.FigureDrillViewModel;
import org.antifraud.cc.ui.entry.DataEntryView;
import org.antifraud.cc.ui.entry.HistoryRow;
import org.antifraud.cc.ui.entry.DataEntryViewModel;
import org.antifraud.cc.ui.entry.ExportViewModel;
import org.antifraud.cc.ui.entry.ImportViewModel;
import org.antifraud.cc.ui.entry.PackageViewModel;
import org.antifraud.cc.ui.entry.SubmitMonthViewModel;
import org.antifraud.cc.ui.settings.DatabaseSettingsViewModel;
import org.antifraud.cc.ui.settings.SettingsView;
import org.antifraud.cc.ui.settings.SettingsViewModel;
import org.antifraud.cc.ui.settings.UsersViewModel;
import org.antifraud.cc.ui.shell.Page;
import org.antifraud.cc.ui.shell.ShellView;
import org.antifraud.cc.ui.shell.ShellViewModel;
import org.antifraud.cc.ui.wall.WallScreen;
import org.antifraud.cc.ui.wall.WallScreenViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GUI half of the composition root: builds the ViewModels once, loads the views with a controller
 * factory, and reloads the views (not the ViewModels) when the language changes.
 */
public final class MainWindow {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    static final String PREF_THEME = "theme";
    static final String PREF_LANG = "lang";
    static final String PREF_PERIOD = "dashboard.period";
    static final String PREF_REGION = "dashboard.region";
    static final String PREF_CAMPAIGN = "dashboard.campaign";
    static final String PREF_MAP_INDICATOR = "dashboard.map_indicator";
    /** Where the window was left: "x,y,width,height,max|normal" ({@link WindowPlacement}). */
    static final String PREF_WINDOW = "window.placement";
    /** The classification line of briefings; blank or unset: the language's default. */
    static final String PREF_CLASSIFICATION = "briefing.classification";
    /** Days after a month's end from which an unsubmitted month is late (issue 12). */
    static final String PREF_LATE_AFTER_DAYS = "completeness.late_after_days";
    /** The shared database Settings → Database chose for the next start; blank: the folder's own file. */
    static final String PREF_SHARED_DB = "database.shared";

    private final AppServices services;
    private final Offscreen offscreen;
    private final Stage stage;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final DialogService dialogs;
    private final FileChooserService chooser;
    private final DashboardViewModel dashboard;
    private final ShellViewModel shell;
    private final SettingsViewModel settings;
    private final DatabaseSettingsViewModel databaseSettings;
    private final UsersViewModel users;
    private final WriteAccess access;
    private final AlertsViewModel alerts;
    /** The dashboard's read-only alerts feed, kept in step with the alerts page's (pages stand alone). */
    private final DashboardAlertFeed alertFeed = new DashboardAlertFeed();
    private final DataEntryViewModel entry;
    private final CompletenessViewModel completeness;
    private final SubmitMonthViewModel submitMonth;
    private final ImportViewModel imports;
    private final ExportViewModel exports;
    private final PackageViewModel packages;
    private final BriefingViewModel briefing;
    private final BackupViewModel backups;
    private final Scene scene;
    /** The Data entry page's model: its drafts are written at the close. */
    private DataEntryViewModel entryModel;
    private final LiveRefresh liveRefresh;
    private ChangeFeed changeFeed;
    private BooleanExpression firstLoadPending;
    /** The wall screen an offscreen render shows instead of the window's pages, or null. */
    private WallScreenViewModel offscreenWall;
    private final ExecutorService preferenceWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cc-preferences");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param initialPeriod the dashboard's period to start with; read off the FX thread by the caller
     * @param locale        --lang, or null for the saved setting or the system language
     */
    public MainWindow(AppServices services, Stage stage, UiExecutor executor, Locale locale, String initialPeriod) {
        this(services, stage, executor, locale, initialPeriod, null, null);
    }

    /** As above, with the files chosen by {@code files} instead of the platform's file dialogs (tests). */
    public MainWindow(AppServices services, Stage stage, UiExecutor executor, Locale locale, String initialPeriod,
                      FileChooserService files) {
        this(services, stage, executor, locale, initialPeriod, null, files);
    }

    /**
     * What an offscreen render (the {@code snapshot} command) shows instead of the saved settings, for itself
     * alone: a null theme, period or region keeps the saved one. Such a window saves nothing.
     */
    public record Offscreen(Page page, Theme theme, String period, String region, int width, int height,
                            int wallPage) {
        /** A page of the window (not the wall screen). */
        public Offscreen(Page page, Theme theme, String period, String region, int width, int height) {
            this(page, theme, period, region, width, height, 0);
        }
    }

    /** The window's content in a scene of exactly {@code offscreen}'s size, in a stage that is never shown. */
    public static MainWindow offscreen(AppServices services, UiExecutor executor, Locale locale, String initialPeriod,
                                       Offscreen offscreen) {
        return new MainWindow(services, new Stage(), executor, locale, initialPeriod, Objects.requireNonNull(offscreen),
                null);
    }

    private MainWindow(AppServices services, Stage stage, UiExecutor executor, Locale locale, String initialPeriod,
                       Offscreen offscreen, FileChooserService files) {
        this.services = services;
        this.offscreen = offscreen;
        this.stage = stage;
        this.executor = executor;
        this.appearance = new Appearance(startLanguage(locale), startTheme());
        this.dialogs = new FxDialogService(() -> stage);
        // every save dialog of the window follows the output rule: nothing is written into the data folder
        this.chooser = new OutputCheckingFileChooser(files != null ? files : new FxFileChooserService(() -> stage),
                services.backups().outputs(), dialogs, appearance::i18n);

        this.dashboard = dashboardPage(initialPeriod);
        // the figures load while the rest of the window is built (issue 16); the first refresh below leaves them be
        dashboard.refresh();
        this.shell = new ShellViewModel(services.datasets(), services.database().description(), executor, appearance,
                dashboard, ZoneId.systemDefault());
        // who works on which database: read when the services opened, off the FX thread (DesktopApp)
        DatabaseSession session = services.access().session();
        shell.useSession(session);
        this.access = shell.writeAccess();
        this.settings = settingsPage();
        this.databaseSettings = new DatabaseSettingsViewModel(new DatabaseSettingsViewModel.Connections() {
            @Override
            public String check(String address) {
                return AccessService.checkAddress(address);
            }

            @Override
            public DatabaseSession test(String address, char[] password) {
                return AccessService.testLogin(address, password);
            }
        }, executor, appearance, services.preferences().get(PREF_SHARED_DB).orElse(""), session,
                address -> save(PREF_SHARED_DB, address));
        this.users = new UsersViewModel(services.access(), session.shared(), access, executor, appearance, dialogs);
        this.completeness = newCompleteness();
        completeness.follow(dashboard.dataProperty()); // read again on every dashboard load, live refresh included
        this.alerts = alertsPage();
        this.entry = entryPage();
        this.submitMonth = new SubmitMonthViewModel(services.submissions(), services.catalog(), executor, appearance,
                dialogs, Clock.systemDefaultZone());
        // after an import: the entry page's lists at once, the dashboard and status bar on the next poll (now)
        this.imports = new ImportViewModel(services.interchange(), executor, Platform::runLater, appearance, chooser,
                kind -> afterImport());
        this.exports = new ExportViewModel(services.interchange(), services.catalog(), executor, appearance, chooser);
        this.packages = new PackageViewModel(services.packages(), executor, appearance, chooser, dialogs,
                services::operator, Clock.systemDefaultZone(), this::afterImport);
        this.briefing = briefingPage(initialPeriod);
        this.backups = new BackupViewModel(services.backups(), BackupService.backupsFolderPath(services.dataDir()),
                executor, appearance, chooser, dialogs, this::closeDatabase, this::quit);

        this.scene = newScene();
        this.liveRefresh = new LiveRefresh(services.datasets()::dataVersion, executor, () -> {
            dashboard.refreshQuietly();
            shell.refreshStatus();
            alerts.evaluate();
            entry.refreshQuietly();
            briefing.refreshQuietly();
        });
        rememberChoices();
        showStage();
    }

    // ------------------------------------------------------------------ the pages' ViewModels

    private Locale startLanguage(Locale locale) {
        return locale != null ? locale
                : services.preferences().get(PREF_LANG).flatMap(Lang::ofTag).orElse(Lang.closest(Locale.getDefault()));
    }

    private Theme startTheme() {
        return offscreen != null && offscreen.theme() != null ? offscreen.theme()
                : services.preferences().get(PREF_THEME).flatMap(MainWindow::theme).orElse(Theme.DARK);
    }

    /** The dashboard on the period, region, campaign and map indicator of last time (or the snapshot's). */
    private DashboardViewModel dashboardPage(String initialPeriod) {
        var prefs = services.preferences();
        var model = new DashboardViewModel(services.dashboard(), executor, appearance, Clock.systemDefaultZone(),
                newFigureDrill());
        model.periodTextProperty().set(offscreen != null && offscreen.period() != null ? offscreen.period()
                : prefs.get(PREF_PERIOD).filter(MainWindow::isPeriod).orElse(initialPeriod));
        model.regionCodeProperty().set(offscreen != null && offscreen.region() != null ? offscreen.region()
                : prefs.get(PREF_REGION).filter(r -> services.catalog().region(r).isPresent()).orElse("CN"));
        model.campaignCodeProperty().set(offscreen != null ? null : prefs.get(PREF_CAMPAIGN)
                .filter(c -> services.catalog().campaign(c).isPresent()).orElse(null));
        model.mapIndicatorProperty().set(prefs.get(PREF_MAP_INDICATOR)
                .filter(DashboardViewModel.MAP_INDICATORS::contains).orElse(DashboardViewModel.MAP_INDICATORS.getFirst()));
        return model;
    }

    /** A drill panel's model (issue 16): each page that drills has its own; a record behind a figure opens in its form. */
    private FigureDrillViewModel newFigureDrill() {
        var figureDrill = new FigureDrillViewModel(services.explain(), executor, appearance, chooser, dialogs,
                code -> services.catalog().region(code).map(r -> r.name(appearance.localeProperty().get())).orElse(code),
                code -> services.catalog().indicator(code).map(i -> i.name(appearance.localeProperty().get()))
                        .orElse(code));
        figureDrill.setOpenRecord(stored -> {
            shell.pageProperty().set(Page.ENTRY);
            entry.forms().edit(new HistoryRow(stored, List.of()));
        });
        return figureDrill;
    }

    /** Settings, each saved as it changes; this station's id and key are read off the FX thread. */
    private SettingsViewModel settingsPage() {
        var prefs = services.preferences();
        var model = new SettingsViewModel(services.datasets(), services.dataDir().toAbsolutePath().toString(),
                executor, appearance, dialogs, shell.demoPresentProperty(), shell::refreshAll);
        model.useOperator(prefs.get(AppServices.PREF_OPERATOR).orElse(""), System.getProperty("user.name"),
                name -> save(AppServices.PREF_OPERATOR, name));
        model.useClassification(prefs.get(PREF_CLASSIFICATION).orElse(""), text -> save(PREF_CLASSIFICATION, text));
        model.useLateAfterDays(prefs.get(PREF_LATE_AFTER_DAYS).orElse(""), days -> save(PREF_LATE_AFTER_DAYS, days));
        model.useStations(services.stationTrust(), chooser, () -> new SettingsViewModel.OwnStation(
                services.packages().stationId(), services.stationKeys().fingerprint()));
        return model;
    }

    /** Which units have submitted which months, late after the days set in Settings. */
    private CompletenessViewModel newCompleteness() {
        return new CompletenessViewModel(services.completeness(), services.catalog(), executor, appearance,
                Clock.systemDefaultZone(), settings.lateAfterDaysProperty());
    }

    /** Alerts, their count in the navigation, and a pop-up for each new one over whichever page is shown. */
    private AlertsViewModel alertsPage() {
        var model = new AlertsViewModel(services.alerts(), services.catalog(), executor, appearance, dialogs,
                services.operator(), ZoneId.systemDefault());
        model.useWriteAccess(access);
        shell.unacknowledgedAlertsProperty().bind(model.feed().unacknowledgedCountProperty());
        // thresholds are checked at start (once the first figures are in), on every refresh, and by live refresh
        if (offscreen == null) {
            shell.alsoOnRefresh(model::evaluate); // a snapshot only reads
        }
        new AlertNotifier(model, appearance, () -> stage, () -> shell.pageProperty().set(Page.ALERTS));
        Runnable feed = () -> alertFeed.show(model.feed().rows().stream()
                .map(r -> new DashboardAlertFeed.Line(r.raisedAt(), r.indicator() + " \u00b7 " + r.region() + " \u00b7 "
                        + r.period() + ": " + r.value() + " (" + r.limit() + ")", r.open(), r.synthetic()))
                .toList(), model.feed().countTextProperty().get());
        model.feed().rows().addListener((ListChangeListener<AlertRow>) c -> feed.run());
        model.feed().countTextProperty().addListener((obs, old, now) -> feed.run());
        feed.run();
        return model;
    }

    private DataEntryViewModel entryPage() {
        var model = entryModel = new DataEntryViewModel(services.records(), services.audit(), services.drafts(), services.catalog(),
                executor, appearance, dialogs, new FxDebouncer(Duration.millis(500)), Clock.systemDefaultZone());
        model.useWriteAccess(access);
        if (offscreen == null) {
            model.drafts().check(); // a draft kept from last time is offered back
        }
        return model;
    }

    private BriefingViewModel briefingPage(String initialPeriod) {
        var outputs = new BriefingViewModel.Outputs(services.decks(), services.slidePainter(),
                new FxSlideOutput(services.slidePainter(), () -> stage), CjkFonts::locate, Platform::runLater);
        var model = new BriefingViewModel(services.narratives(), services.catalog(), executor, appearance, chooser,
                initialPeriod, () -> settings.classificationProperty().get(), outputs);
        // the wall screen's completeness page reads the briefing's period and region: a ViewModel of its own each time
        model.useCompleteness(this::newCompleteness);
        model.useFigureDrill(newFigureDrill()); // a slide's figure leads to what is behind it (issue 16)
        return model;
    }

    // ------------------------------------------------------------------ the window

    private Scene newScene() {
        if (offscreen != null && offscreen.wallPage() > 0) {
            WallScreen wall = wallScreen();
            offscreenWall = wall.viewModel();
            wall.show(offscreen.wallPage() - 1);
            return new Scene(wall, offscreen.width(), offscreen.height());
        }
        if (offscreen != null) {
            shell.pageProperty().set(offscreen.page());
            return new Scene(loadShell(), offscreen.width(), offscreen.height());
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new Scene(loadShell(), Math.min(1600, screen.getWidth() * 0.92), Math.min(960, screen.getHeight() * 0.92));
    }

    /** The theme, the language and the dashboard's choices are saved as they change (and applied). */
    private void rememberChoices() {
        applyTheme();
        installShortcuts();
        appearance.themeProperty().addListener((obs, old, now) -> {
            applyTheme();
            save(PREF_THEME, now.name().toLowerCase(Locale.ROOT));
        });
        appearance.localeProperty().addListener((obs, old, now) -> {
            scene.setRoot(loadShell());
            stage.setTitle(appearance.i18n().get("app.title"));
            save(PREF_LANG, Lang.tag(now));
        });
        dashboard.dataProperty().addListener((obs, old, now) -> {
            if (now != null && (old == null || !old.query().equals(now.query()))) {
                save(PREF_PERIOD, now.query().period().code());
                save(PREF_REGION, now.query().regionCode());
                save(PREF_CAMPAIGN, now.query().campaignCode() == null ? "" : now.query().campaignCode());
            }
        });
        dashboard.mapIndicatorProperty().addListener((obs, old, now) -> save(PREF_MAP_INDICATOR, now));
    }

    /** The scene in the stage, the first loads started, and live refresh (not for a snapshot, which renders once). */
    private void showStage() {
        stage.setTitle(appearance.i18n().get("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        if (offscreen == null) {
            placeWindow();
        }
        // what else follows a refresh (the alerts' check) once the first figures are in: not beside their load
        shell.refreshStatus();
        firstLoad().thenRun(shell::refreshFollowers);
        if (offscreen == null) {
            liveRefresh.start(Duration.seconds(1));
            // on a shared database a commit anywhere is heard at once (LISTEN/NOTIFY); the poll stays as the fallback
            changeFeed = services.database().changes(() -> Platform.runLater(liveRefresh::poll), state -> {
                LOG.info("shared database change feed: {}", state);
                Platform.runLater(() -> shell.setReconnecting(state == ChangeFeed.State.RECONNECTING));
            }).orElse(null);
        }
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> close());
    }

    /**
     * Puts {@code stage} where the saved placement says ({@code saved} null on the first run: maximised), also for the
     * start-up skeleton, whose stage the window takes over; returns the placement used.
     */
    static WindowPlacement place(Stage stage, String saved) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        WindowPlacement placement = WindowPlacement.restore(saved, screens);
        if (placement.maximised()) {
            // the Headless platform (tests) cannot draw a maximised window (its blit overruns the screen buffer)
            stage.setMaximized(!FxPlatform.isHeadless());
        } else {
            stage.setMaximized(false);
            stage.setX(placement.x());
            stage.setY(placement.y());
            stage.setWidth(placement.width());
            stage.setHeight(placement.height());
        }
        return placement;
    }

    /**
     * Maximised on the first run; afterwards where and as large as it was left (maximised again if it was), and
     * maximised when no screen shows the saved bounds any more (issue 16). Each change is saved once it settles.
     */
    private void placeWindow() {
        WindowPlacement placement = place(stage, services.preferences().get(PREF_WINDOW).orElse(null));
        double[] normal = placement.maximised() ? null
                : new double[] {placement.x(), placement.y(), placement.width(), placement.height()};
        FxDebouncer settle = new FxDebouncer(Duration.millis(600));
        InvalidationListener changed = obs -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.isShowing()) {
                normalBounds = new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
            }
            settle.poke(() -> {
                double[] b = normalBounds != null ? normalBounds
                        : new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
                save(PREF_WINDOW, new WindowPlacement(b[0], b[1], b[2], b[3], stage.isMaximized()).format());
            });
        };
        normalBounds = normal;
        for (ObservableValue<?> p : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(),
                stage.heightProperty(), stage.maximizedProperty())) {
            p.addListener(changed);
        }
    }

    /** The window's last bounds while neither maximised nor minimised: what a restore opens at. */
    private double[] normalBounds;

    /** Before a restore replaces the file: nothing reads the database any more, and it is closed (off the FX thread). */
    private void closeDatabase() {
        Platform.runLater(liveRefresh::stop); // a poll meanwhile fails quietly; the window closes next
        services.close();
    }

    private void afterImport() {
        entry.refreshQuietly();
        liveRefresh.poll();
    }

    /** The Briefing page's ViewModel. */
    public BriefingViewModel briefing() {
        return briefing;
    }

    /**
     * File → Exit and Ctrl+Q: the window closes once the key or menu event that asked for it has been dispatched,
     * never from inside it. Closed from inside the accelerator, the stage's onHidden ended the toolkit while
     * {@code Stage.close()} was still running, which then printed "IllegalStateException: This operation is permitted
     * on the event thread only" (AttackQuitWindowTest).
     */
    void quit() {
        Platform.runLater(stage::close);
    }

    /** Stops live refresh and the change feed, and keeps what was typed last (the window is closing). */
    public void close() {
        liveRefresh.stop();
        if (entryModel != null && offscreen == null) {
            entryModel.drafts().keepNow(); // Ctrl+Q half a second after the last key loses nothing
        }
        if (changeFeed != null) {
            changeFeed.close();
            changeFeed = null;
        }
    }

    /** A hand-edited settings file must never keep the window from opening: an unknown theme falls back. */
    static Optional<Theme> theme(String name) {
        try {
            return Optional.of(Theme.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isPeriod(String s) {
        try {
            Period.parse(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Off the FX thread, one at a time and in order, so the last choice is the one kept. */
    private void save(String key, String value) {
        if (offscreen != null) {
            return; // a snapshot's choices are its own
        }
        preferenceWriter.execute(() -> {
            try {
                services.preferences().put(key, value);
            } catch (RuntimeException e) {
                LOG.warn("could not save the setting {}", key, e);
            }
        });
    }

    /**
     * A wall screen (ADR 0036) of the dashboard's figures, the alerts and the reporting completeness, kept current by
     * the window's live refresh, with the headline figures' months read beside.
     */
    public WallScreen wallScreen() {
        return new WallScreen(new WallScreenViewModel(dashboard, alerts.feed(), completeness,
                services.dashboard()::regionMonths, executor, Clock.systemDefaultZone(), appearance.i18n()));
    }

    private Parent loadShell() {
        return load("fxml/shell/ShellView.fxml");
    }

    private Node loadPage(Page page) {
        return switch (page) {
            case DASHBOARD -> load("fxml/dashboard/DashboardView.fxml");
            case ENTRY -> load("fxml/entry/DataEntryView.fxml");
            case BRIEFING -> load("fxml/briefing/BriefingView.fxml");
            case ALERTS -> load("fxml/alerts/AlertsView.fxml");
            case SETTINGS -> load("fxml/settings/SettingsView.fxml");
        };
    }

    private <T> T load(String resource) {
        URL url = Objects.requireNonNull(MainWindow.class.getClassLoader().getResource(resource), resource);
        FXMLLoader loader = new FXMLLoader(url, new I18n(appearance.localeProperty().get()).bundle());
        loader.setControllerFactory(type -> {
            if (type == ShellView.class) {
                return new ShellView(shell, settings, appearance, this::loadPage, this::quit, backups);
            }
            if (type == DashboardView.class) {
                return new DashboardView(dashboard, completeness, alertFeed);
            }
            if (type == SettingsView.class) {
                return new SettingsView(settings, databaseSettings, users, access);
            }
            if (type == AlertsView.class) {
                return new AlertsView(alerts);
            }
            if (type == BriefingView.class) {
                // the wall screen shows the same ViewModels as the pages, so live refresh keeps both current
                return new BriefingView(briefing, this::wallScreen);
            }
            if (type == DataEntryView.class) {
                return new DataEntryView(entry, imports, exports, packages, submitMonth);
            }
            throw new IllegalArgumentException("no controller for " + type);
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }

    private void applyTheme() {
        scene.getStylesheets().setAll(stylesheets(appearance.themeProperty().get()));
    }

    /** The window's stylesheets in a theme. */
    public static List<String> stylesheets(Theme theme) {
        return List.of(stylesheet(theme.stylesheet()), stylesheet("styles/app.css"), stylesheet("styles/dashboard.css"),
                stylesheet("styles/alerts.css"), stylesheet("styles/entry.css"),
                stylesheet("styles/wall.css"));
    }

    private static String stylesheet(String resource) {
        return Objects.requireNonNull(MainWindow.class.getClassLoader().getResource(resource), resource).toExternalForm();
    }

    private void installShortcuts() {
        for (Page page : Page.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + (page.ordinal() + 1));
            scene.getAccelerators().put(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN),
                    () -> shell.pageProperty().set(page));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), shell::refreshAll);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11),
                () -> stage.setFullScreen(!stage.isFullScreen()));
    }

    public Scene scene() {
        return scene;
    }

    /**
     * Completes on the FX thread once the loads the constructor started (the figures, the status bar) have
     * finished, whether they succeeded or not. Call on the FX thread.
     */
    public CompletableFuture<Void> firstLoad() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        // the completeness panel loads after the figures it follows: done when it has too (or there are none)
        BooleanExpression pages = shell.busyProperty().or(dashboard.loadErrorProperty().isNull()
                .and(dashboard.periodErrorProperty().isNull()).and(completeness.loadedProperty().not()));
        // a wall screen's sparklines are read after the figures too
        BooleanExpression busy = offscreenWall == null ? pages
                : pages.or(dashboard.loadErrorProperty().isNull().and(offscreenWall.monthsLoadedProperty().not()));
        firstLoadPending = busy; // held: a binding is observed only weakly by what it depends on
        if (!busy.get()) {
            done.complete(null);
            return done;
        }
        busy.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                if (!now) {
                    busy.removeListener(this);
                    done.complete(null);
                }
            }
        });
        return done;
    }

    public Appearance appearance() {
        return appearance;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public DashboardViewModel dashboard() {
        return dashboard;
    }

    public AlertsViewModel alerts() {
        return alerts;
    }

    public DataEntryViewModel entry() {
        return entry;
    }

    public ExportViewModel exports() {
        return exports;
    }

    public CompletenessViewModel completeness() {
        return completeness;
    }

    public BackupViewModel backups() {
        return backups;
    }

    public DatabaseSettingsViewModel databaseSettings() {
        return databaseSettings;
    }

    public UsersViewModel users() {
        return users;
    }
}
