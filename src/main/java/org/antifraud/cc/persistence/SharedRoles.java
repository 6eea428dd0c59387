package org.antifraud.cc.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Role;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The roles of a shared PostgreSQL database, enforced by the database itself (issue 15, ADR 0032): the group roles
 * {@code cc_admin}, {@code cc_operator} and {@code cc_viewer}, their GRANTs, and row-level security that limits an
 * operator with regions to writing records (and submissions) of those regions while reading stays national. Each
 * person is a login role in exactly one group.
 */
public final class SharedRoles {
    /** The tables of records with a region: written only inside an operator's regions. */
    static final List<String> REGIONAL_TABLES = List.of("measurement", "fraud_case", "den_takedown", "warning_batch",
            "warning_instruction", "submission");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String REGIONS_TABLE = "cc_user_region";

    private final DSLContext dsl;

    SharedRoles(DSLContext dsl) {
        this.dsl = dsl;
        if (Vendor.of(dsl) != Vendor.POSTGRESQL) {
            throw new Problem("shared_only", "users and roles belong to a shared database: give it with --db"
                    + " postgresql://HOST[:PORT]/DB?user=NAME", "users and roles");
        }
    }

    static String group(Role role) {
        return "cc_" + role.code();
    }

    /**
     * Creates the group roles, their GRANTs, the operators' regions and the row-level security; run by an
     * administrator once ({@code db init}), again after an upgrade. Safe to repeat.
     */
    public void install() {
        for (Role role : List.of(Role.ADMIN, Role.OPERATOR, Role.VIEWER)) {
            dsl.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + group(role)
                    + "') THEN CREATE ROLE " + group(role) + " NOLOGIN; END IF; END $$");
        }
        dsl.execute("CREATE TABLE IF NOT EXISTS " + REGIONS_TABLE + " (user_name VARCHAR(63) NOT NULL,"
                + " region_code VARCHAR(16) NOT NULL REFERENCES region (code), PRIMARY KEY (user_name, region_code))");
        // true when the session's user has no regions (every region) or has this one
        dsl.execute("""
                CREATE OR REPLACE FUNCTION cc_may_write(region VARCHAR) RETURNS BOOLEAN
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
                    SELECT NOT EXISTS (SELECT 1 FROM cc_user_region WHERE user_name = session_user)
                        OR EXISTS (SELECT 1 FROM cc_user_region WHERE user_name = session_user AND region_code = region)
                $$""");
        // every commit that moves the data version tells the listening workstations at once (ChangeFeed)
        dsl.execute("CREATE OR REPLACE FUNCTION cc_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN PERFORM pg_notify('" + ChangeFeed.CHANNEL + "', NEW.state_key); RETURN NEW; END $$");
        dsl.execute("CREATE OR REPLACE TRIGGER cc_changes AFTER INSERT OR UPDATE ON app_state"
                + " FOR EACH ROW EXECUTE FUNCTION cc_notify_change()");
        // PostgreSQL 16 and newer let a CREATEROLE role grant only roles it holds WITH ADMIN OPTION: an administrator
        // holds cc_admin so (addUser, setRole), and through it the other two groups
        dsl.execute("GRANT cc_operator, cc_viewer TO cc_admin WITH ADMIN OPTION");
        dsl.execute("GRANT USAGE ON SCHEMA public TO cc_admin, cc_operator, cc_viewer");
        dsl.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO cc_viewer, cc_operator");
        dsl.execute("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cc_operator");
        dsl.execute("REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history, " + REGIONS_TABLE + " FROM cc_operator");
        dsl.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO cc_operator");
        dsl.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO cc_admin");
        dsl.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO cc_admin");
        dsl.execute("GRANT EXECUTE ON FUNCTION cc_may_write(VARCHAR) TO cc_admin, cc_operator, cc_viewer");
        // the audit trail (ADR 0034): nobody but the owner changes or deletes an entry; each person appends only to
        // chains of their own, as themselves, and moves only their own chains' heads (the database's first chain,
        // still empty, may be taken once)
        dsl.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM cc_admin, cc_operator");
        dsl.execute("REVOKE DELETE, TRUNCATE ON audit_head FROM cc_admin, cc_operator");
        dsl.execute("ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY");
        dsl.execute("ALTER TABLE audit_head ENABLE ROW LEVEL SECURITY");
        for (String policy : List.of("cc_read", "cc_append", "cc_start", "cc_move")) {
            dsl.execute("DROP POLICY IF EXISTS " + policy + " ON audit_entry");
            dsl.execute("DROP POLICY IF EXISTS " + policy + " ON audit_head");
        }
        dsl.execute("CREATE POLICY cc_read ON audit_entry FOR SELECT USING (true)");
        dsl.execute("CREATE POLICY cc_append ON audit_entry FOR INSERT WITH CHECK (actor = session_user"
                + " AND EXISTS (SELECT 1 FROM audit_head h WHERE h.id = chain AND h.owner = session_user))");
        dsl.execute("CREATE POLICY cc_read ON audit_head FOR SELECT USING (true)");
        dsl.execute("CREATE POLICY cc_start ON audit_head FOR INSERT WITH CHECK (owner = session_user AND last_seq = 0)");
        dsl.execute("CREATE POLICY cc_move ON audit_head FOR UPDATE USING (owner = session_user"
                + " OR owner IS NULL AND key_id IS NULL AND last_seq = 0) WITH CHECK (owner = session_user)");
        for (String table : REGIONAL_TABLES) {
            dsl.execute("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
            dsl.execute("DROP POLICY IF EXISTS cc_read ON " + table);
            dsl.execute("DROP POLICY IF EXISTS cc_write ON " + table);
            dsl.execute("CREATE POLICY cc_read ON " + table + " FOR SELECT USING (true)");
            dsl.execute("CREATE POLICY cc_write ON " + table + " FOR ALL USING (cc_may_write(region_code))"
                    + " WITH CHECK (cc_may_write(region_code))");
        }
    }

