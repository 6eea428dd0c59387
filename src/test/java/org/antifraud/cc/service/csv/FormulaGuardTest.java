package org.antifraud.cc.service.csv;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "=SUM(A1)|'=SUM(A1)",
        "+86 138|'+86 138",
        "-17.3|'-17.3",
        "@cmd|'@cmd",
        "'=x|''=x",
        "''-1|'''-1",
        "'hello|'hello",
        "17.3|17.3",
        "a=b|a=b",
        "'|'"
    })
    void formulaLikeCellsGetOneMoreApostrophe(String text, String exported) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo(exported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t=cmd", "\r=cmd", "\n=cmd", "\t", "'\t@x", "''\n"})
    void cellsBeginningWithTabCarriageReturnOrLineFeedAreNeutralisedToo(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo("'" + text);
        assertThat(FormulaGuard.unneutralise(FormulaGuard.neutralise(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\tb", "x\r\ny", "'a\n"})
    void aTabOrLineBreakInsideACellLeavesItAlone(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo(text);
    }

    /** Any text, the characters that matter over-represented: export then import gives it back, never a formula. */
    @net.jqwik.api.Property(tries = 2000, seed = "13")
    void everyTextRoundTripsAndNoExportedCellStartsAFormula(
            @net.jqwik.api.ForAll("cells") String text) {
        String exported = FormulaGuard.neutralise(text);
        assertThat(FormulaGuard.unneutralise(exported)).isEqualTo(text);
        String afterApostrophes = exported.replaceFirst("^'*", "");
        if (!afterApostrophes.isEmpty() && "=+-@\t\r\n".indexOf(afterApostrophes.charAt(0)) >= 0) {
            assertThat(exported).startsWith("'");
        }
    }

    @net.jqwik.api.Provide
    Arbitrary<String> cells() {
        return Arbitraries.strings().withChars("'=+-@\t\r\n a1").ofMaxLength(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=SUM(A1)", "+1", "-17.3", "@x", "'=x", "''+y", "'", "''", "'abc", "abc", "", "-", "'-"})
    void importUndoesExportExactly(String text) {
        assertThat(FormulaGuard.unneutralise(FormulaGuard.neutralise(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"'=1+1|=1+1", "'-5|-5", "'hello|'hello", "-5|-5"})
    void aHandWrittenGuardIsRemovedOnImport(String cell, String imported) {
        assertThat(FormulaGuard.unneutralise(cell)).isEqualTo(imported);
    }
}
