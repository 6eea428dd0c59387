package org.antifraud.cc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.sourceforge.pmd.cpd.CPDConfiguration;
import net.sourceforge.pmd.cpd.CpdAnalysis;
import net.sourceforge.pmd.cpd.Mark;
import net.sourceforge.pmd.cpd.Match;
import net.sourceforge.pmd.lang.document.FileLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No block of ten or more lines is copied within src (issue 14): PMD's copy-paste detector over main and test code. */
class NoCopiedCodeTest {
    /** A copy this long is one piece of code that should serve both places. */
    static final int MOST_LINES = 10;

    @Test
    void noBlockOfTenLinesIsCopiedWithinSrc() throws IOException {
        List<String> copies = copiesOf(List.of(Path.of("src/main/java"), Path.of("src/test/java")));
        assertThat(copies).as("blocks of %d or more lines that stand twice (make one piece of code serve both)",
                MOST_LINES).isEmpty();
    }

    @Test
    void theFinderSeesACopyOfTenLinesAndNotOfNine(@TempDir Path dir) throws IOException {
        // what stands around each copy differs from its first and last token on, so the copy is the block alone
        Files.writeString(dir.resolve("A.java"), "class A {\n    int f = 1;\n" + block("a", 10) + "    int g = 2;\n}\n");
        Files.writeString(dir.resolve("B.java"), "class B {\n    { }\n" + block("a", 10) + "    void h() { }\n}\n");
        Files.writeString(dir.resolve("C.java"), "class C {\n    int f = 1;\n" + block("c", 9) + "    int g = 2;\n}\n");
        Files.writeString(dir.resolve("D.java"), "class D {\n    { }\n" + block("c", 9) + "    void h() { }\n}\n");

        List<String> copies = copiesOf(List.of(dir));

        assertThat(copies).hasSize(1);
        assertThat(copies.getFirst()).contains("A.java").contains("B.java");
    }

    /** A method of {@code lines} lines, each a distinct statement. */
    private static String block(String prefix, int lines) {
        StringBuilder s = new StringBuilder("    int " + prefix + "(int x) {\n");
        for (int i = 0; i < lines - 3; i++) {
            s.append("        x = x * ").append(i + 3).append(" + ").append(prefix).append("Step").append(i).append("(x);\n");
        }
        return s.append("        return x;\n    }\n").toString();
    }

    /** Each copied block of at least {@link #MOST_LINES} lines, as "lines: file:line ~ file:line". */
    private static List<String> copiesOf(List<Path> roots) throws IOException {
        CPDConfiguration config = new CPDConfiguration();
        config.setOnlyRecognizeLanguage(config.getLanguageRegistry().getLanguageById("java"));
        config.setMinimumTileSize(30); // tokens; the line count below decides
        config.setInputPathList(roots);
        List<String> found = new ArrayList<>();
        try (CpdAnalysis cpd = CpdAnalysis.create(config)) {
            cpd.performAnalysis(report -> {
                for (Match m : report.getMatches()) {
                    if (m.getLineCount() >= MOST_LINES) {
                        StringBuilder where = new StringBuilder(m.getLineCount() + " lines:");
                        for (Mark mark : m.getMarkSet()) {
                            FileLocation at = mark.getLocation();
                            where.append(' ').append(at.getFileId().getOriginalPath()).append(':').append(at.getStartLine());
                        }
                        found.add(where.toString());
                    }
                }
            });
        }
        return found;
    }
}
