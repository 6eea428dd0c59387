package org.antifraud.cc.app.cli;

import java.nio.file.Path;

/** Points the log file at the data dir before the first logger is made (logback reads the property then). */
public final class LogSetup {
    public static final String LOG_DIR_PROPERTY = "cc.log.dir";

    private LogSetup() {
    }

    public static void toDataDir(Path dataDir) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, dataDir.toAbsolutePath().resolve("logs").toString());
        }
    }
}
