package org.antifraud.cc.service.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.antifraud.cc.domain.Problem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which fonts the PDF can embed: TrueType outlines yes, Noto's CFF outlines no; a named font that is not there. */
class CjkFontsTest {
    @TempDir
    Path tmp;

    @Test
    void tellsTrueTypeOutlinesFromCffOnes() {
        Path wqy = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        Assumptions.assumeTrue(Files.exists(wqy) && Files.exists(noto), "both fonts are installed on CI");
        assertThat(CjkFonts.hasTrueTypeOutlines(wqy)).isTrue();
        assertThat(CjkFonts.hasTrueTypeOutlines(noto)).as("CFF outlines: PDFBox cannot embed them").isFalse();
    }

    @Test
    void aFileThatIsNoFontIsNotTakenForOne() throws Exception {
        Path fake = Files.writeString(tmp.resolve("fake.ttf"), "not a font");
        assertThat(CjkFonts.hasTrueTypeOutlines(fake)).isFalse();
    }

    @Test
    void aNamedFontThatCannotBeReadIsAProblem() {
        String before = System.getProperty(CjkFonts.PROPERTY);
        System.setProperty(CjkFonts.PROPERTY, tmp.resolve("missing.ttc").toString());
        try {
            assertThatThrownBy(CjkFonts::locate).isInstanceOf(Problem.class)
                    .satisfies(e -> assertThat(((Problem) e).key()).isEqualTo("pdf_font_unreadable"));
        } finally {
            if (before == null) {
                System.clearProperty(CjkFonts.PROPERTY);
            } else {
                System.setProperty(CjkFonts.PROPERTY, before);
            }
        }
    }
}
