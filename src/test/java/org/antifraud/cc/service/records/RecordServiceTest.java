package org.antifraud.cc.service.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.MemoryStore;
import org.antifraud.cc.service.audit.AuditService;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.figures.DashboardService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records saved, edited, deleted and imported on a real H2: rollups, optimistic locking, the audit trail. */
@IntegrationTest
class RecordServiceTest {
    private static final Instant NOW = Instant.parse("2023-03-04T05:06:07Z");
    private static final LocalDate DAY = LocalDate.of(2023, 2, 20);

    private MemoryStore store;
    private Database database;
    private RecordService records;
    private AuditService audit;
    private DashboardService dashboard;
    private Connection sql;

    @BeforeEach
    void open() throws SQLException {
        store = MemoryStore.open("records");
        database = store.database();
        sql = store.sql();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DatasetService datasets = new DatasetService(database, clock);
        datasets.initialiseIfNew();
        var catalog = database.repositories().catalog().load();
        records = new RecordService(database, catalog, datasets, clock, TestAudit.trail(database, "clerk-1"));
        audit = new AuditService(database, clock, TestAudit.trail(database, "clerk-1"));
        audit.adoptBaseline();
        dashboard = new DashboardService(database, catalog);
    }

    @AfterEach
    void close() throws SQLException {
        store.close();
    }

    private static DenTakedown den(UUID id, long suspects) {
        return new DenTakedown(id, DAY, "CN-GD", "Shenzhen", "chain_cutting", "Bao'an", suspects, 3, 40, 12, null);
    }

    private BigDecimal kpi(String indicator, String region) {
        DashboardData data = dashboard.load(new StatsQuery(Period.parse("2023-02"), region, null));
        return data.kpi(indicator).value().isKnown() ? data.kpi(indicator).value().value() : null;
    }

    @Test
    void aSavedDenTakedownIsOnTheDashboardAndInTheAuditTrail() {
        StoredRecord saved = records.save(den(UUID.randomUUID(), 7), null, "form");

        assertThat(saved.version()).isZero();
        assertThat(kpi("dens_destroyed", "CN-GD")).isEqualByComparingTo("1");
        assertThat(kpi("suspects_arrested", "ZONE-SOUTH")).isEqualByComparingTo("7");
        List<AuditEntry> entries = audit.entries(RecordKind.DEN_TAKEDOWN, null, null, null, 10);
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().action()).isEqualTo("insert");
        assertThat(entries.getFirst().actor()).isEqualTo("clerk-1");
        assertThat(entries.getFirst().after()).contains("suspects_arrested=7", "city=Shenzhen");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anEditOfAStaleVersionIsAConflictAndOverwritesNothing() {
        UUID id = UUID.randomUUID();
        StoredRecord first = records.save(den(id, 7), null, "form");
        records.save(den(id, 9), first.version(), "form"); // someone else's edit

        assertThatThrownBy(() -> records.save(den(id, 100), first.version(), "form"))
                .isInstanceOf(Problem.class).extracting(e -> ((Problem) e).key()).isEqualTo("record_conflict");
        assertThat(((DenTakedown) records.find(RecordKind.DEN_TAKEDOWN, id.toString()).orElseThrow().record())
                .suspectsArrested()).isEqualTo(9);
        assertThat(kpi("suspects_arrested", "CN-GD")).isEqualByComparingTo("9");
        assertThat(kpi("dens_destroyed", "CN-GD")).isEqualByComparingTo("1");
    }

