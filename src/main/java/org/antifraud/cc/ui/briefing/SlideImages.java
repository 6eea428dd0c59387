package org.antifraud.cc.ui.briefing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;

import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.SlidePainter;
import org.antifraud.cc.service.briefing.SlidePalette;
import org.antifraud.cc.ui.common.PngFiles;

/** Slides as pictures: 1920 × 1080 PNG files, one per slide. Rendering needs the FX thread; writing does not. */
public final class SlideImages {
    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;

    private SlideImages() {
    }

    /** Slide {@code index} as a picture, on the FX thread. */
    public static BufferedImage render(SlidePainter painter, Deck deck, int index, SlidePalette palette) {
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        SlideView.paint(canvas.getGraphicsContext2D(), WIDTH, HEIGHT, painter, deck, index, palette);
        WritableImage image = canvas.snapshot(new SnapshotParameters(), null);
        return PngFiles.toBuffered(image, BufferedImage.TYPE_INT_RGB);
    }

    /** {@code base}-01.png, -02.png … beside {@code out} (FILE.png): the file of slide {@code index}. */
    public static Path fileOf(Path out, int index) {
        String name = out.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(String.format("%s-%02d.png", stem, index + 1));
    }

    /** Writes {@code image} as PNG through a temporary file, so that nobody sees half a picture. */
    public static void write(BufferedImage image, Path out) throws IOException {
        PngFiles.write(image, out);
    }
}
