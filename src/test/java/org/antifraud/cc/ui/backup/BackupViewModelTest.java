package org.antifraud.cc.ui.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.PrivateFiles;
import org.antifraud.cc.service.backup.BackupService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.FakeChooser;
import org.antifraud.cc.ui.common.FakeDialogs;
import org.antifraud.cc.ui.common.FileChooserService;
import org.antifraud.cc.ui.common.OutputCheckingFileChooser;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data ▸ Back up… and Restore…: what the user chooses, is asked and is told; the output rule on save dialogs. */
@IntegrationTest
class BackupViewModelTest {
    @TempDir
    Path tmp;

    private Path data;
    private Database database;
    private final Appearance appearance = new Appearance(Lang.EN, Theme.DARK);
    private final FakeChooser chooser = new FakeChooser();
    private final FakeDialogs dialogs = new FakeDialogs();
    private boolean databaseClosed;
    private boolean windowClosed;
    private BackupViewModel vm;

    @BeforeEach
    void open() {
        dialogs.answer = false; // nothing is confirmed unless a test says so
        data = tmp.resolve("cc");
        database = Database.open(data);
        BackupService backups = new BackupService(data, database,
                Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
        FileChooserService checked = new OutputCheckingFileChooser(chooser, backups.outputs(), dialogs, appearance::i18n);
        vm = new BackupViewModel(backups, BackupService.backupsFolder(data), QueuedUiExecutor.immediate(), appearance,
                checked, dialogs, () -> {
                    databaseClosed = true;
                    database.close();
                }, () -> windowClosed = true);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void backUpWritesThePrivateZipTheUserChoseAndSaysWhere() throws Exception {
        chooser.save = tmp.resolve("mine.zip");

        assertThat(vm.backup()).isTrue();

        assertThat(chooser.suggested).isEqualTo("command-center-backup-2026-12-03.zip");
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.infos).singleElement().asString().contains("backed up the database", chooser.save.toString());
        assertThat(chooser.save).isRegularFile();
        if (PrivateFiles.posix()) {
            assertThat(Files.getPosixFilePermissions(chooser.save)).isEqualTo(PrivateFiles.FILE);
        }
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEmpty();
    }

    @Test
    void aSaveDialogPointedAtTheDatabaseIsRefusedInTheUsersLanguage() throws Exception {
        Path db = Database.file(data);
        byte[] before = Files.readAllBytes(db);
        chooser.save = db;
        appearance.localeProperty().set(Lang.ZH);

        assertThat(vm.backup()).as("nothing started").isFalse();

        assertThat(dialogs.errors).singleElement().asString().contains("拒绝写入", db.toString());
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(dialogs.infos).isEmpty();
    }

    @Test
    void restoreAsksFirstThenClosesTheDatabaseReplacesItAndClosesTheWindow() throws Exception {
        chooser.save = tmp.resolve("mine.zip");
        vm.backup();
        chooser.open = chooser.save;
        dialogs.answer = true;

        assertThat(vm.restore()).isTrue();

        assertThat(dialogs.asked).singleElement().asString()
                .contains(chooser.open.toString(), data.resolve("backups").toString(), "closes");
        assertThat(databaseClosed).isTrue();
        assertThat(windowClosed).isTrue();
        assertThat(dialogs.infos).last().asString().contains("restored " + chooser.open, "before-restore-20261203-100000",
                "Start it again");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void declinedRestoreChangesNothing() throws Exception {
        chooser.save = tmp.resolve("mine.zip");
        vm.backup();
        chooser.open = chooser.save;
        dialogs.answer = false;

        assertThat(vm.restore()).isFalse();

        assertThat(databaseClosed).isFalse();
        assertThat(windowClosed).isFalse();
        assertThat(data.resolve("backups")).isEmptyDirectory();
    }

    @Test
    void aDamagedBackupIsRefusedAndTheWindowGoesOnWithItsDatabase() throws Exception {
        Path bad = tmp.resolve("bad.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            out.putNextEntry(new ZipEntry("../command-center.mv.db"));
            out.write(new byte[100]);
        }
        chooser.open = bad;
        dialogs.answer = true;

        assertThat(vm.restore()).isTrue();

        assertThat(dialogs.errors).singleElement().asString().contains("outside itself");
        assertThat(databaseClosed).isFalse();
        assertThat(windowClosed).isFalse();
        assertThat(database.repositories().catalog().load()).isNotNull();
    }
}
