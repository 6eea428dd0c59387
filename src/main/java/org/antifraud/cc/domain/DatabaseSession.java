package org.antifraud.cc.domain;

import java.util.List;

/**
 * Who works on which database (issue 15): on a shared database its {@code where} ({@code host:port/db}), the login
 * and the role the database gives it, and the regions an operator may write (empty: all); on a workstation's own
 * file {@code where} is null and its owner may do everything.
 */
public record DatabaseSession(String where, String user, Role role, List<String> regions) {
    public DatabaseSession {
        regions = List.copyOf(regions);
    }

    /** A workstation's own database. */
    public static DatabaseSession own() {
        return new DatabaseSession(null, null, Role.OWNER, List.of());
    }

    public boolean shared() {
        return where != null;
    }
}
