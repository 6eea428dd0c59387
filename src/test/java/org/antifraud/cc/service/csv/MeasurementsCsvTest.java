package org.antifraud.cc.service.csv;

import static org.antifraud.cc.service.csv.CsvFixtures.problems;
import static org.antifraud.cc.service.csv.CsvFixtures.read;
import static org.antifraud.cc.service.csv.CsvFixtures.readBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.Statistic;
import org.junit.jupiter.api.Test;

class MeasurementsCsvTest {
    private static final String HEADER = "indicator,region,period,value,campaign,change_pct,source,note";

    private static Measurement measurement(EntryRecord r) {
        assertThat(r).isInstanceOf(Statistic.class);
        assertThat(((Statistic) r).id()).isNull();
        return ((Statistic) r).measurement();
    }

    @Test
    void readsFiguresAndReportedChangesInFileOrder() {
        CsvReadResult result = read(HEADER,
                "dens_destroyed,CN-GD,2022-03,120,chain_cutting,,,",
                "cases_registered,CN,2022,,,-17.3,\"Ministry of Public Security, 2022 report\",",
                "property_loss,CN-BJ,2022-03-05,1234.50,,,,a note");

        assertThat(result.ok()).isTrue();
        assertThat(result.type()).isEqualTo(CsvFileType.MEASUREMENTS);
        assertThat(result.records()).hasSize(3);
        assertThat(measurement(result.records().get(0))).isEqualTo(new Measurement("dens_destroyed", "CN-GD",
                Period.parse("2022-03"), "chain_cutting", new BigDecimal("120"), null, Basis.COMPUTED, null, null, null));
        assertThat(measurement(result.records().get(1))).isEqualTo(new Measurement("cases_registered", "CN",
                Period.parse("2022"), null, null, new BigDecimal("-17.3"), Basis.REPORTED, null,
                new Source("Ministry of Public Security, 2022 report", null), null));
        assertThat(measurement(result.records().get(2)).value()).isEqualTo(new BigDecimal("1234.50"));
        assertThat(measurement(result.records().get(2)).note()).isEqualTo("a note");
        assertThat(result.lineOf(0)).isEqualTo(2);
        assertThat(result.lineOf(2)).isEqualTo(4);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void columnsMayComeInAnyOrderWithNamesInAnyCaseAndPadded() {
        CsvReadResult result = read(" Value ,PERIOD,Region,  indicator", "5,2022-01-02,CN-ZJ,suspects_arrested");

        assertThat(result.ok()).as(result.render(CsvFixtures.EN.bundle()).toString()).isTrue();
        Measurement m = measurement(result.records().get(0));
        assertThat(m.indicatorCode()).isEqualTo("suspects_arrested");
        assertThat(m.regionCode()).isEqualTo("CN-ZJ");
        assertThat(m.period()).isEqualTo(Period.parse("2022-01-02"));
        assertThat(m.value()).isEqualTo(new BigDecimal("5"));
        assertThat(m.campaignCode()).isNull();
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] text = (HEADER + "\r\ndens_destroyed,CN-GD,2022,7,,,,\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        CsvReadResult plain = readBytes(null, text);
        CsvReadResult bom = readBytes(null, withBom);

        assertThat(bom.ok()).isTrue();
        assertThat(bom.type()).isEqualTo(CsvFileType.MEASUREMENTS);
        assertThat(bom.records()).isEqualTo(plain.records()).hasSize(1);
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksAndLineNumbersStayPhysical() {
        CsvReadResult result = read(HEADER,
                "dens_destroyed,CN-GD,2022,1,,,,\"first, with comma\"",
                "dens_destroyed,CN-BJ,2022,2,,,,\"two\r\nlines and a \"\"quote\"\"\"",
                "dens_destroyed,CN-ZJ,2022,3,,,,\"three\nmore\nlines\"",
                "dens_destroyed,CN,2022,4,,,,plain");

        assertThat(result.ok()).isTrue();
        assertThat(measurement(result.records().get(0)).note()).isEqualTo("first, with comma");
        assertThat(measurement(result.records().get(1)).note()).isEqualTo("two\r\nlines and a \"quote\"");
        assertThat(measurement(result.records().get(2)).note()).isEqualTo("three\nmore\nlines");
        assertThat(List.of(result.lineOf(0), result.lineOf(1), result.lineOf(2), result.lineOf(3)))
                .containsExactly(2, 3, 5, 8);

        // and a problem after them is reported on its physical line
        assertThat(problems(HEADER,
                "dens_destroyed,CN-BJ,2022,2,,,,\"two\r\nlines\"",
                "dens_destroyed,CN-ZJ,2022,3,,,,\"three\nmore\nlines\"",
                "",
                "dens_destroyed,CN-XX,2022,4,,,,plain"))
                .containsExactly("f.csv:8: region: unknown region: CN-XX");
    }

    @Test
    void anEmptyValueNeedsAReportedChange() {
        assertThat(read(HEADER, "cases_registered,CN,2022,,,-17.3,,").ok()).isTrue();
        assertThat(problems(HEADER, "cases_registered,CN,2022,,,,,"))
                .containsExactly("f.csv:2: value: empty value: give a value, or a change_pct for a reported change");
        // a value and a change together are fine
        assertThat(read(HEADER, "cases_registered,CN,2022,100,,5.5,,").ok()).isTrue();
    }

    @Test
    void theSameKeyTwiceIsADuplicateNamingTheFirstLine() {
        assertThat(problems(HEADER,
                "dens_destroyed,CN-GD,2022-03,1,chain_cutting,,,",
                "dens_destroyed,CN-GD,2022-03,2,,,,",
                "dens_destroyed,CN-GD,2022-03,3,nail_pulling,,,",
                "dens_destroyed,CN-GD,2022-03, 4 ,chain_cutting,,,",
                "dens_destroyed,CN-GD,2022-03,5,,,,"))
                .containsExactly(
                        "f.csv:5: the same indicator, region, period and campaign as line 2",
                        "f.csv:6: the same indicator, region, period and campaign as line 3");
    }

    @Test
    void everyProblemOfAFileIsListedWithItsLineAndColumn() {
        assertThat(problems(HEADER,
                "no_such_indicator,CN-GD,2022,1,,,,",
                "dens_destroyed,CN-XX,2022,1,,,,",
                "dens_destroyed,CN-GD,2022,1,no_such_campaign,,,",
                "dens_destroyed,CN-GD,2022-13,1,,,,",
                "dens_destroyed,CN-GD,2022-Q1,1,,,,",
                "dens_destroyed,CN-GD,2024-07,1,,,,",
                "dens_destroyed,CN-GD,2021,-5,,,,",
                "dens_destroyed,CN-GD,2020,five,,,,",
                "dens_destroyed,CN-GD,2019,\"1,200\",,,,",
                "property_loss,CN-GD,2022,10.123,,,,",
                "dens_destroyed,CN-GD,2018,2.5,,,,",
                "cases_registered,CN,2022,,,12.25,,",
                "dens_destroyed,CN-GD,2017,1,,,",
                ",CN-GD,2016,1,,,,",
                "dens_destroyed,CN-GD,2015,1e3,,,,"))
                .containsExactly(
                        "f.csv:2: indicator: unknown indicator: no_such_indicator",
                        "f.csv:3: region: unknown region: CN-XX",
                        "f.csv:4: campaign: unknown campaign: no_such_campaign",
                        "f.csv:5: period: malformed period: 2022-13 (YYYY, YYYY-MM or YYYY-MM-DD)",
                        "f.csv:6: period: 2022-Q1 is a quarter or a range: figures are stored for a year, a month or a day",
                        "f.csv:7: period: period 2024-07 lies in the future (today is 2024-06-15)",
                        "f.csv:8: value: must not be negative: -5",
                        "f.csv:9: value: not a plain number: five (digits, optionally a point and decimals)",
                        "f.csv:10: value: no thousands separators, please: 1,200",
                        "f.csv:11: value: money has at most 2 decimals: 10.123",
                        "f.csv:12: value: a count is a whole number: 2.5",
                        "f.csv:13: change_pct: a change has at most 1 decimal: 12.25",
                        "f.csv:14: 7 cells, but the header has 8",
                        "f.csv:15: indicator: required, but empty",
                        "f.csv:16: value: not a plain number: 1e3 (digits, optionally a point and decimals)");
    }

    @Test
    void aFileWithProblemsGivesNoRecordsAtAll() {
        CsvReadResult result = read(HEADER, "dens_destroyed,CN-GD,2022,1,,,,", "dens_destroyed,CN-GD,2021,x,,,,");

        assertThat(result.ok()).isFalse();
        assertThat(result.records()).isEmpty();
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).line()).isEqualTo(3);
        assertThat(result.problems().get(0).column()).isEqualTo("value");
        assertThat(result.problems().get(0).kind()).isEqualTo(CsvProblem.Kind.NOT_NUMBER);
    }

