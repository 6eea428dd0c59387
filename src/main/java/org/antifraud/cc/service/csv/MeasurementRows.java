package org.antifraud.cc.service.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FieldRules;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.service.csv.CsvProblem.Kind;

/** Rows of a measurements file: each a {@link Statistic} without id. */
final class MeasurementRows extends RowReader {
    private static final CsvFileType TYPE = CsvFileType.MEASUREMENTS;
    private static final int INDICATOR = column(TYPE, "indicator");
    private static final int REGION = column(TYPE, "region");
    private static final int PERIOD = column(TYPE, "period");
    private static final int CAMPAIGN = column(TYPE, "campaign");
    private static final int VALUE = column(TYPE, "value");
    private static final int CHANGE = column(TYPE, "change_pct");
    private static final int QUALIFIER = column(TYPE, "qualifier");
    private static final int NOTE = column(TYPE, "note");
    private static final int SOURCE = column(TYPE, "source");
    private static final int SENTENCE = column(TYPE, "sentence");

    /** The widths of note, source_title and source_sentence. */
    private static final int NOTE_LENGTH = FieldRules.NOTE_LENGTH;
    private static final int SOURCE_LENGTH = FieldRules.SOURCE_LENGTH;
    private static final int SENTENCE_LENGTH = FieldRules.SENTENCE_LENGTH;

    /** A period code as read: the period and its number in this file, or why it is not one. */
    private record PeriodCell(Period period, int number, Kind problem) {
    }

    private final Map<String, PeriodCell> periods = new HashMap<>();
    private final Map<Period, Integer> periodNumbers = new HashMap<>();
    /** The first line of each key, packed into a long; or, for very large catalogs, by value. */
    private final LongIntMap packedKeys = new LongIntMap();
    private final Map<Key, Integer> keys;
    private final int regionBits;
    private final int indicatorBits;
    private final int campaignBits;

    private record Key(String indicator, String region, Period period, String campaign) {
    }

    MeasurementRows(int[] at, CatalogIndex catalog, LocalDate today, Problems problems) {
        super(TYPE, at, catalog, today, problems);
        regionBits = catalog.regionBits();
        indicatorBits = catalog.indicatorBits();
        campaignBits = catalog.campaignBits();
        // 3.3 million possible storable periods need 22 bits of the 63
        keys = regionBits + indicatorBits + campaignBits > 40 ? new HashMap<>() : null;
    }

    @Override
    EntryRecord readRow() {
        CatalogIndex.Ref<Indicator> indicator = indicator();
        CatalogIndex.Ref<Region> region = region();
        PeriodCell period = period();
        String campaignText = code(CAMPAIGN);
        CatalogIndex.Ref<?> campaign = campaignText.isEmpty() ? null : catalog.campaign(campaignText);
        if (campaign == null && !campaignText.isEmpty()) {
            problem(CAMPAIGN, Kind.UNKNOWN_CAMPAIGN, CsvProblem.quote(campaignText));
        }
        String valueText = code(VALUE);
        BigDecimal value = value(indicator, valueText);
        BigDecimal change = change(valueText.isEmpty());
        Qualifier qualifier = qualifier();
        String note = freeText(NOTE, NOTE_LENGTH);
        String sourceTitle = freeText(SOURCE, SOURCE_LENGTH);
        String sentence = freeText(SENTENCE, SENTENCE_LENGTH);
        if (sentence != null && sourceTitle == null) {
            problem(SENTENCE, Kind.SENTENCE_WITHOUT_SOURCE);
        }
        if (indicator != null && region != null && period != null && (campaign != null || campaignText.isEmpty())) {
            int first = firstLine(indicator, region, period, campaign);
            if (first >= 0) {
                problem(-1, Kind.DUPLICATE_KEY, first);
            }
        }
        if (indicator == null || region == null || period == null || (value == null && change == null)) {
            return null;
        }
        Source source = sourceTitle == null ? null : new Source(sourceTitle, sentence);
        return new Statistic(null, new Measurement(indicator.code(), region.code(), period.period(),
                campaign == null ? null : campaign.code(), value, change,
                basisOf(source, change), qualifier, source, note));
    }

    /**
     * A row with a source is reported; so is a row that gives a change: nothing computed it, whoever wrote the file
     * reported it (issue 12). Only a plain value without a source is a computed figure.
     */
    static Basis basisOf(Source source, BigDecimal change) {
        return source != null || change != null ? Basis.REPORTED : Basis.COMPUTED;
    }

