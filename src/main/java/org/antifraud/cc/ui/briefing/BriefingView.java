package org.antifraud.cc.ui.briefing;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Screen;
import javafx.util.Duration;
import javafx.util.StringConverter;

import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.ui.common.WallPages;
import org.antifraud.cc.ui.drill.FigureDrillPanel;

/**
 * The Briefing page: period, region, language and slides; the chosen slide previewed (← → or the buttons) beside the
 * narrative, whose figures show their source on hover and on click; Present (Shift+F5) on a chosen monitor, Wall screen,
 * Export PDF / PNG / Markdown and Print (Ctrl+P), with a progress bar and Cancel while one runs.
 */
public final class BriefingView {
    /** Present from the slide shown (as in presentation software; F5 is the window's refresh). */
    public static final KeyCombination PRESENT = new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination PRINT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

    private final BriefingViewModel viewModel;
    /** Held here: the ViewModel outlives this view (a language switch reloads it). */
    private ListChangeListener<BriefingViewModel.Section> sectionsListener;
    private ChangeListener<Object> slideListener;
    private ChangeListener<Boolean> drillListener;

    @FXML private ResourceBundle resources;
    @FXML private BorderPane briefingRoot;
    @FXML private TextField periodField;
    @FXML private ComboBox<String> regionBox;
    @FXML private ChoiceBox<Locale> languageBox;
    @FXML private Button loadButton;
    @FXML private ChoiceBox<Screen> screenBox;
    @FXML private Button presentButton;
    @FXML private Spinner<Integer> intervalSpinner;
    @FXML private Button wallboardButton;
    @FXML private MenuItem exportPdfItem;
    @FXML private MenuItem exportPngItem;
    @FXML private MenuItem exportMdItem;
    @FXML private Button printButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private FlowPane slideChoices;
    @FXML private HBox exportBar;
    @FXML private ProgressBar exportProgress;
    @FXML private Button cancelExportButton;
    @FXML private Label messageLabel;
    @FXML private StackPane slideHolder;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Label pageLabel;
    @FXML private SplitPane briefingSplit;
    @FXML private ScrollPane narrativeScroll;
    @FXML private VBox narrativeBox;
    @FXML private Label sourceLabel;
    private SlideView slideView;

    private final Supplier<WallPages> wallPages;

    /** @param wallPages new pages of the wall screen (ADR 0036); null: no wall screen */
    public BriefingView(BriefingViewModel viewModel, Supplier<WallPages> wallPages) {
        this.viewModel = viewModel;
        this.wallPages = wallPages;
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
        languageBox.getItems().setAll(Lang.ZH, Lang.EN);
        languageBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : Lang.isChinese(l) ? "中文" : "English";
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        languageBox.valueProperty().bindBidirectional(viewModel.languageProperty());
        loadButton.setOnAction(e -> viewModel.load());

        for (BriefingViewModel.SlideChoice choice : viewModel.slideChoices()) {
            CheckBox box = new CheckBox(choice.kind().title(viewModel.languageProperty().get()));
            box.setId("slide-" + choice.kind().code());
            box.getStyleClass().add("slide-choice");
            box.selectedProperty().bindBidirectional(choice.included());
            slideChoices.getChildren().add(box);
        }
        viewModel.languageProperty().addListener((obs, old, now) -> {
            List<BriefingViewModel.SlideChoice> choices = viewModel.slideChoices();
            for (int i = 0; i < choices.size(); i++) {
                ((CheckBox) slideChoices.getChildren().get(i)).setText(choices.get(i).kind().title(now));
            }
        });

        screenBox.getItems().setAll(Screen.getScreens());
        screenBox.setValue(Screen.getScreens().size() > 1 ? Screen.getScreens().get(1) : Screen.getPrimary());
        screenBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Screen s) {
                if (s == null) {
                    return "";
                }
                int n = Screen.getScreens().indexOf(s) + 1;
                return MessageFormat.format(resources.getString("briefing.screen"), n,
                        (int) s.getBounds().getWidth(), (int) s.getBounds().getHeight());
            }