    @Test
    void aDeleteTakesTheRecordOffTheDashboardAndRestoreBringsItBack() {
        UUID id = UUID.randomUUID();
        StoredRecord saved = records.save(den(id, 7), null, "form");

        StoredRecord gone = records.delete(RecordKind.DEN_TAKEDOWN, id.toString(), saved.version(), "form");

        assertThat(kpi("dens_destroyed", "CN-GD")).as("no data, not zero").isNull();
        records.restore(gone.record(), "undo");
        assertThat(kpi("dens_destroyed", "CN-GD")).isEqualByComparingTo("1");
        assertThat(audit.entries(null, id.toString(), null, null, 10)).extracting(AuditEntry::action)
                .containsExactly("insert", "delete", "insert");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aCaseNumberIsUniqueAndAFutureDateOrBadMoneyIsRefused() {
        FraudCase c = new FraudCase(UUID.randomUUID(), "GD-1", DAY, "CN-GD", FraudType.ROMANCE,
                new BigDecimal("5000.00"), BigDecimal.ZERO, CaseStatus.OPEN, Basis.COMPUTED);
        records.save(c, null, "form");

        assertThatThrownBy(() -> records.save(new FraudCase(UUID.randomUUID(), "GD-1", DAY, "CN-GD", FraudType.OTHER,
                BigDecimal.ONE, BigDecimal.ZERO, CaseStatus.OPEN, Basis.COMPUTED), null, "form"))
                .extracting(e -> ((Problem) e).key()).isEqualTo("case_number_taken");
        assertThatThrownBy(() -> records.save(new DenTakedown(UUID.randomUUID(), LocalDate.of(2023, 3, 5), "CN-GD",
                null, null, null, 1, 0, 0, 0, null), null, "form"))
                .extracting(e -> ((Problem) e).key()).isEqualTo("date_in_future");
        assertThatThrownBy(() -> records.save(new WarningBatch(UUID.randomUUID(), DAY, "CN-GD", WarningChannel.APP, 5, 1,
                new BigDecimal("1.005")), null, "form"))
                .extracting(e -> ((Problem) e).key()).isEqualTo("money_precision");
        assertThat(kpi("cases_registered", "CN-GD")).isEqualByComparingTo("1");
    }

    @Test
    void importingTwiceChangesNothingAndAChangedValueIsUpdatedAndAudited() {
        UUID batch = UUID.randomUUID();
        List<WarningBatch> file = List.of(new WarningBatch(batch, DAY, "CN-ZJ", WarningChannel.PHONE_CALL, 120, 30,
                new BigDecimal("45000.50")));
        Statistic figure = new Statistic(null, new Measurement("publicity_sessions", "CN-ZJ", Period.parse("2023-02"),
                null, new BigDecimal("12"), null, Basis.COMPUTED, null, null, "from the provincial office"));

        RecordService.ImportSummary first = records.importAll(List.of(file.getFirst(), figure), "import a.csv");
        RecordService.ImportSummary again = records.importAll(List.of(file.getFirst(), figure), "import a.csv");
        Statistic changed = new Statistic(null, new Measurement("publicity_sessions", "CN-ZJ", Period.parse("2023-02"),
                null, new BigDecimal("13"), null, Basis.COMPUTED, null, null, "from the provincial office"));
        RecordService.ImportSummary third = records.importAll(List.of(file.getFirst(), changed), "import b.csv");

        assertThat(first).isEqualTo(new RecordService.ImportSummary(2, 2, 0, 0));
        assertThat(again).isEqualTo(new RecordService.ImportSummary(2, 0, 0, 2));
        assertThat(third).isEqualTo(new RecordService.ImportSummary(2, 0, 1, 1));
        assertThat(kpi("warning_calls", "CN-ZJ")).isEqualByComparingTo("120");
        assertThat(kpi("funds_intercepted", "ZONE-EAST")).isEqualByComparingTo("45000.50");
        assertThat(kpi("publicity_sessions", "CN-ZJ")).isEqualByComparingTo("13");
        List<AuditEntry> updates = audit.entries(RecordKind.STATISTIC, null, null, "import b.csv", 10);
        assertThat(updates).hasSize(1);
        assertThat(updates.getFirst().before()).contains("value=12");
        assertThat(updates.getFirst().after()).contains("value=13");
        assertThat(audit.verify().intact()).isTrue();
    }

    /**
     * An import that only adds, into days the rollups hold nothing of, inserts its cells instead of merging them; one
     * into a year that has cells already (another month of it) must still add to that year's cell. Either way the
     * rollups stay what a rebuild computes.
     */
    @Test
    void importsOfNewDaysAddToTheYearAndMonthCellsOthersHoldAlready() {
        List<WarningInstruction> january = new ArrayList<>();
        List<WarningInstruction> february = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            january.add(instruction(LocalDate.of(2023, 1, 1 + i % 28).atTime(9, i), i % 3 == 0));
            february.add(instruction(DAY.minusDays(i % 5).atTime(14, i), i % 2 == 0));
        }
        // the year before: no cell of 2022 anywhere, so these cells are inserted
        records.importAll(List.of(instruction(LocalDate.of(2022, 12, 30).atTime(8, 0), true)), "import 2022.csv");
        records.importAll(january, "import january.csv");
        // February: no day cell there, but 2023's year cell exists (January's)
        RecordService.ImportSummary second = records.importAll(february, "import february.csv");

        assertThat(second.added()).isEqualTo(40);
        DashboardData year = dashboard.load(new StatsQuery(Period.parse("2023"), "CN", null));
        assertThat(year.kpi("warning_instructions").value().value()).isEqualByComparingTo("80");
        assertThat(year.kpi("instructions_dissuaded").value().value()).isEqualByComparingTo(
                Long.toString(january.stream().filter(w -> w.outcome() == InstructionOutcome.DISSUADED).count()
                        + february.stream().filter(w -> w.outcome() == InstructionOutcome.DISSUADED).count()));
        assertThat(kpi("warning_instructions", "CN-GD")).isEqualByComparingTo("40");
        assertThat(database.repositories().rollups().differences()).isEmpty();
        assertThat(database.repositories().instructionCells().differences()).isEmpty();
    }

