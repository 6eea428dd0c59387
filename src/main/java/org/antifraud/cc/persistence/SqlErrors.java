package org.antifraud.cc.persistence;

import java.sql.SQLException;
import java.util.List;

import org.antifraud.cc.domain.Problem;

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

    /**
     * On a shared database, a transaction that lost to another desk writing the same rows at the same moment (ADR
     * 0034): a key both inserted ({@code 23505}), a deadlock ({@code 40P01}) or a serialization failure
     * ({@code 40001}). It was rolled back whole: {@code written_meanwhile}, one line. Null for anything else.
     */
    static Problem writtenMeanwhile(Throwable e, String target) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && List.of("23505", "40P01", "40001").contains(sql.getSQLState())) {
                return new Problem("written_meanwhile", "another workstation wrote the same records at the same"
                        + " moment: nothing of this was saved; try again", e, target);
            }
        }
        return null;
    }

    /**
     * A shared PostgreSQL database that could not be used, in one line by its SQL state: a refused login
     * ({@code 28P01}, {@code 28000}), a missing database ({@code 3D000}), an account without the right
     * ({@code 42501}), a server that does not answer ({@code 08…}); pgjdbc's {@code 08004} for a password the server
     * asked for and nobody gave is a refused login too.
     */
    static Problem sharedProblem(SQLException e, String target) {
        String state = String.valueOf(e.getSQLState());
        // 08004 with "password": the server asked for a password that nobody gave (no PGPASSWORD, no ~/.pgpass)
        if (state.startsWith("28") || "08004".equals(state) && String.valueOf(e.getMessage()).contains("password")) {
            return new Problem("shared_login_refused", "the shared database " + target + " refused the login (wrong"
                    + " user or password; the password comes from PGPASSWORD, ~/.pgpass or the prompt)", e, target);
        }
        if ("3D000".equals(state)) {
            return new Problem("shared_database_missing", "there is no database " + target
                    + " on that server (an administrator creates it, then runs db init)", e, target);
        }
        if ("42501".equals(state)) {
            return new Problem("shared_not_allowed", "the account may not do that on the shared database " + target
                    + ": " + e.getMessage().lines().findFirst().orElse(""), e, target);
        }
        if (state.startsWith("08")) {
            return new Problem("shared_unreachable", "the shared database " + target + " does not answer: "
                    + e.getMessage().lines().findFirst().orElse(""), e, target);
        }
        return new Problem("shared_failed", "the shared database " + target + " failed: "
                + e.getMessage().lines().findFirst().orElse(""), e, target);
    }
}
