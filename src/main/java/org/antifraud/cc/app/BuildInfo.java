package org.antifraud.cc.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and the commit this build was made from, as {@code --version} prints them. Maven writes both beside
 * this class at build time (pom: {@code build.properties} filtered, {@code commit.properties} from git); a build from
 * a source tarball has no Git history, and its commit is {@link #UNKNOWN}.
 */
public record BuildInfo(String version, String commit) {
    public static final String UNKNOWN = "unknown";

    /** The build of the running code. */
    public static BuildInfo current() {
        return of(load("build.properties"), load("commit.properties"));
    }

    /** From the two files' contents; a missing or blank value is {@link #UNKNOWN}. */
    static BuildInfo of(Properties build, Properties commit) {
        return new BuildInfo(value(build, "version"), value(commit, "commit"));
    }

    /** {@code command-center 0.1.0 (commit 1a2b3c4)}. */
    public String line() {
        return "command-center " + version + " (commit " + commit + ")";
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key, "").strip();
        return value.isEmpty() ? UNKNOWN : value;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(name)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the application's jar", e);
        }
        return properties;
    }
}
