package org.antifraud.cc.service.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.TrustedStation;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.EntryRepository;
import org.antifraud.cc.service.audit.AuditBatch;
import org.antifraud.cc.service.audit.AuditChain;
import org.antifraud.cc.service.audit.StateText;
import org.antifraud.cc.service.csv.CsvFileType;
import org.antifraud.cc.service.csv.CsvProblem;
import org.antifraud.cc.service.csv.CsvReadResult;
import org.antifraud.cc.service.csv.CsvReader;
import org.antifraud.cc.service.csv.CsvWriter;
import org.antifraud.cc.service.csv.FormulaGuard;
import org.antifraud.cc.service.csv.SubmissionsCsv;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.service.records.SubmissionService;
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
 * <p>
 * Packages are signed (issue 13): {@code signature.properties} holds the signer's Ed25519 key and its signature of
 * {@code manifest.properties}'s exact bytes, which list every other entry with its size and SHA-256. Import checks
 * the signature, that the signer is this workstation or a station trusted here ({@code trusted_station}, V17), and
 * every entry against the manifest, within {@link PackageLimits}, before anything is written.
 */
public final class PackageService {
    static final String STATION_ID = "station.id";
    private static final String SIGNATURE = "signature.properties";
    private static final String MANIFEST = "manifest.properties";
    private static final String AUDIT = "audit.csv";
    private static final String SUBMISSIONS = "submissions.csv";
    /** The manifest's format: 2 lists every entry with its size and SHA-256 and is signed (1: unsigned, refused). */
    private static final int FORMAT = 2;
    private static final String SIGNATURE_FORMAT = "1";
    /** The signature and the manifest are a few kilobytes. */
    private static final int SMALL_ENTRY = 1024 * 1024;
    private static final String[] AUDIT_COLUMNS = {"seq", "recorded_at", "actor", "action", "entity", "entity_id",
            "origin", "before_state", "after_state", "prev_hash", "entry_hash", "batch_rows", "batch"};
    private static final String[] TEXT_COLUMNS = {"actor", "action", "entity", "entity_id", "origin", "before_state",
            "after_state", "prev_hash", "entry_hash"};
    private static final Map<CsvFileType, String> FILES = new EnumMap<>(Map.of(
            CsvFileType.DENS, "dens.csv", CsvFileType.WARNINGS, "warnings.csv", CsvFileType.CASES, "cases.csv",
            CsvFileType.INSTRUCTIONS, "instructions.csv", CsvFileType.MEASUREMENTS, "measurements.csv"));
    /** The entries a manifest may list. */
    private static final Set<String> CONTENT = Set.of("dens.csv", "warnings.csv", "cases.csv", "instructions.csv",
            "measurements.csv", SUBMISSIONS, AUDIT);

    private final Database database;
    private final Catalog catalog;
    private final RecordService records;
    private final SubmissionService submissions;
    private final Clock clock;
    private final StationKeys keys;
    private final PackageLimits limits;
    private final Supplier<String> auditHead;
    private final BooleanSupplier requiresEncryptedPackages;

    /** Packages signed with {@code keys}, read within the default limits, without an audit head. */
    public PackageService(Database database, Catalog catalog, RecordService records, SubmissionService submissions,
                          Clock clock, StationKeys keys) {
        this(database, catalog, records, submissions, clock, keys, PackageLimits.DEFAULT, () -> null, () -> false);
    }

