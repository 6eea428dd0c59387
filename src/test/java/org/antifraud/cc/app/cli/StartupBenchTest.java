package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Problem;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench startup}: what it reads from its children and the table and JSON line it prints. */
@IntegrationTest
class StartupBenchTest {
    @TempDir
    Path tmp;

    private static final StartupBench.Result RESULT = new StartupBench.Result(StartupBench.Platform.HEADLESS, 4, 1,
            StartupBench.Aot.APP,
            List.of(new StartupBench.Launch(3000, 4000, 1300), new StartupBench.Launch(2000, 3500, 1100),
                    new StartupBench.Launch(4000, 4200, 1600), new StartupBench.Launch(2500, 3900, 1200)),
            List.of(launch(1000, 800), launch(900, 700), launch(1100, 900), launch(1200, 750)));

    private static StartupBench.Launch launch(long ms, long cpu) {
        return new StartupBench.Launch(ms, cpu);
    }

    @Test
    void readsTheChildsLineAmongOtherOutput() {
        assertThat(StartupBench.Launch.parse("something else\nstartup_ms=1234 cpu_ms=2345\n"))
                .contains(launch(1234, 2345));
        assertThat(StartupBench.Launch.parse("startup_ms=99\n")).contains(launch(99, -1));
        assertThat(StartupBench.Launch.parse("startup_ms=5000 cpu_ms=6000 first_frame_ms=1700\n"))
                .contains(new StartupBench.Launch(5000, 6000, 1700));
        assertThat(StartupBench.Launch.parse("the window did not open\n")).isEqualTo(Optional.empty());
    }

    @Test
    void theLastLineIsOneJsonObjectWithTheFigures() {
        JsonNode json = new CliRun(null, StartupBench.json(RESULT), "").json();

        assertThat(json.get("bench").asText()).isEqualTo("startup");
        assertThat(json.get("runs").asInt()).isEqualTo(4);
        assertThat(json.get("platform").asText()).isEqualTo("headless");
        assertThat(json.get("aot_cache").asText()).isEqualTo("app");
        assertThat(json.get("app_median_ms").asDouble()).isEqualTo(2750.0);
        assertThat(json.get("app_min_ms").asLong()).isEqualTo(2000);
        assertThat(json.get("app_max_ms").asLong()).isEqualTo(4000);
        assertThat(json.get("bare_median_ms").asDouble()).isEqualTo(1050.0);
        assertThat(json.get("ratio").decimalValue()).isEqualByComparingTo("2.62");
        assertThat(json.get("app_cpu_median_ms").asDouble()).isEqualTo(3950.0);
        assertThat(json.get("app_ms")).hasSize(4);
        assertThat(json.get("ratio_target").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(json.get("first_frame_median_ms").asDouble()).isEqualTo(1250.0);
        assertThat(json.get("first_frame_ratio").decimalValue()).isEqualByComparingTo("1.19");
        assertThat(json.get("first_frame_ratio_target").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(json.get("first_frame_ms")).hasSize(4);
        assertThat(StartupBench.json(RESULT)).doesNotContain("\n");
    }

    @Test
    void theTableShowsMedianMinAndMaxOfEachAndTheRatio() {
        String en = StartupBench.table(RESULT, Lang.EN);
        String zh = StartupBench.table(RESULT, Lang.ZH);

        assertThat(en).contains("headless", "the application with the ahead-of-time cache", "2750 ms", "2000 ms", "4000 ms", "1050 ms", "2.62", "2.5");
        assertThat(en).contains("first frame of the window", "1250 ms", "1100 ms", "1600 ms", "1.19", "1.5");
        assertThat(zh).contains("中位数", "2750 ms", "2.62");
    }

    @Test
    void theAheadOfTimeCacheGoesToTheChildrenAsAskedAndOnlyWhenThereIsOne() {
        assertThat(StartupBench.Aot.choose("auto", true)).isEqualTo(StartupBench.Aot.APP);
        assertThat(StartupBench.Aot.choose("auto", false)).isEqualTo(StartupBench.Aot.NONE);
        assertThat(StartupBench.Aot.choose("all", true)).isEqualTo(StartupBench.Aot.BOTH);
        assertThat(StartupBench.Aot.choose("all", false)).isEqualTo(StartupBench.Aot.NONE);
        assertThat(StartupBench.Aot.choose("off", true)).isEqualTo(StartupBench.Aot.NONE);
        Assertions.assertThatThrownBy(() -> StartupBench.Aot.choose("sometimes", true))
                .isInstanceOf(Problem.class).hasMessageContaining("--aot");
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleOne() {
        assertThat(StartupBench.median(List.of(5L, 1L, 3L))).isEqualTo(3.0);
        assertThat(StartupBench.median(List.of(7L))).isEqualTo(7.0);
    }

    /** Two child JVMs (one launch of each, headless): a few seconds; the figures are not judged, only their shape. */
    @Test
    void oneRealRunEndsWithAJsonLineOfPositiveFigures() {
        Path dataDir = tmp.resolve("cc");
        assertThat(in(dataDir, "init").exitCode()).isZero();

        CliRun bench = in(dataDir, "bench", "startup", "--runs", "1", "--warmup", "0", "--platform", "headless");

        assertThat(bench.exitCode()).as("stderr: %s", bench.err()).isZero();
        List<String> lines = bench.out().lines().toList();
        JsonNode json = new CliRun(null, lines.getLast(), "").json();
        assertThat(json.get("runs").asInt()).isEqualTo(1);
        assertThat(json.get("platform").asText()).isEqualTo("headless");
        assertThat(json.get("app_median_ms").asLong()).isPositive();
        assertThat(json.get("bare_median_ms").asLong()).isPositive();
        assertThat(json.get("ratio").decimalValue()).isPositive();
        // the window's first frame comes before (or with) the filled dashboard's
        assertThat(json.get("first_frame_median_ms").asLong()).isPositive()
                .isLessThanOrEqualTo(json.get("app_median_ms").asLong());
        assertThat(lines.getFirst()).contains("headless");
    }
}
