package org.antifraud.cc.service.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The examples of docs/csv-format.md are files the reader accepts, one of each type. */
class CsvFormatDocTest {
    private static final Pattern CSV_BLOCK = Pattern.compile("```csv\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyExampleInTheDocumentReads() throws Exception {
        String doc = Files.readString(Path.of("docs/csv-format.md"));
        Matcher m = CSV_BLOCK.matcher(doc);
        List<CsvFileType> types = new ArrayList<>();
        while (m.find()) {
            CsvReadResult result = CsvFixtures.readBytes(null, m.group(1).getBytes(StandardCharsets.UTF_8));
            assertThat(result.render(CsvFixtures.EN.bundle())).as(m.group(1)).isEmpty();
            assertThat(result.records()).isNotEmpty();
            types.add(result.type());
        }
        assertThat(types).containsExactly(CsvFileType.MEASUREMENTS, CsvFileType.DENS, CsvFileType.WARNINGS,
                CsvFileType.CASES, CsvFileType.INSTRUCTIONS);
    }
}
