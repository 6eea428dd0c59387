package org.antifraud.cc.service.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DayFact;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.InstructionSla;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.StatsReport;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.EntryRepository;
import org.antifraud.cc.persistence.Repositories;
import org.antifraud.cc.service.csv.CsvFileType;
import org.antifraud.cc.service.csv.CsvWriter;

/**
 * "Every number leads to what is behind it" (issue 16): one indicator's figure for a region and period as
 * {@link StatsService} gives it, and its basis — the report sentence of a reported figure, the records a computed
 * figure was summed from (found by the aggregation rule's own recursion, {@link AggregationRule#realParts}, and
 * each record's part by {@link RecordFacts}), or nothing for synthetic demo data.
 */
public final class ExplainService {
    private final Database database;
    private final Catalog catalog;
    private final StatsService stats;

    public ExplainService(Database database, Catalog catalog, StatsService stats) {
        this.database = database;
        this.catalog = catalog;
        this.stats = stats;
    }

    /** A record behind a computed figure and what it adds to it. */
    public record Behind(EntryRecord record, int version, BigDecimal adds) {
        /** The record's day; a statistic's first day. */
        public LocalDate day() {
            return switch (record) {
                case DenTakedown d -> d.takenOn();
                case WarningBatch w -> w.batchOn();
                case FraudCase c -> c.registeredOn();
                case WarningInstruction i -> i.issuedAt().toLocalDate();
                case Statistic s -> s.measurement().period().start();
            };
        }
    }

