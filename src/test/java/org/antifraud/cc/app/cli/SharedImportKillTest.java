package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.Processes;
import org.antifraud.cc.persistence.SharedDatabase;
import org.antifraud.cc.persistence.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability on a shared PostgreSQL (issue 15): a workstation's process importing a file is killed (SIGKILL, as
 * kill -9) early in the import and about when it ends. The server rolls back what the dead connection had not
 * committed: the database holds all of that file or none of it, the rollups agree, the audit trail is intact, and
 * the next import (which may have to wait for the dead connection's locks) goes through.
 */
@IntegrationTest
class SharedImportKillTest {
    private static final int DAYS = 200;
    private static final List<String> PROVINCES = List.of("CN-GD", "CN-ZJ", "CN-JS", "CN-SD", "CN-HA", "CN-SC",
            "CN-HB", "CN-FJ", "CN-HN", "CN-AH", "CN-BJ", "CN-SH", "CN-YN", "CN-GX", "CN-SX", "CN-LN", "CN-JX",
            "CN-CQ", "CN-HE", "CN-SN");
    private static final int ROWS = DAYS * PROVINCES.size();
    private static final String NOTE = "shared kill test";

    @TempDir
    Path tmp;

    /** Every row has the same value, so that a state is "all of file v" or "none". */
    private Path file(int value) throws Exception {
        return UniformFigures.write(tmp.resolve("big-" + value + ".csv"), PROVINCES, LocalDate.of(2020, 1, 1), DAYS,
                NOTE, value);
    }

    private static long[] state(SharedDatabase db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/"
                + db.database(), db.user(), "")) {
            return UniformFigures.state(c, NOTE);
        }
    }

    @Test
    void killingAWorkstationMidImportLeavesAllOfTheFileOrNoneOfIt() throws Exception {
        SharedDatabase db = SharedPostgres.newDatabase("kill");
        String desk = tmp.resolve("desk").toString();
        CliRun init = run("--data-dir", desk, "--db", db.toString(), "db", "init");
        assertThat(init.exitCode()).as(init.err()).isZero();

        long t0 = System.nanoTime();
        Process whole = ChildJvm.start(tmp, "--data-dir", desk, "--db", db.toString(), "import", file(1).toString());
        assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
        long duration = (System.nanoTime() - t0) / 1_000_000;
        assertThat(state(db)[2]).isEqualTo(1);

        int killed = 0;
        long lastValue = 1;
        // early (surely cut short), then about when an import ends (around its commit)
        long[] delays = {duration / 4, duration * 9 / 10};
        for (int round = 2; round < 2 + delays.length; round++) {
            Process child = ChildJvm.start(tmp, "--data-dir", desk, "--db", db.toString(), "import",
                    file(round).toString());
            long delay = delays[round - 2];
            if (!child.waitFor(delay, TimeUnit.MILLISECONDS)) {
                child.destroyForcibly(); // SIGKILL
                Processes.await(child);
                killed++;
            }

            long[] s = state(db);
            String where = "round " + round + " (killed after " + delay + " ms of " + duration + ")";
            assertThat(s[0]).as("rows of the file, " + where).isEqualTo(ROWS);
            assertThat(s[1]).as("one value in every row, " + where).isEqualTo(1);
            assertThat(s[2]).as("this round's value or the one before, " + where).isIn(lastValue, (long) round);
            assertThat(s[3]).as("the rollups hold the same, " + where).isEqualTo(s[2] * ROWS);
            lastValue = s[2];
            CliRun verify = run("--data-dir", desk, "--db", db.toString(), "audit", "verify");
            assertThat(verify.exitCode()).as(where + ": " + verify.out()).isZero();
        }
        assertThat(killed).as("the early kill cut an import short").isPositive();
        CliRun last = run("--data-dir", desk, "--db", db.toString(), "import", file(99).toString());
        assertThat(last.exitCode()).as(last.err()).isZero();
        assertThat(state(db)[2]).isEqualTo(99);
        System.out.printf("shared kill -9 test: a whole import took %d ms; %d of %d killed%n", duration, killed,
                delays.length);
    }
}
