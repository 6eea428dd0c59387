package org.antifraud.cc.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import org.antifraud.cc.domain.Role;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * A login to a shared database that changes nothing: Settings → Database's "Test connection". Unlike
 * {@link Database#openShared} it runs no migration, so testing an address never upgrades a schema.
 */
public final class SharedLogin {
    /** Seconds a test waits for a server that does not answer. */
    private static final int TIMEOUT_SECONDS = 10;

    private SharedLogin() {
    }

    /** What the login may do there. */
    public record Result(Role role, List<String> regions) {
    }

    /**
     * Logs in to {@code target} with {@code password} (null: {@code PGPASSWORD}, else {@code ~/.pgpass}, which the
     * driver reads) and asks the role; a refusal or an unreachable server is the same one-line {@code Problem} as
     * when opening.
     */
    public static Result probe(SharedDatabase target, char[] password) {
        Properties login = new Properties();
        login.setProperty("user", target.user());
        String secret = password != null ? new String(password) : System.getenv("PGPASSWORD");
        if (secret != null) {
            login.setProperty("password", secret);
        }
        login.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        login.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), login)) {
            DSLContext dsl = DSL.using(c, Vendor.POSTGRESQL.dialect());
            return new Result(SharedRoles.current(dsl), SharedRoles.currentRegions(dsl));
        } catch (SQLException e) {
            throw SqlErrors.sharedProblem(e, target.toString());
        } catch (DataAccessException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw SqlErrors.sharedProblem(sql, target.toString());
            }
            throw e;
        }
    }
}
