package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.MEASUREMENT;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.DayFact;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.persistence.jooq.tables.records.MeasurementRecord;
import org.jooq.Condition;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.jooq.DSLContext;
import org.jooq.Field;

/** Stored figures. Blocking and thread-agnostic; the caller chooses the transaction. */
public final class MeasurementRepository {

    /** The columns an insert writes, in the order {@link #bindInsert} binds them (names from the generated table). */
    private static final Field<?>[] INSERT_COLUMNS = {MEASUREMENT.INDICATOR_CODE, MEASUREMENT.REGION_CODE,
            MEASUREMENT.PERIOD, MEASUREMENT.PERIOD_START, MEASUREMENT.PERIOD_END, MEASUREMENT.CAMPAIGN_CODE,
            MEASUREMENT.AMOUNT, MEASUREMENT.CHANGE_PCT, MEASUREMENT.BASIS, MEASUREMENT.VALUE_QUALIFIER,
            MEASUREMENT.SOURCE_TITLE, MEASUREMENT.SOURCE_SENTENCE, MEASUREMENT.NOTE, MEASUREMENT.GRAIN};
    static final String INSERT = JdbcBatch.insertSql(MEASUREMENT, INSERT_COLUMNS);

    private final DSLContext dsl;

    MeasurementRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Every year- and month-grain figure of the given indicators and regions that lies wholly inside one
     * of {@code periods} (a year's and its months' figures lie inside the year). Day-grain figures are
     * left to the rollups ({@link FactRepository}). {@code campaignCode} null means any campaign or none.
     */
    public List<Measurement> findWithin(Collection<String> indicatorCodes, Collection<String> regionCodes,
                                        Collection<Period> periods, String campaignCode) {
        if (periods.isEmpty()) {
            return List.of();
        }
        // one range the index can use, then exact containment in Java (an OR per period defeats the index)
        LocalDate from = periods.stream().map(Period::start).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = periods.stream().map(Period::end).max(Comparator.naturalOrder()).orElseThrow();
        Condition where = MEASUREMENT.GRAIN.in("Y", "M")
                .and(MEASUREMENT.INDICATOR_CODE.in(indicatorCodes))
                .and(MEASUREMENT.REGION_CODE.in(regionCodes))
                .and(MEASUREMENT.PERIOD_START.between(from, to))
                .and(MEASUREMENT.PERIOD_END.le(to));
        if (campaignCode != null) {
            where = where.and(MEASUREMENT.CAMPAIGN_CODE.eq(campaignCode));
        }
        return dsl.selectFrom(MEASUREMENT).where(where).fetch(MeasurementRepository::toMeasurement).stream()
                .filter(m -> periods.stream().anyMatch(p -> p.contains(m.period())))
                .toList();
    }

    /**
     * Inserts in JDBC batches of one prepared statement (the caller's transaction makes them atomic).
     * Plain JDBC rather than jOOQ's batch: the scale demo writes close to a million rows, and jOOQ's
     * per-row binding cost about as much as H2's insert itself.
     */
    public void insertAll(Collection<Measurement> measurements) {
        if (measurements.isEmpty()) {
            return;
        }
        insertRows(measurements);
        // day-grain figures are facts of the rollups, kept current in the same transaction (ADR 0013)
        List<DayFact> dayFacts = new ArrayList<>();
        dayFacts(measurements, dayFacts::add);
        new RollupRepository(dsl).add(dayFacts);
    }

    private static void dayFacts(Collection<Measurement> measurements, Consumer<DayFact> facts) {
        for (Measurement m : measurements) {
            if (m.period().granularity() == Granularity.DAY && m.hasValue()) {
                facts.accept(DayFact.one(m.indicatorCode(), m.regionCode(), m.period().start(), m.campaignCode(),
                        m.value(), m.basis() == Basis.SYNTHETIC_DEMO));
            }
        }
    }

    private void insertRows(Collection<Measurement> measurements) {
        JdbcBatch.run(dsl, INSERT, measurements, MeasurementRepository::bindInsert);
    }

