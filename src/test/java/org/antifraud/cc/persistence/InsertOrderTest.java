package org.antifraud.cc.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.WarningInstruction;
import org.junit.jupiter.api.Test;

/**
 * An import inserts its records in the order that touches the fewest index pages (issue 17: a million warning
 * instructions in the order of the file, random in their time and key, took twice as long to insert and commit):
 * every record exactly once, the others as given, then the instructions by their time of issue, ties as given.
 */
class InsertOrderTest {

    @Test
    void instructionsGoInByTimeOfIssueAfterTheOthersAndNothingIsLostOrRepeated() {
        Random random = new Random(17);
        List<EntryRecord> records = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2022, 1, 1, 0, 0);
        for (int i = 0; i < 500; i++) {
            if (i % 50 == 0) {
                records.add(new DenTakedown(UUID.randomUUID(), LocalDate.of(2022, 3, 1), "CN-GD", "Shenzhen", null,
                        null, 1, 0, 0, 0, null));
            }
            // a minute from a small range: many ties
            LocalDateTime issued = start.plusMinutes(random.nextInt(60));
            records.add(new WarningInstruction(UUID.randomUUID(), issued, "CN-GD", InstructionTier.LOCAL, RiskLevel.HIGH,
                    null, InstructionOutcome.PENDING, null));
        }

        int[] order = EntryRepository.insertOrderIndices(records);

        assertThat(order).hasSize(records.size());
        assertThat(IntStream.of(order).sorted().toArray()).isEqualTo(IntStream.range(0, records.size()).toArray());
        int dens = (int) records.stream().filter(r -> r instanceof DenTakedown).count();
        for (int i = 0; i < dens; i++) {
            assertThat(records.get(order[i])).isInstanceOf(DenTakedown.class);
            assertThat(i == 0 || order[i] > order[i - 1]).as("the others keep their order").isTrue();
        }
        for (int i = dens + 1; i < order.length; i++) {
            WarningInstruction before = (WarningInstruction) records.get(order[i - 1]);
            WarningInstruction after = (WarningInstruction) records.get(order[i]);
            assertThat(after.issuedAt()).isAfterOrEqualTo(before.issuedAt());
            if (after.issuedAt().equals(before.issuedAt())) {
                assertThat(order[i]).as("ties as given").isGreaterThan(order[i - 1]);
            }
        }
    }
}
