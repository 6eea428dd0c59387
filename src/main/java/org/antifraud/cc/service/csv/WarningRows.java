package org.antifraud.cc.service.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.service.csv.CsvProblem.Kind;

/** Rows of a warnings file: each a {@link WarningBatch}. */
final class WarningRows extends RowReader {
    private static final CsvFileType TYPE = CsvFileType.WARNINGS;
    private static final int ID = column(TYPE, "id");
    private static final int DATE = column(TYPE, "date");
    private static final int REGION = column(TYPE, "region");
    private static final int CHANNEL = column(TYPE, "channel");
    private static final int WARNINGS = column(TYPE, "warnings");
    private static final int DISSUADED = column(TYPE, "persons_dissuaded");
    private static final int FUNDS = column(TYPE, "funds_intercepted");
    private static final String CHANNELS = String.join(", ",
            Arrays.stream(WarningChannel.values()).map(WarningChannel::code).toList());

    WarningRows(int[] at, CatalogIndex catalog, LocalDate today, Problems problems) {
        super(TYPE, at, catalog, today, problems);
    }

    @Override
    EntryRecord readRow() {
        UUID id = id(ID);
        LocalDate date = date(DATE);
        String region = region(REGION);
        WarningChannel channel = channel();
        long warnings = count(WARNINGS);
        long dissuaded = count(DISSUADED);
        BigDecimal funds = money(FUNDS);
        if (id == null || date == null || region == null || channel == null || warnings < 0 || dissuaded < 0
                || funds == null) {
            return null;
        }
        return new WarningBatch(id, date, region, channel, warnings, dissuaded, funds);
    }

    private WarningChannel channel() {
        String s = required(CHANNEL);
        if (s.isEmpty()) {
            return null;
        }
        for (WarningChannel c : WarningChannel.values()) {
            if (c.code().equals(s)) {
                return c;
            }
        }
        problem(CHANNEL, Kind.UNKNOWN_CHANNEL, CsvProblem.quote(s), CHANNELS);
        return null;
    }
}
