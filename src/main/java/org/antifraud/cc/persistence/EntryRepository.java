package org.antifraud.cc.persistence;

import static org.antifraud.cc.persistence.jooq.Tables.DEN_TAKEDOWN;
import static org.antifraud.cc.persistence.jooq.Tables.FRAUD_CASE;
import static org.antifraud.cc.persistence.jooq.Tables.MEASUREMENT;
import static org.antifraud.cc.persistence.jooq.Tables.WARNING_BATCH;
import static org.antifraud.cc.persistence.jooq.Tables.WARNING_INSTRUCTION;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.persistence.jooq.tables.records.DenTakedownRecord;
import org.antifraud.cc.persistence.jooq.tables.records.FraudCaseRecord;
import org.antifraud.cc.persistence.jooq.tables.records.MeasurementRecord;
import org.antifraud.cc.persistence.jooq.tables.records.WarningBatchRecord;
import org.antifraud.cc.persistence.jooq.tables.records.WarningInstructionRecord;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.jooq.DSLContext;

/**
 * Entered records of every kind (den takedowns, warning batches, fraud cases, statistics) with their row
 * versions: find, insert, update and delete under optimistic locking. Blocking and thread-agnostic; the
 * caller's transaction makes a change atomic with its rollups and audit entries.
 */
public final class EntryRepository {
    private final DSLContext dsl;

    EntryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<StoredRecord> find(RecordKind kind, String key) {
        return switch (kind) {
            case DEN_TAKEDOWN -> dsl.selectFrom(DEN_TAKEDOWN).where(DEN_TAKEDOWN.ID.eq(UUID.fromString(key)))
                    .fetchOptional(EntryRepository::den);
            case WARNING_BATCH -> dsl.selectFrom(WARNING_BATCH).where(WARNING_BATCH.ID.eq(UUID.fromString(key)))
                    .fetchOptional(EntryRepository::warning);
            case FRAUD_CASE -> dsl.selectFrom(FRAUD_CASE).where(FRAUD_CASE.ID.eq(UUID.fromString(key)))
                    .fetchOptional(EntryRepository::fraudCase);
            case WARNING_INSTRUCTION -> dsl.selectFrom(WARNING_INSTRUCTION)
                    .where(WARNING_INSTRUCTION.ID.eq(UUID.fromString(key))).fetchOptional(EntryRepository::instruction);
            case STATISTIC -> dsl.selectFrom(MEASUREMENT).where(MEASUREMENT.ID.eq(Long.parseLong(key)))
                    .fetchOptional(EntryRepository::statistic);
        };
    }

    /** Records of one kind by id, for many ids at once (imports). */
    public Map<String, StoredRecord> findAll(RecordKind kind, Collection<UUID> ids) {
        Map<String, StoredRecord> found = new HashMap<>();
        Consumer<StoredRecord> put = s -> found.put(s.record().key(), s);
        switch (kind) {
            case DEN_TAKEDOWN -> dsl.selectFrom(DEN_TAKEDOWN).where(DEN_TAKEDOWN.ID.in(ids)).fetch(EntryRepository::den)
                    .forEach(put);
            case WARNING_BATCH -> dsl.selectFrom(WARNING_BATCH).where(WARNING_BATCH.ID.in(ids))
                    .fetch(EntryRepository::warning).forEach(put);
            case FRAUD_CASE -> dsl.selectFrom(FRAUD_CASE).where(FRAUD_CASE.ID.in(ids)).fetch(EntryRepository::fraudCase)
                    .forEach(put);
            case WARNING_INSTRUCTION -> dsl.selectFrom(WARNING_INSTRUCTION).where(WARNING_INSTRUCTION.ID.in(ids))
                    .fetch(EntryRepository::instruction).forEach(put);
            case STATISTIC -> throw new IllegalArgumentException("statistics are found by their natural key");
        }
        return found;
    }

    /** Stored statistics (not synthetic demo) of some indicators, by {@link #naturalKey}. */
    public Map<String, StoredRecord> statisticsByKey(Collection<String> indicators) {
        return statisticsByKey(indicators, null, null);
    }

