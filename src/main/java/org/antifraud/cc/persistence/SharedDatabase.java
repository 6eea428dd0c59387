package org.antifraud.cc.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antifraud.cc.domain.Problem;

/**
 * Where a shared PostgreSQL database is, as the {@code --db} option and Settings write it:
 * {@code postgresql://HOST[:PORT]/DB?user=U}. No password is ever part of it (ADR 0032).
 */
public record SharedDatabase(String host, int port, String database, String user) {
    public static final int DEFAULT_PORT = 5432;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$-]{0,62}");
    private static final Pattern USER = Pattern.compile("user=([A-Za-z_][A-Za-z0-9_$.-]{0,62})");

    /** Reads {@code text}; anything else than the form above is {@code shared_url_invalid}, naming the text. */
    public static SharedDatabase parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(text);
        }
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null
                || uri.getRawFragment() != null || uri.getPath() == null) {
            throw invalid(text);
        }
        String database = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : "";
        Matcher user = USER.matcher(uri.getQuery() == null ? "" : uri.getQuery());
        if (!NAME.matcher(database).matches() || !user.matches()) {
            throw invalid(text);
        }
        return new SharedDatabase(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database,
                user.group(1));
    }

    private static Problem invalid(String text) {
        return new Problem("shared_url_invalid", "not a shared database address: " + text
                + " (expected postgresql://HOST[:PORT]/DB?user=NAME, no password)", text);
    }

    /** The driver's URL: no password, nothing but what was given. */
    String jdbcUrl() {
        // batches of INSERTs are sent as multi-row INSERTs: one round trip for many rows (ADR 0034)
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?reWriteBatchedInserts=true";
    }

    @Override
    public String toString() {
        return "postgresql://" + host + ":" + port + "/" + database + "?user=" + user;
    }
}
