package org.antifraud.cc.service.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.MemoryStore;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.figures.StatsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The narrative on the report's own dataset, 2022 / CN: every figure of the report, worded as the report words it. */
@IntegrationTest
class NarrativeServiceTest {
    private Database database;
    private NarrativeService narratives;

    @BeforeEach
    void open() {
        database = MemoryStore.database("narrative");
        Clock clock = Clock.fixed(Instant.parse("2023-03-04T05:06:07Z"), ZoneOffset.UTC);
        DatasetService datasets = new DatasetService(database, clock);
        datasets.initialiseIfNew();
        datasets.removeDemo(); // the report's dataset alone
        var catalog = database.repositories().catalog().load();
        narratives = new NarrativeService(new StatsService(database, catalog), catalog);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Narrative report(Locale lang) {
        return narratives.narrative(new StatsQuery(Period.parse("2022"), "CN", null), lang);
    }

    @Test
    void theChineseNarrativeTellsEveryFigureOfTheReport() {
        assertThat(report(Lang.ZH).text()).isEqualTo("""
                2022年，全国公安机关抓获犯罪嫌疑人同比上升64.4%，立案数同比下降17.3%，造成的财产损失同比下降1.3%。
                打击方面，抓获电信网络诈骗犯罪集团头目和骨干240名，捣毁诈骗窝点1800余个，开展集群战役80余场。
                预警劝阻方面，下发预警指令2亿条，各地自主研判预警信息1亿条，12381系统发送预警短信4.7亿条，国家反诈中心APP预警提醒2.4亿次。
                源头治理方面，处置涉诈高风险电话卡1.1亿张，拦截诈骗电话18.2亿次，拦截诈骗短信21.5亿条。
                宣传防范方面，开展反诈宣传活动2万余场，发送反诈宣传短信30.7亿条，发布反诈短视频9330余条，短视频播放量50余亿次。""");
    }

    @Test
    void theEnglishNarrativeTellsEveryFigureOfTheReport() {
        assertThat(report(Lang.EN).text()).isEqualTo("""
                In 2022, nationwide, the number of suspects arrested rose 64.4% year on year, registered cases fell 17.3% year on year and property losses fell 1.3% year on year.
                Police arrested 240 ringleaders and key members of fraud groups, destroyed more than 1,800 fraud dens and fought more than 80 cluster battles.
                Early warning: 200 million early-warning instructions were issued, 100 million warnings were produced locally, the 12381 system sent 470 million warning text messages and the National Anti-Fraud Center app gave 240 million warnings.
                Interception: 110 million high-risk phone cards were disposed of, 1.82 billion fraud calls were intercepted and 2.15 billion fraud text messages were intercepted.
                Publicity: More than 20,000 anti-fraud publicity sessions were held, 3.07 billion anti-fraud text messages were sent, more than 9,330 anti-fraud short videos were published and the videos were viewed more than 5 billion times.""");
    }

    @Test
    void everyFigureNamesWhereItComesFrom() {
        Narrative n = report(Lang.ZH);
        var claims = n.paragraphs().stream().flatMap(p -> p.parts().stream())
                .filter(p -> p instanceof Narrative.Claim).map(p -> (Narrative.Claim) p).toList();
        assertThat(claims).hasSize(17).allSatisfy(c -> {
            var source = c.stat().value().isKnown() ? c.stat().value().source() : c.stat().change().source();
            assertThat(source.sentence()).isNotBlank();
        });
        Narrative.Claim calls = claims.stream().filter(c -> c.text().equals("拦截诈骗电话18.2亿次")).findFirst()
                .orElseThrow();
        assertThat(calls.stat().value().source().sentence()).contains("1.82 billion fraudulent calls");
    }

    @Test
    void numbersAreWrittenAsTheReportWritesThem() {
        assertThat(NarrativeNumbers.zh(new BigDecimal("1820000000"), null)).isEqualTo("18.2亿");
        assertThat(NarrativeNumbers.zh(new BigDecimal("5000000000"), Qualifier.MORE_THAN)).isEqualTo("50余亿");
        assertThat(NarrativeNumbers.zh(new BigDecimal("20000"), Qualifier.MORE_THAN)).isEqualTo("2万余");
        assertThat(NarrativeNumbers.zh(new BigDecimal("12345"), null)).as("exact, not rounded").isEqualTo("12345");
        assertThat(NarrativeNumbers.zh(new BigDecimal("123456789"), null)).isEqualTo("约1.23亿");
        assertThat(NarrativeNumbers.zh(new BigDecimal("45000.50"), null)).as("rounded, and says so").isEqualTo("约4.5万");
        assertThat(NarrativeNumbers.en(new BigDecimal("1820000000"), null)).isEqualTo("1.82 billion");
        assertThat(NarrativeNumbers.en(new BigDecimal("1800"), Qualifier.MORE_THAN)).isEqualTo("more than 1,800");
        assertThat(NarrativeNumbers.en(new BigDecimal("123456789"), null)).isEqualTo("about 123.46 million");
        assertThat(NarrativeNumbers.en(new BigDecimal("45000.5"), null)).isEqualTo("45,000.5");
    }

    @Test
    void demoFiguresSayTheyAreDemo() {
        Clock clock = Clock.fixed(Instant.parse("2023-03-04T05:06:07Z"), ZoneOffset.UTC);
        try (Database withDemo = MemoryStore.database("narrative_demo")) {
            new DatasetService(withDemo, clock).initialiseIfNew();
            var catalog = withDemo.repositories().catalog().load();
            String text = new NarrativeService(new StatsService(withDemo, catalog), catalog)
                    .narrative(new StatsQuery(Period.parse("2022"), "CN", null), Lang.ZH).text();
            assertThat(text).contains("破案").containsPattern("破案\\d+起，同比上升[0-9.]+%（演示数据）");
            assertThat(text).contains("拦截诈骗电话18.2亿次，").doesNotContain("18.2亿次（演示数据）");
        }
    }

    @Test
    void aProvinceAndMonthWithoutFiguresTellNothingRatherThanZero() {
        Narrative n = narratives.narrative(new StatsQuery(Period.parse("2022-03"), "CN-ZJ", null), Lang.EN);
        assertThat(n.paragraphs()).as("no figures: nothing told, never a zero").isEmpty();
        assertThat(BriefingWords.of(Lang.EN).when(Period.parse("2022-03"))).isEqualTo("In March 2022");
        assertThat(BriefingWords.of(Lang.ZH).period(Period.parse("2022-Q1"))).isEqualTo("2022年第1季度");
    }
}
