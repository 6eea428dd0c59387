package org.antifraud.cc.app;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

import javax.imageio.ImageIO;

import org.testfx.api.FxRobot;

/** Helpers for UI tests: render a main window's content offscreen to a PNG so that a person can look at it. */
public final class FxTestSupport {
    private FxTestSupport() {
    }

    /** A picture of the window and the texts it showed cut short ({@link ScreenChecks#clippedTexts}). */
    public record Shot(BufferedImage image, List<String> clipped) {
    }

    /** Room kept under a shown test window: a notification slides in from under its owner's bottom edge. */
    private static final double NOTIFICATION_ROOM = 130;

    /**
     * Moves and shortens a shown window so that the alert notifications it pops up stay on JavaFX's Headless screen.
     * That screen is a 1000×1000 pixel buffer which throws (an {@code IndexOutOfBoundsException} in
     * {@code HeadlessWindow.blit}, reaching a test later as a delayed FX exception) when a window is drawn past its
     * bottom; ControlsFX's notifications start below their owner's bottom edge and slide up (measured: a popup 101 px
     * high at y 932 under a window ending at 947). Without this, a test raising alerts failed about one run in four.
     * On the FX thread, after {@code show()}.
     */
    public static void leaveRoomForNotifications(javafx.stage.Stage stage) {
        double bottom = javafx.stage.Screen.getPrimary().getBounds().getMaxY() - NOTIFICATION_ROOM;
        if (stage.getY() + stage.getHeight() > bottom) {
            stage.setY(0);
            stage.setHeight(Math.min(stage.getHeight(), bottom));
        }
    }

    /** The texts the cells of the table {@code tableId} show, in order, blank cells left out. */
    public static List<String> cellTexts(FxRobot robot, String tableId) {
        return robot.from(robot.lookup(tableId).queryAll()).lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList();
    }

    /** Moves the window's root into an offscreen scene of the given size and writes it to {@code out}. Call on the FX thread. */
    public static BufferedImage snapshot(MainWindow window, int width, int height, Path out) {
        return shot(window, width, height, out).image();
    }

    /** As {@link #snapshot}, with the texts cut short at that size. */
    public static Shot shot(MainWindow window, int width, int height, Path out) {
        Scene original = window.scene();
        Parent root = original.getRoot();
        original.setRoot(new Region());
        Scene offscreen = new Scene(root, width, height);
        offscreen.getStylesheets().setAll(original.getStylesheets());
        root.applyCss();
        root.layout();
        WritableImage image = offscreen.snapshot(null);
        List<String> clipped = ScreenChecks.clippedTexts(root);
        offscreen.setRoot(new Region());
        original.setRoot(root);
        BufferedImage buffered = toBuffered(image);
        try {
            Files.createDirectories(out.getParent());
            ImageIO.write(buffered, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Shot(buffered, clipped);
    }

    public static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        // all rows at once, straight into the picture's own pixels (a pixel at a time cost ~0.3 s a screen)
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        return out;
    }
}
