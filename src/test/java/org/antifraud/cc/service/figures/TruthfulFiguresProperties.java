package org.antifraud.cc.service.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Change;
import org.antifraud.cc.domain.ChangeOf;
import org.antifraud.cc.domain.FactCell;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.FigureWords;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorCategory;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.StatsReport;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.antifraud.cc.service.briefing.Narrative;
import org.antifraud.cc.service.briefing.NarrativeService;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Issue 12's promise, for every mix of reported figures, records, submissions and demo data per key (jqwik, fixed
 * seed, printed on failure): no partial value is presented as complete, no change stands beside a value it was not
 * computed or reported for, and no demo value is added to a real one nor hides it — in the rule's answer, in the
 * words every output uses ({@link FigureWords}) and in the narrative.
 */
class TruthfulFiguresProperties {
    private static final String INDICATOR = "suspects_arrested";
    private static final List<String> PROVINCES = List.of("CN-AA", "CN-BB", "CN-CC", "CN-DD", "CN-EE");
    private static final String ZONE = "ZONE-X";
    private static final Map<String, List<String>> CHILDREN = Map.of("CN", PROVINCES, ZONE, List.of("CN-AA", "CN-BB"));
    private static final List<String> REGIONS = List.of("CN", ZONE, "CN-AA", "CN-CC");
    private static final List<Period> PERIODS = List.of(Period.parse("2022"), Period.parse("2022-Q2"),
            Period.parse("2022-06"), Period.parse("2022-06-15"), Period.parse("2022-05-10..2022-08-20"));
    private static final Source REPORT = new Source("report", "the sentence");
    private static final Indicator SUSPECTS = new Indicator(INDICATOR, IndicatorCategory.CRACKDOWN,
            Indicator.Unit.COUNT, "抓获犯罪嫌疑人", "Suspects arrested", true);

    /** One random world: what is stored, recorded and submitted. */
    private record World(List<Measurement> stored, List<Day> days, List<Submission> submissions) {
    }

    /** A day's facts in one province: real and synthetic parts. */
    private record Day(String region, LocalDate day, long real, long demo) {
    }

