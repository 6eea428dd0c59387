package org.antifraud.cc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A day read from the instructions is summed by {@link InstructionCell.Builder} (ADR 0040), not one map entry at a
 * time: for any mix of instructions it must hold exactly what adding each one does — the counts, the money, the
 * contact histogram (the median and late contacts come from it) and the pending issue times (open breaches and the
 * backlog's age) — and survive the stored form unchanged.
 */
class InstructionCellProperties {
    private static final LocalDate DAY = LocalDate.of(2022, 6, 15);

    @Property(tries = 300, seed = "20221130")
    void theBuilderSumsADayAsAddingEachInstructionDoes(@ForAll long seed) {
        Random random = new Random(seed);
        int n = random.nextInt(300);
        InstructionCell added = new InstructionCell(Period.day(DAY), "CN-GD", InstructionTier.LOCAL, RiskLevel.HIGH,
                false);
        InstructionCell.Builder builder = new InstructionCell.Builder(Period.day(DAY), "CN-GD", InstructionTier.LOCAL,
                RiskLevel.HIGH, false);
        List<WarningInstruction> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            WarningInstruction w = instruction(random);
            all.add(w);
            added.add(w, 1);
            builder.add(w.issuedAt(), w.contactedAt(), w.outcome(), w.fundsProtected());
        }
        InstructionCell built = builder.build();

        assertThat(built.issued()).isEqualTo(n);
        assertThat(built.dissuaded()).isEqualTo(added.dissuaded())
                .isEqualTo(all.stream().filter(w -> w.outcome() == InstructionOutcome.DISSUADED).count());
        assertThat(built.decided()).isEqualTo(added.decided());
        assertThat(built.fundsCount()).isEqualTo(added.fundsCount());
        assertThat(built.funds()).isEqualByComparingTo(added.funds());
        assertThat(built.listsText()).isEqualTo(added.listsText());
        for (long limit : new long[] {0, 5, 30, 120, 1440}) {
            assertThat(built.contactedAfter(limit)).as("late after %d min", limit)
                    .isEqualTo(all.stream().filter(w -> w.contactMinutes() != null && w.contactMinutes() > limit).count());
        }
        LocalDateTime noon = DAY.atTime(12, 0);
        assertThat(built.pendingIssuedBefore(noon)).isEqualTo(all.stream().filter(w -> w.contactedAt() == null
                && w.outcome() == InstructionOutcome.PENDING && w.issuedAt().isBefore(noon)).count());

        // and a month cell less the built day is what is left of the month
        InstructionCell month = InstructionCell.month(new InstructionCell.Key(DAY.withDayOfMonth(1), "CN-GD",
                InstructionTier.LOCAL, RiskLevel.HIGH, false));
        month.add(built, 1);
        month.add(added, -1);
        assertThat(month.listsText()).isEqualTo("|");
        assertThat(month.isEmpty()).isTrue();
    }

    private static WarningInstruction instruction(Random random) {
        LocalDateTime issued = DAY.atStartOfDay().plusMinutes(random.nextInt(24 * 60));
        InstructionOutcome outcome = InstructionOutcome.values()[random.nextInt(InstructionOutcome.values().length)];
        boolean contacted = outcome != InstructionOutcome.PENDING || random.nextBoolean();
        if (outcome == InstructionOutcome.UNREACHABLE || outcome == InstructionOutcome.FALSE_ALARM) {
            contacted = random.nextBoolean();
        }
        LocalDateTime contact = contacted ? issued.plusMinutes(random.nextInt(random.nextBoolean() ? 60 : 3000)) : null;
        BigDecimal funds = random.nextInt(4) == 0 ? BigDecimal.valueOf(random.nextInt(1_000_000), 2) : null;
        return new WarningInstruction(UUID.randomUUID(), issued, "CN-GD", InstructionTier.LOCAL, RiskLevel.HIGH,
                contact, outcome, funds);
    }
}
