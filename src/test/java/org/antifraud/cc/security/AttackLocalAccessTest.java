package org.antifraud.cc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.DatabaseCredentials;
import org.antifraud.cc.persistence.PrivateFiles;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, local access: another OS account or another machine trying to reach the embedded database of a data
 * folder while the application (or the CLI) holds it, or to read its files.
 */
@IntegrationTest
class AttackLocalAccessTest {
    @TempDir
    Path tmp;

    private Path dataDir() {
        return tmp.resolve("data");
    }

    private String url() {
        return "jdbc:h2:file:" + dataDir().toAbsolutePath().resolve(Database.FILE_BASE_NAME) + ";AUTO_SERVER=TRUE";
    }

    /** The database's server as H2 wrote it into the lock file: "host:port". */
    private Properties lockFile() throws IOException {
        Properties lock = new Properties();
        lock.load(new StringReader(Files.readString(dataDir().resolve(Database.FILE_BASE_NAME + ".lock.db"))));
        return lock;
    }

    private int serverPort() throws IOException {
        String server = lockFile().getProperty("server");
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    @Test
    void anotherMachineConnectsToTheServerPortFromANonLoopbackAddress() throws Exception {
        InetAddress outside = nonLoopbackAddress().orElse(null);
        if (outside == null) {
            Assumptions.abort("this machine has no non-loopback address to connect from: nothing to attack");
        }
        Database.open(dataDir()).close();
        try (var held = StoreProcesses.hold(tmp, dataDir(), null)) {
            int port = serverPort();
            assertThat(lockFile().getProperty("server")).as("a second local process finds it by this name")
                    .startsWith("localhost:");
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                assertThat(loopback.isConnected()).as("the server runs, on loopback").isTrue();
            }
            assertThatThrownBy(() -> {
                try (Socket remote = new Socket()) {
                    remote.connect(new InetSocketAddress(outside, port), 5_000);
                }
            }).as("from %s", outside).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aLocalProcessLogsInAsSaWithoutPasswordThroughTheServer() throws Exception {
        Database.open(dataDir()).close();
        DatabaseCredentials credentials = DatabaseCredentials.of(dataDir());
        try (var held = StoreProcesses.hold(tmp, dataDir(), null)) {
            assertThat(lockFile().getProperty("server")).isNotBlank();
            // this JVM does not hold the file: H2 connects through the holder's server
            assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", "").close())
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD));
            assertThatThrownBy(() -> DriverManager.getConnection(url(), credentials.user(), "").close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(url(), credentials.user(), credentials.password());
                 Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM region")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the folder's own account reaches the data").isPositive();
            }
        }
    }

    @Test
    void aDatabaseMadeWithSaAndNoPasswordStaysOpenToSaAfterTheUpgrade() throws Exception {
        // a data folder from before issue 13: migrated, account SA with an empty password, no db.credentials
        Files.createDirectories(dataDir());
        Database.openUrl("jdbc:h2:file:" + dataDir().toAbsolutePath().resolve(Database.FILE_BASE_NAME), "legacy")
                .close();
        assertThat(dataDir().resolve(DatabaseCredentials.FILE)).doesNotExist();

        try (Database db = Database.open(dataDir())) {
            assertThat(db.repositories().catalog().load().indicators()).isNotEmpty();
        }
        Path credentialsFile = dataDir().resolve(DatabaseCredentials.FILE);
        assertThat(credentialsFile).exists();
        if (PrivateFiles.posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentialsFile)))
                    .isEqualTo("rw-------");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", "").close())
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD));
        DatabaseCredentials credentials = DatabaseCredentials.of(dataDir());
        assertThat(credentials.user()).isNotEqualToIgnoringCase("sa");
        assertThat(credentials.password()).hasSizeGreaterThanOrEqualTo(32);
        DriverManager.getConnection(url(), credentials.user(), credentials.password()).close();
        // and it keeps opening
        Database.open(dataDir()).close();
    }

    @Test
    void anotherAccountReadsTheDataFolderAfterInitAndACommand() throws Exception {
        Assumptions.assumeTrue(PrivateFiles.posix(), "permissions are POSIX only");
        var init = StoreProcesses.cli(tmp, Map.of(), "--data-dir", dataDir().toString(), "init");
        assertThat(init.code()).as(init.err()).isZero();
        var stats = StoreProcesses.cli(tmp, Map.of(), "--data-dir", dataDir().toString(), "stats", "--period", "2022");
        assertThat(stats.code()).as(stats.err()).isZero();

        List<Path> all;
        try (Stream<Path> walk = Files.walk(dataDir())) {
            all = walk.sorted(Comparator.naturalOrder()).toList();
        }
        assertThat(all).as("the database, its account, the logs")
                .contains(dataDir().resolve("command-center.mv.db"), dataDir().resolve(DatabaseCredentials.FILE),
                        dataDir().resolve("logs").resolve("command-center.log"));
        for (Path p : all) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
            assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
        }
    }

    @Test
    void anotherAccountReadsTheLockFileWhileTheDatabaseIsOpen() throws Exception {
        Assumptions.assumeTrue(PrivateFiles.posix(), "permissions are POSIX only");
        Database.open(dataDir()).close();
        try (var held = StoreProcesses.hold(tmp, dataDir(), null)) {
            Path lock = dataDir().resolve(Database.FILE_BASE_NAME + ".lock.db");
            assertThat(lock).exists();
            // the lock file names the server and its key; the folder around it is the owner's alone
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir()))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock))).isEqualTo("rw-------");
        }
    }

    /** An address of this machine another machine could use: up, not loopback, IPv4 first. */
    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        List<InetAddress> candidates = NetworkInterface.networkInterfaces()
                .filter(AttackLocalAccessTest::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                .sorted(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1))
                .toList();
        return candidates.stream().findFirst();
    }

    private static boolean up(NetworkInterface n) {
        try {
            return n.isUp() && !n.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
