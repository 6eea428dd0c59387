package org.antifraud.cc.app;

import java.nio.file.Path;
import java.util.Locale;

/** The per-user application data folder, where the H2 file, settings and logs live by default. */
public final class DataDirs {
    private static final String APP = "command-center";

    private DataDirs() {
    }

    public static Path defaultDataDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "CommandCenter");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "CommandCenter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve(APP);
    }
}
