package org.antifraud.cc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberFormatsTest {
    private static final boolean ZH = true;
    private static final boolean EN = false;

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "1820000000, 18.2亿",
            "2150000000, 21.5亿",
            "200000000, 2亿",
            "5000000000, 50亿",
            "328000000000, 3280亿",
            "110000000, 1.1亿",
            "20000, 2万",
            "18250, 1.83万",
            "9330, 9330",
            "1800, 1800",
            "240, 240",
            "0, 0"})
    void compactChineseUsesWanAndYi(String value, String expected) {
        assertThat(NumberFormats.compact(new BigDecimal(value), null, ZH)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "1820000000, 1.82B",
            "2150000000, 2.15B",
            "200000000, 200M",
            "110000000, 110M",
            "20000, 20K",
            "9330, 9.33K",
            "1800, 1.8K",
            "1000, 1K",
            "240, 240",
            "1234.56, 1.23K"})
    void compactEnglishUsesKMB(String value, String expected) {
        assertThat(NumberFormats.compact(new BigDecimal(value), null, EN)).isEqualTo(expected);
    }

    @Test
    void moreThanIsYuInChinese() {
        assertThat(NumberFormats.compact(new BigDecimal("20000"), Qualifier.MORE_THAN, ZH)).isEqualTo("2万余");
        assertThat(NumberFormats.compact(new BigDecimal("1800"), Qualifier.MORE_THAN, ZH)).isEqualTo("1800余");
        assertThat(NumberFormats.compact(new BigDecimal("5000000000"), Qualifier.MORE_THAN, ZH)).isEqualTo("50亿余");
    }

    @Test
    void moreThanIsAPlusInEnglish() {
        assertThat(NumberFormats.compact(new BigDecimal("1800"), Qualifier.MORE_THAN, EN)).isEqualTo("1.8K+");
        assertThat(NumberFormats.compact(new BigDecimal("80"), Qualifier.MORE_THAN, EN)).isEqualTo("80+");
        assertThat(NumberFormats.compact(new BigDecimal("5000000000"), Qualifier.MORE_THAN, EN)).isEqualTo("5B+");
    }

    @Test
    void aLowerBoundIsNeverRoundedUp() {
        // "more than 9,996" must not read as "more than 10,000"
        assertThat(NumberFormats.compact(new BigDecimal("9996"), Qualifier.MORE_THAN, EN)).isEqualTo("9.99K+");
        assertThat(NumberFormats.compact(new BigDecimal("18250"), Qualifier.MORE_THAN, ZH)).isEqualTo("1.82万余");
        assertThat(NumberFormats.compact(new BigDecimal("99999"), Qualifier.MORE_THAN, ZH)).isEqualTo("9.99万余");
    }

    @Test
    void anExactFigureIsRoundedHalfUp() {
        assertThat(NumberFormats.compact(new BigDecimal("9996"), null, EN)).isEqualTo("10K");
        assertThat(NumberFormats.compact(new BigDecimal("18250"), null, EN)).isEqualTo("18.3K");
    }

    @Test
    void aStoredScaleDoesNotShow() {
        // amounts come back from the database as DECIMAL(20, 2)
        assertThat(NumberFormats.compact(new BigDecimal("1800.00"), Qualifier.MORE_THAN, ZH)).isEqualTo("1800余");
        assertThat(NumberFormats.full(new BigDecimal("1820000000.00"), null, EN)).isEqualTo("1,820,000,000");
    }

    @Test
    void fullGroupsThousands() {
        assertThat(NumberFormats.full(new BigDecimal("1820000000"), null, ZH)).isEqualTo("1,820,000,000");
        assertThat(NumberFormats.full(new BigDecimal("1820000000"), null, EN)).isEqualTo("1,820,000,000");
        assertThat(NumberFormats.full(new BigDecimal("240"), null, EN)).isEqualTo("240");
        assertThat(NumberFormats.full(new BigDecimal("1234.5"), null, EN)).isEqualTo("1,234.5");
    }

    @Test
    void fullSaysMoreThanInWords() {
        assertThat(NumberFormats.full(new BigDecimal("1800"), Qualifier.MORE_THAN, EN)).isEqualTo("more than 1,800");
        assertThat(NumberFormats.full(new BigDecimal("1800"), Qualifier.MORE_THAN, ZH)).isEqualTo("1,800余");
    }

    @Test
    void percentCarriesItsSign() {
        assertThat(NumberFormats.percent(new BigDecimal("64.4"))).isEqualTo("+64.4%");
        assertThat(NumberFormats.percent(new BigDecimal("50"))).isEqualTo("+50.0%");
    }

    @Test
    void aNegativePercentUsesATrueMinusSign() {
        assertThat(NumberFormats.percent(new BigDecimal("-17.3"))).isEqualTo("\u221217.3%");
        assertThat(NumberFormats.percent(new BigDecimal("-1.3"))).isEqualTo("\u22121.3%");
    }

    @Test
    void percentIsRoundedHalfUpToOneDecimal() {
        assertThat(NumberFormats.percent(new BigDecimal("64.45"))).isEqualTo("+64.5%");
        assertThat(NumberFormats.percent(new BigDecimal("-0.04"))).isEqualTo("±0.0%");
    }
}
