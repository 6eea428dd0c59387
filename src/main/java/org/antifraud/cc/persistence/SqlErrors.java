package org.antifraud.cc.persistence;

import java.sql.SQLException;

/** What a failed statement means, told from its SQL state, for the layers above that see no SQL. */
public final class SqlErrors {
    private SqlErrors() {
    }

    /** Whether {@code e} (or a cause) is a number the database cannot hold: beyond a DECIMAL column's digits. */
    public static boolean numberOutOfRange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("22003".equals(sql.getSQLState())
                    || "22001".equals(sql.getSQLState()) && String.valueOf(sql.getMessage()).contains("DECIMAL"))) {
                return true;
            }
        }
        return false;
    }
}
