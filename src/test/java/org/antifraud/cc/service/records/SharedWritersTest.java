package org.antifraud.cc.service.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.persistence.SharedDatabase;
import org.antifraud.cc.persistence.SharedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workstations, each with its own data folder, on one shared PostgreSQL (issue 15, ADR 0034): optimistic locking
 * holds across desks, and two desks importing the same new records at one moment never count them twice.
 */
@IntegrationTest
class SharedWritersTest {
    @TempDir
    Path tmp;
    private AppServices deskA;
    private AppServices deskB;

    @BeforeEach
    void open() {
        SharedDatabase shared = SharedPostgres.newDatabase("writers");
        deskA = AppServices.openShared(tmp.resolve("desk-a"), shared, null, true);
        deskB = AppServices.openShared(tmp.resolve("desk-b"), shared, null, false);
    }

    @AfterEach
    void close() {
        deskB.close();
        deskA.close();
    }

    private static DenTakedown den(UUID id, long suspects) {
        return new DenTakedown(id, LocalDate.of(2022, 8, 3), "CN-FJ", null, null, null, suspects, 1, 2, 3, null);
    }

    @Test
    void theSecondOfTwoDesksEditingOneRecordIsToldAndTheFirstEditStays() {
        UUID id = UUID.randomUUID();
        deskA.records().save(den(id, 5), null, "form");
        StoredRecord openedAtA = deskA.records().find(RecordKind.DEN_TAKEDOWN, id.toString()).orElseThrow();
        StoredRecord openedAtB = deskB.records().find(RecordKind.DEN_TAKEDOWN, id.toString()).orElseThrow();
        assertThat(openedAtB.version()).isEqualTo(openedAtA.version());

        deskA.records().save(den(id, 7), openedAtA.version(), "form");

        assertThatThrownBy(() -> deskB.records().save(den(id, 9), openedAtB.version(), "form"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("record_conflict"));
        DenTakedown stored = (DenTakedown) deskB.records().find(RecordKind.DEN_TAKEDOWN, id.toString()).orElseThrow()
                .record();
        assertThat(stored.suspectsArrested()).isEqualTo(7);
        assertThat(deskA.audit().verify().intact()).isTrue();
        assertThat(deskB.audit().verify().intact()).isTrue();
    }

    @Test
    void twoDesksImportingTheSameNewRecordsAtOneMomentNeverCountThemTwice() throws Exception {
        StringBuilder csv = new StringBuilder("id,date,region,suspects_arrested,goip_devices,phone_cards,bank_cards\n");
        for (int i = 0; i < 400; i++) {
            csv.append(UUID.randomUUID()).append(",2022-09-").append(String.format("%02d", 1 + i % 28))
                    .append(",CN-FJ,2,1,1,1\n");
        }
        Path file = Files.writeString(tmp.resolve("same.csv"), csv, StandardCharsets.UTF_8);
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        ExecutorService two = Executors.newFixedThreadPool(2); // the common pool may have one thread on two cores
        for (AppServices desk : List.of(deskA, deskB)) {
            outcomes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await(30, TimeUnit.SECONDS);
                    var result = desk.interchange().importFile(file);
                    return result.ok() ? "imported " + result.summary().added() : "refused";
                } catch (Problem p) {
                    return p.key();
                } catch (Exception e) {
                    return e.toString();
                }
            }, two));
        }
        two.shutdown();
        List<String> said = new ArrayList<>();
        for (CompletableFuture<String> f : outcomes) {
            said.add(f.get(120, TimeUnit.SECONDS));
        }

        // the first to commit adds the 400; the other either lost the race whole (told so) or found them stored
        assertThat(said).contains("imported 400");
        assertThat(said).allMatch(s -> s.equals("imported 400") || s.equals("imported 0")
                || s.equals("written_meanwhile"));
        long stored = deskA.records().recent(RecordKind.DEN_TAKEDOWN, 1000).size();
        assertThat(stored).isEqualTo(400);
        assertThat(deskB.audit().verify().intact()).as("records, rollups and both chains agree").isTrue();
    }
}
