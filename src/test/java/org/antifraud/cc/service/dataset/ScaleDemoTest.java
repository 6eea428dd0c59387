package org.antifraud.cc.service.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.WarningInstruction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator of {@code demo --scale} on its own (no database): calibration and determinism, full size. */
class ScaleDemoTest {
    private static final long CASES = 20_000;
    private static final long SEED = 7;

    private static Tally tally;

    @BeforeAll
    static void generate() {
        tally = Tally.of(new ScaleDemo(CASES, SEED, ReportDataset.load()));
    }

    @Test
    void everyDailyIndicatorHasAFigureForEveryProvinceAndDay() {
        // 14 indicators × 31 provinces × 1826 days (2018-2022)
        assertThat(tally.figures - tally.instructionFigures).isEqualTo(14L * 31 * 1826);
        assertThat(tally.instructionFigures).isPositive();
        assertThat(tally.cases).isEqualTo(CASES);
        assertThat(ScaleDemo.dailyIndicators()).doesNotContain("cluster_battles", "short_videos", "video_views",
                "cases_registered", "property_loss", "cases_solved");
    }

    @Test
    void oneWarningInstructionForEveryTwoCasesAndTheirDailyCountsAddUpToThem() {
        List<WarningInstruction> all = tally.instructions;
        assertThat(all).hasSize((int) (CASES / 2));
        BigDecimal counted = BigDecimal.ZERO;
        BigDecimal dissuaded = BigDecimal.ZERO;
        for (int year = 2018; year <= 2022; year++) {
            counted = counted.add(tally.sum("warning_instructions", String.valueOf(year)));
            dissuaded = dissuaded.add(tally.sum("instructions_dissuaded", String.valueOf(year)));
        }
        assertThat(counted).isEqualByComparingTo(BigDecimal.valueOf(all.size()));
        assertThat(dissuaded).isEqualByComparingTo(BigDecimal.valueOf(all.stream()
                .filter(w -> w.outcome() == org.antifraud.cc.domain.InstructionOutcome.DISSUADED).count()));
        // realistic: every tier and level; higher risk reached faster; only the last two days still pending
        assertThat(all.stream().map(WarningInstruction::tier).distinct()).hasSize(3);
        assertThat(all.stream().map(WarningInstruction::riskLevel).distinct()).hasSize(3);
        assertThat(medianMinutes(all, org.antifraud.cc.domain.RiskLevel.HIGH))
                .isLessThan(medianMinutes(all, org.antifraud.cc.domain.RiskLevel.MEDIUM));
        assertThat(medianMinutes(all, org.antifraud.cc.domain.RiskLevel.MEDIUM))
                .isLessThan(medianMinutes(all, org.antifraud.cc.domain.RiskLevel.LOW));
        assertThat(all).filteredOn(w -> w.outcome() == org.antifraud.cc.domain.InstructionOutcome.PENDING)
                .isNotEmpty()
                .allMatch(w -> !w.issuedAt().isBefore(LocalDate.of(2022, 12, 30).atStartOfDay()));
        assertThat(all).allMatch(w -> w.contactedAt() == null || !w.contactedAt().isBefore(w.issuedAt()));
    }

    private static long medianMinutes(List<WarningInstruction> all, org.antifraud.cc.domain.RiskLevel risk) {
        long[] minutes = all.stream().filter(w -> w.riskLevel() == risk && w.contactedAt() != null)
                .mapToLong(WarningInstruction::contactMinutes).sorted().toArray();
        return minutes[minutes.length / 2];
    }

    @Test
    void provinceDaysOf2022AddUpToEveryReportedNationalFigure() {
        Map<String, Measurement> reported = ReportDataset.load().stream()
                .filter(m -> m.hasValue() && ScaleDemo.dailyIndicators().contains(m.indicatorCode()))
                .collect(Collectors.toMap(Measurement::indicatorCode, m -> m));
        assertThat(reported).hasSize(11);

        for (Measurement total : reported.values()) {
            String code = total.indicatorCode();
            if (total.note() != null && total.note().contains("November")) {
                assertThat(tally.sum(code, "2022-JanNov")).as(code).isEqualByComparingTo(total.value());
                assertThat(tally.sum(code, "2022")).as(code + " has December too").isGreaterThan(total.value());
            } else {
                assertThat(tally.sum(code, "2022")).as(code).isEqualByComparingTo(total.value());
            }
            assertThat(tally.campaigns.get(code)).as(code).isEqualTo(String.valueOf(total.campaignCode()));
        }
    }

    @Test
    void theChangesFrom2021To2022AreTheReportedOnes() {
        assertThat(change(tally.sum("suspects_arrested", "2022"), tally.sum("suspects_arrested", "2021")))
                .isEqualByComparingTo("64.4");
        assertThat(change(tally.sum("cases", "2022"), tally.sum("cases", "2021"))).isEqualByComparingTo("-17.3");
        assertThat(change(tally.sum("loss", "2022"), tally.sum("loss", "2021"))).isEqualByComparingTo("-1.3");
    }

