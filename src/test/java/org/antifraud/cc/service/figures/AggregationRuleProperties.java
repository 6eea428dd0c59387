package org.antifraud.cc.service.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CellPlan;
import org.antifraud.cc.domain.Change;
import org.antifraud.cc.domain.Coverage;
import org.antifraud.cc.domain.FactCell;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorCategory;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * What {@link AggregationRule} must do for every mix of inputs (jqwik; each property has a fixed seed, and jqwik
 * prints the seed and the shrunk sample of a failure): a sum does not depend on the order of its parts nor the rule
 * on the order of its inputs, demo data never changes a figure real data knows, a computed figure is complete
 * exactly when every unit-month under it is submitted, and a change only compares comparable figures.
 */
class AggregationRuleProperties {
    private static final String DENS = "dens_destroyed";
    private static final List<String> PROVINCES = List.of("CN-AA", "CN-BB", "CN-CC");
    private static final String ZONE = "ZONE-X";
    private static final Map<String, List<String>> CHILDREN = Map.of("CN", PROVINCES, ZONE, List.of("CN-AA", "CN-BB"));
    private static final List<String> REGIONS = List.of("CN", ZONE, "CN-AA", "CN-CC");
    private static final List<Period> PERIODS = List.of(Period.parse("2022"), Period.parse("2021"),
            Period.parse("2022-Q2"), Period.parse("2022-06"), Period.parse("2022-06-15"),
            Period.parse("2022-05-10..2022-08-20"));
    /** The runs of loose days the ranges above read as one cell each. */
    private static final List<CellPlan.Span> SPANS = PERIODS.stream()
            .filter(p -> p.granularity() == Granularity.RANGE).flatMap(p -> CellPlan.looseDays(p).stream()).toList();
    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);
    private static final YearMonth FIRST_MONTH = YearMonth.from(FIRST_DAY);
    private static final Indicator INDICATOR = new Indicator(DENS, IndicatorCategory.CRACKDOWN, Indicator.Unit.COUNT,
            "捣毁窝点", "Fraud dens destroyed", true);

    /** Facts of one province on one day (days and months counted from 2021-01-01), real records or scale demo. */
    record Fact(int unit, int dayNo, int amount, boolean demo) {
        String region() {
            return PROVINCES.get(unit);
        }

        LocalDate day() {
            return FIRST_DAY.plusDays(dayNo);
        }
    }

    /** A province's declaration about one month of dens. */
    record Sub(int unit, int monthNo, boolean submitted) {
        Submission submission() {
            return new Submission(PROVINCES.get(unit), FIRST_MONTH.plusMonths(monthNo), SubmissionKind.DENS,
                    submitted ? SubmissionState.SUBMITTED : SubmissionState.REOPENED, "clerk", Instant.EPOCH, "r");
        }
    }

    record World(List<Fact> facts, List<Measurement> stored, List<Sub> subs) {
    }

    // --- arbitraries -------------------------------------------------------------------------------------------

    private static Arbitrary<List<Fact>> facts(Arbitrary<Boolean> demo) {
        return Combinators.combine(Arbitraries.integers().between(0, PROVINCES.size() - 1),
                        Arbitraries.integers().between(0, 729), Arbitraries.integers().between(1, 50), demo)
                .as(Fact::new).list().ofMaxSize(25);
    }

    private static Arbitrary<List<Sub>> subs() {
        return Combinators.combine(Arbitraries.integers().between(0, PROVINCES.size() - 1),
                        Arbitraries.integers().between(0, 23), Arbitraries.of(true, true, true, false))
                .as(Sub::new).list().ofMaxSize(60).uniqueElements(s -> s.unit() * 100 + s.monthNo());
    }

    private static Arbitrary<List<Measurement>> stored() {
        Arbitrary<Period> periods = Arbitraries.oneOf(Arbitraries.of(Period.parse("2021"), Period.parse("2022")),
                Arbitraries.integers().between(0, 23).map(m -> Period.month(FIRST_MONTH.plusMonths(m))));
        Arbitrary<BigDecimal> changes = Arbitraries.of(new BigDecimal("12.5"), new BigDecimal("-3.0")).injectNull(0.7);
        return Combinators.combine(Arbitraries.of("CN", "CN-AA", "CN-BB", "CN-CC"), periods,
                        Arbitraries.integers().between(1, 500), Arbitraries.of(Basis.values()), changes,
                        Arbitraries.of(Qualifier.MORE_THAN).injectNull(0.8))
                .as((region, period, value, basis, change, qualifier) -> new Measurement(DENS, region, period, null,
                        BigDecimal.valueOf(value), change, basis, qualifier, null, null))
                .list().ofMaxSize(6).uniqueElements(m -> m.regionCode() + m.period().code());
    }

    @Provide
    Arbitrary<World> worlds() {
        return Combinators.combine(facts(Arbitraries.of(false, false, true)), stored(), subs()).as(World::new);
    }

    @Provide
    Arbitrary<List<Fact>> records() {
        return facts(Arbitraries.just(false));
    }

    @Provide
    Arbitrary<List<Sub>> submissions() {
        return subs();
    }

    @Provide
    Arbitrary<List<Figure>> parts() {
        Arbitrary<Figure> known = Combinators.combine(Arbitraries.integers().between(0, 1000),
                        Arbitraries.of(Basis.values()), Arbitraries.of(Qualifier.MORE_THAN).injectNull(0.7))
                .as((v, b, q) -> new Figure(BigDecimal.valueOf(v), b, q, null));
        return Arbitraries.frequencyOf(
                Tuple.of(4, known), Tuple.of(1, Arbitraries.just(Figure.UNKNOWN))).list().ofMaxSize(8);
    }

    /** Figures as the rule gives them: small values (zero included), each basis, computed ones over 2 units × 1 month. */
    @Provide
    Arbitrary<Figure> figures() {
        YearMonth june = YearMonth.of(2022, 6);
        Arbitrary<Figure> known = Combinators.combine(Arbitraries.integers().between(0, 20),
                        Arbitraries.of(Basis.values()), Arbitraries.integers().between(0, 3))
                .as((v, b, mask) -> new Figure(BigDecimal.valueOf(v), b, null, null, b != Basis.COMPUTED ? null
                        : Coverage.of(new int[]{0, 1}, june, june, (u, m) -> (mask >> u & 1) == 1)));
        return Arbitraries.frequencyOf(Tuple.of(6, known), Tuple.of(1, Arbitraries.just(Figure.UNKNOWN)));
    }

    // --- properties --------------------------------------------------------------------------------------------

    @Property(seed = "4711")
    void aSumIsTheSameInAnyOrderIsDemoIfAnyPartIsAndMoreThanIfAnyPartIs(@ForAll("parts") List<Figure> parts,
                                                                       @ForAll Random random) {
        List<Figure> shuffled = new ArrayList<>(parts);
        Collections.shuffle(shuffled, random);
        List<Figure> known = parts.stream().filter(Figure::isKnown).toList();

        Figure sum = AggregationRule.sumOf(parts);
        Figure other = AggregationRule.sumOf(shuffled);

        assertSame(other, sum, "shuffled");
        assertThat(sum.isKnown()).isEqualTo(!known.isEmpty());
        if (sum.isKnown()) {
            assertThat(sum.value()).isEqualByComparingTo(known.stream().map(Figure::value)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(sum.isDemo()).isEqualTo(known.stream().anyMatch(Figure::isDemo));
            assertThat(sum.basis()).isIn(Basis.COMPUTED, Basis.SYNTHETIC_DEMO);
            assertThat(sum.qualifier() == Qualifier.MORE_THAN)
                    .isEqualTo(known.stream().anyMatch(f -> f.qualifier() == Qualifier.MORE_THAN));
            assertThat(sum.source()).isNull();
        }
    }

    @Property(tries = 80, seed = "20221230")
    void theRuleDoesNotDependOnTheOrderOfItsFactsSubmissionsOrChildren(@ForAll("worlds") World world,
                                                                       @ForAll Random random) {
        AggregationRule rule = rule(world, true, true, CHILDREN);
        Map<String, List<String>> children = new HashMap<>();
        CHILDREN.forEach((region, kids) -> {
            List<String> shuffled = new ArrayList<>(kids);
            Collections.shuffle(shuffled, random);
            children.put(region, shuffled);
        });
        List<Fact> facts = new ArrayList<>(world.facts());
        List<Measurement> stored = new ArrayList<>(world.stored());
        List<Sub> subs = new ArrayList<>(world.subs());
        Collections.shuffle(facts, random);
        Collections.shuffle(stored, random);
        Collections.shuffle(subs, random);
        AggregationRule reordered = rule(new World(facts, stored, subs), true, true, children);

        for (String region : REGIONS) {
            for (Period period : PERIODS) {
                String where = region + " " + period;
                IndicatorStat a = rule.stat(INDICATOR, region, period);
                IndicatorStat b = reordered.stat(INDICATOR, region, period);
                assertSame(b.value(), a.value(), where);
                assertSame(b.previous(), a.previous(), where + " last year");
                assertSame(b.recordsSoFar(), a.recordsSoFar(), where + " records so far");
                assertThat(describe(b.change())).as(where).isEqualTo(describe(a.change()));
            }
        }
    }

    @Property(tries = 100, seed = "26")
    void demoDataNeverChangesAFigureThatRealDataKnowsAndIsShownOnlyWhereItKnowsNothing(@ForAll("worlds") World world) {
        AggregationRule both = rule(world, true, true, CHILDREN);
        AggregationRule realOnly = rule(world, true, false, CHILDREN);
        AggregationRule demoOnly = rule(world, false, true, CHILDREN);

        for (String region : REGIONS) {
            for (Period period : PERIODS) {
                String where = region + " " + period;
                Figure real = realOnly.value(region, period);
                assertThat(both.realValue(region, period)).as(where).isEqualTo(realOnly.realValue(region, period));
                assertThat(both.demoValue(region, period)).as(where).isEqualTo(demoOnly.demoValue(region, period));
                Figure value = both.value(region, period);
                if (real.isKnown()) {
                    assertThat(value).as(where).isEqualTo(real);
                    assertThat(describe(both.stat(INDICATOR, region, period).change())).as(where)
                            .isEqualTo(describe(realOnly.stat(INDICATOR, region, period).change()));
                } else {
                    assertThat(value).as(where).isEqualTo(demoOnly.value(region, period));
                    assertThat(!value.isKnown() || value.isDemo()).as(where).isTrue();
                }
            }
        }
    }

    @Property(tries = 200, seed = "12")
    void aSumOfRecordsIsCompleteExactlyWhenEveryUnitMonthUnderItIsSubmitted(@ForAll("records") List<Fact> records,
                                                                           @ForAll("submissions") List<Sub> subs) {
        AggregationRule rule = rule(new World(records, List.of(), subs), true, false, CHILDREN);

        for (String region : REGIONS) {
            for (Period period : PERIODS) {
                String where = region + " " + period;
                List<Integer> units = CHILDREN.getOrDefault(region, List.of(region)).stream()
                        .map(PROVINCES::indexOf).toList();
                List<Fact> inside = records.stream().filter(f -> units.contains(f.unit())
                        && !f.day().isBefore(period.start()) && !f.day().isAfter(period.end())).toList();
                int months = 0;
                int submitted = 0;
                for (YearMonth m = YearMonth.from(period.start()); !m.isAfter(YearMonth.from(period.end()));
                     m = m.plusMonths(1)) {
                    months++;
                    for (int u : units) {
                        int monthNo = (int) FIRST_MONTH.until(m, ChronoUnit.MONTHS);
                        submitted += subs.contains(new Sub(u, monthNo, true)) ? 1 : 0;
                    }
                }

                Figure value = rule.value(region, period);

                assertThat(value.isKnown()).as(where).isEqualTo(!inside.isEmpty() || submitted > 0);
                if (value.isKnown()) {
                    assertThat(value.value()).as(where).isEqualByComparingTo(BigDecimal.valueOf(
                            inside.stream().mapToInt(Fact::amount).sum()));
                    assertThat(value.basis()).as(where).isEqualTo(Basis.COMPUTED);
                    assertThat(value.coverage().expected()).as(where).isEqualTo(units.size() * months);
                    assertThat(value.coverage().submitted()).as(where).isEqualTo(submitted);
                    assertThat(value.isComplete()).as(where).isEqualTo(submitted == units.size() * months);
                    assertThat(value.coverage().unitsWithData()).as(where)
                            .isEqualTo((int) inside.stream().map(Fact::unit).distinct().count());
                }
            }
        }
    }

    @Property(seed = "64")
    void aChangeComparesOnlyComparableFiguresSymmetricallyAndHasTheSignOfTheDifference(
            @ForAll("figures") Figure current, @ForAll("figures") Figure previous) {
        boolean comparable = AggregationRule.comparable(current, previous);
        Change change = AggregationRule.computedChange(current, previous);

        assertThat(change != null).isEqualTo(comparable);
        if (!comparable) {
            return;
        }
        assertThat(current.isKnown() && previous.isKnown()).isTrue();
        assertThat(current.basis()).isEqualTo(previous.basis());
        assertThat(previous.value().signum()).isNotZero();
        assertThat(current.isComplete() == previous.isComplete()).isTrue();
        if (current.value().signum() != 0) {
            assertThat(AggregationRule.comparable(previous, current)).isTrue();
        }
        BigDecimal exact = current.value().subtract(previous.value()).multiply(BigDecimal.valueOf(100))
                .divide(previous.value(), 10, RoundingMode.HALF_UP);
        assertThat(change.pct().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.05"));
        assertThat(change.pct().signum() * exact.signum()).isNotNegative();
        assertThat(change.basis()).isEqualTo(current.isDemo() ? Basis.SYNTHETIC_DEMO : Basis.COMPUTED);
        assertThat(change.likeForLike()).isEqualTo(current.isPartial());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /**
     * The rule over a world's real part, demo part or both, its facts rolled up as the rollups do: one cell per
     * province and day, month, year and loose-day span, each cell's synthetic part kept apart.
     */
    private static AggregationRule rule(World world, boolean real, boolean demo, Map<String, List<String>> children) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Fact f : world.facts()) {
            if (f.demo() ? !demo : !real) {
                continue;
            }
            List<String> codes = new ArrayList<>(List.of(f.day().toString(), YearMonth.from(f.day()).toString(),
                    String.valueOf(f.day().getYear())));
            SPANS.stream().filter(s -> !f.day().isBefore(s.first()) && !f.day().isAfter(s.last()))
                    .forEach(s -> codes.add(s.code()));
            for (String code : codes) {
                // amount, facts, synthetic facts, synthetic amount
                long[] cell = sums.computeIfAbsent(f.region() + "|" + code, k -> new long[4]);
                cell[0] += f.amount();
                cell[1]++;
                cell[2] += f.demo() ? 1 : 0;
                cell[3] += f.demo() ? f.amount() : 0;
            }
        }
        List<FactCell> cells = new ArrayList<>();
        sums.forEach((key, c) -> cells.add(new FactCell(DENS, key.substring(0, key.indexOf('|')),
                key.substring(key.indexOf('|') + 1), "", BigDecimal.valueOf(c[0]), c[1], c[2],
                BigDecimal.valueOf(c[3]))));
        List<Measurement> stored = world.stored().stream()
                .filter(m -> m.basis() == Basis.SYNTHETIC_DEMO ? demo : real).toList();
        List<Submission> submissions = world.subs().stream().map(Sub::submission).toList();
        return new AggregationRule(children, stored, cells, Reporting.of(children, DENS, submissions));
    }

    /** The same figure, up to the numbering of units inside its coverage (which follows the order of children). */
    private static void assertSame(Figure actual, Figure expected, String where) {
        assertThat(actual.isKnown()).as(where).isEqualTo(expected.isKnown());
        if (!expected.isKnown()) {
            return;
        }
        assertThat(actual.value()).as(where).isEqualByComparingTo(expected.value());
        assertThat(actual.basis()).as(where).isEqualTo(expected.basis());
        assertThat(actual.qualifier()).as(where).isEqualTo(expected.qualifier());
        assertThat(actual.source()).as(where).isEqualTo(expected.source());
        assertThat(actual.isComplete()).as(where).isEqualTo(expected.isComplete());
        assertThat(actual.coverage() == null).as(where).isEqualTo(expected.coverage() == null);
        if (expected.coverage() != null) {
            assertThat(actual.coverage().submitted()).as(where).isEqualTo(expected.coverage().submitted());
            assertThat(actual.coverage().expected()).as(where).isEqualTo(expected.coverage().expected());
            assertThat(actual.coverage().unitsWithData()).as(where).isEqualTo(expected.coverage().unitsWithData());
        }
    }

    private static String describe(Change c) {
        return c == null ? "none" : c.pct().stripTrailingZeros().toPlainString() + " " + c.basis()
                + " " + c.of() + " " + c.likeForLike();
    }
}
