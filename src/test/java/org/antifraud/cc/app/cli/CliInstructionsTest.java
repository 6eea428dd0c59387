package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.in;
import static org.antifraud.cc.app.cli.CliRun.indicator;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.persistence.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 as a new user tries it: an instructions file of a few thousand rows in three provinces goes in whole, its
 * counted figures are what an independent count over the file gives (nation and each province), it comes back out
 * the same; a bad file is refused whole with every problem by line and column.
 */
@IntegrationTest
class CliInstructionsTest {
    private static final String HEADER = "id,issued_at,region,tier,risk_level,contacted_at,outcome,funds_protected";
    private static final String[] PROVINCES = {"CN-GD", "CN-ZJ", "CN-SC"};
    private static final String[] TIERS = {"national", "provincial", "local"};
    private static final String[] RISKS = {"high", "medium", "low"};
    private static final String[] OUTCOMES = {"pending", "dissuaded", "already_defrauded", "unreachable", "false_alarm"};

    @TempDir
    static Path tmp;
    static Path dataDir;
    static Path file;
    static final List<String[]> ROWS = new ArrayList<>();

    @BeforeAll
    static void importAFewThousand() throws Exception {
        Random random = new Random(17);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 3000; i++) {
            LocalDateTime issued = LocalDateTime.of(2022, 1, 1, 0, 0).plusMinutes(random.nextInt(365 * 24 * 60));
            String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
            boolean reached = outcome.equals("dissuaded") || outcome.equals("already_defrauded")
                    || (!outcome.equals("unreachable") && random.nextBoolean());
            String contacted = reached ? issued.plusMinutes(random.nextInt(3000)).toString() : "";
            String funds = outcome.equals("dissuaded") && random.nextBoolean()
                    ? random.nextInt(200_000) + "." + (10 + random.nextInt(90)) : "";
            String[] row = {UUID.randomUUID().toString(), issued.toString(), PROVINCES[random.nextInt(3)],
                    TIERS[random.nextInt(3)], RISKS[random.nextInt(3)], contacted, outcome, funds};
            ROWS.add(row);
            csv.append(String.join(",", row)).append('\n');
        }
        dataDir = tmp.resolve("cc");
        file = Files.writeString(tmp.resolve("instructions.csv"), csv);
        CliRun run = in(dataDir, "import", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("imported 3000 rows (3000 new, 0 updated, 0 unchanged)");
    }

    /** What the file says, counted apart from the application: the three counted figures of a region (null: all). */
    private static BigDecimal[] counted(String region) {
        BigDecimal instructions = BigDecimal.ZERO;
        BigDecimal dissuaded = BigDecimal.ZERO;
        BigDecimal funds = BigDecimal.ZERO;
        for (String[] r : ROWS) {
            if (region != null && !r[2].equals(region)) {
                continue;
            }
            instructions = instructions.add(BigDecimal.ONE);
            if (r[6].equals("dissuaded")) {
                dissuaded = dissuaded.add(BigDecimal.ONE);
            }
            if (!r[7].isEmpty()) {
                funds = funds.add(new BigDecimal(r[7]));
            }
        }
        return new BigDecimal[] {instructions, dissuaded, funds};
    }

    private static void assertFigures(JsonNode report, BigDecimal[] expected) {
        String[] codes = {"warning_instructions", "instructions_dissuaded", "funds_protected"};
        for (int i = 0; i < codes.length; i++) {
            JsonNode figure = indicator(report, codes[i]);
            assertThat(figure.get("value").decimalValue()).as(codes[i]).isEqualByComparingTo(expected[i]);
            assertThat(figure.get("basis").asText()).as(codes[i]).isEqualTo("computed");
        }
    }

    @Test
    void theCountedFiguresAreWhatTheFileHoldsForTheNationAndEachProvince() {
        assertFigures(CliRun.stats(dataDir, "2022", "CN"), counted(null));
        for (String province : PROVINCES) {
            assertFigures(CliRun.stats(dataDir, "2022", province), counted(province));
        }
        // the report's 200 million national instructions stay its own figure, never added to the records
        JsonNode nation = CliRun.stats(dataDir, "2022", "CN");
        assertThat(indicator(nation, "warning_instructions_issued").get("basis").asText()).isEqualTo("reported");
        assertThat(indicator(nation, "warning_instructions_issued").get("value").decimalValue())
                .isEqualByComparingTo("200000000");
    }

