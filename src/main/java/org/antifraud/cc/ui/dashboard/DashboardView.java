package org.antifraud.cc.ui.dashboard;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.antifraud.cc.domain.IndicatorCategory;
import org.antifraud.cc.ui.common.StyleClasses;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Thin controller of the Dashboard page: binds to {@link DashboardViewModel} and lays out its tiles. */
public final class DashboardView {
    private final DashboardViewModel viewModel;
    // held by this view; the ViewModel outlives views (a language switch reloads them) and sees them weakly
    private final ListChangeListener<KpiTile> tilesListener = c -> layoutTiles();
    private final InvalidationListener errorListener = obs -> showError();
    private final ChangeListener<String> regionListener = (obs, old, now) -> this.regionBox.setValue(now);
    private ValidationSupport validation;
    private final InvalidationListener validationListener = obs -> validation.revalidate();

    @FXML private ResourceBundle resources;
    @FXML private Label headingLabel;
    @FXML private TextField periodField;
    @FXML private SearchableComboBox<String> regionBox;
    @FXML private Button refreshButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label errorLabel;
    @FXML private Label demoBanner;
    @FXML private FlowPane headlineTiles;
    @FXML private VBox categorySections;

    public DashboardView(DashboardViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        headingLabel.textProperty().bind(viewModel.headingProperty());
        periodField.textProperty().bindBidirectional(viewModel.periodTextProperty());
        periodField.setOnAction(e -> viewModel.refresh());

        regionBox.getItems().setAll(viewModel.regionChoices());
        regionBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : viewModel.regionName(code);
            }

            @Override
            public String fromString(String text) {
                return regionBox.getItems().stream().filter(c -> viewModel.regionName(c).equals(text))
                        .findFirst().orElse(null);
            }
        });
        regionBox.setValue(viewModel.regionCodeProperty().get());
        regionBox.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(viewModel.regionCodeProperty().get())) {
                viewModel.regionCodeProperty().set(now);
                viewModel.refresh();
            }
        });
        viewModel.regionCodeProperty().addListener(new WeakChangeListener<>(regionListener));

        refreshButton.setOnAction(e -> viewModel.refresh());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());

        validation = new ValidationSupport();
        validation.registerValidator(periodField, false, (control, value) ->
                ValidationResult.fromErrorIf(control, viewModel.periodErrorProperty().get(),
                        viewModel.periodErrorProperty().get() != null));
        viewModel.periodErrorProperty().addListener(new WeakInvalidationListener(validationListener));

        viewModel.periodErrorProperty().addListener(new WeakInvalidationListener(errorListener));
        viewModel.loadErrorProperty().addListener(new WeakInvalidationListener(errorListener));
        showError();

        demoBanner.visibleProperty().bind(viewModel.syntheticShownProperty());
        demoBanner.managedProperty().bind(demoBanner.visibleProperty());

        viewModel.tiles().addListener(new WeakListChangeListener<>(tilesListener));
        layoutTiles();
    }

    private void showError() {
        String period = viewModel.periodErrorProperty().get();
        String load = viewModel.loadErrorProperty().get();
        errorLabel.setText(period != null ? period : load != null ? load : "");
        errorLabel.setVisible(period != null || load != null);
    }

    private void layoutTiles() {
        String syntheticText = resources.getString("kpi.synthetic");
        headlineTiles.getChildren().clear();
        Map<IndicatorCategory, FlowPane> rows = new EnumMap<>(IndicatorCategory.class);
        categorySections.getChildren().clear();
        for (KpiTile tile : viewModel.tiles()) {
            KpiTileNode node = new KpiTileNode(tile, syntheticText);
            if (tile.headline()) {
                headlineTiles.getChildren().add(node);
            } else {
                rows.computeIfAbsent(tile.category(), c -> {
                    Label title = new Label(resources.getString("category." + c.name().toLowerCase(java.util.Locale.ROOT)));
                    title.getStyleClass().add(StyleClasses.SECTION_TITLE);
                    FlowPane pane = new FlowPane(12, 12);
                    pane.getStyleClass().add(StyleClasses.TILE_ROW);
                    categorySections.getChildren().addAll(List.of(title, pane));
                    return pane;
                }).getChildren().add(node);
            }
        }
    }
}
