package org.antifraud.cc.ui.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.briefing.CjkFonts;
import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.DeckService;
import org.antifraud.cc.service.briefing.NarrativeService;
import org.antifraud.cc.service.briefing.SlideKind;
import org.antifraud.cc.service.briefing.SlidePainter;
import org.antifraud.cc.service.briefing.SlidePalette;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.figures.DashboardService;
import org.antifraud.cc.service.figures.StatsService;
import org.antifraud.cc.ui.common.FakeChooser;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Briefing page's narrative, its figures' sources, Markdown export and bad input; no toolkit. */
@IntegrationTest
class BriefingViewModelTest {
    @TempDir
    Path tmp;

    private Database database;
    private final Appearance appearance = new Appearance(Lang.ZH, Theme.DARK);
    private final FakeChooser chooser = new FakeChooser();
    private BriefingViewModel vm;
    private DatasetService datasets;
    private String classification = "";
    private final FakePictures pictures = new FakePictures();
    private Supplier<Path> font = CjkFonts::locate;

    /** Pictures and paper without a toolkit: remembers what it was asked to do. */
    static final class FakePictures implements SlideOutput {
        final List<Integer> printed = new ArrayList<>();
        boolean printerInstalled = true;
        boolean dialogConfirmed = true;
        boolean ended;
        boolean cancelled;

        @Override
        public List<Path> writePngs(Deck deck, SlidePalette palette, Path base, DoubleConsumer progress,
                                    BooleanSupplier stop) throws IOException {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < deck.size(); i++) {
                if (stop.getAsBoolean()) {
                    throw new CancellationException();
                }
                Path f = SlideImages.fileOf(base, i);
                Files.writeString(f, deck.slides().get(i).code());
                files.add(f);
                progress.accept((i + 1.0) / deck.size());
            }
            return files;
        }