    private static WarningInstruction instruction(java.time.LocalDateTime issued, boolean dissuaded) {
        return new WarningInstruction(UUID.randomUUID(), issued, "CN-GD", InstructionTier.LOCAL, RiskLevel.HIGH,
                issued.plusMinutes(12), dissuaded ? InstructionOutcome.DISSUADED : InstructionOutcome.FALSE_ALARM,
                dissuaded ? new BigDecimal("1000.00") : null);
    }

    @Test
    void verifyNamesEveryRowChangedAddedOrDeletedWithPlainSqlAndATamperedEntry() throws SQLException {
        UUID changed = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        records.save(den(changed, 7), null, "form");
        records.save(den(deleted, 2), null, "form");
        assertThat(audit.verify().intact()).isTrue();

        try (Statement s = sql.createStatement()) {
            s.executeUpdate("UPDATE den_takedown SET suspects_arrested = 70 WHERE id = '" + changed + "'");
            s.executeUpdate("DELETE FROM den_takedown WHERE id = '" + deleted + "'");
            s.executeUpdate("INSERT INTO den_takedown (id, taken_on, region_code, suspects_arrested, goip_devices,"
                    + " phone_cards, bank_cards) VALUES ('" + UUID.randomUUID() + "', DATE '2023-02-01', 'CN-BJ', 1, 0, 0, 0)");
        }
        AuditService.Report report = audit.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.brokenAtSeq()).as("the chain itself is intact").isNull();
        assertThat(report.findings()).extracting(AuditService.Finding::kind).containsExactlyInAnyOrder(
                AuditService.Finding.Kind.CHANGED, AuditService.Finding.Kind.DELETED, AuditService.Finding.Kind.NOT_IN_TRAIL);
        AuditService.Finding change = report.findings().stream()
                .filter(f -> f.kind() == AuditService.Finding.Kind.CHANGED).findFirst().orElseThrow();
        assertThat(change.entityId()).isEqualTo(changed.toString());
        assertThat(change.fields()).containsExactly("suspects_arrested");

