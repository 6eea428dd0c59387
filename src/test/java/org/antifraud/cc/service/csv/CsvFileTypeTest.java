package org.antifraud.cc.service.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvFileTypeTest {

    @Test
    void theTypeIsToldFromTheHeader() {
        assertThat(CsvFileType.detect(List.of("indicator", "region", "period", "value"))).contains(CsvFileType.MEASUREMENTS);
        assertThat(CsvFileType.detect(List.of(" ID ", "Date", "region", "Suspects_Arrested"))).contains(CsvFileType.DENS);
        assertThat(CsvFileType.detect(List.of("id", "date", "region", "channel"))).contains(CsvFileType.WARNINGS);
        assertThat(CsvFileType.detect(List.of("id", "case_number"))).contains(CsvFileType.CASES);
        assertThat(CsvFileType.detect(List.of("\uFEFFindicator", "value"))).contains(CsvFileType.MEASUREMENTS);
        assertThat(CsvFileType.detect(List.of("id", "date", "region"))).isEmpty();
        assertThat(CsvFileType.detect(List.of("channel", "loss"))).isEmpty();
    }

    @Test
    void theMeasurementsColumnsAreTheIssuesAndTheReportsOwn() {
        assertThat(CsvFileType.MEASUREMENTS.required()).containsExactlyInAnyOrder("indicator", "region", "period", "value");
        assertThat(CsvFileType.MEASUREMENTS.optional())
                .containsExactly("campaign", "change_pct", "qualifier", "note", "source", "sentence");
        assertThat(CsvFileType.fromCode("dens")).contains(CsvFileType.DENS);
        assertThat(CsvFileType.fromCode("den")).isEmpty();
    }
}