    @Test
    void oneRowMayHaveSeveralProblems() {
        assertThat(problems(HEADER, "nope,CN-XX,20222,-1,,,,"))
                .containsExactly(
                        "f.csv:2: indicator: unknown indicator: nope",
                        "f.csv:2: region: unknown region: CN-XX",
                        "f.csv:2: period: malformed period: 20222 (YYYY, YYYY-MM or YYYY-MM-DD)",
                        "f.csv:2: value: must not be negative: -1");
    }

    @Test
    void headerProblemsAreReportedOnLineOne() {
        assertThat(problems("indicator,region,value,colour,region"))
                .containsExactly(
                        "f.csv:1: colour: unknown column in a measurements file (columns: indicator, region, period, "
                                + "campaign, value, change_pct, qualifier, note, source, sentence)",
                        "f.csv:1: region: column appears twice (columns 2 and 5)",
                        "f.csv:1: period: required column missing from the header of a measurements file");
        assertThat(problems("colour,size", "red,big"))
                .containsExactly("f.csv:1: cannot tell the type of file from its header row: the columns fit none of "
                        + "measurements, dens, warnings, cases, instructions");
        assertThat(problems(CsvFileType.MEASUREMENTS, "indicator,region,period,value,", "dens_destroyed,CN,2022,1,"))
                .containsExactly("f.csv:1: column 5 of the header has no name");
    }

