package org.antifraud.cc.service.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.StatsReport;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.MemoryStore;
import org.antifraud.cc.persistence.SharedPostgres;
import org.antifraud.cc.persistence.Vendor;
import org.antifraud.cc.service.figures.StatsService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared profile (issue 15, ADR 0032) on a real PostgreSQL: the same data written through the same services
 * gives the same figures and raises the same threshold alerts as on the embedded H2, for every period kind and
 * region kind; the rollups kept on
 * PostgreSQL equal a rebuild from the raw rows there.
 */
@IntegrationTest
class SharedProfileParityTest {
    private static final Instant NOW = Instant.parse("2023-03-04T05:06:07Z");
    private static MemoryStore h2;
    private static Database postgres;

    @BeforeAll
    static void writeTheSameDataToBoth() throws Exception {
        h2 = MemoryStore.open("parity");
        postgres = Database.openShared(SharedPostgres.newDatabase("parity"), null);
        for (Database database : List.of(h2.database(), postgres)) {
            DatasetService datasets = new DatasetService(database, Clock.fixed(NOW, ZoneOffset.UTC));
            datasets.initialiseIfNew(); // the report and the demo breakdown
            // a small scale demo: cases and daily figures written in bulk, their rollups kept as they are written
            datasets.generateScaleDemo(new ScaleDemo(2_000, 7, ReportDataset.load(), 2021,
                    List.of("suspects_arrested", "dens_destroyed")), p -> { });
        }
    }

    @AfterAll
    static void close() throws Exception {
        h2.close();
        postgres.close();
    }

    @Test
    void theSharedDatabaseIsPostgreSql() {
        assertThat(postgres.vendor()).isEqualTo(Vendor.POSTGRESQL);
        assertThat(h2.database().vendor()).isEqualTo(Vendor.H2);
    }

    @Test
    void everyFigureIsTheSameOnPostgreSqlAsOnH2() {
        Catalog catalog = h2.database().repositories().catalog().load();
        StatsService onH2 = new StatsService(h2.database(), catalog);
        StatsService onPostgres = new StatsService(postgres, postgres.repositories().catalog().load());
        int compared = 0;
        for (String period : List.of("2022", "2021", "2022-Q3", "2022-03", "2022-03-05",
                "2022-02-10..2022-04-20", "2021-12-15..2022-01-11")) {
            for (String region : List.of("CN", "ZONE-EAST", "CN-GD", "CN-XZ")) {
                StatsQuery query = new StatsQuery(Period.parse(period), region, null);
                StatsReport expected = onH2.stats(query);
                assertThat(onPostgres.stats(query)).as(query.toString())
                        .usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                        .isEqualTo(expected);
                compared += expected.indicators().size();
            }
        }
        assertThat(compared).as("figures compared").isGreaterThan(500);
    }

    @Test
    void thresholdAlertsAreRaisedTheSameOnPostgreSqlAsOnH2() {
        List<List<String>> raised = new java.util.ArrayList<>();
        for (Database database : List.of(h2.database(), postgres)) {
            Catalog catalog = database.repositories().catalog().load();
            org.antifraud.cc.service.alerts.AlertService alerts = new org.antifraud.cc.service.alerts.AlertService(
                    database, catalog, new StatsService(database, catalog), Clock.fixed(NOW, ZoneOffset.UTC));
            for (String region : List.of("CN-GD", "CN-ZJ", "CN")) {
                alerts.create(new org.antifraud.cc.domain.ThresholdSpec("dens_destroyed", region,
                        org.antifraud.cc.domain.AlertGrain.MONTH, org.antifraud.cc.domain.AlertKind.ABOVE,
                        BigDecimal.ONE, true), "parity");
            }
            raised.add(alerts.evaluate(NOW).stream().map(e -> e.regionCode() + " " + e.periodCode() + " "
                    + e.value().stripTrailingZeros().toPlainString() + " " + e.basis() + " " + e.partial()).sorted()
                    .toList());
        }
        assertThat(raised.getFirst()).as("alerts raised on H2").isNotEmpty();
        assertThat(raised.getLast()).as("the same alerts on PostgreSQL").isEqualTo(raised.getFirst());
    }

    @Test
    void theRollupsKeptOnPostgreSqlEqualARebuildFromTheRawRows() {
        assertThat(postgres.repositories().rollups().differences()).isEmpty();
        assertThat(postgres.repositories().rollups().factCounts())
                .isEqualTo(h2.database().repositories().rollups().factCounts());
    }
}
