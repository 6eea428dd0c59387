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

    /**
     * A province's day or month is stored as one value holding every tier and risk level: what goes in comes out, the
     * same cells give the same bytes whatever their order (the audit compares them), and a value cut short or with a
     * byte changed is refused as damaged — never read as other figures.
     */
    @Property(tries = 200, seed = "20221203")
    void aPackedRowGivesBackItsCellsAndRefusesDamage(@ForAll long seed) {
        Random random = new Random(seed);
        List<InstructionCell> parts = new ArrayList<>();
        for (InstructionTier tier : InstructionTier.values()) {
            for (RiskLevel risk : RiskLevel.values()) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                InstructionCell.Builder b = new InstructionCell.Builder(Period.day(DAY), "CN-GD", tier, risk, true);
                for (int i = 1 + random.nextInt(40); i > 0; i--) {
                    WarningInstruction w = instruction(random);
                    b.add(w.issuedAt(), w.contactedAt(), w.outcome(), w.fundsProtected());
                }
                parts.add(b.build());
            }
        }
        byte[] packed = InstructionCell.pack(parts);
        List<InstructionCell> shuffled = new ArrayList<>(parts);
        java.util.Collections.shuffle(shuffled, random);
        assertThat(InstructionCell.pack(shuffled)).isEqualTo(packed);

        List<InstructionCell> back = InstructionCell.unpack(Period.day(DAY), "CN-GD", true, packed);
        assertThat(back).hasSameSizeAs(parts);
        for (InstructionCell c : back) {
            InstructionCell original = parts.stream().filter(p -> p.tier() == c.tier() && p.risk() == c.risk())
                    .findFirst().orElseThrow();
            assertThat(c.synthetic()).isTrue();
            assertThat(c.span()).isEqualTo(Period.day(DAY));
            assertThat(c.issued()).isEqualTo(original.issued());
            assertThat(c.dissuaded()).isEqualTo(original.dissuaded());
            assertThat(c.decided()).isEqualTo(original.decided());
            assertThat(c.fundsCount()).isEqualTo(original.fundsCount());
            assertThat(c.funds()).isEqualByComparingTo(original.funds());
            assertThat(c.listsText()).isEqualTo(original.listsText());
        }
        if (packed.length > 1) {
            byte[] cut = java.util.Arrays.copyOf(packed, 1 + random.nextInt(packed.length - 1));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstructionCell.unpack(Period.day(DAY), "CN-GD",
                    true, cut)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("damaged");
        }
        byte[] longer = java.util.Arrays.copyOf(packed, packed.length + 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstructionCell.unpack(Period.day(DAY), "CN-GD",
                true, longer)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("damaged");
    }

    /**
     * A period that cuts a month reads the month less its other days; {@link InstructionCell#less} merges the sorted
     * lists instead of summing through maps, and must give exactly what adding the month and taking each day away
     * does — counts, money, the contact histogram and the pending times counted from the piece's first day — also when
     * a day takes away more than the month holds (a damaged store: nothing negative is left of a pending time).
     */
    @Property(tries = 300, seed = "20221205")
    void aMonthLessSomeDaysIsWhatTakingEachDayAwayLeaves(@ForAll long seed) {
        Random random = new Random(seed);
        LocalDate first = DAY.withDayOfMonth(1);
        int length = DAY.lengthOfMonth();
        InstructionCell month = InstructionCell.month(new InstructionCell.Key(first, "CN-GD", InstructionTier.LOCAL,
                RiskLevel.HIGH, false));
        java.util.Map<LocalDate, InstructionCell.Builder> days = new java.util.TreeMap<>();
        for (int i = random.nextInt(400); i > 0; i--) {
            LocalDate day = first.plusDays(random.nextInt(length));
            WarningInstruction w = instruction(random, day);
            month.add(w, 1);
            days.computeIfAbsent(day, d -> new InstructionCell.Builder(Period.day(d), "CN-GD", InstructionTier.LOCAL,
                    RiskLevel.HIGH, false)).add(w.issuedAt(), w.contactedAt(), w.outcome(), w.fundsProtected());
        }
        // the piece kept: some run of the month's days; the days taken away: some of those outside it
        int from = random.nextInt(length);
        int to = from + random.nextInt(length - from);
        Period piece = Period.range(first.plusDays(from), first.plusDays(to));
        List<InstructionCell> taken = new ArrayList<>();
        days.forEach((day, b) -> {
            boolean outside = day.isBefore(piece.start()) || day.isAfter(piece.end());
            if (outside && random.nextInt(4) != 0) {
                taken.add(b.build());
            }
        });
        if (random.nextInt(5) == 0) { // more taken away than the month holds
            InstructionCell.Builder extra = new InstructionCell.Builder(Period.day(first), "CN-GD",
                    InstructionTier.LOCAL, RiskLevel.HIGH, false);
            for (int i = 1 + random.nextInt(5); i > 0; i--) {
                WarningInstruction w = instruction(random, first);
                extra.add(w.issuedAt(), w.contactedAt(), w.outcome(), w.fundsProtected());
            }
            taken.add(extra.build());
        }

        InstructionCell expected = new InstructionCell(piece, "CN-GD", InstructionTier.LOCAL, RiskLevel.HIGH, false);
        expected.add(month, 1);
        taken.forEach(d -> expected.add(d, -1));
        InstructionCell actual = InstructionCell.less(piece, month, taken);

        assertThat(actual.span()).isEqualTo(piece);
        assertThat(actual.issued()).isEqualTo(expected.issued());
        assertThat(actual.dissuaded()).isEqualTo(expected.dissuaded());
        assertThat(actual.decided()).isEqualTo(expected.decided());
        assertThat(actual.fundsCount()).isEqualTo(expected.fundsCount());
        assertThat(actual.funds()).isEqualByComparingTo(expected.funds());
        assertThat(actual.listsText()).isEqualTo(expected.listsText());
        LocalDateTime at = piece.start().atTime(random.nextInt(24), random.nextInt(60)).plusDays(random.nextInt(3));
        assertThat(actual.pendingIssuedBefore(at)).isEqualTo(expected.pendingIssuedBefore(at));
    }

    private static WarningInstruction instruction(Random random, LocalDate day) {
        WarningInstruction w = instruction(random);
        long shift = java.time.temporal.ChronoUnit.DAYS.between(DAY, day);
        return new WarningInstruction(w.id(), w.issuedAt().plusDays(shift), w.regionCode(), w.tier(), w.riskLevel(),
                w.contactedAt() == null ? null : w.contactedAt().plusDays(shift), w.outcome(), w.fundsProtected());
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
