package org.antifraud.cc.ui.entry;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.service.records.DraftService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.Debouncer;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.PageMessage;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts that survive a crash: what is typed into a form is kept (a moment after the last key, and at once when
 * the form is emptied), and at the next start the kept drafts are offered back, to restore or to discard.
 */
public final class DraftsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DraftsViewModel.class);
    private static final String SAVED_AT = "_saved_at";
    private static final String EDITING = "_editing";
    private static final String VERSION = "_version";
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_HOUR_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DraftService drafts;
    private final RecordService records;
    private final EntryFormsViewModel forms;
    private final EntryNames names;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final PageMessage message;
    private final Debouncer debouncer;
    private final Clock clock;
    private final Set<RecordKind> dirty = EnumSet.noneOf(RecordKind.class);
    private boolean writing;
    private boolean writeAgain;
    private Map<String, String> offered = Map.of();
    private final ReadOnlyStringWrapper offer = new ReadOnlyStringWrapper(this, "offer");

    public DraftsViewModel(DraftService drafts, RecordService records, EntryFormsViewModel forms, EntryNames names,
                           UiExecutor executor, Appearance appearance, PageMessage message, Debouncer debouncer,
                           Clock clock) {
        this.drafts = drafts;
        this.records = records;
        this.forms = forms;
        this.names = names;
        this.executor = executor;
        this.appearance = appearance;
        this.message = message;
        this.debouncer = debouncer;
        this.clock = clock;
        forms.addContentListener((kind, reset) -> {
            dirty.add(kind);
            if (reset) {
                flush();
            } else {
                debouncer.poke(this::flush);
            }
        });
        appearance.localeProperty().addListener((obs, old, now) -> presentOffer());
    }

    /** Looks for drafts kept from last time (off the FX thread) and offers them back. */
    public void check() {
        executor.run(drafts::all, found -> {
            offered = found.entrySet().stream()
                    .filter(e -> Arrays.stream(RecordKind.values()).anyMatch(k -> k.code().equals(e.getKey())))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
            presentOffer();
        }, error -> LOG.warn("could not read the kept drafts", error));
    }

    /** Writes the drafts of the forms changed since the last write (an empty form's draft is deleted); in order. */
    void flush() {
        if (writing) {
            writeAgain = true;
            return;
        }
        if (dirty.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, String> writes = pendingWrites(now);
        writing = true;
        executor.run(() -> write(writes, now), n -> written(), error -> {
            LOG.warn("could not keep the drafts of {}", writes.keySet(), error);
            written();
        });
    }

    /**
     * The window is closing: what was typed since the last write (the debounce's half second would never come) is
     * written now, on this thread, before the database closes. Called once the window is hidden, so nothing waits
     * for it; a failure is logged, the rest of the close goes on.
     */
    public void keepNow() {
        if (dirty.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, String> writes = pendingWrites(now);
        try {
            write(writes, now);
        } catch (RuntimeException e) {
            LOG.warn("could not keep the drafts of {} at the close", writes.keySet(), e);
        }
    }

    /** The drafts to write for the forms changed since the last write (null: delete it); clears the changes. */
    private Map<String, String> pendingWrites(Instant now) {
        Map<String, String> writes = new LinkedHashMap<>();
        for (RecordKind k : dirty) {
            EntryForm form = forms.form(k);
            writes.put(form.name(), form.hasContent() ? text(form, now) : null);
        }
        dirty.clear();
        return writes;
    }

    private int write(Map<String, String> writes, Instant now) {
        writes.forEach((name, text) -> {
            if (text == null) {
                drafts.delete(name);
            } else {
                drafts.save(name, text, now);
            }
        });
        return writes.size();
    }

    private void written() {
        writing = false;
        if (writeAgain) {
            writeAgain = false;
            flush();
        }
    }

    private static String text(EntryForm form, Instant at) {
        Properties p = new Properties();
        for (FormField<?> f : form.fields()) {
            String text = f.toText();
            if (text != null && !text.isEmpty()) {
                p.setProperty(f.name(), text);
            }
        }
        p.setProperty(SAVED_AT, at.toString());
        if (form.editing() != null) {
            p.setProperty(EDITING, form.editing().record().key());
            p.setProperty(VERSION, Integer.toString(form.editing().version()));
        }
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().lines().filter(l -> !l.startsWith("#")).sorted()
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static Properties parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("a kept draft cannot be read; it is ignored", e);
        }
        return p;
    }

    private static Instant savedAt(Properties p) {
        try {
            String s = p.getProperty(SAVED_AT);
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void presentOffer() {
        if (offered.isEmpty()) {
            offer.set(null);
            return;
        }
        Instant newest = offered.values().stream().map(t -> savedAt(parse(t))).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        I18n i18n = appearance.i18n();
        String when = "?";
        if (newest != null) {
            ZonedDateTime at = newest.atZone(clock.getZone());
            when = (at.toLocalDate().equals(LocalDate.now(clock)) ? HOUR_MINUTE : DAY_HOUR_MINUTE).format(at);
        }
        String which = offered.keySet().stream().map(code -> names.kindName(RecordKind.fromCode(code)))
                .collect(Collectors.joining(i18n.isChinese() ? "、" : ", "));
        offer.set(i18n.get("entry.draft.offer", when, which));
    }

    /** Puts the kept drafts back into their forms (a record being edited is edited again, under its old version). */
    public void restore() {
        Map<String, String> chosen = offered;
        if (chosen.isEmpty()) {
            return;
        }
        offered = Map.of();
        presentOffer();
        executor.run(() -> {
            Map<RecordKind, StoredRecord> edited = new EnumMap<>(RecordKind.class);
            chosen.forEach((name, text) -> {
                RecordKind k = RecordKind.fromCode(name);
                Properties p = parse(text);
                String key = p.getProperty(EDITING);
                if (key != null) {
                    int version = Integer.parseInt(p.getProperty(VERSION, "0"));
                    records.find(k, key).ifPresent(s -> edited.put(k, new StoredRecord(s.record(), version)));
                }
            });
            return edited;
        }, edited -> {
            RecordKind newestKind = null;
            Instant newest = null;
            for (Map.Entry<String, String> e : chosen.entrySet()) {
                RecordKind k = RecordKind.fromCode(e.getKey());
                Properties p = parse(e.getValue());
                forms.restore(k, p::getProperty, edited.get(k));
                Instant at = savedAt(p);
                if (newestKind == null || at != null && (newest == null || at.isAfter(newest))) {
                    newestKind = k;
                    newest = at;
                }
            }
            if (newestKind != null) {
                forms.kindProperty().set(newestKind);
            }
            forms.presentForm();
            message.show(appearance.i18n().get("entry.draft.restored"), false);
        }, error -> {
            LOG.error("could not restore the kept drafts", error);
            message.show(appearance.i18n().get("entry.draft.failed"), true);
        });
    }

    /** Forgets the kept drafts. */
    public void discard() {
        List<String> kept = List.copyOf(offered.keySet());
        offered = Map.of();
        presentOffer();
        executor.run(() -> {
            kept.forEach(drafts::delete);
            return kept.size();
        }, n -> { }, error -> LOG.warn("could not discard the kept drafts", error));
    }

    /** The kept drafts on offer ("A draft from 14:05 was kept …"), or null. */
    public ReadOnlyStringProperty offerProperty() {
        return offer.getReadOnlyProperty();
    }
}