    @Test
    void casesAreWellFormed() {
        assertThat(tally.badCases).isZero();
        assertThat(tally.types).hasSize(7);
        assertThat(tally.regions).hasSize(31);
        assertThat(tally.solved).isBetween(CASES / 5, CASES * 4 / 5);
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        assertThat(Tally.of(new ScaleDemo(CASES, SEED, ReportDataset.load())).digest()).isEqualTo(tally.digest());
        assertThat(Tally.of(new ScaleDemo(CASES, SEED + 1, ReportDataset.load())).digest()).isNotEqualTo(tally.digest());
    }

    @Test
    void aFewCasesStillWorkWithoutTheChange() {
        Tally few = Tally.of(new ScaleDemo(3, SEED, ReportDataset.load(), 2021, List.of("dens_destroyed")));

        assertThat(few.cases).isEqualTo(3);
        assertThat(few.badCases).isZero();
    }

    @Test
    void caseNumbersArePaddedToSevenDigits() {
        assertThat(ScaleDemo.caseNumber(2021, 123)).isEqualTo("DEMO-2021-0000123");
        assertThat(ScaleDemo.caseNumber(2022, 12_345_678)).isEqualTo("DEMO-2022-12345678");
    }

    static BigDecimal change(BigDecimal current, BigDecimal previous) {
        return current.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, 1, RoundingMode.HALF_UP);
    }

    /** Sums and a digest of what a generator emits, in the order it emits it. */
    static final class Tally implements ScaleDemo.Sink {
        private final MessageDigest digest;
        private final Map<String, BigDecimal> sums = new HashMap<>();
        final Map<String, String> campaigns = new HashMap<>();
        final Map<String, Long> types = new HashMap<>();
        final Map<String, Long> regions = new HashMap<>();
        final List<WarningInstruction> instructions = new ArrayList<>();
        static final java.util.Set<String> INSTRUCTION_COUNTS = java.util.Set.of("warning_instructions",
                "instructions_dissuaded", "funds_protected");
        long figures;
        long instructionFigures;
        long cases;
        long solved;
        long badCases;
        private UUID lastId;
        private String lastNumber = "";
        private String hex;

        private Tally() {
            digest = sha256();
        }

        static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        static Tally of(ScaleDemo demo) {
            Tally t = new Tally();
            demo.generate(t);
            return t;
        }

        @Override
        public void figures(List<Measurement> chunk) {
            for (Measurement m : chunk) {
                figures++;
                if (INSTRUCTION_COUNTS.contains(m.indicatorCode())) {
                    instructionFigures++;
                }
                update(line(m));
                LocalDate day = m.period().start();
                add(m.indicatorCode(), String.valueOf(day.getYear()), m.value());
                if (day.getYear() == 2022 && day.getMonthValue() <= 11) {
                    add(m.indicatorCode(), "2022-JanNov", m.value());
                }
                campaigns.put(m.indicatorCode(), String.valueOf(m.campaignCode()));
                if (m.basis() != Basis.SYNTHETIC_DEMO || !m.period().code().equals(day.toString())) {
                    throw new AssertionError("not a synthetic day figure: " + m);
                }
            }
        }

        @Override
        public void instructions(List<WarningInstruction> chunk) {
            instructions.addAll(chunk);
        }

        @Override
        public void cases(List<FraudCase> chunk) {
            for (FraudCase c : chunk) {
                cases++;
                update(line(c));
                String year = String.valueOf(c.registeredOn().getYear());
                add("cases", year, BigDecimal.ONE);
                add("loss", year, c.loss());
                types.merge(c.type().code(), 1L, Long::sum);
                regions.merge(c.regionCode(), 1L, Long::sum);
                solved += c.status().code().equals("solved") ? 1 : 0;
                boolean ok = c.basis() == Basis.SYNTHETIC_DEMO
                        && c.recovered().compareTo(c.loss()) <= 0 && c.loss().signum() >= 0 && c.loss().scale() == 2
                        && c.caseNumber().matches("DEMO-" + year + "-\\d{7}")
                        // ids and case numbers rise in the order of writing, so that inserts append
                        && (lastId == null || c.id().compareTo(lastId) > 0)
                        && (c.caseNumber().compareTo(lastNumber) > 0);
                badCases += ok ? 0 : 1;
                lastId = c.id();
                lastNumber = c.caseNumber();
            }
        }

        static String line(Measurement m) {
            return String.join("|", m.indicatorCode(), m.regionCode(), m.period().code(), String.valueOf(m.campaignCode()),
                    m.value().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        }

        static String line(FraudCase c) {
            return String.join("|", c.id().toString(), c.caseNumber(), c.registeredOn().toString(), c.regionCode(),
                    c.type().code(), c.loss().setScale(2, RoundingMode.UNNECESSARY).toPlainString(),
                    c.recovered().setScale(2, RoundingMode.UNNECESSARY).toPlainString(), c.status().code());
        }

        BigDecimal sum(String what, String period) {
            return sums.getOrDefault(what + "|" + period, BigDecimal.ZERO);
        }

        String digest() {
            if (hex == null) {
                hex = HexFormat.of().formatHex(digest.digest());
            }
            return hex;
        }

        private void add(String what, String period, BigDecimal value) {
            sums.merge(what + "|" + period, value, BigDecimal::add);
        }

        private void update(String line) {
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
