package org.antifraud.cc.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.DayFact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Data as of": the latest day with a fact inside a range, found month first, then the day (issue 12). */
@IntegrationTest
class LatestDayWithinTest {
    private static final List<String> DENS = List.of("dens_destroyed");
    private Database database;

    @BeforeEach
    void open() {
        database = Database.openUrl("jdbc:h2:mem:latest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        database.transaction(r -> {
            r.rollups().add(List.of(
                    DayFact.one("dens_destroyed", "CN-GD", LocalDate.parse("2022-03-15"), "", BigDecimal.ONE, false),
                    DayFact.one("dens_destroyed", "CN-GD", LocalDate.parse("2022-06-01"), "", BigDecimal.ONE, false),
                    DayFact.one("dens_destroyed", "CN-GX", LocalDate.parse("2022-06-20"), "", BigDecimal.ONE, false)));
            return null;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Optional<LocalDate> latest(List<String> regions, String first, String last) {
        return database.repositories().facts().latestDayWithin(DENS, regions, LocalDate.parse(first),
                LocalDate.parse(last));
    }

    @Test
    void theLatestDayOfTheRegionsInTheRange() {
        assertThat(latest(List.of("CN-GD", "CN-GX"), "2022-01-01", "2022-12-31")).contains(LocalDate.parse("2022-06-20"));
        assertThat(latest(List.of("CN-GD"), "2022-01-01", "2022-12-31")).contains(LocalDate.parse("2022-06-01"));
        assertThat(latest(List.of("CN-GD"), "2022-03-01", "2022-05-31")).contains(LocalDate.parse("2022-03-15"));
    }

    @Test
    void aMonthWhoseFactsLieOutsideTheRangeIsPassedOver() {
        // June has a fact, but after the range's end; March holds the latest inside it
        assertThat(latest(List.of("CN-GD"), "2022-03-01", "2022-05-31")).contains(LocalDate.parse("2022-03-15"));
        assertThat(latest(List.of("CN-GD", "CN-GX"), "2022-03-16", "2022-06-10")).contains(LocalDate.parse("2022-06-01"));
        assertThat(latest(List.of("CN-GD"), "2022-06-02", "2022-06-30")).isEmpty();
        assertThat(latest(List.of("CN-GD"), "2022-03-16", "2022-05-31")).isEmpty();
        assertThat(latest(List.of("CN-HI"), "2022-01-01", "2022-12-31")).isEmpty();
    }
}
