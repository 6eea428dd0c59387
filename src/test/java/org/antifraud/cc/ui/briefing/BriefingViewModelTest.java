package org.antifraud.cc.ui.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.math.BigDecimal;
import java.util.UUID;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.DatasetService;
import org.antifraud.cc.service.StatsService;
import org.antifraud.cc.service.briefing.NarrativeService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.FileChooserService;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Briefing page's narrative, its figures' sources, Markdown export and bad input; no toolkit. */
class BriefingViewModelTest {
    @TempDir
    Path tmp;

    private Database database;
    private final Appearance appearance = new Appearance(Lang.ZH, Theme.DARK);
    private Path next;
    private BriefingViewModel vm;
    private DatasetService datasets;
    private String classification = "";

    @BeforeEach
    void open() {
        database = Database.openUrl("jdbc:h2:mem:briefing-vm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        Clock clock = Clock.fixed(Instant.parse("2023-03-04T05:06:07Z"), ZoneOffset.UTC);
        datasets = new DatasetService(database, clock);
        datasets.initialiseIfNew();
        datasets.removeDemo();
        var catalog = database.repositories().catalog().load();
        FileChooserService chooser = new FileChooserService() {
            @Override
            public Optional<Path> open(String title, String filter, String... patterns) {
                return Optional.ofNullable(next);
            }

            @Override
            public Optional<Path> save(String title, String initialName, String filter, String... patterns) {
                return Optional.ofNullable(next);
            }
        };
        vm = new BriefingViewModel(new NarrativeService(new StatsService(database, catalog), catalog),
                catalog, QueuedUiExecutor.immediate(), appearance, chooser, datasets::dataChangedAt, "2022",
                () -> classification);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String text() {
        StringBuilder s = new StringBuilder();
        vm.sections().forEach(sec -> sec.pieces().forEach(p -> s.append(p.text())));
        return s.toString();
    }

    @Test
    void everyFigureOfTheNarrativeCarriesItsSource() {
        vm.load();

        assertThat(vm.sections()).hasSize(5);
        assertThat(vm.sections().getFirst().heading()).isEqualTo("总体情况");
        BriefingViewModel.Piece calls = vm.sections().stream().flatMap(s -> s.pieces().stream())
                .filter(p -> p.text().equals("拦截诈骗电话18.2亿次")).findFirst().orElseThrow();
        assertThat(calls.figure()).isTrue();
        assertThat(calls.source()).startsWith("拦截诈骗电话——通报数据：Ministry of Public Security")
                .contains("1.82 billion fraudulent calls");
        assertThat(vm.sections().stream().flatMap(s -> s.pieces().stream()).filter(p -> !p.figure()))
                .as("plain words have no source").allSatisfy(p -> assertThat(p.source()).isNull());
    }

    @Test
    void showingThePageAgainDoesNotReadItAgain() {
        vm.showFirstTime();
        assertThat(vm.sections()).hasSize(5);
        vm.periodTextProperty().set("2021");
        vm.showFirstTime();
        assertThat(vm.sections()).as("a revisit keeps what was told; Enter or Tell reads the new period").hasSize(5);
    }

    @Test
    void switchingTheLanguageTellsItAgain() {
        vm.load();
        appearance.localeProperty().set(Lang.EN);

        assertThat(text()).startsWith("In 2022, nationwide, the number of suspects arrested rose 64.4% year on year");
    }

    @Test
    void aBadPeriodSaysSoAndAnEmptyRegionTellsNothing() {
        vm.periodTextProperty().set("2022-13");
        vm.load();
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("2022-13");

        vm.periodTextProperty().set("2022");
        vm.regionCodeProperty().set("CN-ZJ");
        vm.load();
        assertThat(vm.sections()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("该时段和地区暂无数据，无可陈述。");
    }

    @Test
    void aFigureAddedLaterIsToldOnTheNextLiveRefresh() {
        vm.periodTextProperty().set("2021"); // no figures, and none the year before
        vm.refreshQuietly();
        assertThat(vm.sections()).as("not told before: nothing to refresh").isEmpty();
        vm.load();
        assertThat(vm.sections()).isEmpty();

        datasets.addMeasurements(List.of(new Measurement("publicity_sessions", "CN", Period.parse("2021"), null,
                new BigDecimal("120"), null, Basis.COMPUTED, null, null, null)));
        vm.refreshQuietly();

        assertThat(text()).isEqualTo("宣传防范方面，开展反诈宣传活动120场。");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void exportsTheBriefingAsMarkdown() throws Exception {
        next = tmp.resolve("b.md");

        assertThat(vm.exportMarkdown()).isTrue();

        assertThat(Files.readString(next, StandardCharsets.UTF_8)).startsWith("# 反诈工作简报 · 2022年 · 全国")
                .contains("拦截诈骗电话18.2亿次");
        assertThat(vm.messageProperty().get()).contains("b.md");
        next = null;
        assertThat(vm.exportMarkdown()).as("chooser closed").isFalse();

        classification = "  绝密 · 仅限指挥部  ";
        next = tmp.resolve("c.md");
        vm.exportMarkdown();
        assertThat(Files.readString(next, StandardCharsets.UTF_8)).contains("*绝密 · 仅限指挥部* · 数据截至");
    }
}
