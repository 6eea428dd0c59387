package org.antifraud.cc.domain;

/**
 * What a person may do (issue 15). On a shared PostgreSQL database each person is a login role that belongs to one
 * of the group roles {@code cc_admin}, {@code cc_operator}, {@code cc_viewer}, and the database enforces it; on a
 * workstation's own H2 file its owner is the {@link #OWNER}.
 */
public enum Role {
    /** The account of a workstation's own database: everything. */
    OWNER("owner"),
    ADMIN("admin"),
    OPERATOR("operator"),
    VIEWER("viewer");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether records, imports and packages may be written. */
    public boolean mayWrite() {
        return this != VIEWER;
    }

    /** Whether users may be managed. */
    public boolean mayAdminister() {
        return this == OWNER || this == ADMIN;
    }

    /** {@code viewer}, {@code operator} or {@code admin}; anything else is {@code unknown_role}, naming it. */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r != OWNER && r.code.equals(text)) {
                return r;
            }
        }
        throw new Problem("unknown_role", "unknown role: " + text + " (viewer, operator or admin)", text);
    }

    /**
     * Refuses {@code action} (a word such as "import") to a role that may not write: "your role (viewer) cannot
     * import", {@code role_cannot}.
     */
    public void requireWrite(String action) {
        refuseUnless(mayWrite(), action);
    }

    /** Refuses {@code action} (such as "add users") to anyone but an administrator, the same way. */
    public void requireAdminister(String action) {
        refuseUnless(mayAdminister(), action);
    }

    private void refuseUnless(boolean allowed, String action) {
        if (!allowed) {
            throw new Problem("role_cannot", "your role (" + code + ") cannot " + action, code,
                    new Problem.Term("action." + action.replace(' ', '_'), action));
        }
    }
}
