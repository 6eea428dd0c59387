package org.antifraud.cc.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import org.antifraud.cc.ui.backup.BackupViewModel;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.AppearanceToggles;
import org.antifraud.cc.ui.settings.SettingsViewModel;

/** Thin controller of the main window: navigation, menus and status bar bound to the ViewModels. */
public final class ShellView {
    private final ShellViewModel viewModel;
    private final SettingsViewModel settings;
    private final Appearance appearance;
    private final Function<Page, Node> pages;
    private final Runnable exit;
    private final BackupViewModel backups;
    private final Map<Page, Node> loaded = new EnumMap<>(Page.class);
    private final Map<Page, ToggleButton> buttons = new EnumMap<>(Page.class);
    private AppearanceToggles toggles;
    // held by this view; the ViewModel outlives views (a language switch reloads them) and sees it weakly
    private final ChangeListener<Page> pageListener = (obs, old, now) -> {
        buttons.get(now).setSelected(true);
        show(now);
    };

    /** What had the keyboard when the help opened: it gets it back when the help closes. */
    private Node beforeHelp;

    @FXML private BorderPane shellRoot;
    @FXML private StackPane content;
    @FXML private ToggleButton navDashboard;
    @FXML private ToggleButton navEntry;
    @FXML private ToggleButton navBriefing;
    @FXML private ToggleButton navAlerts;
    @FXML private Label alertBadge;
    @FXML private ToggleButton navSettings;
    @FXML private Label databaseLabel;
    @FXML private Label dataAsOfLabel;
    @FXML private Label lastUpdatedLabel;
    @FXML private Label connectionLabel;
    @FXML private StackPane helpOverlay;
    @FXML private MenuItem shortcutsItem;
    @FXML private ResourceBundle resources;
    @FXML private Label demoMarker;
    @FXML private ProgressIndicator statusBusy;
    @FXML private MenuItem refreshItem;
    @FXML private MenuItem removeDemoItem;
    @FXML private MenuItem exitItem;
    @FXML private MenuItem backupItem;
    @FXML private MenuItem restoreItem;
    @FXML private Label backupStatus;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem zhItem;
    @FXML private RadioMenuItem enItem;

    public ShellView(ShellViewModel viewModel, SettingsViewModel settings, Appearance appearance,
                     Function<Page, Node> pages, Runnable exit, BackupViewModel backups) {
        this.backups = backups;
        this.viewModel = viewModel;
        this.settings = settings;
        this.appearance = appearance;
        this.pages = pages;
        this.exit = exit;
    }

