package org.antifraud.cc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.app.cli.CommandCenterCli;
import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.InstructionCell;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.persistence.AuditSecrets;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.SqlShell;
import org.antifraud.cc.persistence.Workstation;
import org.antifraud.cc.service.audit.AuditChain;
import org.antifraud.cc.service.audit.AuditService;
import org.antifraud.cc.service.backup.BackupService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the audit trail by someone who can write the database with an SQL tool but does not hold this
 * workstation's audit key (ADR 0027), and two by someone who can also touch the key folder: each must be reported
 * by verification, or (the replayed anchor) is shown for what it is.
 */
@IntegrationTest
class AttackAuditTrailTest {
    @TempDir
    Path dir;

    private static final LocalDate DAY = LocalDate.of(2022, 5, 3);

    @Test
    void deletingTheBaselineRowIsReportedAndNeverAdoptedAgain() {
        long entries;
        try (AppServices services = AppServices.open(dir)) {
            assertThat(services.audit().verify().intact()).isTrue();
            entries = services.audit().verify().entries();
            sql(services, "DELETE FROM app_state WHERE state_key = 'audit.baseline'");
        }
        try (AppServices services = AppServices.open(dir)) { // the next open must not adopt the tampered state
            AuditService.Report report = services.audit().verify();

            assertThat(report.intact()).isFalse();
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("baseline marker", "missing"));
            assertThat(report.entries()).isEqualTo(entries);
            assertThat(query(services, "SELECT COUNT(*) FROM app_state WHERE state_key = 'audit.baseline'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void recomputingTheUnkeyedChainAfterEditingARowIsDetected() {
        try (AppServices services = AppServices.open(dir)) {
            StoredRecord saved = save(services, 10);
            long seq = Long.parseLong(query(services, "SELECT MAX(seq) FROM audit_entry"));
            // the attacker edits the record and its entry, then recomputes every SHA-256 hash of the chain
            sql(services, "UPDATE warning_batch SET warnings = 99 WHERE id = '" + saved.record().key() + "'");
            AuditEntry entry = services.database().repositories().audit().entry(seq).orElseThrow();
            String forged = entry.after().replace("warnings=10", "warnings=99");
            AuditEntry edited = new AuditEntry(seq, entry.recordedAt(), entry.actor(), entry.action(), entry.entity(),
                    entry.entityId(), entry.origin(), entry.before(), forged, entry.prevHash(), null);
            String hash = AuditChain.expectedHash(edited);
            sql(services, "UPDATE audit_entry SET after_state = '" + forged + "', entry_hash = '" + hash
                    + "' WHERE seq = " + seq, "UPDATE audit_head SET last_hash = '" + hash + "'");
            assertThat(AuditChain.expectedHash(services.database().repositories().audit().entry(seq).orElseThrow()))
                    .as("the unkeyed chain is consistent again").isEqualTo(hash);

            AuditService.Report report = services.audit().verify();

            assertThat(report.brokenAtSeq()).isEqualTo(seq);
            assertThat(report.brokenReason()).contains("seal does not match");
            assertThat(report.findings()).isEmpty(); // the record matches the forged entry: only the seal tells
        }
    }

    @Test
    void convertingSealedEntriesBackToUnkeyedIsDetected() {
        try (AppServices services = AppServices.open(dir)) {
            save(services, 10);
            sql(services, "UPDATE audit_entry SET scheme = 'sha256', entry_mac = NULL",
                    "UPDATE audit_head SET last_mac = NULL");

            AuditService.Report report = services.audit().verify();

            assertThat(report.intact()).isFalse();
            assertThat(report.brokenReason()).contains("is not sealed");
        }
    }

    @Test
    void editingARollupCellIsNamedWithItsTableRegionIndicatorAndDate() {
        try (AppServices services = AppServices.open(dir)) {
            save(services, 10);
            String[] cell = query(services, "SELECT indicator_code || '|' || region_code || '|' || month_start || '|'"
                    + " || campaign_code || '|' || amount FROM rollup_month ORDER BY indicator_code, region_code,"
                    + " month_start, campaign_code LIMIT 1").split("\\|", -1);
            sql(services, "UPDATE rollup_month SET amount = amount + 5 WHERE indicator_code = '" + cell[0]
                    + "' AND region_code = '" + cell[1] + "' AND month_start = DATE '" + cell[2]
                    + "' AND campaign_code = '" + cell[3] + "'");

            AuditService.Report report = services.audit().verify();

            assertThat(report.rollups()).singleElement().satisfies(d -> {
                assertThat(d.table()).isEqualTo("rollup_month");
                assertThat(List.of(d.indicator(), d.region(), d.period(), d.campaign()))
                        .containsExactly(cell[0], cell[1], cell[2], cell[3]);
                assertThat(d.recomputedAmount()).isEqualByComparingTo(cell[4]);
                assertThat(d.storedAmount()).isEqualByComparingTo(new BigDecimal(cell[4]).add(BigDecimal.valueOf(5)));
            });
            assertThat(report.findings()).isEmpty();
            assertThat(report.intact()).isFalse();
        }
    }

    @Test
    void editingAnInstructionMonthCellIsNamedWithItsRegionMonthTierAndRisk() {
        try (AppServices services = AppServices.open(dir)) {
            services.records().save(new WarningInstruction(UUID.randomUUID(), DAY.atTime(9, 0), "CN-GD",
                    InstructionTier.LOCAL, RiskLevel.HIGH, DAY.atTime(9, 20), InstructionOutcome.DISSUADED, null),
                    null, "form");
            assertThat(services.audit().verify().rollups()).as("kept in the write").isEmpty();
            // the rate goes up without a record to show for it: the month's value rewritten with one more dissuaded
            InstructionCell.Builder two = new InstructionCell.Builder(Period.month(YearMonth.from(DAY)), "CN-GD",
                    InstructionTier.LOCAL, RiskLevel.HIGH, false);
            two.add(DAY.atTime(9, 0), DAY.atTime(9, 20), InstructionOutcome.DISSUADED, null);
            two.add(DAY.atTime(9, 5), DAY.atTime(9, 25), InstructionOutcome.DISSUADED, null);
            InstructionCell forged = two.build();
            sql(services, "UPDATE instruction_month SET parts = X'"
                    + java.util.HexFormat.of().formatHex(InstructionCell.pack(List.of(forged))) + "'");

            AuditService.Report report = services.audit().verify();

            assertThat(report.rollups()).singleElement().satisfies(d -> {
                assertThat(d.table()).isEqualTo("instruction_month");
                assertThat(d.region()).isEqualTo("CN-GD");
                assertThat(d.period()).isEqualTo(DAY.toString().substring(0, 7) + " local/high");
            });
            assertThat(report.intact()).isFalse();

            // the day's row (what a period cutting the month reads): its total changed
            sql(services, "UPDATE instruction_day SET issued = issued + 1");
            assertThat(services.audit().verify().rollups()).anySatisfy(d -> {
                assertThat(d.table()).isEqualTo("instruction_day");
                assertThat(d.period()).isEqualTo(DAY.toString());
            });
        }
    }

    /**
     * A stored value of the instructions' sums overwritten with bytes that do not decode: the figures are refused with
     * one line naming the province, the month and the way back — never figures read from the bytes — a save into that
     * month changes nothing, and the audit names the row; a rebuild puts it right.
     */
    @Test
    void aDamagedInstructionRowIsRefusedNamedAndRebuilt() {
        try (AppServices services = AppServices.open(dir)) {
            WarningInstruction first = new WarningInstruction(UUID.randomUUID(), DAY.atTime(9, 0), "CN-GD",
                    InstructionTier.LOCAL, RiskLevel.HIGH, DAY.atTime(9, 20), InstructionOutcome.DISSUADED, null);
            services.records().save(first, null, "form");
            sql(services, "UPDATE instruction_month SET parts = X'05ff'");
            String month = DAY.toString().substring(0, 7);
            StatsQuery query = new StatsQuery(Period.parse(month), "CN", null);

            assertThatThrownBy(() -> services.stats().stats(query, List.of("contact_minutes_median"),
                    org.antifraud.cc.domain.InstructionCut.NONE))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.key()).isEqualTo("instruction_cells_damaged");
                        assertThat(p.args()).containsExactly("CN-GD", month);
                    });
            assertThatThrownBy(() -> services.records().save(new WarningInstruction(UUID.randomUUID(),
                    DAY.atTime(10, 0), "CN-GD", InstructionTier.LOCAL, RiskLevel.HIGH, null,
                    InstructionOutcome.PENDING, null), null, "form")).isInstanceOf(Problem.class);
            assertThat(query(services, "SELECT COUNT(*) FROM warning_instruction")).isEqualTo("1");
            assertThat(services.audit().verify().rollups()).anySatisfy(d -> {
                assertThat(d.table()).isEqualTo("instruction_month");
                assertThat(d.period()).isEqualTo(month);
            });

            services.datasets().rebuildRollups();
            assertThat(services.stats().stats(query, List.of("contact_minutes_median"),
                    org.antifraud.cc.domain.InstructionCut.NONE).indicators().getFirst().value().value())
                    .isEqualByComparingTo("20");
        }
    }

    @Test
    void truncatingTheLastEntriesIsDetectedThroughTheAnchor() {
        try (AppServices services = AppServices.open(dir)) {
            long before = Long.parseLong(query(services, "SELECT MAX(seq) FROM audit_entry"));
            StoredRecord a = save(services, 10);
            StoredRecord b = save(services, 11);
            // remove the two new entries and their records, and put the head back: consistent inside the database
            AuditEntry last = services.database().repositories().audit().entry(before).orElseThrow();
            sql(services, "DELETE FROM audit_entry WHERE seq > " + before,
                    "DELETE FROM warning_batch WHERE id IN ('" + a.record().key() + "', '" + b.record().key() + "')",
                    "UPDATE audit_head SET last_seq = " + before + ", last_hash = '" + last.hash() + "', last_mac = '"
                            + last.mac() + "'");

            AuditService.Report report = services.audit().verify();

            assertThat(report.brokenAtSeq()).isEqualTo(before + 1);
            assertThat(report.brokenReason()).contains("were removed", "anchor");
        }
    }

    @Test
    void deletingTheAnchorFileIsReportedAndNotQuietlyMadeAgain() throws Exception {
        try (AppServices services = AppServices.open(dir)) {
            Path anchor = Workstation.of(dir).keyFile(AuditSecrets.ANCHOR_FILE);
            assertThat(anchor).exists();
            Files.delete(anchor);
            save(services, 10); // a later commit must not cover the deletion up

            AuditService.Report report = services.audit().verify();

            assertThat(anchor).doesNotExist();
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("anchor", "missing"));
            assertThat(report.intact()).isFalse();
        }
    }

    @Test
    void deletingTheKeyIsReportedAsCannotVerifyAndNoNewKeyIsMade() throws Exception {
        Path key;
        try (AppServices services = AppServices.open(dir)) {
            key = Workstation.of(dir).keyFile(AuditSecrets.KEY_FILE);
            assertThat(key).exists();
        }
        Files.delete(key);
        StringWriter out = new StringWriter();
        int exit;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(new StringWriter())) {
            exit = CommandCenterCli.run(new String[]{"--data-dir", dir.toString(), "audit", "verify"}, o, e).exitCode();
        }

        assertThat(exit).isNotZero();
        assertThat(out.toString()).contains("cannot verify: the key is missing");
        assertThat(key).as("never re-created to make verify pass").doesNotExist();
        try (AppServices services = AppServices.open(dir)) {
            assertThat(services.audit().verify().keyMissing()).isTrue();
            assertThatThrownBy(() -> save(services, 10)).isInstanceOfSatisfying(Problem.class,
                    p -> assertThat(p.key()).isEqualTo("audit_key_missing"));
        }
        assertThat(key).doesNotExist();
    }

    @Test
    void spoofingTheOperatorSettingStillRecordsTheOsAccount() {
        try (AppServices services = AppServices.open(dir)) {
            services.preferences().put(AppServices.PREF_OPERATOR, "Director Wang");
            save(services, 10);

            AuditEntry entry = services.audit().entries(null, null, null, null, 1).getFirst();

            assertThat(entry.actor()).isEqualTo(System.getProperty("user.name"));
            assertThat(entry.declaredName()).isEqualTo("Director Wang");
            assertThat(entry.who()).isEqualTo(System.getProperty("user.name") + " (declared: Director Wang)");
            // and the declared name is sealed: changing it afterwards is found
            sql(services, "UPDATE audit_entry SET declared_name = 'Someone Else' WHERE seq = " + entry.seq());
            assertThat(services.audit().verify().brokenAtSeq()).isEqualTo(entry.seq());
        }
    }

    @Test
    void replayingAnOlderAnchorProvesOnlyLessAndThePrintedFingerprintCatchesTheTruncation() throws Exception {
        try (AppServices services = AppServices.open(dir)) {
            Path anchor = Workstation.of(dir).keyFile(AuditSecrets.ANCHOR_FILE);
            byte[] older = Files.readAllBytes(anchor);
            long olderSeq = Long.parseLong(query(services, "SELECT MAX(seq) FROM audit_entry"));
            StoredRecord a = save(services, 10);
            AuditService.Fingerprint printed = services.audit().headFingerprint().orElseThrow(); // on a briefing
            Files.write(anchor, older); // someone holding the OS account puts the older anchor back

            assertThat(services.audit().verify().intact())
                    .as("an older anchor is still true of the trail: it only proves less").isTrue();

            // ... and with it, truncating back to the older anchor goes unseen by verify (ADR 0027 says so)
            AuditEntry last = services.database().repositories().audit().entry(olderSeq).orElseThrow();
            sql(services, "DELETE FROM audit_entry WHERE seq > " + olderSeq,
                    "DELETE FROM warning_batch WHERE id = '" + a.record().key() + "'",
                    "UPDATE audit_head SET last_seq = " + olderSeq + ", last_hash = '" + last.hash() + "', last_mac = '"
                            + last.mac() + "'");
            services.datasets().rebuildRollups();
            assertThat(services.audit().verify().intact()).isTrue();
            // the fingerprint printed on the briefing names an entry the trail no longer has
            assertThat(services.audit().fingerprintAt(printed.seq())).isEmpty();
        }
    }

    // ------------------------------------------------------------------ helpers

    @Test
    void aRestoreThroughTheApplicationKeepsTheTrailVerifiableButAnOldFileCopiedBackDoesNot(@TempDir Path out)
            throws Exception {
        Path backup = out.resolve("before.zip");
        try (AppServices services = AppServices.open(dir)) {
            save(services, 10);
            services.backups().backup(backup);
            save(services, 11); // lost by the restore
        }

        BackupService.restore(dir, backup, Clock.systemUTC());

        Path file = Database.file(dir);
        Path old = out.resolve("old.mv.db");
        try (AppServices services = AppServices.open(dir)) {
            AuditService.Report report = services.audit().verify();
            assertThat(report.intact()).as("restored through the application: %s", report.brokenReason()).isTrue();
        }
        Files.copy(file, old);
        try (AppServices services = AppServices.open(dir)) {
            save(services, 12);
            assertThat(services.audit().verify().intact()).as("and the trail goes on from there").isTrue();
        }
        // an attacker puts an older file back by hand: the anchor is ahead of it
        Files.copy(old, file, StandardCopyOption.REPLACE_EXISTING);
        try (AppServices services = AppServices.open(dir)) {
            assertThat(services.audit().verify().brokenReason()).as("an old copy put back by hand")
                    .contains("were removed");
        }
    }

    private static StoredRecord save(AppServices services, int warnings) {
        return services.records().save(new WarningBatch(UUID.randomUUID(), DAY, "CN-GD", WarningChannel.APP,
                warnings, 2, BigDecimal.ONE), null, "form");
    }

    /** Runs statements as an SQL tool would, on the database's own connections; each must succeed. */
    static void sql(AppServices services, String... statements) {
        List<String> errors = new ArrayList<>();
        services.database().repositories().sqlShell().run(List.of(statements), new Collect(new ArrayList<>(), errors));
        assertThat(errors).as("SQL errors").isEmpty();
    }

    static String query(AppServices services, String select) {
        List<List<String>> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        services.database().repositories().sqlShell().run(List.of(select), new Collect(rows, errors));
        assertThat(errors).isEmpty();
        return rows.getFirst().getFirst();
    }

    private record Collect(List<List<String>> rows, List<String> errors) implements SqlShell.Output {
        @Override
        public void columns(List<String> names) {
        }

        @Override
        public void row(List<String> cells) {
            rows.add(cells);
        }

        @Override
        public void updated(int count) {
        }

        @Override
        public void error(int number, String message) {
            errors.add(message);
        }
    }
}
