package org.antifraud.cc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

/** What {@code --version} says of a build, with and without Git history. */
class BuildInfoTest {
    @Test
    void aBuildWithoutGitHistorySaysItsCommitIsUnknown() {
        assertThat(BuildInfo.of(version("1.2.0"), new Properties()).line())
                .isEqualTo("command-center 1.2.0 (commit unknown)");
        Properties blank = new Properties();
        blank.setProperty("commit", " ");
        assertThat(BuildInfo.of(version("1.2.0"), blank).commit()).isEqualTo("unknown");
    }

    @Test
    void aBuildWithGitHistoryNamesItsCommit() {
        Properties commit = new Properties();
        commit.setProperty("commit", "1aa6c8d-dirty");

        assertThat(BuildInfo.of(version("1.2.0"), commit).line()).isEqualTo("command-center 1.2.0 (commit 1aa6c8d-dirty)");
    }

    private static Properties version(String version) {
        Properties build = new Properties();
        build.setProperty("version", version);
        return build;
    }
}
