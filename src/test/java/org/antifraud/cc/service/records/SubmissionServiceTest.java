package org.antifraud.cc.service.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.MemoryStore;
import org.antifraud.cc.security.PackageForge;
import org.antifraud.cc.service.audit.AuditService;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.csv.CsvProblem;
import org.antifraud.cc.service.csv.SubmissionsCsv;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.exchange.PackageService;
import org.antifraud.cc.service.exchange.StationKeys;
import org.antifraud.cc.service.exchange.StationTrustService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submitting and reopening on a real H2: the rules, the audit trail, verify, the data version, packages. */
@IntegrationTest
class SubmissionServiceTest {
    private static final Instant NOW = Instant.parse("2023-03-04T05:06:07.123456789Z");
    private static final YearMonth JUNE = YearMonth.of(2022, 6);

    @TempDir
    Path tmp;

    private final List<MemoryStore> opened = new ArrayList<>();
    private Station here;

    private static MemoryStore store() {
        try {
            return MemoryStore.open("submissions");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One workstation: a private in-memory database and its services. */
    private final class Station {
        final MemoryStore store = store();
        final Database database = store.database();
        final DatasetService datasets;
        final Catalog catalog;
        final SubmissionService submissions;
        final AuditService audit;
        final PackageService packages;
        final StationKeys keys = new StationKeys(tmp.resolve("keys-" + UUID.randomUUID()));
        final StationTrustService trust;

        Station(Clock clock, String operator) {
            opened.add(store);
            datasets = new DatasetService(database, clock);
            datasets.initialiseEmpty();
            catalog = database.repositories().catalog().load();
            submissions = new SubmissionService(database, catalog, datasets, clock, TestAudit.trail(database, operator));
            audit = new AuditService(database, clock, TestAudit.trail(database, operator));
            audit.adoptBaseline();
            RecordService records = new RecordService(database, catalog, datasets, clock, TestAudit.trail(database, operator));
            packages = new PackageService(database, catalog, records, submissions, clock, keys);
            trust = new StationTrustService(database, clock, TestAudit.trail(database, operator), keys);
        }

        /** This workstation accepts {@code other}'s packages. */
        void trust(Station other) {
            trust.trust(new StationKeys.KeyFile(other.packages.stationId(), "other", other.keys.publicKeyText()), null);
        }

        void sql(String statement) throws SQLException {
            try (Statement s = store.sql().createStatement()) {
                s.executeUpdate(statement);
            }
        }

        List<AuditEntry> trail() {
            return audit.entries(null, null, null, null, 1000);
        }
    }

    @BeforeEach
    void open() {
        here = new Station(Clock.fixed(NOW, ZoneOffset.UTC), "clerk-1");
    }

    @AfterEach
    void close() throws SQLException {
        for (MemoryStore store : opened) {
            store.close();
        }
    }

    @Test
    void submitRecordsWhoAndWhenAuditsItAndBumpsTheDataVersion() {
        String version = here.datasets.dataVersion();

        SubmissionService.Outcome o = here.submissions.submit(SubmissionKind.DENS, "CN-GD", JUNE, "form");

        assertThat(o).isEqualTo(new SubmissionService.Outcome(1, 0));
        assertThat(here.submissions.state(SubmissionKind.DENS, "CN-GD", JUNE)).isEqualTo(SubmissionState.SUBMITTED);
        assertThat(here.submissions.state(SubmissionKind.CASES, "CN-GD", JUNE)).isEqualTo(SubmissionState.OPEN);
        Submission row = here.database.repositories().submissions().find("CN-GD", JUNE, SubmissionKind.DENS).orElseThrow();
        assertThat(row.changedBy()).isEqualTo("clerk-1");
        assertThat(row.changedAt()).isEqualTo(Instant.parse("2023-03-04T05:06:07.123456Z"));
        assertThat(here.datasets.dataVersion()).isNotEqualTo(version);
        assertThat(here.trail()).singleElement().satisfies(e -> {
            assertThat(e.entity()).isEqualTo("submission");
            assertThat(e.entityId()).isEqualTo("CN-GD|2022-06|dens");
            assertThat(e.action()).isEqualTo(AuditEntry.INSERT);
            assertThat(e.actor()).isEqualTo("clerk-1");
            assertThat(e.origin()).isEqualTo("form");
            assertThat(e.before()).isNull();
            assertThat(e.after()).contains("state=submitted", "changed_by=clerk-1", "month=2022-06");
        });
        assertThat(here.audit.verify().intact()).isTrue();
    }

    @Test
    void submittingASubmittedMonthChangesNothing() {
        here.submissions.submit(SubmissionKind.DENS, "CN-GD", JUNE, "form");
        String version = here.datasets.dataVersion();

        assertThat(here.submissions.submit(SubmissionKind.DENS, "CN-GD", JUNE, "form"))
                .isEqualTo(new SubmissionService.Outcome(0, 1));
        assertThat(here.trail()).hasSize(1);
        assertThat(here.datasets.dataVersion()).isEqualTo(version);
    }

    @Test
    void reopenNeedsAReasonAndASubmittedMonth() {
        assertThatThrownBy(() -> here.submissions.reopen(SubmissionKind.DENS, "CN-GD", JUNE, "late cases", "form"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("submission_not_submitted");
                    assertThat(p.getMessage()).contains("CN-GD 2022-06 dens is open");
                });
        here.submissions.submit(SubmissionKind.DENS, "CN-GD", JUNE, "form");
        for (String blank : new String[]{null, "", "   "}) {
            assertThatThrownBy(() -> here.submissions.reopen(SubmissionKind.DENS, "CN-GD", JUNE, blank, "form"))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("submission_reason_required"));
        }
        assertThatThrownBy(() -> here.submissions.reopen(SubmissionKind.DENS, "CN-GD", JUNE, "x".repeat(1001), "form"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("submission_reason_too_long"));
        assertThat(here.submissions.state(SubmissionKind.DENS, "CN-GD", JUNE)).isEqualTo(SubmissionState.SUBMITTED);
    }

    @Test
    void reopenKeepsTheReasonAndIsAuditedThenSubmittedAgain() {
        here.submissions.submit(SubmissionKind.WARNINGS, "CN-GD", JUNE, "form");

        here.submissions.reopen(SubmissionKind.WARNINGS, "CN-GD", JUNE, "  late batches from Shenzhen ", "form");

        Submission row = here.database.repositories().submissions().find("CN-GD", JUNE, SubmissionKind.WARNINGS)
                .orElseThrow();
        assertThat(row.state()).isEqualTo(SubmissionState.REOPENED);
        assertThat(row.reason()).isEqualTo("late batches from Shenzhen");
        assertThat(here.trail().getFirst()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditEntry.UPDATE);
            assertThat(e.before()).contains("state=submitted");
            assertThat(e.after()).contains("state=reopened", "reason=late batches from Shenzhen");
        });
        assertThatThrownBy(() -> here.submissions.reopen(SubmissionKind.WARNINGS, "CN-GD", JUNE, "again", "form"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("submission_not_submitted"));

        assertThat(here.submissions.submit(SubmissionKind.WARNINGS, "CN-GD", JUNE, "form").changed()).isEqualTo(1);
        Submission again = here.database.repositories().submissions().find("CN-GD", JUNE, SubmissionKind.WARNINGS)
                .orElseThrow();
        assertThat(again.state()).isEqualTo(SubmissionState.SUBMITTED);
        assertThat(again.reason()).isNull();
        assertThat(here.trail()).hasSize(3);
        assertThat(here.audit.verify().intact()).isTrue();
    }

    @Test
    void onlyAProvinceSubmitsAndOnlyAMonthThatHasBegun() {
        for (String region : new String[]{"CN", "ZONE-EAST"}) {
            assertThatThrownBy(() -> here.submissions.submit(SubmissionKind.DENS, region, JUNE, "form"))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("submission_not_province"));
        }
        assertThatThrownBy(() -> here.submissions.submit(SubmissionKind.DENS, "CN-XX", JUNE, "form"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("unknown_region"));
        assertThatThrownBy(() -> here.submissions.submit(SubmissionKind.DENS, "CN-GD", YearMonth.of(2023, 4), "form"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("submission_future_month");
                    assertThat(p.args()).containsExactly("2023-04", "2023-03-04");
                });
        assertThat(here.submissions.submit(SubmissionKind.DENS, "CN-GD", YearMonth.of(2023, 3), "form").changed())
                .as("the month in progress").isEqualTo(1);
    }

    @Test
    void aYearOfAllProvincesIsOneTransactionWholeOrNotAtAll() throws SQLException {
        List<YearMonth> year = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            year.add(YearMonth.of(2022, m));
        }
        here.submissions.submit(SubmissionKind.CASES, List.of("CN-GD"), List.of(JUNE), "form");

        SubmissionService.Outcome o = here.submissions.submit(SubmissionKind.CASES, here.submissions.units(), year, "cli");

        assertThat(here.submissions.units()).hasSize(31);
        assertThat(o).isEqualTo(new SubmissionService.Outcome(31 * 12 - 1, 1));
        assertThat(here.submissions.within(YearMonth.of(2022, 1), YearMonth.of(2022, 12))).hasSize(372);
        assertThat(here.audit.verify().intact()).isTrue();

        // one month of one province not submitted: the whole reopening is refused
        here.sql("DELETE FROM submission WHERE region_code = 'CN-HI' AND month_start = DATE '2022-12-01'");
        long entries = here.trail().size();
        assertThatThrownBy(() -> here.submissions.reopen(SubmissionKind.CASES, here.submissions.units(), year,
                "recount", "cli")).isInstanceOf(Problem.class);
        assertThat(here.trail()).hasSize((int) entries);
        assertThat(here.submissions.state(SubmissionKind.CASES, "CN-GD", JUNE)).isEqualTo(SubmissionState.SUBMITTED);
    }