    /**
     * @param auditHead                 the audit chain's head fingerprint for the manifest's {@code audit.head}
     *                                  (null: left out)
     * @param requiresEncryptedPackages whether this data folder's packages must be encrypted (an encrypted folder)
     */
    public PackageService(Database database, Catalog catalog, RecordService records, SubmissionService submissions,
                          Clock clock, StationKeys keys, PackageLimits limits, Supplier<String> auditHead,
                          BooleanSupplier requiresEncryptedPackages) {
        this.database = database;
        this.catalog = catalog;
        this.records = records;
        this.submissions = submissions;
        this.clock = clock;
        this.keys = keys;
        this.limits = limits;
        this.auditHead = auditHead;
        this.requiresEncryptedPackages = requiresEncryptedPackages;
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

    /**
     * Packages of an encrypted data folder must be encrypted to their recipient's key (issue 13): export without a
     * recipient ({@code --to}) is then refused.
     */
    public boolean requiresEncryptedPackages() {
        return requiresEncryptedPackages.getAsBoolean();
    }

    /** This workstation's signing key's fingerprint (its packages carry it). */
    public String signerFingerprint() {
        return keys.fingerprint();
    }

    /**
     * Writes every record (synthetic demo figures aside) and this workstation's audit trail, signed with this
     * workstation's key; returns the records.
     */
    public long export(Path out, String operator) {
        return export(out, operator, null);
    }

    /**
     * {@link #export(Path, String)}, encrypted to {@code recipient}'s X25519 key when given (headquarters' key file):
     * only that workstation can read it. Required when this data folder is encrypted.
     */
    public long export(Path out, String operator, StationKeys.KeyFile recipient) {
        if (recipient == null && requiresEncryptedPackages()) {
            throw new Problem("package_encryption_required", "this data folder is encrypted: its packages must be"
                    + " encrypted too (export-package --to HEADQUARTERS_KEY_FILE)");
        }
        if (recipient != null && recipient.encryptionKey() == null) {
            throw new Problem("package_recipient_without_key", "the key file of " + recipient.label()
                    + " has no encryption key (x25519): write it again with station key", recipient.label());
        }
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
        List<Submission> declared = new ArrayList<>();
        repos.submissions().forEach(declared::add);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            long n = 0;
            for (Map.Entry<CsvFileType, List<EntryRecord>> e : byType.entrySet()) {
                entries.put(FILES.get(e.getKey()), text(w -> CsvWriter.write(w, e.getKey(), e.getValue())));
                n += e.getValue().size();
            }
            entries.put(SUBMISSIONS, text(w -> SubmissionsCsv.write(w, declared)));
            entries.put(AUDIT, text(w -> writeAudit(w, audit)));
            byte[] manifest = manifest(station, operator, audit.size(), entries);
            byte[] signature = signature(manifest);
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
                put(zip, SIGNATURE, signature);
                put(zip, MANIFEST, manifest);
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    put(zip, e.getKey(), e.getValue());
                }
            }
            Files.write(tmp, recipient == null ? zipped.toByteArray()
                    : PackageEnvelope.encrypt(zipped.toByteArray(), StationKeys.decodeAgreement(recipient.encryptionKey())));
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

    @FunctionalInterface
    private interface TextWriter {
        void write(Writer w) throws IOException;
    }

