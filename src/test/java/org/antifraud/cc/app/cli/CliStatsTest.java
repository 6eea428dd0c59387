package org.antifraud.cc.app.cli;

import static org.antifraud.cc.app.cli.CliRun.CATALOG_ORDER;
import static org.antifraud.cc.app.cli.CliRun.INDICATOR_KEYS;
import static org.antifraud.cc.app.cli.CliRun.codes;
import static org.antifraud.cc.app.cli.CliRun.fieldNames;
import static org.antifraud.cc.app.cli.CliRun.in;
import static org.antifraud.cc.app.cli.CliRun.indicator;
import static org.antifraud.cc.app.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.cc.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code stats} on a data dir whose first use loaded the report and the demo breakdown. */
@IntegrationTest
class CliStatsTest {
    @TempDir
    static Path dataDir;

    private static CliRun national;

    @BeforeAll
    static void firstUseOfNewDataDir() {
        national = in(dataDir, "stats", "--period", "2022", "--format", "json");
    }

    @Test
    void nationalJsonIsOneObjectOfTheDocumentedShape() {
        assertThat(national.exitCode()).as("stderr: %s", national.err()).isZero();
        assertThat(national.err()).isEmpty();
        assertThat(national.out()).startsWith("{").endsWith("}" + System.lineSeparator());

        JsonNode report = national.json();
        assertThat(report.isObject()).isTrue();
        assertThat(fieldNames(report)).containsExactly("period", "region", "indicators");
        assertThat(report.get("period").isTextual()).isTrue();
        assertThat(report.get("period").asText()).isEqualTo("2022");
        assertThat(report.get("region").asText()).isEqualTo("CN");
        assertThat(report.get("indicators").isArray()).isTrue();
        assertThat(codes(report)).containsExactlyElementsOf(CATALOG_ORDER);
        for (JsonNode i : report.get("indicators")) {
            assertThat(fieldNames(i)).as(i.toString()).containsExactlyElementsOf(INDICATOR_KEYS);
            assertThat(i.get("code").isTextual()).isTrue();
            for (String number : new String[]{"value", "previous", "change_pct"}) {
                assertThat(i.get(number).isNull() || i.get(number).isNumber()).as("%s of %s", number, i).isTrue();
            }
            for (String text : new String[]{"qualifier", "basis", "change_basis"}) {
                assertThat(i.get(text).isNull() || i.get(text).isTextual()).as("%s of %s", text, i).isTrue();
            }
        }
    }

    @Test
    void nationalJsonHasTheReportsFigures() {
        JsonNode report = national.json();

        JsonNode dens = indicator(report, "dens_destroyed");
        assertThat(number(dens, "value")).isEqualByComparingTo("1800");
        assertThat(dens.get("value").isIntegralNumber()).isTrue();
        assertThat(dens.get("qualifier").asText()).isEqualTo("more_than");
        assertThat(dens.get("basis").asText()).isEqualTo("reported");
        assertThat(dens.get("previous").isNull()).isTrue();
        assertThat(dens.get("change_pct").isNull()).isTrue();
        assertThat(dens.get("change_basis").isNull()).isTrue();

        assertReported(report, "ringleaders_arrested", "240");
        assertReported(report, "warning_instructions_issued", "200000000");
        assertReported(report, "calls_intercepted", "1820000000");
        assertReported(report, "sms_intercepted", "2150000000");
        assertThat(indicator(report, "ringleaders_arrested").get("qualifier").isNull()).isTrue();

        assertReportedChangeOnly(report, "suspects_arrested", "64.4");
        assertReportedChangeOnly(report, "cases_registered", "-17.3");
        assertReportedChangeOnly(report, "property_loss", "-1.3");
        assertThat(national.out()).contains("\"change_pct\":64.4,").contains("\"value\":1800,");
        // every change carries its one decimal, computed ones too (9.0, never 9)
        assertThat(national.out()).containsPattern("\"code\":\"persons_dissuaded\"[^}]*\"change_pct\":\\d+\\.\\d,");
        Matcher changes = Pattern.compile("\"change_pct\":(-?[0-9.]+)").matcher(national.out());
        while (changes.find()) {
            assertThat(changes.group(1)).matches("-?\\d+\\.\\d");
        }
    }

    @Test
    void dataDirIsAcceptedBeforeAndAfterTheSubcommand() {
        CliRun after = run("stats", "--period", "2022", "--format", "json", "--data-dir", dataDir.toString());
        CliRun between = run("stats", "--data-dir", dataDir.toString(), "--period", "2022", "--format", "json");

        assertThat(after.exitCode()).as("stderr: %s", after.err()).isZero();
        assertThat(after.out()).isEqualTo(national.out());
        assertThat(between.out()).isEqualTo(national.out());
    }

    @Test
    void tableListsEveryIndicatorWithEnglishNames() {
        CliRun table = in(dataDir, "--lang", "en", "stats", "--period", "2022", "--format", "table");

        assertThat(table.exitCode()).as("stderr: %s", table.err()).isZero();
        assertThat(table.err()).isEmpty();
        assertThat(table.out()).contains("indicator", "change basis", "Fraud dens destroyed", "1800", "more_than",
                "+64.4", "-17.3");
        for (String code : CATALOG_ORDER) {
            assertThat(table.out()).contains(code);
        }
        // one heading line, one header line, one line per indicator
        assertThat(table.out().lines()).hasSize(2 + CATALOG_ORDER.size());
    }

