package org.antifraud.cc.ui.briefing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.antifraud.cc.domain.ReportingCompleteness;
import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.antifraud.cc.ui.completeness.CompletenessViewModel;
import org.slf4j.LoggerFactory;

/**
 * The wall screen: the live dashboard and the reporting-completeness grid (when chosen), then the chosen slides (the
 * dashboard's panels among them), one after another on an interval of 10 s to 1 h, the data read again as it
 * rotates (at least every 30 s), a countdown and the time of the last update. When reading fails (the database is
 * gone, locked, unreachable) it keeps showing the last figures it had, says so, and tries again every 5 s until it
 * reads again. Driven by {@link #tick()} once a second from the view; time comes
 * from an {@link InstantSource}, so tests run it with a fake clock.
 */
public final class WallboardViewModel {
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);
    static final Duration REFRESH_AT_LEAST_EVERY = Duration.ofSeconds(30);
    static final Duration RETRY_EVERY = Duration.ofSeconds(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Reads the slides afresh (off the FX thread). */
    @FunctionalInterface
    public interface DeckSource {
        Deck read() throws Exception;
    }

    /** Reads the reporting completeness afresh (off the FX thread). */
    @FunctionalInterface
    public interface CompletenessSource {
        ReportingCompleteness read() throws Exception;
    }

    /**
     * The reporting-completeness page: {@code view} presents what {@code source} reads (with the slides, in the same
     * read), under {@code title} ("Reporting completeness · 2022").
     */
    public record CompletenessPage(CompletenessViewModel view, CompletenessSource source, String title) {
    }

    /** What one read brings: the slides, and the completeness when that page is shown (else null). */
    private record Round(Deck deck, ReportingCompleteness completeness) {
    }

    private final DeckSource source;
    private final UiExecutor executor;
    private final InstantSource clock;
    private final ZoneId zone;
    private final I18n i18n;
    private final Duration interval;
    private final boolean dashboard;
    private final CompletenessPage completeness;
    /** The wall screen's own pages that rotate instead of the dashboard, completeness and slides; 0: none. */
    private final int wallPages;

    private final ReadOnlyObjectWrapper<Deck> deck = new ReadOnlyObjectWrapper<>(this, "deck");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper(this, "secondsLeft");
    private final ReadOnlyBooleanWrapper connectionLost = new ReadOnlyBooleanWrapper(this, "connectionLost");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private Instant nextSwitch;
    private Instant lastAttempt;
    private Instant lastUpdated;
    private UiExecutor.Request reading;
    private boolean readingNow;

    /** {@code interval} is held to 10 s – 1 h. */
    public WallboardViewModel(DeckSource source, UiExecutor executor, InstantSource clock, ZoneId zone, I18n i18n,
                              Duration interval) {
        this(source, executor, clock, zone, i18n, interval, false);
    }

    /** With {@code dashboard}, the live dashboard is shown first in each round, then the slides. */
    public WallboardViewModel(DeckSource source, UiExecutor executor, InstantSource clock, ZoneId zone, I18n i18n,
                              Duration interval, boolean dashboard) {
        this(source, executor, clock, zone, i18n, interval, dashboard, null);
    }

    /**
     * With {@code dashboard}, the live dashboard is shown first in each round; then, with {@code completeness} (may be
     * null), the reporting-completeness grid; then the slides.
     */
    public WallboardViewModel(DeckSource source, UiExecutor executor, InstantSource clock, ZoneId zone, I18n i18n,
                              Duration interval, boolean dashboard, CompletenessPage completeness) {
        this(source, executor, clock, zone, i18n, interval, dashboard, completeness, 0);
    }

    /**
     * The wall screen (ADR 0036): its {@code pages} rotate, nothing else; {@code source} is still read as they do,
     * so a database that cannot be read shows as the red band, but its slides are not shown.
     */
    public static WallboardViewModel ofPages(DeckSource source, UiExecutor executor, InstantSource clock, ZoneId zone,
                                             I18n i18n, Duration interval, int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("a wall screen has pages: " + pages);
        }
        return new WallboardViewModel(source, executor, clock, zone, i18n, interval, false, null, pages);
    }

    private WallboardViewModel(DeckSource source, UiExecutor executor, InstantSource clock, ZoneId zone, I18n i18n,
                               Duration interval, boolean dashboard, CompletenessPage completeness, int wallPages) {
        this.wallPages = wallPages;
        this.dashboard = dashboard;
        this.completeness = completeness;
        this.source = source;
        this.executor = executor;
        this.clock = clock;
        this.zone = zone;
        this.i18n = i18n;
        this.interval = clamp(interval);
    }

    public static Duration clamp(Duration interval) {
        return interval.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL
                : interval.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : interval;
    }

    /** Reads the slides and starts the rotation. */
    public void start() {
        Instant now = clock.instant();
        nextSwitch = now.plus(interval);
        read(now);
        updateStatus(now);
    }

    /** Once a second: switch slides when due, read again when due, count down. */
    public void tick() {
        Instant now = clock.instant();
        if (nextSwitch == null) {
            start();
            return;
        }
        boolean switched = false;
        if (!now.isBefore(nextSwitch)) {
            int items = items();
            if (items > 0) {
                index.set((index.get() + 1) % items);
            }
            nextSwitch = now.plus(interval);
            switched = true;
        }
        Duration since = lastAttempt == null ? Duration.ofDays(1) : Duration.between(lastAttempt, now);
        boolean due = connectionLost.get() ? since.compareTo(RETRY_EVERY) >= 0
                : switched || since.compareTo(REFRESH_AT_LEAST_EVERY) >= 0;
        if (due && !readingNow) {
            read(now);
        }
        updateStatus(now);
    }

    private void read(Instant now) {
        lastAttempt = now;
        readingNow = true;
        CompletenessPage page = completeness;
        UiExecutor.Request r = executor.run(() -> new Round(source.read(), page == null ? null : page.source().read()), round -> {
            readingNow = false;
            reading = null;
            if (page != null) {
                page.view().show(round.completeness());
            }
            deck.set(round.deck());
            if (index.get() >= items()) {
                index.set(0);
            }
            lastUpdated = clock.instant();
            connectionLost.set(false);
            problem.set("");
            updateStatus(clock.instant());
        }, error -> {
            readingNow = false;
            reading = null;
            LoggerFactory.getLogger(WallboardViewModel.class).warn("wall screen could not read the data: {}",
                    error.toString());
            connectionLost.set(true);
            problem.set(lastUpdated == null ? i18n.get("wallboard.lost_nothing")
                    : i18n.get("wallboard.lost", TIME.format(lastUpdated.atZone(zone))));
            updateStatus(clock.instant());
        });
        reading = readingNow ? r : null; // a synchronous executor has already called back
    }

    private void updateStatus(Instant now) {
        long left = Math.max(0, (Duration.between(now, nextSwitch).toMillis() + 999) / 1000);
        secondsLeft.set((int) left);
        int items = items();
        String page = items == 0 ? "" : (index.get() + 1) + " / " + items + " · ";
        status.set(page + i18n.get("wallboard.next_in", left) + " · " + (lastUpdated == null ? i18n.get("wallboard.never")
                : i18n.get("wallboard.updated", TIME.format(lastUpdated.atZone(zone)))));
    }

    /** How many things rotate: the dashboard and the completeness page (when chosen) and the slides read so far. */
    private int items() {
        if (wallPages > 0) {
            return wallPages;
        }
        Deck d = deck.get();
        return pagesBeforeSlides() + (d == null ? 0 : d.size());
    }

    private int pagesBeforeSlides() {
        return (dashboard ? 1 : 0) + (completeness != null ? 1 : 0);
    }

    /** The slide shown now, or negative while the live dashboard or the completeness page is. */
    public int slideIndex() {
        if (wallPages > 0) {
            return -1;
        }
        return index.get() - pagesBeforeSlides();
    }

    public boolean showsDashboard() {
        return dashboard && index.get() == 0;
    }

    public boolean showsCompleteness() {
        return completeness != null && index.get() == (dashboard ? 1 : 0);
    }

    /** The reporting-completeness page, or null when it does not rotate. */
    public CompletenessPage completeness() {
        return completeness;
    }

    /** The language of the wall's words. */
    public I18n i18n() {
        return i18n;
    }

    public void stop() {
        if (reading != null) {
            reading.cancel();
            reading = null;
        }
        readingNow = false;
    }

    public Duration interval() {
        return interval;
    }

    public ReadOnlyObjectProperty<Deck> deckProperty() {
        return deck.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectionLostProperty() {
        return connectionLost.getReadOnlyProperty();
    }

    /** "3 / 9 · next in 12 s · updated 09:30:05". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Empty, or why the data is not current. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

}
