package org.antifraud.cc.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db shell}: SQL from standard input, results as tab-separated lines, one line per failed statement (exit 2);
 * what it changes outside the audited path, {@code audit verify} names: exactly those changes.
 */
@IntegrationTest
class CliDbShellTest {
    @TempDir
    Path tmp;

    @Test
    void changesMadeInTheShellAreExactlyWhatAuditVerifyNames() {
        Path dir = tmp.resolve("cc");
        long insertSeq;
        UUID batch = UUID.randomUUID();
        try (AppServices services = AppServices.open(dir)) {
            StoredRecord saved = services.records().save(new WarningBatch(batch, LocalDate.of(2022, 5, 3), "CN-GD",
                    WarningChannel.APP, 10, 2, BigDecimal.ONE), null, "form");
            insertSeq = services.audit().headFingerprint().orElseThrow().seq();
            services.records().save(new WarningBatch(batch, LocalDate.of(2022, 5, 3), "CN-GD", WarningChannel.APP, 12,
                    2, BigDecimal.ONE), saved.version(), "form"); // the batch's last state is in a later entry
        }
        CliRun clean = CliRun.in(dir, "audit", "verify");
        assertThat(clean.exitCode()).as(clean.out()).isZero();

        CliRun select = shell(dir, "SELECT id, region_code FROM measurement WHERE basis = 'reported' AND amount IS NOT NULL"
                + " ORDER BY id LIMIT 1;\n");
        assertThat(select.exitCode()).as(select.err()).isZero();
        String[] lines = select.out().split("\n");
        assertThat(lines[0]).isEqualTo("ID\tREGION_CODE");
        String figure = lines[1].split("\t")[0];

        CliRun tamper = shell(dir, """
                UPDATE measurement SET amount = amount + 1 WHERE id = %s;
                UPDATE rollup_month SET amount = amount + 7
                 WHERE indicator_code = 'persons_dissuaded' AND region_code = 'CN-GD' AND month_start = DATE '2022-05-01'
                   AND campaign_code = ''
                ;
                DELETE FROM audit_entry WHERE seq = %d;
                """.formatted(figure, insertSeq));
        assertThat(tamper.exitCode()).as(tamper.err()).isZero();
        assertThat(tamper.out()).isEqualTo("1 row(s)\n1 row(s)\n1 row(s)\n");

        CliRun verify = CliRun.in(dir, "audit", "verify");

        assertThat(verify.exitCode()).isEqualTo(AuditCommand.NOT_INTACT);
        assertThat(verify.out().lines().toList()).containsExactly(
                "audit trail broken at entry " + (insertSeq + 1) + ": entries " + insertSeq + " to " + insertSeq
                        + " are missing",
                "measurement " + figure + ": changed outside the application (value)",
                "rollup differs from the raw rows: rollup_month persons_dissuaded CN-GD 2022-05-01: stored 9.00 (1 facts),"
                        + " recomputed 2.00 (1 facts)",
                "audit trail NOT intact: 1 finding(s), 1 rollup cell(s), 0 problem(s), chain broken");
    }

    @Test
    void eachFailedStatementIsOneLineAndTheOthersStillRun() {
        Path dir = tmp.resolve("cc");
        assertThat(CliRun.in(dir, "init", "--empty").exitCode()).isZero();

        CliRun run = shell(dir, "SELECT nope FROM nowhere;\nSELECT 1 + 1 AS two;\nUPDATE nowhere SET x = 1;\n");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).isEqualTo("TWO\n2\n");
        assertThat(run.err().lines().toList()).hasSize(2)
                .satisfiesExactly(l -> assertThat(l).startsWith("statement 1: "), l -> assertThat(l).startsWith("statement 3: "));
    }

    private static CliRun shell(Path dir, String sql) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliResult result;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            result = CommandCenterCli.run(new String[]{"--data-dir", dir.toString(), "--lang", "en", "db", "shell"},
                    new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)), o, e);
        }
        return new CliRun(result, out.toString(), err.toString());
    }
}
