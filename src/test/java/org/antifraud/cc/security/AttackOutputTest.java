package org.antifraud.cc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.briefing.NarrativeService;
import org.antifraud.cc.service.csv.CsvFileType;
import org.antifraud.cc.service.csv.CsvReadResult;
import org.antifraud.cc.service.csv.CsvReader;
import org.antifraud.cc.service.csv.CsvWriter;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.figures.StatsService;
import org.antifraud.cc.service.records.RecordService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attacks through what the application writes (issue 13): a CSV cell a spreadsheet would run, Markdown a viewer
 * would render as HTML or fetch an image for. Each test is one attack.
 */
@IntegrationTest
class AttackOutputTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T08:00:00Z"), ZoneOffset.UTC);
    private Database database;
    private Catalog catalog;
    private RecordService records;

    @BeforeEach
    void open() {
        database = Database.openUrl("jdbc:h2:mem:out-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "out");
        DatasetService datasets = new DatasetService(database, CLOCK);
        datasets.initialiseIfNew();
        catalog = database.repositories().catalog().load();
        records = new RecordService(database, catalog, datasets, CLOCK, TestAudit.trail(database, "clerk"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void cellsBeginningWithTabCarriageReturnOrLineFeedAreExportedInertAndImportBackExactly() throws IOException {
        DenTakedown den = new DenTakedown(UUID.randomUUID(), LocalDate.of(2024, 5, 5), "CN-GD", "\t=HYPERLINK(\"x\")",
                null, "\r=cmd|' /C calc'!A0", 1, 0, 0, 0, "\n@SUM(1+1)");
        StringWriter out = new StringWriter();
        CsvWriter.write(out, CsvFileType.DENS, List.of(den));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(rows).hasSize(1);
        for (String column : List.of("city", "address", "note")) {
            assertThat(rows.getFirst().get(column)).as(column).startsWith("'");
        }
        CsvReadResult back = new CsvReader(catalog, CLOCK).read("dens.csv",
                new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), null);
        assertThat(back.problems()).isEmpty();
        assertThat(back.records()).containsExactly(den);
    }

    @Test
    void htmlAndRemoteImagesInDataComeOutOfTheMarkdownBriefingInert() {
        String sentence = "Seized <img src=http://evil.example/track.png> and ![x](https://evil.example/p.png) "
                + "<script>alert(1)</script> & see www.evil.example or [here](http://evil.example)";
        records.save(new Statistic(null, new Measurement("dens_destroyed", "CN", Period.parse("2023"), null,
                new BigDecimal("12"), null, Basis.REPORTED, null, new Source("<b>Ministry</b>", sentence), null)),
                null, "test");
        String md = new NarrativeService(new StatsService(database, catalog), catalog)
                .briefing(new StatsQuery(Period.parse("2023"), "CN", null), Lang.EN,
                        "<iframe src=\"https://evil.example\"></iframe> ![t](http://evil.example/t.png)")
                .markdown();
        assertThat(md).contains("&lt;img src=hxxp://evil.example/track.png&gt;").contains("&lt;script&gt;")
                .contains("&amp; see").contains("&lt;iframe");
        assertThat(md).doesNotContain("<img").doesNotContain("<script").doesNotContain("<iframe")
                .doesNotContain("![").doesNotContain("](http").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("www.evil");
        assertThat(md).doesNotContainPattern("(?<!\\\\)\\[[^\\]]*(?<!\\\\)\\]\\(");
    }
}