    @Test
    void explainingARateListsTheInstructionsWithAnOutcomeAndSaysWhatTheyAreToIt() {
        String province = PROVINCES[0];
        long decided = ROWS.stream().filter(r -> r[2].equals(province) && !r[6].equals("pending")).count();
        CliRun run = in(dataDir, "explain", "--indicator", "dissuasion_rate_pct", "--period", "2022", "--region",
                province, "--limit", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("records: " + decided + " (the first 3 shown")
                .contains("The instructions with an outcome (the rate's denominator)");
    }

    @Test
    void anExportOfTheInstructionsIsTheFileItCameFromInTheOrderOfIssue() throws Exception {
        Path out = tmp.resolve("out.csv");
        CliRun export = in(dataDir, "export", "--type", "instructions", "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).isEqualTo(HEADER);
        assertThat(lines).hasSize(3001);
        List<String> expected = ROWS.stream().sorted((a, b) -> a[1].equals(b[1])
                        ? (a[2].equals(b[2]) ? UUID.fromString(a[0]).compareTo(UUID.fromString(b[0])) : a[2].compareTo(b[2]))
                        : a[1].compareTo(b[1]))
                .map(r -> String.join(",", r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                        r[7].isEmpty() ? "" : new BigDecimal(r[7]).toPlainString()))
                .toList();
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(expected);
        assertThat(in(dataDir, "audit", "verify").exitCode()).isZero();
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryProblemByLineAndColumn() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.csv"), HEADER + "\n"
                + UUID.randomUUID() + ",2022-03-01T10:00,CN-GD,national,high,2022-03-01T11:00,dissuaded,\n"
                + UUID.randomUUID() + ",2022-03-01T10:00,CN-GD,national,high,2022-03-01T09:00,dissuaded,\n"
                + UUID.randomUUID() + ",2022-03-01T10:00,CN-GD,county,high,,pending,\n"
                + UUID.randomUUID() + ",2022-03-01T10:00,CN-GD,local,low,,dissuaded,\n");
        long before = count("SELECT COUNT(*) FROM warning_instruction");

        CliRun run = in(dataDir, "import", bad.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(bad + ":3: contacted_at: contact 2022-03-01T09:00 comes before",
                bad + ":4: tier: unknown tier: county", bad + ":5: contacted_at: outcome dissuaded needs the time",
                "nothing imported");
        assertThat(count("SELECT COUNT(*) FROM warning_instruction")).isEqualTo(before);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = Database.connect(dataDir, null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The six figures over the file's rows of {@code region} (null: all), {@code tier} and {@code risk} (null: every
     * one), with the time limits {@code limits} (high, medium, low) and everything issued long before now.
     */
    private static java.util.Map<String, BigDecimal> six(String region, String tier, String risk, int[] limits) {
        long n = 0;
        long dissuaded = 0;
        long decided = 0;
        long breaches = 0;
        BigDecimal funds = null;
        List<Long> minutes = new ArrayList<>();
        for (String[] r : ROWS) {
            if ((region != null && !r[2].equals(region)) || (tier != null && !r[3].equals(tier))
                    || (risk != null && !r[4].equals(risk))) {
                continue;
            }
            n++;
            dissuaded += r[6].equals("dissuaded") ? 1 : 0;
            decided += r[6].equals("pending") ? 0 : 1;
            int limit = limits[List.of(RISKS).indexOf(r[4])];
            if (!r[5].isEmpty()) {
                long m = java.time.Duration.between(LocalDateTime.parse(r[1]), LocalDateTime.parse(r[5])).toMinutes();
                minutes.add(m);
                breaches += m > limit ? 1 : 0;
            } else if (r[6].equals("pending")) {
                breaches++; // issued in 2022: its limit passed long ago
            }
            if (!r[7].isEmpty()) {
                funds = funds == null ? new BigDecimal(r[7]) : funds.add(new BigDecimal(r[7]));
            }
        }
        java.util.Map<String, BigDecimal> six = new java.util.HashMap<>();
        six.put("warning_instructions", BigDecimal.valueOf(n));
        six.put("instructions_dissuaded", BigDecimal.valueOf(dissuaded));
        six.put("dissuasion_rate_pct", decided == 0 ? null : BigDecimal.valueOf(100.0 * dissuaded / decided)
                .setScale(1, java.math.RoundingMode.HALF_UP));
        minutes.sort(null);
        double pos = (minutes.size() - 1) / 2.0;
        six.put("contact_minutes_median", minutes.isEmpty() ? null : BigDecimal.valueOf(
                minutes.get((int) Math.floor(pos)) + (minutes.get((int) Math.ceil(pos))
                        - minutes.get((int) Math.floor(pos))) * (pos - Math.floor(pos)))
                .setScale(1, java.math.RoundingMode.HALF_UP));
        six.put("sla_breaches", BigDecimal.valueOf(breaches));
        six.put("funds_protected", funds);
        return six;
    }

    private static void assertSix(String region, String tier, String risk, int[] limits) {
        List<String> args = new ArrayList<>(List.of("stats", "--period", "2022", "--region", region == null ? "CN" : region,
                "--format", "json"));
        if (tier != null) {
            args.addAll(List.of("--tier", tier));
        }
        if (risk != null) {
            args.addAll(List.of("--risk", risk));
        }
        CliRun run = in(dataDir, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        java.util.Map<String, BigDecimal> expected = six(region, tier, risk, limits);
        for (var e : expected.entrySet()) {
            JsonNode figure = indicator(run.json(), e.getKey());
            String what = e.getKey() + " " + region + " " + tier + " " + risk;
            if (e.getValue() == null) {
                assertThat(figure.get("value").isNull()).as(what).isTrue();
            } else {
                assertThat(figure.get("value").decimalValue()).as(what).isEqualByComparingTo(e.getValue());
                assertThat(figure.get("basis").asText()).as(what).isEqualTo("computed");
            }
        }
        if (tier != null || risk != null) {
            assertThat(CliRun.codes(run.json())).as("a cut reports the six alone").containsExactly(
                    "warning_instructions", "instructions_dissuaded", "dissuasion_rate_pct", "contact_minutes_median",
                    "sla_breaches", "funds_protected");
        }
    }

    @Test
    void theSixFiguresAndTheirCutsByTierAndRiskAreWhatAnIndependentCountOfTheFileGives() throws Exception {
        int[] defaults = {30, 120, 1440};
        assertSix(null, null, null, defaults);
        assertSix("CN-GD", null, null, defaults);
        assertSix(null, "national", null, defaults);
        assertSix("CN-SC", null, "high", defaults);
        assertSix(null, "local", "low", defaults);
        // nothing is submitted: the counts are lower bounds ("at least"), a rate or a median over the records so far is
        // not one and is shown as it is
        String table = in(dataDir, "stats", "--period", "2022", "--indicator",
                "warning_instructions,dissuasion_rate_pct,contact_minutes_median").out();
        assertThat(table).containsPattern("warning_instructions\\s+\\S.*>=3000")
                .doesNotContainPattern("dissuasion_rate_pct\\s+\\S.*>=").doesNotContainPattern("contact_minutes_median.*>=");
        // the median is the database's own percentile_cont(0.5), computed apart in SQL
        try (Connection c = Database.connect(dataDir, null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY"
                     + " DATEDIFF('MINUTE', issued_at, contacted_at)) FROM warning_instruction"
                     + " WHERE contacted_at IS NOT NULL AND region_code = 'CN-GD'")) {
            rs.next();
            BigDecimal sql = rs.getBigDecimal(1).setScale(1, java.math.RoundingMode.HALF_UP);
            assertThat(indicator(CliRun.stats(dataDir, "2022", "CN-GD"), "contact_minutes_median").get("value")
                    .decimalValue()).isEqualByComparingTo(sql);
        }
    }

    @Test
    void aTimeLimitSetIsTheOneBreachesAreCountedByAndBadOnesAreRefusedInOneLine() {
        CliRun set = in(dataDir, "sla", "set", "high", "45");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("high 45 min, medium 120 min, low 1440 min");
        assertThat(in(dataDir, "sla", "show").out()).contains("high 45 min");
        try {
            assertSix(null, null, "high", new int[] {45, 120, 1440});
            for (String[] bad : new String[][] {{"urgent", "5"}, {"high", "0"}, {"low", "10081"}, {"medium", "1.5"}}) {
                CliRun run = in(dataDir, "sla", "set", bad[0], bad[1]);
                assertThat(run.exitCode()).as(String.join(" ", bad)).isEqualTo(ExitCodes.BAD_INPUT);
                assertThat(run.err().strip()).doesNotContain("\n").contains(bad[0].equals("urgent") ? "urgent" : bad[1]);
            }
            assertThat(in(dataDir, "sla", "show").out()).contains("high 45 min");
            CliRun notCut = in(dataDir, "stats", "--period", "2022", "--tier", "national", "--indicator",
                    "cases_registered");
            assertThat(notCut.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(notCut.err()).contains("cases_registered has no tier or risk level");
            assertThat(in(dataDir, "stats", "--period", "2022", "--risk", "urgent").exitCode())
                    .isEqualTo(ExitCodes.BAD_INPUT);
        } finally {
            assertThat(in(dataDir, "sla", "set", "high", "30").exitCode()).isZero();
        }
    }
}