    @Property(tries = 400, seed = "20221230")
    void noPartialAsCompleteNoStrayChangeNoDemoInReal(@ForAll long seed) {
        World world = world(new Random(seed));
        AggregationRule full = rule(world, true, true);
        AggregationRule realOnly = rule(world, true, false);
        AggregationRule demoOnly = rule(world, false, true);
        FigureWords en = FigureWords.of(Lang.EN);
        for (String region : REGIONS) {
            for (Period period : PERIODS) {
                IndicatorStat stat = full.stat(SUSPECTS, region, period);
                Figure value = stat.value();
                String where = region + " " + period.code() + " seed " + seed;

                // demo is never added to real data nor hides it
                Figure real = realOnly.value(region, period);
                if (value.isKnown() && !value.isDemo()) {
                    assertThat(value.value()).as(where).isEqualByComparingTo(real.value());
                    assertThat(value.basis()).as(where).isEqualTo(real.basis());
                } else if (value.isDemo()) {
                    assertThat(real.isKnown()).as("real data hidden by demo: " + where).isFalse();
                    assertThat(value.value()).as(where).isEqualByComparingTo(demoOnly.value(region, period).value());
                } else {
                    assertThat(real.isKnown()).as(where).isFalse();
                }

                // a computed figure is complete only where every unit-month under it has something real behind it
                if (value.isKnown() && value.basis() == Basis.COMPUTED && value.isComplete()) {
                    for (String unit : units(region)) {
                        for (YearMonth m = YearMonth.from(period.start()); !m.isAfter(YearMonth.from(period.end()));
                             m = m.plusMonths(1)) {
                            assertThat(covered(world, region, unit, m, period))
                                    .as("complete, but %s %s has nothing: %s", unit, m, where).isTrue();
                        }
                    }
                }
                // and every output words a partial figure as a lower bound, never as the total
                assertThat(en.value(value, "12").startsWith("\u2265")).as(where).isEqualTo(value.isPartial());
                if (value.isPartial()) {
                    assertThat(value.coverage().submitted()).as(where).isLessThan(value.coverage().expected());
                }

                // a change stands beside a value only when it belongs to it
                Change c = stat.change();
                if (c != null && c.of() == ChangeOf.VALUE) {
                    if (c.basis() == Basis.REPORTED) {
                        Measurement row = storedAt(world, region, period);
                        assertThat(row).as("a reported change of the value needs its row: " + where).isNotNull();
                        assertThat(row.value()).isEqualByComparingTo(value.value());
                        assertThat(row.changePct()).isEqualByComparingTo(c.pct());
                    } else {
                        Figure before = stat.previous();
                        assertThat(before.isKnown()).as(where).isTrue();
                        assertThat(before.basis()).as(where).isEqualTo(value.basis());
                        assertThat(value.isComplete() && before.isComplete()
                                || value.isPartial() && before.isPartial()
                                && value.coverage().sameUnitMonths(before.coverage()))
                                .as("compared unlike figures: " + where).isTrue();
                        assertThat(c.pct()).as(where).isEqualByComparingTo(value.value().subtract(before.value())
                                .multiply(BigDecimal.valueOf(100)).divide(before.value(), 1, RoundingMode.HALF_UP));
                        assertThat(c.basis() == Basis.SYNTHETIC_DEMO).as(where).isEqualTo(value.isDemo());
                    }
                }
                if (c != null && value.isPartial() && c.of() == ChangeOf.VALUE) {
                    assertThat(c.likeForLike()).as(where).isTrue();
                }

                // the narrative never joins a value and a change that is not its own in one claim
                Narrative narrative = new NarrativeService(null, catalog())
                        .narrative(new StatsReport(new StatsQuery(period, region, null), List.of(stat)), Lang.EN);
                for (Narrative.Paragraph p : narrative.paragraphs()) {
                    for (Narrative.Part part : p.parts()) {
                        if (part instanceof Narrative.Claim claim && c != null && !c.belongsToValue()) {
                            boolean tellsValue = !claim.ofChange();
                            boolean tellsChange = claim.text().contains("%");
                            assertThat(tellsValue && tellsChange).as(claim.text() + " " + where).isFalse();
                        }
                        if (part instanceof Narrative.Claim claim && !claim.ofChange() && value.isPartial()) {
                            assertThat(claim.text()).as(where).contains("at least");
                        }
                    }
                }
            }
        }
    }

    private static World world(Random random) {
        List<Measurement> stored = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        List<Submission> submissions = new ArrayList<>();
        for (String p : PROVINCES) {
            for (int year = 2021; year <= 2022; year++) {
                for (int month = 1; month <= 12; month++) {
                    YearMonth ym = YearMonth.of(year, month);
                    if (random.nextInt(3) == 0) {
                        int n = 1 + random.nextInt(2);
                        for (int i = 0; i < n; i++) {
                            boolean demo = random.nextInt(4) == 0;
                            int amount = 1 + random.nextInt(20);
                            days.add(new Day(p, ym.atDay(1 + random.nextInt(ym.lengthOfMonth())),
                                    demo ? 0 : amount, demo ? amount : 0));
                        }
                    }
                    if (random.nextInt(3) > 0) {
                        submissions.add(new Submission(p, ym, SubmissionKind.DENS,
                                random.nextInt(6) == 0 ? SubmissionState.REOPENED : SubmissionState.SUBMITTED,
                                "clerk", Instant.EPOCH, "reason"));
                    }
                    if (random.nextInt(12) == 0) {
                        Basis basis = switch (random.nextInt(3)) {
                            case 0 -> Basis.REPORTED;
                            case 1 -> Basis.COMPUTED;
                            default -> Basis.SYNTHETIC_DEMO;
                        };
                        stored.add(figure(p, Period.month(ym), 1 + random.nextInt(50), basis, null));
                    }
                }
                if (random.nextInt(8) == 0) {
                    stored.add(figure(p, Period.year(year), 10 + random.nextInt(500),
                            random.nextBoolean() ? Basis.REPORTED : Basis.COMPUTED, null));
                }
            }
        }
        switch (random.nextInt(4)) {
            case 0 -> stored.add(new Measurement(INDICATOR, "CN", Period.year(2022), null, null,
                    new BigDecimal("64.4"), Basis.REPORTED, null, REPORT, null));
            case 1 -> stored.add(figure("CN", Period.year(2022), 1000 + random.nextInt(100), Basis.REPORTED,
                    new BigDecimal("12.5")));
            case 2 -> stored.add(figure("CN", Period.year(2021), 900, Basis.REPORTED, null));
            default -> { }
        }
        return new World(stored, days, submissions);
    }

