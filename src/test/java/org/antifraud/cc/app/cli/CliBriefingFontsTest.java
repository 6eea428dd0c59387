package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.Processes;
import org.antifraud.cc.app.Main;
import org.antifraud.cc.service.briefing.CjkFonts;
import org.antifraud.cc.service.briefing.GappyFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@code briefing --out x.pdf} with {@code -Dcc.pdf.font} at a TrueType font lacking glyphs (as Droid Sans
 * Fallback lacks '?') writes the PDF with its figures; an unexpected exit 1 leaves its stack trace in the data
 * folder's log, also when a font was parsed before the data folder was opened.
 */
@IntegrationTest
class CliBriefingFontsTest {
    @TempDir
    Path tmp;

    /** Chinese ideographs only: no digits, no %, no ▲▼, no ?. Made from the installed font (CjkFonts.locate). */
    private Path gappyFont() throws Exception {
        StringBuilder han = new StringBuilder(" ");
        for (int cp = 0x4E00; cp <= 0x9FFF; cp++) {
            han.appendCodePoint(cp);
        }
        return GappyFont.write(CjkFonts.locate(), han.toString(), tmp.resolve("gappy.ttf"));
    }

    @Test
    void aPdfWithAChosenFontLackingGlyphsIsWrittenAndHoldsTheFigures() throws Exception {
        Path font = gappyFont();
        Path pdf = tmp.resolve("x.pdf");
        String before = System.getProperty(CjkFonts.PROPERTY);
        System.setProperty(CjkFonts.PROPERTY, font.toString());
        CliRun run;
        try {
            run = in(tmp.resolve("cc"), "briefing", "--period", "2022", "--lang", "zh", "--out", pdf.toString());
        } finally {
            if (before == null) {
                System.clearProperty(CjkFonts.PROPERTY);
            } else {
                System.setProperty(CjkFonts.PROPERTY, before);
            }
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("抓获犯罪嫌疑人同比上升64.4%", "拦截诈骗电话18.2亿次", "1800余", "▲64.4%");
        }
    }

    @Test
    void aFontThatIsNoTrueTypeFontIsOneLineAndExit2() throws Exception {
        Path fake = Files.writeString(tmp.resolve("fake.ttf"), "not a font");
        String before = System.getProperty(CjkFonts.PROPERTY);
        System.setProperty(CjkFonts.PROPERTY, fake.toString());
        try {
            CliRun run = in(tmp.resolve("cc"), "briefing", "--period", "2022", "--lang", "zh",
                    "--out", tmp.resolve("x.pdf").toString());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err().strip()).contains("TrueType", fake.toString()).doesNotContain("\n", "unexpected");
        } finally {
            if (before == null) {
                System.clearProperty(CjkFonts.PROPERTY);
            } else {
                System.setProperty(CjkFonts.PROPERTY, before);
            }
        }
    }

    @Test
    void anUnexpectedExit1LogsItsStackTraceInTheDataFoldersLogEvenAfterAFontWasParsed() throws Exception {
        Path font = gappyFont();
        Path dataDir = tmp.resolve("fresh-data");
        Path pdf = tmp.resolve("x.pdf");
        Files.createDirectories(tmp.resolve("x.pdf.part")); // the writer's temporary file cannot be made: a bug's path
        List<String> command = new ArrayList<>(Processes.java(tmp, List.of("-D" + CjkFonts.PROPERTY + "=" + font),
                Processes.productClasspath(), Main.class.getName()));
        command.addAll(List.of("--data-dir", dataDir.toString(), "briefing", "--period", "2022", "--out",
                pdf.toString()));
        Processes.Finished finished = Processes.run(new ProcessBuilder(command), tmp);

        assertThat(finished.code()).as(finished.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(finished.err()).contains("details in the log");
        Path log = dataDir.resolve("logs").resolve("command-center.log");
        assertThat(log).as("the log of the data folder, not the temp folder's").isRegularFile();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("unexpected failure", "x.pdf.part",
                "\tat org.antifraud.cc.app.cli.BriefingCommand");
    }
}
