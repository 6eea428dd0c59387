package org.antifraud.cc.service.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.antifraud.cc.domain.AlertEvent;
import org.antifraud.cc.domain.AlertFilter;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.domain.AlertThreshold;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.ThresholdSpec;
import org.antifraud.cc.persistence.AlertRepository;
import org.antifraud.cc.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.antifraud.cc.service.figures.AggregationRule;
import org.antifraud.cc.service.figures.InstructionFigures;
import org.antifraud.cc.service.figures.StatsService;

/**
 * Threshold alerts: operators' thresholds (kept in the database), their evaluation against the figures of
 * {@link StatsService}, and the alerts they raise.
 *
 * <p>Which period is evaluated: for each enabled threshold, <b>the latest period of its grain that has
 * data</b> for its indicator in its region (the region's own figures or its children's). Not the calendar's
 * current day or month: figures arrive late, so "today" would mostly be empty, and a rise against yesterday
 * would be judged on half a day. The latest period may still be filling up; it is evaluated again on every
 * data change, and its crossing is raised when it happens, once.
 *
 * <p>A crossing raises exactly one alert per threshold and period (a unique key in the database), however
 * often the figures are evaluated; a later, higher value in the same period raises nothing new.
 */
public final class AlertService {
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    /** The limit column is DECIMAL(20, 2). */
    private static final BigDecimal LIMIT_BOUND = new BigDecimal("1000000000000000000");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int WHO_LENGTH = 64;

    private final Database database;
    private final Catalog catalog;
    private final StatsService stats;
    private final Clock clock;

    public AlertService(Database database, Catalog catalog, StatsService stats, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.stats = stats;
        this.clock = clock;
    }

    // --- thresholds

    /** Every threshold, oldest first. */
    public List<AlertThreshold> thresholds() {
        return database.repositories().alerts().thresholds();
    }

    /** Checks and stores a new threshold; a {@link Problem} names what is wrong with it. */
    public AlertThreshold create(ThresholdSpec spec, String who) {
        database.role().requireWrite("change alerts");
        check(spec);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.transaction(repos -> {
            AlertRepository alerts = repos.alerts();
            refuseDuplicate(alerts, spec, null);
            long id = alerts.insertThreshold(spec, now, who(who));
            return alerts.threshold(id).orElseThrow();
        });
    }

    /**
     * Changes a threshold's limit and whether it is enabled. What it watches (indicator, region, grain,
     * kind) is fixed: its alerts refer to it. Watching something else is a new threshold.
     */
    public AlertThreshold update(long id, ThresholdSpec spec) {
        database.role().requireWrite("change alerts");
        check(spec);
        return database.transaction(repos -> {
            AlertRepository alerts = repos.alerts();
            AlertThreshold stored = alerts.threshold(id).orElseThrow(() -> gone(id));
            if (!stored.spec().sameWatchAs(spec)) {
                throw new Problem("alert_threshold_fixed",
                        "a threshold's indicator, region, grain and kind cannot change; add a new threshold");
            }
            refuseDuplicate(alerts, spec, id);
            alerts.updateThreshold(id, spec.limit(), spec.enabled());
            return alerts.threshold(id).orElseThrow();
        });
    }

    /** Deletes a threshold and the alerts it raised. */
    public void delete(long id) {
        database.role().requireWrite("change alerts");
        database.transaction(repos -> {
            if (repos.alerts().deleteThreshold(id) == 0) {
                throw gone(id);
            }
            return null;
        });
    }

    /** How many alerts a threshold has raised (what deleting it would delete too). */
    public int alertCount(long thresholdId) {
        return database.repositories().alerts().countEvents(thresholdId);
    }

