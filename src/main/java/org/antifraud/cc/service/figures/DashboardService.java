package org.antifraud.cc.service.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Campaign;
import org.antifraud.cc.domain.CampaignRow;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.InstructionBoard;
import org.antifraud.cc.domain.InstructionCut;
import org.antifraud.cc.domain.InstructionSla;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.RegionStats;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.Trend;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.Repositories;

/**
 * Computes every panel of the dashboard for one filter state from two fact loads (all indicators for
 * the period and last year's; the trend indicators per bucket), by the one aggregation rule.
 */
public final class DashboardService {
    public static final String DENS = "dens_destroyed";
    public static final List<String> WARNING_CHANNELS = List.of("warning_instructions_issued", "warnings_local",
            "sms_12381_warnings", "app_warnings");
    /** What the province map and league table can rank by (the dashboard's chosen indicator). */
    public static final List<String> MAP_INDICATORS = List.of("dens_destroyed", "suspects_arrested",
            "cases_registered", "property_loss", "warnings_local", "persons_dissuaded", "funds_intercepted",
            InstructionFigures.INSTRUCTIONS, InstructionFigures.DISSUADED, InstructionFigures.RATE,
            InstructionFigures.MEDIAN, InstructionFigures.BREACHES, InstructionFigures.FUNDS);
    /** The league table's sparkline: this many months, ending with the period's last. */
    public static final int SPARKLINE_MONTHS = 12;
    /** Periods longer than this are drawn by month, shorter ones by day. */
    static final int DAILY_BUCKETS_UP_TO_DAYS = 62;

    /** Reads a load does alongside its own (daemon threads: they never keep the application alive). */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(Thread.ofPlatform().daemon()
            .name("dashboard-reader-", 0).factory());

    private final Database database;
    private final Catalog catalog;
    private final StatsService stats;
    private final List<String> allRegions;
    private final List<String> provinces;
    private final Clock clock;
    private final List<String> zones;

    public DashboardService(Database database, Catalog catalog) {
        this(database, catalog, Clock.systemDefaultZone());
    }

    /** @param clock the present: the age of the instructions nobody has reached yet (issue 17) */
    public DashboardService(Database database, Catalog catalog, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.clock = clock;
        this.stats = new StatsService(database, catalog, clock);
        this.allRegions = catalog.regions().stream().map(Region::code).toList();
        this.provinces = catalog.regionsOfKind(RegionKind.PROVINCE).stream().map(Region::code).toList();
        this.zones = catalog.regionsOfKind(RegionKind.ZONE).stream().map(Region::code).toList();
    }

    public Catalog catalog() {
        return catalog;
    }

    /** All panels for the filter state, from the rollups. A {@link org.antifraud.cc.domain.Problem} for unknown codes. */
    public DashboardData load(StatsQuery query) {
        return load(query, CellSource.ROLLUPS);
    }

