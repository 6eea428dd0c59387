package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import org.antifraud.cc.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code briefing --out FILE.md}: the narrative and the key figures with their basis, in either language. */
@IntegrationTest
class CliBriefingTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheReportsYearAsAMarkdownBriefing() throws Exception {
        Path dir = tmp.resolve("cc");
        Path zh = tmp.resolve("2022-zh.md");
        Path en = tmp.resolve("2022-en.md");

        CliRun z = in(dir, "briefing", "--period", "2022", "--lang", "zh", "--out", zh.toString());
        CliRun e = in(dir, "briefing", "--period", "2022", "--lang", "en", "--out", en.toString(),
                "--classification", "Restricted | command staff");

        assertThat(z.exitCode()).as(z.err()).isZero();
        assertThat(z.out()).contains("wrote the briefing of 2022, CN");
        String zhText = Files.readString(zh, StandardCharsets.UTF_8);
        assertThat(zhText).startsWith("# 反诈工作简报 · 2022年 · 全国\n\n*内部资料 注意保密* · 数据截至 ")
                .contains("## 总体情况\n\n2022年，全国公安机关抓获犯罪嫌疑人同比上升64.4%，立案数同比下降17.3%",
                        "拦截诈骗电话18.2亿次", "捣毁诈骗窝点1800余个",
                        // the report's change is its total's: said so, the figure itself unknown
                        "| 抓获犯罪嫌疑人 | — | 所报总数 +64.4% | 通报 | — | The number of criminal suspects arrested increased by 64.4%",
                        "| 立案数 | — | 所报总数 −17.3% | 通报 | — |",
                        "数据截至 2022-12-31");
        assertThat(zhText).as("the default database's demo figures say so").contains("**演示数据**");
        assertThat(e.exitCode()).as(e.err()).isZero();
        String enText = Files.readString(en, StandardCharsets.UTF_8);
        assertThat(enText).startsWith("# Anti-fraud briefing · 2022 · China\n\n*Restricted | command staff* · data as of ")
                .contains("destroyed more than 1,800 fraud dens", "| Fraud dens destroyed | more than 1,800 | — | reported | — |", "data as of 2022-12-31");
    }

    @Test
    void otherFormatsAndBadOptionsAreRefusedWithNothingWritten() {
        Path dir = tmp.resolve("cc");
        Path docx = tmp.resolve("b.docx");

        CliRun run = in(dir, "briefing", "--period", "2022", "--out", docx.toString());
        CliRun lang = in(dir, "briefing", "--period", "2022", "--lang", "fr", "--out", tmp.resolve("b.md").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("name a .pdf, .png or .md file");
        assertThat(Files.exists(docx)).isFalse();
        CliRun slide = in(dir, "briefing", "--period", "2022", "--slides", "title,charts", "--out",
                tmp.resolve("b.pdf").toString());
        assertThat(slide.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(slide.err()).contains("unknown slide: charts");
        CliRun theme = in(dir, "briefing", "--period", "2022", "--theme", "pink", "--out", tmp.resolve("b.pdf").toString());
        assertThat(theme.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Files.exists(tmp.resolve("b.pdf"))).isFalse();
        assertThat(lang.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Files.exists(tmp.resolve("b.md"))).isFalse();
        CliRun month = in(dir, "briefing", "--period", "2022-13", "--out", tmp.resolve("b.md").toString());
        assertThat(month.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(month.err()).contains("2022-13").doesNotContain("unexpected");
        CliRun export = in(dir, "export", "--type", "dens", "--period", "2022-13", "--out", tmp.resolve("d.csv").toString());
        assertThat(export.exitCode()).as("export's --period too").isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(export.err()).contains("2022-13").doesNotContain("unexpected");
    }

    @Test
    void writesTheChosenSlidesAsPdfAndAsPngs() throws Exception {
        Assumptions.assumeTrue(System.getenv("CI") != null
                || Files.exists(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")),
                "no TrueType CJK font here");
        Path dir = tmp.resolve("cc");
        Path pdf = tmp.resolve("b.pdf");
        CliRun run = in(dir, "briefing", "--period", "2022", "--lang", "en", "--slides", "title,headline,narrative",
                "--out", pdf.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote 3 slides of 2022, CN to");
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Anti-fraud briefing", "Headline figures", "Summary", "more than 1,800");
        }

        Path png = tmp.resolve("wall.png");
        CliRun pictures = in(dir, "briefing", "--period", "2022", "--slides", "headline,regions", "--out", png.toString());
        assertThat(pictures.exitCode()).as(pictures.err()).isZero();
        for (String name : new String[]{"wall-01.png", "wall-02.png"}) {
            BufferedImage image = ImageIO.read(tmp.resolve(name).toFile());
            assertThat(image.getWidth()).isEqualTo(1920);
            assertThat(image.getHeight()).isEqualTo(1080);
        }
        assertThat(tmp.resolve("wall-03.png")).doesNotExist();
    }
}