    @Test
    void anUnknownColumnDoesNotStopTheRowsFromBeingChecked() {
        assertThat(problems("indicator,region,period,value,colour", "dens_destroyed,CN,2022,x,red"))
                .containsExactly(
                        "f.csv:1: colour: unknown column in a measurements file (columns: indicator, region, period, "
                                + "campaign, value, change_pct, qualifier, note, source, sentence)",
                        "f.csv:2: value: not a plain number: x (digits, optionally a point and decimals)");
    }

    @Test
    void anEmptyFileNeedsAHeader() {
        assertThat(readBytes(null, new byte[0]).render(CsvFixtures.EN.bundle()))
                .containsExactly("f.csv:1: the file is empty: a header row is required");
        assertThat(read(HEADER).ok()).isTrue();
        assertThat(read(HEADER).records()).isEmpty();
    }

    @Test
    void brokenQuotingEndsTheReadingWithTheLineOfTheRecord() {
        assertThat(problems(HEADER, "dens_destroyed,CN,2022,1,,,,ok", "dens_destroyed,CN,2021,1,,,,\"never closed"))
                .containsExactly("f.csv:3: a quoted cell is never closed (a \" is missing)");
        assertThat(problems(HEADER, "dens_destroyed,CN,2022,1,,,,\"quoted\" then text"))
                .containsExactly("f.csv:2: text after the closing quote of a cell (inside quotes, write \" as \"\")");
    }

