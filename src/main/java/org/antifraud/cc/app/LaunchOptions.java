package org.antifraud.cc.app;

import java.nio.file.Path;
import java.util.Locale;

/** What the command line says about the session: the data folder and, if given, the language. */
public record LaunchOptions(Path dataDir, Locale locale) {
}
