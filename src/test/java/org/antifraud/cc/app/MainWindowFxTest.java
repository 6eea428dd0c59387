package org.antifraud.cc.app;

import java.nio.file.Path;

import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.ui.common.FxUiExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * TestFX tests of the whole window, headless: one database per test class (first use: the report and the demo
 * breakdown), a new window and worker pool for each test, closed after it so that no live-refresh timer outlives
 * its test.
 */
@IntegrationTest
@ExtendWith(ApplicationExtension.class)
public abstract class MainWindowFxTest {
    @TempDir
    protected static Path dataDir;
    protected static AppServices services;
    protected MainWindow window;
    protected FxUiExecutor executor;

    @BeforeAll
    static void openDatabase() {
        services = AppServices.open(dataDir);
    }

    @AfterAll
    static void closeDatabase() {
        services.close();
    }

    /** Opens the window for a test; each test class calls it from its own {@code @Start} (TestFX looks there only). */
    protected void open(Stage stage) {
        executor = new FxUiExecutor();
        window = createWindow(stage);
        beforeShow(stage);
        stage.show();
        FxTestSupport.leaveRoomForNotifications(stage);
        afterShow();
    }

    /**
     * Opens the window for a test (as {@link #open}) on the dashboard of {@code region} in {@code period}, which
     * loads as soon as the window shows.
     */
    protected void openOnDashboard(Stage stage, String period, String region) {
        executor = new FxUiExecutor();
        window = createWindow(stage);
        window.dashboard().periodTextProperty().set(period);
        window.dashboard().regionCodeProperty().set(region);
        beforeShow(stage);
        stage.show();
        FxTestSupport.leaveRoomForNotifications(stage);
        window.dashboard().refresh();
        afterShow();
    }

    /** The window under test: English, 2022 (override to hand it a file chooser). */
    protected MainWindow createWindow(Stage stage) {
        return new MainWindow(services, stage, executor, Lang.EN, "2022");
    }

    /** Adjusts the window or its filters before it is shown. */
    protected void beforeShow(Stage stage) {
    }

    /** Runs once it is shown. */
    protected void afterShow() {
    }

    @AfterEach
    void closeWindow() {
        window.close();
        executor.close();
    }
}
