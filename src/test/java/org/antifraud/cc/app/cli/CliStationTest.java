package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.PrivateFiles;
import org.antifraud.cc.persistence.Workstation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Station keys and trust from the command line: key files, fingerprints, trust, revoke, rotate. */
@IntegrationTest
class CliStationTest {
    private static final Pattern FINGERPRINT = Pattern.compile("key ((?:[0-9a-f]{4}-){7}[0-9a-f]{4})");

    @TempDir
    Path tmp;

    private static String fingerprint(CliRun run) {
        Matcher m = FINGERPRINT.matcher(run.out());
        assertThat(m.find()).as(run.out() + run.err()).isTrue();
        return m.group(1);
    }

    private Path dens(String name) throws Exception {
        return Files.writeString(tmp.resolve(name), "id,date,region,city,campaign,address,suspects_arrested,goip_devices,"
                + "phone_cards,bank_cards,note\n7d1e0c52-3b7a-4c41-9a57-0b6a5f0e2a11,2022-05-03,CN-GD,Shenzhen,,,5,2,30,4,\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void theStationKeyIsMadeAtInitPrivateAndItsFingerprintIsStable() throws Exception {
        Path a = tmp.resolve("a");
        assertThat(in(a, "init", "--empty").exitCode()).isZero();
        Path keyFile = Workstation.of(a).keyFile("station.key");
        assertThat(keyFile).exists();
        assertThat(Workstation.of(a).keyFile("station.pub")).exists();
        assertThat(keyFile.startsWith(a.toAbsolutePath())).as("outside the data folder").isFalse();
        if (PrivateFiles.posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
        CliRun id = in(a, "station", "id");
        assertThat(id.exitCode()).isZero();
        assertThat(fingerprint(in(a, "station", "id"))).isEqualTo(fingerprint(id));

        Path pub = tmp.resolve("a.pub");
        CliRun key = in(a, "station", "key", "--out", pub.toString(), "--name", "Guangdong");
        assertThat(key.exitCode()).as(key.err()).isZero();
        assertThat(Files.readString(pub)).contains("format=1", "label=Guangdong", "ed25519=", "x25519=",
                "fingerprint=" + fingerprint(id)).doesNotContain("PRIVATE");
    }

    @Test
    void trustListRevokeAndRotateDecideWhosePackagesImport() throws Exception {
        Path station = tmp.resolve("station");
        Path hq = tmp.resolve("hq");
        assertThat(in(station, "import", dens("d.csv").toString()).exitCode()).isZero();
        assertThat(in(hq, "init", "--empty").exitCode()).isZero();
        Path pub = tmp.resolve("gd.pub");
        assertThat(in(station, "station", "key", "--out", pub.toString()).exitCode()).isZero();
        Path pkg = tmp.resolve("gd.zip");
        assertThat(in(station, "export-package", "--out", pkg.toString()).exitCode()).isZero();

        CliRun untrusted = in(hq, "import-package", pkg.toString());
        assertThat(untrusted.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(untrusted.err().strip()).contains("not trusted here").doesNotContain("\n");

        CliRun trust = in(hq, "station", "trust", pub.toString(), "--name", "Guangdong");
        assertThat(trust.exitCode()).as(trust.err()).isZero();
        String print = fingerprint(trust);
        assertThat(in(hq, "station", "list").out()).contains(print, "Guangdong").doesNotContain("REVOKED");
        assertThat(in(hq, "import-package", pkg.toString()).exitCode()).isZero();
        assertThat(in(hq, "audit", "verify").exitCode()).as("trust is in the audit trail").isZero();

        CliRun revoke = in(hq, "station", "revoke", print.toUpperCase());
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(in(hq, "station", "list").out()).contains(print, "REVOKED");
        CliRun refused = in(hq, "import-package", pkg.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("revoked");

        // the station rotates its key: a package with the new key imports once headquarters trusts the new key
        CliRun rotate = in(station, "station", "rotate");
        assertThat(rotate.exitCode()).isZero();
        assertThat(fingerprint(in(station, "station", "id"))).isNotEqualTo(print);
        Path pkg2 = tmp.resolve("gd2.zip");
        assertThat(in(station, "export-package", "--out", pkg2.toString()).exitCode()).isZero();
        assertThat(in(hq, "import-package", pkg2.toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        Path pub2 = tmp.resolve("gd2.pub");
        assertThat(in(station, "station", "key", "--out", pub2.toString()).exitCode()).isZero();
        assertThat(in(hq, "station", "trust", pub2.toString()).exitCode()).isZero();
        CliRun imported = in(hq, "import-package", pkg2.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(in(hq, "audit", "verify").exitCode()).isZero();

        // encrypted to headquarters' key: only headquarters reads it
        Path hqKey = tmp.resolve("hq.pub");
        assertThat(in(hq, "station", "key", "--out", hqKey.toString(), "--name", "HQ").exitCode()).isZero();
        Path sealed = tmp.resolve("gd3.zip");
        CliRun export = in(station, "export-package", "--out", sealed.toString(), "--to", hqKey.toString());
        assertThat(export.out()).contains("encrypted to HQ");
        assertThat(Files.readString(sealed, StandardCharsets.ISO_8859_1)).startsWith("CCPKG-ENCRYPTED");
        CliRun openedAtHq = in(hq, "import-package", sealed.toString());
        assertThat(openedAtHq.exitCode()).as(openedAtHq.err()).isZero();
        assertThat(openedAtHq.out()).contains("0 new, 0 updated");
    }

    @Test
    void aBadFingerprintOrKeyFileIsOneLineAndExitTwo() throws Exception {
        Path hq = tmp.resolve("hq");
        CliRun bad = in(hq, "station", "revoke", "not-a-fingerprint");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err().strip()).startsWith("not a station fingerprint").doesNotContain("\n");
        Path junk = Files.writeString(tmp.resolve("junk.pub"), "format=1\nstation=abc\ned25519=AAAA\n");
        CliRun notKey = in(hq, "station", "trust", junk.toString());
        assertThat(notKey.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notKey.err().strip()).startsWith("not a station key file").doesNotContain("\n");
        assertThat(in(hq, "station", "list").out()).contains("no stations trusted");
    }
}
