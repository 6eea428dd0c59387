package org.antifraud.cc.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and the commit this build was made from, as {@code --version} prints them. Maven writes both into
 * the jar at build time; a build from a source tarball has no Git history, and its commit is {@link #UNKNOWN}.
 */
public record BuildInfo(String version, String commit) {
    public static final String UNKNOWN = "unknown";

    /** The build of the running code: {@code build.properties} and {@code git.properties} beside this class. */
    public static BuildInfo current() {
        return of(load("build.properties"), load("git.properties"));
    }

    /** From the two files' contents; a missing key is {@link #UNKNOWN}. */
    static BuildInfo of(Properties build, Properties git) {
        String commit = git.getProperty("git.commit.id.abbrev", UNKNOWN);
        if (Boolean.parseBoolean(git.getProperty("git.dirty"))) {
            commit += "-dirty"; // built from a work tree with changes not in that commit
        }
        return new BuildInfo(build.getProperty("version", UNKNOWN), commit);
    }

    /** {@code command-center 0.1.0 (commit 1a2b3c4)}. */
    public String line() {
        return "command-center " + version + " (commit " + commit + ")";
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