        @Override
        public Optional<PrintJob> beginPrint(String title) {
            if (!printerInstalled) {
                throw new NoPrinter();
            }
            if (!dialogConfirmed) {
                return Optional.empty();
            }
            return Optional.of(new PrintJob() {
                @Override
                public boolean print(Deck deck, int index, SlidePalette palette) {
                    printed.add(index);
                    return true;
                }

                @Override
                public void end() {
                    ended = true;
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }
    }

    @BeforeEach
    void open() {
        database = Database.openUrl("jdbc:h2:mem:briefing-vm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        Clock clock = Clock.fixed(Instant.parse("2023-03-04T05:06:07Z"), ZoneOffset.UTC);
        datasets = new DatasetService(database, clock);
        datasets.initialiseIfNew();
        datasets.removeDemo();
        var catalog = database.repositories().catalog().load();
        NarrativeService narratives = new NarrativeService(new StatsService(database, catalog), catalog);
        SlidePainter painter = new SlidePainter(catalog);
        vm = new BriefingViewModel(narratives, catalog, QueuedUiExecutor.immediate(), appearance, chooser,
                "2022", () -> classification, new BriefingViewModel.Outputs(
                        new DeckService(new DashboardService(database, catalog), narratives), painter, pictures,
                        () -> font.get(), Runnable::run));
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
        chooser.handOver(tmp.resolve("b.md"));

        assertThat(vm.exportMarkdown()).isTrue();

        assertThat(Files.readString(chooser.save, StandardCharsets.UTF_8)).startsWith("# 反诈工作简报 · 2022年 · 全国")
                .contains("拦截诈骗电话18.2亿次");
        assertThat(vm.messageProperty().get()).contains("b.md");
        chooser.handOver(null);
        assertThat(vm.exportMarkdown()).as("chooser closed").isFalse();

        classification = "  绝密 · 仅限指挥部  ";
        chooser.handOver(tmp.resolve("c.md"));
        vm.exportMarkdown();
        assertThat(Files.readString(chooser.save, StandardCharsets.UTF_8)).contains("*绝密 · 仅限指挥部* · 数据截至");
    }

    @Test
    void theSlidesChosenMakeTheDeckAndThePreviewStaysOnAnExistingSlide() {
        vm.load();
        assertThat(vm.deckProperty().get().slides()).containsExactlyElementsOf(SlideKind.all());
        vm.slideIndexProperty().set(8);
        vm.nextSlide();
        assertThat(vm.slideIndexProperty().get()).as("the last slide is the last").isEqualTo(9);

        vm.slideChoices().stream().filter(c -> c.kind() != SlideKind.HEADLINE && c.kind() != SlideKind.NARRATIVE)
                .forEach(c -> c.included().set(false));
        assertThat(vm.deckProperty().get().slides()).containsExactly(SlideKind.HEADLINE, SlideKind.NARRATIVE);
        assertThat(vm.slideIndexProperty().get()).isEqualTo(1);
        vm.previousSlide();
        vm.previousSlide();
        assertThat(vm.slideIndexProperty().get()).isZero();
    }

    @Test
    void theBriefingsLanguageCanDifferFromTheApplications() {
        vm.load();
        vm.languageProperty().set(Lang.EN);
        assertThat(text()).startsWith("In 2022, nationwide");
        assertThat(vm.deckProperty().get().locale()).isEqualTo(Lang.EN);
        assertThat(appearance.localeProperty().get()).isEqualTo(Lang.ZH);
    }

    @Test
    void exportsThePdfFollowingItsProgress() throws Exception {
        Assumptions.assumeTrue(hasFont(), "no TrueType CJK font on this machine");
        vm.load();
        chooser.handOver(tmp.resolve("b.pdf"));
        List<Double> seen = new ArrayList<>();
        vm.exportProgressProperty().addListener((o, a, b) -> seen.add(b.doubleValue()));

        assertThat(vm.exportPdf()).isTrue();

        assertThat(new String(Files.readAllBytes(chooser.save), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(seen).hasSizeGreaterThan(5).isSorted().last().isEqualTo(1.0);
        assertThat(vm.exportingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("已将 10 页幻灯片写入 b.pdf。");
        assertThat(tmp.resolve("b.pdf.part")).doesNotExist();
    }

    private static boolean hasFont() {
        try {
            CjkFonts.locate();
            return true;
        } catch (Problem p) {
            return false;
        }
    }

    @Test
    void withoutAChineseFontThePdfExportSaysWhatToInstallBeforeAskingWhere() {
        vm.load();
        font = () -> {
            throw new Problem("pdf_font_missing", "none", "install one: sudo apt-get install fonts-wqy-microhei");
        };
        chooser.handOver(tmp.resolve("never.pdf"));
        vm.exportPdf();
        assertThat(vm.messageProperty().get()).contains("fonts-wqy-microhei");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(chooser.save).doesNotExist();
    }

    @Test
    void exportsOnePngPerChosenSlide() {
        vm.load();
        vm.slideChoices().stream().filter(c -> c.kind() == SlideKind.CAMPAIGNS).forEach(c -> c.included().set(false));
        chooser.handOver(tmp.resolve("wall.png"));
        assertThat(vm.exportPngs()).isTrue();
        assertThat(tmp.resolve("wall-01.png")).exists();
        assertThat(tmp.resolve("wall-09.png")).exists();
        assertThat(tmp.resolve("wall-10.png")).doesNotExist();
        assertThat(vm.exportProgressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void aCancelledExportSaysSoAndWritesNoMore() {
        vm.load();
        chooser.handOver(tmp.resolve("c.png"));
        // cancelled as soon as the first picture is written
        vm.exportProgressProperty().addListener((o, a, b) -> vm.cancelExport());
        vm.exportPngs();
        assertThat(tmp.resolve("c-01.png")).exists();
        assertThat(tmp.resolve("c-02.png")).doesNotExist();
        assertThat(vm.messageProperty().get()).isEqualTo("已取消——未完成的文件已删除。");
        assertThat(vm.exportingProperty().get()).isFalse();
    }

    @Test
    void printsEveryChosenSlideOrSaysThereIsNoPrinter() {
        assertThat(vm.print()).as("nothing told yet").isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("请先生成简报：尚无幻灯片。");
        vm.load();
        assertThat(vm.print()).isTrue();
        assertThat(pictures.printed).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(pictures.ended).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("已向打印机发送 10 页。");

        pictures.dialogConfirmed = false;
        assertThat(vm.print()).as("the dialog was closed").isFalse();
        pictures.printerInstalled = false;
        assertThat(vm.print()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("未安装打印机。");
    }

    @Test
    void theWallScreenReadsTheChosenSlidesAndNoneIsRefused() {
        vm.load();
        WallboardViewModel wall = vm.wallboard(5).orElseThrow();
        assertThat(wall.interval()).as("held to at least 10 s").isEqualTo(Duration.ofSeconds(10));
        wall.start();
        assertThat(wall.deckProperty().get().slides()).hasSize(10);

        vm.slideChoices().forEach(c -> c.included().set(false));
        assertThat(vm.wallboard(30)).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("请至少选择一页幻灯片。");
    }
}
