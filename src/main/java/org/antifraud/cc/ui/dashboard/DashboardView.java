package org.antifraud.cc.ui.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TablePosition;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.antifraud.cc.domain.IndicatorCategory;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.PeriodPreset;
import org.antifraud.cc.ui.common.StyleClasses;
import org.antifraud.cc.ui.drill.FigureDrillPanel;
import org.antifraud.cc.ui.drill.FigureDrillViewModel;
import org.antifraud.cc.ui.completeness.CompletenessGrid;
import org.antifraud.cc.ui.completeness.CompletenessViewModel;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Thin controller of the Dashboard page: binds to {@link DashboardViewModel} and draws its panels. */
public final class DashboardView {
    private static final String ALL_CAMPAIGNS = "";
    /** Below this width of the panels (a 1366 or 1600 px window) they go two by two, and the page scrolls. */
    static final double THREE_COLUMNS = 1500;

    private final DashboardViewModel viewModel;
    /** The reporting-completeness panel's ViewModel; null where the dashboard is shown without it. */
    private final CompletenessViewModel completeness;
    private final ListChangeListener<CompletenessViewModel.Row> completenessListener = c -> showCompleteness();
    private final InvalidationListener completenessErrorListener = obs -> showCompletenessError();
    private CompletenessGrid completenessGrid;
    /** Rows came while the completeness tab was not shown: its grid is built when it is. */
    private boolean completenessStale;
    // held by this view; the ViewModel outlives views (a language switch reloads them) and sees them weakly
    private final InvalidationListener errorListener = obs -> showError();
    private final ChangeListener<String> regionListener = (obs, old, now) -> this.regionBox.setValue(now);
    private final ChangeListener<String> campaignListener =
            (obs, old, now) -> this.campaignBox.setValue(now == null ? ALL_CAMPAIGNS : now);
    private final ChangeListener<DashboardPanels> panelsListener = (obs, old, now) -> showPanels(now);
    private final ListChangeListener<DashboardViewModel.Crumb> crumbListener = c -> showBreadcrumb();
    private ValidationSupport validation;
    private final InvalidationListener validationListener = obs -> validation.revalidate();
    private final Map<String, KpiTileNode> tileNodes = new LinkedHashMap<>();
    private DashboardCharts charts;
    private Node drillOpener;

    @FXML private ResourceBundle resources;
    @FXML private BorderPane dashboardRoot;
    @FXML private HBox breadcrumbBox;
    @FXML private Label headingLabel;
    @FXML private TextField periodField;
    @FXML private MenuButton periodMenu;
    @FXML private SearchableComboBox<String> regionBox;
    @FXML private SearchableComboBox<String> campaignBox;
    @FXML private Button refreshButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label errorLabel;
    @FXML private Label demoBanner;
    @FXML private FlowPane headlineTiles;
    @FXML private GridPane panelGrid;
    @FXML private VBox regionalPanel;
    @FXML private VBox denPanel;
    @FXML private VBox warningPanel;
    @FXML private VBox leaguePanel;
    @FXML private VBox campaignPanel;
    @FXML private VBox sidePanel;
    @FXML private TabPane sideTabs;
    @FXML private ListView<DashboardAlertFeed.Line> alertsList;
    @FXML private Label alertsSummary;
    @FXML private ComboBox<String> mapIndicatorBox;
    @FXML private StackPane mapPane;
    @FXML private StackPane denTrendPane;
    @FXML private StackPane warningTrendPane;
    @FXML private TableView<DashboardPanels.RegionRow> zoneTable;
    @FXML private TableColumn<DashboardPanels.RegionRow, String> zoneNameColumn;
    @FXML private TableColumn<DashboardPanels.RegionRow, DashboardPanels.Cell> zoneDensColumn;
    @FXML private TableColumn<DashboardPanels.RegionRow, DashboardPanels.Cell> zoneDensChangeColumn;
    @FXML private TableColumn<DashboardPanels.RegionRow, DashboardPanels.Cell> zoneSuspectsColumn;
    @FXML private TableColumn<DashboardPanels.RegionRow, DashboardPanels.Cell> zoneSuspectsChangeColumn;
    @FXML private HBox outcomeTiles;
    @FXML private GridPane instructionGrid;
    @FXML private HBox instructionTiles;
    @FXML private Label instructionBacklog;
    @FXML private TableView<DashboardPanels.CampaignLine> campaignTable;
    @FXML private TableColumn<DashboardPanels.CampaignLine, String> campaignNameColumn;
    @FXML private TableColumn<DashboardPanels.CampaignLine, String> campaignIndicatorColumn;
    @FXML private TableColumn<DashboardPanels.CampaignLine, String> campaignAchievedColumn;
    @FXML private TableColumn<DashboardPanels.CampaignLine, DashboardPanels.CampaignLine> campaignProgressColumn;
    @FXML private ProgressIndicator regionalBusy;
    @FXML private ProgressIndicator denBusy;
    @FXML private ProgressIndicator warningBusy;
    @FXML private ProgressIndicator campaignBusy;
    @FXML private VBox categorySections;
    @FXML private Label leagueNote;
    @FXML private ProgressIndicator leagueBusy;
    @FXML private TableView<DashboardPanels.LeagueRow> leagueTable;
    @FXML private TableColumn<DashboardPanels.LeagueRow, String> leagueRankColumn;
    @FXML private TableColumn<DashboardPanels.LeagueRow, String> leagueNameColumn;
    @FXML private TableColumn<DashboardPanels.LeagueRow, DashboardPanels.Cell> leagueValueColumn;
    @FXML private TableColumn<DashboardPanels.LeagueRow, String> leagueBasisColumn;
    @FXML private TableColumn<DashboardPanels.LeagueRow, DashboardPanels.Cell> leagueChangeColumn;
    @FXML private TableColumn<DashboardPanels.LeagueRow, DashboardPanels.LeagueRow> leagueTrendColumn;
    @FXML private VBox completenessPanel;
    @FXML private Tab completenessTab;
    @FXML private Tab alertsTab;
    @FXML private Label completenessSummary;
    @FXML private ProgressIndicator completenessBusy;
    @FXML private Label completenessError;
    @FXML private StackPane completenessPane;