    private CatalogIndex.Ref<Indicator> indicator() {
        String s = required(INDICATOR);
        if (s.isEmpty()) {
            return null;
        }
        CatalogIndex.Ref<Indicator> ref = catalog.indicator(s);
        if (ref == null) {
            problem(INDICATOR, Kind.UNKNOWN_INDICATOR, CsvProblem.quote(s));
        }
        return ref;
    }

    /** Any region of the catalog: a figure may be the nation's or a battle zone's. */
    private CatalogIndex.Ref<Region> region() {
        String s = required(REGION);
        if (s.isEmpty()) {
            return null;
        }
        CatalogIndex.Ref<Region> ref = catalog.regionRef(s);
        if (ref == null) {
            problem(REGION, Kind.UNKNOWN_REGION, CsvProblem.quote(s));
        }
        return ref;
    }

    private PeriodCell period() {
        String s = required(PERIOD);
        if (s.isEmpty()) {
            return null;
        }
        PeriodCell cell = periods.get(s);
        if (cell == null) {
            cell = parsePeriod(s);
            periods.put(s, cell);
        }
        if (cell.problem() != null) {
            problem(PERIOD, cell.problem(), CsvProblem.quote(s));
            return null;
        }
        if (cell.period().start().isAfter(today)) {
            problem(PERIOD, Kind.FUTURE_PERIOD, s, today.toString());
            return null;
        }
        return cell;
    }

    private PeriodCell parsePeriod(String s) {
        Period p;
        try {
            p = Period.parse(s);
        } catch (IllegalArgumentException e) {
            return new PeriodCell(null, -1, Kind.BAD_PERIOD);
        }
        if (!p.isStorable()) {
            return new PeriodCell(null, -1, Kind.PERIOD_NOT_STORED);
        }
        Integer number = periodNumbers.computeIfAbsent(p, k -> periodNumbers.size() + 1);
        return new PeriodCell(p, number, null);
    }

    /** The value: empty (a reported change), or a non-negative decimal fit for the indicator's unit. */
    private BigDecimal value(CatalogIndex.Ref<Indicator> indicator, String s) {
        if (s.isEmpty()) {
            return null;
        }
        Indicator.Unit unit = indicator == null ? null : indicator.item().unit();
        BigDecimal v = numbers.parse(FieldRules.Amount.FIGURE, s, unit);
        if (v == null) {
            numberProblem(VALUE, s, unit == Indicator.Unit.CNY ? Kind.MONEY_DECIMALS : Kind.VALUE_DECIMALS);
        }
        return v;
    }

    private BigDecimal change(boolean noValue) {
        String s = code(CHANGE);
        if (s.isEmpty()) {
            if (noValue) {
                problem(VALUE, Kind.VALUE_WITHOUT_CHANGE);
            }
            return null;
        }
        BigDecimal v = numbers.parse(FieldRules.Amount.CHANGE, s, null);
        if (v == null) {
            numberProblem(CHANGE, s, Kind.CHANGE_DECIMALS);
        }
        return v;
    }

    private Qualifier qualifier() {
        String s = code(QUALIFIER);
        if (s.isEmpty()) {
            return null;
        }
        for (Qualifier q : Qualifier.values()) {
            if (q.code().equals(s)) {
                return q;
            }
        }
        problem(QUALIFIER, Kind.UNKNOWN_QUALIFIER, CsvProblem.quote(s), "more_than");
        return null;
    }

    /** The line where this key was first seen, or -1 when this is the first time. */
    private int firstLine(CatalogIndex.Ref<Indicator> indicator, CatalogIndex.Ref<Region> region, PeriodCell period,
                          CatalogIndex.Ref<?> campaign) {
        if (keys != null) {
            Integer first = keys.putIfAbsent(new Key(indicator.code(), region.code(), period.period(),
                    campaign == null ? null : campaign.code()), line);
            return first == null ? -1 : first;
        }
        long key = period.number();
        key = (key << regionBits) | region.number();
        key = (key << indicatorBits) | indicator.number();
        key = (key << campaignBits) | (campaign == null ? 0 : campaign.number());
        return packedKeys.putIfAbsent(key, line);
    }
}