    /** Rows in one INSERT of {@link #insertMany}. */
    static final int ROWS_PER_INSERT = 50;
    private static final String INSERT_MANY = INSERT + (", " + JdbcBatch.marks(INSERT_COLUMNS.length))
            .repeat(ROWS_PER_INSERT - 1);

    /**
     * Inserts many figures in the order given, {@value #ROWS_PER_INSERT} rows to a statement and those statements
     * in JDBC batches (a million figures: 10.4 s → 9.1–9.6 s, as H2 then runs one command for many rows, as its
     * own INSERT … SELECT does); tells {@code done} how many are in after each batch. The identity numbers them
     * in that order.
     */
    static <T> void insertMany(DSLContext dsl, List<T> items, Function<T, Measurement> figure,
                               IntConsumer done) {
        if (Vendor.of(dsl) == Vendor.POSTGRESQL) {
            copyMany(dsl, items, figure, done);
            return;
        }
        int whole = items.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        List<List<T>> groups = new ArrayList<>(whole / ROWS_PER_INSERT);
        for (int i = 0; i < whole; i += ROWS_PER_INSERT) {
            groups.add(items.subList(i, i + ROWS_PER_INSERT));
        }
        JdbcBatch.run(dsl, INSERT_MANY, groups, (insert, group) -> {
            for (int k = 0; k < group.size(); k++) {
                bindInsert(insert, k * 14, figure.apply(group.get(k)));
            }
        }, JdbcBatch.CHUNK / ROWS_PER_INSERT, n -> done.accept(n * ROWS_PER_INSERT));
        if (whole < items.size()) {
            JdbcBatch.run(dsl, INSERT, items.subList(whole, items.size()), (insert, item) -> bindInsert(insert,
                    figure.apply(item)), n -> done.accept(whole + n));
        }
    }

    /** The columns of {@link #INSERT}, in its order, for PostgreSQL's COPY. */
    private static final String COPY = "COPY " + MEASUREMENT.getName() + " (" + JdbcBatch.columnList(INSERT_COLUMNS)
            + ") FROM STDIN (FORMAT csv)";
    /** Figures to a piece of the COPY stream: progress and cancelling are looked at between pieces. */
    static final int COPY_PIECE = 5_000;