    /** A {@link Problem} for a threshold that cannot be stored; reads only the catalogs. */
    public void check(ThresholdSpec spec) {
        if (spec.indicatorCode() == null) {
            throw new Problem("alert_indicator_missing", "choose an indicator");
        }
        if (catalog.indicator(spec.indicatorCode()).isEmpty()) {
            throw new Problem("unknown_indicator", "unknown indicator: " + spec.indicatorCode(), spec.indicatorCode());
        }
        if (spec.regionCode() == null) {
            throw new Problem("alert_region_missing", "choose a region");
        }
        if (catalog.region(spec.regionCode()).isEmpty()) {
            throw new Problem("unknown_region", "unknown region: " + spec.regionCode(), spec.regionCode());
        }
        if (spec.grain() == null) {
            throw new Problem("alert_grain_missing", "choose day, month or year");
        }
        if (spec.kind() == null) {
            throw new Problem("alert_kind_missing", "choose above or rise");
        }
        if (!spec.cut().none() && !InstructionFigures.ALL.contains(spec.indicatorCode())) {
            throw new Problem("alert_cut_not_instructions", "only a figure of warning instructions can watch one tier"
                    + " or risk level: " + spec.indicatorCode(), spec.indicatorCode());
        }
        BigDecimal limit = spec.limit();
        if (limit == null) {
            throw new Problem("alert_limit_missing", "enter a limit");
        }
        if (limit.signum() < 0) {
            throw new Problem("alert_limit_negative", "the limit must not be negative: " + limit.toPlainString(),
                    limit.toPlainString());
        }
        if (limit.stripTrailingZeros().scale() > 2) {
            throw new Problem("alert_limit_precision", "the limit has more than two decimals: " + limit.toPlainString(),
                    limit.toPlainString());
        }
        if (limit.compareTo(LIMIT_BOUND) >= 0) {
            throw new Problem("alert_limit_too_large", "the limit is too large: " + limit.toPlainString(),
                    limit.toPlainString());
        }
    }

    private static void refuseDuplicate(AlertRepository alerts, ThresholdSpec spec, Long self) {
        boolean duplicate = alerts.thresholds().stream()
                .filter(t -> self == null || t.id() != self)
                .anyMatch(t -> t.spec().sameWatchAs(spec) && t.limit().compareTo(spec.limit()) == 0);
        if (duplicate) {
            throw new Problem("alert_threshold_duplicate", "the same threshold exists already");
        }
    }

    private static Problem gone(long id) {
        return new Problem("alert_threshold_gone", "the threshold no longer exists: " + id, id);
    }

    private static String who(String who) {
        String name = who == null || who.isBlank() ? "?" : who.strip();
        return name.length() > WHO_LENGTH ? name.substring(0, WHO_LENGTH) : name;
    }

    // --- evaluation

    /** {@link #evaluate(Instant)} at the clock's now. */
    public List<AlertEvent> evaluate() {
        return evaluate(clock.instant());
    }

    /**
     * Evaluates every enabled threshold on the latest period of its grain with data, and records the new
     * crossings in one transaction. Returns only the alerts raised by this call (oldest threshold first);
     * a crossing recorded before, by this or another workstation, is not returned again.
     */
    public List<AlertEvent> evaluate(Instant now) {
        if (!database.role().mayWrite()) {
            return List.of(); // a viewer of a shared database reads the alerts the writing desks raise (issue 15)
        }
        Instant raisedAt = now.truncatedTo(ChronoUnit.MICROS);
        List<Crossing> crossings = new ArrayList<>();
        for (AlertThreshold threshold : database.repositories().alerts().enabledThresholds()) {
            try {
                crossing(threshold).ifPresent(crossings::add);
            } catch (RuntimeException e) {
                // one threshold that cannot be judged must not silence the others
                LOG.warn("could not evaluate alert threshold {}", threshold, e);
            }
        }
        if (crossings.isEmpty()) {
            return List.of();
        }
        List<AlertEvent> raised = database.transaction(repos -> {
            List<AlertEvent> created = new ArrayList<>();
            for (Crossing c : crossings) {
                AlertThreshold t = c.threshold();
                repos.alerts().insertEventIfNew(t.id(), c.period().code(), c.value(), c.previous(), t.limit(),
                                c.basis(), c.partial(), raisedAt)
                        .ifPresent(id -> created.add(new AlertEvent(id, t.id(), t.indicatorCode(), t.regionCode(), t.cut(),
                                t.grain(), t.kind(), c.period().code(), c.value(), c.previous(), t.limit(), c.basis(),
                                c.partial(), raisedAt, null, null)));
            }
            return created;
        });
        if (!raised.isEmpty()) {
            LOG.info("raised {} alert(s)", raised.size());
        }
        return raised;
    }

