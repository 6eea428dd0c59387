package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.Processes;
import org.antifraud.cc.persistence.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: a child JVM imports a large file and is killed (SIGKILL, as kill -9) at moments spread from early
 * in the import to past its end (before, during and after the commit). Each time the database opens cleanly and holds all of that file or none of it, the rollups agree
 * with it, and the audit trail is intact.
 */
@IntegrationTest
class ImportKillTest {
    private static final int DAYS = 300;
    private static final List<String> PROVINCES = List.of("CN-GD", "CN-ZJ", "CN-JS", "CN-SD", "CN-HA", "CN-SC",
            "CN-HB", "CN-FJ", "CN-HN", "CN-AH", "CN-BJ", "CN-SH", "CN-YN", "CN-GX", "CN-SX", "CN-LN", "CN-JX",
            "CN-CQ", "CN-HE", "CN-SN", "CN-TJ", "CN-GZ", "CN-HL", "CN-JL", "CN-GS", "CN-NM", "CN-XJ", "CN-HI",
            "CN-NX", "CN-QH", "CN-XZ");
    private static final int ROWS = DAYS * PROVINCES.size();
    private static final String NOTE = "kill test";
    /** Kills after the first, early one: one at a random moment in each of this many equal spans. */
    private static final int STRATA = 3;

    @TempDir
    Path tmp;

    /** Every row of the file has the same value, so that a state is "all of file v" or "none". */
    private Path file(int value) throws Exception {
        return UniformFigures.write(tmp.resolve("big.csv"), PROVINCES, LocalDate.of(2019, 1, 1), DAYS, NOTE, value);
    }

    private static long[] state(Path dir) throws Exception {
        try (Connection c = Database.connect(dir, null)) {
            return UniformFigures.state(c, NOTE);
        }
    }

    /**
     * When round {@code round} kills its import, as a share of a whole import's time (so the same on a slow and a fast
     * machine): the first early, so that at least one import is surely cut short; then one at a random moment in each
     * of {@link #STRATA} equal spans from a fifth of that time to twice it, so that a few rounds fall before, during
     * and after the commit whatever the seed.
     */
    private static long delay(int round, long duration, SplittableRandom random) {
        long first = duration / 5;
        if (round == 2) {
            return first;
        }
        long span = 2 * duration / STRATA;
        return first + (round - 3) * span + random.nextLong(Math.max(1, span));
    }

    @Test
    void killingAnImportAtAnyMomentLeavesAllOfTheFileOrNoneOfIt() throws Exception {
        Path dir = tmp.resolve("cc");
        assertThat(in(dir, "init").exitCode()).isZero();
        // fixed, so that a failure repeats; -Dcc.test.seed=N tries other moments
        long seed = Long.getLong("cc.test.seed", 20_221_230L);
        System.out.println("kill -9 test: seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        // one import to the end first: how long a whole one takes here, so that kills fall before, during and
        // after the commit
        long t0 = System.nanoTime();
        Process whole = ChildJvm.start(tmp, "--data-dir", dir.toString(), "import", file(1).toString());
        assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
        long duration = (System.nanoTime() - t0) / 1_000_000;
        assertThat(state(dir)[2]).isEqualTo(1);
        int killed = 0;
        int completed = 0;
        long lastValue = 1;
        for (int round = 2; round <= 2 + STRATA; round++) {
            Path f = file(round); // a new value each round: each import rewrites every row in one transaction
            Process child = ChildJvm.start(tmp, "--data-dir", dir.toString(), "import", f.toString());
            long delay = delay(round, duration, random);
            if (!child.waitFor(delay, TimeUnit.MILLISECONDS)) {
                child.destroyForcibly(); // SIGKILL
                Processes.await(child);
                killed++;
            }

            long[] s = state(dir);
            String where = "round " + round + " (seed " + seed + ", killed after " + delay + " ms)";
            assertThat(s[0]).as("rows of the file, " + where).isIn(0L, (long) ROWS);
            if (s[0] == ROWS) {
                assertThat(s[1]).as("one value in every row, " + where).isEqualTo(1);
                assertThat(s[2]).as("the value of this round's file or an earlier one, " + where)
                        .isIn(lastValue, (long) round);
                assertThat(s[3]).as("the rollups hold the same, " + where).isEqualTo(s[2] * ROWS);
                if (s[2] == round) {
                    completed++;
                }
                lastValue = s[2];
            }
            CliRun verify = in(dir, "audit", "verify");
            assertThat(verify.exitCode()).as(where + ": " + verify.out()).isZero();
        }
        assertThat(killed).as("some imports were killed midway (seed " + seed + ")").isPositive();
        CliRun last = in(dir, "import", file(99).toString());
        assertThat(last.exitCode()).as(last.err()).isZero();
        assertThat(state(dir)[2]).isEqualTo(99);
        System.out.printf("kill -9 test: a whole import took %d ms; %d of %d imports killed, %d completed (seed %d)%n",
                duration, killed, STRATA + 1, completed, seed);
    }
}
