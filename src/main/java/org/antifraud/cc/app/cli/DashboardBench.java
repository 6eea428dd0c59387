package org.antifraud.cc.app.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.antifraud.cc.domain.CampaignRow;
import org.antifraud.cc.domain.Change;
import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.PeriodPreset;
import org.antifraud.cc.domain.RegionStats;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.Trend;
import org.antifraud.cc.service.figures.CellSource;
import org.antifraud.cc.service.figures.DashboardService;

/**
 * Times {@link DashboardService#load} (every panel's data) over many filter states from the rollups,
 * and for some of them the same figures from a naive GROUP BY over the raw rows, checking that both
 * agree. Prints what it does; the caller prints the JSON line.
 */
final class DashboardBench {

    record Result(int states, int runs, double medianMs, double p95Ms, double maxMs, int naiveStates,
                  double naiveMedianMs, double rollupMedianSameStatesMs, double speedup, boolean identical,
                  List<String> differences, Settled settled) {

        /** The JSON line; {@code vendor} names the database profile ("h2", "postgresql"). */
        String json(String vendor) {
            return String.format(Locale.ROOT,
                    "{\"bench\":\"dashboard\",\"vendor\":\"%s\",\"states\":%d,\"runs\":%d,\"median_ms\":%.2f,\"p95_ms\":%.2f,"
                            + "\"max_ms\":%.2f,\"naive_states\":%d,\"naive_median_ms\":%.1f,"
                            + "\"rollup_median_same_states_ms\":%.2f,\"speedup\":%.1f,\"identical\":%s,"
                            + "\"settle_rounds\":%d,\"settled_median_ms\":%.2f,\"settled_p95_ms\":%.2f}",
                    vendor, states, runs, medianMs, p95Ms, maxMs, naiveStates, naiveMedianMs, rollupMedianSameStatesMs,
                    speedup, identical, settled.rounds(), settled.medianMs(), settled.p95Ms());
        }
    }

    /**
     * The same states measured again once the JIT has compiled the load's code: after warm-up rounds until one spends
     * less than {@link #SETTLED_COMPILING} of its time compiling (at most the rounds asked for); zeros when none were.
     */
    record Settled(int rounds, long compilingMs, double medianMs, double p95Ms, double maxMs) {
        static final Settled NONE = new Settled(0, 0, 0, 0, 0);
    }

    /** A round compiling for less than this share of its time is taken as the JIT having settled. */
    static final double SETTLED_COMPILING = 0.02;

    private final DashboardService service;
    private final Consumer<String> log;

    DashboardBench(DashboardService service, Consumer<String> log) {
        this.service = service;
        this.log = log;
    }

    /** At least {@code count} distinct filter states around the data's latest day. */
    static List<StatsQuery> states(LocalDate asOf, int count) {
        int year = asOf.getYear();
        List<Period> periods = new ArrayList<>();
        for (int y = year; y > year - 5; y--) {
            periods.add(Period.year(y));
        }
        periods.add(Period.quarter(year, 2));
        periods.add(Period.quarter(year - 1, 4));
        periods.add(Period.month(YearMonth.of(year, 3)));
        periods.add(Period.month(YearMonth.of(year - 2, 11)));
        for (PeriodPreset preset : PeriodPreset.values()) {
            periods.add(preset.resolve(asOf));
        }
        periods.add(PeriodPreset.LAST_28_DAYS.resolve(asOf.minusMonths(5)));
        periods.add(Period.range(LocalDate.of(year - 1, 6, 15), LocalDate.of(year, 2, 10)));
        List<String> regions = List.of("CN", "ZONE-EAST", "ZONE-SOUTH", "ZONE-JJJ", "CN-GD", "CN-ZJ", "CN-SC",
                "CN-BJ");
        List<String> campaigns = Arrays.asList(null, null, null, "nail_pulling");
        List<StatsQuery> states = new ArrayList<>();
        int i = 0;
        while (states.size() < count) {
            Period p = periods.get(i % periods.size());
            String region = regions.get((i * 3 + i / periods.size()) % regions.size());
            String campaign = campaigns.get((i / 2) % campaigns.size());
            StatsQuery q = new StatsQuery(p, region, campaign);
            if (!states.contains(q)) {
                states.add(q);
            }
            i++;
        }
        return states;
    }

