package org.antifraud.cc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

/** What {@code --version} says of a build, with and without Git history. */
class BuildInfoTest {
    @Test
    void aBuildWithoutGitHistorySaysItsCommitIsUnknown() {
        Properties build = new Properties();
        build.setProperty("version", "1.2.0");

        assertThat(BuildInfo.of(build, new Properties()).line()).isEqualTo("command-center 1.2.0 (commit unknown)");
    }

    @Test
    void aBuildFromChangedFilesSaysSo() {
        Properties build = new Properties();
        build.setProperty("version", "1.2.0");
        Properties git = new Properties();
        git.setProperty("git.commit.id.abbrev", "1aa6c8d");
        git.setProperty("git.dirty", "true");

        assertThat(BuildInfo.of(build, git).commit()).isEqualTo("1aa6c8d-dirty");
        git.setProperty("git.dirty", "false");
        assertThat(BuildInfo.of(build, git).line()).isEqualTo("command-center 1.2.0 (commit 1aa6c8d)");
    }
}
