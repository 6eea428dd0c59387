package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Field-station packages between two workstations: merge by id, idempotent, updates, conflicts kept. */
@IntegrationTest
class CliPackageTest {
    private static final String X = "7d1e0c52-3b7a-4c41-9a57-0b6a5f0e2a11";
    private static final String Y = "2f9a6b0e-8c5d-4e3f-b1a2-93c4d5e6f708";

    @TempDir
    Path tmp;

    private Path dens(String name, int xSuspects, int ySuspects) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, "id,date,region,city,campaign,address,suspects_arrested,goip_devices,phone_cards,bank_cards,note\n"
                + X + ",2022-05-03,CN-GD,Shenzhen,chain_cutting,,"+ xSuspects + ",2,30,4,\n"
                + Y + ",2022-05-04,CN-FJ,Xiamen,,,"+ ySuspects + ",0,5,1,\n", StandardCharsets.UTF_8);
        return f;
    }

    private static long suspects(Path dir, String id) throws Exception {
        try (Connection c = Database.connect(dir, null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT suspects_arrested FROM den_takedown WHERE id = '" + id + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void recordsMoveByIdTheStationsLaterEditsWinAndLocalEditsAreConflicts() throws Exception {
        Path a = tmp.resolve("station-a");
        Path b = tmp.resolve("hq-b");
        assertThat(in(a, "import", dens("d1.csv", 5, 3).toString()).exitCode()).isZero();
        assertThat(in(b, "init").exitCode()).isZero();
        // two data folders are two workstations: headquarters trusts the station's key first
        Path key = tmp.resolve("station-a.pub");
        assertThat(in(a, "station", "key", "--out", key.toString(), "--name", "Guangdong").exitCode()).isZero();
        assertThat(in(b, "station", "trust", key.toString()).exitCode()).isZero();
        Path p1 = tmp.resolve("p1.zip");
        assertThat(in(a, "export-package", "--out", p1.toString()).exitCode()).isZero();

        CliRun first = in(b, "import-package", p1.toString());
        CliRun again = in(b, "import-package", p1.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("2 new, 0 updated", "0 conflicting");
        assertThat(again.out()).contains("0 new, 0 updated", "0 conflicting", "0 audit entries");
        assertThat(suspects(b, X)).isEqualTo(5);

        // the station corrects X; headquarters did not touch it: the correction arrives
        assertThat(in(a, "import", dens("d2.csv", 6, 3).toString()).exitCode()).isZero();
        Path p2 = tmp.resolve("p2.zip");
        assertThat(in(a, "export-package", "--out", p2.toString()).exitCode()).isZero();
        CliRun update = in(b, "import-package", p2.toString());
        assertThat(update.out()).contains("0 new, 1 updated");
        assertThat(suspects(b, X)).isEqualTo(6);

        // both change Y differently: a conflict, headquarters' value kept
        assertThat(in(b, "import", dens("d3.csv", 6, 9).toString()).exitCode()).isZero();
        assertThat(in(a, "import", dens("d4.csv", 6, 8).toString()).exitCode()).isZero();
        Path p3 = tmp.resolve("p3.zip");
        assertThat(in(a, "export-package", "--out", p3.toString()).exitCode()).isZero();
        CliRun conflict = in(b, "import-package", p3.toString());
        assertThat(conflict.exitCode()).isEqualTo(PackageCommands.CONFLICTS);
        assertThat(conflict.out()).contains("conflict: den_takedown " + Y, "suspects_arrested", "1 conflicting");
        assertThat(suspects(b, Y)).isEqualTo(9);
        assertThat(in(b, "audit", "verify").exitCode()).isZero();
    }
}