            @Override
            public Screen fromString(String s) {
                return null;
            }
        });
        presentButton.setOnAction(e -> present());
        intervalSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                (int) WallboardViewModel.MIN_INTERVAL.toSeconds(), (int) WallboardViewModel.MAX_INTERVAL.toSeconds(), 30, 5));
        intervalSpinner.setEditable(true);
        wallboardButton.setOnAction(e -> wallboard());
        exportPdfItem.setOnAction(e -> viewModel.exportPdf());
        exportPngItem.setOnAction(e -> viewModel.exportPngs());
        exportMdItem.setOnAction(e -> viewModel.exportMarkdown());
        printButton.setOnAction(e -> viewModel.print());
        for (var control : List.of(presentButton, wallboardButton, printButton)) {
            control.disableProperty().bind(viewModel.deckProperty().isNull().or(viewModel.exportingProperty()));
        }
        exportBar.visibleProperty().bind(viewModel.exportingProperty());
        exportBar.managedProperty().bind(viewModel.exportingProperty());
        exportProgress.progressProperty().bind(viewModel.exportProgressProperty());
        cancelExportButton.setOnAction(e -> viewModel.cancelExport());

        slideView = new SlideView(viewModel.painter());
        slideView.setId("slidePreview");
        slideView.setMinSize(0, 0);
        slideHolder.getChildren().add(slideView);
        if (viewModel.figureDrill() != null) {
            // each figure of a slide leads to what is behind it: click, or Up/Down then Enter (issue 16)
            slideView.setOnFigure(spot -> viewModel.drillFigure(spot.indicator(), spot.regionCode(), spot.period(),
                    spot.campaign()));
            FigureDrillPanel.hostRightOf(briefingRoot, viewModel.figureDrill(), resources);
            // the panel takes the narrative's room while it is open (it says what the figure rests on, and more):
            // side by side in a 1366-pixel window the narrative would be a column of broken words
            drillListener = (obs, was, shown) -> showNarrative(!shown);
            viewModel.figureDrill().shownProperty().addListener(new WeakChangeListener<>(drillListener));
            showNarrative(!viewModel.figureDrill().shownProperty().get());
        }
        previousButton.setOnAction(e -> viewModel.previousSlide());
        nextButton.setOnAction(e -> viewModel.nextSlide());
        slideListener = (obs, old, now) -> showSlide();
        viewModel.deckProperty().addListener(new WeakChangeListener<>(slideListener));
        viewModel.slideIndexProperty().addListener(new WeakChangeListener<>(slideListener));
        slideHolder.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.PAGE_DOWN) {
                viewModel.nextSlide();
                e.consume();
            } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.PAGE_UP) {
                viewModel.previousSlide();
                e.consume();
            }
        });
        // with figures to drill, Tab stops on the slide itself (its figures by Up/Down); ← → still turn the slides
        boolean drills = viewModel.figureDrill() != null;
        slideHolder.setOnMouseClicked(e -> (drills ? slideView : slideHolder).requestFocus());
        slideHolder.setFocusTraversable(!drills);

        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((obs, old, now) -> messageLabel.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("error"), now));
        sourceLabel.setText(resources.getString("briefing.source_hint"));
        sectionsListener = change -> render();
        viewModel.sections().addListener(new WeakListChangeListener<>(sectionsListener));
        // the window's shortcuts while the page is shown (F5 stays the window's refresh)
        Runnable presentAction = this::present;
        Runnable printAction = viewModel::print;
        briefingRoot.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(PRESENT, presentAction);
                old.getAccelerators().remove(PRINT, printAction);
            }
            if (scene != null) {
                scene.getAccelerators().put(PRESENT, presentAction);
                scene.getAccelerators().put(PRINT, printAction);
            }
        });
        presentButton.setTooltip(new Tooltip(PRESENT.getDisplayText()));
        printButton.setTooltip(new Tooltip(PRINT.getDisplayText()));
        render();
        showSlide();
        viewModel.showFirstTime(); // afterwards live refresh and the language keep it current
    }

    private void showNarrative(boolean show) {
        if (!show) {
            briefingSplit.getItems().remove(narrativeScroll);
        } else if (!briefingSplit.getItems().contains(narrativeScroll)) {
            briefingSplit.getItems().add(narrativeScroll);
            briefingSplit.setDividerPositions(0.62);
        }
    }

    private void showSlide() {
        Deck deck = viewModel.deckProperty().get();
        int index = viewModel.slideIndexProperty().get();
        slideView.show(deck, index, viewModel.screenPalette());
        pageLabel.setText(deck == null || deck.size() == 0 ? "" : (index + 1) + " / " + deck.size());
        previousButton.setDisable(deck == null || index <= 0);
        nextButton.setDisable(deck == null || index >= deck.size() - 1);
    }

    private void present() {
        Deck deck = viewModel.deckProperty().get();
        if (deck == null || deck.size() == 0 || viewModel.exportingProperty().get()) {
            return;
        }
        Screen screen = screenBox.getValue() != null ? screenBox.getValue() : Screen.getPrimary();
        PresentationWindow.open(deck, viewModel.painter(), viewModel.screenPalette(),
                viewModel.slideIndexProperty().get(), screen, briefingRoot.getScene().getStylesheets());
    }

    private void wallboard() {
        if (wallPages == null) {
            return;
        }
        Integer seconds = intervalSpinner.getValue();
        WallPages wall = wallPages.get();
        viewModel.wallScreen(seconds == null ? 30 : seconds, wall.count()).ifPresent(vm -> new WallboardWindow(vm, wall,
                briefingRoot.getScene().getStylesheets(),
                screenBox.getValue() != null ? screenBox.getValue() : Screen.getPrimary(), true).show());
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
                    Runnable drill = () -> {
                        sourceLabel.setText(piece.source());
                        viewModel.drillFigure(piece.indicator());
                    };
                    text.setOnMouseClicked(e -> drill.run());
                    // and by keyboard (issue 16): Tab stops on each figure, Enter or Space opens what is behind it
                    text.setFocusTraversable(true);
                    text.setAccessibleRole(AccessibleRole.HYPERLINK);
                    text.setOnKeyPressed(e -> {
                        if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                            drill.run();
                            e.consume();
                        }
                    });
                }
                flow.getChildren().add(text);
            }
            narrativeBox.getChildren().addAll(heading, flow);
        }
    }
}
