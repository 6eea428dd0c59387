package org.antifraud.cc.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javafx.application.Platform;

import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.SlidePainter;
import org.antifraud.cc.service.briefing.SlidePalette;
import org.antifraud.cc.ui.briefing.SlideImages;

/** The CLI's PNG slides: rendered on JavaFX's Headless platform (no display needed), written off it. */
public final class SlideRendering {
    private SlideRendering() {
    }

    /** Writes every slide of {@code deck} to FILE-01.png, FILE-02.png … beside {@code out}; returns the files. */
    public static List<Path> writePngs(SlidePainter painter, Deck deck, SlidePalette palette, Path out)
            throws IOException, InterruptedException {
        FxPlatform.preferHeadless();
        boolean ours = FxPlatform.start();
        try {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < deck.size(); i++) {
                int index = i;
                CompletableFuture<BufferedImage> image = new CompletableFuture<>();
                Platform.runLater(() -> {
                    try {
                        image.complete(SlideImages.render(painter, deck, index, palette));
                    } catch (RuntimeException e) {
                        image.completeExceptionally(e);
                    }
                });
                Path file = SlideImages.fileOf(out, i);
                try {
                    SlideImages.write(image.get(), file);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
                files.add(file);
            }
            return files;
        } finally {
            if (ours) {
                Platform.exit();
            }
        }
    }
}
