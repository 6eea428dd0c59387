package org.antifraud.cc.ui.entry;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.antifraud.cc.service.records.SubmissionService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.PageMessage;
import org.antifraud.cc.ui.common.SaysMessage;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Data entry page's "Submit month" dialog (issue 12): a province declares one month of one kind of record
 * complete, or reopens it with a reason. Shows where the unit-month stands; the rules are
 * {@link SubmissionService}'s, its problems shown here localized.
 */
public final class SubmitMonthViewModel implements SaysMessage {
    private static final Logger LOG = LoggerFactory.getLogger(SubmitMonthViewModel.class);
    /** The audit trail's origin of a change made here. */
    public static final String ORIGIN = "form";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final SubmissionService service;
    private final Catalog catalog;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final DialogService dialogs;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<SubmissionKind> kind = new ReadOnlyObjectWrapper<>(this, "kind",
            SubmissionKind.DENS);
    private final ObjectProperty<String> province = new SimpleObjectProperty<>(this, "province");
    private final StringProperty monthText = new SimpleStringProperty(this, "monthText", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper monthError = new ReadOnlyStringWrapper(this, "monthError");
    private final ReadOnlyStringWrapper reasonError = new ReadOnlyStringWrapper(this, "reasonError");
    private final ReadOnlyObjectWrapper<SubmissionState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final PageMessage message = new PageMessage();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper reopening = new ReadOnlyBooleanWrapper(this, "reopening");
    private final BooleanBinding canSubmit;
    private final BooleanBinding canReopen;
    private UiExecutor.Request reading;

    public SubmitMonthViewModel(SubmissionService service, Catalog catalog, UiExecutor executor, Appearance appearance,
                                DialogService dialogs, Clock clock) {
        this.service = service;
        this.catalog = catalog;
        this.executor = executor;
        this.appearance = appearance;
        this.dialogs = dialogs;
        this.clock = clock;
        province.addListener((obs, old, now) -> readState());
        monthText.addListener((obs, old, now) -> readState());
        reason.addListener((obs, old, now) -> reasonError.set(null));
        canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && !reopening.get() && province.get() != null
                        && state.get() != null && state.get() != SubmissionState.SUBMITTED,
                busy, reopening, province, state);
        canReopen = Bindings.createBooleanBinding(() -> !busy.get() && state.get() == SubmissionState.SUBMITTED,
                busy, state);
    }

    /**
     * Ready for {@code kind}: the province is {@code regionCode} when it is one (else none chosen), the month the
     * last one; where that stands is read at once.
     */
    public void prepare(SubmissionKind k, String regionCode) {
        kind.set(Objects.requireNonNull(k));
        title.set(appearance.i18n().get("submit.title", kindName(k)));
        message.show("", false);
        reopening.set(false);
        reason.set("");
        String unit = regionCode != null && catalog.region(regionCode).map(Region::kind).orElse(null) == RegionKind.PROVINCE
                ? regionCode : null;
        String month = YearMonth.now(clock).minusMonths(1).format(MONTH);
        if (Objects.equals(unit, province.get()) && month.equals(monthText.get())) {
            readState();
        } else {
            province.set(unit);
            monthText.set(month);
        }
    }

    /** The month typed, or null (with its error shown) when it is not a month. */
    YearMonth month() {
        String text = monthText.get() == null ? "" : monthText.get().strip();
        try {
            YearMonth m = YearMonth.parse(text, MONTH);
            monthError.set(null);
            return m;
        } catch (DateTimeParseException e) {
            monthError.set(appearance.i18n().get("submit.month.invalid"));
            return null;
        }
    }

    /** Reads where the chosen unit-month stands; a newer read replaces a stale one. */
    public void readState() {
        if (reading != null) {
            reading.cancel();
            reading = null;
        }
        state.set(null);
        stateText.set("");
        reopening.set(false);
        YearMonth m = month();
        String unit = province.get();
        if (m == null || unit == null) {
            return;
        }
        SubmissionKind k = kind.get();
        reading = executor.run(() -> service.within(m, m).stream()
                        .filter(s -> s.regionCode().equals(unit) && s.kind() == k).findFirst(),
                found -> {
                    reading = null;
                    showState(found.orElse(null));
                },
                error -> {
                    reading = null;
                    LOG.error("could not read the submission of {} {} {}", unit, m, k, error);
                    stateText.set(appearance.i18n().get("submit.failed"));
                });
    }

