package org.antifraud.cc.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Pattern;

import org.antifraud.cc.domain.Problem;

/**
 * The database account of one data folder (issue 13): user {@value #USER} with a random password kept in
 * {@value #FILE} (0600) in the data folder. Another OS account cannot read it, and the database server listens on
 * loopback only, so nobody else can log in; a process of the same account (the CLI beside the window) can.
 */
public record DatabaseCredentials(String user, String password) {
    public static final String FILE = "db.credentials";
    public static final String USER = "CC";
    /** The account every database before issue 13 was created with. */
    static final DatabaseCredentials LEGACY = new DatabaseCredentials("SA", "");
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{32,100}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The credentials of {@code dataDir}, made (and written 0600) on first use. */
    public static DatabaseCredentials of(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE);
        if (!Files.exists(file)) {
            DatabaseCredentials made = new DatabaseCredentials(USER, randomPassword());
            PrivateFiles.write(file, ("# the embedded database's account; keep this file private\nuser=" + made.user
                    + "\npassword=" + made.password + "\n").getBytes(StandardCharsets.US_ASCII));
            return made;
        }
        try {
            if (Files.size(file) > 1000) {
                throw damaged(file);
            }
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)));
            String user = p.getProperty("user", "");
            String password = p.getProperty("password", "");
            if (!user.matches("[A-Z][A-Z0-9_]{0,30}") || !PASSWORD.matcher(password).matches()) {
                throw damaged(file);
            }
            return new DatabaseCredentials(user, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw damaged(file);
        }
    }

    /** 256 random bits, URL-safe Base64: no quote or space, so it fits in SQL and after H2's file password. */
    static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * SQL that gives a database made with {@link #LEGACY} this account as administrator and locks SA out behind a
     * random password nobody keeps (dropping SA could take the objects it owns with it).
     */
    String[] upgradeStatements() {
        return new String[] {
            "CREATE USER IF NOT EXISTS " + user + " PASSWORD '" + password + "' ADMIN",
            "ALTER USER " + user + " SET PASSWORD '" + password + "'",
            "ALTER USER " + user + " ADMIN TRUE",
            "ALTER USER SA SET PASSWORD '" + randomPassword() + "'"
        };
    }

    private static Problem damaged(Path file) {
        return new Problem("database_credentials_damaged",
                "the database credentials file is damaged: " + file, file);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[" + user + "]"; // never the password, not even in a log
    }
}
