package org.antifraud.cc.service.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.CellPlan;
import org.antifraud.cc.domain.DayFact;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.FactCell;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.figures.CaseFacts;
import org.antifraud.cc.service.figures.RecordFacts;
import org.antifraud.cc.service.records.RecordService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rollup cells that hold real records and synthetic demo facts of the same day and region (a scale demo, then a
 * clerk's records) keep both parts apart (issue 12), on a real migrated H2: at day, month, year and span grain,
 * through an edit and a delete of the real records, after a rebuild, and the same as from the raw rows.
 */
@IntegrationTest
class RollupSyntheticAmountTest {
    private static final Instant NOW = Instant.parse("2023-03-04T05:06:07Z");
    private static final LocalDate DAY = LocalDate.of(2023, 2, 20);
    private static final String GD = "CN-GD";
    private static final String CAMPAIGN = "chain_cutting";
    private static final List<String> INDICATORS = List.of("cases_registered", "property_loss", "cases_solved",
            "suspects_arrested", "dens_destroyed");

    private Database database;
    private RecordService records;

    @BeforeEach
    void open() {
        database = Database.openUrl("jdbc:h2:mem:synthetic-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        records = new RecordService(database, database.repositories().catalog().load(),
                new DatasetService(database, clock), clock, TestAudit.trail(database, "clerk-1"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static FraudCase fraudCase(LocalDate day, String loss, CaseStatus status, Basis basis) {
        return new FraudCase(UUID.randomUUID(), "GD-" + UUID.randomUUID().toString().substring(0, 8), day, GD,
                FraudType.FAKE_LOAN, new BigDecimal(loss), BigDecimal.ZERO, status, basis);
    }

    /**
     * Scale demo first (three cases on DAY, one in January, five suspects for the campaign on DAY), one
     * synthetic-demo entered case on DAY; then a clerk's real case and den on DAY and a real case on Feb 3.
     */
    private StoredRecord[] mixedDay() {
        database.transaction(repos -> {
            ScaleDemoWriter writer = new ScaleDemoWriter(repos, 5, false, p -> { });
            writer.cases(List.of(fraudCase(DAY, "100.10", CaseStatus.SOLVED, Basis.SYNTHETIC_DEMO),
                    fraudCase(DAY, "200.20", CaseStatus.OPEN, Basis.SYNTHETIC_DEMO),
                    fraudCase(LocalDate.of(2023, 1, 15), "10.00", CaseStatus.OPEN, Basis.SYNTHETIC_DEMO)));
            writer.figures(List.of(new Measurement("suspects_arrested", GD, Period.day(DAY), CAMPAIGN,
                    new BigDecimal("5"), null, Basis.SYNTHETIC_DEMO, null, null, null)));
            writer.finish();
            FraudCase synthetic = fraudCase(DAY, "300.25", CaseStatus.OPEN, Basis.SYNTHETIC_DEMO);
            repos.fraudCases().insertAll(List.of(synthetic));
            repos.rollups().add(RecordFacts.of(synthetic));
            return null;
        });
        StoredRecord real = records.save(fraudCase(DAY, "1000.50", CaseStatus.SOLVED, Basis.COMPUTED), null, "form");
        records.save(fraudCase(LocalDate.of(2023, 2, 3), "50.00", CaseStatus.OPEN, Basis.COMPUTED), null, "form");
        StoredRecord den = records.save(new DenTakedown(UUID.randomUUID(), DAY, GD, "Shenzhen", CAMPAIGN, "Bao'an",
                7, 3, 40, 12, null), null, "form");
        return new StoredRecord[]{real, den};
    }

    @Test
    void aCellOfRealRecordsAndDemoFactsSplitsExactlyAtEveryGrain() {
        mixedDay();

        Map<String, String> cells = cells();

        assertThat(cells).containsEntry("property_loss|2023-02-20|", "real 1000.50 demo 600.55")
                .containsEntry("property_loss|2023-02|", "real 1050.50 demo 600.55")
                .containsEntry("property_loss|2023|", "real 1050.50 demo 610.55")
                .containsEntry("cases_registered|2023-02-20|", "real 1.00 demo 3.00")
                .containsEntry("cases_registered|2023|", "real 2.00 demo 4.00")
                .containsEntry("cases_solved|2023-02|", "real 1.00 demo 1.00")
                .containsEntry("suspects_arrested|2023-02-20|chain_cutting", "real 7.00 demo 5.00")
                .containsEntry("suspects_arrested|2023|chain_cutting", "real 7.00 demo 5.00")
                .containsEntry("dens_destroyed|2023-02|chain_cutting", "real 1.00 demo -")
                // a run of days read as the month minus the days it leaves out, and as ten days plus a day
                .containsEntry("property_loss|span:2023-02-01..2023-02-25|", "real 1050.50 demo 600.55")
                .containsEntry("property_loss|span:2023-02-11..2023-02-21|", "real 1000.50 demo 600.55")
                .containsEntry("property_loss|span:2023-01-10..2023-01-20|", "real - demo 10.00");
        assertThat(cells).isEqualTo(rawCells());
    }

    @Test
    void editingAndDeletingTheRealRecordsLeavesTheDemoPartAsItWas() {
        StoredRecord[] stored = mixedDay();
        FraudCase real = (FraudCase) stored[0].record();

        records.save(new FraudCase(real.id(), real.caseNumber(), DAY, GD, real.type(), new BigDecimal("2000.00"),
                BigDecimal.ZERO, CaseStatus.OPEN, Basis.COMPUTED), stored[0].version(), "form");
        records.delete(RecordKind.DEN_TAKEDOWN, stored[1].record().key(), stored[1].version(), "form");

        Map<String, String> cells = cells();
        assertThat(cells).containsEntry("property_loss|2023-02-20|", "real 2000.00 demo 600.55")
                .containsEntry("property_loss|2023|", "real 2050.00 demo 610.55")
                .containsEntry("cases_solved|2023-02-20|", "real - demo 1.00")
                .containsEntry("cases_solved|2023|", "real - demo 1.00")
                .containsEntry("suspects_arrested|2023-02-20|chain_cutting", "real - demo 5.00")
                .containsEntry("suspects_arrested|2023-02|chain_cutting", "real - demo 5.00")
                .doesNotContainKey("dens_destroyed|2023|chain_cutting");
        assertThat(cells).isEqualTo(rawCells());

        database.transaction(repos -> {
            repos.rollups().rebuild();
            return null;
        });

        assertThat(cells()).isEqualTo(cells);
    }

    @Test
    void aRebuildSplitsTheCellsAsTheWritesDid() {
        mixedDay();
        Map<String, String> written = cells();

        database.transaction(repos -> {
            repos.rollups().rebuild();
            return null;
        });

        assertThat(cells()).isEqualTo(written);
        assertThat(rawCells()).isEqualTo(written);
    }

    @Test
    void caseFactsCarryTheSyntheticCasesLossApart() {
        CaseFacts facts = new CaseFacts();
        facts.add(fraudCase(DAY, "1000.50", CaseStatus.SOLVED, Basis.COMPUTED));
        facts.add(fraudCase(DAY, "300.25", CaseStatus.SOLVED, Basis.SYNTHETIC_DEMO));
        facts.add(fraudCase(DAY, "0.75", CaseStatus.OPEN, Basis.SYNTHETIC_DEMO));

        DayFact loss = facts.facts(CaseFacts.PROPERTY_LOSS).getFirst();
        DayFact solved = facts.facts(CaseFacts.CASES_SOLVED).getFirst();

        assertThat(loss.amount()).isEqualByComparingTo("1301.50");
        assertThat(loss.syntheticAmount()).isEqualByComparingTo("301.00");
        assertThat(loss.syntheticCount()).isEqualTo(2);
        assertThat(solved.syntheticAmount()).isEqualByComparingTo("1");
        DayFact gone = loss.negate();
        assertThat(gone.syntheticAmount()).isEqualByComparingTo("-301.00");
        assertThat(gone.syntheticCount()).isEqualTo(-2);
    }

    // ---------------------------------------------------------------- helpers

    private static CellPlan plan() {
        return CellPlan.of(List.of(Period.parse("2023"), Period.parse("2023-02"), Period.parse("2023-02-20"),
                Period.parse("2023-02-01..2023-02-25"), Period.parse("2023-02-11..2023-02-21"),
                Period.parse("2023-01-10..2023-01-20")));
    }

    private Map<String, String> cells() {
        return described(database.repositories().facts().fromRollups(INDICATORS, List.of(GD), plan(), null));
    }

    private Map<String, String> rawCells() {
        return described(database.repositories().facts().fromRawRows(INDICATORS, List.of(GD), plan(), null));
    }

    /** Each cell's real and demo part, by indicator, period and campaign. */
    private static Map<String, String> described(List<FactCell> cells) {
        Map<String, String> described = new TreeMap<>();
        for (FactCell c : cells) {
            String key = c.indicatorCode() + '|' + c.periodCode() + '|' + c.campaignCode();
            String was = described.put(key, "real " + plain(c.real()) + " demo " + plain(c.demo()));
            assertThat(was).as(key).isNull();
        }
        return described;
    }

    private static String plain(Figure f) {
        // cents throughout: a rollup holds a count as 1.00, the raw rows' COUNT(*) as 1
        return f.isKnown() ? f.value().setScale(2).toPlainString() : "-";
    }
}
