package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit verify}: intact on a new database; a figure changed with plain SQL is named, exit 3. */
@IntegrationTest
class CliAuditTest {
    @TempDir
    Path tmp;

    @Test
    void verifyFindsAFigureChangedOutsideTheApplication() throws Exception {
        Path dir = tmp.resolve("cc");
        assertThat(in(dir, "init").exitCode()).isZero();

        CliRun clean = in(dir, "audit", "verify");
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out()).contains("intact", "17 entries");

        long id;
        try (Connection c = Database.connect(dir, null); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT id FROM measurement WHERE basis = 'reported' AND amount IS NOT NULL ORDER BY id LIMIT 1");
            rs.next();
            id = rs.getLong(1);
            s.executeUpdate("UPDATE measurement SET amount = amount + 1 WHERE id = " + id);
        }
        CliRun tampered = in(dir, "audit", "verify");

        assertThat(tampered.exitCode()).isEqualTo(AuditCommand.NOT_INTACT);
        assertThat(tampered.out()).contains("measurement " + id + ": changed outside the application (value)",
                "NOT intact");
    }
}
