package org.antifraud.cc.service.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.MemoryStore;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.records.RecordService;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is behind a figure (issue 16), against a computation of its own over the records entered. */
@IntegrationTest
class ExplainServiceTest {
    private static final List<String> PROVINCES = List.of("CN-GD", "CN-ZJ", "CN-BJ", "CN-SC");
    private static final Period MARCH = Period.parse("2030-03");

    @AutoClose
    private MemoryStore store;
    private Database database;
    private Catalog catalog;
    private StatsService stats;
    private ExplainService explain;
    private final List<EntryRecord> entered = new ArrayList<>();
    private Statistic storedMonth;

    @BeforeEach
    void enter() throws java.sql.SQLException {
        store = MemoryStore.open("explain");
        database = store.database();
        catalog = database.repositories().catalog().load();
        stats = new StatsService(database, catalog);
        explain = new ExplainService(database, catalog, stats);
        Clock clock = Clock.fixed(Instant.parse("2030-12-31T00:00:00Z"), ZoneOffset.UTC);
        DatasetService datasets = new DatasetService(database, clock);
        datasets.initialiseIfNew(); // the report and the demo layer, as a first start leaves them
        RecordService records = new RecordService(database, catalog, datasets, clock,
                TestAudit.trail(database, "clerk-1"));
        long seed = 16;
        System.out.println("ExplainServiceTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (LocalDate d = LocalDate.of(2030, 1, 1); d.getYear() == 2030; d = d.plusDays(1 + random.nextInt(4))) {
            String region = PROVINCES.get(random.nextInt(PROVINCES.size()));
            entered.add(new DenTakedown(UUID.randomUUID(), d, region, null, random.nextInt(3) == 0 ? "chain_cutting" : null,
                    null, random.nextInt(9), 0, 0, 0, null));
            entered.add(new WarningBatch(UUID.randomUUID(), d, PROVINCES.get(random.nextInt(PROVINCES.size())),
                    WarningChannel.values()[random.nextInt(2)], random.nextInt(100), random.nextInt(20),
                    BigDecimal.valueOf(random.nextInt(100_000), 2)));
            entered.add(new FraudCase(UUID.randomUUID(), "A" + d + region, d, region, FraudType.FAKE_LOAN,
                    BigDecimal.valueOf(random.nextInt(1_000_000), 2), BigDecimal.ZERO,
                    random.nextBoolean() ? CaseStatus.SOLVED : CaseStatus.OPEN,
                    random.nextInt(5) == 0 ? Basis.SYNTHETIC_DEMO : Basis.COMPUTED));
        }
        // a stored month figure beats the dens of that month and province
        entered.add(new Statistic(null, new Measurement(RecordFacts.DENS, "CN-GD", MARCH, null, BigDecimal.valueOf(99),
                null, Basis.COMPUTED, null, null, null)));
        records.importAll(entered, "test");
        storedMonth = (Statistic) database.repositories().entries()
                .within(org.antifraud.cc.domain.RecordKind.STATISTIC, List.of("CN-GD"), MARCH.start(), MARCH.start(),
                        RecordFacts.DENS).getFirst().record();
    }

    @Test
    void theRecordsListedAreExactlyThoseTheFigureWasComputedFromAndAddUpToIt() {
        int computed = 0;
        for (String indicator : List.of(RecordFacts.DENS, RecordFacts.SUSPECTS, "warnings_local",
                RecordFacts.FUNDS_INTERCEPTED, CaseFacts.CASES_REGISTERED, CaseFacts.PROPERTY_LOSS,
                CaseFacts.CASES_SOLVED)) {
            for (String region : List.of("CN", "ZONE-EAST", "ZONE-SOUTH", "CN-GD", "CN-BJ")) {
                for (String p : List.of("2030", "2030-Q1", "2030-03", "2030-05-07", "2030-03-10..2030-04-05",
                        "2030-02-20..2030-05-01")) {
                    Period period = Period.parse(p);
                    ExplainService.Explanation e = explain.explain(indicator, region, period);
                    String what = indicator + " " + region + " " + p;
                    assertThat(e.figure()).as(what).isEqualTo(stats.stats(new org.antifraud.cc.domain.StatsQuery(
                            period, region, null), List.of(indicator)).indicators().getFirst().value());
                    if (e.basis() != Basis.COMPUTED) {
                        assertThat(e.records()).as(what).isEmpty();
                        continue;
                    }
                    computed++;
                    assertThat(e.recordsTotal()).as(what).isEqualByComparingTo(e.figure().value());
                    assertThat(e.records().stream().map(b -> b.record().key()).collect(Collectors.toSet()))
                            .as(what).isEqualTo(expected(indicator, region, period));
                }
            }
        }
        assertThat(computed).isGreaterThan(150);
    }

