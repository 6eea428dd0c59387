package org.antifraud.cc.service.briefing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.antifraud.cc.domain.Problem;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * Finds a Chinese font with TrueType outlines for PDF export: PDFBox embeds a subset of such a font, but cannot embed
 * the CFF-outline OpenType fonts (Noto Sans CJK) that Linux desktops often carry (ADR 0024). The system property
 * {@code cc.pdf.font} names a .ttf or .ttc to use instead. Known places first, then any TrueType Chinese font
 * fontconfig lists.
 */
public final class CjkFonts {
    public static final String PROPERTY = "cc.pdf.font";

    /** Where the usual TrueType CJK fonts live on Linux, Windows and macOS, most preferred first. */
    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "C:/Windows/Fonts/msyh.ttc",
            "C:/Windows/Fonts/msyh.ttf",
            "C:/Windows/Fonts/simhei.ttf",
            "C:/Windows/Fonts/simsun.ttc",
            "/System/Library/Fonts/STHeiti Light.ttc",
            "/System/Library/Fonts/Supplemental/Songti.ttc",
            "/Library/Fonts/Arial Unicode.ttf");

    private CjkFonts() {
    }

    /**
     * Any Chinese font fontconfig knows (Linux, BSD) that has TrueType outlines: {@code fc-list :lang=zh file},
     * each .ttf/.ttc opened to see whether it has a {@code glyf} table (Noto's CFF faces do not).
     */
    static Optional<Path> fromFontconfig() {
        List<String> lines;
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh", "file").redirectErrorStream(true).start();
            p.getOutputStream().close();
            lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty(); // no fontconfig here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return lines.stream().map(l -> l.replaceFirst(":\\s*$", "").strip())
                .filter(l -> l.toLowerCase(Locale.ROOT).endsWith(".ttf") || l.toLowerCase(Locale.ROOT).endsWith(".ttc"))
                .sorted().map(Path::of).filter(CjkFonts::hasTrueTypeOutlines).findFirst();
    }

    /** Whether the font file's (first) face has TrueType outlines, which PDFBox can subset. */
    static boolean hasTrueTypeOutlines(Path file) {
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                try (var collection = new TrueTypeCollection(file.toFile())) {
                    boolean[] glyf = {false};
                    boolean[] first = {true};
                    collection.processAllFonts(f -> {
                        if (first[0]) {
                            glyf[0] = f.getTableMap().containsKey("glyf");
                            first[0] = false;
                        }
                    });
                    return glyf[0];
                }
            }
            try (var font = new TTFParser().parse(
                    new RandomAccessReadBufferedFile(file.toFile()))) {
                return font.getTableMap().containsKey("glyf");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The font file to embed, or a {@link Problem} that says what to install. */
    public static Path locate() {
        String chosen = System.getProperty(PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            Path p = Path.of(chosen);
            if (!Files.isReadable(p)) {
                throw new Problem("pdf_font_unreadable", "the font named by -D" + PROPERTY + " cannot be read: " + p,
                        p.toString());
            }
            return p;
        }
        List<Path> looked = new ArrayList<>();
        String windir = System.getenv("WINDIR");
        List<String> candidates = new ArrayList<>(CANDIDATES);
        if (windir != null) {
            candidates.addFirst(Path.of(windir, "Fonts", "msyh.ttc").toString());
        }
        for (String c : candidates) {
            Path p = Path.of(c);
            looked.add(p);
            if (Files.isReadable(p)) {
                return p;
            }
        }
        Optional<Path> known = fromFontconfig();
        if (known.isPresent()) {
            return known.get();
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String install = os.contains("win") ? "Microsoft YaHei (msyh.ttc) is missing from C:\\Windows\\Fonts"
                : os.contains("mac") ? "install a TrueType Chinese font, e.g. STHeiti"
                : "install one: sudo apt-get install fonts-wqy-microhei";
        throw new Problem("pdf_font_missing", "no Chinese TrueType font found for the PDF (" + install + "; or name"
                + " one with -D" + PROPERTY + "=FILE)", install);
    }
}