    private static byte[] text(TextWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        writer.write(w);
        w.flush();
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** The manifest: who, when, and every entry with its size and SHA-256 (format 2). */
    private byte[] manifest(String station, String operator, int auditEntries, Map<String, byte[]> entries) {
        StringBuilder m = new StringBuilder("# field-station package\n");
        m.append("format=").append(FORMAT).append('\n');
        m.append("station=").append(station).append('\n');
        m.append("operator=").append(StationKeys.propertyValue(operator)).append('\n');
        m.append("created_at=").append(clock.instant()).append('\n');
        m.append("audit_entries=").append(auditEntries).append('\n');
        String head = auditHead.get();
        if (head != null && !head.isBlank()) {
            m.append("audit.head=").append(StationKeys.propertyValue(head)).append('\n'); // the audit chain's head
        }
        m.append("entries=").append(entries.size()).append('\n');
        int i = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            i++;
            m.append("entry.").append(i).append(".name=").append(e.getKey()).append('\n');
            m.append("entry.").append(i).append(".size=").append(e.getValue().length).append('\n');
            m.append("entry.").append(i).append(".sha256=").append(sha256(e.getValue())).append('\n');
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The signature entry: the signer's key and its Ed25519 signature of the manifest's exact bytes. */
    private byte[] signature(byte[] manifest) {
        return ("# field-station package signature\n"
                + "format=" + SIGNATURE_FORMAT + "\n"
                + "algorithm=" + StationKeys.ALGORITHM + "\n"
                + "signer.fingerprint=" + keys.fingerprint() + "\n"
                + "signer.public_key=" + keys.publicKeyText() + "\n"
                + "signature=" + Base64.getEncoder().encodeToString(keys.sign(manifest)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeAudit(Writer w, List<AuditEntry> audit) throws IOException {
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(AUDIT_COLUMNS).get());
        for (AuditEntry a : audit) {
            Object[] cells = {a.seq(), a.recordedAt(), a.actor(), a.action(), a.entity(), a.entityId(), a.origin(),
                    nullable(a.before()), nullable(a.after()), a.prevHash(), a.hash(), a.batchRows(),
                    a.isBatch() ? Base64.getEncoder().encodeToString(a.batch()) : ""};
            for (Object cell : cells) {
                printer.print(FormulaGuard.neutralise(String.valueOf(cell))); // a spreadsheet opening it runs nothing
            }
            printer.println();
        }
        printer.flush();
    }

    /** One entry the signed manifest lists. */
    private record Listed(String name, long size, String sha256) {
    }

    /**
     * Reads, verifies and merges a package, in one transaction. Before anything is parsed the signature is checked:
     * a package that is not signed, signed by a station not trusted here (or revoked), altered, with an entry twice,
     * an entry added or missing, of an unknown format, or beyond {@link PackageLimits} is refused with a Problem and
     * nothing is written.
     */
    public Result importPackage(Path file) {
        Map<CsvFileType, CsvReadResult> reads = new EnumMap<>(CsvFileType.class);
        List<AuditEntry> audit = new ArrayList<>();
        SubmissionsCsv.Read[] declaredRead = {null};
        CsvReader reader = new CsvReader(catalog, clock);
        String where = file.getFileName().toString();
        PackageZip zip = null;
        String station;
        try {
            zip = PackageEnvelope.isEncrypted(file)
                    ? new PackageZip(file, limits, PackageEnvelope.decrypt(file, keys.encryption(), limits.maxPackageBytes()))
                    : new PackageZip(file, limits);
            PackageZip.Entry first = zip.next();
            if (first == null) {
                throw new Problem("package_unreadable", "not a field-station package: " + file + " (not a zip)",
                        file.toString(), "not a zip");
            }
            if (!first.name().equals(SIGNATURE)) {
                throw new Problem("package_unsigned", file + ": not signed (a package from before signed packages,"
                        + " or not written by a workstation)", file.toString());
            }
            Properties signature = properties(first.readAll(SMALL_ENTRY));
            if (!SIGNATURE_FORMAT.equals(signature.getProperty("format"))) {
                throw unknownFormat(file, SIGNATURE, signature.getProperty("format"));
            }
            PublicKey signer;
            byte[] signed;
            try {
                signer = StationKeys.decode(signature.getProperty("signer.public_key", ""));
                signed = Base64.getDecoder().decode(signature.getProperty("signature", "").strip());
            } catch (Problem | IllegalArgumentException e) {
                throw signatureInvalid(file);
            }
            String expectedStation = signerStation(file, StationKeys.fingerprint(signer));
            PackageZip.Entry second = zip.next();
            if (second == null || !second.name().equals(MANIFEST)) {
                throw new Problem("package_manifest_mismatch", file + ": the manifest does not match the package ("
                        + "no manifest after the signature)", file.toString(), "no manifest after the signature");
            }
            byte[] manifestBytes = second.readAll(SMALL_ENTRY);
            if (!StationKeys.verify(signer, manifestBytes, signed)) {
                throw signatureInvalid(file);
            }
            Properties manifest = properties(manifestBytes);
            if (!String.valueOf(FORMAT).equals(manifest.getProperty("format"))) {
                throw unknownFormat(file, MANIFEST, manifest.getProperty("format"));
            }
            station = manifest.getProperty("station", "");
            if (!station.equals(expectedStation)) {
                throw new Problem("package_station_mismatch", file + ": signed by the key of station " + expectedStation
                        + " but says it comes from station " + station, file.toString(), expectedStation, station);
            }
            Map<String, Listed> listed = listed(file, manifest);
            Set<String> seen = new HashSet<>();
            for (PackageZip.Entry e; (e = zip.next()) != null; ) {
                Listed l = listed.get(e.name());
                if (l == null) {
                    throw new Problem("package_entry_unlisted", file + ": the entry " + e.name()
                            + " is not in the signed manifest (added after signing?)", file.toString(), e.name());
                }
                RuntimeException parseFailure = null;
                try {
                    readEntry(where, e, reader, reads, audit, declaredRead);
                } catch (IOException | RuntimeException ex) {
                    parseFailure = ex instanceof RuntimeException r ? r : new UncheckedIOException((IOException) ex);
                }
                if (zip.exceeded() != null) {
                    throw zip.exceeded();
                }
                String hex = e.finish();
                if (e.size() != l.size() || !hex.equals(l.sha256())) {
                    throw new Problem("package_entry_mismatch", file + ": the entry " + e.name()
                            + " is not what the signed manifest says (changed after signing?)", file.toString(), e.name());
                }
                if (parseFailure != null) {
                    throw parseFailure;
                }
                seen.add(e.name());
            }
            for (String name : listed.keySet()) {
                if (!seen.contains(name)) {
                    throw new Problem("package_entry_missing", file + ": the entry " + name
                            + " of the signed manifest is missing", file.toString(), name);
                }
            }
            if (!String.valueOf(audit.size()).equals(manifest.getProperty("audit_entries"))) {
                throw new Problem("package_manifest_mismatch", file + ": the manifest does not match the package ("
                        + "audit entries)", file.toString(), "audit_entries");
            }
        } catch (Problem p) {
            throw p;
        } catch (IOException | RuntimeException e) {
            if (zip != null && zip.exceeded() != null) {
                throw zip.exceeded();
            }
            throw new Problem("package_unreadable", "not a field-station package: " + file + " (" + e.getMessage() + ")",
                    file.toString(), String.valueOf(e.getMessage()));
        } finally {
            if (zip != null) {
                try {
                    zip.close();
                } catch (IOException ignored) {
                    // read already
                }
            }
        }
        SubmissionsCsv.Read declared = declaredRead[0];
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

    private void readEntry(String where, PackageZip.Entry e, CsvReader reader, Map<CsvFileType, CsvReadResult> reads,
                           List<AuditEntry> audit, SubmissionsCsv.Read[] declared) throws IOException {
        String name = e.name();
        if (name.equals(SUBMISSIONS)) {
            declared[0] = SubmissionsCsv.read(where + "!" + name, e, catalog, LocalDate.now(clock));
        } else if (name.equals(AUDIT)) {
            audit.addAll(readAudit(where + "!" + name, e, limits));
        } else {
            for (Map.Entry<CsvFileType, String> f : FILES.entrySet()) {
                if (f.getValue().equals(name)) {
                    reads.put(f.getKey(), reader.read(where + "!" + name, e, f.getKey()));
                }
            }
        }
    }

    /** The station id the key of {@code fingerprint} speaks for: this workstation's own, or a trusted station's. */
    private String signerStation(Path file, String fingerprint) {
        if (fingerprint.equals(keys.fingerprint())) {
            return stationId(); // a workstation trusts its own packages
        }
        TrustedStation trusted = database.repositories().trustedStations().find(fingerprint)
                .orElseThrow(() -> new Problem("package_untrusted", file + ": signed by a station not trusted here (key "
                        + StationKeys.grouped(fingerprint) + "; see station trust)", file.toString(),
                        StationKeys.grouped(fingerprint)));
        if (trusted.revoked()) {
            throw new Problem("package_revoked", file + ": signed by the key of station " + trusted.label()
                    + ", revoked here on " + trusted.revokedAt(), file.toString(), trusted.label(),
                    StationKeys.grouped(fingerprint), trusted.revokedAt().toString());
        }
        return trusted.station();
    }

    /** The entries the manifest lists: known names, each once, with a size and a SHA-256. */
    private Map<String, Listed> listed(Path file, Properties manifest) {
        Map<String, Listed> listed = new LinkedHashMap<>();
        int count;
        try {
            count = Integer.parseInt(manifest.getProperty("entries", ""));
        } catch (NumberFormatException e) {
            throw manifestMismatch(file, "entries");
        }
        if (count < 0 || count > limits.maxEntries()) {
            throw manifestMismatch(file, "entries");
        }
        for (int i = 1; i <= count; i++) {
            String name = manifest.getProperty("entry." + i + ".name", "");
            String size = manifest.getProperty("entry." + i + ".size", "");
            String hash = manifest.getProperty("entry." + i + ".sha256", "");
            if (!CONTENT.contains(name) || listed.containsKey(name) || !size.matches("[0-9]{1,18}")
                    || !hash.matches("[0-9a-f]{64}")) {
                throw manifestMismatch(file, "entry." + i);
            }
            listed.put(name, new Listed(name, Long.parseLong(size), hash));
        }
        return listed;
    }

    private static Problem manifestMismatch(Path file, String what) {
        return new Problem("package_manifest_mismatch", file + ": the manifest does not match the package (" + what
                + ")", file.toString(), what);
    }

    private static Problem signatureInvalid(Path file) {
        return new Problem("package_signature_invalid", file + ": the signature does not match the manifest (the"
                + " package was changed after signing)", file.toString());
    }

    private static Problem unknownFormat(Path file, String entry, String format) {
        return new Problem("package_format_unknown", file + ": " + entry + " has format " + format
                + ", which this version does not read", file.toString(), entry, String.valueOf(format));
    }

    private static Properties properties(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        return p;
    }

    private Result merge(Path file, String station, List<EntryRecord> incoming,
                         List<Submission> declared, Map<String, Set<String>> history,
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

    /**
     * The station's audit trail, within limits: {@code batch_rows} in 0..{@link AuditBatch#ROWS}, a batch's text at
     * most {@link PackageLimits#maxBatchChars()}, the states together at most {@link PackageLimits#maxAuditStates()};
     * a text cell that is an unguarded spreadsheet formula was not written by a workstation. A Problem names the
     * line ({@code gd.zip!audit.csv:7}).
     */
    static List<AuditEntry> readAudit(String where, InputStream in, PackageLimits limits) throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
        long[] states = {0};
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (String column : AUDIT_COLUMNS) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw auditProblem(where, 1, column, "required column missing");
                }
            }
            for (CSVRecord c : parser) {
                long line = c.getRecordNumber() + 1;
                if (c.size() != AUDIT_COLUMNS.length) {
                    throw auditProblem(where, line, "", c.size() + " cells, but the header has " + AUDIT_COLUMNS.length);
                }
                for (String column : TEXT_COLUMNS) {
                    String cell = c.get(column);
                    if (!cell.equals(FormulaGuard.neutralise(FormulaGuard.unneutralise(cell)))) {
                        throw new Problem("package_audit_formula", where + ":" + line + ": " + column
                                + ": a spreadsheet formula, which a workstation never writes", where, line, column);
                    }
                }
                String batchText = FormulaGuard.unneutralise(c.get("batch"));
                if (batchText.length() > limits.maxBatchChars()) {
                    throw auditProblem(where, line, "batch", "longer than " + limits.maxBatchChars() + " characters");
                }
                long batchRows = number(where, line, "batch_rows", FormulaGuard.unneutralise(c.get("batch_rows")));
                if (batchRows < 0 || batchRows > AuditBatch.ROWS) {
                    throw new Problem("package_audit_batch_rows", where + ":" + line + ": batch_rows: " + batchRows
                            + " is not in 0.." + AuditBatch.ROWS, where, line, batchRows, AuditBatch.ROWS);
                }
                int rows = (int) batchRows;
                byte[] batch = null;
                if (!batchText.isEmpty()) {
                    try {
                        batch = Base64.getDecoder().decode(batchText);
                    } catch (IllegalArgumentException e) {
                        throw auditProblem(where, line, "batch", "not base64");
                    }
                }
                if ((batch == null) != (rows == 0)) {
                    throw new Problem("package_audit_batch_rows", where + ":" + line + ": batch_rows: " + rows
                            + " does not match the batch", where, line, rows, AuditBatch.ROWS);
                }
                String before = state(FormulaGuard.unneutralise(c.get("before_state")));
                String after = state(FormulaGuard.unneutralise(c.get("after_state")));
                states[0] += (before == null ? 0 : before.length()) + (after == null ? 0 : after.length());
                if (batch != null) {
                    checkBatch(where, line, batch, rows, states, limits);
                }
                if (states[0] > limits.maxAuditStates()) {
                    throw auditProblem(where, line, "", "the states together are longer than "
                            + limits.maxAuditStates() + " characters");
                }
                Instant at;
                try {
                    at = Instant.parse(FormulaGuard.unneutralise(c.get("recorded_at")));
                } catch (DateTimeParseException e) {
                    throw auditProblem(where, line, "recorded_at", "not a time");
                }
                entries.add(new AuditEntry(number(where, line, "seq", FormulaGuard.unneutralise(c.get("seq"))), at,
                        text(c, "actor"), text(c, "action"), text(c, "entity"), text(c, "entity_id"), text(c, "origin"),
                        before, after, text(c, "prev_hash"), text(c, "entry_hash"), rows, batch));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause(); // commons-csv wraps the reading's IOException (a limit of the zip, broken quoting)
        }
        return entries;
    }

    /** A batch whose header says {@code rows} rows, each readable, their states counted into {@code states}. */
    private static void checkBatch(String where, long line, byte[] batch, int rows, long[] states, PackageLimits limits) {
        if (batch.length < 9 || ByteBuffer.wrap(batch, 1, 4).getInt() != rows) {
            throw new Problem("package_audit_batch_rows", where + ":" + line + ": batch_rows: " + rows
                    + " does not match the batch", where, line, rows, AuditBatch.ROWS);
        }
        try {
            AuditBatch.forEachRow(batch, row -> {
                states[0] += (row.before() == null ? 0 : row.before().length())
                        + (row.after() == null ? 0 : row.after().length()) + row.entityId().length();
                if (states[0] > limits.maxAuditStates()) {
                    throw auditProblem(where, line, "batch", "the states together are longer than "
                            + limits.maxAuditStates() + " characters");
                }
            });
        } catch (Problem p) {
            throw p;
        } catch (RuntimeException e) {
            throw auditProblem(where, line, "batch", "a damaged batch");
        }
    }

    private static String text(CSVRecord c, String column) {
        return FormulaGuard.unneutralise(c.get(column));
    }

    private static long number(String where, long line, String column, String cell) {
        try {
            return Long.parseLong(cell.strip());
        } catch (NumberFormatException e) {
            throw auditProblem(where, line, column, "not a whole number: " + cell);
        }
    }

    private static Problem auditProblem(String where, long line, String column, String why) {
        String at = where + ":" + line + ": " + (column.isEmpty() ? "" : column + ": ");
        return new Problem("package_audit_invalid", at + why, where, line, column.isEmpty() ? "-" : column, why);
    }

    /** A missing state is written as a lone NUL so that it differs from an empty one. */
    private static String nullable(String state) {
        return state == null ? "\u0000" : state;
    }

    private static String state(String cell) {
        return "\u0000".equals(cell) ? null : cell;
    }
}
