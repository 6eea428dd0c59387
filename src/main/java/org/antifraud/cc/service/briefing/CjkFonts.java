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

    /** Latin fonts with TrueType outlines, the last fallbacks for letters, digits and signs the Chinese fonts lack. */
    static final List<String> LATIN = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
            "C:/Windows/Fonts/arial.ttf",
            "C:/Windows/Fonts/seguisym.ttf",
            "/System/Library/Fonts/Supplemental/Arial.ttf",
            "/Library/Fonts/Arial Unicode.ttf");

    /** How many fallbacks at most: a character no font has makes the PDF writer open each of them once. */
    static final int MAX_FALLBACKS = 12;

    private CjkFonts() {
    }

    /**
     * The installed fonts the PDF falls back to, in order, for a character {@code chosen} lacks: the other known
     * Chinese TrueType fonts, those fontconfig lists, then Latin ones; each with TrueType outlines, none twice.
     */
    public static List<Path> fallbacks(Path chosen) {
        List<Path> found = new ArrayList<>();
        java.util.function.Consumer<Path> add = p -> {
            if (found.size() < MAX_FALLBACKS && Files.isReadable(p) && !sameFile(p, chosen)
                    && found.stream().noneMatch(f -> sameFile(f, p)) && hasTrueTypeOutlines(p)) {
                found.add(p);
            }
        };
        CANDIDATES.stream().map(Path::of).forEach(add);
        fontconfigTrueType().forEach(add);
        LATIN.stream().map(Path::of).forEach(add);
        return List.copyOf(found);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())
                    || (Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Any Chinese font fontconfig knows (Linux, BSD) that has TrueType outlines: {@code fc-list :lang=zh file},
     * each .ttf/.ttc opened to see whether it has a {@code glyf} table (Noto's CFF faces do not).
     */
    static Optional<Path> fromFontconfig() {
        return fontconfigTrueType().stream().filter(CjkFonts::hasTrueTypeOutlines).findFirst();
    }

    /** The .ttf and .ttc files of fontconfig's Chinese fonts, sorted; empty without fontconfig. */
    private static List<Path> fontconfigTrueType() {
        List<String> lines;
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh", "file").redirectErrorStream(true).start();
            p.getOutputStream().close();
            lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
        } catch (IOException e) {
            return List.of(); // no fontconfig here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        return lines.stream().map(l -> l.replaceFirst(":\\s*$", "").strip())
                .filter(l -> l.toLowerCase(Locale.ROOT).endsWith(".ttf") || l.toLowerCase(Locale.ROOT).endsWith(".ttc"))
                .sorted().map(Path::of).toList();
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
            if (!hasTrueTypeOutlines(p)) {
                throw new Problem("pdf_font_unusable", "the font named by -D" + PROPERTY + " is no TrueType font"
                        + " (a .ttf or .ttc with TrueType outlines): " + p, p.toString());
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
        if (os.contains("win")) {
            throw new Problem("pdf_font_missing_windows", "no Chinese TrueType font found for the PDF: Microsoft YaHei"
                    + " (msyh.ttc) is missing from C:\\Windows\\Fonts; or name one with -D" + PROPERTY + "=FILE");
        }
        if (os.contains("mac")) {
            throw new Problem("pdf_font_missing_mac", "no Chinese TrueType font found for the PDF: install one, e.g."
                    + " STHeiti; or name one with -D" + PROPERTY + "=FILE");
        }
        throw new Problem("pdf_font_missing", "no Chinese TrueType font found for the PDF: install one with"
                + " sudo apt-get install fonts-wqy-microhei, or name one with -D" + PROPERTY + "=FILE",
                "fonts-wqy-microhei");
    }
}