        try (Statement s = sql.createStatement()) {
            long seq = audit.entries(null, changed.toString(), null, null, 1).getFirst().seq();
            s.executeUpdate("UPDATE audit_entry SET actor = 'someone else' WHERE seq = " + seq);
            AuditService.Report tampered = audit.verify();
            assertThat(tampered.brokenAtSeq()).isEqualTo(seq);
            assertThat(tampered.brokenReason()).contains("changed");
        }
    }

    /** 31 provinces × 4 months of one indicator: 124 figures, each with its own value. */
    private List<Statistic> provinceFigures(int plus) {
        var provinces = database.repositories().catalog().load().regions().stream()
                .filter(r -> r.kind() == RegionKind.PROVINCE).toList();
        List<Statistic> figures = new ArrayList<>();
        for (int month = 1; month <= 4; month++) {
            for (int p = 0; p < provinces.size(); p++) {
                figures.add(new Statistic(null, new Measurement("publicity_sessions", provinces.get(p).code(),
                        Period.parse("2022-0" + month), null, BigDecimal.valueOf(month * 1000L + p + plus), null,
                        Basis.COMPUTED, null, null, "第" + month + "月 note")));
            }
        }
        return figures;
    }

    @Test
    void anImportIsAuditedInBatchesThatNameEachRecordItsIdAndStates() throws SQLException {
        List<Statistic> figures = provinceFigures(0);
        assertThat(figures.size() % 50).as("not a whole number of multi-row inserts").isNotZero();

        records.importAll(figures, "import big.csv");

        List<AuditEntry> rows = audit.entries(RecordKind.STATISTIC, null, null, "import big.csv", 1000);
        assertThat(rows).hasSize(figures.size()).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditEntry.INSERT);
            assertThat(e.before()).isNull();
        });
        // every figure got the id of its own row: the audited state is what the row with that id holds
        try (Statement s = sql.createStatement()) {
            for (AuditEntry e : rows) {
                var rs = s.executeQuery("SELECT region_code, period, amount FROM measurement WHERE id = " + e.entityId());
                assertThat(rs.next()).isTrue();
                assertThat(e.after()).startsWith("id=" + e.entityId() + "\n")
                        .contains("region=" + rs.getString(1) + "\n", "period=" + rs.getString(2) + "\n",
                                "value=" + rs.getBigDecimal(3).stripTrailingZeros().toPlainString() + "\n")
                        .contains("note=第");
            }
        }
        String one = rows.get(40).entityId();
        assertThat(audit.entries(null, one, null, null, 10)).singleElement()
                .satisfies(e -> assertThat(e.entityId()).isEqualTo(one));
        AuditService.Report report = audit.verify();
        assertThat(report.intact()).isTrue();

        try (Statement s = sql.createStatement()) {
            s.executeUpdate("UPDATE measurement SET amount = amount + 1 WHERE id = " + one);
            assertThat(audit.verify().findings()).singleElement().satisfies(f -> {
                assertThat(f.entityId()).isEqualTo(one);
                assertThat(f.kind()).isEqualTo(AuditService.Finding.Kind.CHANGED);
                assertThat(f.fields()).containsExactly("value");
            });
            s.executeUpdate("UPDATE measurement SET amount = amount - 1 WHERE id = " + one);
            s.executeUpdate("UPDATE audit_entry SET batch_rows = batch_rows - 1 WHERE action = 'batch'");
            assertThat(audit.verify().brokenReason()).contains("changed");
        }
    }

    @Test
    void anImportWithOneBadRecordAmongManyIsRefusedWholeNamingIt() throws SQLException {
        List<Statistic> figures = new ArrayList<>(provinceFigures(0));
        figures.add(new Statistic(null, new Measurement("publicity_sessions", "CN-XX", Period.parse("2022-05"), null,
                BigDecimal.ONE, null, Basis.COMPUTED, null, null, null)));
        long before;
        try (Statement s = sql.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM measurement")) {
            rs.next();
            before = rs.getLong(1);
        }

        assertThatThrownBy(() -> records.importAll(figures, "import bad.csv"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.getMessage()).contains("CN-XX"));

        try (Statement s = sql.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM measurement")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(before);
        }
        assertThat(audit.entries(null, null, null, "import bad.csv", 10)).isEmpty();
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theReportsFiguresAreTheBaselineOfTheTrail() {
        assertThat(audit.entries(RecordKind.STATISTIC, null, null, null, 100))
                .hasSize(17).allSatisfy(e -> assertThat(e.origin()).isEqualTo(AuditService.BASELINE_ORIGIN));
        assertThat(audit.adoptBaseline()).as("only once").isZero();
        assertThat(audit.verify().intact()).isTrue();
    }
}
