package org.antifraud.cc.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.EntryRepository;
import org.antifraud.cc.service.csv.CsvFileType;
import org.antifraud.cc.service.csv.CsvProblem;
import org.antifraud.cc.service.csv.CsvReadResult;
import org.antifraud.cc.service.csv.CsvReader;
import org.antifraud.cc.service.csv.CsvWriter;
import org.antifraud.cc.service.csv.SubmissionsCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Field-station packages: a zip of every record (four CSV files, docs/csv-format.md), the provinces'
 * submissions ({@code submissions.csv}), the station's audit trail ({@code audit.csv}) and a manifest. Importing one merges by id: a record not here is added; one here
 * as in the package is left; one here in a state the package's own trail passed through (the station saw it
 * and changed it later) is updated; one changed here in a way the station never saw is a conflict, listed
 * and not overwritten. A submission here is replaced by the package's when the package's changed later
 * ({@link SubmissionService#merge}); an old package without submissions imports as before. The station's audit
 * entries are kept as they came (V11); importing twice changes nothing the second time.
 */
public final class PackageService {
    static final String STATION_ID = "station.id";
    private static final String MANIFEST = "manifest.properties";
    private static final String AUDIT = "audit.csv";
    private static final String SUBMISSIONS = "submissions.csv";
    private static final String[] AUDIT_COLUMNS = {"seq", "recorded_at", "actor", "action", "entity", "entity_id",
            "origin", "before_state", "after_state", "prev_hash", "entry_hash", "batch_rows", "batch"};
    private static final Map<CsvFileType, String> FILES = new EnumMap<>(Map.of(
            CsvFileType.DENS, "dens.csv", CsvFileType.WARNINGS, "warnings.csv", CsvFileType.CASES, "cases.csv",
            CsvFileType.MEASUREMENTS, "measurements.csv"));

    private final Database database;
    private final Catalog catalog;
    private final RecordService records;
    private final SubmissionService submissions;
    private final Clock clock;

    public PackageService(Database database, Catalog catalog, RecordService records, SubmissionService submissions,
                          Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.records = records;
        this.submissions = submissions;
        this.clock = clock;
    }

    /** One record the package would change but this workstation changed differently: left as it is here. */
    public record Conflict(RecordKind kind, String key, List<String> fields) {
    }

    /**
     * What an import did; {@code problems} non-empty means nothing was imported. {@code submissions}: what the
     * package's {@code submissions.csv} did (none for a package without one).
     */
    public record Result(long added, long updated, long unchanged, List<Conflict> conflicts, long auditEntries,
                         List<String> problems, SubmissionService.MergeSummary submissions) {
        public Result(long added, long updated, long unchanged, List<Conflict> conflicts, long auditEntries,
                      List<String> problems) {
            this(added, updated, unchanged, conflicts, auditEntries, problems, SubmissionService.MergeSummary.NONE);
        }
    }

    /** This workstation's id in packages: made once, kept in the database. */
    public String stationId() {
        return database.transaction(repos -> repos.appState().get(STATION_ID).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            repos.appState().put(STATION_ID, id);
            return id;
        }));
    }

    /** Writes every record (synthetic demo figures aside) and this workstation's audit trail; returns the records. */
    public long export(Path out, String operator) {
        String station = stationId();
        var repos = database.repositories();
        Map<CsvFileType, List<EntryRecord>> byType = new EnumMap<>(CsvFileType.class);
        for (CsvFileType type : FILES.keySet()) {
            List<EntryRecord> list = new ArrayList<>();
            repos.entries().forEach(type.kind(), s -> list.add(s.record()));
            byType.put(type, list);
        }
        List<AuditEntry> audit = new ArrayList<>();
        repos.audit().forEach(audit::add);
        List<org.antifraud.cc.domain.Submission> declared = new ArrayList<>();
        repos.submissions().forEach(declared::add);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
            Properties manifest = new Properties();
            manifest.setProperty("format", "1");
            manifest.setProperty("station", station);
            manifest.setProperty("operator", operator);
            manifest.setProperty("created_at", clock.instant().toString());
            manifest.setProperty("audit_entries", Integer.toString(audit.size()));
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(new OutputStreamWriter(uncloseable(zip), StandardCharsets.UTF_8), "field-station package");
            long n = 0;
            for (Map.Entry<CsvFileType, List<EntryRecord>> e : byType.entrySet()) {
                zip.putNextEntry(new ZipEntry(FILES.get(e.getKey())));
                Writer w = new OutputStreamWriter(uncloseable(zip), StandardCharsets.UTF_8);
                CsvWriter.write(w, e.getKey(), e.getValue());
                w.flush();
                n += e.getValue().size();
            }
            zip.putNextEntry(new ZipEntry(SUBMISSIONS));
            Writer sw = new OutputStreamWriter(uncloseable(zip), StandardCharsets.UTF_8);
            SubmissionsCsv.write(sw, declared);
            sw.flush();
            zip.putNextEntry(new ZipEntry(AUDIT));
            Writer w = new OutputStreamWriter(uncloseable(zip), StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(AUDIT_COLUMNS).get())) {
                for (AuditEntry a : audit) {
                    printer.printRecord(a.seq(), a.recordedAt(), a.actor(), a.action(), a.entity(), a.entityId(),
                            a.origin(), nullable(a.before()), nullable(a.after()), a.prevHash(), a.hash(), a.batchRows(),
                            a.isBatch() ? java.util.Base64.getEncoder().encodeToString(a.batch()) : "");
                }
                printer.flush();
            }
            zip.finish();
            zip.close();
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original problem is the one to report
            }
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    /** Reads, checks and merges a package, in one transaction. */
    public Result importPackage(Path file) {
        Properties manifest = new Properties();
        Map<CsvFileType, CsvReadResult> reads = new EnumMap<>(CsvFileType.class);
        List<AuditEntry> audit = new ArrayList<>();
        SubmissionsCsv.Read declared = null;
        CsvReader reader = new CsvReader(catalog, clock);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.equals(MANIFEST)) {
                    manifest.load(new InputStreamReader(uncloseable(zip), StandardCharsets.UTF_8));
                } else if (name.equals(SUBMISSIONS)) {
                    declared = SubmissionsCsv.read(file.getFileName() + "!" + name, uncloseable(zip), catalog,
                            java.time.LocalDate.now(clock));
                } else if (name.equals(AUDIT)) {
                    audit.addAll(readAudit(uncloseable(zip)));
                } else {
                    for (Map.Entry<CsvFileType, String> f : FILES.entrySet()) {
                        if (f.getValue().equals(name)) {
                            reads.put(f.getKey(), reader.read(file.getFileName() + "!" + name, uncloseable(zip), f.getKey()));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new Problem("package_unreadable", "not a field-station package: " + file + " (" + e.getMessage() + ")",
                    file.toString(), String.valueOf(e.getMessage()));
        }
        String station = manifest.getProperty("station");
        if (station == null) {
            throw new Problem("package_unreadable", "not a field-station package: " + file + " (no manifest)",
                    file.toString(), "no manifest");
        }
        List<String> problems = new ArrayList<>();
        reads.values().forEach(r -> r.problems().forEach(p -> problems.add(p.toString())));
        if (declared != null) {
            declared.problems().forEach(p -> problems.add(p.toString()));
            if (declared.moreProblems() > 0) {
                problems.add(new CsvProblem(file.getFileName() + "!" + SUBMISSIONS, 0, null, CsvProblem.Kind.MORE,
                        List.of(declared.moreProblems())).toString());
            }
        }
        String broken = checkChain(audit);
        if (broken != null) {
            problems.add(file.getFileName() + "!" + AUDIT + ": " + broken);
        }
        if (!problems.isEmpty()) {
            return new Result(0, 0, 0, List.of(), 0, problems);
        }
        Map<String, Set<String>> history = history(audit);
        List<EntryRecord> incoming = new ArrayList<>();
        reads.values().forEach(r -> incoming.addAll(r.records()));
        return merge(file, station, incoming, declared == null ? List.of() : declared.submissions(), history, audit);
    }

    private Result merge(Path file, String station, List<EntryRecord> incoming,
                         List<org.antifraud.cc.domain.Submission> declared, Map<String, Set<String>> history,
                         List<AuditEntry> audit) {
        // decide first (reads), then write what is new or updated in one import transaction
        EntryRepository entries = database.repositories().entries();
        Set<String> indicators = new HashSet<>();
        incoming.stream().filter(r -> r instanceof Statistic).forEach(r -> indicators.add(((Statistic) r).measurement().indicatorCode()));
        Map<String, StoredRecord> statistics = indicators.isEmpty() ? Map.of() : entries.statisticsByKey(indicators);
        List<EntryRecord> accepted = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        long unchanged = 0;
        for (EntryRecord r : incoming) {
            StoredRecord here = r instanceof Statistic s ? statistics.get(EntryRepository.naturalKey(s.measurement()))
                    : entries.find(r.kind(), r.key()).orElse(null);
            if (here == null) {
                accepted.add(r);
                continue;
            }
            String mine = withoutId(StateText.of(here.record()));
            String theirs = withoutId(StateText.of(r));
            if (mine.equals(theirs)) {
                unchanged++;
            } else if (history.getOrDefault(identity(r), Set.of()).contains(mine)) {
                accepted.add(r); // the station had this state and changed it since
            } else {
                conflicts.add(new Conflict(r.kind(), here.record().key(), StateText.differences(mine, theirs)));
            }
        }
        long[] stored = {0};
        SubmissionService.MergeSummary[] merged = {SubmissionService.MergeSummary.NONE};
        String origin = "package " + file.getFileName() + " from station " + station;
        RecordService.ImportSummary summary = records.importAll(accepted, origin, repos -> {
            stored[0] = repos.stationAudit().storeNew(station, audit);
            merged[0] = submissions.merge(repos, declared, origin); // newer changed_at wins, in the same transaction
        });
        return new Result(summary.added(), summary.updated(), unchanged + summary.unchanged(), conflicts, stored[0],
                List.of(), merged[0]);
    }

    /** The states each record passed through in the station's trail (without ids), by record identity. */
    private static Map<String, Set<String>> history(List<AuditEntry> audit) {
        Map<String, Set<String>> states = new HashMap<>();
        for (AuditEntry e : audit.stream().flatMap(a -> AuditBatch.expand(a).stream()).toList()) {
            for (String s : new String[]{e.before(), e.after()}) {
                if (s != null) {
                    states.computeIfAbsent(identity(e.entity(), s), k -> new HashSet<>()).add(withoutId(s));
                }
            }
        }
        return states;
    }

    /** A record's identity across workstations: its id, or for a statistic what it is about. */
    private static String identity(EntryRecord r) {
        return identity(r.kind().code(), StateText.of(r));
    }

    private static String identity(String entity, String state) {
        Map<String, String> f = StateText.parse(state);
        if (RecordKind.STATISTIC.code().equals(entity)) {
            return entity + '|' + f.get("indicator") + '|' + f.get("region") + '|' + f.get("period") + '|'
                    + (f.get("campaign") == null ? "" : f.get("campaign"));
        }
        return entity + '|' + f.get("id");
    }

    private static String withoutId(String state) {
        Map<String, String> f = new LinkedHashMap<>(StateText.parse(state));
        if (f.containsKey("indicator")) {
            f.remove("id"); // a statistic's id is local to each workstation
        }
        return StateText.format(f);
    }

    /** Null when the package's trail is one unbroken chain, else what is wrong. */
    private static String checkChain(List<AuditEntry> audit) {
        String prev = AuditChain.GENESIS;
        long prevSeq = 0;
        for (AuditEntry e : audit) {
            if (e.seq() != prevSeq + 1 || !e.prevHash().equals(prev) || !AuditChain.expectedHash(e).equals(e.hash())) {
                return "audit trail broken at entry " + e.seq();
            }
            prev = e.hash();
            prevSeq = e.seq();
        }
        return null;
    }

    private static List<AuditEntry> readAudit(InputStream in) throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord c : parser) {
                entries.add(new AuditEntry(Long.parseLong(c.get("seq")), Instant.parse(c.get("recorded_at")),
                        c.get("actor"), c.get("action"), c.get("entity"), c.get("entity_id"), c.get("origin"),
                        state(c.get("before_state")), state(c.get("after_state")), c.get("prev_hash"),
                        c.get("entry_hash"), c.isMapped("batch_rows") ? Integer.parseInt(c.get("batch_rows")) : 0,
                        c.isMapped("batch") && !c.get("batch").isEmpty()
                                ? java.util.Base64.getDecoder().decode(c.get("batch")) : null));
            }
        }
        return entries;
    }

    /** A missing state is written as a lone NUL so that it differs from an empty one. */
    private static String nullable(String state) {
        return state == null ? "\u0000" : state;
    }

    private static String state(String cell) {
        return "\u0000".equals(cell) ? null : cell;
    }

    private static OutputStream uncloseable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static InputStream uncloseable(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the zip goes on to its next entry
            }
        };
    }
}
