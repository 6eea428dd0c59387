package org.antifraud.cc.service.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF as standard readers see it, checked with poppler's pdfinfo, pdffonts and pdftotext: one page a slide,
 * the Chinese font embedded as a subset, and the text (the report's figures) extractable. On CI poppler and the
 * font are installed by {@code .ci/run}; elsewhere the test is skipped when they are missing.
 */
@IntegrationTest
class PdfDeckWriterTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void tools() {
        boolean ci = System.getenv("CI") != null;
        boolean have = Files.isExecutable(Path.of("/usr/bin/pdfinfo")) && Files.isExecutable(Path.of("/usr/bin/pdftotext"));
        if (ci) {
            assertThat(have).as("poppler-utils (installed by .ci/run)").isTrue();
        } else {
            Assumptions.assumeTrue(have, "poppler-utils is not installed");
        }
    }

    private Path write(DeckFixture f, Deck deck, Path pdf) throws IOException {
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new PdfDeckWriter(f.painter, CjkFonts.locate()).write(deck, SlidePalette.LIGHT, out, p -> { }, () -> false);
        }
        return pdf;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

    @Test
    void aPdfHasOnePageASlideEmbedsTheChineseFontAndItsTextCanBeSearched() throws Exception {
        try (DeckFixture f = new DeckFixture(false)) {
            Path pdf = write(f, f.deck(Lang.ZH, SlideKind.all()), tmp.resolve("briefing.pdf"));
            String info = run("pdfinfo", pdf.toString());
            assertThat(info).containsPattern("Pages:\\s+10").containsPattern("Page size:\\s+960 x 540 pts");
            String fonts = run("pdffonts", pdf.toString());
            List<String> rows = fonts.lines().skip(2).toList();
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r).containsPattern("\\+\\S+\\s+CID TrueType.*yes\\s+yes\\s+yes"));
            String text = run("pdftotext", "-layout", pdf.toString(), "-");
            String joined = text.replaceAll("\\s+", "");
            assertThat(joined).contains("内部资料注意保密", "10/10", "▲64.4%", "▼17.3%", "▼1.3%", "1800余", "240",
                    "18.2亿", "21.5亿", "1.1亿", "抓获犯罪嫌疑人同比上升64.4%", "拦截诈骗电话18.2亿次");
            assertThat(Files.size(pdf)).as("a subset, not the whole 5 MB font").isLessThan(400_000);
        }
    }

    @Test
    void theEnglishPdfSaysItInEnglish() throws Exception {
        try (DeckFixture f = new DeckFixture(true)) {
            Path pdf = write(f, f.deck(Lang.EN, List.of(SlideKind.HEADLINE, SlideKind.NARRATIVE)), tmp.resolve("en.pdf"));
            String text = run("pdftotext", pdf.toString(), "-");
            assertThat(text).contains("Internal — do not distribute", "Headline figures", "Contains demo data",
                    "DEMO DATA");
            assertThat(text.replaceAll("\\s+", "")).contains("2/2");
            assertThat(text.replaceAll("\\s+", " ")).contains("destroyed more than 1,800 fraud dens");
        }
    }

    /** The Chinese words of the zh deck's slides but no digits, no %, no ▲▼, no ? and no □: Droid-like gaps. */
    private Path gappyFont() throws IOException {
        StringBuilder han = new StringBuilder();
        for (int cp = 0x4E00; cp <= 0x9FFF; cp++) {
            han.appendCodePoint(cp);
        }
        return GappyFont.write(CjkFonts.locate(), han + " ·", tmp.resolve("gappy.ttf"));
    }

    @Test
    void aFontLackingGlyphsFallsBackPerCharacterToTheInstalledFontsAndTheFiguresStayText() throws Exception {
        try (DeckFixture f = new DeckFixture(false)) {
            Path gappy = gappyFont();
            Path pdf = tmp.resolve("fallback.pdf");
            try (OutputStream out = Files.newOutputStream(pdf)) {
                new PdfDeckWriter(f.painter, gappy).write(f.deck(Lang.ZH, SlideKind.all()), SlidePalette.LIGHT, out,
                        p -> { }, () -> false);
            }
            String fonts = run("pdffonts", pdf.toString());
            assertThat(fonts.lines().skip(2).count()).as("the chosen font and a fallback: " + fonts).isGreaterThan(1);
            String joined = run("pdftotext", "-layout", pdf.toString(), "-").replaceAll("\\s+", "");
            assertThat(joined).contains("内部资料注意保密", "10/10", "▲64.4%", "▼17.3%", "1800余", "18.2亿",
                    "抓获犯罪嫌疑人同比上升64.4%").doesNotContain("□");
        }
    }

    @Test
    void aCharacterNoFontHasBecomesAVisibleReplacementNeverAnException() throws Exception {
        try (DeckFixture f = new DeckFixture(false)) {
            Path onlyHanAndQuestion = GappyFont.write(CjkFonts.locate(), "抓获犯罪嫌疑人同比上升内部资料注意保密? ",
                    tmp.resolve("han.ttf"));
            Path pdf = tmp.resolve("replaced.pdf");
            try (OutputStream out = Files.newOutputStream(pdf)) {
                new PdfDeckWriter(f.painter, List.of(onlyHanAndQuestion)).write(f.deck(Lang.ZH, SlideKind.all()),
                        SlidePalette.LIGHT, out, p -> { }, () -> false);
            }
            String joined = run("pdftotext", "-layout", pdf.toString(), "-").replaceAll("\\s+", "");
            assertThat(joined).contains("内部资料注意保密", "抓获犯罪嫌疑人同比上升?????");

            Path noQuestionEither = GappyFont.write(CjkFonts.locate(), "内部资料", tmp.resolve("bare.ttf"));
            Path boxes = tmp.resolve("boxes.pdf");
            try (OutputStream out = Files.newOutputStream(boxes)) {
                new PdfDeckWriter(f.painter, List.of(noQuestionEither)).write(f.deck(Lang.ZH, SlideKind.all()),
                        SlidePalette.LIGHT, out, p -> { }, () -> false);
            }
            assertThat(run("pdfinfo", boxes.toString())).as("drawn as outlined boxes").containsPattern("Pages:\\s+10");
        }
    }

    @Test
    void aCancelledExportStopsAndReportsProgressUpToThere() {
        try (DeckFixture f = new DeckFixture(false)) {
            Deck deck = f.deck(Lang.ZH, SlideKind.all());
            List<Double> progress = new ArrayList<>();
            assertThatThrownBy(() -> new PdfDeckWriter(f.painter, CjkFonts.locate()).write(deck, SlidePalette.LIGHT,
                    new ByteArrayOutputStream(), progress::add, () -> progress.size() >= 3))
                    .isInstanceOf(CancellationException.class);
            assertThat(progress).hasSize(3).isSorted();
        }
    }
}
