package org.antifraud.cc.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Statistic;
import org.junit.jupiter.api.Test;

/** An import's batch entry gives back exactly the changes and states that went in, and its hash covers them. */
class AuditBatchTest {
    private static DenTakedown den(UUID id, long suspects, String note) {
        return new DenTakedown(id, LocalDate.of(2022, 5, 1), "CN-GD", "深圳", "chain_cutting", "宝安区\n二楼", suspects,
                1, 2, 3, note);
    }

    @Test
    void statesAndIdsRoundTripThroughTheBlob() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Statistic fresh = new Statistic(null, new Measurement("dens_destroyed", "CN", Period.parse("2022"), null,
                new BigDecimal("1800"), null, Basis.REPORTED, null, null, "余"));
        List<AuditBatch.Pending> pending = List.of(
                new AuditBatch.Pending(RecordKind.DEN_TAKEDOWN, AuditEntry.UPDATE, den(a, 3, null), den(a, 4, "改")),
                new AuditBatch.Pending(RecordKind.DEN_TAKEDOWN, AuditEntry.INSERT, null, den(b, 9, "x=y\\z")),
                new AuditBatch.Pending(RecordKind.STATISTIC, AuditEntry.INSERT, null, fresh));
        List<int[]> chunks = AuditBatch.chunks(pending);
        assertThat(chunks).as("one entry per kind").hasSize(2);
        List<byte[]> states = AuditBatch.encodeStates(pending, () -> false);
        List<String> ids = List.of(a.toString(), b.toString(), "77");

        List<AuditBatch.Row> dens = new ArrayList<>();
        AuditBatch.forEachRow(AuditBatch.assemble(pending, chunks.get(0), ids, states.get(0)), dens::add);
        List<AuditBatch.Row> figures = new ArrayList<>();
        AuditBatch.forEachRow(AuditBatch.assemble(pending, chunks.get(1), ids, states.get(1)), figures::add);

        assertThat(dens).containsExactly(
                new AuditBatch.Row(AuditEntry.UPDATE, a.toString(), StateText.of(den(a, 3, null)),
                        StateText.of(den(a, 4, "改"))),
                new AuditBatch.Row(AuditEntry.INSERT, b.toString(), null, StateText.of(den(b, 9, "x=y\\z"))));
        assertThat(figures).containsExactly(new AuditBatch.Row(AuditEntry.INSERT, "77", null,
                StateText.of(fresh.withId(77))));
    }

    @Test
    void aBatchIsCutByKindAndSizeAndItsHashCoversEveryByte() {
        List<AuditBatch.Pending> pending = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < AuditBatch.ROWS + 10; i++) {
            UUID id = UUID.randomUUID();
            pending.add(new AuditBatch.Pending(RecordKind.DEN_TAKEDOWN, AuditEntry.INSERT, null, den(id, i, null)));
            ids.add(id.toString());
        }
        List<int[]> chunks = AuditBatch.chunks(pending);
        assertThat(chunks).extracting(c -> c[1] - c[0]).containsExactly(AuditBatch.ROWS, 10);

        byte[] blob = AuditBatch.assemble(pending, chunks.get(1), ids,
                AuditBatch.encodeStates(pending, () -> false).get(1));
        AuditEntry entry = AuditChain.nextBatch(0, AuditChain.GENESIS, Instant.parse("2023-01-01T00:00:00Z"), "clerk",
                "den_takedown", "import d.csv", 10, blob);
        assertThat(AuditChain.expectedHash(entry)).isEqualTo(entry.hash());
        assertThat(AuditBatch.expand(entry)).hasSize(10).allSatisfy(e -> assertThat(e.seq()).isEqualTo(1));

        byte[] tampered = blob.clone();
        tampered[tampered.length - 1] ^= 1;
        AuditEntry changed = new AuditEntry(entry.seq(), entry.recordedAt(), entry.actor(), entry.action(),
                entry.entity(), entry.entityId(), entry.origin(), null, null, entry.prevHash(), entry.hash(), 10, tampered);
        assertThat(AuditChain.expectedHash(changed)).isNotEqualTo(entry.hash());
    }

    @Test
    void encodingStopsWhenTheImportIsCancelled() {
        List<AuditBatch.Pending> pending = new ArrayList<>();
        for (int i = 0; i < 3 * AuditBatch.ROWS; i++) {
            EntryRecord r = den(UUID.randomUUID(), i, null);
            pending.add(new AuditBatch.Pending(RecordKind.DEN_TAKEDOWN, AuditEntry.INSERT, null, r));
        }
        assertThat(AuditBatch.encodeStates(pending, () -> true)).isEmpty();
    }

    @Test
    void aFiguresStateIsTheSameTextWhicheverWayItIsMade() {
        for (String note : new String[]{null, "plain", "a\\b\nc\rd", "余"}) {
            Statistic s = new Statistic(5L, new Measurement("dens_destroyed", "CN", Period.parse("2022"), "clean_source",
                    new BigDecimal("1800.50"), new BigDecimal("-1.3"), Basis.REPORTED, null, null, note));
            assertThat(StateText.of(s)).isEqualTo(StateText.format(StateText.fields(s)));
        }
    }
}
