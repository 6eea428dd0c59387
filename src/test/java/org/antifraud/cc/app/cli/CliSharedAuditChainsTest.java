package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.SharedDatabase;
import org.antifraud.cc.persistence.SharedPostgres;
import org.antifraud.cc.service.audit.AuditChain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail of a shared PostgreSQL (issue 15, ADR 0034): a chain per workstation key and database user, so that
 * many desks write at once; each entry names the database user who wrote it, which the database checks; nobody but
 * the owner can change or delete an entry, and a rewrite by the owner is found by the desk whose chain it is.
 */
@IntegrationTest
class CliSharedAuditChainsTest {
    @TempDir
    static Path tmp;
    private static SharedDatabase admin;

    private static String as(SharedDatabase db, String user) {
        return new SharedDatabase(db.host(), db.port(), db.database(), user).toString();
    }

    /** {@code user} at the workstation whose data folder is {@code desk}. */
    private static CliRun at(String desk, SharedDatabase db, String user, String... args) {
        List<String> all = new ArrayList<>(List.of("--lang", "en", "--data-dir", tmp.resolve(desk).toString(),
                "--db", as(db, user)));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    /** A JDBC connection of {@code user}'s own, as psql would make (the test server trusts local logins). */
    private static Connection sql(SharedDatabase db, String user) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database(),
                user, "");
    }

    /** A database prepared by its owner at the desk "hq", with the report. */
    private static SharedDatabase prepared(String name) {
        SharedDatabase db = SharedPostgres.newDatabase(name);
        CliRun init = at("hq-" + name, db, "postgres", "db", "init");
        assertThat(init.exitCode()).as(init.err()).isZero();
        return db;
    }

    @BeforeAll
    static void prepare() throws Exception {
        admin = prepared("chains");
        Path password = Files.writeString(tmp.resolve("pw.txt"), "Initial-Pass-2026\n", StandardCharsets.UTF_8);
        for (String user : List.of("chain_li", "chain_wang")) {
            CliRun added = at("hq-chains", admin, "postgres", "user", "add", user, "--role", "operator",
                    "--password-file", password.toString());
            assertThat(added.exitCode()).as(added.err()).isZero();
        }
    }

    private static Path dens(String region, List<String> ids, int suspects) throws Exception {
        StringBuilder csv = new StringBuilder("id,date,region,suspects_arrested,goip_devices,phone_cards,bank_cards\n");
        for (int i = 0; i < ids.size(); i++) {
            csv.append(ids.get(i)).append(",2022-07-").append(String.format("%02d", 1 + i % 28)).append(',')
                    .append(region).append(',').append(suspects + i).append(",1,9,2\n");
        }
        return Files.writeString(tmp.resolve("dens-" + UUID.randomUUID() + ".csv"), csv, StandardCharsets.UTF_8);
    }

    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID().toString()).toList();
    }

    @Test
    void twoDesksOfTwoPeopleWriteOneDatabaseAndEveryDeskFindsItIntact() throws Exception {
        List<String> guangxi = ids(30);
        assertThat(at("desk-a", admin, "chain_li", "import", dens("CN-GX", guangxi, 2).toString()).exitCode())
                .isZero();
        CliRun second = at("desk-b", admin, "chain_wang", "import", dens("CN-HN", ids(20), 4).toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        // the same person at the other desk corrects ten of the first desk's records
        CliRun corrected = at("desk-b", admin, "chain_li", "import", dens("CN-GX", guangxi.subList(0, 10), 9)
                .toString());
        assertThat(corrected.out()).contains("0 new, 10 updated");

        for (String[] who : List.of(new String[]{"desk-a", "chain_li"}, new String[]{"desk-b", "chain_wang"},
                new String[]{"desk-b", "chain_li"}, new String[]{"hq-chains", "postgres"})) {
            CliRun verify = at(who[0], admin, who[1], "audit", "verify");
            assertThat(verify.exitCode()).as(who[0] + " " + who[1] + ": " + verify.out()).isZero();
            assertThat(verify.out()).contains("audit trail intact", "chains:");
        }
        // each change names the database user who made it, not the operating-system account
        CliRun log = at("desk-a", admin, "chain_li", "audit", "log", "--limit", "100");
        assertThat(log.out().lines().filter(l -> l.contains("den_takedown " + guangxi.getFirst())))
                .hasSize(2).allMatch(l -> l.contains("\tchain_li\t"));
        assertThat(log.out()).contains("\tchain_wang\t").doesNotContain("\t" + System.getProperty("user.name") + "\t");
    }

    @Test
    void nobodyButTheOwnerChangesTheTrailAndEachWritesOnlyAsThemselves() throws Exception {
        assertThat(at("desk-c", admin, "chain_wang", "import", dens("CN-HN", ids(3), 1).toString()).exitCode())
                .isZero();
        try (Connection c = sql(admin, "chain_li"); Statement st = c.createStatement()) {
            for (String change : List.of("UPDATE audit_entry SET origin = 'x'", "DELETE FROM audit_entry",
                    "TRUNCATE audit_entry", "DELETE FROM audit_head")) {
                assertThatThrownBy(() -> st.executeUpdate(change)).as(change).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            }
            // another person's chain head cannot be moved: the row-level security hides it from the update
            assertThat(st.executeUpdate("UPDATE audit_head SET last_seq = 0 WHERE owner = 'chain_wang'")).isZero();
            // an entry in another's name, even on a chain of one's own, is refused
            long chain = chainOf(st, "chain_li");
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO audit_entry (seq, recorded_at, actor, action, entity,"
                    + " entity_id, origin, prev_hash, entry_hash, chain) VALUES (nextval('audit_entry_seq'),"
                    + " CURRENT_TIMESTAMP, 'chain_wang', 'insert', 'den_takedown', 'x', 'forged', '"
                    + "0".repeat(64) + "', '" + "0".repeat(64) + "', " + chain + ")"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("42501");
        }
    }

    private static long chainOf(Statement st, String owner) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT MIN(id) FROM audit_head WHERE owner = '" + owner + "'")) {
            rs.next();
            long chain = rs.getLong(1);
            assertThat(rs.wasNull()).as("a chain of " + owner).isFalse();
            return chain;
        }
    }

    @Test
    void anEntryTheOwnerRewritesIsFoundByTheDeskWhoseChainItIs() throws Exception {
        SharedDatabase db = prepared("rewrite");
        assertThat(at("desk-w", db, "chain_wang", "import", dens("CN-HN", ids(5), 1).toString()).exitCode())
                .isZero();
        assertThat(at("desk-w", db, "chain_wang", "audit", "verify").exitCode()).isZero();

        // the database's owner rewrites chain_wang's last entry and makes its hash and the head agree again
        long chain;
        long seq;
        try (Connection c = sql(db, "postgres"); Statement st = c.createStatement()) {
            chain = chainOf(st, "chain_wang");
            try (ResultSet rs = st.executeQuery("SELECT last_seq FROM audit_head WHERE id = " + chain)) {
                rs.next();
                seq = rs.getLong(1);
            }
        }
        AuditEntry was;
        try (Database owner = Database.openShared(new SharedDatabase(db.host(), db.port(), db.database(), "postgres"),
                null)) {
            was = owner.repositories().audit().entry(seq).orElseThrow();
        }
        AuditEntry forged = new AuditEntry(was.seq(), was.recordedAt(), was.actor(), was.action(), was.entity(),
                was.entityId(), "import of a file nobody sent", was.before(), was.after(), was.prevHash(), null,
                was.batchRows(), was.batch(), was.scheme(), was.mac(), was.declaredName());
        String hash = AuditChain.expectedHash(forged);
        try (Connection c = sql(db, "postgres");
             PreparedStatement entry = c.prepareStatement("UPDATE audit_entry SET origin = ?, entry_hash = ? WHERE seq = ?");
             PreparedStatement head = c.prepareStatement("UPDATE audit_head SET last_hash = ? WHERE id = ?")) {
            entry.setString(1, forged.origin());
            entry.setString(2, hash);
            entry.setLong(3, seq);
            assertThat(entry.executeUpdate()).isEqualTo(1);
            head.setString(1, hash);
            head.setLong(2, chain);
            assertThat(head.executeUpdate()).isEqualTo(1);
        }

        CliRun verify = at("desk-w", db, "chain_wang", "audit", "verify");

        assertThat(verify.exitCode()).isEqualTo(AuditCommand.NOT_INTACT);
        assertThat(verify.out()).contains("entry " + seq + "'s seal does not match");
    }

    @Test
    void eightDesksImportAtOnceAndEveryRowIsCountedOnceAndAudited() throws Exception {
        SharedDatabase db = prepared("writers");

        CliRun bench = at("bench-desk", db, "postgres", "bench", "writers", "--writers", "8", "--rows", "150");

        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out().lines().toList().getLast()).startsWith("{\"bench\":\"writers\",\"writers\":8,");
        // the warm-up file, the one desk's eight files and the eight desks' files: 150 rows each
        try (Connection c = sql(db, "postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM den_takedown")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(17L * 150);
        }
        // intact, every rollup cell equal to its raw rows: the database's first chain (db init), the one desk's and
        // the eight desks'
        CliRun verify = at("bench-desk/bench-writers/desk-5", db, "postgres", "audit", "verify");
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("10 chains");
        // a second run refuses: the database holds its records now
        at("bench-desk", db, "postgres", "bench", "writers", "--rows", "10")
                .assertBadInput("give it a database of its own");
    }
}