    @Test
    void bytesThatAreNotUtf8AreFoundInTheirCell() {
        byte[] head = (HEADER + "\r\ndens_destroyed,CN,2022,1,,,,ok\r\ndens_destroyed,CN,2021,1,,,,caf")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // é in Latin-1
        bytes[head.length + 1] = '\r';
        bytes[head.length + 2] = '\n';

        assertThat(readBytes(null, bytes).render(CsvFixtures.EN.bundle()))
                .containsExactly("f.csv:3: note: not UTF-8 text (save the file as UTF-8)");
    }

    @Test
    void theSourceMakesAFigureReportedWithItsSentenceAndQualifier() {
        CsvReadResult result = read("indicator,region,period,value,qualifier,source,sentence",
                "dens_destroyed,CN,2022,1800,more_than,The report,\"More than 1,800 dens were destroyed.\"",
                "dens_destroyed,CN,2021,1800,,,");

        Measurement reported = measurement(result.records().get(0));
        assertThat(reported.basis()).isEqualTo(Basis.REPORTED);
        assertThat(reported.qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(reported.source()).isEqualTo(new Source("The report", "More than 1,800 dens were destroyed."));
        assertThat(measurement(result.records().get(1)).basis()).isEqualTo(Basis.COMPUTED);
        assertThat(measurement(result.records().get(1)).source()).isNull();

        assertThat(problems("indicator,region,period,value,qualifier,source,sentence",
                "dens_destroyed,CN,2022,1800,about,,A sentence"))
                .containsExactly(
                        "f.csv:2: qualifier: unknown qualifier: about (more_than)",
                        "f.csv:2: sentence: a sentence needs its source");
    }

    @Test
    void lineNumbersStayExactThousandsOfRowsIntoALongFile() {
        // rows are parsed a batch ahead on another thread: the lines named must still be the file's own
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int day = 0; lines.size() < 6000; day++) {
            String date = LocalDate.of(2000, 1, 1).plusDays(day).toString();
            lines.add(lines.size() == 2999 ? "dens_destroyed,CN," + date + ",1,,,,\"two\nlines\""
                    : lines.size() == 4500 ? "dens_destroyed,CN," + date + ",1,,"
                    : "dens_destroyed,CN," + date + ",1,,,,");
        }
        // line 3000 holds a quoted line break, so every record after it starts one physical line later
        List<String> bad = new ArrayList<>(lines);
        bad.add("dens_destroyed,CN,2024-01-01,1,,,,\"never closed");
        assertThat(problems(bad.toArray(String[]::new))).containsExactly(
                "f.csv:4502: 6 cells, but the header has 8",
                "f.csv:6002: a quoted cell is never closed (a \" is missing)");
    }

    @Test
    void afterTheLimitProblemsAreOnlyCounted() throws Exception {
        String[] lines = new String[1 + 30];
        lines[0] = HEADER;
        for (int i = 1; i <= 30; i++) {
            lines[i] = "dens_destroyed,CN,2022-01-" + String.format("%02d", i) + ",x,,,,";
        }
        CsvReadResult result = CsvFixtures.READER.withProblemLimit(10).read("f.csv",
                new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), null);

        List<String> rendered = result.render(CsvFixtures.EN.bundle());
        assertThat(rendered).hasSize(11);
        assertThat(rendered.get(9)).startsWith("f.csv:11: value:");
        assertThat(rendered.get(10)).isEqualTo("f.csv: \u2026 20 more problems not listed");
        assertThat(result.moreProblems()).isEqualTo(20);
    }

    @Test
    void problemsReadInChinese() {
        assertThat(read(HEADER, "dens_destroyed,CN-XX,2022,1,,,,").render(CsvFixtures.ZH.bundle()))
                .containsExactly("f.csv:2: region: 未知地区：CN-XX");
        assertThat(read(HEADER, "cases_registered,CN,2022,,,,,").render(CsvFixtures.ZH.bundle()))
                .containsExactly("f.csv:2: value: 数值为空：请填写数值，或为报告的变化填写 change_pct");
    }
}
