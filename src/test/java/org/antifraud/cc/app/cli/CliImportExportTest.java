package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} and {@code export} end to end: whole or nothing, every problem listed, idempotent, round trip. */
@IntegrationTest
class CliImportExportTest {
    @TempDir
    Path tmp;

    private static final String GOOD = """
            indicator,region,period,value,campaign,change_pct,source,note
            publicity_sessions,CN-GD,2022-05,120,,,,=SUM(A1) from the office
            warnings_local,CN-ZJ,2022-06-01,30,,,,
            suspects_arrested,CN-SC,2022,,,-5.5,Provincial bulletin,
            """;

    private long count(Path dir, String sql) throws Exception {
        try (Connection c = Database.connect(dir, null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aGoodFileGoesInOnceAndAgainChangesNothing() throws Exception {
        Path dir = tmp.resolve("cc");
        Path file = Files.writeString(tmp.resolve("figures.csv"), GOOD);

        CliRun first = in(dir, "import", file.toString());
        CliRun again = in(dir, "import", file.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("imported 3 rows (3 new, 0 updated, 0 unchanged)");
        assertThat(again.out()).contains("imported 3 rows (0 new, 0 updated, 3 unchanged)");
        // one batch entry holding the three inserts; the second import adds nothing
        assertThat(count(dir, "SELECT COUNT(*) FROM audit_entry WHERE origin = 'import figures.csv'")).isEqualTo(1);
        assertThat(count(dir, "SELECT SUM(batch_rows) FROM audit_entry WHERE origin = 'import figures.csv'")).isEqualTo(3);

        Path changed = Files.writeString(tmp.resolve("figures.csv"), GOOD.replace(",120,", ",125,"));
        CliRun third = in(dir, "import", changed.toString());
        assertThat(third.out()).contains("imported 3 rows (0 new, 1 updated, 2 unchanged)");
        assertThat(count(dir, "SELECT COUNT(*) FROM audit_entry WHERE origin = 'import figures.csv'")).isEqualTo(2);
        assertThat(count(dir, "SELECT batch_rows FROM audit_entry WHERE origin = 'import figures.csv'"
                + " ORDER BY seq DESC LIMIT 1")).as("the update alone").isEqualTo(1);
        assertThat(in(dir, "audit", "verify").exitCode()).isZero();
    }

    @Test
    void aBadFileListsEveryProblemWithItsLineAndImportsNothing() throws Exception {
        Path dir = tmp.resolve("cc");
        assertThat(in(dir, "init").exitCode()).isZero();
        long before = count(dir, "SELECT COUNT(*) FROM measurement");
        Path bad = Files.writeString(tmp.resolve("bad.csv"), """
                indicator,region,period,value
                publicity_sessions,CN-GD,2022-05,12
                nope,CN-GD,2022-05,1
                publicity_sessions,CN-XX,2022-13,-1
                """);

        CliRun run = in(dir, "import", bad.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(bad + ":3: indicator:", bad + ":4: region:", bad + ":4: period:",
                bad + ":4: value:", "nothing imported");
        assertThat(count(dir, "SELECT COUNT(*) FROM measurement")).isEqualTo(before);
    }

    @Test
    void anExportImportsBackExactlyIntoAnotherWorkstation() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(in(a, "import", Files.writeString(tmp.resolve("figures.csv"), GOOD).toString()).exitCode()).isZero();
        Path out = tmp.resolve("export.csv");

        CliRun export = in(a, "export", "--type", "measurements", "--out", out.toString(), "--region", "CN-GD");
        String text = Files.readString(out, StandardCharsets.UTF_8);

        assertThat(export.out()).contains("exported 1 rows");
        assertThat(text).contains("'=SUM(A1) from the office").doesNotContain("CN-ZJ");
        assertThat(in(b, "init").exitCode()).isZero();
        CliRun imported = in(b, "import", out.toString());
        assertThat(imported.out()).as(imported.err()).contains("imported 1 rows (1 new");
        assertThat(count(b, "SELECT COUNT(*) FROM measurement WHERE note = '=SUM(A1) from the office'")).isEqualTo(1);
        assertThat(in(a, "import", out.toString()).out()).contains("(0 new, 0 updated, 1 unchanged)");
    }
}
