package org.antifraud.cc.app.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.antifraud.cc.persistence.PrivateFiles;

/** Points the log file at the data dir before the first logger is made (logback reads the property then). */
public final class LogSetup {
    public static final String LOG_DIR_PROPERTY = "cc.log.dir";

    private LogSetup() {
    }

    /** {@link #toDataDir} when the data dir is there already; creates nothing otherwise. */
    public static void ifDataDirExists(Path dataDir) {
        if (Files.isDirectory(dataDir)) {
            toDataDir(dataDir);
        }
    }

    public static void toDataDir(Path dataDir) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            Path logs = dataDir.toAbsolutePath().resolve("logs");
            try {
                // 0700 both (issue 13): the log files logback makes inside are private before they are restricted
                PrivateFiles.directory(dataDir.toAbsolutePath());
                PrivateFiles.directory(logs);
            } catch (UncheckedIOException | SecurityException e) {
                // An unusable data dir is reported as one line when it is opened; until then the log
                // stays in the temp folder (LogConfiguration's default) instead of failing on stdout.
                return;
            }
            System.setProperty(LOG_DIR_PROPERTY, logs.toString());
        }
    }
}
