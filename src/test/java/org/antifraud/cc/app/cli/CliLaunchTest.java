package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No subcommand opens the desktop application; {@code --help} prints usage. */
@IntegrationTest
class CliLaunchTest {
    @TempDir
    Path tmp;

    @Test
    void noSubcommandLaunchesTheGuiWithTheDataDirAndLanguage() {
        Path dataDir = tmp.resolve("cc");

        CliRun zh = run("--data-dir", dataDir.toString(), "--lang", "zh");
        CliRun en = run("--lang", "en", "--data-dir", dataDir.toString());

        assertThat(zh.result().launchGui()).isTrue();
        assertThat(zh.exitCode()).isZero();
        assertThat(zh.result().options().dataDir()).isEqualTo(dataDir);
        assertThat(zh.result().options().locale()).isEqualTo(Lang.ZH);
        assertThat(en.result().options().locale()).isEqualTo(Lang.EN);
        assertThat(zh.out()).isEmpty();
        assertThat(zh.err()).isEmpty();
        assertThat(dataDir).as("the CLI leaves opening the data dir to the application").doesNotExist();
    }

    @Test
    void noSubcommandWithoutLangLeavesTheLanguageToTheApplication() {
        CliRun run = run("--data-dir", tmp.toString());

        assertThat(run.result().launchGui()).isTrue();
        assertThat(run.result().options().locale()).isNull();
    }

    @Test
    void unknownLanguageWithoutSubcommandIsBadInput() {
        CliRun run = run("--data-dir", tmp.resolve("cc").toString(), "--lang", "xx");

        run.assertBadInput("xx");
    }

    @Test
    void unknownOptionWithoutSubcommandIsBadInput() {
        run("--data-dir", tmp.resolve("cc").toString(), "--colour", "red").assertBadInput("--colour");
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        CliRun help = run("--help");
        CliRun statsHelp = run("stats", "--help");

        assertThat(help.result().launchGui()).isFalse();
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage:", "--data-dir", "init", "stats", "demo");
        assertThat(help.err()).isEmpty();
        assertThat(statsHelp.exitCode()).isZero();
        assertThat(statsHelp.out()).contains("--period", "--region", "--format");
    }
}