    private void showState(Submission s) {
        I18n i18n = appearance.i18n();
        if (s == null || s.state() == SubmissionState.OPEN) {
            state.set(SubmissionState.OPEN);
            stateText.set(i18n.get("submit.state.open"));
            return;
        }
        String when = s.changedAt() == null ? "?" : TIME.format(s.changedAt().atZone(clock.getZone()));
        String who = s.changedBy() == null ? "?" : s.changedBy();
        state.set(s.state());
        stateText.set(s.state() == SubmissionState.SUBMITTED ? i18n.get("submit.state.submitted", who, when)
                : i18n.get("submit.state.reopened", who, when, s.reason() == null ? "" : s.reason()));
    }

    /** Declares the chosen month complete. */
    public void submit() {
        YearMonth m = month();
        String unit = province.get();
        if (unit == null) {
            fail(appearance.i18n().get("submit.province.required"));
            return;
        }
        if (m == null || busy.get()) {
            return;
        }
        SubmissionKind k = kind.get();
        busy.set(true);
        executor.run(() -> service.submit(k, unit, m, ORIGIN), outcome -> {
            busy.set(false);
            succeed(appearance.i18n().get(outcome.changed() > 0 ? "submit.done" : "submit.already", kindName(k),
                    regionName(unit), m.format(MONTH)));
            readState();
        }, error -> failed(error, k, unit, m));
    }

    /** Asks for the reason to reopen the chosen (submitted) month. */
    public void startReopen() {
        if (state.get() == SubmissionState.SUBMITTED && !busy.get()) {
            reason.set("");
            reasonError.set(null);
            reopening.set(true);
        }
    }

    public void cancelReopen() {
        reopening.set(false);
        reasonError.set(null);
    }

    /** Reopens the chosen month with the reason given; without one, says it is needed and does nothing. */
    public void confirmReopen() {
        YearMonth m = month();
        String unit = province.get();
        if (m == null || unit == null || busy.get()) {
            return;
        }
        String why = reason.get() == null ? "" : reason.get().strip();
        if (why.isEmpty()) {
            reasonError.set(appearance.i18n().get("submit.reason.required"));
            return;
        }
        if (why.length() > Submission.MAX_REASON) {
            reasonError.set(appearance.i18n().get("problem.submission_reason_too_long", Submission.MAX_REASON));
            return;
        }
        SubmissionKind k = kind.get();
        busy.set(true);
        executor.run(() -> service.reopen(k, unit, m, why, ORIGIN), outcome -> {
            busy.set(false);
            reopening.set(false);
            succeed(appearance.i18n().get("submit.reopened", kindName(k), regionName(unit), m.format(MONTH)));
            readState();
        }, error -> failed(error, k, unit, m));
    }

    private void failed(Throwable error, SubmissionKind k, String unit, YearMonth m) {
        busy.set(false);
        if (error instanceof Problem problem) {
            fail(appearance.i18n().problem(problem));
        } else {
            LOG.error("could not change the submission of {} {} {}", unit, m, k, error);
            fail(appearance.i18n().get("submit.failed"));
            dialogs.error(title.get(), message.textProperty().get());
        }
    }

    private void succeed(String text) {
        message.show(text, false);
    }

    private void fail(String text) {
        message.show(text, true);
    }

    // --- choices and names

    public List<String> provinceChoices() {
        return catalog.regionCodes(RegionKind.PROVINCE);
    }

    public String regionName(String code) {
        return code == null ? "" : catalog.region(code).map(r -> r.name(appearance.localeProperty().get())).orElse(code);
    }

    public String kindName(SubmissionKind k) {
        return appearance.i18n().get("submit.kind." + k.code());
    }

    /** The submission kind a record kind's tab is, or null (statistics are not submitted). */
    public static SubmissionKind kindOf(RecordKind recordKind) {
        for (SubmissionKind k : SubmissionKind.values()) {
            if (k.recordKind() == recordKind) {
                return k;
            }
        }
        return null;
    }

    // --- properties

    public ObjectProperty<String> provinceProperty() {
        return province;
    }

    public StringProperty monthTextProperty() {
        return monthText;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty monthErrorProperty() {
        return monthError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonErrorProperty() {
        return reasonError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SubmissionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    @Override
    public PageMessage pageMessage() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reopeningProperty() {
        return reopening.getReadOnlyProperty();
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    public BooleanBinding canReopenProperty() {
        return canReopen;
    }
}
