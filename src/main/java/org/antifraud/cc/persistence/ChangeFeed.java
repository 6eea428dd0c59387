package org.antifraud.cc.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes on a shared PostgreSQL database as they are committed (issue 15): a dedicated connection LISTENs on
 * {@value #CHANNEL}, which a trigger on {@code app_state} notifies whenever any workstation commits figures (the data
 * version moves). A dropped connection (a server restart) is reported and re-opened every second until it answers.
 */
public final class ChangeFeed implements AutoCloseable {
    static final String CHANNEL = "cc_changes";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** Whether the feed is listening, or waiting for the server to answer again. */
    public enum State { LISTENING, RECONNECTING }

    private final String jdbcUrl;
    private final Properties login;
    private final Runnable onChange;
    private final Consumer<State> onState;
    private final Thread thread;
    private volatile boolean closed;

    ChangeFeed(String jdbcUrl, Properties login, Runnable onChange, Consumer<State> onState) {
        this.jdbcUrl = jdbcUrl;
        this.login = login;
        this.onChange = onChange;
        this.onState = onState;
        this.thread = Thread.ofPlatform().name("cc-listen").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        State last = null;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, login)) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                if (last != State.LISTENING) {
                    boolean wasAway = last == State.RECONNECTING;
                    last = State.LISTENING;
                    onState.accept(last);
                    if (wasAway) {
                        onChange.run(); // whatever was committed while it was away
                    }
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notes = pg.getNotifications((int) WAIT.toMillis());
                    if (notes != null && notes.length > 0) {
                        onChange.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (last != State.RECONNECTING) {
                    LOG.warn("the change feed lost the shared database; reconnecting", e);
                    last = State.RECONNECTING;
                    onState.accept(last);
                }
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
