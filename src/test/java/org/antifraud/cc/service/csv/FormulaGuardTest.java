package org.antifraud.cc.service.csv;

import static org.assertj.core.api.Assertions.assertThat;

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
