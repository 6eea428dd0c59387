package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.SharedDatabase;
import org.antifraud.cc.persistence.SharedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users and roles on a shared PostgreSQL (issue 15), enforced by the database: {@code db init} makes the roles,
 * {@code user add} the people; a viewer cannot write by the application nor by SQL of its own, an operator of CN-GD
 * cannot write a CN-ZJ record by any route, reading stays national.
 */
@IntegrationTest
class CliSharedRolesTest {
    @TempDir
    static Path tmp;
    private static SharedDatabase admin;

    private static String as(String user) {
        return new SharedDatabase(admin.host(), admin.port(), admin.database(), user).toString();
    }

    private static CliRun cli(String user, String... args) {
        // one workstation, several people logging in at it: its audit key signs what each of them records
        List<String> all = new ArrayList<>(List.of("--lang", "en", "--data-dir", tmp.resolve("desk").toString(),
                "--db", as(user)));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** A JDBC connection of {@code user}'s own, as psql would make (the test server trusts local logins). */
    private static Connection sql(String user) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/"
                + admin.database(), user, "");
    }

    @BeforeAll
    static void prepare() throws Exception {
        admin = SharedPostgres.newDatabase("roles");
        CliRun init = cli("postgres", "db", "init");
        assertThat(init.exitCode()).as(init.err()).isZero();
        Path password = Files.writeString(tmp.resolve("pw.txt"), "Initial-Pass-2026\n", StandardCharsets.UTF_8);
        for (String[] add : List.of(new String[]{"viewer1", "--role", "viewer"},
                new String[]{"gd_op", "--role", "operator", "--regions", "CN-GD"},
                new String[]{"boss", "--role", "admin"})) {
            List<String> args = new ArrayList<>(List.of("user", "add"));
            args.addAll(List.of(add));
            args.addAll(List.of("--password-file", password.toString()));
            CliRun added = cli("postgres", args.toArray(String[]::new));
            assertThat(added.exitCode()).as(added.err()).isZero();
        }
    }

    /** The desk's log, where an unexpected failure's stack trace goes. */
    private static String log() {
        try (var files = Files.walk(tmp.resolve("desk"))) {
            return files.filter(f -> f.toString().endsWith(".log")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            }).reduce("", String::concat);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static Path dens(String region) throws Exception {
        return Files.writeString(tmp.resolve("dens-" + region + "-" + UUID.randomUUID() + ".csv"),
                "id,date,region,city,campaign,address,suspects_arrested,goip_devices,phone_cards,bank_cards,note\n"
                        + UUID.randomUUID() + ",2022-05-01," + region + ",,,,3,1,20,5,\n", StandardCharsets.UTF_8);
    }

    @Test
    void userListShowsEachPersonsRoleAndRegions() {
        CliRun list = cli("boss", "user", "list");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines()).contains(
                "boss\tadmin\tenabled\tall regions",
                "gd_op\toperator\tenabled\tCN-GD",
                "viewer1\tviewer\tenabled\tall regions");
    }

    @Test
    void aViewerReadsButItsImportFailsWithOneLineNamingTheRole() throws Exception {
        CliRun stats = cli("viewer1", "stats", "--period", "2022");
        assertThat(stats.exitCode()).as(() -> stats.err() + log()).isZero();

        CliRun imported = cli("viewer1", "import", dens("CN-GD").toString());

        imported.assertBadInput("your role (viewer) cannot import");
        // in Chinese the action is Chinese too
        List<String> zh = new ArrayList<>(List.of("--lang", "zh", "--data-dir", tmp.resolve("desk").toString(),
                "--db", as("viewer1"), "import", dens("CN-GD").toString()));
        run(zh.toArray(String[]::new)).assertBadInput("您的角色（viewer）不能导入");
    }

    @Test
    void aViewersOwnSqlCannotWriteEither() throws Exception {
        try (Connection c = sql("viewer1"); Statement st = c.createStatement()) {
            assertThat(st.executeQuery("SELECT COUNT(*) FROM region").next()).isTrue();
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM measurement"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("42501");
        }
    }

    @Test
    void anOperatorOfGuangdongWritesGuangdongButNotZhejiangByAnyRoute() throws Exception {
        CliRun byAdmin = cli("boss", "import", dens("CN-ZJ").toString());
        assertThat(byAdmin.exitCode()).as(byAdmin.err()).isZero();
        long zhejiangDens;
        try (Connection root = sql("postgres"); Statement check = root.createStatement();
             var rs = check.executeQuery("SELECT COUNT(*) FROM den_takedown WHERE region_code = 'CN-ZJ'")) {
            rs.next();
            zhejiangDens = rs.getLong(1);
        }
        assertThat(zhejiangDens).isPositive();

        CliRun own = cli("gd_op", "import", dens("CN-GD").toString());
        assertThat(own.exitCode()).as(own.err()).isZero();

        // the application says so first, in one line; the database's row-level security is the backstop below
        cli("gd_op", "import", dens("CN-ZJ").toString())
                .assertBadInput("your account writes only records of CN-GD, not of CN-ZJ");

        try (Connection c = sql("gd_op"); Statement st = c.createStatement()) {
            // another region's rows are out of its reach: not an error, nothing touched (row-level security)
            assertThat(st.executeUpdate("UPDATE den_takedown SET note = 'x' WHERE region_code = 'CN-ZJ'")).isZero();
            assertThat(st.executeUpdate("DELETE FROM den_takedown WHERE region_code = 'CN-ZJ'")).isZero();
            try (Connection root = sql("postgres"); Statement check = root.createStatement();
                 var rs = check.executeQuery("SELECT COUNT(*) FROM den_takedown WHERE region_code = 'CN-ZJ'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("Zhejiang's takedowns, untouched").isEqualTo(zhejiangDens);
            }
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO den_takedown (id, taken_on, region_code,"
                    + " suspects_arrested, goip_devices, phone_cards, bank_cards) VALUES ('" + UUID.randomUUID()
                    + "', DATE '2022-05-02', 'CN-ZJ', 1, 0, 0, 0)")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            // reading stays national
            assertThat(st.executeQuery("SELECT COUNT(*) FROM measurement WHERE region_code = 'CN-ZJ'").next()).isTrue();
        }
    }

    @Test
    void anAdministratorChangesTheRoleOfSomeoneAnotherAdministratorAddedAndTheyHoldOnlyTheNewOne() throws Exception {
        Path password = Files.writeString(tmp.resolve("pw3.txt"), "Initial-Pass-2026\n", StandardCharsets.UTF_8);
        assertThat(cli("boss", "user", "add", "boss_two", "--role", "admin", "--password-file", password.toString())
                .exitCode()).isZero();
        assertThat(cli("boss", "user", "add", "mover", "--role", "viewer", "--password-file", password.toString())
                .exitCode()).isZero();

        CliRun moved = cli("boss_two", "user", "role", "mover", "operator");

        assertThat(moved.exitCode()).as(moved.err()).isZero();
        try (Connection c = sql("postgres"); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT string_agg(g.rolname, ',' ORDER BY g.rolname) FROM pg_auth_members m"
                     + " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
                     + " WHERE u.rolname = 'mover'")) {
            rs.next();
            assertThat(rs.getString(1)).as("the groups mover belongs to").isEqualTo("cc_operator");
        }
        assertThat(cli("boss", "user", "list").out()).contains("mover\toperator\t");
    }

    @Test
    void onlyAnAdminManagesUsers() {
        cli("gd_op", "user", "add", "sneaky", "--role", "admin").assertBadInput("your role (operator) cannot add users");
    }

    @Test
    void anUnknownRegionAddsNobodyRatherThanAnOperatorOfEveryRegion() throws Exception {
        Path password = Files.writeString(tmp.resolve("pw2.txt"), "Initial-Pass-2026\n", StandardCharsets.UTF_8);

        cli("boss", "user", "add", "typo_op", "--role", "operator", "--regions", "CN-GD,CN-XX", "--password-file",
                password.toString()).assertBadInput("CN-XX");

        assertThat(cli("boss", "user", "list").out()).doesNotContain("typo_op");
    }

    @Test
    void theWindowOpensTheSharedDatabaseAskedAndABadAddressIsRefusedBeforeIt() {
        CliResult window = run("--data-dir", tmp.resolve("own").toString(), "--db", as("viewer1")).result();

        assertThat(window.launchGui()).isTrue();
        assertThat(window.options().db()).as("the window opens this, not the folder's own file").isEqualTo(as("viewer1"));

        run("--data-dir", tmp.resolve("own").toString(), "--db", "postgresql://h/db?user=u&password=x")
                .assertBadInput("postgresql://h/db?user=u&password=x");
    }

    @Test
    void dbInitNeedsASharedDatabase() {
        run("--data-dir", tmp.resolve("own").toString(), "db", "init").assertBadInput("--db");
    }
}
