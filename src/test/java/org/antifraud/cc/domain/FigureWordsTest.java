package org.antifraud.cc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** How every output words what a figure covers and whose change it shows (issue 12), in both languages. */
class FigureWordsTest {
    private static final FigureWords EN = FigureWords.of(Lang.EN);
    private static final FigureWords ZH = FigureWords.of(Lang.ZH);
    private static final int[] NATION = IntStream.range(0, 31).toArray();

    private static Figure computed(Coverage c) {
        return new Figure(new BigDecimal("12"), Basis.COMPUTED, null, null, c);
    }

    @Test
    void recordsWithNothingSubmittedSayHowManyProvincesTheyComeFrom() {
        Coverage c = Coverage.of(NATION, YearMonth.of(2022, 1), YearMonth.of(2022, 12), (u, m) -> false)
                .withData(new int[]{19});
        Figure f = computed(c);

        assertThat(EN.value(f, "12")).isEqualTo("\u2265 12");
        assertThat(EN.coverage(f)).isEqualTo("1 of 31 provinces reporting");
        assertThat(ZH.coverage(f)).isEqualTo("已报 1/31 个省份");
        assertThat(EN.coverageDetail(f)).startsWith("0 of 372 province-months submitted.").contains("not the total");
    }

    @Test
    void somethingSubmittedSaysHowMuchAndAllSubmittedIsComplete() {
        Coverage some = Coverage.of(NATION, YearMonth.of(2022, 1), YearMonth.of(2022, 12), (u, m) -> m.getMonthValue() != 6 || u != 0);
        Coverage all = Coverage.full(NATION, YearMonth.of(2022, 1), YearMonth.of(2022, 12));

        assertThat(EN.coverage(computed(some))).isEqualTo("371 of 372 province-months submitted");
        assertThat(ZH.coverage(computed(some))).isEqualTo("已报送 371/372 个省份·月");
        assertThat(EN.value(computed(all), "12")).isEqualTo("12");
        assertThat(EN.coverage(computed(all))).isEqualTo("all submitted");
        Coverage province = Coverage.of(new int[]{3}, YearMonth.of(2022, 1), YearMonth.of(2022, 12), (u, m) -> m.getMonthValue() <= 3);
        assertThat(EN.coverage(computed(province))).isEqualTo("3 of 12 months submitted");
    }

    @Test
    void aReportedOrDemoFigureSaysNothingOfCoverageAndAChangeOfATotalIsLabelled() {
        Figure reported = new Figure(new BigDecimal("1800"), Basis.REPORTED, Qualifier.MORE_THAN, null);
        Change ofTotal = new Change(new BigDecimal("64.4"), Basis.REPORTED, null, ChangeOf.REPORTED_TOTAL, false);
        Change likeForLike = new Change(new BigDecimal("5.0"), Basis.COMPUTED, null, ChangeOf.VALUE, true);

        assertThat(EN.coverage(reported)).isEmpty();
        assertThat(EN.value(reported, "1.8K+")).isEqualTo("1.8K+");
        assertThat(EN.change(ofTotal, "+64.4%")).isEqualTo("reported total +64.4%");
        assertThat(ZH.change(ofTotal, "+64.4%")).isEqualTo("所报总数 +64.4%");
        assertThat(EN.change(likeForLike, "+5.0%")).isEqualTo("+5.0% like for like");
    }
}
