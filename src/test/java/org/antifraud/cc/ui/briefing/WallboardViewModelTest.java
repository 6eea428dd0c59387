package org.antifraud.cc.ui.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.antifraud.cc.domain.DashboardData;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.Trend;
import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.Narrative;
import org.antifraud.cc.service.briefing.SlideKind;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.junit.jupiter.api.Test;

/** The wall screen's rotation, countdown, live reads and a lost database, on a fake clock. */
class WallboardViewModelTest {
    private Instant now = Instant.parse("2026-11-28T09:00:00Z");
    private final InstantSource clock = () -> now;
    private final AtomicInteger reads = new AtomicInteger();
    private boolean databaseGone;

    private Deck deck(int slides) {
        StatsQuery q = new StatsQuery(Period.parse("2022"), "CN", null);
        DashboardData data = new DashboardData(q, List.of(), List.of(), List.of(), new Trend(List.of(), List.of()),
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
}
