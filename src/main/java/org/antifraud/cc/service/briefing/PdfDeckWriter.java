package org.antifraud.cc.service.briefing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes a deck as a PDF, one slide a page (16:9, 960 × 540 pt), painted by the same {@link SlidePainter} as the
 * screen: text stays text (selectable, searchable) in embedded subsets of TrueType fonts, shapes are vector fills.
 * Each character is drawn in the first font of the chain that has it: the chosen Chinese font, then the other
 * installed ones ({@link CjkFonts#fallbacks}); one that no font has becomes □ (or ?, or an outlined box when no
 * font has either), never an exception. Bold is drawn as fill and stroke (the fonts have one weight).
 */
public final class PdfDeckWriter {
    private static final float PAGE_WIDTH = 960;
    private static final float PAGE_HEIGHT = 540;
    /** What stands for a character that no font of the chain has, the first one some font has. */
    private static final int[] REPLACEMENTS = {0x25A1, '?'};

    private final SlidePainter painter;
    private final List<Path> fontFiles;

    /** The chosen font first, then the other installed fonts it falls back to, looked up when first needed. */
    public PdfDeckWriter(SlidePainter painter, Path fontFile) {
        this(painter, fontFile, null);
    }

    /** Exactly these fonts, in this order (tests). */
    public PdfDeckWriter(SlidePainter painter, List<Path> fontFiles) {
        this(painter, null, List.copyOf(fontFiles));
    }

    private PdfDeckWriter(SlidePainter painter, Path chosen, List<Path> exactly) {
        this.painter = painter;
        this.fontFiles = exactly != null ? exactly : new LazyChain(chosen);
    }

    /**
     * Writes every slide of {@code deck} to {@code out}; {@code progress} hears 0..1 after each page, and
     * {@code cancelled} is asked before each (a {@link CancellationException} then, nothing more written).
     */
    public void write(Deck deck, SlidePalette palette, OutputStream out, DoubleConsumer progress,
                      BooleanSupplier cancelled) {
        try (PDDocument doc = new PDDocument(); FontChain fonts = new FontChain(doc, fontFiles)) {
            fonts.font(0); // the chosen font must open: a broken one is said at once, not as boxes
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(SlideKind.TITLE.title(deck.locale()) + " · "
                    + BriefingWords.of(deck.locale()).period(deck.query().period()));
            info.setCreator("Anti-fraud Command Center");
            info.setSubject(deck.classification());
            info.setCreationDate(Calendar.getInstance());
            for (int i = 0; i < deck.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("PDF export cancelled");
                }
                PDPage page = new PDPage(new PDRectangle(PAGE_WIDTH, PAGE_HEIGHT));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.transform(Matrix.getScaleInstance(PAGE_WIDTH / (float) SlideSurface.WIDTH,
                            PAGE_HEIGHT / (float) SlideSurface.HEIGHT));
                    painter.paint(deck, i, new PdfSurface(cs, fonts), palette);
                }
                progress.accept((i + 1.0) / (deck.size() + 1.0));
            }
            doc.save(out);
            progress.accept(1.0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF", e);
        }
    }

    /** The chosen font, then {@link CjkFonts#fallbacks}, found only when a character needs the second font. */
    private static final class LazyChain extends AbstractList<Path> {
        private final Path chosen;
        private List<Path> rest;

        LazyChain(Path chosen) {
            this.chosen = chosen;
        }

        @Override
        public Path get(int index) {
            return index == 0 ? chosen : rest().get(index - 1);
        }

        @Override
        public int size() {
            return 1 + rest().size();
        }

        private List<Path> rest() {
            if (rest == null) {
                rest = CjkFonts.fallbacks(chosen);
            }
            return rest;
        }
    }

    /**
     * The fonts of one document, each opened and loaded (as an embedded subset) only when a character first needs
     * it; a fallback that cannot be opened is passed over. Which font draws which character is remembered.
     */
    private static final class FontChain implements AutoCloseable {
        /** A character no font has and no replacement can stand for: drawn as an outlined box. */
        static final int NONE = -1;
        private final PDDocument doc;
        private final List<Path> files;
        private final List<FontSource> sources = new ArrayList<>();
        private final List<PDType0Font> loaded = new ArrayList<>();
        private final List<CmapLookup> cmaps = new ArrayList<>();
        private final Map<Integer, Integer> fontOf = new HashMap<>();
        private int replacement = Integer.MIN_VALUE;

        FontChain(PDDocument doc, List<Path> files) {
            this.doc = doc;
            this.files = files;
        }

        /** Font {@code i} of the chain loaded into the document (an embedded subset), or null when it cannot be used. */
        PDType0Font font(int i) throws IOException {
            if (cmap(i) == null) {
                return null;
            }
            if (loaded.get(i) == null) {
                loaded.set(i, PDType0Font.load(doc, sources.get(i).font(), true));
            }
            return loaded.get(i);
        }

        /** Font {@code i}'s map of characters, opened when first asked for; null when it cannot be opened. */
        private CmapLookup cmap(int i) throws IOException {
            while (cmaps.size() <= i && cmaps.size() < files.size()) {
                int next = cmaps.size();
                FontSource source = null;
                CmapLookup cmap = null;
                try {
                    source = FontSource.open(files.get(next));
                    cmap = source.font().getUnicodeCmapLookup(false);
                } catch (IOException | RuntimeException e) {
                    if (next == 0) {
                        throw e instanceof IOException io ? io : new IOException(e);
                    }
                    // an unusable fallback is passed over
                }
                sources.add(source);
                cmaps.add(cmap);
                loaded.add(null);
            }
            return i < cmaps.size() ? cmaps.get(i) : null;
        }

        /** The first font of the chain that has {@code codePoint}, or {@link #NONE}. */
        int fontFor(int codePoint) throws IOException {
            Integer known = fontOf.get(codePoint);
            if (known != null) {
                return known;
            }
            int found = NONE;
            for (int i = 0; i < files.size() && found == NONE; i++) {
                if (cmap(i) != null && cmap(i).getGlyphId(codePoint) > 0) {
                    found = i;
                }
            }
            fontOf.put(codePoint, found);
            return found;
        }

        /** The character that stands for one no font has (□ or ?), or {@link #NONE}. */
        int replacement() throws IOException {
            if (replacement == Integer.MIN_VALUE) {
                replacement = NONE;
                for (int r : REPLACEMENTS) {
                    if (fontFor(r) != NONE) {
                        replacement = r;
                        break;
                    }
                }
            }
            return replacement;
        }

        /** {@code text} as runs, each in one font; a run with font {@link #NONE} is one character drawn as a box. */
        List<Run> runs(String text) throws IOException {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            int currentFont = Integer.MIN_VALUE;
            for (int cp : text.codePoints().toArray()) {
                int f = fontFor(cp);
                if (f == NONE && replacement() != NONE) {
                    cp = replacement();
                    f = fontFor(cp);
                }
                if (f != currentFont || f == NONE) {
                    if (!current.isEmpty()) {
                        runs.add(new Run(current.toString(), currentFont == NONE ? null : font(currentFont)));
                    }
                    current.setLength(0);
                    currentFont = f;
                }
                current.appendCodePoint(cp);
            }
            if (!current.isEmpty()) {
                runs.add(new Run(current.toString(), currentFont == NONE ? null : font(currentFont)));
            }
            return runs;
        }

        @Override
        public void close() throws IOException {
            IOException failed = null;
            for (FontSource s : sources) {
                try {
                    if (s != null) {
                        s.close();
                    }
                } catch (IOException e) {
                    failed = e;
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }

    /** Characters drawn in one font; {@code font} null for a character that is drawn as an outlined box. */
    private record Run(String text, PDType0Font font) {
        double width(double size) throws IOException {
            return font == null ? size * 0.6 : font.getStringWidth(text) / 1000.0 * size;
        }
    }

    /** The font to embed, from a .ttf or (the first face of) a .ttc, open until the document is saved. */
    private record FontSource(TrueTypeFont font, AutoCloseable owner) implements AutoCloseable {
        static FontSource open(Path file) throws IOException {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                if (first[0] == null) {
                    collection.close();
                    throw new IOException("no font in " + file);
                }
                return new FontSource(first[0], collection);
            }
            TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
            return new FontSource(f, f);
        }

        @Override
        public void close() throws IOException {
            try {
                owner.close();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    /** A PDF page as a slide surface: y flipped, each run of text in the first font of the chain that has it. */
    private static final class PdfSurface implements SlideSurface {
        private final PDPageContentStream cs;
        private final FontChain fonts;
        private final Map<String, List<Run>> runs = new HashMap<>();

        PdfSurface(PDPageContentStream cs, FontChain fonts) {
            this.cs = cs;
            this.fonts = fonts;
        }

        @Override
        public void fill(double x, double y, double w, double h, int rgb) {
            try {
                colour(rgb, false);
                cs.addRect((float) x, (float) (HEIGHT - y - h), (float) w, (float) h);
                cs.fill();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double width, int rgb) {
            try {
                colour(rgb, true);
                cs.setLineWidth((float) width);
                cs.moveTo((float) x1, (float) (HEIGHT - y1));
                cs.lineTo((float) x2, (float) (HEIGHT - y2));
                cs.stroke();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void text(String text, double x, double baseline, double size, boolean bold, int rgb) {
            try {
                double at = x;
                for (Run run : runs(text)) {
                    if (run.font() == null) {
                        box(at, baseline, size, rgb);
                    } else {
                        show(run, at, baseline, size, bold, rgb);
                    }
                    at += run.width(size);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void show(Run run, double x, double baseline, double size, boolean bold, int rgb) throws IOException {
            colour(rgb, false);
            cs.beginText();
            cs.setFont(run.font(), (float) size);
            if (bold) {
                colour(rgb, true);
                cs.setLineWidth((float) (size * 0.035));
                cs.setRenderingMode(RenderingMode.FILL_STROKE);
            } else {
                cs.setRenderingMode(RenderingMode.FILL);
            }
            cs.newLineAtOffset((float) x, (float) (HEIGHT - baseline));
            cs.showText(run.text());
            cs.endText();
        }

        /** The last resort for a character no font has, not even □ or ?: an outlined box, still visible. */
        private void box(double x, double baseline, double size, int rgb) throws IOException {
            colour(rgb, true);
            cs.setLineWidth((float) (size * 0.05));
            cs.addRect((float) (x + size * 0.08), (float) (HEIGHT - baseline), (float) (size * 0.44),
                    (float) (size * 0.7));
            cs.stroke();
        }

        @Override
        public double width(String text, double size, boolean bold) {
            try {
                double w = 0;
                for (Run run : runs(text)) {
                    w += run.width(size);
                }
                return w;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private List<Run> runs(String text) throws IOException {
            List<Run> known = runs.get(text);
            if (known == null) {
                known = fonts.runs(text);
                runs.put(text, known);
            }
            return known;
        }

        private void colour(int rgb, boolean stroke) throws IOException {
            float r = ((rgb >> 16) & 0xFF) / 255f;
            float g = ((rgb >> 8) & 0xFF) / 255f;
            float b = (rgb & 0xFF) / 255f;
            if (stroke) {
                cs.setStrokingColor(r, g, b);
            } else {
                cs.setNonStrokingColor(r, g, b);
            }
        }
    }
}
