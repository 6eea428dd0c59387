package org.antifraud.cc.service.access;

import java.util.Arrays;
import java.util.List;

import org.antifraud.cc.domain.DatabaseSession;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Role;
import org.antifraud.cc.domain.UserAccount;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.SharedDatabase;
import org.antifraud.cc.persistence.SharedLogin;
import org.antifraud.cc.persistence.SharedRoles;

/**
 * Who may do what on this database, and the people of a shared one (issue 15). Each change is checked against this
 * session's role first ({@code role_cannot}, one line); the database's own rights are the backstop.
 */
public final class AccessService {
    private final Database database;

    public AccessService(Database database) {
        this.database = database;
    }

    /** This session: the database, the login and its role (the role is read from the server at the first call). */
    public DatabaseSession session() {
        return database.shared()
                .map(s -> new DatabaseSession(where(s), s.user(),
                        database.role(), database.writableRegions()))
                .orElseGet(DatabaseSession::own);
    }

    /** {@code host/db}, or {@code host:port/db} on another port than PostgreSQL's own. */
    private static String where(SharedDatabase s) {
        return s.host() + (s.port() == SharedDatabase.DEFAULT_PORT ? "" : ":" + s.port()) + "/" + s.database();
    }

    /** Every person of the shared database, by name (administrators only). */
    public List<UserAccount> users() {
        database.role().requireAdminister("list users");
        return database.sharedRoles().users().stream()
                .map(u -> new UserAccount(u.name(), u.role(), u.enabled(), u.regions())).toList();
    }

    /**
     * Adds a person with an initial password; only an operator has regions ({@code regions_for_operators}). The
     * password is cleared here once sent.
     */
    public void addUser(String name, Role role, char[] password, List<String> regions) {
        try {
            database.role().requireAdminister("add users");
            if (!regions.isEmpty() && role != Role.OPERATOR) {
                throw new Problem("regions_for_operators", "--regions limits an operator; a " + role.code()
                        + " has none", "--regions");
            }
            if (password == null || password.length == 0) {
                throw new Problem("password_needed", "no initial password for " + name, name);
            }
            database.sharedRoles().addUser(name, role, password, regions);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    public void setRole(String name, Role role) {
        database.role().requireAdminister("change roles");
        database.sharedRoles().setRole(name, role);
    }

    public void disable(String name) {
        database.role().requireAdminister("disable users");
        database.sharedRoles().disable(name);
    }

    /**
     * The address as Settings keeps it ({@code postgresql://HOST:PORT/DB?user=U}); anything else is
     * {@code shared_url_invalid}.
     */
    public static String checkAddress(String text) {
        return SharedDatabase.parse(text == null ? "" : text.strip()).toString();
    }

    /**
     * Logs in to {@code address} without changing anything and says what the login may do there. {@code password}
     * null or empty: PostgreSQL's own places ({@code PGPASSWORD}, {@code ~/.pgpass}). Cleared once used.
     */
    public static DatabaseSession testLogin(String address, char[] password) {
        try {
            SharedDatabase target = SharedDatabase.parse(address == null ? "" : address.strip());
            SharedLogin.Result r = SharedLogin.probe(target, password == null || password.length == 0 ? null : password);
            return new DatabaseSession(where(target), target.user(),
                    r.role(), r.regions());
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
