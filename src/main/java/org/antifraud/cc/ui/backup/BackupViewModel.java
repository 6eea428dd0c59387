package org.antifraud.cc.ui.backup;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.service.backup.BackupService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.FileChooserService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data ▸ Back up… and Data ▸ Restore… (issue 13): the work off the FX thread, {@code busy} while it runs. After a
 * restore the window closes and says so: the services were built on the database that was replaced.
 */
public final class BackupViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BackupViewModel.class);

    private final BackupService backups;
    private final Path backupsFolder;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final FileChooserService files;
    private final DialogService dialogs;
    private final Runnable closeDatabase;
    private final Runnable closeWindow;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /**
     * @param files         save dialogs already checked by the output rule
     * @param closeDatabase stops everything that reads the database and closes it (runs off the FX thread)
     * @param closeWindow   ends the application after a restore (runs on the FX thread)
     */
    public BackupViewModel(BackupService backups, Path backupsFolder, UiExecutor executor, Appearance appearance,
                           FileChooserService files, DialogService dialogs, Runnable closeDatabase, Runnable closeWindow) {
        this.backups = backups;
        this.backupsFolder = backupsFolder;
        this.executor = executor;
        this.appearance = appearance;
        this.files = files;
        this.dialogs = dialogs;
        this.closeDatabase = closeDatabase;
        this.closeWindow = closeWindow;
    }

    /** Asks where, then writes the backup; false when nothing started. */
    public boolean backup() {
        if (busy.get()) {
            return false;
        }
        I18n i18n = appearance.i18n();
        Optional<Path> chosen = files.save(i18n.get("backup.title"), backups.suggestedName(), i18n.get("backup.filter"),
                "*.zip");
        if (chosen.isEmpty()) {
            return false;
        }
        busy.set(true);
        status.set(i18n.get("backup.running"));
        executor.runLong(() -> backups.backup(chosen.get()), written -> {
            done();
            dialogs.info(i18n.get("backup.title"), i18n.get("backup.done", written.bytes(), written.file().toString()));
        }, error -> {
            done();
            dialogs.error(i18n.get("backup.title"), describe(error, i18n));
        });
        return true;
    }

    /** Asks for a backup and a confirmation, then restores it and closes the window; false when nothing started. */
    public boolean restore() {
        if (busy.get()) {
            return false;
        }
        I18n i18n = appearance.i18n();
        Optional<Path> chosen = files.open(i18n.get("restore.title"), i18n.get("backup.filter"), "*.zip");
        if (chosen.isEmpty() || !dialogs.confirm(i18n.get("restore.title"),
                i18n.get("restore.confirm", chosen.get().toString(), backupsFolder.toString()))) {
            return false;
        }
        busy.set(true);
        status.set(i18n.get("restore.running"));
        AtomicBoolean released = new AtomicBoolean();
        executor.runLong(() -> backups.restore(chosen.get(), () -> {
            released.set(true);
            closeDatabase.run();
        }), restored -> {
            done();
            String what = restored.previous() == null
                    ? i18n.get("restore.done_new", restored.backup().toString(), restored.bytes())
                    : i18n.get("restore.done", restored.backup().toString(), restored.bytes(),
                    restored.previous().toString());
            dialogs.info(i18n.get("restore.title"), what + "\n\n" + i18n.get("restore.closing"));
            closeWindow.run();
        }, error -> {
            done();
            if (released.get()) {
                // the database is closed already: nothing was replaced, but the window cannot go on with it
                dialogs.error(i18n.get("restore.title"), i18n.get("restore.failed_closed", describe(error, i18n)));
                closeWindow.run();
            } else {
                dialogs.error(i18n.get("restore.title"), describe(error, i18n));
            }
        });
        return true;
    }

    private void done() {
        busy.set(false);
        status.set("");
    }

    private static String describe(Throwable error, I18n i18n) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause instanceof Problem p) {
            return i18n.problem(p);
        }
        LOG.error("backup or restore failed", cause);
        return i18n.get("problem.unexpected", String.valueOf(cause.getMessage()));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What runs now ("Backing up…"), empty when nothing does. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
