package org.antifraud.cc.service.records;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.antifraud.cc.domain.AuditActor;
import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.Repositories;
import org.antifraud.cc.persistence.SubmissionRepository;
import org.antifraud.cc.service.audit.AuditTrail;
import org.antifraud.cc.service.audit.StateText;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.figures.Reporting;

/**
 * Reporting units (provinces) declaring a month of one kind of record complete (issue 12): open (no row) →
 * submitted → reopened with a reason → submitted again. The rules live here, for the CLI, the package import
 * and any form: a province, a month that has begun, a reason (at most {@value Submission#MAX_REASON}
 * characters) to reopen, and only a submitted month can be reopened; submitting a submitted month changes
 * nothing. Every call is one transaction that writes the rows, one audit entry per transition (entity
 * {@value Submission#ENTITY}, chained like record changes) and the data version (live refresh).
 */
public final class SubmissionService {
    private final Database database;
    private final Catalog catalog;
    private final DatasetService datasets;
    private final Clock clock;
    private final AuditTrail trail;

    /** @param trail the audit trail's key, anchor and actor (the operating-system account) */
    public SubmissionService(Database database, Catalog catalog, DatasetService datasets, Clock clock,
                             AuditTrail trail) {
        this.database = database;
        this.catalog = catalog;
        this.datasets = datasets;
        this.clock = clock;
        this.trail = trail;
    }

    /** What a call did: unit-months changed, and those already in the state asked for (submit only). */
    public record Outcome(int changed, int unchanged) {
        public int total() {
            return changed + unchanged;
        }
    }

    /** What a package's submissions did here: new rows, rows replaced by a newer state, rows left. */
    public record MergeSummary(int added, int updated, int unchanged) {
        public static final MergeSummary NONE = new MergeSummary(0, 0, 0);
    }

    public Outcome submit(SubmissionKind kind, String regionCode, YearMonth month, String origin) {
        return submit(kind, List.of(regionCode), List.of(month), origin);
    }

    /** Submits every month of {@code months} for every unit of {@code regionCodes}, in one transaction. */
    public Outcome submit(SubmissionKind kind, Collection<String> regionCodes, Collection<YearMonth> months,
                          String origin) {
        return change(kind, regionCodes, months, SubmissionState.SUBMITTED, null, origin);
    }

    public Outcome reopen(SubmissionKind kind, String regionCode, YearMonth month, String reason, String origin) {
        return reopen(kind, List.of(regionCode), List.of(month), reason, origin);
    }

    /**
     * Reopens every month of {@code months} for every unit of {@code regionCodes}, in one transaction; each must be
     * submitted (a {@code submission_not_submitted} problem otherwise, and nothing changes).
     */
    public Outcome reopen(SubmissionKind kind, Collection<String> regionCodes, Collection<YearMonth> months,
                          String reason, String origin) {
        return change(kind, regionCodes, months, SubmissionState.REOPENED, reason(reason), origin);
    }

    /** Where a unit-month stands. */
    public SubmissionState state(SubmissionKind kind, String regionCode, YearMonth month) {
        return database.repositories().submissions().find(regionCode, month, kind).map(Submission::state)
                .orElse(SubmissionState.OPEN);
    }

    /** Every submission row (submitted or reopened) of the months {@code first} to {@code last}. */
    public List<Submission> within(YearMonth first, YearMonth last) {
        return database.repositories().submissions().within(first.atDay(1), last.atEndOfMonth());
    }

    /** The reporting units: the provinces, in catalog order. */
    public List<String> units() {
        return catalog.regionsOfKind(RegionKind.PROVINCE).stream().map(Region::code).toList();
    }

    // ---------------------------------------------------------------- the rules

    /** A kind's code, or a {@code submission_kind} problem. */
    public static SubmissionKind kind(String code) {
        try {
            return SubmissionKind.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new Problem("submission_kind", "unknown kind: " + code + " (dens, warnings or cases)", String.valueOf(code));
        }
    }

    /** A reporting unit: a province of the catalog (not CN, not a zone). */
    public void checkUnit(String regionCode) {
        Region region = catalog.region(regionCode).orElseThrow(() -> new Problem("unknown_region",
                "unknown region: " + regionCode, String.valueOf(regionCode)));
        if (region.kind() != RegionKind.PROVINCE) {
            throw new Problem("submission_not_province", regionCode + " is not a province: only a province submits"
                    + " its months", regionCode);
        }
    }

    /** A month that has begun: the current month may be submitted, a later one not. */
    public void checkMonth(YearMonth month) {
        LocalDate today = LocalDate.now(clock);
        if (month.isAfter(YearMonth.from(today))) {
            throw new Problem("submission_future_month", month + " has not begun yet (today is " + today + ")",
                    month.toString(), today.toString());
        }
    }

