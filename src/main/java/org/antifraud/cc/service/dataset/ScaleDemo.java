package org.antifraud.cc.service.dataset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.service.figures.AggregationRule;

/**
 * A synthetic dataset at scale: {@code caseCount} fraud cases and daily province figures for the
 * indicators that are daily quantities, 2018–2022, every row {@code synthetic-demo}. Deterministic for
 * a seed (SplittableRandom, StrictMath, a fixed order of draws).
 * <p>
 * Calibrated so that it never contradicts the report: for CN 2022 the province×day figures add up to
 * every reported absolute value exactly (Jan–Nov for the two figures reported "as of the end of
 * November"), and the year-on-year changes computed from the demo, rounded half-up to one decimal as
 * the aggregation rule rounds them, are the reported ones for suspects arrested, cases registered (the
 * number of cases) and property loss (the sum of their losses).
 */
public final class ScaleDemo {
    public static final long DEFAULT_SEED = 20221230L;
    public static final int FIRST_YEAR = 2018;
    public static final int LAST_YEAR = 2022;
    static final String NOTE = "synthetic scale demo";
    static final String CASE_NUMBER_PREFIX = "DEMO-";
    /** version 8 (custom) UUIDs: a fixed high half, the insertion sequence in the low half. */
    static final long ID_HIGH = 0xDE30_0000_0000_8000L;
    private static final long ID_VARIANT = 0x8000_0000_0000_0000L;
    private static final int CHUNK = 10_000;
    private static final long SEQUENCE_BITS = ~(0xC000_0000_0000_0000L);

    /** The reported year-on-year changes the demo is calibrated to. */
    static final String SUSPECTS = "suspects_arrested";
    static final String CASES_REGISTERED = "cases_registered";
    static final String PROPERTY_LOSS = "property_loss";

    /** Indicators the report does not quantify: a plausible national scale for 2021 (invented). */
    private static final Map<String, Long> UNREPORTED_SCALE_2021 = Map.of(
            "persons_dissuaded", 12_600_000L,
            "funds_intercepted", 328_000_000_000L);
    private static final long SUSPECTS_2021 = 690_000L;

    /**
     * The daily indicators, in generation order, with their day profile. cluster_battles, short_videos and
     * video_views are not daily quantities (a battle spans weeks, a video's views accrue for months), so
     * none is generated for them.
     */
    private static final List<Daily> DAILY = List.of(
            new Daily(SUSPECTS, Profile.POLICE),
            new Daily("ringleaders_arrested", Profile.POLICE),
            new Daily("dens_destroyed", Profile.POLICE),
            new Daily("warning_instructions_issued", Profile.SYSTEM),
            new Daily("warnings_local", Profile.SYSTEM),
            new Daily("sms_12381_warnings", Profile.SYSTEM),
            new Daily("app_warnings", Profile.SYSTEM),
            new Daily("persons_dissuaded", Profile.POLICE),
            new Daily("funds_intercepted", Profile.SYSTEM),
            new Daily("phone_cards_disposed", Profile.SYSTEM),
            new Daily("calls_intercepted", Profile.SYSTEM),
            new Daily("sms_intercepted", Profile.SYSTEM),
            new Daily("publicity_sessions", Profile.PUBLICITY),
            new Daily("publicity_sms", Profile.PUBLICITY));

    /** National size of each year relative to 2022 (before jitter): the work grew year by year. */
    private static final double[] GROWTH = {0.32, 0.46, 0.63, 0.81, 1.0};
    /** Relative number of registered cases per year: rising to 2021, then down 17.3 %. */
    private static final double[] CASE_SHARE = {0.62, 0.80, 0.97, 1.0, 0.827};
    /** Probability that a case registered in the year is solved by now. */
    private static final double[] SOLVED = {0.64, 0.60, 0.55, 0.47, 0.34};
    /** Spring Festival (lunar new year's day) of each year: fewer cases registered, less police work. */
    private static final LocalDate[] SPRING_FESTIVAL = {LocalDate.of(2018, 2, 16), LocalDate.of(2019, 2, 5),
            LocalDate.of(2020, 1, 25), LocalDate.of(2021, 2, 12), LocalDate.of(2022, 2, 1)};