    private static Measurement figure(String region, Period period, int value, Basis basis, BigDecimal change) {
        return new Measurement(INDICATOR, region, period, null, BigDecimal.valueOf(value), change, basis, null,
                basis == Basis.REPORTED ? REPORT : null, null);
    }

    /** The rule over the world's real part, its demo part, or both; cells summed per day, month and year as the rollups do. */
    private static AggregationRule rule(World world, boolean real, boolean demo) {
        List<Measurement> stored = world.stored().stream()
                .filter(m -> m.basis() == Basis.SYNTHETIC_DEMO ? demo : real).toList();
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Day d : world.days()) {
            long r = real ? d.real() : 0;
            long s = demo ? d.demo() : 0;
            if (r == 0 && s == 0) {
                continue;
            }
            for (String code : List.of(d.day().toString(), YearMonth.from(d.day()).toString(),
                    String.valueOf(d.day().getYear()))) {
                long[] sum = sums.computeIfAbsent(d.region() + "|" + code, k -> new long[4]);
                sum[0] += r + s;
                sum[1] += (r > 0 ? 1 : 0) + (s > 0 ? 1 : 0);
                sum[2] += s > 0 ? 1 : 0;
                sum[3] += s;
            }
        }
        List<FactCell> cells = new ArrayList<>();
        sums.forEach((key, sum) -> {
            String[] k = key.split("\\|");
            cells.add(new FactCell(INDICATOR, k[0], k[1], "", BigDecimal.valueOf(sum[0]), sum[1], sum[2],
                    BigDecimal.valueOf(sum[3])));
        });
        return new AggregationRule(CHILDREN, stored, cells, Reporting.of(CHILDREN, INDICATOR, world.submissions()));
    }

    private static List<String> units(String region) {
        return CHILDREN.getOrDefault(region, List.of(region));
    }

    /**
     * Whether a unit-month has anything real that may make it count: a submission, or a real stored figure of the
     * unit or of the region asked whose period holds the month and lies inside the period asked.
     */
    private static boolean covered(World world, String region, String unit, YearMonth month, Period period) {
        boolean submitted = world.submissions().stream().anyMatch(s -> s.regionCode().equals(unit)
                && s.month().equals(month) && s.isSubmitted());
        if (submitted) {
            return true;
        }
        return world.stored().stream().anyMatch(m -> m.hasValue() && m.basis() != Basis.SYNTHETIC_DEMO
                && (m.regionCode().equals(unit) || m.regionCode().equals(region))
                && !m.period().start().isAfter(month.atDay(1)) && !m.period().end().isBefore(month.atEndOfMonth())
                && !m.period().start().isBefore(period.start()) && !m.period().end().isAfter(period.end()));
    }

    private static Measurement storedAt(World world, String region, Period period) {
        return world.stored().stream().filter(m -> m.regionCode().equals(region) && m.period().equals(period)
                && m.hasValue() && m.hasReportedChange()).findFirst().orElse(null);
    }

    private static Catalog catalog;

    private static synchronized Catalog catalog() {
        if (catalog == null) {
            List<Region> regions = new ArrayList<>();
            regions.add(new Region("CN", RegionKind.NATION, null, "全国", "China"));
            regions.add(new Region(ZONE, RegionKind.ZONE, null, "区", "Zone"));
            PROVINCES.forEach(p -> regions.add(new Region(p, RegionKind.PROVINCE, "CN", p, p)));
            catalog = new Catalog(regions, CHILDREN, List.of(SUSPECTS), List.of());
        }
        return catalog;
    }
}