    /**
     * Writes the records of an explanation as CSV, the columns of {@code export} for their kind and every cell
     * formula-guarded ({@link CsvWriter}): the first kind to {@code out}, any other kind beside it as
     * {@code NAME-TYPE.csv} (a computed figure can stand on dens and a stored statistic). The files written, in order.
     */
    public static List<Path> writeCsv(Explanation explanation, Path out) {
        List<Path> written = new ArrayList<>();
        for (RecordKind kind : explanation.kinds()) {
            CsvFileType type = Arrays.stream(CsvFileType.values()).filter(t -> t.kind() == kind).findFirst()
                    .orElseThrow();
            Path file = written.isEmpty() ? out : sibling(out, type.code());
            try {
                CsvWriter.write(file, type, explanation.records().stream().map(Behind::record)
                        .filter(r -> r.kind() == kind).toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            written.add(file);
        }
        return written;
    }

    private static Path sibling(Path out, String suffix) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return out.resolveSibling(stem + "-" + suffix + ".csv");
    }

    /**
     * @param stat     the figure, last year's, the change, as the dashboard and {@code stats} show them
     * @param coveredUntil the latest day the region's data for the period reaches (null: none)
     * @param source   the report and its sentence when the figure is one reported figure, else null
     * @param records  the records (and stored statistics) a computed figure was summed from, by day; empty otherwise
     */
    public record Explanation(IndicatorStat stat, String regionCode, Period period, LocalDate coveredUntil,
                              Source source, List<Behind> records) {
        public Figure figure() {
            return stat.value();
        }

        /** Reported, computed, synthetic demo, or null when nothing is known. */
        public Basis basis() {
            return stat.value().basis();
        }

        /** The kinds of record listed, in {@link RecordKind} order. */
        public Set<RecordKind> kinds() {
            Set<RecordKind> kinds = EnumSet.noneOf(RecordKind.class);
            records.forEach(b -> kinds.add(b.record().kind()));
            return kinds;
        }

        /** The sum of what the records add: the figure itself when it is computed. */
        public BigDecimal recordsTotal() {
            return records.stream().map(Behind::adds).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** An unknown indicator or region is a Problem (from {@link StatsService#check}). */
    public Explanation explain(String indicatorCode, String regionCode, Period period) {
        return explain(indicatorCode, regionCode, period, null);
    }

    /** The same for one campaign's figure ({@code campaignCode} null: every campaign and none, as elsewhere). */
    public Explanation explain(String indicatorCode, String regionCode, Period period, String campaignCode) {
        StatsQuery query = new StatsQuery(period, regionCode, campaignCode);
        StatsReport report = stats.stats(query, List.of(indicatorCode));
        IndicatorStat stat = report.indicators().getFirst();
        Figure value = stat.value();
        if (value.basis() != Basis.COMPUTED) {
            return new Explanation(stat, regionCode, period, report.dataAsOf(), value.source(), List.of());
        }
        Repositories repos = database.repositories();
        if (InstructionFigures.TIMED.contains(indicatorCode)) {
            return new Explanation(stat, regionCode, period, report.dataAsOf(), null,
                    timedBehind(repos, indicatorCode, stats.provincesUnder(regionCode), period));
        }
        Set<String> regions = stats.regionAndChildren(regionCode);
        FactSet facts = FactSet.load(repos, catalog.children(), List.of(indicatorCode), regions,
                List.of(period.previousYear(), period), campaignCode, CellSource.ROLLUPS);
        List<AggregationRule.Part> parts = facts.rule(indicatorCode, campaignCode).realParts(regionCode, period);
        return new Explanation(stat, regionCode, period, report.dataAsOf(), null,
                behind(repos.entries(), indicatorCode, campaignCode, parts));
    }

    /**
     * The entered instructions a rate, a median or a count of breaches is computed over (issue 17): for the
     * dissuasion rate each instruction with an outcome (its denominator), adding 1 when it dissuaded (its numerator);
     * for the median each contacted instruction, with its minutes to the contact; for the breaches each instruction
     * late or still unreached past its limit, adding 1. In the order of issue.
     */
    private List<Behind> timedBehind(Repositories repos, String indicator, Set<String> provinces, Period period) {
        InstructionSla sla = InstructionFigures.sla(repos);
        LocalDateTime now = stats.now();
        List<Behind> found = new ArrayList<>();
        for (StoredRecord s : repos.entries().within(RecordKind.WARNING_INSTRUCTION, provinces, period.start(),
                period.end(), indicator)) {
            if (!(s.record() instanceof WarningInstruction w)) {
                continue;
            }
            int limit = sla.minutes(w.riskLevel());
            BigDecimal adds = switch (indicator) {
                case InstructionFigures.RATE -> w.outcome() == InstructionOutcome.PENDING ? null
                        : w.outcome() == InstructionOutcome.DISSUADED ? BigDecimal.ONE : BigDecimal.ZERO;
                case InstructionFigures.MEDIAN -> w.contactedAt() == null ? null : BigDecimal.valueOf(w.contactMinutes());
                default -> (w.contactedAt() != null && w.contactMinutes() > limit)
                        || (w.contactedAt() == null && w.outcome() == InstructionOutcome.PENDING
                        && w.issuedAt().plusMinutes(limit).isBefore(now)) ? BigDecimal.ONE : null;
            };
            if (adds != null) {
                found.add(new Behind(w, s.version(), adds));
            }
        }
        return found;
    }

    private static List<Behind> behind(EntryRepository entries, String indicator, String campaign,
                                       List<AggregationRule.Part> parts) {
        Map<String, List<AggregationRule.Part.Cell>> cells = new HashMap<>();
        Set<String> storedKeys = new HashSet<>();
        Set<String> regions = new HashSet<>();
        LocalDate first = null;
        LocalDate last = null;
        for (AggregationRule.Part part : parts) {
            LocalDate from;
            LocalDate to;
            switch (part) {
                case AggregationRule.Part.Cell c -> {
                    cells.computeIfAbsent(c.region(), k -> new ArrayList<>()).add(c);
                    regions.add(c.region());
                    from = c.first();
                    to = c.last();
                }
                case AggregationRule.Part.Stored s -> {
                    storedKeys.add(EntryRepository.naturalKey(s.measurement()));
                    regions.add(s.measurement().regionCode());
                    from = s.measurement().period().start();
                    to = from;
                }
            }
            first = first == null || from.isBefore(first) ? from : first;
            last = last == null || to.isAfter(last) ? to : last;
        }
        List<Behind> found = new ArrayList<>();
        if (first == null) {
            return found;
        }
        for (RecordKind kind : kindsFeeding(indicator, cells.isEmpty())) {
            for (StoredRecord s : entries.within(kind, regions, first, last, indicator)) {
                EntryRecord r = s.record();
                if (r instanceof Statistic st && storedKeys.contains(EntryRepository.naturalKey(st.measurement()))
                        && st.measurement().hasValue() && !isDay(st.measurement())) {
                    found.add(new Behind(r, s.version(), st.measurement().value()));
                    continue;
                }
                BigDecimal adds = null;
                for (DayFact f : RecordFacts.of(r)) {
                    if (f.indicatorCode().equals(indicator) && f.syntheticCount() == 0 && inCell(cells, f)
                            && (campaign == null || campaign.equals(f.campaignCode()))) {
                        adds = adds == null ? f.amount() : adds.add(f.amount());
                    }
                }
                if (adds != null) {
                    found.add(new Behind(r, s.version(), adds));
                }
            }
        }
        return found;
    }

    private static boolean isDay(Measurement m) {
        return m.period().start().equals(m.period().end());
    }

    private static boolean inCell(Map<String, List<AggregationRule.Part.Cell>> cells, DayFact f) {
        for (AggregationRule.Part.Cell c : cells.getOrDefault(f.regionCode(), List.of())) {
            if (!f.day().isBefore(c.first()) && !f.day().isAfter(c.last())) {
                return true;
            }
        }
        return false;
    }

    /** The kinds of record whose facts ({@link RecordFacts}) can count towards {@code indicator}. */
    static Set<RecordKind> kindsFeeding(String indicator, boolean storedOnly) {
        Set<RecordKind> kinds = EnumSet.of(RecordKind.STATISTIC);
        if (storedOnly) {
            return kinds;
        }
        if (indicator.equals(RecordFacts.DENS) || indicator.equals(RecordFacts.SUSPECTS)) {
            kinds.add(RecordKind.DEN_TAKEDOWN);
        }
        if (indicator.equals(RecordFacts.PERSONS_DISSUADED) || indicator.equals(RecordFacts.FUNDS_INTERCEPTED)
                || Arrays.stream(WarningChannel.values()).anyMatch(c -> c.indicatorCode().equals(indicator))) {
            kinds.add(RecordKind.WARNING_BATCH);
        }
        if (indicator.equals(CaseFacts.CASES_REGISTERED) || indicator.equals(CaseFacts.PROPERTY_LOSS)
                || indicator.equals(CaseFacts.CASES_SOLVED)) {
            kinds.add(RecordKind.FRAUD_CASE);
        }
        if (RecordFacts.INSTRUCTION_INDICATORS.contains(indicator)) {
            kinds.add(RecordKind.WARNING_INSTRUCTION);
        }
        return kinds;
    }
}