    private static final FraudType[] TYPES = FraudType.values();
    /** Share of each fraud type in 2018 (order of {@link FraudType}) and its drift per year. */
    private static final double[] TYPE_SHARE = {0.30, 0.12, 0.16, 0.12, 0.08, 0.07, 0.15};
    private static final double[] TYPE_DRIFT = {-0.10, 0.18, -0.02, 0.03, 0.0, 0.06, -0.03};
    /** Median loss of a case in CNY, by type. */
    private static final double[] MEDIAN_LOSS = {4_800, 52_000, 7_500, 14_000, 38_000, 45_000, 5_500};
    private static final double LOSS_SIGMA = 1.15;
    private static final double MAX_LOSS = 30_000_000;

    private final long caseCount;
    private final long seed;
    private final List<String> provinces;
    private final double[] provinceWeight;
    private final Map<String, Measurement> reported;
    private final int firstYear;
    private final List<Daily> daily;
    private final LocalDate firstDay;
    private final int dayCount;
    private final Period[] dayPeriods;

    /**
     * Where the generated rows go, in chunks, in a fixed order: all daily figures, then the cases by day, then the
     * warning instructions by day and the daily figures counted from them.
     */
    public interface Sink {
        void figures(List<Measurement> chunk);

        void cases(List<FraudCase> chunk);

        void instructions(List<WarningInstruction> chunk);
    }

    private enum Profile { POLICE, SYSTEM, PUBLICITY, CASES }

    private record Daily(String indicator, Profile profile) {
    }

    /**
     * @param caseCount how many fraud cases (≥ 1)
     * @param report    the report's figures (the calibration targets), as {@link ReportDataset#load()} gives them
     */
    public ScaleDemo(long caseCount, long seed, List<Measurement> report) {
        this(caseCount, seed, report, FIRST_YEAR, dailyIndicators());
    }

    /** A smaller demo for tests: from {@code firstYear} (2021 at the latest) and only some daily indicators. */
    ScaleDemo(long caseCount, long seed, List<Measurement> report, int firstYear, List<String> dailyIndicators) {
        if (firstYear < FIRST_YEAR || firstYear > LAST_YEAR - 1) {
            throw new IllegalArgumentException("first year " + firstYear + " outside " + FIRST_YEAR + "-" + (LAST_YEAR - 1));
        }
        this.firstYear = firstYear;
        this.daily = DAILY.stream().filter(d -> dailyIndicators.contains(d.indicator())).toList();
        this.firstDay = LocalDate.of(firstYear, 1, 1);
        this.dayCount = (int) ChronoUnit.DAYS.between(firstDay, LocalDate.of(LAST_YEAR + 1, 1, 1));
        if (caseCount < 1) {
            throw new IllegalArgumentException("at least one case: " + caseCount);
        }
        this.caseCount = caseCount;
        this.seed = seed;
        Map<String, Integer> weights = DemoBreakdown.loadWeights();
        this.provinces = List.copyOf(weights.keySet());
        this.provinceWeight = weights.values().stream().mapToDouble(Integer::doubleValue).toArray();
        this.reported = new HashMap<>();
        for (Measurement m : report) {
            if ("CN".equals(m.regionCode()) && m.period().code().equals(String.valueOf(LAST_YEAR))) {
                reported.put(m.indicatorCode(), m);
            }
        }
        this.dayPeriods = new Period[dayCount];
        for (int d = 0; d < dayCount; d++) {
            dayPeriods[d] = Period.day(firstDay.plusDays(d));
        }
    }

    public long caseCount() {
        return caseCount;
    }

    public long seed() {
        return seed;
    }

