package org.antifraud.cc.ui.entry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.NumberFormats;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.PageMessage;
import org.antifraud.cc.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The newest records of the kind the form shows, in a table of that kind's columns, filtered by a search text. */
public final class HistoryViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryViewModel.class);
    static final int LIMIT = 500;

    private final RecordService records;
    private final ObservableValue<RecordKind> kind;
    private final EntryNames names;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final PageMessage message;
    private List<StoredRecord> data = List.of();
    private RecordKind shownKind;
    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private UiExecutor.Request request;

    /** @param kind the kind of record whose history is read */
    public HistoryViewModel(RecordService records, ObservableValue<RecordKind> kind, EntryNames names,
                            UiExecutor executor, Appearance appearance, PageMessage message) {
        this.records = records;
        this.kind = kind;
        this.names = names;
        this.executor = executor;
        this.appearance = appearance;
        this.message = message;
        searchText.addListener((obs, old, now) -> present());
        appearance.localeProperty().addListener((obs, old, now) -> present());
    }

    /** Reads the newest records of the chosen kind again; an older read still running is cancelled. */
    public void reload() {
        if (request != null) {
            request.cancel();
        }
        RecordKind k = kind.getValue();
        busy.set(true);
        request = executor.run(() -> records.recent(k, LIMIT), stored -> {
            busy.set(false);
            shownKind = k;
            data = stored;
            present();
        }, error -> {
            busy.set(false);
            LOG.error("could not read the records of {}", k, error);
            message.show(appearance.i18n().get("entry.history.failed"), true);
        });
    }

    private void present() {
        if (shownKind == null) {
            rows.clear();
            return;
        }
        String needle = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        List<HistoryRow> shown = new ArrayList<>();
        for (StoredRecord s : data) {
            HistoryRow row = new HistoryRow(s, cells(s.record()));
            if (needle.isEmpty() || row.cells().stream().anyMatch(c -> c.text().toLowerCase(Locale.ROOT).contains(needle))) {
                shown.add(row);
            }
        }
        rows.setAll(shown);
    }

    /** The kind the history shows now (its columns); null before the first read. */
    public RecordKind kind() {
        return shownKind;
    }

    /** The column titles of a kind's history table. */
    public List<String> columns(RecordKind k) {
        I18n i18n = appearance.i18n();
        List<String> keys = switch (k) {
            case DEN_TAKEDOWN -> List.of("entry.field.date", "entry.field.province", "entry.field.city",
                    "entry.field.campaign", "entry.field.suspects_arrested", "entry.field.goip_devices",
                    "entry.field.phone_cards", "entry.field.bank_cards");
            case WARNING_BATCH -> List.of("entry.field.date", "entry.field.region", "entry.field.channel",
                    "entry.field.warnings", "entry.field.persons_dissuaded", "entry.field.funds_intercepted");
            case FRAUD_CASE -> List.of("entry.field.case_number", "entry.field.registered_on", "entry.field.region",
                    "entry.field.type", "entry.field.loss", "entry.field.recovered", "entry.field.status");
            case WARNING_INSTRUCTION -> List.of("entry.field.issued_at", "entry.field.province", "entry.field.tier",
                    "entry.field.risk_level", "entry.field.contacted_at", "entry.field.outcome",
                    "entry.history.funds_protected");
            case STATISTIC -> List.of("entry.field.period", "entry.field.indicator", "entry.field.region",
                    "entry.field.campaign", "entry.field.value", "entry.field.change_pct", "entry.field.source");
        };
        return keys.stream().map(key -> i18n.get(key).replace("_", "")).toList(); // a label without its mnemonic
    }

    private List<HistoryCell> cells(EntryRecord record) {
        boolean zh = appearance.i18n().isChinese();
        return switch (record) {
            case DenTakedown d -> List.of(HistoryCell.of(d.takenOn().toString()),
                    HistoryCell.of(names.regionName(d.regionCode())), HistoryCell.of(d.city()),
                    HistoryCell.of(names.campaignName(d.campaignCode())), count(d.suspectsArrested(), zh),
                    count(d.goipDevices(), zh), count(d.phoneCards(), zh), count(d.bankCards(), zh));
            case WarningBatch w -> List.of(HistoryCell.of(w.batchOn().toString()),
                    HistoryCell.of(names.regionName(w.regionCode())), HistoryCell.of(names.channelName(w.channel())),
                    count(w.warnings(), zh), count(w.personsDissuaded(), zh), money(w.fundsIntercepted(), zh));
            case FraudCase c -> List.of(HistoryCell.of(c.caseNumber()), HistoryCell.of(c.registeredOn().toString()),
                    HistoryCell.of(names.regionName(c.regionCode())), HistoryCell.of(names.typeName(c.type())),
                    money(c.loss(), zh), money(c.recovered(), zh), HistoryCell.of(names.statusName(c.status())));
            case WarningInstruction i -> List.of(HistoryCell.of(i.issuedAt().toString()),
                    HistoryCell.of(names.regionName(i.regionCode())), HistoryCell.of(names.tierName(i.tier())),
                    HistoryCell.of(names.riskName(i.riskLevel())),
                    HistoryCell.of(i.contactedAt() == null ? null : i.contactedAt().toString()),
                    HistoryCell.of(names.outcomeName(i.outcome())),
                    i.fundsProtected() == null ? HistoryCell.of(null) : money(i.fundsProtected(), zh));
            case Statistic s -> {
                Measurement m = s.measurement();
                String value = m.value() == null ? "" : NumberFormats.full(m.value(), m.qualifier(), zh);
                yield List.of(new HistoryCell(m.period().code(), m.period().start().toString()),
                        HistoryCell.of(names.indicatorName(m.indicatorCode())),
                        HistoryCell.of(names.regionName(m.regionCode())),
                        HistoryCell.of(names.campaignName(m.campaignCode())),
                        new HistoryCell(value, m.value() == null ? BigDecimal.valueOf(-1) : m.value()),
                        new HistoryCell(m.changePct() == null ? "" : NumberFormats.percent(m.changePct()),
                                m.changePct() == null ? BigDecimal.valueOf(-1000) : m.changePct()),
                        HistoryCell.of(m.source() == null ? null : m.source().title()));
            }
        };
    }

    private static HistoryCell count(long n, boolean zh) {
        return new HistoryCell(NumberFormats.full(BigDecimal.valueOf(n), null, zh), n);
    }

    private static HistoryCell money(BigDecimal v, boolean zh) {
        return new HistoryCell(NumberFormats.full(v, null, zh), v);
    }

    public ObservableList<HistoryRow> rows() {
        return rowsView;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** A read is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
