package org.antifraud.cc.ui.briefing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.SlidePainter;
import org.antifraud.cc.service.briefing.SlidePalette;

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
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /** {@code base}-01.png, -02.png … beside {@code out} (FILE.png): the file of slide {@code index}. */
    public static Path fileOf(Path out, int index) {
        String name = out.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(String.format("%s-%02d.png", stem, index + 1));
    }

    /** Writes {@code image} as PNG through a temporary file, so that nobody sees half a picture. */
    public static void write(BufferedImage image, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), ".slide-", ".png.tmp");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