    /** Whether the threshold is crossed in the latest period of its grain with data; empty when not, or no data. */
    Optional<Crossing> crossing(AlertThreshold t) {
        Optional<Period> latest = latestPeriod(t);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Period period = latest.get();
        StatsService.Pair figures = stats.pair(t.indicatorCode(), t.regionCode(), t.cut(), period,
                t.grain().previous(period));
        Figure value = figures.value();
        if (!value.isKnown()) {
            return Optional.empty();
        }
        if (t.kind() == AlertKind.ABOVE) {
            // a partial figure is a lower bound: above the limit already, it is so whatever is still to come
            return value.value().compareTo(t.limit()) > 0
                    ? Optional.of(new Crossing(t, period, value.value(), null, value.basis(), value.isPartial()))
                    : Optional.empty();
        }
        Figure previous = figures.other();
        // no rise can be stated from nothing or from zero, nor between figures of another basis or coverage
        // (a partial month against a complete one, demo against real): the rule of a change beside a value
        if (!AggregationRule.comparable(value, previous) || previous.value().signum() <= 0) {
            return Optional.empty();
        }
        // value / previous - 1 > limit / 100, without rounding: value * 100 > previous * (100 + limit)
        boolean rose = value.value().multiply(HUNDRED).compareTo(previous.value().multiply(HUNDRED.add(t.limit()))) > 0;
        return rose ? Optional.of(new Crossing(t, period, value.value(), previous.value(),
                value.basis(), value.isPartial())) : Optional.empty();
    }

    /** The latest day, month or year (the threshold's grain) holding a figure of that grain or a finer one. */
    Optional<Period> latestPeriod(AlertThreshold t) {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(t.regionCode());
        regions.addAll(catalog.childrenOf(t.regionCode()));
        List<String> grains = switch (t.grain()) {
            case DAY -> List.of("D");
            case MONTH -> List.of("M", "D");
            case YEAR -> List.of("Y", "M", "D");
        };
        // a timed instruction figure or a cut one (issue 17) has no facts of its own: its latest period is that of
        // all the instructions (a day without an instruction of the cut has a figure: none of them)
        String counted = InstructionFigures.TIMED.contains(t.indicatorCode()) || !t.cut().none()
                ? InstructionFigures.INSTRUCTIONS : t.indicatorCode();
        Optional<LocalDate> start = database.repositories().alerts().latestDataStart(counted, regions, grains);
        return start.map(t.grain()::periodOf);
    }

    record Crossing(AlertThreshold threshold, Period period, BigDecimal value, BigDecimal previous, Basis basis,
                    boolean partial) {
    }

    // --- alerts

    /** Alerts as the filter asks, newest first. */
    public List<AlertEvent> events(AlertFilter filter) {
        return database.repositories().alerts().events(filter);
    }

    public int unacknowledgedCount() {
        return database.repositories().alerts().countUnacknowledged();
    }

    /** Acknowledges one alert in {@code who}'s name; false when it was acknowledged already (or is gone). */
    public boolean acknowledge(long id, String who) {
        return acknowledge(List.of(id), who) == 1;
    }

    /** Acknowledges the still unacknowledged ones among {@code ids}; returns how many. */
    public int acknowledge(Collection<Long> ids, String who) {
        database.role().requireWrite("change alerts");
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.transaction(repos -> repos.alerts().acknowledge(ids, now, who(who)));
    }
}