    @Test
    void tableInChineseWithLangAfterTheSubcommand() {
        CliRun table = in(dataDir, "stats", "--period", "2022", "--lang", "zh");

        assertThat(table.exitCode()).as("stderr: %s", table.err()).isZero();
        assertThat(table.out()).contains("指标", "捣毁窝点", "抓获犯罪嫌疑人", "拦截诈骗短信", "dens_destroyed", "全国")
                .doesNotContain("Fraud dens destroyed");
    }

    @Test
    void provinceIsTheSumOfItsDemoMonths() {
        JsonNode report = CliRun.stats(dataDir, "2022", "CN-GD");

        assertThat(report.get("region").asText()).isEqualTo("CN-GD");
        assertThat(codes(report)).containsExactlyElementsOf(CATALOG_ORDER);
        JsonNode dens = indicator(report, "dens_destroyed");
        assertThat(number(dens, "value")).isPositive().isLessThan(new BigDecimal("1800"));
        assertThat(dens.get("basis").asText()).isEqualTo("synthetic-demo");
        // no absolute value is invented behind a reported percentage
        assertThat(indicator(report, "suspects_arrested").get("value").isNull()).isTrue();
    }

    @Test
    void zoneIsTheSumOfItsProvinces() {
        JsonNode zone = CliRun.stats(dataDir, "2022", "ZONE-EAST");
        BigDecimal sum = BigDecimal.ZERO;
        for (String province : new String[]{"CN-SH", "CN-JS", "CN-ZJ", "CN-AH", "CN-FJ", "CN-JX", "CN-SD"}) {
            sum = sum.add(number(indicator(CliRun.stats(dataDir, "2022", province), "dens_destroyed"), "value"));
        }

        assertThat(zone.get("region").asText()).isEqualTo("ZONE-EAST");
        JsonNode dens = indicator(zone, "dens_destroyed");
        assertThat(number(dens, "value")).isEqualByComparingTo(sum);
        assertThat(dens.get("basis").asText()).isEqualTo("synthetic-demo");
    }

    @Test
    void quarterIsTheSumOfItsThreeMonths() {
        BigDecimal months = BigDecimal.ZERO;
        for (String month : new String[]{"2022-01", "2022-02", "2022-03"}) {
            months = months.add(number(indicator(CliRun.stats(dataDir, month, "CN"), "calls_intercepted"), "value"));
        }
        JsonNode quarter = CliRun.stats(dataDir, "2022-Q1", "CN");

        assertThat(quarter.get("period").asText()).isEqualTo("2022-Q1");
        assertThat(codes(quarter)).containsExactlyElementsOf(CATALOG_ORDER);
        assertThat(number(indicator(quarter, "calls_intercepted"), "value")).isPositive().isEqualByComparingTo(months);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-03", "2022-Q1"})
    void subYearPeriodsOfTheNationHaveTheDemoBreakdown(String period) {
        JsonNode report = CliRun.stats(dataDir, period, "CN");

        assertThat(report.get("period").asText()).isEqualTo(period);
        assertThat(report.get("region").asText()).isEqualTo("CN");
        JsonNode calls = indicator(report, "calls_intercepted");
        assertThat(number(calls, "value")).isPositive().isLessThan(new BigDecimal("1820000000"));
        assertThat(calls.get("basis").asText()).isEqualTo("synthetic-demo");
    }

    @Test
    void indicatorOptionListsOnlyThoseInCatalogOrder() {
        CliRun run = in(dataDir, "stats", "--period", "2022", "--format", "json",
                "--indicator", "dens_destroyed,calls_intercepted");
        CliRun reversed = in(dataDir, "stats", "--period", "2022", "--format", "json",
                "--indicator", "calls_intercepted", "--indicator", "dens_destroyed");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        JsonNode report = run.json();
        assertThat(codes(report)).containsExactly("dens_destroyed", "calls_intercepted");
        assertThat(number(indicator(report, "calls_intercepted"), "value")).isEqualByComparingTo("1820000000");
        assertThat(reversed.out()).isEqualTo(run.out());
    }

    private static void assertReported(JsonNode report, String code, String value) {
        JsonNode i = indicator(report, code);
        assertThat(i.get("value").isIntegralNumber()).as(i.toString()).isTrue();
        assertThat(number(i, "value")).as(code).isEqualByComparingTo(value);
        assertThat(i.get("basis").asText()).as(code).isEqualTo("reported");
    }

    private static void assertReportedChangeOnly(JsonNode report, String code, String pct) {
        JsonNode i = indicator(report, code);
        assertThat(i.get("value").isNull()).as(i.toString()).isTrue();
        assertThat(i.get("change_pct").isNumber()).as(i.toString()).isTrue();
        assertThat(number(i, "change_pct")).as(code).isEqualByComparingTo(pct);
        assertThat(i.get("change_basis").asText()).as(code).isEqualTo("reported");
    }

    static BigDecimal number(JsonNode indicator, String field) {
        JsonNode n = indicator.get(field);
        assertThat(n.isNumber()).as("%s of %s is a number", field, indicator).isTrue();
        return n.decimalValue();
    }
}