    /** A reopening's reason, stripped: not blank, at most {@value Submission#MAX_REASON} characters. */
    public static String reason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new Problem("submission_reason_required", "reopening a month needs a reason");
        }
        if (r.length() > Submission.MAX_REASON) {
            throw new Problem("submission_reason_too_long", "the reason is longer than " + Submission.MAX_REASON
                    + " characters", Submission.MAX_REASON);
        }
        return r;
    }

    // ---------------------------------------------------------------- transitions

    /** A unit-month before (null: open) and after one transition. */
    private record Transition(Submission before, Submission after) {
    }

    private Outcome change(SubmissionKind kind, Collection<String> regionCodes, Collection<YearMonth> months,
                           SubmissionState to, String reason, String origin) {
        Objects.requireNonNull(kind, "kind");
        List<String> units = List.copyOf(new LinkedHashSet<>(regionCodes));
        List<YearMonth> span = List.copyOf(new TreeSet<>(months));
        if (units.isEmpty() || span.isEmpty()) {
            throw new IllegalArgumentException("no region or no month given");
        }
        units.forEach(this::checkUnit);
        span.forEach(this::checkMonth);
        return trail.committed(database, repos -> {
            repos.audit().serializeSubmissionWriters(); // one writer at a time: the states read here are the ones changed
            SubmissionRepository store = repos.submissions();
            Map<String, Submission> stored = new HashMap<>();
            store.within(span.getFirst().atDay(1), span.getLast().atEndOfMonth())
                    .forEach(s -> stored.put(s.entityId(), s));
            Instant now = now();
            AuditActor who = trail.actor();
            List<Transition> transitions = new ArrayList<>();
            int unchanged = 0;
            for (String unit : units) {
                for (YearMonth month : span) {
                    Submission current = stored.get(Submission.entityId(unit, month, kind));
                    SubmissionState from = current == null ? SubmissionState.OPEN : current.state();
                    if (to == SubmissionState.SUBMITTED && from == SubmissionState.SUBMITTED) {
                        unchanged++;
                        continue;
                    }
                    if (to == SubmissionState.REOPENED && from != SubmissionState.SUBMITTED) {
                        throw new Problem("submission_not_submitted", unit + " " + month + " " + kind.code() + " is "
                                + from.code() + ": only a submitted month can be reopened", unit, month.toString(),
                                kind.code(), from.code());
                    }
                    Submission next = new Submission(unit, month, kind, to, who.account(), now, reason);
                    store.put(next);
                    transitions.add(new Transition(current, next));
                }
            }
            audit(repos, transitions, now, origin);
            return new Outcome(transitions.size(), unchanged);
        });
    }

    /**
     * Merges a package's submissions inside the caller's transaction (the package import's): a unit-month not
     * here is added; one here is replaced when the package's {@code changed_at} is later, else left. Each is
     * checked by the rules first (a problem rolls the whole import back). Audited with {@code origin}.
     */
    public MergeSummary merge(Repositories repos, List<Submission> incoming, String origin) {
        if (incoming.isEmpty()) {
            return MergeSummary.NONE;
        }
        for (Submission s : incoming) {
            checkUnit(s.regionCode());
            checkMonth(s.month());
            if (s.state() == SubmissionState.OPEN) {
                throw new IllegalArgumentException("an open month has no row: " + s.entityId());
            }
            if (s.state() == SubmissionState.REOPENED) {
                reason(s.reason());
            }
            Objects.requireNonNull(s.changedBy(), "changedBy");
            Objects.requireNonNull(s.changedAt(), "changedAt");
        }
        repos.audit().serializeSubmissionWriters();
        SubmissionRepository store = repos.submissions();
        Map<String, Submission> stored = new HashMap<>();
        store.forEach(s -> stored.put(s.entityId(), s));
        List<Transition> transitions = new ArrayList<>();
        int added = 0;
        int unchanged = 0;
        for (Submission s : incoming) {
            Submission theirs = new Submission(s.regionCode(), s.month(), s.kind(), s.state(), s.changedBy(),
                    s.changedAt().truncatedTo(ChronoUnit.MICROS), s.state() == SubmissionState.REOPENED
                    ? reason(s.reason()) : null);
            Submission here = stored.get(theirs.entityId());
            if (here != null && (!theirs.changedAt().isAfter(here.changedAt())
                    || StateText.of(here).equals(StateText.of(theirs)))) {
                unchanged++;
                continue;
            }
            if (here == null) {
                added++;
            }
            store.put(theirs);
            stored.put(theirs.entityId(), theirs);
            transitions.add(new Transition(here, theirs));
        }
        audit(repos, transitions, now(), origin);
        return new MergeSummary(added, transitions.size() - added, unchanged);
    }

    /** One entry per transition, chained after the head; the data version. */
    private void audit(Repositories repos, List<Transition> transitions, Instant now, String origin) {
        if (transitions.isEmpty()) {
            return;
        }
        List<AuditTrail.Change> audited = new ArrayList<>(transitions.size());
        for (Transition t : transitions) {
            audited.add(new AuditTrail.Change(t.before() == null ? AuditEntry.INSERT : AuditEntry.UPDATE,
                    Submission.ENTITY, t.after().entityId(), t.before() == null ? null : StateText.of(t.before()),
                    StateText.of(t.after())));
        }
        trail.record(repos.audit(), now, origin, audited);
        datasets.touch(repos);
    }

    /** Now, as the database keeps a time (microseconds), so that a row compares equal with its audited state. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
