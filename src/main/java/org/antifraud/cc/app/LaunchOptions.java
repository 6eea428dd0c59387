package org.antifraud.cc.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What the command line says about the session: the data folder, if given the language, and if given the shared
 * database ({@code --db}, already checked; null: the one remembered in Settings, else the folder's own file).
 */
public record LaunchOptions(Path dataDir, Locale locale, String db) {
    public LaunchOptions(Path dataDir, Locale locale) {
        this(dataDir, locale, null);
    }
}
