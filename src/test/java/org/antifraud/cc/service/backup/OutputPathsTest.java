package org.antifraud.cc.service.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.PrivateFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output rule alone: where a path really leads, without a database. */
class OutputPathsTest {
    @TempDir
    Path tmp;
    Path data;
    OutputPaths outputs;

    @BeforeEach
    void dataFolder() throws Exception {
        data = Files.createDirectories(tmp.resolve("cc"));
        outputs = new OutputPaths(data);
    }

    @Test
    void aFolderBesideWithTheSameNamePrefixIsAllowed() throws Exception {
        Path beside = Files.createDirectories(tmp.resolve("cc-exports")).resolve("a.csv");

        assertThat(outputs.check(beside)).isEqualTo(beside.toAbsolutePath());
        assertThat(outputs.allowed(tmp.resolve("a.csv"))).isTrue();
    }

    @Test
    void aMissingFolderInsideTheDataFolderIsRefused() {
        assertThatThrownBy(() -> outputs.check(data.resolve("new").resolve("deeper").resolve("a.csv")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("output_in_data_dir"));
    }

    @Test
    void aDanglingLinkIntoTheDataFolderIsRefused() throws Exception {
        Assumptions.assumeTrue(PrivateFiles.posix(), "symbolic links");
        Path link = Files.createSymbolicLink(tmp.resolve("out.csv"), data.resolve("not-yet.csv"));

        assertThat(outputs.allowed(link)).isFalse();
    }

    @Test
    void aLoopOfLinksEndsAndIsJudgedAsWritten() throws Exception {
        Assumptions.assumeTrue(PrivateFiles.posix(), "symbolic links");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);

        assertThat(outputs.allowed(a)).isTrue();
    }

    @Test
    void theDataFolderGivenThroughALinkIsStillTheDataFolder() throws Exception {
        Assumptions.assumeTrue(PrivateFiles.posix(), "symbolic links");
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), data);
        OutputPaths viaAlias = new OutputPaths(alias);

        assertThat(viaAlias.allowed(data.resolve("command-center.mv.db"))).isFalse();
        assertThat(viaAlias.allowed(tmp.resolve("elsewhere.csv"))).isTrue();
    }
}
