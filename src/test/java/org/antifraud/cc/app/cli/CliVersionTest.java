package org.antifraud.cc.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antifraud.cc.IntegrationTest;
import org.junit.jupiter.api.Test;

/** {@code --version}: the version of the pom and the commit the build was made from, one line, no window. */
@IntegrationTest
class CliVersionTest {
    private static final Pattern LINE = Pattern.compile("command-center (\\S+) \\(commit ([0-9a-f]{7,40}(-dirty)?|unknown)\\)");

    @Test
    void printsThePomsVersionAndACommitThenExits() throws IOException {
        CliRun run = CliRun.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.result().launchGui()).as("no window opens").isFalse();
        assertThat(run.err()).isEmpty();
        Matcher m = LINE.matcher(run.out().strip());
        assertThat(m.matches()).as("stdout: %s", run.out()).isTrue();
        assertThat(m.group(1)).isEqualTo(pomVersion());
    }

    @Test
    void theCommitIsTheCheckedOutOne() throws IOException, InterruptedException {
        assumeTrue(Files.exists(Path.of(".git")), "built from a source tree without Git: the commit is 'unknown'");
        Process git;
        try {
            git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no git command: " + e.getMessage());
            return;
        }
        git.getOutputStream().close();
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).as("git rev-parse ended").isTrue();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(git.exitValue() == 0, "not a Git work tree: " + head);

        Matcher m = LINE.matcher(CliRun.run("--version").out().strip());
        assertThat(m.matches()).isTrue();
        // a build made before the last commit of this work tree would name an older one; the test runs after a build
        assertThat(head).startsWith(m.group(2).replace("-dirty", ""));
    }

    /** The project's own version, read from pom.xml (the first {@code <version>} after the artifactId). */
    private static String pomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<artifactId>command-center</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).as("pom.xml names the project's version").isTrue();
        return m.group(1);
    }
}