    /**
     * As {@link #statisticsByKey(Collection)}, only figures whose period starts from {@code firstStart} to
     * {@code lastStart} (null: no bound): an import compares with the periods it brings, not the whole history (a
     * figure with the same key has the same period). Without the bound, the third million-row import into a
     * PostgreSQL database spent 22 s reading the two millions before it.
     */
    public Map<String, StoredRecord> statisticsByKey(Collection<String> indicators, LocalDate firstStart,
                                                     LocalDate lastStart) {
        Map<String, StoredRecord> found = new HashMap<>();
        Condition within = DSL.noCondition();
        if (firstStart != null) {
            within = within.and(MEASUREMENT.PERIOD_START.ge(firstStart));
        }
        if (lastStart != null) {
            within = within.and(MEASUREMENT.PERIOD_START.le(lastStart));
        }
        dsl.selectFrom(MEASUREMENT)
                .where(MEASUREMENT.INDICATOR_CODE.in(indicators))
                .and(within)
                .and(MEASUREMENT.BASIS.ne(Basis.SYNTHETIC_DEMO.code()))
                .fetch(EntryRepository::statistic)
                .forEach(s -> found.put(naturalKey(((Statistic) s.record()).measurement()), s));
        return found;
    }

    /** Indicator, region, period and campaign: what a statistic is about. */
    public static String naturalKey(Measurement m) {
        return m.indicatorCode() + '|' + m.regionCode() + '|' + m.period().code() + '|'
                + (m.campaignCode() == null ? "" : m.campaignCode());
    }

    /** Whether another case (not {@code except}) has this case number. */
    public boolean caseNumberTaken(String caseNumber, UUID except) {
        Condition c = FRAUD_CASE.CASE_NUMBER.eq(caseNumber);
        if (except != null) {
            c = c.and(FRAUD_CASE.ID.ne(except));
        }
        return dsl.fetchExists(FRAUD_CASE, c);
    }

    /** Inserts at version 0; a statistic gets its id. */
    public StoredRecord insert(EntryRecord record) {
        switch (record) {
            case DenTakedown d -> dsl.executeInsert(denRecord(d));
            case WarningBatch w -> dsl.executeInsert(warningRecord(w));
            case FraudCase c -> dsl.executeInsert(caseRecord(c));
            case WarningInstruction i -> dsl.executeInsert(instructionRecord(i));
            case Statistic s -> {
                MeasurementRecord r = measurementRecord(s.measurement());
                Long id = dsl.insertInto(MEASUREMENT).set(r).returning(MEASUREMENT.ID).fetchOne(MEASUREMENT.ID);
                return new StoredRecord(s.withId(id), 0);
            }
        }
        return new StoredRecord(record, 0);
    }


