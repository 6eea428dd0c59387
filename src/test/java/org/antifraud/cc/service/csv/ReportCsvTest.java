package org.antifraud.cc.service.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.dataset.ReportDataset;
import org.junit.jupiter.api.Test;

/** The report the application ships with, read with the real catalogs: a valid measurements file. */
@IntegrationTest
class ReportCsvTest {

    @Test
    void theBundledReportReadsAsTheSameFiguresAndRoundTrips() throws Exception {
        Catalog catalog;
        try (Database database = Database.openUrl("jdbc:h2:mem:csv-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "test")) {
            catalog = database.repositories().catalog().load();
        }
        CsvReader reader = new CsvReader(catalog,
                Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC));
        CsvReadResult result;
        try (InputStream in = getClass().getResourceAsStream(ReportDataset.RESOURCE)) {
            result = reader.read("report-2022.csv", in, null);
        }

        assertThat(result.render(CsvFixtures.EN.bundle())).isEmpty();
        List<Measurement> read = result.records().stream().map(r -> ((Statistic) r).measurement()).toList();
        assertThat(read).isEqualTo(ReportDataset.load());

        StringWriter out = new StringWriter();
        CsvWriter.write(out, CsvFileType.MEASUREMENTS, result.records());
        CsvReadResult again = reader.read("again.csv",
                new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), null);
        assertThat(again.ok()).isTrue();
        assertThat(again.records()).containsExactlyInAnyOrderElementsOf(result.records());
        assertThat(again.records()).isSortedAccordingTo(CsvFileType.MEASUREMENTS.order());
        assertThat(again.records()).extracting(EntryRecord::kind).containsOnly(CsvFileType.MEASUREMENTS.kind());
    }
}
