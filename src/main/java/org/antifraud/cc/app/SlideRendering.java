package org.antifraud.cc.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javafx.application.Platform;

import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.SlidePainter;
import org.antifraud.cc.service.briefing.SlidePalette;
import org.antifraud.cc.ui.briefing.FxSlideOutput;

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
            return new FxSlideOutput(painter, () -> null).writePngs(deck, palette, out, progress -> { }, () -> false);
        } finally {
            if (ours) {
                Platform.exit();
            }
        }
    }
}