    /** All panels, with the day-grain cells from {@code source} (the benchmark compares both). */
    public DashboardData load(StatsQuery query, CellSource source) {
        stats.check(query, List.of());
        Repositories repos = database.repositories();
        Period period = query.period();
        Period previous = period.previousYear();
        String campaign = query.campaignCode();
        List<String> indicators = catalog.indicators().stream().map(Indicator::code).toList();

        List<Period> buckets = buckets(period);
        List<String> trendIndicators = new ArrayList<>(WARNING_CHANNELS);
        trendIndicators.add(DENS);
        // the instructions' cells of the period, the year before and the league's months, read once
        List<Period> instructionPeriods = new ArrayList<>(List.of(previous, period));
        List<Period> months = sparklineMonths(period);
        instructionPeriods.addAll(months);
        // (read on another core while the figures' cells are read here: they are of separate tables; instructions have
        // no campaign, so under one they are never needed)
        CompletableFuture<InstructionCellIndex> instructionCells = campaign != null ? null
                : CompletableFuture.supplyAsync(() -> InstructionFigures.index(InstructionFigures.read(repos,
                provinces, instructionPeriods, InstructionCut.NONE, source)), READERS);
        Supplier<InstructionCellIndex> cells = () -> joined(instructionCells);
        // the league table's months of every province, read on another core too (rollups and reported figures only)
        CompletableFuture<FactSet> monthFacts = CompletableFuture.supplyAsync(() -> FactSet.load(repos,
                catalog.children(), MAP_INDICATORS, provinces, months, campaign, source), READERS);
        // the time limits in force, read once for every timed figure of the load (unused under a campaign)
        InstructionSla sla = campaign == null ? InstructionFigures.sla(repos) : InstructionSla.DEFAULT;
        FactSet facts = FactSet.load(repos, catalog.children(), indicators, allRegions, List.of(period, previous),
                trendIndicators, buckets, campaign, source);
        List<IndicatorStat> kpis = new ArrayList<>();
        Map<String, Map<String, IndicatorStat>> byRegion = new LinkedHashMap<>();
        for (Indicator indicator : catalog.indicators()) {
            AggregationRule rule = facts.rule(indicator.code(), campaign);
            kpis.add(rule.stat(indicator, query.regionCode(), period));
            for (String region : zonesThenProvinces()) {
                byRegion.computeIfAbsent(region, k -> new LinkedHashMap<>())
                        .put(indicator.code(), rule.stat(indicator, region, period));
            }
        }
        // the instructions' figures are computed only where the counted ones say there are any (this year or last)
        boolean anyInstruction = byRegion.values().stream().map(f -> f.get(InstructionFigures.INSTRUCTIONS))
                .anyMatch(st -> st != null && (st.value().isKnown() || st.previous().isKnown()));
        InstructionBoard board = campaign == null && anyInstruction
                ? timedInstructionFigures(query, period, kpis, byRegion, cells, sla) : InstructionBoard.EMPTY;
        List<RegionStats> zoneStats = zones.stream().map(z -> new RegionStats(z, byRegion.get(z))).toList();
        List<RegionStats> provinceStats = provinces.stream().map(p -> new RegionStats(p, byRegion.get(p))).toList();

        FactSet trendFacts = facts;
        return new DashboardData(query, kpis, zoneStats, provinceStats,
                provinceMonths(campaign, months, joined(monthFacts), cells, sla),
                denTrend(trendFacts.rule(DENS, campaign), query.regionCode(), buckets),
                warningTrend(trendFacts, campaign, query.regionCode(), buckets),
                campaigns(facts, query), repos.facts().latestDay().orElse(null),
                facts.coveredUntil(repos, indicators, stats.regionAndChildren(query.regionCode()), period), board);
    }

    /**
     * The instructions' rate, median and breaches (issue 17): not sums, so computed from the instructions, read once
     * for every province, for the headline and each zone and province; they cover what their counted instructions
     * cover.
     */
    private InstructionBoard timedInstructionFigures(StatsQuery query, Period period,
                                                     List<IndicatorStat> kpis,
                                                     Map<String, Map<String, IndicatorStat>> byRegion,
                                                     Supplier<InstructionCellIndex> cells, InstructionSla sla) {
        InstructionCellIndex rows = cells.get();
        IndicatorStat counted = kpis.stream().filter(k -> k.indicator().code().equals(InstructionFigures.INSTRUCTIONS))
                .findFirst().orElseThrow();
        StatsService.InstructionStats headline = stats.instructions(rows, stats.provincesUnder(query.regionCode()),
                period, counted, sla);
        kpis.replaceAll(k -> InstructionFigures.TIMED.contains(k.indicator().code()) ? headline.stat(k.indicator()) : k);
        for (var region : byRegion.entrySet()) {
            Map<String, IndicatorStat> figures = region.getValue();
            StatsService.InstructionStats here = stats.instructions(rows, stats.provincesUnder(region.getKey()), period,
                    figures.get(InstructionFigures.INSTRUCTIONS), sla);
            figures.replaceAll((code, st) -> InstructionFigures.TIMED.contains(code) ? here.stat(st.indicator()) : st);
        }
        // the board shows the layer the headline's instructions are of (entered, or demo where there are none)
        return InstructionFigures.board(rows, stats.provincesUnder(query.regionCode()), period, sla,
                LocalDateTime.now(clock), counted.value().isDemo());
    }

