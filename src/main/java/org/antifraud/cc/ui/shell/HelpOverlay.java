package org.antifraud.cc.ui.shell;

import java.util.List;
import java.util.ResourceBundle;

import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.antifraud.cc.ui.common.StyleClasses;

/** The F1 overlay: every keyboard shortcut of the window, localized. */
final class HelpOverlay {
    /** Key text, then the bundle key of what it does. */
    static final List<String[]> SHORTCUTS = List.of(
            new String[] {"F1", "help.key.help"},
            new String[] {"Ctrl+1 \u2026 Ctrl+5", "help.key.pages"},
            new String[] {"Ctrl+R / F5", "help.key.refresh"},
            new String[] {"F11", "help.key.fullscreen"},
            new String[] {"Alt+P / Alt+R / Alt+A", "help.key.filters"},
            new String[] {"Enter", "help.key.enter_period"},
            new String[] {"F6 / Shift+F6", "help.key.panels"},
            new String[] {"Tab / Shift+Tab", "help.key.tab"},
            new String[] {"\u2190 \u2191 \u2192 \u2193  Enter", "help.key.map"},
            new String[] {"Enter / Space", "help.key.zone"},
            new String[] {"Esc / Backspace", "help.key.up"},
            new String[] {"Ctrl+K", "help.key.acknowledge"},
            new String[] {"Ctrl+Z", "help.key.undo"},
            new String[] {"Ctrl+I / Ctrl+E", "help.key.csv"},
            new String[] {"Ctrl+Shift+I / Ctrl+Shift+E", "help.key.packages"},
            new String[] {"Ctrl+M", "help.key.submit_month"},
            new String[] {"Shift+F5 / Ctrl+P", "help.key.briefing"},
            new String[] {"Ctrl+Q", "help.key.quit"});

    private HelpOverlay() {
    }

    static Node build(ResourceBundle resources, Runnable close) {
        GridPane grid = new GridPane(24, 6); // 6, not 8: every row still fits a 760-pixel-high window
        grid.getStyleClass().add("help-grid");
        int row = 0;
        for (String[] shortcut : SHORTCUTS) {
            Label key = new Label(shortcut[0]);
            key.getStyleClass().add("help-key");
            key.setMinWidth(Region.USE_PREF_SIZE); // keys are never cut; the text wraps instead
            Label what = new Label(resources.getString(shortcut[1]));
            what.getStyleClass().add("help-text");
            what.setWrapText(true);
            grid.addRow(row++, key, what);
        }
        Label title = new Label(resources.getString("help.title"));
        title.getStyleClass().add(StyleClasses.SECTION_TITLE);
        Button closeButton = new Button(resources.getString("help.close"));
        closeButton.setId("help-close");
        closeButton.setOnAction(e -> close.run());
        VBox card = new VBox(16, title, grid, closeButton);
        card.setId("help-card");
        card.getStyleClass().add("help-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        card.setAlignment(Pos.CENTER_LEFT);
        card.setOnMouseClicked(Event::consume);
        return card;
    }
}
