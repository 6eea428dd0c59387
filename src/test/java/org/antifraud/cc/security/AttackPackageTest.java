package org.antifraud.cc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.audit.AuditService;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.exchange.PackageLimits;
import org.antifraud.cc.service.exchange.PackageService;
import org.antifraud.cc.service.exchange.StationKeys;
import org.antifraud.cc.service.exchange.StationTrustService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.service.records.SubmissionService;
import org.antifraud.cc.ui.common.I18n;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on field-station packages (issue 13). Headquarters trusts one station; every doctored package is
 * refused with one Problem (one line, exit 2 at the command line) before anything is written: the database is
 * exactly as it was.
 */
@IntegrationTest
class AttackPackageTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final UUID DEN = UUID.fromString("7d1e0c52-3b7a-4c41-9a57-0b6a5f0e2a11");

    @TempDir
    Path tmp;

    private final List<Database> opened = new ArrayList<>();
    private Workstation station;
    private Workstation hq;
    private Path pkg;

    /** One workstation: a private in-memory database, its key and its services. */
    private final class Workstation {
        final String url = "jdbc:h2:mem:attack-pkg-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        final Database database = Database.openUrl(url, "test");
        final StationKeys keys = new StationKeys(tmp.resolve("keys-" + UUID.randomUUID()));
        final DatasetService datasets;
        final RecordService records;
        final StationTrustService trust;
        final AuditService audit;
        final PackageService packages;

        Workstation(PackageLimits limits) {
            this(limits, false);
        }

        Workstation(PackageLimits limits, boolean encryptedFolder) {
            opened.add(database);
            datasets = new DatasetService(database, CLOCK);
            datasets.initialiseEmpty();
            var catalog = database.repositories().catalog().load();
            records = new RecordService(database, catalog, datasets, CLOCK, TestAudit.trail(database, "clerk"));
            audit = new AuditService(database, CLOCK, TestAudit.trail(database, "clerk"));
            audit.adoptBaseline();
            trust = new StationTrustService(database, CLOCK, TestAudit.trail(database, "clerk"), keys);
            packages = new PackageService(database, catalog, records,
                    new SubmissionService(database, catalog, datasets, CLOCK, TestAudit.trail(database, "clerk")), CLOCK, keys, limits,
                    () -> null, () -> encryptedFolder);
        }

        /** This workstation's key file, as {@code station key --out} writes it. */
        StationKeys.KeyFile keyFile(String label) {
            return new StationKeys.KeyFile(packages.stationId(), label, keys.publicKeyText(), keys.encryptionKeyText());
        }

        void trust(Workstation other) {
            trust.trust(new StationKeys.KeyFile(other.packages.stationId(), "Guangdong", other.keys.publicKeyText()), null);
        }

        /** What an import could change: every table it writes, and the data version. */
        String snapshot() throws Exception {
            StringBuilder s = new StringBuilder(datasets.dataVersion());
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
                for (String table : List.of("den_takedown", "warning_batch", "fraud_case", "measurement", "audit_entry",
                        "station_audit_entry", "submission", "trusted_station")) {
                    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        s.append(' ').append(table).append('=').append(rs.getLong(1));
                    }
                }
            }
            return s.toString();
        }
    }

    @BeforeEach
    void stationAndHeadquarters() {
        station = new Workstation(PackageLimits.DEFAULT);
        station.records.save(new DenTakedown(DEN, LocalDate.of(2022, 5, 3), "CN-GD", "Shenzhen", "chain_cutting", null,
                5, 2, 30, 4, null), null, "form");
        hq = new Workstation(PackageLimits.DEFAULT);
        hq.trust(station);
        pkg = tmp.resolve("gd.zip");
        station.packages.export(pkg, "gd-clerk");
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    /** Imports {@code file} at {@code at}: refused with {@code key}; its one line; nothing changed. */
    private String refused(Workstation at, Path file, String key) throws Exception {
        String before = at.snapshot();
        Problem p = catchThrowableOfType(Problem.class, () -> at.packages.importPackage(file));
        assertThat(p).as("refused").isNotNull();
        assertThat(p.key()).as(p.getMessage()).isEqualTo(key);
        String line = new I18n(Lang.EN).problem(p);
        assertThat(line).doesNotContain("\n").contains(file.getFileName().toString());
        assertThat(new I18n(Lang.ZH).problem(p)).doesNotContain("\n");
        assertThat(at.snapshot()).as("nothing written").isEqualTo(before);
        assertThat(at.audit.verify().intact()).isTrue();
        return line;
    }

    private Path forged(PackageForge f, String name) throws IOException {
        return f.write(tmp.resolve(name));
    }

    @Test
    void theGenuinePackageImports() {
        PackageService.Result r = hq.packages.importPackage(pkg);
        assertThat(r.problems()).isEmpty();
        assertThat(r.added()).isEqualTo(1);
    }

    @Test
    void unsignedPackageIsRefused() throws Exception {
        Path unsigned = forged(PackageForge.of(pkg).remove(PackageForge.SIGNATURE), "unsigned.zip");
        assertThat(refused(hq, unsigned, "package_unsigned")).contains("not signed");
    }

    @Test
    void packageFromAnUntrustedStationIsRefused() throws Exception {
        Workstation stranger = new Workstation(PackageLimits.DEFAULT);
        stranger.records.save(new DenTakedown(UUID.randomUUID(), LocalDate.of(2022, 5, 4), "CN-FJ", "Xiamen", null,
                null, 3, 0, 5, 1, null), null, "form");
        Path theirs = tmp.resolve("stranger.zip");
        stranger.packages.export(theirs, "someone");
        assertThat(refused(hq, theirs, "package_untrusted")).contains("not trusted here");
    }

    @Test
    void packageOfARevokedStationIsRefused() throws Exception {
        hq.trust.revoke(station.keys.fingerprint());
        assertThat(refused(hq, pkg, "package_revoked")).contains("revoked", "Guangdong");
    }

    @Test
    void entryAlteredAfterSigningIsRefused() throws Exception {
        PackageForge f = PackageForge.of(pkg);
        Path altered = forged(f.put("dens.csv", f.text("dens.csv").replace(",5,2,30,4", ",50,2,30,4")), "altered.zip");
        assertThat(refused(hq, altered, "package_entry_mismatch")).contains("dens.csv");
    }

    @Test
    void manifestAlteredAfterSigningIsRefused() throws Exception {
        PackageForge f = PackageForge.of(pkg);
        Path altered = forged(f.put(PackageForge.MANIFEST, f.text(PackageForge.MANIFEST)
                .replace("operator=gd-clerk", "operator=minister")), "manifest.zip");
        assertThat(refused(hq, altered, "package_signature_invalid")).contains("signature");
    }

    @Test
    void entryAddedAfterSigningIsRefused() throws Exception {
        Path added = forged(PackageForge.of(pkg).put("cases.csv.bak", "x"), "added.zip");
        assertThat(refused(hq, added, "package_entry_unlisted")).contains("cases.csv.bak");
    }

    @Test
    void entryRemovedAfterSigningIsRefused() throws Exception {
        Path removed = forged(PackageForge.of(pkg).remove("dens.csv"), "removed.zip");
        assertThat(refused(hq, removed, "package_entry_missing")).contains("dens.csv");
    }

    @Test
    void duplicateEntryIsRefused() throws Exception {
        PackageForge f = PackageForge.of(pkg);
        byte[] second = f.text("dens.csv").replace(",5,2,30,4", ",50,2,30,4").getBytes(StandardCharsets.UTF_8);
        Path doubled = forged(f.append("dens.csv", second), "doubled.zip");
        assertThat(refused(hq, doubled, "package_duplicate_entry")).contains("dens.csv", "twice");
    }

    @Test
    void manifestLyingAboutItsContentsIsRefusedEvenWhenSigned() throws Exception {
        // the station's own key signs a manifest that claims more audit entries than the package holds
        Path lying = forged(PackageForge.of(pkg).resign(station.keys, Map.of("audit_entries", "99")), "lying.zip");
        assertThat(refused(hq, lying, "package_manifest_mismatch")).contains("manifest");
        // and one that lists an entry the package does not hold
        PackageForge f = PackageForge.of(pkg);
        String manifest = f.text(PackageForge.MANIFEST).replace("entries=6", "entries=7")
                + "entry.7.name=cases.csv\nentry.7.size=1\nentry.7.sha256=" + "0".repeat(64) + "\n";
        Path listed = forged(f.signManifest(station.keys, manifest), "listed.zip");
        assertThat(refused(hq, listed, "package_manifest_mismatch")).contains("entry.7");
    }

    @Test
    void unknownFormatVersionIsRefused() throws Exception {
        Path future = forged(PackageForge.of(pkg).resign(station.keys, Map.of("format", "3")), "future.zip");
        assertThat(refused(hq, future, "package_format_unknown")).contains("format 3");
        PackageForge f = PackageForge.of(pkg);
        Path futureSignature = forged(f.put(PackageForge.SIGNATURE,
                f.text(PackageForge.SIGNATURE).replace("format=1", "format=9")), "future-signature.zip");
        assertThat(refused(hq, futureSignature, "package_format_unknown")).contains("format 9");
    }

    @Test
    void trustedKeySpeakingForAnotherStationIsRefused() throws Exception {
        Path other = forged(PackageForge.of(pkg).resign(station.keys, Map.of("station", UUID.randomUUID().toString())),
                "impersonating.zip");
        refused(hq, other, "package_station_mismatch");
    }

    /** A zip whose {@code bomb} entry is {@code size} zero bytes deflated, listed in a manifest signed by {@code key}. */
    private Path bomb(String name, String bombEntry, long size, StationKeys key) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] zeros = new byte[1 << 20];
        for (long n = 0; n < size; n += zeros.length) {
            sha.update(zeros, 0, (int) Math.min(zeros.length, size - n));
        }
        String manifest = "format=2\nstation=" + station.packages.stationId() + "\noperator=x\ncreated_at="
                + CLOCK.instant() + "\naudit_entries=0\nentries=1\nentry.1.name=" + bombEntry + "\nentry.1.size=" + size
                + "\nentry.1.sha256=" + HexFormat.of().formatHex(sha.digest()) + "\n";
        byte[] m = manifest.getBytes(StandardCharsets.UTF_8);
        String signature = "format=1\nalgorithm=Ed25519\nsigner.public_key=" + key.publicKeyText() + "\nsignature="
                + Base64.getEncoder().encodeToString(key.sign(m)) + "\n";
        Path out = tmp.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(PackageForge.SIGNATURE));
            zip.write(signature.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(PackageForge.MANIFEST));
            zip.write(m);
            zip.putNextEntry(new ZipEntry(bombEntry));
            OutputStream out2 = zip;
            for (long n = 0; n < size; n += zeros.length) {
                out2.write(zeros, 0, (int) Math.min(zeros.length, size - n));
            }
            zip.closeEntry();
        }
        return out;
    }

    @Test
    void zipBombIsStoppedWhileInflatingInSeconds() throws Exception {
        Path bomb = bomb("bomb.zip", "measurements.csv", 200L << 20, station.keys);
        assertThat(Files.size(bomb)).as("a small file").isLessThan(1 << 20);
        assertThat(refused(hq, bomb, "package_ratio")).contains("measurements.csv", "zip bomb");
    }

    @Test
    void zipBombInPlaceOfTheSignatureIsStoppedBeforeAnythingIsTrusted() throws Exception {
        Path out = tmp.resolve("bomb-signature.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            zip.putNextEntry(new ZipEntry(PackageForge.SIGNATURE));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
        }
        refused(hq, out, "package_ratio");
    }

    @Test
    void deeplyRepetitiveEntryIsCutOffAtItsLimitWhileInflating() throws Exception {
        // a ratio the limits allow, but more bytes than an entry may inflate to: counted, not taken from the zip
        Workstation strict = new Workstation(new PackageLimits(16, 256L << 20, 4L << 20, 8L << 20, Integer.MAX_VALUE,
                1L << 20, 1 << 20, 1L << 20));
        strict.trust(station);
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            row.append("7,2022-05-03,CN-GD,Shenzhen,chain_cutting,,5,2,30,4,\n");
        }
        PackageForge f = PackageForge.of(pkg);
        Path big = forged(f.put("dens.csv", f.text("dens.csv") + row).resign(station.keys, Map.of()), "repetitive.zip");
        assertThat(refused(strict, big, "package_entry_too_large")).contains("dens.csv", "4,194,304");
    }

    /** The station's audit.csv with {@code column} of the first entry's row set to {@code value}, signed again. */
    private Path auditCell(String name, int column, String value) throws Exception {
        PackageForge f = PackageForge.of(pkg);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(f.text("audit.csv"))).getRecords();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (int i = 0; i < rows.size(); i++) {
                List<String> cells = new ArrayList<>(rows.get(i).toList());
                if (i == 1) {
                    cells.set(column, value);
                }
                printer.printRecord(cells);
            }
        }
        return forged(f.put("audit.csv", out.toString()).resign(station.keys, Map.of()), name);
    }

    @Test
    void hugeBatchRowsIsALineNumberedProblemNotAnOutOfMemoryError() throws Exception {
        assertThat(refused(hq, auditCell("huge.zip", 11, "2147483647"), "package_audit_batch_rows"))
                .startsWith("huge.zip!audit.csv:2: batch_rows: 2147483647 is not in 0..50000");
        assertThat(refused(hq, auditCell("huger.zip", 11, "99999999999"), "package_audit_batch_rows"))
                .startsWith("huger.zip!audit.csv:2: batch_rows:");
    }

    @Test
    void negativeBatchRowsIsALineNumberedProblem() throws Exception {
        assertThat(refused(hq, auditCell("negative.zip", 11, "-5"), "package_audit_batch_rows"))
                .startsWith("negative.zip!audit.csv:2: batch_rows: -5 is not in 0..50000");
    }

    @Test
    void formulaInAuditCsvIsRefused() throws Exception {
        assertThat(refused(hq, auditCell("formula.zip", 2, "=HYPERLINK(\"http://x\",\"clerk\")"),
                "package_audit_formula")).startsWith("formula.zip!audit.csv:2: actor: a spreadsheet formula");
    }

    @Test
    void auditCsvIsWrittenGuardedAndReadBackExactly() throws Exception {
        // an operator whose name a spreadsheet would run: guarded in the file, the same again after the import
        Workstation clerk = new Workstation(PackageLimits.DEFAULT);
        var catalog = clerk.database.repositories().catalog().load();
        RecordService formulaClerk = new RecordService(clerk.database, catalog, clerk.datasets, CLOCK, TestAudit.trail(clerk.database, "=1+2"));
        formulaClerk.save(new DenTakedown(UUID.randomUUID(), LocalDate.of(2022, 5, 4), "CN-FJ", "Xiamen", null, null,
                3, 0, 5, 1, "-a note"), null, "+form");
        Path file = tmp.resolve("guarded.zip");
        clerk.packages.export(file, "x");
        String audit = PackageForge.of(file).text("audit.csv");
        assertThat(audit).contains(",'=1+2,", ",'+form,").doesNotContain(",=1+2,");
        hq.trust(clerk);
        PackageService.Result r = hq.packages.importPackage(file);
        assertThat(r.problems()).isEmpty();
        assertThat(r.auditEntries()).isEqualTo(2); // the station's sealed baseline entry (ADR 0027) and the den's
        try (Connection c = DriverManager.getConnection(hq.url, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT actor, origin FROM station_audit_entry WHERE entity <> 'audit'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("=1+2");
            assertThat(rs.getString(2)).isEqualTo("+form");
        }
    }

    @Test
    void encryptedPackageIsReadOnlyByItsRecipient() throws Exception {
        Path sealed = tmp.resolve("sealed.zip");
        station.packages.export(sealed, "gd-clerk", hq.keyFile("HQ"));
        byte[] bytes = Files.readAllBytes(sealed);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).startsWith("CCPKG-ENCRYPTED 1\n")
                .doesNotContain("dens.csv", "Shenzhen");

        Workstation other = new Workstation(PackageLimits.DEFAULT);
        other.trust(station);
        assertThat(refused(other, sealed, "package_not_for_here")).contains("another workstation");

        PackageService.Result r = hq.packages.importPackage(sealed);
        assertThat(r.problems()).isEmpty();
        assertThat(r.added()).isEqualTo(1);
    }

    @Test
    void encryptedPackageAlteredInTransitIsRefused() throws Exception {
        Path sealed = tmp.resolve("sealed.zip");
        station.packages.export(sealed, "gd-clerk", hq.keyFile("HQ"));
        byte[] bytes = Files.readAllBytes(sealed);
        bytes[bytes.length - 40] ^= 1;
        Path altered = Files.write(tmp.resolve("sealed-altered.zip"), bytes);
        assertThat(refused(hq, altered, "package_undecryptable")).contains("cannot be decrypted");
    }

    @Test
    void anEncryptedDataFolderWritesOnlyEncryptedPackages() {
        Workstation encrypted = new Workstation(PackageLimits.DEFAULT, true);
        Path plain = tmp.resolve("plain.zip");
        Problem p = catchThrowableOfType(Problem.class, () -> encrypted.packages.export(plain, "x"));
        assertThat(p.key()).isEqualTo("package_encryption_required");
        assertThat(plain).doesNotExist();
        encrypted.packages.export(plain, "x", hq.keyFile("HQ"));
        assertThat(plain).exists();
    }

    @Test
    void revocationUndoneWithSqlIsReportedByAuditVerify() throws Exception {
        hq.trust.revoke(station.keys.fingerprint());
        assertThat(hq.audit.verify().findings()).isEmpty();
        try (Connection c = DriverManager.getConnection(hq.url, "sa", ""); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE trusted_station SET revoked_at = NULL, revoked_by = NULL");
        }
        assertThat(hq.audit.verify().findings()).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo("trusted_station");
            assertThat(f.entityId()).isEqualTo(station.keys.fingerprint());
            assertThat(f.kind()).isEqualTo(AuditService.Finding.Kind.CHANGED);
            assertThat(f.fields()).contains("revoked_at", "revoked_by");
        });
    }

    @Test
    void manifestCarriesTheAuditHeadWhenOneIsGivenAndNoneOtherwise() throws Exception {
        assertThat(PackageForge.of(pkg).text(PackageForge.MANIFEST)).doesNotContain("audit.head");
        var catalog = station.database.repositories().catalog().load();
        PackageService withHead = new PackageService(station.database, catalog, station.records,
                new SubmissionService(station.database, catalog, station.datasets, CLOCK, TestAudit.trail(station.database, "clerk")), CLOCK,
                station.keys, PackageLimits.DEFAULT, () -> "head-fingerprint-42", () -> false);
        Path headed = tmp.resolve("headed.zip");
        withHead.export(headed, "gd-clerk");
        assertThat(PackageForge.of(headed).text(PackageForge.MANIFEST)).contains("audit.head=head-fingerprint-42");
        assertThat(hq.packages.importPackage(headed).problems()).isEmpty();
    }

    @Test
    void packageOrItsEntriesTogetherBeyondTheirLimitsAreRefused() throws Exception {
        long size = Files.size(pkg);
        Workstation small = new Workstation(new PackageLimits(16, size - 1, 1L << 20, 1L << 30, 100, 1L << 20,
                1 << 20, 1L << 20));
        small.trust(station);
        refused(small, pkg, "package_too_large");
        Workstation total = new Workstation(new PackageLimits(16, 1L << 30, 1L << 20, 2_000, 100, 1L << 20,
                1 << 20, 1L << 20));
        total.trust(station);
        refused(total, pkg, "package_total_too_large");
    }
}
