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
    void theWindowsCommandLineIsParsedWithoutTheSubcommandsAndMeansTheSame() {
        // issue 16: global options alone skip the subcommands' parse; every other command line gets all of them
        assertThat(CommandCenterCli.opensWindow(new String[0])).isTrue();
        assertThat(CommandCenterCli.opensWindow(new String[] {"--data-dir", "d", "--lang=en"})).isTrue();
        assertThat(CommandCenterCli.opensWindow(new String[] {"--data-dir", "d", "stats"})).isFalse();
        assertThat(CommandCenterCli.opensWindow(new String[] {"--help"})).isFalse();
        assertThat(CommandCenterCli.opensWindow(new String[] {"--data-dir"})).isFalse();
        assertThat(CommandCenterCli.opensWindow(new String[] {"--data-dir", "--help"})).isFalse();

        CliRun equals = run("--data-dir=" + tmp.resolve("cc"), "--lang=zh");
        assertThat(equals.result().launchGui()).isTrue();
        assertThat(equals.result().options().dataDir()).isEqualTo(tmp.resolve("cc"));
        assertThat(equals.result().options().locale()).isEqualTo(Lang.ZH);
        run("--data-dir", tmp.resolve("cc").toString(), "--db", "mysql://x/y").assertBadInput("mysql://x/y");
        CliRun missing = run("--data-dir");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.result().launchGui()).isFalse();
    }

    @Test
    void theGlobalOptionsOfTheFastParseAreTheRootCommandsOptions() {
        var root = new picocli.CommandLine(new CommandCenterCli()).getCommandSpec();
        var names = root.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp())
                .map(o -> o.longestName()).collect(java.util.stream.Collectors.toSet());

        assertThat(names).isEqualTo(CommandCenterCli.GLOBAL_OPTIONS);
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