    /** The first day that gets a figure or a case. */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** The last day that gets a figure or a case. */
    public LocalDate lastDay() {
        return LocalDate.of(LAST_YEAR, 12, 31);
    }

    /**
     * How many daily figures {@link #generate} writes: every daily indicator, province and day, and the instructions'
     * counts (instructions, dissuaded, funds protected) at most once per province and day.
     */
    public long dailyFigureCount() {
        return (long) daily.size() * provinces.size() * dayCount;
    }

    /** How many warning instructions {@link #generate} writes: one for every two cases. */
    public long instructionCount() {
        return caseCount / 2;
    }

    /** Every raw row, about: cases, daily figures, instructions (not the instructions' daily counts). */
    public long rowCount() {
        return caseCount + dailyFigureCount() + instructionCount();
    }

    /** The indicators with daily figures, in generation order. */
    public static List<String> dailyIndicators() {
        return DAILY.stream().map(Daily::indicator).toList();
    }

    /** Generates everything into {@code sink}. Same seed, same rows in the same order. */
    public void generate(Sink sink) {
        SplittableRandom master = new SplittableRandom(seed);
        for (Daily d : daily) {
            generateDaily(d, master.split(), sink);
        }
        generateCases(master.split(), sink);
        generateInstructions(master.split(), sink);
    }

    // ---------------------------------------------------------------- daily figures