    /** {@code settleRounds}: at most this many warm-up rounds before measuring again, settled (0: not at all). */
    Result run(List<StatsQuery> states, int rounds, int naiveCount, int settleRounds) {
        log.accept(String.format(Locale.ROOT, "warm-up: %d states once", states.size()));
        for (StatsQuery q : states) {
            service.load(q);
        }
        double[][] perState = new double[states.size()][rounds];
        List<Double> times = measure(states, rounds, perState);
        double median = percentile(times, 50);
        double p95 = percentile(times, 95);
        double max = times.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        log.accept(String.format(Locale.ROOT, "rollups: %d states x %d rounds: median %.2f ms, p95 %.2f ms, max %.2f ms",
                states.size(), rounds, median, p95, max));
        IntStream.range(0, states.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> median(perState[i])).reversed())
                .limit(5)
                .forEach(i -> log.accept(String.format(Locale.ROOT, "  slowest: %-40s median %.2f ms",
                        describe(states.get(i)), median(perState[i]))));
        Settled settled = settleRounds == 0 ? Settled.NONE : settled(states, rounds, settleRounds);

        List<Double> naiveTimes = new ArrayList<>();
        List<Double> rollupSame = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        int naive = Math.min(naiveCount, states.size());
        for (int s = 0; s < naive; s++) {
            StatsQuery q = states.get(s * states.size() / naive);
            long t0 = System.nanoTime();
            DashboardData raw = service.load(q, CellSource.RAW_ROWS);
            double ms = (System.nanoTime() - t0) / 1e6;
            naiveTimes.add(ms);
            int index = states.indexOf(q);
            double rollupMs = median(perState[index]);
            rollupSame.add(rollupMs);
            DashboardData fast = service.load(q);
            List<String> diff = differences(fingerprint(fast), fingerprint(raw));
            diff.stream().limit(5).forEach(d -> differences.add(describe(q) + ": " + d));
            log.accept(String.format(Locale.ROOT, "naive GROUP BY over raw rows, %s: %.1f ms (rollups %.2f ms)%s",
                    describe(q), ms, rollupMs, diff.isEmpty() ? ", identical" : ", " + diff.size() + " DIFFERENCES"));
        }
        double naiveMedian = percentile(naiveTimes, 50);
        double rollupMedianSame = percentile(rollupSame, 50);
        double speedup = rollupMedianSame > 0 ? naiveMedian / rollupMedianSame : 0;
        return new Result(states.size(), times.size(), median, p95, max, naive, naiveMedian, rollupMedianSame,
                speedup, differences.isEmpty(), differences, settled);
    }

    /** Every state {@code rounds} times, consecutive loads always differing; each load's time also by state. */
    private List<Double> measure(List<StatsQuery> states, int rounds, double[][] perState) {
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (int s = 0; s < states.size(); s++) {
                // consecutive loads always differ, and every query of one differs from the last one run
                StatsQuery q = states.get((s + r * 7) % states.size());
                long t0 = System.nanoTime();
                DashboardData d = service.load(q);
                double ms = (System.nanoTime() - t0) / 1e6;
                Objects.requireNonNull(d);
                times.add(ms);
                perState[(s + r * 7) % states.size()][r] = ms;
            }
        }
        return times;
    }

    /**
     * Warm-up rounds until one spends less than {@link #SETTLED_COMPILING} of its time in the JIT (or {@code most}
     * rounds), then the states measured again: what an operator's dashboard costs once the application has run a while.
     */
    private Settled settled(List<StatsQuery> states, int rounds, int most) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long compilingBefore = timed ? jit.getTotalCompilationTime() : 0;
        int done = 0;
        while (done < most) {
            long compiling = timed ? jit.getTotalCompilationTime() : 0;
            long t0 = System.nanoTime();
            for (StatsQuery q : states) {
                Objects.requireNonNull(service.load(q));
            }
            double roundMs = (System.nanoTime() - t0) / 1e6;
            done++;
            if (timed && (jit.getTotalCompilationTime() - compiling) < SETTLED_COMPILING * roundMs) {
                break;
            }
        }
        long compilingMs = timed ? jit.getTotalCompilationTime() - compilingBefore : 0;
        List<Double> times = measure(states, rounds, new double[states.size()][rounds]);
        Settled s = new Settled(done, compilingMs, percentile(times, 50), percentile(times, 95),
                times.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        log.accept(String.format(Locale.ROOT, "settled (after %d more warm-up rounds, the JIT compiling %,d ms in them%s):"
                        + " %d states x %d rounds: median %.2f ms, p95 %.2f ms, max %.2f ms", s.rounds(), s.compilingMs(),
                timed ? "" : "; this JVM does not time its JIT", states.size(), rounds, s.medianMs(), s.p95Ms(),
                s.maxMs()));
        return s;
    }

    static String describe(StatsQuery q) {
        return q.period().code() + " " + q.regionCode() + (q.campaignCode() == null ? "" : " " + q.campaignCode());
    }

    private static double median(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return percentile(list, 50);
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, int pct) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(pct / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** Every figure of every panel, one line each, with values scale-free so 5 and 5.00 compare equal. */
    static List<String> fingerprint(DashboardData d) {
        List<String> lines = new ArrayList<>();
        d.kpis().forEach(s -> lines.add("kpi " + stat(s)));
        for (RegionStats r : d.zones()) {
            r.byIndicator().values().stream().sorted(Comparator.comparing(s -> s.indicator().code()))
                    .forEach(s -> lines.add("zone " + r.regionCode() + " " + stat(s)));
        }
        for (RegionStats r : d.provinces()) {
            r.byIndicator().values().stream().sorted(Comparator.comparing(s -> s.indicator().code()))
                    .forEach(s -> lines.add("province " + r.regionCode() + " " + stat(s)));
        }
        trend(lines, "dens", d.denTrend());
        trend(lines, "warnings", d.warnings());
        for (CampaignRow c : d.campaigns()) {
            lines.add("campaign " + c.campaign().code() + " " + c.indicator().code() + " " + figure(c.achieved()));
        }
        // the warning instructions' panel (issue 17): tier × risk level, and the open backlog by age
        d.instructions().cells().forEach((tier, row) -> row.forEach((risk, cell) -> lines.add("instructions "
                + tier.code() + " " + risk.code() + " " + cell.issued() + " in time " + cell.inTime())));
        lines.add("backlog " + d.instructions().openWithinLimit() + " " + d.instructions().openPastLimit() + " "
                + d.instructions().openPastDay());
        for (String indicator : List.of("dissuasion_rate_pct", "contact_minutes_median", "sla_breaches")) {
            Trend months = d.provinceMonths().get(indicator);
            if (months != null) {
                trend(lines, "months " + indicator, months);
            }
        }
        return lines;
    }

    private static void trend(List<String> lines, String name, Trend t) {
        for (Trend.Series s : t.series()) {
            for (int i = 0; i < t.buckets().size(); i++) {
                lines.add(name + " " + s.key() + " " + t.buckets().get(i).code() + " " + figure(s.values().get(i)));
            }
        }
    }

    private static String stat(IndicatorStat s) {
        Change c = s.change();
        return s.indicator().code() + " " + figure(s.value()) + " prev " + figure(s.previous()) + " change "
                + (c == null ? "-" : plain(c.pct()) + "/" + c.basis().code());
    }

    private static String figure(Figure f) {
        return f.isKnown() ? plain(f.value()) + "/" + f.basis().code() : "unknown";
    }

    private static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private static List<String> differences(List<String> a, List<String> b) {
        List<String> diff = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(none)";
            String y = i < b.size() ? b.get(i) : "(none)";
            if (!x.equals(y)) {
                diff.add("rollups [" + x + "] vs raw [" + y + "]");
            }
        }
        return diff;
    }
}
