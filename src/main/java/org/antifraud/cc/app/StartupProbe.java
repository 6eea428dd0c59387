package org.antifraud.cc.app;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * One measured start, for {@code bench startup}: the milliseconds from this JVM's start to the first frame
 * of a page, either the application's dashboard after its first load or a bare window with one label.
 * "Painted" here is the end, on the FX thread, of the first pulse that lays out that content and hands its
 * frame to the render thread; both kinds of start are measured the same way, and both windows are
 * maximized, so that both paint the same number of pixels.
 */
public final class StartupProbe {
    /** Main's argument for the bare window: it runs before the command line is parsed, so none of it loads. */
    public static final String BARE_WINDOW_ARG = "--startup-probe-bare-window";
    /**
     * Main's first argument for one measured launch of the application: the arguments after it are parsed as a
     * person's command line that opens the window, so the launch takes the window's own path.
     */
    public static final String APPLICATION_ARG = "--startup-probe-application";
    /** How a probe reports its figures: one line on stdout, {@code startup_ms=N cpu_ms=M}. */
    public static final String RESULT_PREFIX = "startup_ms=";
    public static final String CPU_PREFIX = "cpu_ms=";
    /** The application's first frame of its window (its layout; figures may still be loading). */
    public static final String FIRST_FRAME_PREFIX = "first_frame_ms=";
    public static final Duration TIMEOUT = Duration.ofMinutes(2);

    private StartupProbe() {
    }

    /**
     * The desktop application as {@code Main} starts it, up to the first frame after the dashboard loaded; with the
     * time of the window's first frame (its layout, while the figures may still be loading).
     */
    public static Figures application(LaunchOptions options, Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<Figures> firstFrame = new CompletableFuture<>();
        CompletableFuture<Figures> painted = new CompletableFuture<>();
        DesktopApp.launch(options, new DesktopApp.Shown() {
            @Override
            public void skeleton(Scene scene) {
                afterNextPulse(scene, firstFrame);
            }

            @Override
            public void window(MainWindow window) {
                // an encrypted or shared database shows no skeleton (a dialog comes first): the window's own frame
                afterNextPulse(window.scene(), firstFrame);
                window.firstLoad().thenRun(() -> Platform.runLater(() -> afterNextPulse(window.scene(), painted)));
            }
        });
        Figures filled = await(painted, timeout);
        Figures first = await(firstFrame, timeout);
        return new Figures(filled.sinceStartMs(), filled.cpuMs(), Math.min(first.sinceStartMs(), filled.sinceStartMs()));
    }

    /** A bare JavaFX window (a stage with one label) started the same way, up to its first frame. */
    public static Figures bareWindow(Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<Figures> painted = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(new Label("Anti-fraud Command Center")), 320, 200);
            stage.setScene(scene);
            stage.setMaximized(true); // as the application's window
            stage.show();
            afterNextPulse(scene, painted);
        });
        return await(painted, timeout);
    }

    /** On the FX thread: the time since the JVM started, once the next pulse of {@code scene} has finished. */
    private static void afterNextPulse(Scene scene, CompletableFuture<Figures> painted) {
        DesktopApp.afterNextPulse(scene, () -> painted.complete(Figures.now()));
    }

    /**
     * Milliseconds since the JVM started, and the CPU time the whole process had used by then; for the application
     * also the milliseconds to its window's first frame ({@code -1} where there is none).
     */
    public record Figures(long sinceStartMs, long cpuMs, long firstFrameMs) {
        static Figures now() {
            long now = System.currentTimeMillis();
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            return new Figures(now - ManagementFactory.getRuntimeMXBean().getStartTime(), cpu, -1);
        }

        /** The line the bench reads. */
        public String line() {
            return RESULT_PREFIX + sinceStartMs + " " + CPU_PREFIX + cpuMs
                    + (firstFrameMs < 0 ? "" : " " + FIRST_FRAME_PREFIX + firstFrameMs);
        }
    }

    private static Figures await(CompletableFuture<Figures> painted, Duration timeout)
            throws TimeoutException, InterruptedException {
        try {
            return painted.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
