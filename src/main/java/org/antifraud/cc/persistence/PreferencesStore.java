package org.antifraud.cc.persistence;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.ReadLimits;

/** A workstation's own settings (theme, language, last filters), kept beside the database as a properties file. */
public final class PreferencesStore {
    private final Path file;
    private final Properties values = new Properties();

    public PreferencesStore(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            long limit = ReadLimits.SETTINGS.maxFileBytes();
            try {
                if (Files.size(file) > limit) { // a few dozen short lines in practice: this is not a settings file
                    throw new Problem("settings_too_large", file + " is larger than " + limit
                            + " bytes: not read (move it away to start with the default settings)", file.toString(), limit);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    /** Sets and saves at once (write to a temporary file, then move, so a crash never leaves half a file). */
    public synchronized void put(String key, String value) {
        values.setProperty(key, value);
        try {
            StringWriter text = new StringWriter();
            values.store(text, "Anti-fraud Command Center workstation settings");
            // 0600 from its first byte (issue 13), written beside and moved: a crash never leaves half a file
            PrivateFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