    /**
     * A login role of {@code role} with {@code password}, limited to {@code regions} when an operator has some. One
     * transaction: a person is never left without the regions that were to limit them (which would mean every
     * region); an unknown region is {@code unknown_region}, naming it, before anything is created.
     */
    public void addUser(String name, Role role, char[] password, List<String> regions) {
        String user = checkedName(name);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            if (exists(tx, user)) {
                throw new Problem("user_exists", "there is already a user " + user, user);
            }
            for (String region : regions) {
                if (!tx.fetchExists(DSL.selectOne().from(DSL.table("region")).where(DSL.field("code").eq(region)))) {
                    throw new Problem("unknown_region", "unknown region: " + region, region);
                }
            }
            tx.execute("CREATE ROLE " + user + " LOGIN" + (role == Role.ADMIN ? " CREATEROLE" : "") + " PASSWORD "
                    + tx.render(DSL.inline(new String(password))) + (role == Role.ADMIN ? "" : " IN ROLE " + group(role)));
            if (role == Role.ADMIN) {
                tx.execute("GRANT cc_admin TO " + user + " WITH ADMIN OPTION");
            }
            for (String region : regions) {
                tx.execute("INSERT INTO " + REGIONS_TABLE + " (user_name, region_code) VALUES (?, ?)", user, region);
            }
        });
    }

    /** A person: its login name, its group, whether it may log in, its regions (empty: all). */
    public record User(String name, Role role, boolean enabled, List<String> regions) {
    }

    /** Every person of the three groups, by name. */
    public List<User> users() {
        Map<String, List<String>> regions = new HashMap<>();
        dsl.fetch("SELECT user_name, region_code FROM " + REGIONS_TABLE + " ORDER BY region_code")
                .forEach(r -> regions.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>())
                        .add(r.get(1, String.class)));
        List<User> users = new ArrayList<>();
        for (var r : dsl.fetch("""
                SELECT u.rolname, g.rolname, u.rolcanlogin FROM pg_roles u
                  JOIN pg_auth_members m ON m.member = u.oid JOIN pg_roles g ON g.oid = m.roleid
                 WHERE g.rolname IN ('cc_admin', 'cc_operator', 'cc_viewer') AND u.rolname NOT LIKE 'cc\\_%'
                 ORDER BY u.rolname""")) {
            String name = r.get(0, String.class);
            users.add(new User(name, Role.parse(r.get(1, String.class).substring(3)), r.get(2, Boolean.class),
                    regions.getOrDefault(name, List.of())));
        }
        return users;
    }

    /** Moves {@code name} into the group of {@code role}. */
    public void setRole(String name, Role role) {
        String user = existing(name);
        dsl.execute("REVOKE cc_admin, cc_operator, cc_viewer FROM " + user);
        dsl.execute("GRANT " + group(role) + " TO " + user + (role == Role.ADMIN ? " WITH ADMIN OPTION" : ""));
        // only a move to or from administrator changes the attribute; PostgreSQL 16+ lets only the administrator
        // who created a role alter it, so the other moves leave it alone
        boolean creates = Boolean.TRUE.equals(dsl.fetchValue("SELECT rolcreaterole FROM pg_roles WHERE rolname = "
                + dsl.render(DSL.inline(user))));
        if (creates != (role == Role.ADMIN)) {
            dsl.execute("ALTER ROLE " + user + (role == Role.ADMIN ? " CREATEROLE" : " NOCREATEROLE"));
        }
    }

    /** {@code name} can no longer log in; what it did stays in the audit trail. */
    public void disable(String name) {
        dsl.execute("ALTER ROLE " + existing(name) + " NOLOGIN");
    }

    /**
     * The role of this session's user: a superuser or the schema's owner is an admin; a member of a group has that
     * group's role; anyone else may only read.
     */
    public static Role current(DSLContext dsl) {
        var r = dsl.fetchOne("""
                SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user),
                       COALESCE((SELECT tableowner = session_user FROM pg_tables
                                  WHERE tablename = 'flyway_schema_history' LIMIT 1), FALSE)""");
        if (Boolean.TRUE.equals(r.get(0, Boolean.class)) || Boolean.TRUE.equals(r.get(1, Boolean.class))) {
            return Role.ADMIN;
        }
        // pg_has_role fails on a role that does not exist (a database before db init): ask only of those that do
        List<String> groups = dsl.fetch("SELECT rolname FROM pg_roles WHERE rolname IN ('cc_admin', 'cc_operator')")
                .getValues(0, String.class);
        for (Role role : List.of(Role.ADMIN, Role.OPERATOR)) {
            if (groups.contains(group(role)) && Boolean.TRUE.equals(dsl.fetchValue(
                    "SELECT pg_has_role(session_user, ?, 'MEMBER')", group(role)))) {
                return role;
            }
        }
        return Role.VIEWER;
    }

    /** The regions this session's user may write; empty: every region. */
    public static List<String> currentRegions(DSLContext dsl) {
        if (!dsl.fetchExists(DSL.selectOne().from(DSL.table("pg_tables")).where(DSL.field("tablename").eq(REGIONS_TABLE)))) {
            return List.of();
        }
        return dsl.fetch("SELECT region_code FROM " + REGIONS_TABLE + " WHERE user_name = session_user"
                + " ORDER BY region_code").getValues(0, String.class);
    }

    private static boolean exists(DSLContext dsl, String user) {
        return dsl.fetchExists(DSL.selectOne().from(DSL.table("pg_roles")).where(DSL.field("rolname").eq(user)));
    }

    private String existing(String name) {
        String user = checkedName(name);
        if (!exists(dsl, user)) {
            throw new Problem("user_unknown", "there is no user " + user, user);
        }
        return user;
    }

    private static String checkedName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.startsWith("cc_") || name.startsWith("pg_")) {
            throw new Problem("user_name_invalid", "not a user name: " + name
                    + " (lower-case letters, digits and _, at most 63, not starting with cc_ or pg_)", String.valueOf(name));
        }
        return name;
    }
}
