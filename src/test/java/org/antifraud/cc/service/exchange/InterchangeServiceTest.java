package org.antifraud.cc.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.MemoryStore;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.records.RecordService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports followed by a progress bar and a Cancel button, and the preview of a file. */
@IntegrationTest
class InterchangeServiceTest {
    @TempDir
    Path tmp;

    private Database database;
    private InterchangeService interchange;

    @BeforeEach
    void open() {
        database = MemoryStore.database("ix");
        Clock clock = Clock.fixed(Instant.parse("2023-03-04T05:06:07Z"), ZoneOffset.UTC);
        DatasetService datasets = new DatasetService(database, clock);
        datasets.initialiseIfNew();
        var catalog = database.repositories().catalog().load();
        RecordService records = new RecordService(database, catalog, datasets, clock, TestAudit.trail(database, "clerk"));
        interchange = new InterchangeService(database, catalog, records, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Path bigFile(int days) throws Exception {
        Path f = tmp.resolve("days.csv");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("\uFEFFindicator,region,period,value\n");
            for (String region : List.of("CN-GD", "CN-ZJ", "CN-SC")) {
                for (int d = 0; d < days; d++) {
                    w.write("publicity_sessions," + region + "," + LocalDate.of(2019, 1, 1).plusDays(d) + "," + d + "\n");
                }
            }
        }
        return f;
    }

    /** Day figures of publicity sessions: the report has none, the test files nothing else. */
    private long stored() {
        return database.repositories().entries().recent(RecordKind.STATISTIC, 100_000).stream()
                .map(s -> ((Statistic) s.record()).measurement())
                .filter(m -> m.indicatorCode().equals("publicity_sessions")
                        && m.period().granularity() == Granularity.DAY).count();
    }

    @Test
    void progressRisesToTheEndAndTheImportIsWhole() throws Exception {
        List<Double> seen = new ArrayList<>();
        InterchangeService.FileImport result = interchange.importFile(bigFile(1000), new RecordService.ImportListener() {
            @Override
            public void progress(double fraction) {
                seen.add(fraction);
            }
        });

        assertThat(result.ok()).isTrue();
        assertThat(result.summary().added()).isEqualTo(3000);
        assertThat(seen).isNotEmpty().isSorted();
        assertThat(seen.getLast()).isGreaterThanOrEqualTo(0.95);
        assertThat(stored()).isEqualTo(3000);
    }

    @Test
    void aCancelledImportStoresNothing() throws Exception {
        Path file = bigFile(1000);
        assertThatThrownBy(() -> interchange.importFile(file, new RecordService.ImportListener() {
            private double last;

            @Override
            public void progress(double fraction) {
                last = fraction;
            }

            @Override
            public boolean cancelled() {
                return last > 0.2; // Cancel pressed once the rows began to go in
            }
        })).isInstanceOf(CancellationException.class);

        assertThat(stored()).isZero();
    }

    @Test
    void thePreviewShowsTheHeaderAndTheFirstRowsWithoutTheBom() throws Exception {
        List<List<String>> preview = interchange.preview(bigFile(10), 3);

        assertThat(preview).hasSize(4);
        assertThat(preview.getFirst()).containsExactly("indicator", "region", "period", "value");
        assertThat(preview.get(1)).containsExactly("publicity_sessions", "CN-GD", "2019-01-01", "0");
    }
}
