package org.antifraud.cc.ui.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleIntegerProperty;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.ReportingCompleteness;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.antifraud.cc.domain.Trend;
import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.Narrative;
import org.antifraud.cc.service.briefing.SlideKind;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.completeness.CompletenessViewModel;
import org.junit.jupiter.api.Test;

/** The wall screen's rotation, countdown, live reads, the completeness page and a lost database, on a fake clock. */
class WallboardViewModelTest {
    private Instant now = Instant.parse("2026-11-28T09:00:00Z");
    private final InstantSource clock = () -> now;
    private final AtomicInteger reads = new AtomicInteger();
    private boolean databaseGone;

    private Deck deck(int slides) {
        StatsQuery q = new StatsQuery(Period.parse("2022"), "CN", null);
        DashboardData data = new DashboardData(q, List.of(), List.of(), List.of(), Map.of(),
                new Trend(List.of(), List.of()),
                new Trend(List.of(), List.of()), List.of(), null, null);
        return new Deck(q, Lang.EN, SlideKind.all().subList(0, slides), "Internal", null, data,
                new Narrative(q, List.of()));
    }

    private WallboardViewModel wall(int seconds) {
        return new WallboardViewModel(() -> {
            reads.incrementAndGet();
            if (databaseGone) {
                throw new SQLException("Database may be already in use / file gone");
            }
            return deck(3);
        }, QueuedUiExecutor.immediate(), clock, ZoneOffset.UTC, new I18n(Locale.ENGLISH), Duration.ofSeconds(seconds));
    }

    private void advance(WallboardViewModel wall, int seconds) {
        for (int i = 0; i < seconds; i++) {
            now = now.plusSeconds(1);
            wall.tick();
        }
    }

    @Test
    void rotatesOnTheIntervalAndCountsDown() {
        WallboardViewModel wall = wall(20);
        wall.start();
        assertThat(wall.indexProperty().get()).isZero();
        assertThat(wall.statusProperty().get()).isEqualTo("1 / 3 · next in 20 s · updated 09:00:00");

        advance(wall, 19);
        assertThat(wall.indexProperty().get()).isZero();
        assertThat(wall.secondsLeftProperty().get()).isEqualTo(1);
        advance(wall, 1);
        assertThat(wall.indexProperty().get()).isEqualTo(1);
        assertThat(wall.secondsLeftProperty().get()).isEqualTo(20);
        advance(wall, 40);
        assertThat(wall.indexProperty().get()).as("after the last slide, the first again").isZero();
        assertThat(wall.statusProperty().get()).isEqualTo("1 / 3 · next in 20 s · updated 09:01:00");
    }

    private static final Catalog CATALOG = new Catalog(
            List.of(new Region("CN", RegionKind.NATION, null, "全国", "China"),
                    new Region("CN-BJ", RegionKind.PROVINCE, "CN", "北京市", "Beijing"),
                    new Region("CN-GD", RegionKind.PROVINCE, "CN", "广东省", "Guangdong")),
            Map.of("CN", List.of("CN-BJ", "CN-GD")), List.of(), List.of());

    /** Beijing has submitted every month of 2022; Guangdong only once {@code gdSubmitted}. */
    private boolean gdSubmitted;
    private final AtomicInteger completenessReads = new AtomicInteger();

    private ReportingCompleteness completeness() {
        completenessReads.incrementAndGet();
        if (databaseGone) {
            throw new IllegalStateException("database file gone");
        }
        List<YearMonth> months = ReportingCompleteness.monthsOf(Period.parse("2022"), LocalDate.of(2026, 11, 28));
        Map<String, Submission> rows = new HashMap<>();
        for (String unit : gdSubmitted ? List.of("CN-BJ", "CN-GD") : List.of("CN-BJ")) {
            for (YearMonth m : months) {
                for (SubmissionKind kind : SubmissionKind.values()) {
                    Submission s = new Submission(unit, m, kind, SubmissionState.SUBMITTED, "tester", now, null);
                    rows.put(s.entityId(), s);
                }
            }
        }
        return new ReportingCompleteness(List.of("CN-BJ", "CN-GD"), months, rows, new EnumMap<>(SubmissionKind.class));
    }