    @FXML
    private void initialize() {
        ToggleGroup nav = new ToggleGroup();
        buttons.putAll(Map.of(Page.DASHBOARD, navDashboard, Page.ENTRY, navEntry,
                Page.BRIEFING, navBriefing, Page.ALERTS, navAlerts, Page.SETTINGS, navSettings));
        buttons.forEach((page, button) -> {
            button.setToggleGroup(nav);
            button.setUserData(page);
        });
        nav.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one page is always shown
            } else {
                viewModel.pageProperty().set((Page) now.getUserData());
            }
        });
        viewModel.pageProperty().addListener(new WeakChangeListener<>(pageListener));
        buttons.get(viewModel.pageProperty().get()).setSelected(true);
        show(viewModel.pageProperty().get());

        databaseLabel.textProperty().bind(viewModel.databaseTextProperty());
        connectionLabel.textProperty().bind(viewModel.connectionTextProperty());
        connectionLabel.visibleProperty().bind(viewModel.reconnectingProperty());
        Tooltip connectionTip = new Tooltip();
        connectionTip.textProperty().bind(viewModel.connectionTooltipProperty());
        connectionLabel.setTooltip(connectionTip);
        dataAsOfLabel.textProperty().bind(viewModel.dataAsOfTextProperty());
        demoMarker.visibleProperty().bind(viewModel.demoPresentProperty());
        demoMarker.managedProperty().bind(demoMarker.visibleProperty());
        statusBusy.visibleProperty().bind(viewModel.busyProperty().or(backups.busyProperty()));
        backupStatus.textProperty().bind(backups.statusProperty());
        backupItem.setOnAction(e -> backups.backup());
        restoreItem.setOnAction(e -> backups.restore());
        // a shared database's backups are the server's (ADR 0032); a restore writes, which a viewer may not
        boolean shared = viewModel.isShared();
        backupItem.disableProperty().bind(backups.busyProperty().or(new SimpleBooleanProperty(shared)));
        restoreItem.disableProperty().bind(backups.busyProperty().or(new SimpleBooleanProperty(shared
                || !viewModel.writeAccess().mayWrite())));
        alertBadge.textProperty().bind(viewModel.alertBadgeTextProperty());
        // a Labeled drops a graphic that was unmanaged when laid out; so the badge comes and goes as the graphic
        navAlerts.graphicProperty().bind(Bindings.when(viewModel.alertBadgeTextProperty().isEmpty())
                .then((Node) null).otherwise(alertBadge));
        Tooltip badgeTip = new Tooltip();
        badgeTip.textProperty().bind(viewModel.alertBadgeTooltipProperty());
        alertBadge.setTooltip(badgeTip);

        refreshItem.setOnAction(e -> viewModel.refreshAll());
        removeDemoItem.setOnAction(e -> settings.removeDemo());
        removeDemoItem.disableProperty().bind(viewModel.demoPresentProperty().not()
                .or(new SimpleBooleanProperty(!viewModel.writeAccess().mayWrite())));
        exitItem.setOnAction(e -> exit.run());

        lastUpdatedLabel.textProperty().bind(viewModel.lastUpdatedTextProperty());
        shortcutsItem.setOnAction(e -> viewModel.helpShownProperty().set(!viewModel.helpShownProperty().get()));
        helpOverlay.getChildren().setAll(HelpOverlay.build(resources, () -> viewModel.helpShownProperty().set(false)));
        helpOverlay.visibleProperty().bind(viewModel.helpShownProperty());
        helpOverlay.visibleProperty().addListener((obs, old, now) -> {
            Scene scene = helpOverlay.getScene();
            if (now) {
                beforeHelp = scene == null ? null : scene.getFocusOwner();
                helpOverlay.requestFocus();
            } else if (scene != null && inHelp(scene.getFocusOwner())) {
                // the keyboard goes back to where it was, not to an overlay that is gone
                Node back = beforeHelp != null && beforeHelp.getScene() == scene && beforeHelp.isVisible()
                        ? beforeHelp : buttons.get(viewModel.pageProperty().get());
                back.requestFocus();
            }
        });
        helpOverlay.setFocusTraversable(true);
        helpOverlay.setOnMouseClicked(e -> viewModel.helpShownProperty().set(false));
        // Esc after F1 closes the help, wherever the focus went meanwhile (a navigation click), and only the help:
        // it never also reaches the page (which would climb its drill-down or close its drill panel)
        shellRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && viewModel.helpShownProperty().get()) {
                viewModel.helpShownProperty().set(false);
                e.consume();
            }
        });
        // the navigation by keyboard: Up/Down move along it, Enter or Space opens the page
        buttons.values().forEach(button -> button.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                Page[] pages = Page.values();
                Page at = (Page) button.getUserData();
                int next = Math.floorMod(at.ordinal() + (e.getCode() == KeyCode.DOWN ? 1 : -1), pages.length);
                buttons.get(pages[next]).requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                button.setSelected(true);
                e.consume();
            }
        }));

        toggles = AppearanceToggles.bind(appearance, darkThemeItem, lightThemeItem, zhItem, enItem);
    }

    /** Whether the keyboard is on the help overlay or its Close button (or nowhere). */
    private boolean inHelp(Node owner) {
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n == helpOverlay) {
                return true;
            }
        }
        return owner == null;
    }

    private void show(Page page) {
        content.getChildren().setAll(loaded.computeIfAbsent(page, pages));
    }
}
