package org.antifraud.cc.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.IntConsumer;

import org.jooq.DSLContext;

/**
 * One prepared statement run over many items in JDBC batches, in the caller's transaction: plain JDBC where
 * millions of rows go in (jOOQ's per-row binding cost about as much as H2's insert itself).
 */
final class JdbcBatch {
    static final int CHUNK = 5_000;

    private JdbcBatch() {
    }

    /** Binds one item's parameters. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    static <T> void run(DSLContext dsl, String sql, Collection<? extends T> items, Binder<T> binder) {
        run(dsl, sql, items, binder, done -> { });
    }

    /** As {@link #run(DSLContext, String, Collection, Binder)}, telling {@code afterBatch} how many are done. */
    static <T> void run(DSLContext dsl, String sql, Collection<? extends T> items, Binder<T> binder, IntConsumer afterBatch) {
        run(dsl, sql, items, binder, CHUNK, afterBatch);
    }

    /** As {@link #run(DSLContext, String, Collection, Binder, IntConsumer)}, {@code chunk} items to a batch. */
    static <T> void run(DSLContext dsl, String sql, Collection<? extends T> items, Binder<T> binder, int chunk,
                        IntConsumer afterBatch) {
        if (items.isEmpty()) {
            return;
        }
        dsl.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int pending = 0;
                int done = 0;
                for (T item : items) {
                    binder.bind(statement, item);
                    statement.addBatch();
                    if (++pending == chunk) {
                        statement.executeBatch();
                        done += pending;
                        pending = 0;
                        afterBatch.accept(done);
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                    afterBatch.accept(done + pending);
                }
            }
        });
    }
}