    @Test
    void theCompletenessPageComesAfterTheDashboardAndIsReadAgainWithTheSlides() {
        // the wall's page presents through a ViewModel of its own; it reads through the wall, never its service
        CompletenessViewModel grid = new CompletenessViewModel(null, CATALOG, QueuedUiExecutor.immediate(),
                new Appearance(Lang.EN, Theme.DARK), Clock.fixed(now, ZoneOffset.UTC), new SimpleIntegerProperty(10));
        WallboardViewModel wall = new WallboardViewModel(() -> {
            reads.incrementAndGet();
            return deck(3);
        }, QueuedUiExecutor.immediate(), clock, ZoneOffset.UTC, new I18n(Locale.ENGLISH), Duration.ofSeconds(20), true,
                new WallboardViewModel.CompletenessPage(grid, this::completeness, "Reporting completeness · 2022"));
        wall.start();
        assertThat(wall.statusProperty().get()).as("dashboard, completeness, 3 slides")
                .isEqualTo("1 / 5 · next in 20 s · updated 09:00:00");
        assertThat(wall.showsDashboard()).isTrue();
        assertThat(wall.showsCompleteness()).isFalse();
        assertThat(completenessReads.get()).isEqualTo(1);
        assertThat(grid.rows()).extracting(CompletenessViewModel.Row::name).containsExactly("Beijing", "Guangdong");
        assertThat(grid.lateCellsProperty().get()).as("Guangdong's kinds, every one late")
                .isEqualTo(SubmissionKind.values().length);

        gdSubmitted = true;
        advance(wall, 20);
        assertThat(wall.showsDashboard()).isFalse();
        assertThat(wall.showsCompleteness()).isTrue();
        assertThat(wall.slideIndex()).isNegative();
        assertThat(wall.statusProperty().get()).startsWith("2 / 5 · ");
        assertThat(completenessReads.get()).as("read again as the wall turns").isEqualTo(2);
        assertThat(grid.lateCellsProperty().get()).isZero();
        assertThat(grid.rows().get(1).cells().getFirst().countText()).isEqualTo("12/12");

        advance(wall, 20);
        assertThat(wall.showsCompleteness()).isFalse();
        assertThat(wall.slideIndex()).as("then the first slide").isZero();
        assertThat(wall.statusProperty().get()).startsWith("3 / 5 · ");

        databaseGone = true;
        gdSubmitted = false;
        advance(wall, 20);
        assertThat(wall.connectionLostProperty().get()).isTrue();
        assertThat(grid.lateCellsProperty().get()).as("the last figures stay").isZero();
        assertThat(grid.rows()).hasSize(2);
    }

    @Test
    void theIntervalIsHeldBetweenTenSecondsAndAnHour() {
        assertThat(wall(1).interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(wall(7200).interval()).isEqualTo(Duration.ofHours(1));
        assertThat(wall(600).interval()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void readsTheDataAgainAsItRotatesAndAtLeastEveryThirtySeconds() {
        WallboardViewModel wall = wall(3600);
        wall.start();
        assertThat(reads.get()).isEqualTo(1);
        advance(wall, 29);
        assertThat(reads.get()).isEqualTo(1);
        advance(wall, 1);
        assertThat(reads.get()).as("a slide shown for an hour still shows current figures").isEqualTo(2);
    }

    @Test
    void keepsShowingTheLastSlidesWhileTheDatabaseIsLostAndRecovers() {
        WallboardViewModel wall = wall(10);
        wall.start();
        Deck shown = wall.deckProperty().get();

        databaseGone = true;
        advance(wall, 10); // the switch reads again, and fails
        assertThat(wall.connectionLostProperty().get()).isTrue();
        assertThat(wall.problemProperty().get())
                .isEqualTo("The data cannot be read — showing the figures of 09:00:00; trying again…");
        assertThat(wall.deckProperty().get()).as("the last slides stay").isSameAs(shown);
        int failed = reads.get();
        advance(wall, 10);
        assertThat(wall.indexProperty().get()).as("and keep rotating").isEqualTo(2);
        assertThat(reads.get()).as("tried again every 5 s").isEqualTo(failed + 2);

        databaseGone = false;
        advance(wall, 5);
        assertThat(wall.connectionLostProperty().get()).isFalse();
        assertThat(wall.problemProperty().get()).isEmpty();
        assertThat(wall.statusProperty().get()).endsWith("updated 09:00:25");
    }

    @Test
    void theWallScreensPagesRotateAloneWhileTheDataIsStillReadAsTheyTurn() {
        WallboardViewModel wall = WallboardViewModel.ofPages(() -> {
            reads.incrementAndGet();
            if (databaseGone) {
                throw new SQLException("file gone");
            }
            return deck(3);
        }, QueuedUiExecutor.immediate(), clock, ZoneOffset.UTC, new I18n(Locale.ENGLISH), Duration.ofSeconds(10), 6);
        wall.start();
        assertThat(wall.statusProperty().get()).startsWith("1 / 6 · ");
        assertThat(wall.slideIndex()).as("no slide is shown").isNegative();
        assertThat(wall.showsDashboard()).isFalse();

        advance(wall, 50);
        assertThat(wall.indexProperty().get()).isEqualTo(5);
        assertThat(reads.get()).as("read at the start and on each turn").isEqualTo(6);
        databaseGone = true;
        advance(wall, 10);
        assertThat(wall.indexProperty().get()).as("after the last page, the first").isZero();
        assertThat(wall.connectionLostProperty().get()).isTrue();
    }
}