    /** What a read alongside returned; its failure as if it had been read here. */
    private static <T> T joined(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private List<String> zonesThenProvinces() {
        List<String> regions = new ArrayList<>(zones);
        regions.addAll(provinces);
        return regions;
    }

    /**
     * The map indicators of each province over the {@value #SPARKLINE_MONTHS} months ending with the period's last
     * (that month clipped to the period's end), one {@link Trend} per indicator with a series per province, each month
     * by the same rule as every other figure; an unknown month stays unknown (a gap).
     */
    private Map<String, Trend> provinceMonths(String campaign, List<Period> months, FactSet monthFacts,
                                              Supplier<InstructionCellIndex> cells, InstructionSla sla) {
        Map<String, Trend> out = new LinkedHashMap<>();
        AggregationRule counted = monthFacts.rule(InstructionFigures.INSTRUCTIONS, campaign);
        boolean anyInstruction = provinces.stream().anyMatch(p -> months.stream().anyMatch(m -> counted.value(p, m)
                .isKnown()));
        Map<String, List<List<Figure>>> timed = campaign == null && anyInstruction
                ? timedMonths(months, counted, cells.get(), sla) : Map.of();
        for (String indicator : MAP_INDICATORS) {
            AggregationRule rule = monthFacts.rule(indicator, campaign);
            List<Trend.Series> series = new ArrayList<>();
            for (int p = 0; p < provinces.size(); p++) {
                String province = provinces.get(p);
                series.add(new Trend.Series(province, InstructionFigures.TIMED.contains(indicator)
                        ? timed.getOrDefault(indicator, List.of()).isEmpty() ? unknownMonths(months)
                        : timed.get(indicator).get(p)
                        : months.stream().map(m -> rule.value(province, m)).toList()));
            }
            out.put(indicator, new Trend(months, series));
        }
        return out;
    }

    private static List<Figure> unknownMonths(List<Period> months) {
        return months.stream().map(m -> Figure.UNKNOWN).toList();
    }

    /**
     * The instructions' timed figures (issue 17) of each province, month by month: per indicator a list in province
     * order of each month's figure (unknown where the province issued nothing that month). Not sums of day facts, so
     * computed from the instructions' cells the load read once (ADR 0040).
     */
    private Map<String, List<List<Figure>>> timedMonths(List<Period> months, AggregationRule counted,
                                                        InstructionCellIndex byProvince, InstructionSla sla) {
        // to the minute, as instructions are kept: every figure of a load shares one present (and its groups' sums)
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Map<String, List<List<Figure>>> out = new HashMap<>();
        for (String indicator : InstructionFigures.TIMED) {
            out.put(indicator, new ArrayList<>());
        }
        for (String province : provinces) {
            boolean none = !byProvince.has(province);
            Map<String, List<Figure>> perIndicator = new HashMap<>();
            for (Period month : months) {
                // of the layer the month's counted instructions are of: entered, or demo where there are none
                boolean demo = counted.value(province, month).isDemo();
                Map<String, BigDecimal> f = none ? Map.of()
                        : InstructionFigures.figures(byProvince, Set.of(province), month, sla, now, demo);
                for (String indicator : InstructionFigures.TIMED) {
                    BigDecimal v = f.get(indicator);
                    perIndicator.computeIfAbsent(indicator, k -> new ArrayList<>()).add(v == null ? Figure.UNKNOWN
                            : new Figure(v, demo ? Basis.SYNTHETIC_DEMO : Basis.COMPUTED, null, null));
                }
            }
            perIndicator.forEach((indicator, figures) -> out.get(indicator).add(figures));
        }
        return out;
    }

    /**
     * The {@code indicators} of the query's region over the {@value #SPARKLINE_MONTHS} months ending with the
     * period's last (the wall screen's KPI sparklines), one series per indicator, each month by the same rule as every
     * other figure; an unknown month stays unknown (a gap).
     */
    public Trend regionMonths(StatsQuery query, List<String> indicators) {
        stats.check(query, indicators);
        List<Period> months = sparklineMonths(query.period());
        FactSet monthFacts = FactSet.load(database.repositories(), catalog.children(), indicators,
                stats.regionAndChildren(query.regionCode()), months, query.campaignCode(), CellSource.ROLLUPS);
        List<Trend.Series> series = indicators.stream().map(indicator -> {
            AggregationRule rule = monthFacts.rule(indicator, query.campaignCode());
            return new Trend.Series(indicator, months.stream().map(m -> rule.value(query.regionCode(), m)).toList());
        }).toList();
        return new Trend(months, series);
    }

    static List<Period> sparklineMonths(Period period) {
        YearMonth last = YearMonth.from(period.end());
        List<Period> months = new ArrayList<>();
        for (int i = SPARKLINE_MONTHS - 1; i >= 0; i--) {
            YearMonth ym = last.minusMonths(i);
            months.add(i == 0 && ym.atEndOfMonth().isAfter(period.end())
                    ? Period.range(ym.atDay(1), period.end()) : Period.month(ym));
        }
        return months;
    }

    /** Months of the period (clipped to it at the edges), or its days when it spans at most 62 days. */
    static List<Period> buckets(Period period) {
        List<Period> buckets = new ArrayList<>();
        if (period.days() <= DAILY_BUCKETS_UP_TO_DAYS) {
            for (LocalDate d = period.start(); !d.isAfter(period.end()); d = d.plusDays(1)) {
                buckets.add(Period.day(d));
            }
            return buckets;
        }
        for (YearMonth ym = YearMonth.from(period.start()); !ym.isAfter(YearMonth.from(period.end()));
             ym = ym.plusMonths(1)) {
            LocalDate first = ym.atDay(1).isBefore(period.start()) ? period.start() : ym.atDay(1);
            LocalDate last = ym.atEndOfMonth().isAfter(period.end()) ? period.end() : ym.atEndOfMonth();
            buckets.add(Period.range(first, last));
        }
        return buckets;
    }

    /**
     * Stacked by zone (plus the provinces in no zone) for CN; by member for a zone; the province alone. Each bucket is
     * drawn from one layer: the real figures where any series has real data in it, else the demo ones — so a bar
     * never stacks demo on real (ADR 0026).
     */
    private Trend denTrend(AggregationRule rule, String region, List<Period> buckets) {
        List<String> keys = new ArrayList<>();
        List<List<String>> members = new ArrayList<>();
        if ("CN".equals(region)) {
            Set<String> inZones = new HashSet<>();
            for (String zone : zones) {
                inZones.addAll(catalog.childrenOf(zone));
                keys.add(zone);
                members.add(List.of(zone));
            }
            keys.add(Trend.OTHER);
            members.add(provinces.stream().filter(p -> !inZones.contains(p)).toList());
        } else if (zones.contains(region)) {
            for (String member : catalog.childrenOf(region)) {
                keys.add(member);
                members.add(List.of(member));
            }
        } else {
            keys.add(region);
            members.add(List.of(region));
        }
        return layered(keys, buckets, (series, bucket, real) -> {
            List<Figure> parts = members.get(series).stream()
                    .map(r -> real ? rule.realValue(r, bucket) : rule.demoValue(r, bucket)).toList();
            return parts.size() == 1 ? parts.getFirst() : AggregationRule.sumOf(parts);
        });
    }

    /** The four channels per bucket, each bucket from one layer as {@link #denTrend}. */
    private static Trend warningTrend(FactSet facts, String campaign, String region, List<Period> buckets) {
        List<AggregationRule> rules = WARNING_CHANNELS.stream().map(c -> facts.rule(c, campaign)).toList();
        return layered(WARNING_CHANNELS, buckets, (series, bucket, real) -> real
                ? rules.get(series).realValue(region, bucket) : rules.get(series).demoValue(region, bucket));
    }

    /** One series' figure for a bucket from the real or the demo layer. */
    @FunctionalInterface
    private interface LayerPoint {
        Figure at(int series, Period bucket, boolean real);
    }

    private static Trend layered(List<String> keys, List<Period> buckets, LayerPoint point) {
        List<List<Figure>> values = new ArrayList<>();
        keys.forEach(k -> values.add(new ArrayList<>()));
        for (Period bucket : buckets) {
            List<Figure> real = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                real.add(point.at(i, bucket, true));
            }
            boolean anyReal = real.stream().anyMatch(Figure::isKnown);
            for (int i = 0; i < keys.size(); i++) {
                values.get(i).add(anyReal ? real.get(i) : point.at(i, bucket, false));
            }
        }
        List<Trend.Series> series = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            series.add(new Trend.Series(keys.get(i), values.get(i)));
        }
        return new Trend(buckets, series);
    }

    private List<CampaignRow> campaigns(FactSet facts, StatsQuery query) {
        Map<String, BigDecimal> targets = database.repositories().campaignTargets()
                .targets(query.regionCode(), query.period().code());
        Map<String, List<String>> pairs = facts.campaignIndicators();
        for (String key : targets.keySet()) {
            String[] parts = key.split("\\|");
            List<String> list = pairs.computeIfAbsent(parts[0], k -> new ArrayList<>());
            if (!list.contains(parts[1])) {
                list.add(parts[1]);
            }
        }
        Map<String, Indicator> indicators = catalog.indicatorsByCode();
        List<Indicator> order = catalog.indicators();
        List<CampaignRow> rows = new ArrayList<>();
        for (Campaign campaign : catalog.campaigns()) {
            if (query.campaignCode() != null && !query.campaignCode().equals(campaign.code())) {
                continue;
            }
            List<String> codes = pairs.getOrDefault(campaign.code(), List.of()).stream()
                    .sorted(Comparator.comparingInt(c -> order.indexOf(indicators.get(c)))).toList();
            for (String code : codes) {
                Figure achieved = facts.rule(code, campaign.code()).value(query.regionCode(), query.period());
                BigDecimal target = targets.get(campaign.code() + "|" + code);
                if (!achieved.isKnown() && target == null) {
                    continue;
                }
                BigDecimal pct = target == null || !achieved.isKnown() ? null
                        : achieved.value().multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
                rows.add(new CampaignRow(campaign, indicators.get(code), query.period(), target, achieved, pct));
            }
        }
        return rows;
    }
}
