package org.antifraud.cc.service.briefing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
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
 * screen: text stays text (selectable, searchable) in an embedded subset of a TrueType Chinese font
 * ({@link CjkFonts}), shapes are vector fills. Bold is drawn as fill and stroke (the fonts have one weight).
 */
public final class PdfDeckWriter {
    private static final float PAGE_WIDTH = 960;
    private static final float PAGE_HEIGHT = 540;

    private final SlidePainter painter;
    private final Path fontFile;

    public PdfDeckWriter(SlidePainter painter, Path fontFile) {
        this.painter = painter;
        this.fontFile = fontFile;
    }

    /**
     * Writes every slide of {@code deck} to {@code out}; {@code progress} hears 0..1 after each page, and
     * {@code cancelled} is asked before each (a {@link CancellationException} then, nothing more written).
     */
    public void write(Deck deck, SlidePalette palette, OutputStream out, DoubleConsumer progress,
                      BooleanSupplier cancelled) {
        try (PDDocument doc = new PDDocument(); FontSource source = FontSource.open(fontFile)) {
            PDType0Font font = PDType0Font.load(doc, source.font(), true);
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
                    painter.paint(deck, i, new PdfSurface(cs, font), palette);
                }
                progress.accept((i + 1.0) / (deck.size() + 1.0));
            }
            doc.save(out);
            progress.accept(1.0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF", e);
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

    /** A PDF page as a slide surface: y flipped, text in the embedded font, characters it lacks shown as "?". */
    private static final class PdfSurface implements SlideSurface {
        private final PDPageContentStream cs;
        private final PDType0Font font;
        private final Map<String, String> printable = new HashMap<>();

        PdfSurface(PDPageContentStream cs, PDType0Font font) {
            this.cs = cs;
            this.font = font;
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
            String s = printable(text);
            if (s.isEmpty()) {
                return;
            }
            try {
                colour(rgb, false);
                cs.beginText();
                cs.setFont(font, (float) size);
                if (bold) {
                    colour(rgb, true);
                    cs.setLineWidth((float) (size * 0.035));
                    cs.setRenderingMode(RenderingMode.FILL_STROKE);
                } else {
                    cs.setRenderingMode(RenderingMode.FILL);
                }
                cs.newLineAtOffset((float) x, (float) (HEIGHT - baseline));
                cs.showText(s);
                cs.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public double width(String text, double size, boolean bold) {
            try {
                return font.getStringWidth(printable(text)) / 1000.0 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String printable(String text) {
            return printable.computeIfAbsent(text, t -> {
                try {
                    font.encode(t);
                    return t;
                } catch (IOException | IllegalArgumentException e) {
                    StringBuilder b = new StringBuilder();
                    t.codePoints().forEach(cp -> {
                        String ch = new String(Character.toChars(cp));
                        try {
                            font.encode(ch);
                            b.append(ch);
                        } catch (IOException | IllegalArgumentException missing) {
                            b.append('?');
                        }
                    });
                    return b.toString();
                }
            });
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
