package org.antifraud.cc.service.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;

/**
 * A synthetic breakdown by province and month so that charts have shape on the first start. Every
 * figure is {@code synthetic-demo}. Where the report gives a national total for 2022, the breakdown
 * adds up to it exactly (and the reported figure still wins at the national level by the rule). Where
 * the report gives only a percentage change, nothing is generated: no absolute value is ever invented
 * behind a reported percentage. Indicators the report does not mention get 2021 and 2022 so that
 * year-on-year has shape. Deterministic for a seed.
 */
public final class DemoBreakdown {
    public static final String WEIGHTS_RESOURCE = "/db/data/demo-province-weights.csv";
    public static final long DEFAULT_SEED = 20221230L;
    static final String NOTE = "synthetic demo breakdown";

    /** Indicators the report does not quantify at all, with a plausible national 2021 scale. */
    private static final Map<String, Long> UNREPORTED_SCALE_2021 = Map.of(
            "cases_solved", 394_000L,
            "persons_dissuaded", 12_600_000L,
            "funds_intercepted", 328_000_000_000L);

    private DemoBreakdown() {
    }

    public static List<Measurement> generate(List<Measurement> report, long seed) {
        Map<String, Integer> weights = loadWeights();
        SplittableRandom random = new SplittableRandom(seed);
        List<Measurement> out = new ArrayList<>();
        for (Measurement national : report) {
            if (!national.hasValue() || !"CN".equals(national.regionCode())) {
                continue;
            }
            int lastMonth = national.note() != null && national.note().contains("November") ? 11 : 12;
            int year = national.period().start().getYear();
            split(out, national.indicatorCode(), national.campaignCode(), year, lastMonth,
                    national.value().longValueExact(), weights, random);
        }
        for (Map.Entry<String, Long> e : new TreeMap<>(UNREPORTED_SCALE_2021).entrySet()) {
            long total2021 = e.getValue();
            split(out, e.getKey(), null, 2021, 12, total2021, weights, random);
            long total2022 = Math.round(total2021 * (1.08 + random.nextDouble() * 0.25));
            split(out, e.getKey(), null, 2022, 12, total2022, weights, random);
        }
        return out;
    }

    /** Apportions {@code total} over provinces × months by largest remainder, so the parts sum exactly. */
    private static void split(List<Measurement> out, String indicator, String campaign, int year, int lastMonth,
                              long total, Map<String, Integer> weights, SplittableRandom random) {
        List<String> cellRegion = new ArrayList<>();
        List<Integer> cellMonth = new ArrayList<>();
        List<Double> cellWeight = new ArrayList<>();
        double sum = 0;
        for (Map.Entry<String, Integer> province : weights.entrySet()) {
            double provinceFactor = province.getValue() * (0.6 + random.nextDouble() * 0.8);
            for (int month = 1; month <= lastMonth; month++) {
                // StrictMath: the same breakdown on every JVM and CPU for a seed
                double seasonal = 1 + 0.25 * StrictMath.sin((month + year) * 0.9) + random.nextDouble() * 0.3;
                double w = provinceFactor * seasonal;
                cellRegion.add(province.getKey());
                cellMonth.add(month);
                cellWeight.add(w);
                sum += w;
            }
        }
        int n = cellWeight.size();
        long[] parts = new long[n];
        double[] remainder = new double[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            double exact = total * cellWeight.get(i) / sum;
            parts[i] = (long) Math.floor(exact);
            remainder[i] = exact - parts[i];
            assigned += parts[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int k = 0; assigned < total; k++, assigned++) {
            parts[order[k % n]]++;
        }
        for (int i = 0; i < n; i++) {
            out.add(new Measurement(indicator, cellRegion.get(i),
                    Period.month(YearMonth.of(year, cellMonth.get(i))), campaign,
                    BigDecimal.valueOf(parts[i]), null, Basis.SYNTHETIC_DEMO, null, null, NOTE));
        }
    }

    /** Province code → weight, in the file's order (the catalog's). */
    static Map<String, Integer> loadWeights() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        try (InputStream in = DemoBreakdown.class.getResourceAsStream(WEIGHTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + WEIGHTS_RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",");
                    weights.put(cells[0].strip(), Integer.parseInt(cells[1].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return weights;
    }
}
