package org.antifraud.cc.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.persistence.PreferencesStore;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.Theme;

/**
 * The window's first frame, before the database is open (issue 16): the stage as it will stay (maximized, the saved
 * theme), the navigation with the page names and "Opening the database…" where the page will be. The window built
 * once the services are open takes this stage over; the person starting the application sees it at once instead of
 * nothing for the seconds the database and the pages take.
 */
final class StartupSkeleton {
    private StartupSkeleton() {
    }

    /** Shows the skeleton in a new maximized stage (FX thread) and returns the stage. */
    static Stage show(LaunchOptions options) {
        Optional<PreferencesStore> settings = DesktopApp.settings(options);
        Locale locale = options.locale() != null ? options.locale()
                : settings.flatMap(p -> p.get(MainWindow.PREF_LANG)).flatMap(Lang::ofTag)
                .orElse(Lang.closest(Locale.getDefault()));
        Theme theme = settings.flatMap(p -> p.get(MainWindow.PREF_THEME)).flatMap(MainWindow::theme).orElse(Theme.DARK);
        I18n i18n = new I18n(locale);

        VBox nav = new VBox(4);
        nav.getStyleClass().add("nav");
        Label title = new Label(i18n.get("app.title.short"));
        title.getStyleClass().add("nav-title");
        title.setWrapText(true);
        nav.getChildren().add(title);
        for (String page : List.of("nav.dashboard", "nav.entry", "nav.briefing", "nav.alerts", "nav.settings")) {
            Label item = new Label(i18n.get(page));
            item.getStyleClass().add("nav-button");
            item.setMaxWidth(Double.MAX_VALUE);
            nav.getChildren().add(item);
        }
        Label opening = new Label(i18n.get("app.opening"));
        opening.getStyleClass().add("muted");
        StackPane content = new StackPane(opening);
        content.getStyleClass().add("content");
        StackPane.setAlignment(opening, Pos.CENTER);
        VBox.setVgrow(content, Priority.ALWAYS);
        BorderPane root = new BorderPane(content);
        root.setLeft(nav);
        root.getStyleClass().add("shell");

        Scene scene = new Scene(root, 1280, 800);
        // the theme and the window's common rules only: the pages' stylesheets come with the pages
        scene.getStylesheets().setAll(MainWindow.stylesheets(theme).subList(0, 2));
        Stage stage = new Stage();
        stage.setTitle(i18n.get("app.title"));
        stage.setScene(scene);
        // where the window was left (maximised the first time): the window that takes the stage over keeps it there
        MainWindow.place(stage, settings.flatMap(p -> p.get(MainWindow.PREF_WINDOW)).orElse(null));
        stage.show();
        return stage;
    }
}