    private void generateDaily(Daily daily, SplittableRandom random, Sink sink) {
        int years = LAST_YEAR - firstYear + 1;
        int p = provinces.size();
        double[] provinceFactor = new double[p];
        for (int i = 0; i < p; i++) {
            provinceFactor[i] = provinceWeight[i] * (0.7 + 0.6 * random.nextDouble());
        }
        // weights of every province×day cell, day-major within a year
        double[] weight = new double[dayCount * p];
        for (int d = 0; d < dayCount; d++) {
            double dayFactor = dayFactor(daily.profile(), firstDay.plusDays(d));
            for (int i = 0; i < p; i++) {
                weight[d * p + i] = provinceFactor[i] * dayFactor * (0.75 + 0.5 * random.nextDouble());
            }
        }
        long[] totals = yearTotals(daily.indicator(), random);
        long[] parts = new long[weight.length];
        Measurement target = reported.get(daily.indicator());
        boolean novemberCut = target != null && target.note() != null && target.note().contains("November");
        for (int y = 0; y < years; y++) {
            int year = firstYear + y;
            int from = dayIndex(LocalDate.of(year, 1, 1)) * p;
            int to = dayIndex(LocalDate.of(year + 1, 1, 1)) * p;
            long total = totals[year - FIRST_YEAR];
            if (novemberCut && year == LAST_YEAR) {
                // the report counts to the end of November: Jan–Nov adds up to it, December follows the pattern
                int december = dayIndex(LocalDate.of(LAST_YEAR, 12, 1)) * p;
                long janToNov = total;
                long december2022 = Math.round(janToNov * sum(weight, december, to) / sum(weight, from, december));
                apportion(janToNov, weight, from, december, parts);
                apportion(december2022, weight, december, to, parts);
            } else {
                apportion(total, weight, from, to, parts);
            }
        }
        String campaign = target == null ? null : target.campaignCode();
        List<Measurement> chunk = new ArrayList<>(CHUNK);
        // province-major: the order of the measurement indexes, so that inserts append
        for (int i = 0; i < p; i++) {
            String region = provinces.get(i);
            for (int d = 0; d < dayCount; d++) {
                chunk.add(new Measurement(daily.indicator(), region, dayPeriods[d], campaign,
                        BigDecimal.valueOf(parts[d * p + i]), null, Basis.SYNTHETIC_DEMO, null, null, NOTE));
                if (chunk.size() == CHUNK) {
                    sink.figures(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
        }
        if (!chunk.isEmpty()) {
            sink.figures(chunk);
        }
    }

    /** National totals of 2018–2022 (2022 last; for a figure reported as of November, 2022 is Jan–Nov). */
    private long[] yearTotals(String indicator, SplittableRandom random) {
        int years = GROWTH.length;
        long[] totals = new long[years];
        Measurement target = reported.get(indicator);
        if (SUSPECTS.equals(indicator)) {
            long base = Math.round(SUSPECTS_2021 * (0.9 + 0.2 * random.nextDouble()));
            long[] pair = calibratedPair(base, reportedChange(SUSPECTS));
            totals[years - 2] = pair[0];
            totals[years - 1] = pair[1];
            for (int y = 0; y < years - 2; y++) {
                totals[y] = Math.round(pair[0] * GROWTH[y] / GROWTH[years - 2] * jitter(random));
            }
            return totals;
        }
        long last;
        if (target != null && target.hasValue()) {
            last = target.value().longValueExact();
        } else {
            long scale2021 = UNREPORTED_SCALE_2021.get(indicator);
            last = Math.round(scale2021 * (1.08 + 0.25 * random.nextDouble()));
        }
        totals[years - 1] = last;
        // a figure counted to the end of November stands for 334 of the year's 365 days
        double fullYear = target != null && target.note() != null && target.note().contains("November")
                ? last * 365.0 / 334 : last;
        for (int y = 0; y < years - 1; y++) {
            totals[y] = Math.round(fullYear * GROWTH[y] * jitter(random));
        }
        return totals;
    }

    private static double jitter(SplittableRandom random) {
        return 0.94 + 0.12 * random.nextDouble();
    }

    // ---------------------------------------------------------------- cases

    private void generateCases(SplittableRandom random, Sink sink) {
        int p = provinces.size();
        double[] provinceFactor = new double[p];
        for (int i = 0; i < p; i++) {
            provinceFactor[i] = provinceWeight[i] * (0.6 + 0.8 * random.nextDouble());
        }
        long[] perYear = casesPerYear();
        long sequence = 0;
        long lossLastYear = 0;
        BigDecimal lossChange = reportedChange(PROPERTY_LOSS);
        for (int y = 0; y < perYear.length; y++) {
            int year = firstYear + y;
            int table = year - FIRST_YEAR;
            SplittableRandom yearRandom = random.split();
            int first = dayIndex(LocalDate.of(year, 1, 1));
            int days = dayIndex(LocalDate.of(year + 1, 1, 1)) - first;
            double[] weight = new double[days * p];
            for (int d = 0; d < days; d++) {
                double dayFactor = dayFactor(Profile.CASES, firstDay.plusDays(first + d));
                for (int i = 0; i < p; i++) {
                    weight[d * p + i] = provinceFactor[i] * dayFactor * (0.8 + 0.4 * yearRandom.nextDouble());
                }
            }
            long[] perCell = new long[weight.length];
            apportion(perYear[y], weight, 0, weight.length, perCell);
            int n = Math.toIntExact(perYear[y]);
            // a year at a time: its losses are known before they are written, so 2022 can be calibrated
            int[] cell = new int[n];
            byte[] type = new byte[n];
            long[] loss = new long[n];
            float[] recoveredShare = new float[n];
            boolean[] solved = new boolean[n];
            double[] typeCumulative = typeCumulative(table);
            int k = 0;
            for (int c = 0; c < perCell.length; c++) {
                for (long j = 0; j < perCell[c]; j++, k++) {
                    cell[k] = c;
                    int t = pick(typeCumulative, yearRandom.nextDouble());
                    type[k] = (byte) t;
                    loss[k] = lossInCents(t, yearRandom);
                    solved[k] = yearRandom.nextDouble() < SOLVED[table] * (t == FraudType.ORDER_BRUSHING.ordinal() ? 1.1 : 1.0);
                    double recoverChance = solved[k] ? 0.55 : 0.12;
                    recoveredShare[k] = yearRandom.nextDouble() < recoverChance
                            ? (float) (yearRandom.nextDouble() * yearRandom.nextDouble()) : 0f;
                }
            }
            long lossThisYear = sum(loss);
            if (year == LAST_YEAR && lossLastYear > 0 && lossThisYear > 0) {
                long target = calibratedPair(lossLastYear, lossChange)[1];
                rescale(loss, target);
                lossThisYear = target;
            }
            lossLastYear = lossThisYear;
            List<FraudCase> chunk = new ArrayList<>(CHUNK);
            for (int i = 0; i < n; i++) {
                sequence++;
                int c = cell[i];
                long recovered = (long) Math.floor(loss[i] * (double) recoveredShare[i]);
                chunk.add(new FraudCase(caseId(sequence), caseNumber(year, i + 1),
                        dayPeriods[first + c / p].start(), provinces.get(c % p), TYPES[type[i]],
                        BigDecimal.valueOf(loss[i], 2), BigDecimal.valueOf(Math.min(recovered, loss[i]), 2),
                        solved[i] ? CaseStatus.SOLVED : CaseStatus.OPEN, Basis.SYNTHETIC_DEMO));
                if (chunk.size() == CHUNK) {
                    sink.cases(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            if (!chunk.isEmpty()) {
                sink.cases(chunk);
            }
        }
    }

    /** The id of the demo case generated {@code sequence}-th (from 1). */
    static UUID caseId(long sequence) {
        return new UUID(ID_HIGH, ID_VARIANT | sequence);
    }

    /** The place in the generation order of a demo case, from its id. */
    static long sequenceOf(FraudCase c) {
        return c.id().getLeastSignificantBits() & SEQUENCE_BITS;
    }

    /** Cases per year: shares of {@link #CASE_SHARE}, 2022 against 2021 calibrated to the reported change. */
    long[] casesPerYear() {
        double[] share = Arrays.copyOfRange(CASE_SHARE, firstYear - FIRST_YEAR, CASE_SHARE.length);
        int years = share.length;
        long[] perYear = new long[years];
        BigDecimal change = reportedChange(CASES_REGISTERED);
        long[] pair = years == 2 ? splitInTwo(caseCount, change)
                : calibratedPair(Math.max(1, Math.round(caseCount * share[years - 2] / sum(share, 0, years))), change);
        if (pair == null || pair[0] + pair[1] > caseCount) {
            // too few cases to show the change: spread them by share alone
            apportion(caseCount, share, 0, years, perYear);
            return perYear;
        }
        perYear[years - 2] = pair[0];
        perYear[years - 1] = pair[1];
        apportion(caseCount - pair[0] - pair[1], share, 0, years - 2, perYear);
        return perYear;
    }

    /** All cases in 2021 and 2022 with the reported change between them, or null if none fits. */
    private static long[] splitInTwo(long cases, BigDecimal change) {
        long first = Math.round(cases / (2 + change.doubleValue() / 100));
        for (long delta = 0; delta <= cases; delta++) {
            for (long previous : new long[]{first + delta, first - delta}) {
                if (previous > 0 && previous < cases && change(cases - previous, previous).compareTo(change) == 0) {
                    return new long[]{previous, cases - previous};
                }
            }
        }
        return null;
    }

    /** A log-normal loss by type (StrictMath Box–Muller), a few cases without loss, in cents. */
    private static long lossInCents(int type, SplittableRandom random) {
        if (random.nextDouble() < 0.03) {
            return 0;
        }
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double z = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
        double cny = Math.min(MAX_LOSS, MEDIAN_LOSS[type] * StrictMath.exp(LOSS_SIGMA * z));
        return Math.max(1, Math.round(cny * 100));
    }

    // ---------------------------------------------------------------- warning instructions (issue 17)

    /** Tiers in the report's proportion: 200 million national to 100 million local, a few provincial ones between. */
    private static final double[] TIER_CUMULATIVE = {0.60, 0.72, 1.0};
    private static final InstructionTier[] TIER = {InstructionTier.NATIONAL, InstructionTier.PROVINCIAL,
            InstructionTier.LOCAL};
    private static final double[] RISK_CUMULATIVE = {0.18, 0.52, 1.0};
    private static final RiskLevel[] RISK = {RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW};
    /** Median minutes to a contact by risk level (high, medium, low): the riskier, the faster. */
    private static final double[] CONTACT_MEDIAN = {11, 48, 260};
    private static final double CONTACT_SIGMA = 0.95;
    /** Share of the instructions whose person is reached at all, by risk level. */
    private static final double[] REACHED = {0.95, 0.91, 0.86};
    /** Instructions issued in the last two days of the data may still be pending. */
    private static final int PENDING_DAYS = 2;

    /**
     * One warning instruction for every two cases, by year as the work grew, by province and day as the warning
     * systems work: tiers, risk levels, log-normal times to a contact (faster for higher risk), outcomes (most of
     * those reached dissuaded, some already defrauded or a false alarm; most of those never reached unreachable), money
     * protected for some of the dissuaded; those of the last two days partly still pending. Then their daily counts
     * per province, as demo figures, so that they roll up like every other demo figure.
     */
    private void generateInstructions(SplittableRandom random, Sink sink) {
        long total = instructionCount();
        int p = provinces.size();
        double[] weight = new double[dayCount * p];
        double[] provinceFactor = new double[p];
        for (int i = 0; i < p; i++) {
            provinceFactor[i] = provinceWeight[i] * (0.6 + 0.8 * random.nextDouble());
        }
        for (int d = 0; d < dayCount; d++) {
            LocalDate day = firstDay.plusDays(d);
            double yearFactor = GROWTH[day.getYear() - FIRST_YEAR];
            double dayFactor = dayFactor(Profile.SYSTEM, day);
            for (int i = 0; i < p; i++) {
                weight[d * p + i] = yearFactor * provinceFactor[i] * dayFactor * (0.8 + 0.4 * random.nextDouble());
            }
        }
        long[] perCell = new long[weight.length];
        apportion(total, weight, 0, weight.length, perCell);
        long[] issued = new long[weight.length];
        long[] dissuaded = new long[weight.length];
        long[] fundsCents = new long[weight.length];
        boolean[] anyFunds = new boolean[weight.length];
        LocalDateTime end = lastDay().plusDays(1).atStartOfDay();
        double[] typeCumulative = typeCumulative(LAST_YEAR - FIRST_YEAR);
        List<WarningInstruction> chunk = new ArrayList<>(CHUNK);
        long sequence = 0;
        for (int c = 0; c < perCell.length; c++) {
            LocalDateTime dayStart = dayPeriods[c / p].start().atStartOfDay();
            String region = provinces.get(c % p);
            for (long j = 0; j < perCell[c]; j++) {
                // busier by day: two thirds between 08:00 and 22:00
                int minute = random.nextDouble() < 0.67 ? 480 + random.nextInt(840) : random.nextInt(1440);
                LocalDateTime at = dayStart.plusMinutes(minute);
                InstructionTier tier = TIER[pick(TIER_CUMULATIVE, random.nextDouble())];
                int r = pick(RISK_CUMULATIVE, random.nextDouble());
                boolean recent = !at.isBefore(end.minusDays(PENDING_DAYS));
                LocalDateTime contacted = null;
                InstructionOutcome outcome;
                if (random.nextDouble() < REACHED[r]) {
                    long minutes = contactMinutes(r, random);
                    contacted = at.plusMinutes(minutes);
                    double u = random.nextDouble();
                    outcome = recent && contacted.isAfter(end.minusHours(6)) && u < 0.5 ? InstructionOutcome.PENDING
                            : u < 0.79 ? InstructionOutcome.DISSUADED
                            : u < 0.87 ? InstructionOutcome.ALREADY_DEFRAUDED : InstructionOutcome.FALSE_ALARM;
                } else {
                    double u = random.nextDouble();
                    outcome = recent && u < 0.6 ? InstructionOutcome.PENDING
                            : u < 0.82 ? InstructionOutcome.UNREACHABLE : InstructionOutcome.FALSE_ALARM;
                }
                BigDecimal funds = null;
                if (outcome == InstructionOutcome.DISSUADED && random.nextDouble() < 0.45) {
                    long cents = lossInCents(pick(typeCumulative, random.nextDouble()), random);
                    funds = BigDecimal.valueOf(cents, 2);
                    fundsCents[c] += cents;
                    anyFunds[c] = true;
                }
                issued[c]++;
                if (outcome == InstructionOutcome.DISSUADED) {
                    dissuaded[c]++;
                }
                sequence++;
                chunk.add(new WarningInstruction(new UUID(ID_HIGH + 1, ID_VARIANT | sequence), at, region, tier,
                        RISK[r], contacted, outcome, funds));
                if (chunk.size() == CHUNK) {
                    sink.instructions(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
        }
        if (!chunk.isEmpty()) {
            sink.instructions(chunk);
        }
        // their daily counts, province-major as the other daily figures
        List<Measurement> figures = new ArrayList<>(CHUNK);
        for (int i = 0; i < p; i++) {
            for (int d = 0; d < dayCount; d++) {
                int c = d * p + i;
                if (issued[c] == 0) {
                    continue;
                }
                figures.add(demoFigure(INSTRUCTION_COUNT, provinces.get(i), d, BigDecimal.valueOf(issued[c])));
                figures.add(demoFigure(INSTRUCTION_DISSUADED, provinces.get(i), d, BigDecimal.valueOf(dissuaded[c])));
                if (anyFunds[c]) {
                    figures.add(demoFigure(INSTRUCTION_FUNDS, provinces.get(i), d, BigDecimal.valueOf(fundsCents[c], 2)));
                }
                if (figures.size() >= CHUNK) {
                    sink.figures(figures);
                    figures = new ArrayList<>(CHUNK);
                }
            }
        }
        if (!figures.isEmpty()) {
            sink.figures(figures);
        }
    }

    static final String INSTRUCTION_COUNT = "warning_instructions";
    static final String INSTRUCTION_DISSUADED = "instructions_dissuaded";
    static final String INSTRUCTION_FUNDS = "funds_protected";

    private Measurement demoFigure(String indicator, String region, int day, BigDecimal value) {
        return new Measurement(indicator, region, dayPeriods[day], null, value, null, Basis.SYNTHETIC_DEMO, null, null,
                NOTE);
    }

    /** Log-normal minutes to a contact for risk level {@code r} (StrictMath Box–Muller), at most a week. */
    private static long contactMinutes(int r, SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double z = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
        return Math.min(7 * 1440, Math.max(1, Math.round(CONTACT_MEDIAN[r] * StrictMath.exp(CONTACT_SIGMA * z))));
    }

    private static double[] typeCumulative(int yearOffset) {
        double[] cumulative = new double[TYPES.length];
        double total = 0;
        for (int t = 0; t < TYPES.length; t++) {
            total += TYPE_SHARE[t] * Math.max(0.05, 1 + TYPE_DRIFT[t] * yearOffset);
            cumulative[t] = total;
        }
        for (int t = 0; t < TYPES.length; t++) {
            cumulative[t] /= total;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double u) {
        for (int t = 0; t < cumulative.length - 1; t++) {
            if (u < cumulative[t]) {
                return t;
            }
        }
        return cumulative.length - 1;
    }

    /** DEMO-2021-0000123, without String.format (millions of them). */
    static String caseNumber(int year, long number) {
        String digits = Long.toString(number);
        StringBuilder sb = new StringBuilder(CASE_NUMBER_PREFIX.length() + 5 + Math.max(7, digits.length()));
        sb.append(CASE_NUMBER_PREFIX).append(year).append('-');
        for (int i = digits.length(); i < 7; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    // ---------------------------------------------------------------- shared arithmetic

    /** How busy a day is for a kind of activity: season, weekday, Spring Festival. */
    private static double dayFactor(Profile profile, LocalDate day) {
        double season = StrictMath.sin(2 * StrictMath.PI * (day.getDayOfYear() - 80) / 365.25);
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        long fromFestival = ChronoUnit.DAYS.between(SPRING_FESTIVAL[day.getYear() - FIRST_YEAR], day);
        boolean festival = fromFestival >= -3 && fromFestival <= 6;
        // Double 11 online shopping: order brushing and fake customer service peak in November
        boolean november = day.getMonthValue() == 11;
        return switch (profile) {
            case POLICE -> (1 + 0.10 * season) * (weekend ? 0.55 : 1.0) * (festival ? 0.45 : 1.0);
            case SYSTEM -> (1 + 0.06 * season) * (weekend ? 0.92 : 1.0) * (november ? 1.12 : 1.0);
            case PUBLICITY -> (1 + 0.15 * season) * (weekend ? 1.25 : 1.0) * (festival ? 1.6 : 1.0)
                    * (day.getMonthValue() == 6 ? 1.4 : 1.0);
            case CASES -> (1 + 0.08 * season) * (weekend ? 0.8 : 1.0) * (festival ? 0.6 : 1.0)
                    * (november ? 1.15 : 1.0);
        };
    }

    /**
     * Splits {@code total} over {@code weight[from..to)} into whole parts that add up to it exactly:
     * part i is the rounded cumulative share up to i minus the one before (no sorting, no negative parts).
     */
    static void apportion(long total, double[] weight, int from, int to, long[] out) {
        double all = sum(weight, from, to);
        double cumulative = 0;
        long previous = 0;
        for (int i = from; i < to; i++) {
            cumulative += weight[i];
            long upTo = i == to - 1 ? total : Math.min(total, Math.round(total * (cumulative / all)));
            out[i] = upTo - previous;
            previous = upTo;
        }
    }

    /** Scales cents so that they add up to {@code target} exactly, each in proportion. */
    private static void rescale(long[] cents, long target) {
        long all = sum(cents);
        double factor = (double) target / all;
        long cumulative = 0;
        long previous = 0;
        for (int i = 0; i < cents.length; i++) {
            cumulative += cents[i];
            long upTo = i == cents.length - 1 ? target : Math.min(target, Math.round(cumulative * factor));
            cents[i] = upTo - previous;
            previous = upTo;
        }
    }

    /**
     * {@code last} and a value for the year after whose change, as the aggregation rule computes it
     * (rounded half-up to one decimal), is {@code change}: the nearest that fits, moving {@code last} if it must.
     */
    static long[] calibratedPair(long last, BigDecimal change) {
        double ratio = 1 + change.doubleValue() / 100;
        for (long delta = 0; delta <= Math.max(1000, last); delta++) {
            for (long previous : new long[]{last + delta, last - delta}) {
                if (previous <= 0) {
                    continue;
                }
                long next = Math.round(previous * ratio);
                for (long candidate = next - 1; candidate <= next + 1; candidate++) {
                    if (candidate >= 0 && change(candidate, previous).compareTo(change) == 0) {
                        return new long[]{previous, candidate};
                    }
                }
            }
        }
        throw new IllegalStateException("no pair of whole numbers shows a change of " + change + " near " + last);
    }

    /** The change in percent exactly as {@link AggregationRule#change} computes it. */
    static BigDecimal change(long current, long previous) {
        return BigDecimal.valueOf(current - previous).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP);
    }

    private BigDecimal reportedChange(String indicator) {
        Measurement m = reported.get(indicator);
        if (m == null || !m.hasReportedChange()) {
            throw new IllegalStateException("the report gives no change for " + indicator);
        }
        return m.changePct();
    }

    private int dayIndex(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(firstDay, day);
    }

    private static double sum(double[] values, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += values[i];
        }
        return s;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
