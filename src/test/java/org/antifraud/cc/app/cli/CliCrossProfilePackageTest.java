package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.antifraud.cc.app.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a field station on its own embedded H2 exports signed packages; headquarters on a shared PostgreSQL
 * imports them — new records once (idempotent), the station's later edits as updates, headquarters' own edits
 * of the same records listed as conflicts — and ends with the station's figures.
 */
@IntegrationTest
class CliCrossProfilePackageTest {
    @TempDir
    Path tmp;

    private CliRun headquarters(String db, String... args) {
        return run(Stream.concat(Stream.of("--data-dir", tmp.resolve("hq").toString(), "--db", db), Stream.of(args))
                .toArray(String[]::new));
    }

    private Path takedowns(String name, List<String> ids, int suspects) throws Exception {
        StringBuilder csv = new StringBuilder("id,date,region,city,campaign,address,suspects_arrested,goip_devices,"
                + "phone_cards,bank_cards,note\n");
        for (int i = 0; i < ids.size(); i++) {
            csv.append(ids.get(i)).append(",2022-06-").append(String.format("%02d", 1 + i % 28)).append(",CN-GX,,,,")
                    .append(suspects + i).append(",1,9,2,\n");
        }
        return Files.writeString(tmp.resolve(name), csv, StandardCharsets.UTF_8);
    }

    private static long dens(CliRun stats) {
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        return CliRun.indicator(stats.json(), "suspects_arrested").get("value").asLong();
    }

    @Test
    void aStationsPackagesFromH2MergeIntoHeadquartersOnPostgreSql() throws Exception {
        String db = SharedPostgres.newDatabase("hq").toString();
        Path station = tmp.resolve("station");
        List<String> ids = Stream.generate(() -> UUID.randomUUID().toString()).limit(40).toList();
        assertThat(in(station, "import", takedowns("first.csv", ids, 2).toString()).exitCode()).isZero();
        assertThat(headquarters(db, "db", "init").exitCode()).isZero();
        Path key = tmp.resolve("station.pub");
        assertThat(in(station, "station", "key", "--out", key.toString(), "--name", "Guangxi").exitCode()).isZero();
        assertThat(headquarters(db, "station", "trust", key.toString()).exitCode()).isZero();

        Path first = tmp.resolve("first.zip");
        assertThat(in(station, "export-package", "--out", first.toString()).exitCode()).isZero();
        CliRun merged = headquarters(db, "import-package", first.toString());
        CliRun again = headquarters(db, "import-package", first.toString());

        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("40 new, 0 updated", "0 conflicting");
        assertThat(again.out()).contains("0 new, 0 updated", "0 conflicting");

        // headquarters corrects the first ten; the station later corrects all forty
        assertThat(headquarters(db, "import", takedowns("hq.csv", ids.subList(0, 10), 50).toString()).exitCode())
                .isZero();
        assertThat(in(station, "import", takedowns("second.csv", ids, 7).toString()).exitCode()).isZero();
        Path second = tmp.resolve("second.zip");
        assertThat(in(station, "export-package", "--out", second.toString()).exitCode()).isZero();
        CliRun update = headquarters(db, "import-package", second.toString());

        assertThat(update.exitCode()).isEqualTo(PackageCommands.CONFLICTS);
        assertThat(update.out()).contains("0 new, 30 updated", "10 conflicting");
        String[] stats = {"stats", "--period", "2022-06", "--region", "CN-GX", "--format", "json"};
        long expected = 10L * 50 + 45 + IntStream.range(10, 40).map(i -> 7 + i).sum();
        assertThat(dens(headquarters(db, stats))).as("headquarters: its ten kept, the station's thirty")
                .isEqualTo(expected);
        assertThat(headquarters(db, "audit", "verify").exitCode()).isZero();
    }
}
