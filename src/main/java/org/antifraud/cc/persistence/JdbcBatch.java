package org.antifraud.cc.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import java.util.function.IntConsumer;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

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

    /**
     * {@code INSERT INTO table (c1, …) VALUES (?, …)} with the generated table's and columns' names (so that a
     * renamed column fails to compile rather than at run time); the caller binds in the order of {@code columns}.
     */
    static String insertSql(Table<?> table, Field<?>... columns) {
        return "INSERT INTO " + table.getName() + " (" + columnList(columns) + ") VALUES " + marks(columns.length);
    }

    /** {@code c1, c2, …}: the columns' generated names. */
    static String columnList(Field<?>... columns) {
        return String.join(", ", Stream.of(columns).map(Field::getName).toList());
    }

    /** {@code (?, ?, …)}: one row of {@code count} parameters. */
    static String marks(int count) {
        return "(" + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
    }

    /**
     * {@code records} (of {@code table}, each with the same fields set: the others keep their defaults) inserted in
     * JDBC batches, each value bound as it is.
     */
    static <R extends TableRecord<R>> void insertRecords(DSLContext dsl, Table<R> table, List<R> records,
                                                         IntConsumer afterBatch) {
        if (records.isEmpty()) {
            return;
        }
        R first = records.getFirst();
        Field<?>[] columns = Stream.of(table.fields()).filter(first::changed).toArray(Field<?>[]::new);
        run(dsl, insertSql(table, columns), records, (insert, r) -> {
            for (int i = 0; i < columns.length; i++) {
                insert.setObject(i + 1, r.get(columns[i]));
            }
        }, afterBatch);
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
