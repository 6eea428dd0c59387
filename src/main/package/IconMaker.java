import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Draws the application's icon (a shield with a check on the dashboard's dark blue) and writes it in the three
 * forms jpackage takes: linux/command-center.png, windows/command-center.ico, macos/command-center.icns.
 * Run once from this folder with {@code java IconMaker.java}; the outputs are committed, the build does not run it.
 */
public final class IconMaker {
    public static void main(String[] args) throws IOException {
        byte[] png256 = png(draw(256));
        Files.write(Path.of("linux", "command-center.png"), png256);
        Files.write(Path.of("windows", "command-center.ico"), ico(png256, 256));
        Files.write(Path.of("macos", "command-center.icns"), icns(png(draw(512)), png256));
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(size / 256.0, size / 256.0);
        g.setColor(new Color(0x0F1B2D));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        Path2D shield = new Path2D.Double();
        shield.moveTo(128, 36);
        shield.lineTo(204, 64);
        shield.curveTo(204, 140, 176, 192, 128, 220);
        shield.curveTo(80, 192, 52, 140, 52, 64);
        shield.closePath();
        g.setColor(new Color(0x2F80ED));
        g.fill(shield);
        g.setColor(new Color(0xE8F1FF));
        g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D check = new Path2D.Double();
        check.moveTo(94, 128);
        check.lineTo(120, 154);
        check.lineTo(166, 102);
        g.draw(check);
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A Windows icon holding one PNG image (Windows Vista and later read PNG entries). */
    static byte[] ico(byte[] png, int size) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1); // reserved, type icon, one image
        b.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
        b.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32); // no palette, planes, bits
        b.putInt(png.length).putInt(6 + 16).put(png);
        return b.array();
    }

    /** A macOS icon with PNG entries: ic09 is 512 px, ic08 256 px. */
    static byte[] icns(byte[] png512, byte[] png256) {
        int length = 8 + 8 + png512.length + 8 + png256.length;
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
        b.put("icns".getBytes()).putInt(length);
        b.put("ic09".getBytes()).putInt(8 + png512.length).put(png512);
        b.put("ic08".getBytes()).putInt(8 + png256.length).put(png256);
        return b.array();
    }
}
