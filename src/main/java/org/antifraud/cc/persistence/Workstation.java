package org.antifraud.cc.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.antifraud.cc.domain.Problem;

/**
 * A data folder's identity and the private folder of its keys, which lives outside the data folder (issue 13):
 * someone who can write the database file cannot also read or replace the keys unless they hold the OS account.
 * <p>
 * The data folder holds {@value #ID_FILE} (a random UUID, 0600); the keys live in
 * {@code CONFIG/workstations/ID/} (0700), where CONFIG is {@link #configDir()}. Moving the data folder keeps its
 * keys; a changed or missing id finds no keys, which tamper checks report.
 */
public final class Workstation {
    public static final String ID_FILE = "workstation.id";
    /** System property (then environment variable {@value #CONFIG_ENV}) that moves the configuration folder. */
    public static final String CONFIG_PROPERTY = "cc.config.dir";
    public static final String CONFIG_ENV = "CC_CONFIG_DIR";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path keyDir;

    private Workstation(Path keyDir) {
        this.keyDir = keyDir;
    }

    /** The workstation of {@code dataDir}, giving the folder an id (and its keys a folder) on first use. */
    public static Workstation of(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path idFile = dir.resolve(ID_FILE);
        String id;
        try {
            if (Files.exists(idFile)) {
                if (Files.size(idFile) > 100) {
                    throw new Problem("workstation_id_damaged", "the workstation id is damaged: " + idFile, idFile);
                }
                id = Files.readString(idFile, StandardCharsets.US_ASCII).strip();
                if (!ID.matcher(id).matches()) {
                    throw new Problem("workstation_id_damaged", "the workstation id is damaged: " + idFile, idFile);
                }
            } else {
                PrivateFiles.directory(dir);
                id = UUID.randomUUID().toString();
                PrivateFiles.write(idFile, (id + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + idFile, e);
        }
        return new Workstation(configDir().resolve("workstations").resolve(id));
    }

    /** The per-user configuration folder: {@code cc.config.dir}, {@code CC_CONFIG_DIR}, else the platform's. */
    public static Path configDir() {
        String property = System.getProperty(CONFIG_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        String env = System.getenv(CONFIG_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "CommandCenter");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Preferences", "CommandCenter");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("command-center");
    }

    /** This workstation's key folder, created 0700 (with its parents) when first asked for. */
    public Path keyDir() {
        PrivateFiles.directory(keyDir.getParent().getParent());
        PrivateFiles.directory(keyDir.getParent());
        return PrivateFiles.directory(keyDir);
    }

    /** A file in the key folder (the folder is created; the file may not exist yet). */
    public Path keyFile(String name) {
        return keyDir().resolve(name);
    }
}