    /**
     * The positions of {@code records} in the order that inserts them fastest: the others as given, then the
     * warning instructions by their time of issue, then the statistics by indicator, region, period and campaign. In
     * that order each index grows at a few places instead of all over, and H2 touches far fewer pages (a million
     * figures: insert 10.7 s → 8.6 s, commit 10.7 s → 9.8 s; a million instructions: docs/performance.md "Stop 27").
     * {@link #insertAll} keeps the order it is given.
     */
    public static int[] insertOrderIndices(List<? extends EntryRecord> records) {
        int[] order = new int[records.size()];
        int n = 0;
        List<Statistic> statistics = new ArrayList<>();
        int[] statisticAt = new int[records.size()];
        int[] instructionAt = new int[records.size()];
        int instructions = 0;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) instanceof Statistic s) {
                statisticAt[statistics.size()] = i;
                statistics.add(s);
            } else if (records.get(i) instanceof WarningInstruction) {
                instructionAt[instructions++] = i;
            } else {
                order[n++] = i;
            }
        }
        n = byTimeOfIssue(records, instructionAt, instructions, order, n);
        if (statistics.isEmpty()) {
            return order;
        }
        // each figure's place as one number (ranks of its indicator, region, campaign; its first day), packed with
        // its position into a long: a million sort as primitives in about a tenth of the time of a comparator
        Map<String, Integer> indicators = ranks(statistics, s -> s.measurement().indicatorCode());
        Map<String, Integer> regions = ranks(statistics, s -> s.measurement().regionCode());
        Map<String, Integer> campaigns = ranks(statistics, s -> String.valueOf(s.measurement().campaignCode()));
        long minDay = Long.MAX_VALUE;
        long maxDay = Long.MIN_VALUE;
        for (Statistic s : statistics) {
            long day = s.measurement().period().start().toEpochDay();
            minDay = Math.min(minDay, day);
            maxDay = Math.max(maxDay, day);
        }
        int regionBits = bits(regions.size());
        int dayBits = bits(maxDay - minDay + 1);
        int campaignBits = bits(campaigns.size());
        int positionBits = bits(statistics.size());
        if (bits(indicators.size()) + regionBits + dayBits + campaignBits + positionBits > 63) {
            // never with real catalogs and dates; still correct
            Integer[] boxed = new Integer[statistics.size()];
            Arrays.setAll(boxed, i -> i);
            Arrays.sort(boxed, Comparator.comparing((Integer i) -> statistics.get(i).measurement()
                    .indicatorCode()).thenComparing(i -> statistics.get(i).measurement().regionCode())
                    .thenComparing(i -> statistics.get(i).measurement().period().start()));
            for (Integer i : boxed) {
                order[n++] = statisticAt[i];
            }
            return order;
        }
        long[] keys = new long[statistics.size()];
        for (int i = 0; i < keys.length; i++) {
            Measurement m = statistics.get(i).measurement();
            long key = indicators.get(m.indicatorCode());
            key = (key << regionBits) | regions.get(m.regionCode());
            key = (key << dayBits) | (m.period().start().toEpochDay() - minDay);
            key = (key << campaignBits) | campaigns.get(String.valueOf(m.campaignCode()));
            keys[i] = (key << positionBits) | i;
        }
        Arrays.sort(keys);
        long mask = (1L << positionBits) - 1;
        for (long key : keys) {
            order[n++] = statisticAt[(int) (key & mask)];
        }
        return order;
    }

    /**
     * The instructions at {@code at[0 … count)} into {@code order} from {@code n} on, by time of issue (then as given):
     * the index on the time grows at its end instead of all over. Returns the next free place.
     */
    private static int byTimeOfIssue(List<? extends EntryRecord> records, int[] at, int count, int[] order, int n) {
        if (count == 0) {
            return n;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            long minute = minuteOf((WarningInstruction) records.get(at[i]));
            min = Math.min(min, minute);
            max = Math.max(max, minute);
        }
        int positionBits = bits(count);
        if (bits(max - min + 1) + positionBits > 63) { // never with real dates; still correct
            Integer[] boxed = new Integer[count];
            Arrays.setAll(boxed, i -> i);
            Arrays.sort(boxed, Comparator.comparing((Integer i) -> ((WarningInstruction) records.get(at[i])).issuedAt()));
            for (Integer i : boxed) {
                order[n++] = at[i];
            }
            return n;
        }
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = (minuteOf((WarningInstruction) records.get(at[i])) - min) << positionBits | i;
        }
        Arrays.sort(keys);
        long mask = (1L << positionBits) - 1;
        for (long key : keys) {
            order[n++] = at[(int) (key & mask)];
        }
        return n;
    }

    private static long minuteOf(WarningInstruction w) {
        return w.issuedAt().toEpochSecond(java.time.ZoneOffset.UTC) / 60;
    }

    /** Each distinct value's rank in sorted order. */
    private static Map<String, Integer> ranks(List<Statistic> statistics, Function<Statistic, String> value) {
        TreeSet<String> distinct = new TreeSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Statistic s : statistics) {
            String v = value.apply(s);
            if (seen.putIfAbsent(v, 0) == null) {
                distinct.add(v);
            }
        }
        Map<String, Integer> ranks = new HashMap<>(distinct.size() * 2);
        for (String v : distinct) {
            ranks.put(v, ranks.size());
        }
        return ranks;
    }

    /** Bits to hold 0 … n − 1. */
    private static int bits(long n) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
    }

    /**
     * Inserts many records at version 0: the others one by one, then the statistics in JDBC batches (an import
     * of a million figures); returns them as stored, in that order (see {@link #insertOrderIndices}), telling
     * {@code done} how many are in after each batch (progress, cancel).
     */
    public List<StoredRecord> insertAll(List<EntryRecord> records, IntConsumer done) {
        List<StoredRecord> stored = new ArrayList<>(records.size());
        List<Statistic> statistics = new ArrayList<>();
        // the rows go in JDBC batches, not a statement each: on a server a network away pgjdbc sends them as
        // multi-row INSERTs (20,000 den takedowns: insert 3.3 s → 0.5 s, docs/performance.md "Many writers"); on H2
        // jOOQ's statement per record cost as much as the insert itself (a million instructions: docs/performance.md
        // "Stop 27")
        List<DenTakedownRecord> dens = new ArrayList<>();
        List<WarningBatchRecord> warnings = new ArrayList<>();
        List<FraudCaseRecord> cases = new ArrayList<>();
        List<WarningInstructionRecord> instructions = new ArrayList<>();
        for (EntryRecord r : records) {
            if (r instanceof Statistic s) {
                statistics.add(s);
            } else {
                switch (r) {
                    case DenTakedown d -> dens.add(denRecord(d));
                    case WarningBatch w -> warnings.add(warningRecord(w));
                    case FraudCase c -> cases.add(caseRecord(c));
                    case WarningInstruction i -> instructions.add(instructionRecord(i));
                    case Statistic s -> throw new IllegalStateException("statistics go in below");
                }
                stored.add(new StoredRecord(r, 0));
            }
        }
        int[] sent = {0};
        IntConsumer progress = n -> done.accept(sent[0] + n);
        JdbcBatch.insertRecords(dsl, DEN_TAKEDOWN, dens, progress);
        sent[0] += dens.size();
        JdbcBatch.insertRecords(dsl, WARNING_BATCH, warnings, progress);
        sent[0] += warnings.size();
        JdbcBatch.insertRecords(dsl, FRAUD_CASE, cases, progress);
        sent[0] += cases.size();
        JdbcBatch.insertRecords(dsl, WARNING_INSTRUCTION, instructions, progress);
        if (statistics.isEmpty()) {
            return stored;
        }
        // the rows go in many to a statement and their ids are found afterwards (asking H2 for generated keys
        // batch by batch cost a quarter of the insert)
        long before = dsl.fetchOne("SELECT COALESCE(MAX(id), 0) FROM measurement").get(0, Long.class);
        int already = stored.size();
        MeasurementRepository.insertMany(dsl, statistics, Statistic::measurement, n -> done.accept(already + n));
        // the identity hands out ascending numbers in the order the rows went in; when the rows after `before`
        // span exactly as many numbers as went in, they are these rows (any other's row in the span would leave
        // one of ours outside it), so two index look-ups give every id
        Long first = dsl.fetchOne("SELECT id FROM measurement WHERE id > ? ORDER BY id LIMIT 1", before)
                .get(0, Long.class);
        Long last = dsl.fetchOne("SELECT MAX(id) FROM measurement").get(0, Long.class);
        if (first != null && last != null && last - first + 1 == statistics.size()) {
            long firstId = first;
            int others = stored.size();
            List<StoredRecord> head = List.copyOf(stored);
            return new AbstractList<>() { // made when asked for: a million figures need not be copied
                @Override
                public StoredRecord get(int index) {
                    Objects.checkIndex(index, size());
                    return index < others ? head.get(index)
                            : new StoredRecord(statistics.get(index - others).withId(firstId + index - others), 0);
                }

                @Override
                public int size() {
                    return others + statistics.size();
                }
            };
        } else {
            stored.addAll(readBackByKey(statistics, before));
        }
        return stored;
    }

    /** The figures inserted after id {@code before}, found by what each is about. */
    private List<StoredRecord> readBackByKey(List<Statistic> statistics, long before) {
        Map<String, Long> ids = new HashMap<>(statistics.size() * 2);
        dsl.connection(connection -> {
            try (PreparedStatement q = connection.prepareStatement("SELECT id, indicator_code, region_code,"
                    + " period, campaign_code FROM measurement WHERE id > ?")) {
                q.setLong(1, before);
                q.setFetchSize(10_000);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        String campaign = rs.getString(5);
                        ids.put(rs.getString(2) + '|' + rs.getString(3) + '|' + rs.getString(4) + '|'
                                + (campaign == null ? "" : campaign), rs.getLong(1));
                    }
                }
            }
        });
        List<StoredRecord> stored = new ArrayList<>(statistics.size());
        for (Statistic s : statistics) {
            Long id = ids.get(naturalKey(s.measurement()));
            if (id == null) {
                throw new IllegalStateException("an inserted figure is not there: " + naturalKey(s.measurement()));
            }
            stored.add(new StoredRecord(s.withId(id), 0));
        }
        return stored;
    }

    /**
     * Replaces the stored record with {@code record} if it still has {@code expectedVersion}; returns the new
     * version, or empty when it changed or went meanwhile (nothing written).
     */
    public Optional<Integer> update(EntryRecord record, int expectedVersion) {
        int next = expectedVersion + 1;
        int n = switch (record) {
            case DenTakedown d -> dsl.update(DEN_TAKEDOWN).set(denRecord(d)).set(DEN_TAKEDOWN.ROW_VERSION, next)
                    .where(DEN_TAKEDOWN.ID.eq(d.id())).and(DEN_TAKEDOWN.ROW_VERSION.eq(expectedVersion)).execute();
            case WarningBatch w -> dsl.update(WARNING_BATCH).set(warningRecord(w)).set(WARNING_BATCH.ROW_VERSION, next)
                    .where(WARNING_BATCH.ID.eq(w.id())).and(WARNING_BATCH.ROW_VERSION.eq(expectedVersion)).execute();
            case FraudCase c -> dsl.update(FRAUD_CASE).set(caseRecord(c)).set(FRAUD_CASE.ROW_VERSION, next)
                    .where(FRAUD_CASE.ID.eq(c.id())).and(FRAUD_CASE.ROW_VERSION.eq(expectedVersion)).execute();
            case WarningInstruction i -> dsl.update(WARNING_INSTRUCTION).set(instructionRecord(i))
                    .set(WARNING_INSTRUCTION.ROW_VERSION, next).where(WARNING_INSTRUCTION.ID.eq(i.id()))
                    .and(WARNING_INSTRUCTION.ROW_VERSION.eq(expectedVersion)).execute();
            case Statistic s -> dsl.update(MEASUREMENT).set(measurementRecord(s.measurement()))
                    .set(MEASUREMENT.ROW_VERSION, next)
                    .where(MEASUREMENT.ID.eq(s.id())).and(MEASUREMENT.ROW_VERSION.eq(expectedVersion)).execute();
        };
        return n == 1 ? Optional.of(next) : Optional.empty();
    }

    /** Deletes the record if it still has {@code expectedVersion}; false when it changed or went meanwhile. */
    public boolean delete(RecordKind kind, String key, int expectedVersion) {
        return switch (kind) {
            case DEN_TAKEDOWN -> dsl.deleteFrom(DEN_TAKEDOWN).where(DEN_TAKEDOWN.ID.eq(UUID.fromString(key)))
                    .and(DEN_TAKEDOWN.ROW_VERSION.eq(expectedVersion)).execute();
            case WARNING_BATCH -> dsl.deleteFrom(WARNING_BATCH).where(WARNING_BATCH.ID.eq(UUID.fromString(key)))
                    .and(WARNING_BATCH.ROW_VERSION.eq(expectedVersion)).execute();
            case FRAUD_CASE -> dsl.deleteFrom(FRAUD_CASE).where(FRAUD_CASE.ID.eq(UUID.fromString(key)))
                    .and(FRAUD_CASE.ROW_VERSION.eq(expectedVersion)).execute();
            case WARNING_INSTRUCTION -> dsl.deleteFrom(WARNING_INSTRUCTION)
                    .where(WARNING_INSTRUCTION.ID.eq(UUID.fromString(key)))
                    .and(WARNING_INSTRUCTION.ROW_VERSION.eq(expectedVersion)).execute();
            case STATISTIC -> dsl.deleteFrom(MEASUREMENT).where(MEASUREMENT.ID.eq(Long.parseLong(key)))
                    .and(MEASUREMENT.ROW_VERSION.eq(expectedVersion)).execute();
        } == 1;
    }

    /**
     * Every stored record of a kind, for the audit's comparison and the history; statistics leave out
     * synthetic demo figures (generated, outside the audit trail).
     */
    public void forEach(RecordKind kind, Consumer<StoredRecord> each) {
        switch (kind) {
            case DEN_TAKEDOWN -> dsl.selectFrom(DEN_TAKEDOWN).fetchSize(1000).fetchLazy().forEach(r -> each.accept(den(r)));
            case WARNING_BATCH -> dsl.selectFrom(WARNING_BATCH).fetchSize(1000).fetchLazy()
                    .forEach(r -> each.accept(warning(r)));
            case FRAUD_CASE -> dsl.selectFrom(FRAUD_CASE).where(FRAUD_CASE.BASIS.ne(Basis.SYNTHETIC_DEMO.code()))
                    .fetchSize(1000).fetchLazy().forEach(r -> each.accept(fraudCase(r)));
            case WARNING_INSTRUCTION -> dsl.selectFrom(WARNING_INSTRUCTION).fetchSize(1000).fetchLazy()
                    .forEach(r -> each.accept(instruction(r)));
            case STATISTIC -> dsl.selectFrom(MEASUREMENT).where(MEASUREMENT.BASIS.ne(Basis.SYNTHETIC_DEMO.code()))
                    .fetchSize(1000).fetchLazy().forEach(r -> each.accept(statistic(r)));
        }
    }

    /**
     * The records of a kind in {@code regions} dated from {@code first} to {@code last} (statistics: day-grain ones of
     * {@code indicator}, and year or month ones of it starting then), synthetic demo left out: what a figure's drill
     * lists (issue 16).
     */
    public List<StoredRecord> within(RecordKind kind, Collection<String> regions, LocalDate first, LocalDate last,
                                     String indicator) {
        return switch (kind) {
            case DEN_TAKEDOWN -> dsl.selectFrom(DEN_TAKEDOWN).where(DEN_TAKEDOWN.REGION_CODE.in(regions))
                    .and(DEN_TAKEDOWN.TAKEN_ON.between(first, last))
                    .orderBy(DEN_TAKEDOWN.TAKEN_ON, DEN_TAKEDOWN.ID).fetch(EntryRepository::den);
            case WARNING_BATCH -> dsl.selectFrom(WARNING_BATCH).where(WARNING_BATCH.REGION_CODE.in(regions))
                    .and(WARNING_BATCH.BATCH_ON.between(first, last))
                    .orderBy(WARNING_BATCH.BATCH_ON, WARNING_BATCH.ID).fetch(EntryRepository::warning);
            case FRAUD_CASE -> dsl.selectFrom(FRAUD_CASE).where(FRAUD_CASE.REGION_CODE.in(regions))
                    .and(FRAUD_CASE.REGISTERED_ON.between(first, last))
                    .and(FRAUD_CASE.BASIS.ne(Basis.SYNTHETIC_DEMO.code()))
                    .orderBy(FRAUD_CASE.REGISTERED_ON, FRAUD_CASE.ID).fetch(EntryRepository::fraudCase);
            case WARNING_INSTRUCTION -> dsl.selectFrom(WARNING_INSTRUCTION)
                    .where(WARNING_INSTRUCTION.REGION_CODE.in(regions))
                    .and(WARNING_INSTRUCTION.ISSUED_AT.ge(first.atStartOfDay()))
                    .and(WARNING_INSTRUCTION.ISSUED_AT.lt(last.plusDays(1).atStartOfDay()))
                    .orderBy(WARNING_INSTRUCTION.ISSUED_AT, WARNING_INSTRUCTION.ID).fetch(EntryRepository::instruction);
            case STATISTIC -> dsl.selectFrom(MEASUREMENT).where(MEASUREMENT.REGION_CODE.in(regions))
                    .and(MEASUREMENT.INDICATOR_CODE.eq(indicator))
                    .and(MEASUREMENT.PERIOD_START.between(first, last))
                    .and(MEASUREMENT.BASIS.ne(Basis.SYNTHETIC_DEMO.code()))
                    .orderBy(MEASUREMENT.PERIOD_START, MEASUREMENT.ID).fetch(EntryRepository::statistic);
        };
    }

    /** The newest records of a kind (by day, then id), at most {@code limit}: the history table's first page. */
    public List<StoredRecord> recent(RecordKind kind, int limit) {
        List<StoredRecord> rows = new ArrayList<>();
        switch (kind) {
            case DEN_TAKEDOWN -> rows.addAll(dsl.selectFrom(DEN_TAKEDOWN).orderBy(DEN_TAKEDOWN.TAKEN_ON.desc(),
                    DEN_TAKEDOWN.ID).limit(limit).fetch(EntryRepository::den));
            case WARNING_BATCH -> rows.addAll(dsl.selectFrom(WARNING_BATCH).orderBy(WARNING_BATCH.BATCH_ON.desc(),
                    WARNING_BATCH.ID).limit(limit).fetch(EntryRepository::warning));
            case FRAUD_CASE -> rows.addAll(dsl.selectFrom(FRAUD_CASE).where(FRAUD_CASE.BASIS.ne(Basis.SYNTHETIC_DEMO.code()))
                    .orderBy(FRAUD_CASE.REGISTERED_ON.desc(), FRAUD_CASE.ID).limit(limit).fetch(EntryRepository::fraudCase));
            case WARNING_INSTRUCTION -> rows.addAll(dsl.selectFrom(WARNING_INSTRUCTION)
                    .orderBy(WARNING_INSTRUCTION.ISSUED_AT.desc(), WARNING_INSTRUCTION.ID).limit(limit)
                    .fetch(EntryRepository::instruction));
            case STATISTIC -> rows.addAll(dsl.selectFrom(MEASUREMENT).where(MEASUREMENT.BASIS.ne(Basis.SYNTHETIC_DEMO.code()))
                    .orderBy(MEASUREMENT.PERIOD_START.desc(), MEASUREMENT.ID).limit(limit).fetch(EntryRepository::statistic));
        }
        return rows;
    }

    // ---------------------------------------------------------------- mapping

    private static StoredRecord den(DenTakedownRecord r) {
        return new StoredRecord(new DenTakedown(r.getId(), r.getTakenOn(), r.getRegionCode(), r.getCity(),
                r.getCampaignCode(), r.getAddress(), r.getSuspectsArrested(), r.getGoipDevices(), r.getPhoneCards(),
                r.getBankCards(), r.getNote()), r.getRowVersion());
    }

    private static DenTakedownRecord denRecord(DenTakedown d) {
        DenTakedownRecord r = new DenTakedownRecord();
        r.setId(d.id());
        r.setTakenOn(d.takenOn());
        r.setRegionCode(d.regionCode());
        r.setCity(d.city());
        r.setCampaignCode(d.campaignCode());
        r.setAddress(d.address());
        r.setSuspectsArrested(d.suspectsArrested());
        r.setGoipDevices(d.goipDevices());
        r.setPhoneCards(d.phoneCards());
        r.setBankCards(d.bankCards());
        r.setNote(d.note());
        return r;
    }

    private static StoredRecord warning(WarningBatchRecord r) {
        return new StoredRecord(new WarningBatch(r.getId(), r.getBatchOn(), r.getRegionCode(),
                WarningChannel.fromCode(r.getChannel()), r.getWarnings(), r.getPersonsDissuaded(),
                r.getFundsIntercepted()), r.getRowVersion());
    }

    private static WarningBatchRecord warningRecord(WarningBatch w) {
        WarningBatchRecord r = new WarningBatchRecord();
        r.setId(w.id());
        r.setBatchOn(w.batchOn());
        r.setRegionCode(w.regionCode());
        r.setChannel(w.channel().code());
        r.setWarnings(w.warnings());
        r.setPersonsDissuaded(w.personsDissuaded());
        r.setFundsIntercepted(w.fundsIntercepted());
        return r;
    }

    private static StoredRecord fraudCase(FraudCaseRecord r) {
        return new StoredRecord(new FraudCase(r.getId(), r.getCaseNumber(), r.getRegisteredOn(), r.getRegionCode(),
                FraudType.fromCode(r.getFraudType()), r.getLoss(), r.getRecovered(), CaseStatus.fromCode(r.getStatus()),
                Basis.fromCode(r.getBasis())), r.getRowVersion());
    }

    private static FraudCaseRecord caseRecord(FraudCase c) {
        FraudCaseRecord r = new FraudCaseRecord();
        r.setId(c.id());
        r.setCaseNumber(c.caseNumber());
        r.setRegisteredOn(c.registeredOn());
        r.setRegionCode(c.regionCode());
        r.setFraudType(c.type().code());
        r.setLoss(c.loss());
        r.setRecovered(c.recovered());
        r.setStatus(c.status().code());
        r.setBasis(c.basis().code());
        return r;
    }

    private static StoredRecord instruction(WarningInstructionRecord r) {
        return new StoredRecord(new WarningInstruction(r.getId(), r.getIssuedAt(), r.getRegionCode(),
                InstructionTier.fromCode(r.getTier()), RiskLevel.fromCode(r.getRiskLevel()), r.getContactedAt(),
                InstructionOutcome.fromCode(r.getOutcome()), r.getFundsProtected()), r.getRowVersion());
    }

    private static WarningInstructionRecord instructionRecord(WarningInstruction i) {
        WarningInstructionRecord r = new WarningInstructionRecord();
        r.setId(i.id());
        r.setIssuedAt(i.issuedAt());
        r.setRegionCode(i.regionCode());
        r.setTier(i.tier().code());
        r.setRiskLevel(i.riskLevel().code());
        r.setContactedAt(i.contactedAt());
        r.setOutcome(i.outcome().code());
        r.setFundsProtected(i.fundsProtected());
        return r;
    }

    private static StoredRecord statistic(MeasurementRecord r) {
        Source source = r.getSourceTitle() == null && r.getSourceSentence() == null ? null
                : new Source(r.getSourceTitle(), r.getSourceSentence());
        Measurement m = new Measurement(r.getIndicatorCode(), r.getRegionCode(), Period.parse(r.getPeriod()),
                r.getCampaignCode(), r.getAmount(), r.getChangePct(), Basis.fromCode(r.getBasis()),
                r.getValueQualifier() == null ? null : Qualifier.fromCode(r.getValueQualifier()), source, r.getNote());
        return new StoredRecord(new Statistic(r.getId(), m), r.getRowVersion());
    }

    private static MeasurementRecord measurementRecord(Measurement m) {
        MeasurementRecord r = new MeasurementRecord();
        r.setIndicatorCode(m.indicatorCode());
        r.setRegionCode(m.regionCode());
        r.setPeriod(m.period().code());
        r.setPeriodStart(m.period().start());
        r.setPeriodEnd(m.period().end());
        r.setCampaignCode(m.campaignCode());
        r.setAmount(m.value());
        r.setChangePct(m.changePct());
        r.setBasis(m.basis().code());
        r.setValueQualifier(m.qualifier() == null ? null : m.qualifier().code());
        r.setSourceTitle(m.source() == null ? null : m.source().title());
        r.setSourceSentence(m.source() == null ? null : m.source().sentence());
        r.setNote(m.note());
        r.setGrain(MeasurementRepository.grainOf(m.period()));
        return r;
    }
}
