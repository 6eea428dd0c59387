package org.antifraud.cc.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.image.WritableImage;

import org.antifraud.cc.ui.common.FxUiExecutor;
import org.antifraud.cc.ui.common.PngFiles;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.shell.Page;

/**
 * The window's content rendered offscreen to a PNG, without a display: the toolkit runs on JavaFX's Headless
 * platform, the content is the same {@link MainWindow} the desktop shows, in a scene of exactly the asked size.
 */
public final class Snapshot {
    /**
     * What to render: {@code page}, or with {@code wallPage} 1 to 6 that page of the wall screen. A null theme, period or region keeps the saved setting; a null locale the saved or
     * system language. Nothing is saved.
     */
    public record Request(Page page, int width, int height, Theme theme, Locale locale, String period, String region,
                          int wallPage) {
        /** A page of the window, not the wall screen. */
        public Request(Page page, int width, int height, Theme theme, Locale locale, String period, String region) {
            this(page, width, height, theme, locale, period, region, 0);
        }
    }

    /** The page did not finish loading in time. */
    public static final class NotLoaded extends Exception {
        private static final long serialVersionUID = 1L;

        NotLoaded(Duration waited) {
            super("the page did not finish loading within " + waited.toSeconds() + " s");
        }
    }

    private Snapshot() {
    }

    /**
     * Renders {@code request} with {@code services} once its page has finished loading, and writes the PNG to
     * {@code out} (through a temporary file beside it, so a wall screen never shows half an image).
     */
    public static void write(AppServices services, Request request, Path out, Duration timeout)
            throws NotLoaded, IOException, InterruptedException {
        String initialPeriod = services.datasets().latestYear().map(String::valueOf)
                .orElse(String.valueOf(Year.now().getValue()));
        FxPlatform.preferHeadless();
        boolean ours = FxPlatform.start();
        FxUiExecutor executor = new FxUiExecutor();
        CompletableFuture<BufferedImage> image = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                try {
                    MainWindow window = MainWindow.offscreen(services, executor, request.locale(), initialPeriod,
                            new MainWindow.Offscreen(request.page(), request.theme(), request.period(),
                                    request.region(), request.width(), request.height(), request.wallPage()));
                    // after the loaded figures have been presented (they are, in the same turn as busy ends)
                    window.firstLoad().thenRun(() -> Platform.runLater(() -> {
                        try {
                            // panels size some children from their own width: settle the layout before the picture
                            Parent root = window.scene().getRoot();
                            for (int pass = 0; pass < 3; pass++) {
                                root.applyCss();
                                root.layout();
                            }
                            image.complete(toBufferedImage(window.scene().snapshot(null)));
                        } catch (RuntimeException e) {
                            image.completeExceptionally(e);
                        }
                    }));
                } catch (RuntimeException e) {
                    image.completeExceptionally(e);
                }
            });
            BufferedImage rendered;
            try {
                rendered = image.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new NotLoaded(timeout);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            writePng(rendered, out);
        } finally {
            executor.close();
            if (ours) {
                Platform.exit();
            }
        }
    }

    static BufferedImage toBufferedImage(WritableImage image) {
        return PngFiles.toBuffered(image, BufferedImage.TYPE_INT_ARGB);
    }

    private static void writePng(BufferedImage image, Path out) throws IOException {
        PngFiles.write(image, out);
    }
}
