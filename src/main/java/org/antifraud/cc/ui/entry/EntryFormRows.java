package org.antifraud.cc.ui.entry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.ui.common.Controls;
import org.antifraud.cc.ui.common.StyleClasses;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * The rows of the Data entry forms, built from their fields for {@link DataEntryView}: per field a label, the
 * control bound to it both ways, and its error below (also shown as a ControlsFX decoration).
 */
final class EntryFormRows {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String NONE = "";

    private final ResourceBundle resources;
    private final ValidationSupport validation;
    private final EntryNames names;
    private final Consumer<Object> keep;

    /** @param keep holds a listener as long as the view lives (the fields see it only weakly) */
    EntryFormRows(ResourceBundle resources, ValidationSupport validation, EntryNames names, Consumer<Object> keep) {
        this.resources = resources;
        this.validation = validation;
        this.names = names;
        this.keep = keep;
    }

    // each form's rows; returns the first field a clerk changes for the next record of a batch

    Control den(GridPane grid, DenTakedownForm f) {
        GridPane g = grid(grid);
        date(g, f.date, "entry.field.date", "denDate");
        code(g, f.region, "entry.field.province", "denRegion", names.provinceChoices(), names::regionName, false);
        Control first = text(g, f.city, "entry.field.city", "denCity", "entry.prompt.optional");
        code(g, f.campaign, "entry.field.campaign", "denCampaign", names.campaignChoices(), names::campaignName, true);
        text(g, f.address, "entry.field.address", "denAddress", "entry.prompt.optional");
        text(g, f.suspects, "entry.field.suspects_arrested", "denSuspects", null);
        text(g, f.goip, "entry.field.goip_devices", "denGoip", "entry.prompt.zero");
        text(g, f.phoneCards, "entry.field.phone_cards", "denPhoneCards", "entry.prompt.zero");
        text(g, f.bankCards, "entry.field.bank_cards", "denBankCards", "entry.prompt.zero");
        text(g, f.note, "entry.field.note", "denNote", "entry.prompt.optional");
        return first;
    }

    Control warning(GridPane grid, WarningBatchForm f) {
        GridPane g = grid(grid);
        date(g, f.date, "entry.field.date", "warningDate");
        code(g, f.region, "entry.field.province", "warningRegion", names.provinceChoices(), names::regionName, false);
        Control first = choice(g, f.channel, "entry.field.channel", "warningChannel",
                List.of(WarningChannel.values()), names::channelName);
        text(g, f.warnings, "entry.field.warnings", "warningCount", null);
        text(g, f.dissuaded, "entry.field.persons_dissuaded", "warningDissuaded", "entry.prompt.zero");
        text(g, f.funds, "entry.field.funds_intercepted", "warningFunds", "entry.prompt.zero");
        return first;
    }

    Control fraudCase(GridPane grid, CaseForm f) {
        GridPane g = grid(grid);
        Control first = text(g, f.caseNumber, "entry.field.case_number", "caseNumber", null);
        date(g, f.date, "entry.field.registered_on", "caseDate");
        code(g, f.region, "entry.field.province", "caseRegion", names.provinceChoices(), names::regionName, false);
        choice(g, f.type, "entry.field.type", "caseType", List.of(FraudType.values()), names::typeName);
        text(g, f.loss, "entry.field.loss", "caseLoss", null);
        text(g, f.recovered, "entry.field.recovered", "caseRecovered", "entry.prompt.zero");
        choice(g, f.status, "entry.field.status", "caseStatus", List.of(CaseStatus.values()), names::statusName);
        return first;
    }

    Control instruction(GridPane grid, InstructionForm f) {
        GridPane g = grid(grid);
        text(g, f.issuedAt, "entry.field.issued_at", "instructionIssued", "entry.prompt.time");
        code(g, f.region, "entry.field.province", "instructionRegion", names.provinceChoices(), names::regionName, false);
        choice(g, f.tier, "entry.field.tier", "instructionTier", List.of(InstructionTier.values()), names::tierName);
        choice(g, f.risk, "entry.field.risk_level", "instructionRisk", List.of(RiskLevel.values()), names::riskName);
        Control first = text(g, f.contactedAt, "entry.field.contacted_at", "instructionContacted",
                "entry.prompt.not_yet");
        choice(g, f.outcome, "entry.field.outcome", "instructionOutcome", List.of(InstructionOutcome.values()),
                names::outcomeName);
        text(g, f.funds, "entry.field.funds_protected", "instructionFunds", "entry.prompt.optional");
        return first;
    }

    Control statistic(GridPane grid, StatisticForm f) {
        GridPane g = grid(grid);
        Control first = code(g, f.indicator, "entry.field.indicator", "statIndicator",
                names.indicatorChoices(), names::indicatorName, false);
        code(g, f.region, "entry.field.region", "statRegion", names.regionChoices(), names::regionName, false);
        text(g, f.period, "entry.field.period", "statPeriod", "entry.prompt.period");
        code(g, f.campaign, "entry.field.campaign", "statCampaign", names.campaignChoices(), names::campaignName, true);
        text(g, f.value, "entry.field.value", "statValue", null);
        text(g, f.changePct, "entry.field.change_pct", "statChange", "entry.prompt.optional");
        CheckBox more = new CheckBox(resources.getString("entry.field.more_than"));
        more.setId("statMoreThan");
        more.setWrapText(true);
        more.selectedProperty().bindBidirectional(f.moreThan.valueProperty());
        g.addRow(nextRow(g), new Label(), more);
        text(g, f.source, "entry.field.source", "statSource", "entry.prompt.optional");
        text(g, f.note, "entry.field.note", "statNote", "entry.prompt.optional");
        return first;
    }

