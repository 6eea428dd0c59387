package org.antifraud.cc.service.figures;

import static org.antifraud.cc.persistence.InstructionCellRepository.Grain.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.InstructionCell;
import org.antifraud.cc.domain.InstructionCut;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionSla;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.MemoryStore;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.records.RecordService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The month cells of warning instructions (ADR 0040): kept by every save, edit and delete exactly as a rebuild from
 * the instructions gives them, and the figures read from them (whole months) and from the instructions (the days of
 * a month a period cuts) the same as a count over the instructions themselves, for any period, region and cut.
 */
@IntegrationTest
class InstructionCellsTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2022, 3, 20, 12, 0);
    private static final Clock CLOCK = Clock.fixed(NOW.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final List<String> SIX = InstructionFigures.ALL;

    private Database database;
    private Catalog catalog;
    private RecordService records;
    private final List<WarningInstruction> stored = new ArrayList<>();

    @BeforeEach
    void open() {
        database = MemoryStore.database("cells");
        catalog = database.repositories().catalog().load();
        records = new RecordService(database, catalog, new DatasetService(database, CLOCK), CLOCK,
                TestAudit.trail(database, "tester"));
        SplittableRandom random = new SplittableRandom(17);
        List<WarningInstruction> made = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            made.add(random(random, UUID.randomUUID()));
        }
        records.importAll(made, "test");
        stored.addAll(made);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** An instruction between 2021-11-01 and two hours before now, of any kind, reached or not. */
    private static WarningInstruction random(SplittableRandom r, UUID id) {
        long span = java.time.Duration.between(LocalDateTime.of(2021, 11, 1, 0, 0), NOW.minusHours(2)).toMinutes();
        LocalDateTime issued = LocalDateTime.of(2021, 11, 1, 0, 0).plusMinutes(r.nextLong(span));
        InstructionTier tier = InstructionTier.values()[r.nextInt(3)];
        RiskLevel risk = RiskLevel.values()[r.nextInt(3)];
        boolean reached = r.nextInt(10) < 8;
        LocalDateTime contacted = reached ? issued.plusMinutes(r.nextInt(r.nextBoolean() ? 60 : 3000)) : null;
        if (contacted != null && contacted.isAfter(NOW)) {
            contacted = NOW;
        }
        InstructionOutcome outcome = reached
                ? List.of(InstructionOutcome.PENDING, InstructionOutcome.DISSUADED, InstructionOutcome.DISSUADED,
                        InstructionOutcome.ALREADY_DEFRAUDED, InstructionOutcome.FALSE_ALARM).get(r.nextInt(5))
                : List.of(InstructionOutcome.PENDING, InstructionOutcome.UNREACHABLE).get(r.nextInt(2));
        BigDecimal funds = r.nextInt(3) == 0 ? BigDecimal.valueOf(r.nextInt(500_000), 2) : null;
        String province = List.of("CN-GD", "CN-FJ", "CN-ZJ").get(r.nextInt(3));
        return new WarningInstruction(id, issued, province, tier, risk, contacted, outcome, funds);
    }

    @Test
    void editsAndDeletesKeepTheCellsWhatARebuildGives() {
        SplittableRandom random = new SplittableRandom(29);
        for (int i = 0; i < 60; i++) { // an edit moves an instruction to another month, province, tier or outcome
            WarningInstruction old = stored.get(i);
            StoredRecord current = records.find(RecordKind.WARNING_INSTRUCTION, old.id().toString()).orElseThrow();
            WarningInstruction changed = random(random, old.id());
            records.save(changed, current.version(), "form");
            stored.set(i, changed);
        }
        for (int i = 60; i < 100; i++) {
            StoredRecord current = records.find(RecordKind.WARNING_INSTRUCTION, stored.get(i).id().toString())
                    .orElseThrow();
            records.delete(RecordKind.WARNING_INSTRUCTION, stored.get(i).id().toString(), current.version(), "form");
        }
        stored.subList(60, 100).clear();

        Map<InstructionCell.Key, String> kept = texts(database.repositories().instructionCells().all());
        Map<InstructionCell.Key, String> keptDays = texts(database.repositories().instructionCells().all(DAY));
        database.transaction(repos -> repos.instructionCells().rebuild());
        Map<InstructionCell.Key, String> rebuilt = texts(database.repositories().instructionCells().all());

        assertThat(kept).isEqualTo(rebuilt);
        assertThat(keptDays).isEqualTo(texts(database.repositories().instructionCells().all(DAY))).isNotEmpty();
        assertThat(database.repositories().instructionCells().differences()).isEmpty();
        assertThat(kept.values().stream().mapToLong(t -> Long.parseLong(t.split("\\|")[0])).sum())
                .isEqualTo(stored.size());
    }

    @Test
    void twoWritersOfTheSameNewCellAtOnceLoseNothing() throws Exception {
        // a month no instruction was in yet: both writers find its cell missing (on PostgreSQL, two desks)
        LocalDateTime day = LocalDateTime.of(2022, 3, 10, 8, 0);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int w = 0; w < 2; w++) {
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 15; i++) {
                        records.save(new WarningInstruction(UUID.randomUUID(), day.plusMinutes(i), "CN-HI",
                                InstructionTier.LOCAL, RiskLevel.HIGH, day.plusMinutes(i + 7),
                                InstructionOutcome.DISSUADED, null), null, "form");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var w : writers) {
                w.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<InstructionCell.Key, String> kept = texts(database.repositories().instructionCells().all());
        Map<InstructionCell.Key, String> keptDays = texts(database.repositories().instructionCells().all(DAY));
        database.transaction(repos -> repos.instructionCells().rebuild());
        assertThat(kept).isEqualTo(texts(database.repositories().instructionCells().all()));
        assertThat(keptDays).isEqualTo(texts(database.repositories().instructionCells().all(DAY)));
        assertThat(keptDays.get(new InstructionCell.Key(LocalDate.of(2022, 3, 10), "CN-HI", InstructionTier.LOCAL,
                RiskLevel.HIGH, false))).startsWith("30|30|30|0|0|7:30,|");
        assertThat(kept.get(new InstructionCell.Key(LocalDate.of(2022, 3, 1), "CN-HI", InstructionTier.LOCAL,
                RiskLevel.HIGH, false))).startsWith("30|30|30|0|0|7:30,|");
    }

    private static Map<InstructionCell.Key, String> texts(List<InstructionCell> cells) {
        Map<InstructionCell.Key, String> out = new HashMap<>();
        for (InstructionCell c : cells) {
            out.put(c.key(), c.issued() + "|" + c.dissuaded() + "|" + c.decided() + "|" + c.fundsCount() + "|"
                    + c.funds().stripTrailingZeros().toPlainString() + "|" + c.listsText());
        }
        return out;
    }

    @Test
    void everyPeriodRegionAndCutGivesWhatACountOverTheInstructionsGives() {
        StatsService stats = new StatsService(database, catalog, CLOCK);
        List<InstructionCut> cuts = List.of(InstructionCut.NONE, new InstructionCut(null, RiskLevel.HIGH),
                new InstructionCut(InstructionTier.LOCAL, RiskLevel.LOW));
        for (String period : List.of("2022", "2022-Q1", "2022-02", "2022-03-05", "2021-12-20..2022-02-10", "2022-02-03..2022-02-27",
                "2021-11-15..2022-03-20")) {
            for (String region : List.of("CN-GD", "CN")) {
                for (InstructionCut cut : cuts) {
                    Period p = Period.parse(period);
                    Map<String, BigDecimal> actual = new HashMap<>();
                    stats.stats(new StatsQuery(p, region, null), SIX, cut).indicators().forEach(st -> {
                        if (st.value().isKnown()) {
                            actual.put(st.indicator().code(), st.value().value().stripTrailingZeros());
                        }
                    });
                    Set<String> provinces = region.equals("CN") ? Set.of("CN-GD", "CN-FJ", "CN-ZJ") : Set.of(region);
                    assertThat(actual).as(period + " " + region + " " + cut)
                            .isEqualTo(counted(provinces, p, cut));
                }
            }
        }
    }

    /** The six figures counted over the stored instructions, as the issue defines them. */
    private Map<String, BigDecimal> counted(Set<String> provinces, Period period, InstructionCut cut) {
        List<WarningInstruction> in = stored.stream()
                .filter(w -> provinces.contains(w.regionCode()))
                .filter(w -> !w.issuedAt().toLocalDate().isBefore(period.start())
                        && !w.issuedAt().toLocalDate().isAfter(period.end()))
                .filter(w -> cut.tier() == null || w.tier() == cut.tier())
                .filter(w -> cut.risk() == null || w.riskLevel() == cut.risk())
                .toList();
        Map<String, BigDecimal> out = new TreeMap<>();
        if (in.isEmpty()) {
            return out;
        }
        InstructionSla sla = InstructionSla.DEFAULT;
        long dissuaded = in.stream().filter(w -> w.outcome() == InstructionOutcome.DISSUADED).count();
        long withOutcome = in.stream().filter(w -> w.outcome() != InstructionOutcome.PENDING).count();
        long late = in.stream().filter(w -> w.contactedAt() != null
                && w.contactMinutes() > sla.minutes(w.riskLevel())).count();
        long open = in.stream().filter(w -> w.contactedAt() == null && w.outcome() == InstructionOutcome.PENDING
                && w.issuedAt().plusMinutes(sla.minutes(w.riskLevel())).isBefore(NOW)).count();
        out.put("warning_instructions", BigDecimal.valueOf(in.size()));
        out.put("instructions_dissuaded", BigDecimal.valueOf(dissuaded).stripTrailingZeros());
        out.put("sla_breaches", BigDecimal.valueOf(late + open).stripTrailingZeros());
        if (withOutcome > 0) {
            out.put("dissuasion_rate_pct", new BigDecimal(dissuaded * 100.0 / withOutcome)
                    .setScale(1, RoundingMode.HALF_UP).stripTrailingZeros());
        }
        List<Long> minutes = in.stream().filter(w -> w.contactedAt() != null).map(WarningInstruction::contactMinutes)
                .sorted().toList();
        if (!minutes.isEmpty()) {
            int n = minutes.size();
            double middle = n % 2 == 1 ? minutes.get(n / 2) : (minutes.get(n / 2 - 1) + minutes.get(n / 2)) / 2.0;
            out.put("contact_minutes_median", BigDecimal.valueOf(middle).setScale(1, RoundingMode.HALF_UP)
                    .stripTrailingZeros());
        }
        List<BigDecimal> money = in.stream().map(WarningInstruction::fundsProtected).filter(f -> f != null).toList();
        if (!money.isEmpty()) {
            out.put("funds_protected", money.stream().reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros());
        }
        return out.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().signum() == 0 ? BigDecimal.ZERO : e.getValue()));
    }

    @Test
    void aRateAMedianAndTheBreachesLeadToTheInstructionsTheyAreComputedOver() {
        ExplainService explain = new ExplainService(database, catalog, new StatsService(database, catalog, CLOCK));
        Period feb = Period.parse("2022-02");
        List<WarningInstruction> gd = stored.stream().filter(w -> w.regionCode().equals("CN-GD")
                && feb.contains(Period.day(w.issuedAt().toLocalDate()))).toList();

        var rate = explain.explain("dissuasion_rate_pct", "CN-GD", feb);
        assertThat(rate.records()).extracting(b -> b.record().key()).containsExactlyInAnyOrderElementsOf(gd.stream()
                .filter(w -> w.outcome() != InstructionOutcome.PENDING).map(WarningInstruction::key).toList());
        assertThat(rate.recordsTotal().intValue()).as("the dissuaded ones add 1 each")
                .isEqualTo((int) gd.stream().filter(w -> w.outcome() == InstructionOutcome.DISSUADED).count());
        assertThat(rate.figure().value()).isEqualByComparingTo(rate.recordsTotal().multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(rate.records().size()), 1, RoundingMode.HALF_UP));

        var median = explain.explain("contact_minutes_median", "CN-GD", feb);
        assertThat(median.records()).hasSize((int) gd.stream().filter(w -> w.contactedAt() != null).count())
                .allSatisfy(b -> assertThat(b.adds()).isEqualByComparingTo(
                        BigDecimal.valueOf(((WarningInstruction) b.record()).contactMinutes())));

        var breaches = explain.explain("sla_breaches", "CN-GD", feb);
        assertThat(BigDecimal.valueOf(breaches.records().size())).isEqualByComparingTo(breaches.figure().value());
    }

    @Test
    void aMonthCellStoresItsHistogramAndPendingTimesAndReadsThemBack() {
        InstructionCell.Key key = new InstructionCell.Key(LocalDate.of(2022, 2, 1), "CN-GD", InstructionTier.NATIONAL,
                RiskLevel.HIGH, false);
        List<InstructionCell> cells = database.repositories().instructionCells().cells(Set.of("CN-GD"),
                key.start(), key.start(), InstructionTier.NATIONAL, RiskLevel.HIGH);
        for (InstructionCell c : cells) {
            InstructionCell again = InstructionCell.unpack(c.span(), c.regionCode(), c.synthetic(),
                    InstructionCell.pack(List.of(c))).getFirst();
            assertThat(again.minutes()).isEqualTo(c.minutes());
            assertThat(again.pendingOffsets()).isEqualTo(c.pendingOffsets());
            long inHistogram = c.minutes().values().stream().mapToLong(Long::longValue).sum();
            long pending = c.pendingOffsets().length;
            assertThat(inHistogram + pending).isLessThanOrEqualTo(c.issued());
        }
        assertThat(cells).isNotEmpty();
    }
}