    /**
     * PostgreSQL: the figures through {@code COPY … FROM STDIN}, in the caller's transaction and in the order given
     * (the identity numbers them so, as it does the INSERTs). Batched multi-row INSERTs reached about a third of
     * what COPY does on the same server (docs/performance.md, "Shared PostgreSQL at 5 M cases"): the server parsed
     * and planned every statement, the driver bound 700 parameters a statement.
     */
    private static <T> void copyMany(DSLContext dsl, List<T> items, Function<T, Measurement> figure, IntConsumer done) {
        if (items.isEmpty()) {
            return;
        }
        dsl.connection(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            try {
                StringBuilder piece = new StringBuilder(COPY_PIECE * 120);
                int n = 0;
                for (T item : items) {
                    csvLine(piece, figure.apply(item));
                    if (++n % COPY_PIECE == 0 || n == items.size()) {
                        byte[] bytes = piece.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        piece.setLength(0);
                        if (n < items.size()) {
                            done.accept(n); // may throw to cancel: the copy is cancelled below
                        }
                    }
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            done.accept(items.size());
        });
    }

    /** One figure as a CSV line of {@link #COPY}: NULL is an empty field, any value is quoted. */
    private static void csvLine(StringBuilder line, Measurement m) {
        field(line, m.indicatorCode()).append(',');
        field(line, m.regionCode()).append(',');
        field(line, m.period().code()).append(',');
        line.append(m.period().start()).append(',').append(m.period().end()).append(',');
        field(line, m.campaignCode()).append(',');
        if (m.value() != null) {
            line.append(m.value().toPlainString());
        }
        line.append(',');
        if (m.changePct() != null) {
            line.append(m.changePct().toPlainString());
        }
        line.append(',');
        field(line, m.basis().code()).append(',');
        field(line, m.qualifier() == null ? null : m.qualifier().code()).append(',');
        field(line, m.source() == null ? null : m.source().title()).append(',');
        field(line, m.source() == null ? null : m.source().sentence()).append(',');
        field(line, m.note()).append(',');
        line.append(grainOf(m.period())).append('\n');
    }

    private static StringBuilder field(StringBuilder line, String value) {
        if (value == null) {
            return line;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        return line.append('"');
    }

    /** The parameters of {@link #INSERT} for one figure. */
    static void bindInsert(PreparedStatement insert, Measurement m) throws SQLException {
        bindInsert(insert, 0, m);
    }

    /** As {@link #bindInsert(PreparedStatement, Measurement)}, from parameter {@code offset + 1} on. */
    static void bindInsert(PreparedStatement insert, int offset, Measurement m) throws SQLException {
        insert.setString(offset + 1, m.indicatorCode());
        insert.setString(offset + 2, m.regionCode());
        insert.setString(offset + 3, m.period().code());
        insert.setObject(offset + 4, m.period().start());
        insert.setObject(offset + 5, m.period().end());
        insert.setString(offset + 6, m.campaignCode());
        insert.setBigDecimal(offset + 7, m.value());
        insert.setBigDecimal(offset + 8, m.changePct());
        insert.setString(offset + 9, m.basis().code());
        insert.setString(offset + 10, m.qualifier() == null ? null : m.qualifier().code());
        insert.setString(offset + 11, m.source() == null ? null : m.source().title());
        insert.setString(offset + 12, m.source() == null ? null : m.source().sentence());
        insert.setString(offset + 13, m.note());
        insert.setString(offset + 14, grainOf(m.period()));
    }

    /** Y, M or D: the grain column that lets a query skip day-grain figures. */
    static String grainOf(Period period) {
        return switch (period.granularity()) {
            case YEAR -> "Y";
            case MONTH -> "M";
            case DAY -> "D";
            default -> throw new IllegalArgumentException("not storable: " + period);
        };
    }

    /** What the day-grain figures of a basis add to the rollups, one fact per stored figure (ADR 0013). */
    public List<DayFact> dayFactsOf(Basis basis) {
        boolean synthetic = basis == Basis.SYNTHETIC_DEMO;
        return dsl.select(MEASUREMENT.INDICATOR_CODE, MEASUREMENT.REGION_CODE, MEASUREMENT.PERIOD_START,
                        MEASUREMENT.CAMPAIGN_CODE, MEASUREMENT.AMOUNT)
                .from(MEASUREMENT)
                .where(MEASUREMENT.BASIS.eq(basis.code()))
                .and(MEASUREMENT.GRAIN.eq("D"))
                .and(MEASUREMENT.AMOUNT.isNotNull())
                .fetch(r -> DayFact.one(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), synthetic));
    }

    /**
     * Deletes every figure of that basis. Leaves the rollups to the caller (DatasetService subtracts the
     * day-grain facts it read with {@link #dayFactsOf}, or rebuilds, in the same transaction).
     */
    public int deleteByBasis(Basis basis) {
        return dsl.deleteFrom(MEASUREMENT).where(MEASUREMENT.BASIS.eq(basis.code())).execute();
    }

    public boolean existsByBasis(Basis basis) {
        return dsl.fetchExists(MEASUREMENT, MEASUREMENT.BASIS.eq(basis.code()));
    }

    public int countByBasis(Basis basis) {
        return dsl.fetchCount(MEASUREMENT, MEASUREMENT.BASIS.eq(basis.code()));
    }

    public int count() {
        return dsl.fetchCount(MEASUREMENT);
    }

    private static Measurement toMeasurement(MeasurementRecord r) {
        Source source = r.getSourceTitle() == null && r.getSourceSentence() == null ? null
                : new Source(r.getSourceTitle(), r.getSourceSentence());
        return new Measurement(r.getIndicatorCode(), r.getRegionCode(), Period.parse(r.getPeriod()),
                r.getCampaignCode(), r.getAmount(), r.getChangePct(), Basis.fromCode(r.getBasis()),
                r.getValueQualifier() == null ? null : Qualifier.fromCode(r.getValueQualifier()), source, r.getNote());
    }
}
