package org.antifraud.cc.ui.dashboard;

import javafx.animation.PauseTransition;
import javafx.beans.DefaultProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.antifraud.cc.ui.common.StyleClasses;

/**
 * A dashboard panel ({@code cc-panel}): a header with the title, an optional subtitle (the filter in
 * force), a DEMO badge and room for small controls, then the content filling the rest.
 *
 * <p>The header's busy indicator follows {@link #busyProperty()}, but only appears once a load has
 * lasted {@link #busyDelayProperty() busyDelay} (400 ms by default): a live refresh that answers in a
 * few milliseconds every two seconds must not make the panel blink.
 */
@DefaultProperty("content")
public final class PanelFrame extends VBox {
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty subtitle = new SimpleStringProperty(this, "subtitle", "");
    private final BooleanProperty demo = new SimpleBooleanProperty(this, "demo");
    private final StringProperty demoText = new SimpleStringProperty(this, "demoText", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObjectProperty<Duration> busyDelay = new SimpleObjectProperty<>(this, "busyDelay",
            Duration.millis(400));
    private final ObjectProperty<Node> content = new SimpleObjectProperty<>(this, "content");

    private final HBox headerItems = new HBox(8);
    private final ProgressIndicator busyIndicator = new ProgressIndicator();
    private final PauseTransition busyWait = new PauseTransition();

    public PanelFrame() {
        super(10);
        getStyleClass().add(StyleClasses.CC_PANEL);

        Label titleLabel = new Label();
        titleLabel.getStyleClass().add(StyleClasses.PANEL_TITLE);
        titleLabel.textProperty().bind(title);
        titleLabel.setMinWidth(Region.USE_PREF_SIZE);

        Label subtitleLabel = new Label();
        subtitleLabel.getStyleClass().add(StyleClasses.PANEL_SUBTITLE);
        subtitleLabel.textProperty().bind(subtitle);
        subtitleLabel.visibleProperty().bind(subtitle.isNotEmpty());
        subtitleLabel.managedProperty().bind(subtitleLabel.visibleProperty());
        subtitleLabel.setMinWidth(0);

        Label demoBadge = new Label();
        demoBadge.getStyleClass().add(StyleClasses.SYNTHETIC_BADGE);
        demoBadge.textProperty().bind(demoText);
        demoBadge.visibleProperty().bind(demo);
        demoBadge.managedProperty().bind(demo);
        demoBadge.setMinWidth(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        headerItems.setAlignment(Pos.CENTER_RIGHT);

        busyIndicator.getStyleClass().add(StyleClasses.PANEL_BUSY);
        busyIndicator.setVisible(false);

        HBox header = new HBox(10, titleLabel, subtitleLabel, demoBadge, spacer, headerItems, busyIndicator);
        header.getStyleClass().add(StyleClasses.PANEL_HEADER);
        header.setAlignment(Pos.CENTER_LEFT);

        StackPane body = new StackPane();
        body.getStyleClass().add(StyleClasses.PANEL_CONTENT);
        body.setMinSize(0, 0);
        VBox.setVgrow(body, Priority.ALWAYS);
        content.addListener((obs, old, now) -> {
            if (now == null) {
                body.getChildren().clear();
            } else {
                body.getChildren().setAll(now);
            }
        });
        getChildren().addAll(header, body);

        busyWait.setOnFinished(e -> busyIndicator.setVisible(busy.get()));
        busy.addListener((obs, old, now) -> showBusy(now));
    }

    public PanelFrame(String title, Node content) {
        this();
        setTitle(title);
        setContent(content);
    }

    private void showBusy(boolean now) {
        busyWait.stop();
        if (!now) {
            busyIndicator.setVisible(false);
        } else if (busyDelay.get() == null || busyDelay.get().lessThanOrEqualTo(Duration.ZERO)) {
            busyIndicator.setVisible(true);
        } else {
            busyWait.setDuration(busyDelay.get());
            busyWait.playFromStart();
        }
    }

    public StringProperty titleProperty() {
        return title;
    }

    public String getTitle() {
        return title.get();
    }

    public void setTitle(String value) {
        title.set(value == null ? "" : value);
    }

    /** Beside the title, muted: e.g. the period and region in force. Empty hides it. */
    public StringProperty subtitleProperty() {
        return subtitle;
    }

    public String getSubtitle() {
        return subtitle.get();
    }

    public void setSubtitle(String value) {
        subtitle.set(value == null ? "" : value);
    }

    /** Shows the DEMO badge: synthetic demo data contributes to what the panel shows. */
    public BooleanProperty demoProperty() {
        return demo;
    }

    public boolean isDemo() {
        return demo.get();
    }

    public void setDemo(boolean value) {
        demo.set(value);
    }

    public StringProperty demoTextProperty() {
        return demoText;
    }

    public String getDemoText() {
        return demoText.get();
    }

    public void setDemoText(String value) {
        demoText.set(value == null ? "" : value);
    }

    /** Bind to the ViewModel's busy flag. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    public boolean isBusy() {
        return busy.get();
    }

    public void setBusy(boolean value) {
        busy.set(value);
    }

    public ObjectProperty<Duration> busyDelayProperty() {
        return busyDelay;
    }

    public Duration getBusyDelay() {
        return busyDelay.get();
    }

    public void setBusyDelay(Duration value) {
        busyDelay.set(value);
    }

    /** Whether the busy indicator is showing now (after the delay). */
    public boolean isBusyShown() {
        return busyIndicator.isVisible();
    }

    public ObjectProperty<Node> contentProperty() {
        return content;
    }

    public Node getContent() {
        return content.get();
    }

    public void setContent(Node value) {
        content.set(value);
    }

    /** Small controls at the right of the header, before the busy indicator (e.g. a toggle). */
    public ObservableList<Node> getHeaderItems() {
        return headerItems.getChildren();
    }
}