    @Test
    void verifyNamesASubmissionChangedAddedOrDeletedOutsideTheApplication() throws SQLException {
        here.submissions.submit(SubmissionKind.DENS, List.of("CN-GD", "CN-GX"), List.of(JUNE), "form");
        assertThat(here.audit.verify().intact()).isTrue();

        here.sql("UPDATE submission SET changed_by = 'someone' WHERE region_code = 'CN-GD'");
        here.sql("DELETE FROM submission WHERE region_code = 'CN-GX'");
        here.sql("INSERT INTO submission (region_code, month_start, kind, state, changed_by, changed_at)"
                + " VALUES ('CN-HI', DATE '2022-06-01', 'dens', 'submitted', 'x', TIMESTAMP WITH TIME ZONE"
                + " '2022-07-01 00:00:00+00')");

        AuditService.Report report = here.audit.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.findings()).containsExactlyInAnyOrder(
                new AuditService.Finding("submission", "CN-GD|2022-06|dens", AuditService.Finding.Kind.CHANGED,
                        List.of("changed_by")),
                new AuditService.Finding("submission", "CN-GX|2022-06|dens", AuditService.Finding.Kind.DELETED, List.of()),
                new AuditService.Finding("submission", "CN-HI|2022-06|dens", AuditService.Finding.Kind.NOT_IN_TRAIL,
                        List.of()));
    }

    @Test
    void aPackageCarriesSubmissionsAndTheNewerChangeWins() throws Exception {
        Station station = new Station(Clock.fixed(Instant.parse("2023-03-05T00:00:00Z"), ZoneOffset.UTC), "gd-clerk");
        station.submissions.submit(SubmissionKind.DENS, "CN-GD", JUNE, "form");
        station.submissions.reopen(SubmissionKind.DENS, "CN-GD", JUNE, "late den, Foshan", "form");
        station.submissions.submit(SubmissionKind.CASES, "CN-GX", JUNE, "form");
        station.submissions.submit(SubmissionKind.WARNINGS, "CN-HI", JUNE, "form");
        // here, CN-HI warnings were reopened later than the station submitted them: that stays
        Station later = new Station(Clock.fixed(Instant.parse("2023-03-06T00:00:00Z"), ZoneOffset.UTC), "clerk-1");
        here = later;
        here.submissions.submit(SubmissionKind.WARNINGS, "CN-HI", JUNE, "form");
        here.submissions.reopen(SubmissionKind.WARNINGS, "CN-HI", JUNE, "checking", "form");
        Path pkg = tmp.resolve("gd.zip");
        station.packages.export(pkg, "gd-clerk");
        here.trust(station);
        String version = here.datasets.dataVersion();

        PackageService.Result r = here.packages.importPackage(pkg);

        assertThat(r.problems()).isEmpty();
        assertThat(r.submissions()).isEqualTo(new SubmissionService.MergeSummary(2, 0, 1));
        Submission gd = here.database.repositories().submissions().find("CN-GD", JUNE, SubmissionKind.DENS).orElseThrow();
        assertThat(gd.state()).isEqualTo(SubmissionState.REOPENED);
        assertThat(gd.reason()).isEqualTo("late den, Foshan");
        assertThat(gd.changedBy()).isEqualTo("gd-clerk");
        assertThat(here.submissions.state(SubmissionKind.CASES, "CN-GX", JUNE)).isEqualTo(SubmissionState.SUBMITTED);
        assertThat(here.submissions.state(SubmissionKind.WARNINGS, "CN-HI", JUNE)).isEqualTo(SubmissionState.REOPENED);
        assertThat(here.datasets.dataVersion()).isNotEqualTo(version);
        assertThat(here.trail()).filteredOn(e -> e.entityId().equals("CN-GD|2022-06|dens")).singleElement()
                .satisfies(e -> assertThat(e.origin()).startsWith("package gd.zip from station "));
        assertThat(here.audit.verify().intact()).isTrue();

        // importing again changes nothing; the station's newer submission of CN-HI wins there
        assertThat(here.packages.importPackage(pkg).submissions()).isEqualTo(new SubmissionService.MergeSummary(0, 0, 3));
    }

    @Test
    void submissionsCsvProblemsAreLineNumbered() throws Exception {
        String csv = """
                region,month,kind,state,changed_by,changed_at,reason
                CN-GD,2022-06,dens,submitted,a,2022-07-01T00:00:00Z,
                CN,2022-06,dens,submitted,a,2022-07-01T00:00:00Z,
                CN-GD,2022-13,dens,open,a,yesterday,
                CN-GX,2022-06,cases,reopened,a,2022-07-01T00:00:00Z,
                CN-GD,2022-06,dens,submitted,b,2022-07-02T00:00:00Z,
                CN-GD,2099-01,dens,submitted,a,2022-07-01T00:00:00Z,
                """;
        SubmissionsCsv.Read read = SubmissionsCsv.read("p.zip!submissions.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), here.catalog, LocalDate.of(2023, 3, 4));

        assertThat(read.ok()).isFalse();
        assertThat(read.submissions()).isEmpty();
        assertThat(read.problems()).extracting(CsvProblem::toString).containsExactly(
                "p.zip!submissions.csv:3: region: CN is not a province: only a province submits its months",
                "p.zip!submissions.csv:4: month: malformed month: 2022-13 (YYYY-MM)",
                "p.zip!submissions.csv:4: state: unknown state: open (submitted, reopened)",
                "p.zip!submissions.csv:4: changed_at: malformed time: yesterday (an ISO instant such as 2022-07-01T08:00:00Z)",
                "p.zip!submissions.csv:5: reason: a reopened month needs its reason",
                "p.zip!submissions.csv:6: the same region, month and kind as line 2",
                "p.zip!submissions.csv:7: month: period 2099-01 lies in the future (today is 2023-03-04)");
    }

    @Test
    void aPackageWithoutSubmissionsImportsAsBefore() throws Exception {
        Path pkg = tmp.resolve("old.zip");
        here.packages.export(pkg, "x");
        Path old = PackageForge.of(pkg).remove("submissions.csv")
                .resign(here.keys, Map.of()).write(tmp.resolve("without-submissions.zip"));
        Station other = new Station(Clock.fixed(NOW, ZoneOffset.UTC), "y");
        other.trust(here);
        PackageService.Result r = other.packages.importPackage(old);
        assertThat(r.problems()).isEmpty();
        assertThat(r.submissions()).isEqualTo(SubmissionService.MergeSummary.NONE);
    }
}
