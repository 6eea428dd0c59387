package org.antifraud.cc.service.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write, then read: the same records, whatever their text holds. */
class RoundTripCsvTest {
    @TempDir
    Path dir;

    private static Statistic statistic(String indicator, String region, String period, String campaign, String value,
                                       String change, Qualifier qualifier, Source source, String note) {
        return new Statistic(null, new Measurement(indicator, region, Period.parse(period), campaign,
                value == null ? null : new BigDecimal(value), change == null ? null : new BigDecimal(change),
                // a row with a source or a change is reported (issue 12): nothing computed it
                source == null && change == null ? Basis.COMPUTED : Basis.REPORTED, qualifier, source, note));
    }

    private List<EntryRecord> roundTrip(CsvFileType type, List<? extends EntryRecord> records) throws Exception {
        Path file = dir.resolve(type.code() + ".csv");
        CsvWriter.write(file, type, records);
        CsvReadResult result = CsvFixtures.READER.read(file);
        assertThat(result.render(CsvFixtures.EN.bundle())).isEmpty();
        assertThat(result.type()).isEqualTo(type);
        try (var files = Files.list(dir)) {
            assertThat(files).noneMatch(f -> f.toString().endsWith(".tmp")); // no temporary file left behind
        }
        return result.records();
    }

    @Test
    void measurementsRoundTripIncludingNegativeChangesAndFormulaLikeText() throws Exception {
        List<Statistic> records = List.of(
                statistic("cases_registered", "CN", "2022", null, null, "-17.3", null,
                        new Source("=HYPERLINK(\"http://x\")", "-17.3% year on year, \"quoted\",\r\nnew line"), null),
                statistic("dens_destroyed", "CN", "2022", null, "1800", null, Qualifier.MORE_THAN,
                        new Source("The report", "more than 1,800"), "+ counted twice? no"),
                statistic("dens_destroyed", "CN-GD", "2022-03", "chain_cutting", "120", null, null, null, "@here"),
                statistic("dens_destroyed", "CN-GD", "2022-03-05", null, "0", null, null, null, "'=already guarded"),
                statistic("property_loss", "CN-BJ", "2023-12", null, "1234.50", "5.0", null, null, "  padded  "),
                statistic("property_loss", "ZONE-EAST", "2024-06-15", "nail_pulling", "99999999999999.99", null, null,
                        null, "'plain apostrophe"));

        assertThat(roundTrip(CsvFileType.MEASUREMENTS, records)).containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void densWarningsAndCasesRoundTrip() throws Exception {
        List<DenTakedown> dens = List.of(
                new DenTakedown(UUID.randomUUID(), LocalDate.of(2024, 6, 15), "CN-GD", "-Shenzhen", "chain_cutting",
                        "=1+1, \"Block\" 7\nback door", 12, 40, 300, 25, "@note"),
                new DenTakedown(UUID.randomUUID(), LocalDate.of(2020, 1, 1), "CN-BJ", null, null, null, 0, 0, 0, 0,
                        null));
        List<WarningBatch> warnings = List.of(
                new WarningBatch(UUID.randomUUID(), LocalDate.of(2024, 3, 1), "CN-ZJ", WarningChannel.SMS_12381, 1500,
                        320, new BigDecimal("2500000.50")),
                new WarningBatch(UUID.randomUUID(), LocalDate.of(2024, 3, 1), "CN-ZJ", WarningChannel.VISIT, 0, 0,
                        new BigDecimal("0.00")));
        List<FraudCase> cases = List.of(
                new FraudCase(UUID.randomUUID(), "-001", LocalDate.of(2024, 5, 5), "CN-GD", FraudType.ROMANCE,
                        new BigDecimal("58000.00"), new BigDecimal("12000.5"), CaseStatus.SOLVED, Basis.COMPUTED),
                new FraudCase(UUID.randomUUID(), "GD,2024\"7\"", LocalDate.of(2019, 5, 5), "CN-GD", FraudType.OTHER,
                        new BigDecimal("1"), BigDecimal.ZERO, CaseStatus.OPEN, Basis.COMPUTED));

        assertThat(roundTrip(CsvFileType.DENS, dens)).containsExactlyInAnyOrderElementsOf(dens);
        assertThat(roundTrip(CsvFileType.WARNINGS, warnings)).containsExactlyInAnyOrderElementsOf(warnings);
        assertThat(roundTrip(CsvFileType.CASES, cases)).containsExactlyInAnyOrderElementsOf(cases);
    }

    @Test
    void theFileIsUtf8WithoutBomWithCrlfQuotesWhereNeededAndGuardedCells() throws Exception {
        Path file = dir.resolve("m.csv");
        CsvWriter.write(file, CsvFileType.MEASUREMENTS, List.of(
                statistic("cases_registered", "CN", "2022", null, null, "-17.3", null, null, "=SUM(A1:A9)"),
                statistic("dens_destroyed", "CN-GD", "2022-03", null, "120", null, null, null, "广东, 深圳")));

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0]).isEqualTo((byte) 'i'); // no byte-order mark
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "indicator,region,period,campaign,value,change_pct,qualifier,note,source,sentence\r\n"
                        + "cases_registered,CN,2022,,,'-17.3,,'=SUM(A1:A9),,\r\n"
                        + "dens_destroyed,CN-GD,2022-03,,120,,,\"广东, 深圳\",,\r\n");
    }

    @Test
    void theOrderIsTheSameWhateverOrderTheRecordsCameIn() throws Exception {
        List<Statistic> records = List.of(
                statistic("dens_destroyed", "CN-GD", "2022-03-05", null, "1", null, null, null, null),
                statistic("dens_destroyed", "CN-GD", "2022-03", "nail_pulling", "2", null, null, null, null),
                statistic("dens_destroyed", "CN-GD", "2022-03", null, "3", null, null, null, null),
                statistic("dens_destroyed", "CN-GD", "2022", null, "4", null, null, null, null),
                statistic("cases_registered", "CN-GD", "2023", null, "5", null, null, null, null));
        StringWriter forwards = new StringWriter();
        StringWriter backwards = new StringWriter();
        CsvWriter.write(forwards, CsvFileType.MEASUREMENTS, records);
        CsvWriter.write(backwards, CsvFileType.MEASUREMENTS, records.reversed());

        assertThat(forwards.toString()).isEqualTo(backwards.toString());
        assertThat(forwards.toString().lines().skip(1).map(l -> l.split(",")[4]))
                .containsExactly("5", "4", "3", "2", "1");
    }

    @Test
    void aWriterTakesOnlyRecordsOfItsType() throws Exception {
        try (CsvWriter writer = CsvWriter.open(new StringWriter(), CsvFileType.DENS)) {
            assertThatThrownBy(() -> writer.write(statistic("dens_destroyed", "CN", "2022", null, "1", null, null, null,
                    null))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
