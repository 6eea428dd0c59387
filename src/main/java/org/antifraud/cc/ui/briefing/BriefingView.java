package org.antifraud.cc.ui.briefing;

import java.util.ResourceBundle;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The Briefing page: period and region, the narrative paragraph by paragraph, each figure highlighted with its
 * source on hover and, on click (or Enter on the period), shown in full at the bottom; Markdown export.
 */
public final class BriefingView {
    private final BriefingViewModel viewModel;
    /** Held here: the ViewModel outlives this view (a language switch reloads it). */
    private ListChangeListener<BriefingViewModel.Section> sectionsListener;

    @FXML private ResourceBundle resources;
    @FXML private BorderPane briefingRoot;
    @FXML private TextField periodField;
    @FXML private ComboBox<String> regionBox;
    @FXML private Button loadButton;
    @FXML private Button exportMdButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel;
    @FXML private ScrollPane narrativeScroll;
    @FXML private VBox narrativeBox;
    @FXML private Label sourceLabel;

    public BriefingView(BriefingViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        periodField.textProperty().bindBidirectional(viewModel.periodTextProperty());
        periodField.setOnAction(e -> viewModel.load());
        regionBox.getItems().setAll(viewModel.regionChoices());
        regionBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : viewModel.regionName(code);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        regionBox.setValue(viewModel.regionCodeProperty().get());
        regionBox.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(viewModel.regionCodeProperty().get())) {
                viewModel.regionCodeProperty().set(now);
                viewModel.load();
            }
        });
        loadButton.setOnAction(e -> viewModel.load());
        exportMdButton.setOnAction(e -> viewModel.exportMarkdown());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((obs, old, now) -> messageLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), now));
        sourceLabel.setText(resources.getString("briefing.source_hint"));
        sectionsListener = change -> render();
        viewModel.sections().addListener(new javafx.collections.WeakListChangeListener<>(sectionsListener));
        render();
        viewModel.showFirstTime(); // afterwards live refresh and the language keep it current
    }

    private void render() {
        narrativeBox.getChildren().clear();
        for (BriefingViewModel.Section section : viewModel.sections()) {
            Label heading = new Label(section.heading());
            heading.getStyleClass().add("briefing-heading");
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add("briefing-paragraph");
            for (BriefingViewModel.Piece piece : section.pieces()) {
                Text text = new Text(piece.text());
                text.getStyleClass().add(piece.figure() ? "briefing-figure" : "briefing-words");
                if (piece.figure()) {
                    Tooltip tip = new Tooltip(piece.source());
                    tip.setWrapText(true);
                    tip.setMaxWidth(560);
                    tip.setShowDelay(Duration.millis(200));
                    Tooltip.install(text, tip);
                    text.setCursor(Cursor.HAND);
                    text.setOnMouseClicked(e -> sourceLabel.setText(piece.source()));
                }
                flow.getChildren().add(text);
            }
            narrativeBox.getChildren().addAll(heading, flow);
        }
    }
}