    @Test
    void aReportedFigureGivesItsSentenceAndUnknownInputIsAProblem() {
        ExplainService.Explanation e = explain.explain(RecordFacts.DENS, "CN", Period.year(2030));
        assertThat(e.basis()).isEqualTo(Basis.COMPUTED);
        boolean anyReported = false;
        for (int year = 2019; year <= 2025 && !anyReported; year++) {
            for (var stat : stats.stats(new org.antifraud.cc.domain.StatsQuery(Period.year(year), "CN", null))
                    .indicators()) {
                if (stat.value().basis() == Basis.REPORTED && stat.value().source() != null) {
                    ExplainService.Explanation r = explain.explain(stat.indicator().code(), "CN", Period.year(year));
                    assertThat(r.source()).isEqualTo(stat.value().source());
                    assertThat(r.source().sentence()).isNotBlank();
                    assertThat(r.records()).isEmpty();
                    anyReported = true;
                    break;
                }
            }
        }
        assertThat(anyReported).isTrue();
        assertThatThrownBy(() -> explain.explain("no_such", "CN", Period.year(2030))).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> explain.explain(RecordFacts.DENS, "XX", Period.year(2030))).isInstanceOf(Problem.class);
    }

    /** By hand: the entered records of the region's provinces inside the period that count towards the indicator. */
    private Set<String> expected(String indicator, String region, Period period) {
        Set<String> provinces = new HashSet<>(catalog.childrenOf(region));
        provinces.add(region);
        boolean monthStored = indicator.equals(RecordFacts.DENS) && provinces.contains("CN-GD")
                && !period.start().isAfter(MARCH.start()) && !period.end().isBefore(MARCH.end());
        Set<String> keys = new HashSet<>();
        for (EntryRecord r : entered) {
            if (!provinces.contains(r.regionCode())) {
                continue;
            }
            LocalDate day = switch (r) {
                case DenTakedown d -> d.takenOn();
                case WarningBatch w -> w.batchOn();
                case FraudCase c -> c.registeredOn();
                case WarningInstruction i -> i.issuedAt().toLocalDate();
                case Statistic s -> null;
            };
            if (day == null || day.isBefore(period.start()) || day.isAfter(period.end())) {
                continue;
            }
            boolean counts = switch (r) {
                case DenTakedown d -> (indicator.equals(RecordFacts.DENS) || indicator.equals(RecordFacts.SUSPECTS))
                        && !(monthStored && d.regionCode().equals("CN-GD") && MARCH.contains(Period.day(day)));
                case WarningBatch w -> indicator.equals(w.channel().indicatorCode())
                        || indicator.equals(RecordFacts.FUNDS_INTERCEPTED);
                case FraudCase c -> c.basis() != Basis.SYNTHETIC_DEMO
                        && (indicator.equals(CaseFacts.CASES_REGISTERED) || indicator.equals(CaseFacts.PROPERTY_LOSS)
                        || (indicator.equals(CaseFacts.CASES_SOLVED) && c.status() == CaseStatus.SOLVED));
                case WarningInstruction i -> indicator.equals(RecordFacts.WARNING_INSTRUCTIONS)
                        || (indicator.equals(RecordFacts.INSTRUCTIONS_DISSUADED)
                        && i.outcome() == InstructionOutcome.DISSUADED)
                        || (indicator.equals(RecordFacts.FUNDS_PROTECTED) && i.fundsProtected() != null);
                case Statistic s -> false;
            };
            if (counts) {
                keys.add(r.key());
            }
        }
        if (monthStored) {
            keys.add(storedMonth.key());
        }
        return keys;
    }
}