    /** The alerts feed's lines; null where the dashboard is shown without it. */
    private final DashboardAlertFeed alertFeed;

    public DashboardView(DashboardViewModel viewModel) {
        this(viewModel, null, null);
    }

    public DashboardView(DashboardViewModel viewModel, CompletenessViewModel completeness) {
        this(viewModel, completeness, null);
    }

    public DashboardView(DashboardViewModel viewModel, CompletenessViewModel completeness,
                         DashboardAlertFeed alertFeed) {
        this.viewModel = viewModel;
        this.completeness = completeness;
        this.alertFeed = alertFeed;
    }

    @FXML
    private void initialize() {
        headingLabel.textProperty().bind(viewModel.headingProperty());
        periodField.textProperty().bindBidirectional(viewModel.periodTextProperty());
        periodField.setOnAction(e -> viewModel.commitPeriodText());
        periodMenu.setOnShowing(e -> buildPeriodMenu());
        buildPeriodMenu();

        setUpRegionBox();
        setUpCampaignBox();
        mapIndicatorBox.getItems().setAll(DashboardViewModel.MAP_INDICATORS);
        mapIndicatorBox.setConverter(converter(viewModel::indicatorName));
        mapIndicatorBox.valueProperty().bindBidirectional(viewModel.mapIndicatorProperty());

        refreshButton.setOnAction(e -> viewModel.refresh());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        for (ProgressIndicator p : List.of(regionalBusy, denBusy, warningBusy, campaignBusy, leagueBusy)) {
            p.visibleProperty().bind(viewModel.busyProperty());
            p.setPrefSize(18, 18);
        }

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

        // one row of nine down to 1366 px (the tiles' names wrap; their figures never do)
        shareWidth(headlineTiles, DashboardViewModel.HEADLINE.size(), 112);
        panelGrid.widthProperty().addListener((obs, old, now) -> arrange(now.doubleValue() >= THREE_COLUMNS));
        arrange(true);
        setUpZoneTable();
        setUpCampaignTable();
        setUpLeagueTable();
        charts = new DashboardCharts(mapPane, denTrendPane, warningTrendPane, resources, code -> {
            viewModel.drillDown(code);
            viewModel.activateRegion(code);
        }, viewModel::drillDenBar, viewModel::drillWarningPoint);
        viewModel.breadcrumb().addListener(new WeakListChangeListener<>(crumbListener));
        showBreadcrumb();
        viewModel.panelsProperty().addListener(new WeakChangeListener<>(panelsListener));
        showPanels(viewModel.panelsProperty().get());
        setUpCompleteness();
        setUpAlertFeed();

        setUpFigureDrill();

        // Esc or Backspace outside a text field: one level up the drill-down; F6 moves between panels
        dashboardRoot.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            boolean inText = e.getTarget() instanceof TextField || e.getTarget() instanceof ComboBoxBase;
            FigureDrillViewModel drill = viewModel.figureDrill();
            if (e.getCode() == KeyCode.ESCAPE && drill != null && drill.shownProperty().get()) {
                drill.close(); // Esc closes the drill panel before it climbs the drill-down
                e.consume();
            } else if ((e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.BACK_SPACE) && !inText) {
                if (viewModel.drillUp()) {
                    e.consume();
                }
            } else if (e.getCode() == KeyCode.F6) {
                focusNextPanel(e.isShiftDown());
                e.consume();
            }
        });
    }

    /** The drill panel on the right while shown; closing it gives the focus back to where it came from. */
    private void setUpFigureDrill() {
        FigureDrillViewModel drill = viewModel.figureDrill();
        if (drill == null) {
            return;
        }
        FigureDrillPanel panel = new FigureDrillPanel(drill, resources);
        drill.shownProperty().addListener((obs, was, shown) -> {
            if (shown) {
                Node focused = dashboardRoot.getScene() == null ? null : dashboardRoot.getScene().getFocusOwner();
                drillOpener = focused;
                dashboardRoot.setRight(panel);
            } else {
                dashboardRoot.setRight(null);
                if (drillOpener != null && drillOpener.getScene() != null) {
                    drillOpener.requestFocus();
                }
            }
        });
    }

    private void setUpCompleteness() {
        if (completeness == null) {
            sideTabs.getTabs().remove(completenessTab);
            return;
        }
        completenessGrid = new CompletenessGrid(resources, completeness::kindName, 420, 1);
        completenessPane.getChildren().setAll(completenessGrid);
        completenessSummary.textProperty().bind(completeness.summaryProperty());
        completenessBusy.visibleProperty().bind(completeness.busyProperty().or(viewModel.busyProperty()));
        completenessBusy.setPrefSize(18, 18);
        completeness.rows().addListener(new WeakListChangeListener<>(completenessListener));
        completeness.errorProperty().addListener(new WeakInvalidationListener(completenessErrorListener));
        completenessTab.selectedProperty().addListener((obs, was, now) -> {
            if (now && completenessStale) {
                showCompleteness();
            }
        });
        showCompleteness();
        showCompletenessError();
    }

    /** The newest alerts, read-only, one line each; the alerts page acknowledges them. */
    private void setUpAlertFeed() {
        if (alertFeed == null) {
            sideTabs.getTabs().remove(alertsTab);
            return;
        }
        alertsSummary.textProperty().bind(alertFeed.summaryProperty());
        alertsList.setItems(alertFeed.lines());
        alertsList.setFocusTraversable(true);
        String demo = resources.getString("kpi.synthetic");
        alertsList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DashboardAlertFeed.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll(StyleClasses.ALERT_OPEN);
                if (empty || line == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                String text = line.raisedAt() + "  " + line.text() + (line.synthetic() ? " " + demo : "");
                setText(text);
                setWrapText(true);
                setPrefWidth(0); // wrap within the list's width, never widen it
                setTooltip(new Tooltip(text));
                if (line.open()) {
                    getStyleClass().add(StyleClasses.ALERT_OPEN);
                }
            }
        });
    }

    /**
     * The grid of the completeness tab, built when its tab is shown: hidden behind the alerts at start, its few hundred
     * cells would be built beside the first figures for nobody (issue 16's start-up).
     */
    private void showCompleteness() {
        if (!completenessTab.isSelected()) {
            completenessStale = true;
            return;
        }
        completenessStale = false;
        completenessGrid.show(completeness.rows());
    }

    private void showCompletenessError() {
        String error = completeness.errorProperty().get();
        completenessError.setText(error == null ? "" : error);
        completenessError.setVisible(error != null);
    }

    private void setUpRegionBox() {
        regionBox.getItems().setAll(viewModel.regionChoices());
        regionBox.setConverter(converter(viewModel::regionName));
        regionBox.setValue(viewModel.regionCodeProperty().get());
        regionBox.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(viewModel.regionCodeProperty().get())) {
                viewModel.regionCodeProperty().set(now);
                viewModel.refresh();
            }
        });
        viewModel.regionCodeProperty().addListener(new WeakChangeListener<>(regionListener));
    }

    private void setUpCampaignBox() {
        List<String> items = new ArrayList<>();
        items.add(ALL_CAMPAIGNS);
        items.addAll(viewModel.campaignChoices());
        campaignBox.getItems().setAll(items);
        campaignBox.setConverter(converter(c -> viewModel.campaignName(c == null || c.isEmpty() ? null : c)));
        String current = viewModel.campaignCodeProperty().get();
        campaignBox.setValue(current == null ? ALL_CAMPAIGNS : current);
        campaignBox.valueProperty().addListener((obs, old, now) -> {
            String code = now == null || now.isEmpty() ? null : now;
            if (!Objects.equals(code, viewModel.campaignCodeProperty().get())) {
                viewModel.chooseCampaign(code);
            }
        });
        viewModel.campaignCodeProperty().addListener(new WeakChangeListener<>(campaignListener));
    }

    private <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    private void buildPeriodMenu() {
        periodMenu.getItems().clear();
        for (PeriodPreset preset : PeriodPreset.values()) {
            MenuItem item = new MenuItem(resources.getString("period.preset." + preset.key()));
            item.setId("preset-" + preset.key());
            item.setOnAction(e -> viewModel.applyPreset(preset));
            periodMenu.getItems().add(item);
        }
        periodMenu.getItems().add(new SeparatorMenuItem());
        LocalDate anchor = viewModel.presetAnchor();
        Period current = viewModel.periodProperty().get();
        int year = current == null ? anchor.getYear() : current.start().getYear();
        Menu years = new Menu(resources.getString("period.menu.year"));
        for (int y = anchor.getYear(); y > anchor.getYear() - 6; y--) {
            int chosen = y;
            MenuItem item = new MenuItem(Integer.toString(y));
            item.setOnAction(e -> viewModel.choosePeriod(Period.year(chosen)));
            years.getItems().add(item);
        }
        Menu quarters = new Menu(resources.getString("period.menu.quarter") + " \u00b7 " + year);
        for (int q = 1; q <= 4; q++) {
            Period p = Period.quarter(year, q);
            MenuItem item = new MenuItem(p.code());
            item.setOnAction(e -> viewModel.choosePeriod(p));
            quarters.getItems().add(item);
        }
        Menu months = new Menu(resources.getString("period.menu.month") + " \u00b7 " + year);
        Locale locale = resources.getLocale();
        for (int m = 1; m <= 12; m++) {
            Period p = Period.month(YearMonth.of(year, m));
            MenuItem item = new MenuItem(p.code() + "  " + YearMonth.of(year, m).format(DateTimeFormatter.ofPattern("MMMM", locale)));
            item.setOnAction(e -> viewModel.choosePeriod(p));
            months.getItems().add(item);
        }
        MenuItem custom = new MenuItem(resources.getString("period.menu.custom"));
        custom.setId("period-custom");
        custom.setOnAction(e -> chooseCustomRange());
        periodMenu.getItems().addAll(years, quarters, months, new SeparatorMenuItem(), custom);
    }

    private void chooseCustomRange() {
        Period current = viewModel.periodProperty().get();
        DatePicker from = new DatePicker(current == null ? null : current.start());
        DatePicker to = new DatePicker(current == null ? null : current.end());
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(dashboardRoot.getScene().getWindow());
        dialog.setTitle(resources.getString("period.menu.custom"));
        GridPane grid = new GridPane(10, 10);
        grid.setPadding(new Insets(14));
        grid.addRow(0, new Label(resources.getString("period.custom.from")), from);
        grid.addRow(1, new Label(resources.getString("period.custom.to")), to);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(from.valueProperty().isNull().or(to.valueProperty().isNull())
                .or(Bindings.createBooleanBinding(() -> from.getValue() != null
                        && to.getValue() != null && to.getValue().isBefore(from.getValue()),
                        from.valueProperty(), to.valueProperty())));
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.filter(b -> b == ButtonType.OK).isPresent()) {
            viewModel.choosePeriod(Period.range(from.getValue(), to.getValue()));
        }
    }

    private void setUpZoneTable() {
        zoneNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        zoneDensColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().dens()));
        zoneDensChangeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().dens()));
        zoneSuspectsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().suspects()));
        zoneSuspectsChangeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().suspects()));
        zoneDensColumn.setCellFactory(col -> new FigureCell<>(false, resources.getString("kpi.synthetic")));
        zoneSuspectsColumn.setCellFactory(col -> new FigureCell<>(false, resources.getString("kpi.synthetic")));
        zoneDensChangeColumn.setCellFactory(col -> new FigureCell<>(true, resources.getString("kpi.synthetic")));
        zoneSuspectsChangeColumn.setCellFactory(col -> new FigureCell<>(true, resources.getString("kpi.synthetic")));
        zoneTable.setRowFactory(table -> {
            TableRow<DashboardPanels.RegionRow> row = new TableRow<>();
            row.itemProperty().addListener((obs, old, now) -> row.setId(now == null ? null : "zone-" + now.code()));
            return row;
        });
        // each cell leads somewhere: the zone's name one level down, its figure (or change) to what is behind it
        zoneTable.getSelectionModel().setCellSelectionEnabled(true);
        zoneTable.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getTarget() instanceof Node target
                    && cellOf(target) instanceof TableCell<?, ?> cell && !cell.isEmpty()) {
                activateZoneCell(cell.getIndex(), cell.getTableColumn());
            }
        });
        zoneTable.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            TablePosition<DashboardPanels.RegionRow, ?> at = zoneTable.getFocusModel().getFocusedCell();
            if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && at != null && at.getRow() >= 0) {
                activateZoneCell(at.getRow(), at.getTableColumn());
                e.consume();
            }
        });
    }

    private static Node cellOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TableCell<?, ?>) {
                return n;
            }
        }
        return null;
    }

    private void activateZoneCell(int rowIndex, TableColumn<?, ?> column) {
        if (rowIndex < 0 || rowIndex >= zoneTable.getItems().size()) {
            return;
        }
        String code = zoneTable.getItems().get(rowIndex).code();
        if (column == zoneDensColumn || column == zoneDensChangeColumn) {
            viewModel.drillZone(code, DashboardViewModel.DENS);
        } else if (column == zoneSuspectsColumn || column == zoneSuspectsChangeColumn) {
            viewModel.drillZone(code, DashboardViewModel.SUSPECTS);
        } else {
            viewModel.drillDown(code);
        }
    }

    /** The league table: one tab stop; a click or Enter / Space on a row tells the view model's region hook. */
    private void setUpLeagueTable() {
        leagueTable.getStyleClass().add(StyleClasses.LEAGUE_TABLE);
        leagueRankColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().rank() == null ? "\u2014" : String.valueOf(c.getValue().rank())));
        leagueRankColumn.getStyleClass().add(StyleClasses.LEAGUE_RANK);
        leagueNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        leagueValueColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        leagueBasisColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().basisText()));
        leagueChangeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        leagueTrendColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        String demo = resources.getString("kpi.synthetic");
        leagueValueColumn.setCellFactory(col -> new FigureCell<>(false, demo));
        leagueChangeColumn.setCellFactory(col -> new FigureCell<>(true, demo));
        leagueTrendColumn.setCellFactory(col -> new SparklineCell());
        leagueTable.setRowFactory(table -> {
            TableRow<DashboardPanels.LeagueRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getButton() == MouseButton.PRIMARY) {
                    viewModel.activateRegion(row.getItem().code());
                }
            });
            row.itemProperty().addListener((obs, old, now) -> row.setId(now == null ? null : "league-" + now.code()));
            return row;
        });
        leagueTable.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            DashboardPanels.LeagueRow selected = leagueTable.getSelectionModel().getSelectedItem();
            if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && selected != null) {
                viewModel.activateRegion(selected.code());
                e.consume();
            }
        });
    }

    private void showLeague(DashboardPanels panels) {
        String selected = Optional.ofNullable(leagueTable.getSelectionModel().getSelectedItem())
                .map(DashboardPanels.LeagueRow::code).orElse(null);
        leagueTable.getItems().setAll(panels.league());
        leagueTable.getItems().stream().filter(r -> r.code().equals(selected)).findFirst()
                .ifPresent(r -> leagueTable.getSelectionModel().select(r));
        String indicator = viewModel.indicatorName(viewModel.mapIndicatorProperty().get());
        leagueNote.setText(MessageFormat.format(resources.getString("dashboard.league.note"), indicator)
                + (panels.leagueSpan().isEmpty() ? "" : " \u00b7 " + panels.leagueSpan()));
        leagueTrendColumn.setText(resources.getString("dashboard.league.trend"));
    }

    /** The row's twelve months as a sparkline; its tooltip lists every month, a gap saying "no data". */
    private final class SparklineCell extends TableCell<DashboardPanels.LeagueRow, DashboardPanels.LeagueRow> {
        private final Sparkline line = new Sparkline();

        @Override
        protected void updateItem(DashboardPanels.LeagueRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            line.setValues(row.months());
            line.setPrefHeight(18);
            setGraphic(line);
            line.prefWidthProperty().bind(widthProperty().subtract(16));
            setTooltip(new Tooltip(row.name() + "\n" + row.sparklineText()));
            setAccessibleText(MessageFormat.format(resources.getString("dashboard.league.sparkline"),
                    row.sparklineText().replace('\n', ';')));
        }
    }

    /** A figure, or its year-on-year change coloured good/bad, with the tooltip of the KPI tiles. */
    private static final class FigureCell<R> extends TableCell<R, DashboardPanels.Cell> {
        private final boolean change;
        private final String demoWord;

        FigureCell(boolean change, String demoWord) {
            this.change = change;
            this.demoWord = demoWord;
        }

        @Override
        protected void updateItem(DashboardPanels.Cell cell, boolean empty) {
            super.updateItem(cell, empty);
            getStyleClass().removeAll(StyleClasses.CELL_GOOD, StyleClasses.CELL_BAD, StyleClasses.CELL_UNKNOWN);
            if (empty || cell == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            if (change) {
                setText(cell.changeText() == null ? "\u2014" : cell.changeText());
                if (cell.changeGood() != null) {
                    getStyleClass().add(cell.changeGood() ? StyleClasses.CELL_GOOD : StyleClasses.CELL_BAD);
                }
            } else {
                setText(cell.text() + (cell.synthetic() ? " " + demoWord : ""));
                if (!cell.known()) {
                    getStyleClass().add(StyleClasses.CELL_UNKNOWN);
                }
            }
            setTooltip(new Tooltip(cell.tooltip()));
        }
    }

    private void setUpCampaignTable() {
        campaignNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().campaign()));
        campaignIndicatorColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().indicator()));
        campaignAchievedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().achieved() + (c.getValue().synthetic() ? " " + resources.getString("kpi.synthetic") : "")));
        campaignProgressColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        campaignProgressColumn.setCellFactory(col -> new ProgressCell());
        for (TableColumn<DashboardPanels.CampaignLine, ?> column : campaignTable.getColumns()) {
            column.setSortable(false);
        }
        campaignTable.setRowFactory(table -> {
            TableRow<DashboardPanels.CampaignLine> row = new TableRow<>();
            row.itemProperty().addListener((obs, old, now) -> {
                row.setTooltip(now == null ? null : new Tooltip(now.tooltip()));
                row.setId(now == null ? null : "campaign-" + now.campaignCode() + "-" + now.indicatorCode());
            });
            // a click on any cell of a campaign's row shows what its achievement is made of
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getButton() == MouseButton.PRIMARY) {
                    viewModel.drillCampaign(row.getItem());
                }
            });
            return row;
        });
        campaignTable.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            DashboardPanels.CampaignLine selected = campaignTable.getSelectionModel().getSelectedItem();
            if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && selected != null) {
                viewModel.drillCampaign(selected);
                e.consume();
            }
        });
    }

    /** A campaign's progress: a bar of achieved / target and its share; no target or no figure, no bar. */
    private final class ProgressCell extends TableCell<DashboardPanels.CampaignLine, DashboardPanels.CampaignLine> {
        private final ProgressBar bar = new ProgressBar();
        private final Label share = new Label();
        private final HBox box = new HBox(6, bar, share);

        ProgressCell() {
            box.setAlignment(Pos.CENTER_LEFT);
            bar.getStyleClass().add(StyleClasses.CAMPAIGN_PROGRESS);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setMinWidth(40);
            HBox.setHgrow(bar, Priority.ALWAYS);
            share.setMinWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(DashboardPanels.CampaignLine line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            if (line.progress() == null) {
                setGraphic(null);
                setText(MessageFormat.format(resources.getString("dashboard.campaign.no_target"), line.target()));
                return;
            }
            bar.setProgress(Math.min(1, line.progress()));
            share.setText(line.pct() + " / " + line.target());
            bar.setAccessibleText(line.campaign() + " " + line.pct());
            setGraphic(box);
        }
    }

    private void showBreadcrumb() {
        breadcrumbBox.getChildren().clear();
        List<DashboardViewModel.Crumb> crumbs = viewModel.breadcrumb();
        for (int i = 0; i < crumbs.size(); i++) {
            DashboardViewModel.Crumb crumb = crumbs.get(i);
            if (i > 0) {
                Label separator = new Label("\u203A");
                separator.getStyleClass().add(StyleClasses.CRUMB_SEPARATOR);
                breadcrumbBox.getChildren().add(separator);
            }
            if (i < crumbs.size() - 1) {
                int index = i;
                Hyperlink link = new Hyperlink(crumb.name());
                link.setId("crumb-" + crumb.code());
                link.getStyleClass().add(StyleClasses.CRUMB);
                link.setOnAction(e -> viewModel.navigateTo(index));
                breadcrumbBox.getChildren().add(link);
            } else {
                Label current = new Label(crumb.name());
                current.setId("crumb-" + crumb.code());
                current.getStyleClass().addAll(StyleClasses.CRUMB, StyleClasses.CRUMB_CURRENT);
                breadcrumbBox.getChildren().add(current);
            }
        }
    }

    private void showError() {
        String period = viewModel.periodErrorProperty().get();
        String load = viewModel.loadErrorProperty().get();
        errorLabel.setText(period != null ? period : load != null ? load : "");
        errorLabel.setVisible(period != null || load != null);
    }

    private void showPanels(DashboardPanels panels) {
        if (panels == null) {
            return;
        }
        showTiles(panels.tiles());
        zoneTable.getItems().setAll(panels.zones());
        showLeague(panels);
        showOutcomes(panels.outcomes());
        showInstructions(panels.instructions());
        String selectedCampaign = Optional.ofNullable(campaignTable.getSelectionModel().getSelectedItem())
                .map(l -> l.campaignCode() + "|" + l.indicatorCode()).orElse(null);
        campaignTable.getItems().setAll(panels.campaigns());
        if (selectedCampaign != null) {
            campaignTable.getItems().stream().filter(l -> (l.campaignCode() + "|" + l.indicatorCode()).equals(selectedCampaign))
                    .findFirst().ifPresent(l -> campaignTable.getSelectionModel().select(l));
        }
        charts.show(panels, viewModel.regionCodeProperty().get());
    }

    private void showTiles(List<KpiTile> tiles) {
        String syntheticText = resources.getString("kpi.synthetic");
        if (updatedInPlace(tileNodes, tiles)) {
            return;
        }
        tileNodes.clear();
        headlineTiles.getChildren().clear();
        categorySections.getChildren().clear();
        Map<IndicatorCategory, FlowPane> rows = new EnumMap<>(IndicatorCategory.class);
        for (KpiTile tile : tiles) {
            KpiTileNode node = drillable(new KpiTileNode(tile, syntheticText), tile.code());
            tileNodes.put(tile.code(), node);
            if (tile.headline()) {
                headlineTiles.getChildren().add(node);
            } else {
                rows.computeIfAbsent(tile.category(), c -> {
                    Label title = new Label(resources.getString("category." + c.name().toLowerCase(Locale.ROOT)));
                    title.getStyleClass().add(StyleClasses.SECTION_TITLE);
                    FlowPane pane = new FlowPane(10, 10);
                    pane.getStyleClass().add(StyleClasses.TILE_ROW);
                    categorySections.getChildren().addAll(List.of(title, pane));
                    return pane;
                }).getChildren().add(node);
            }
        }
    }

    private final Map<String, KpiTileNode> outcomeNodes = new LinkedHashMap<>();

    /** A click or Enter on a tile's figure shows what is behind it (issue 16). */
    private KpiTileNode drillable(KpiTileNode node, String indicator) {
        node.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                node.requestFocus();
                viewModel.drillTile(indicator);
            }
        });
        node.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                viewModel.drillTile(indicator);
                e.consume();
            }
        });
        return node;
    }

    /** The same tiles as shown: each node takes its new figures (no flicker, focus kept); false otherwise. */
    private static boolean updatedInPlace(Map<String, KpiTileNode> nodes, List<KpiTile> tiles) {
        if (tiles.size() != nodes.size() || !tiles.stream().allMatch(t -> nodes.containsKey(t.code()))) {
            return false;
        }
        tiles.forEach(t -> nodes.get(t.code()).update(t));
        return true;
    }

    /** What followed the warnings, as separate figures side by side: never a funnel of different units. */
    /** The instructions' tab (issue 17): "no data" in words when there is none, never a table of zeros. */
    private void showInstructions(DashboardPanels.InstructionPanel panel) {
        instructionGrid.getChildren().clear();
        instructionTiles.getChildren().clear();
        if (panel.empty()) {
            Label none = new Label(resources.getString("dashboard.instructions.none"));
            none.getStyleClass().add("no-data-label");
            none.setWrapText(true);
            instructionGrid.add(none, 0, 0);
            instructionBacklog.setText("");
            return;
        }
        if (panel.synthetic()) {
            // a board of the demo's instructions says so where it stands
            Label demo = new Label(resources.getString("kpi.synthetic"));
            demo.getStyleClass().add(StyleClasses.SYNTHETIC_BADGE);
            demo.setMinWidth(Region.USE_PREF_SIZE);
            instructionGrid.add(demo, 0, 0);
        }
        for (int t = 0; t < panel.tiers().size(); t++) {
            Label head = new Label(panel.tiers().get(t));
            head.getStyleClass().add("instruction-head");
            head.setMinWidth(Region.USE_PREF_SIZE);
            instructionGrid.add(head, t + 1, 0);
        }
        for (int r = 0; r < panel.risks().size(); r++) {
            Label risk = new Label(panel.risks().get(r));
            risk.getStyleClass().add("instruction-head");
            risk.setMinWidth(Region.USE_PREF_SIZE);
            instructionGrid.add(risk, 0, r + 1);
            for (int t = 0; t < panel.tiers().size(); t++) {
                Label cell = new Label(panel.cells().get(r).get(t));
                cell.setId("instruction-" + r + "-" + t);
                cell.getStyleClass().add("instruction-cell");
                cell.setMinWidth(Region.USE_PREF_SIZE);
                instructionGrid.add(cell, t + 1, r + 1);
            }
        }
        for (KpiTile tile : panel.figures()) {
            KpiTileNode node = drillable(new KpiTileNode(tile, resources.getString("kpi.synthetic")), tile.code());
            node.setId("instruction-" + tile.code());
            node.setPrefWidth(160);
            HBox.setHgrow(node, Priority.ALWAYS);
            node.setMaxWidth(Double.MAX_VALUE);
            instructionTiles.getChildren().add(node);
        }
        instructionBacklog.setText(panel.backlog());
    }

    private void showOutcomes(List<KpiTile> tiles) {
        if (updatedInPlace(outcomeNodes, tiles)) {
            return;
        }
        outcomeNodes.clear();
        outcomeTiles.getChildren().clear();
        for (KpiTile tile : tiles) {
            KpiTileNode node = drillable(new KpiTileNode(tile, resources.getString("kpi.synthetic")), tile.code());
            node.setId("outcome-" + tile.code());
            node.setPrefWidth(200); // the two share the panel's width (a narrow preference would wrap the names tall)
            HBox.setHgrow(node, Priority.ALWAYS);
            node.setMaxWidth(Double.MAX_VALUE);
            outcomeNodes.put(tile.code(), node);
            outcomeTiles.getChildren().add(node);
        }
    }

    /**
     * Three panels a row where 1920 px leave room for them (all six within the screen), two a row below that so
     * that no table column or label is cut short; the order reads the same: map, league, dens, then the rest.
     */
    private void arrange(boolean wide) {
        int count = panelGrid.getColumnConstraints().size();
        if (count == (wide ? 3 : 2)) {
            return;
        }
        List<ColumnConstraints> columns = new ArrayList<>();
        for (double percent : wide ? new double[] {31, 35, 34} : new double[] {50, 50}) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(percent);
            columns.add(column);
        }
        panelGrid.getColumnConstraints().setAll(columns);
        List<VBox> order = wide ? List.of(regionalPanel, leaguePanel, denPanel, campaignPanel, warningPanel, sidePanel)
                : List.of(regionalPanel, leaguePanel, denPanel, warningPanel, campaignPanel, sidePanel);
        for (int i = 0; i < order.size(); i++) {
            GridPane.setConstraints(order.get(i), i % columns.size(), i / columns.size());
        }
    }

    /** Tiles of a row share its width (one row of nine at 1920 px), wrapping only below {@code minWidth} each. */
    private static void shareWidth(FlowPane row, int perRow, double minWidth) {
        InvalidationListener resize = obs -> {
            double available = row.getWidth() - row.getHgap() * (perRow - 1) - 1;
            double each = Math.floor(Math.max(minWidth, available / perRow));
            for (Node child : row.getChildren()) {
                if (child instanceof Region region) {
                    region.setPrefWidth(each);
                    region.setMinWidth(minWidth);
                }
            }
        };
        row.widthProperty().addListener(resize);
        row.getChildren().addListener((ListChangeListener<Node>) c -> resize.invalidated(null));
    }

    private void focusNextPanel(boolean backwards) {
        List<VBox> order = List.of(regionalPanel, leaguePanel, denPanel, campaignPanel, warningPanel,
                sidePanel);
        Node focused = dashboardRoot.getScene() == null ? null : dashboardRoot.getScene().getFocusOwner();
        int current = -1;
        for (int i = 0; i < order.size(); i++) {
            for (Node n = focused; n != null; n = n.getParent()) {
                if (n == order.get(i)) {
                    current = i;
                }
            }
        }
        int next = Math.floorMod(current + (backwards ? -1 : 1), order.size());
        if (current < 0 && backwards) {
            next = order.size() - 1;
        }
        Node target = firstFocusable(order.get(next));
        if (target != null) {
            target.requestFocus();
        }
    }

    private static Node firstFocusable(Node node) {
        if (node.isFocusTraversable() && node.isVisible() && !node.isDisabled()) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = firstFocusable(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