    private static GridPane grid(GridPane g) {
        g.setHgap(8);
        g.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        labels.setMaxWidth(130);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        g.getColumnConstraints().setAll(labels, controls);
        return g;
    }

    /**
     * The first row no child sits in, hidden ones included. Not {@code GridPane.getRowCount()}: it counts managed
     * children only, so the next field went into the row of the (unmanaged, hidden) error above it and covered
     * its words when they showed — only the decoration's dot was left to see (issue 16).
     */
    private static int nextRow(GridPane g) {
        int next = 0;
        for (javafx.scene.Node child : g.getChildren()) {
            Integer row = GridPane.getRowIndex(child);
            next = Math.max(next, (row == null ? 0 : row) + 1);
        }
        return next;
    }

    /** A label, the control and (below it) the field's error. */
    private <C extends Control> C row(GridPane g, FormField<?> field, String labelKey, C control) {
        Label label = new Label(resources.getString(labelKey));
        label.setLabelFor(control);
        label.getStyleClass().add("filter-label");
        label.setWrapText(true);
        control.setMaxWidth(Double.MAX_VALUE);
        Label error = new Label();
        error.getStyleClass().addAll("error-label", "field-error", StyleClasses.FIELD_PROBLEM);
        error.setId(control.getId() == null ? null : control.getId() + "-problem");
        error.setWrapText(true);
        error.textProperty().bind(field.errorProperty());
        error.visibleProperty().bind(field.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        // a screen reader says the field's name and, while there is one, its problem in the same words
        control.accessibleTextProperty().bind(Bindings.when(field.errorProperty().isNull()).then(label.getText())
                .otherwise(Bindings.concat(label.getText(), ": ", field.errorProperty())));
        int r = nextRow(g);
        g.addRow(r, label, control);
        g.add(error, 1, r + 1);
        GridPane.setMargin(control, new Insets(4, 0, 0, 0));
        validation.registerValidator(control, false, (c, v) -> ValidationResult.fromErrorIf(c,
                field.errorProperty().get(), field.errorProperty().get() != null));
        InvalidationListener revalidate = obs -> validation.revalidate(control);
        keep.accept(revalidate);
        field.errorProperty().addListener(new WeakInvalidationListener(revalidate));
        return control;
    }

    private TextField text(GridPane g, FormField<String> field, String labelKey, String id, String promptKey) {
        TextField t = new TextField();
        t.setId(id);
        if (promptKey != null) {
            t.setPromptText(resources.getString(promptKey));
        }
        t.textProperty().bindBidirectional(field.valueProperty());
        return row(g, field, labelKey, t);
    }

    private DatePicker date(GridPane g, FormField<LocalDate> field, String labelKey, String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : DATE.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                return parseDate(s);
            }
        });
        picker.setPromptText(resources.getString("entry.prompt.date"));
        picker.setDayCellFactory(p -> new DateCell() {
            @Override
            public void updateItem(LocalDate item, boolean empty) {
                super.updateItem(item, empty);
                setDisable(empty || item.isAfter(LocalDate.now())); // no day in the future
            }
        });
        picker.setValue(field.get());
        boolean[] fromEditor = {false};
        picker.valueProperty().addListener((obs, old, now) -> {
            if (!Objects.equals(now, field.get()) && !fromEditor[0]) {
                field.set(now);
            }
        });
        // what is typed counts at once (Enter saves without leaving the field first)
        picker.getEditor().textProperty().addListener((obs, old, now) -> {
            fromEditor[0] = true;
            try {
                field.set(parseDate(now));
            } finally {
                fromEditor[0] = false;
            }
        });
        ChangeListener<LocalDate> fromModel = (obs, old, now) -> {
            if (!fromEditor[0] && !Objects.equals(picker.getValue(), now)) {
                picker.setValue(now);
                if (now == null) {
                    picker.getEditor().clear();
                }
            }
        };
        keep.accept(fromModel);
        field.valueProperty().addListener(new WeakChangeListener<>(fromModel));
        return row(g, field, labelKey, picker);
    }

    static LocalDate parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip(), DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A searchable list of catalog codes shown by their localized names; an optional one offers "none" first. */
    private SearchableComboBox<String> code(GridPane g, FormField<String> field, String labelKey, String id,
                                            List<String> codes, Function<String, String> name, boolean optional) {
        SearchableComboBox<String> box = new SearchableComboBox<>();
        box.setId(id);
        List<String> items = new ArrayList<>();
        if (optional) {
            items.add(NONE);
        }
        items.addAll(codes);
        box.getItems().setAll(items);
        String none = resources.getString("entry.campaign.none");
        box.setConverter(Controls.byName(items, c -> NONE.equals(c) ? none : name.apply(c)));
        box.setValue(field.get() == null ? (optional ? NONE : null) : field.get());
        boolean[] updating = {false};
        box.valueProperty().addListener((obs, old, now) -> {
            if (!updating[0]) {
                field.set(now == null || NONE.equals(now) ? null : now);
            }
        });
        ChangeListener<String> fromModel = (obs, old, now) -> {
            updating[0] = true;
            try {
                box.setValue(now == null ? (optional ? NONE : null) : now);
            } finally {
                updating[0] = false;
            }
        };
        keep.accept(fromModel);
        field.valueProperty().addListener(new WeakChangeListener<>(fromModel));
        return row(g, field, labelKey, box);
    }

    private <E> ComboBox<E> choice(GridPane g, FormField<E> field, String labelKey, String id, List<E> values,
                                   Function<E, String> name) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(Controls.byName(values, name));
        box.valueProperty().bindBidirectional(field.valueProperty());
        return row(g, field, labelKey, box);
    }
}
