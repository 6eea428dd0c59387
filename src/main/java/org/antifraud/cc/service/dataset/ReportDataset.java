package org.antifraud.cc.service.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.Source;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The Ministry of Public Security's 2022 year-end report as figures, read from
 * {@code db/data/report-2022.csv}: every figure with its sentence and qualifier, basis {@code reported}.
 * The three year-on-year changes are stored as changes, with no absolute value invented behind them.
 */
public final class ReportDataset {
    public static final String RESOURCE = "/db/data/report-2022.csv";

    private ReportDataset() {
    }

    public static List<Measurement> load() {
        try (InputStream in = ReportDataset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Measurement> read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Measurement> result = new ArrayList<>();
        for (CSVRecord r : format.parse(reader)) {
            result.add(new Measurement(
                    r.get("indicator"),
                    r.get("region"),
                    Period.parse(r.get("period")),
                    blankToNull(r.get("campaign")),
                    decimal(r.get("value")),
                    decimal(r.get("change_pct")),
                    Basis.REPORTED,
                    blankToNull(r.get("qualifier")) == null ? null : Qualifier.fromCode(r.get("qualifier")),
                    new Source(r.get("source"), r.get("sentence")),
                    blankToNull(r.get("note"))));
        }
        return result;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static BigDecimal decimal(String s) {
        return blankToNull(s) == null ? null : new BigDecimal(s.strip());
    }
}
