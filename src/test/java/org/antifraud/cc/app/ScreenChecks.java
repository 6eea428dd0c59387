package org.antifraud.cc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;

import org.antifraud.cc.ui.common.Theme;

/**
 * What a person looking at a screenshot would notice: a blank picture, the other theme's colours, a label cut
 * short with an ellipsis. Screenshot tests assert these, not only that a file was written.
 */
public final class ScreenChecks {
    private static final Pattern BASE = Pattern.compile("-cc-base-([0-3])\\s*:\\s*#([0-9a-fA-F]{6})\\s*;");

    private ScreenChecks() {
    }

    /** The texts of the shown labels, buttons and cells under {@code root} that their skin cut short. Call laid out, on the FX thread. */
    public static List<String> clippedTexts(Parent root) {
        List<String> clipped = new ArrayList<>();
        collect(root, clipped);
        return clipped;
    }

    private static void collect(Node node, List<String> clipped) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            String ellipsis = labeled.getEllipsisString();
            for (Node child : labeled.getChildrenUnmodifiable()) {
                // "Submit month…" cut to "Submit mo…" is cut short too: the shown text differs and has the ellipsis
                if (child instanceof Text shown && shown.getText() != null && !ellipsis.isEmpty()
                        && shown.getText().contains(ellipsis) && !shown.getText().equals(whole(labeled))) {
                    clipped.add(labeled.getText() + " (shown as \"" + shown.getText() + "\"" + where(labeled) + ")");
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, clipped);
            }
        }
    }

    /** A text the screen shows: what it says, who shows it, and the part of the window it takes. */
    private record Shown(String text, Node owner, Bounds area) {
    }

    /**
     * Every two texts on screen that cover each other: each {@link Text} (a label's, a button's, a table cell's, an
     * axis tick's) in scene coordinates, cut to what its clipping ancestors (a scroll pane's viewport, a table's
     * flow, the window) show; two of them overlap when those areas share more than a pixel across and down, unless
     * one control shows both or one contains the other. Call laid out, on the FX thread.
     */
    public static List<String> overlappingTexts(Parent root) {
        List<Shown> texts = new ArrayList<>();
        Scene scene = root.getScene();
        Bounds window = scene == null ? null : new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        collectTexts(root, window, texts);
        texts.sort((a, b) -> Double.compare(a.area().getMinX(), b.area().getMinX()));
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Shown a = texts.get(i);
            for (int j = i + 1; j < texts.size(); j++) {
                Shown b = texts.get(j);
                if (b.area().getMinX() >= a.area().getMaxX() - 1) {
                    break; // sorted by left edge: no later text starts inside this one
                }
                if (overlapBy(a.area(), b.area()) && !related(a.owner(), b.owner())) {
                    overlaps.add("\"" + a.text() + "\"" + where(a.owner()) + " and \"" + b.text() + "\"" + where(b.owner()));
                }
            }
        }
        return overlaps;
    }

    private static void collectTexts(Node node, Bounds visible, List<Shown> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        Bounds shown = visible;
        if (node.getClip() != null) {
            shown = intersection(shown, node.localToScene(node.getClip().getBoundsInParent()));
        }
        if (shown != null && shown.isEmpty()) {
            return;
        }
        if (node instanceof Text text && text.getText() != null && !text.getText().isBlank()) {
            Bounds area = intersection(shown, text.localToScene(text.getBoundsInLocal()));
            if (area != null && area.getWidth() > 1 && area.getHeight() > 1) {
                out.add(new Shown(text.getText().strip(), owner(text), area));
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectTexts(child, shown, out);
            }
        }
    }

    private static boolean overlapBy(Bounds a, Bounds b) {
        double across = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double down = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return across > 1 && down > 1;
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        if (a == null) {
            return b;
        }
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return new BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    /** The control that shows {@code text}: its nearest labeled or other control, else the text itself. */
    private static Node owner(Text text) {
        for (Node n = text.getParent(); n != null; n = n.getParent()) {
            if (n instanceof Labeled || n instanceof Control) {
                return n;
            }
        }
        return text;
    }

    private static boolean related(Node a, Node b) {
        return a == b || contains(a, b) || contains(b, a);
    }

    private static boolean contains(Node ancestor, Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * The controls a person cannot get to: shown (partly) outside the window and not inside a scroll pane that
     * could bring them in. Call laid out, on the FX thread.
     */
    public static List<String> unreachable(Parent root) {
        List<String> out = new ArrayList<>();
        Scene scene = root.getScene();
        if (scene != null) {
            collectUnreachable(root, new BoundingBox(0, 0, scene.getWidth(), scene.getHeight()), out);
        }
        return out;
    }

    private static void collectUnreachable(Node node, Bounds window, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Control control && control.getWidth() > 0) {
            Bounds b = control.localToScene(control.getLayoutBounds());
            if (b.getMinX() < window.getMinX() - 1 || b.getMinY() < window.getMinY() - 1
                    || b.getMaxX() > window.getMaxX() + 1 || b.getMaxY() > window.getMaxY() + 1) {
                String name = control instanceof Labeled l && l.getText() != null ? "\"" + l.getText() + "\"" : "";
                out.add(name + where(control) + " at " + Math.round(b.getMinX()) + "," + Math.round(b.getMinY()) + "–"
                        + Math.round(b.getMaxX()) + "," + Math.round(b.getMaxY()));
                return;
            }
        }
        if (scrolls(node)) {
            return; // what a scroll pane, a table or a list holds can be scrolled to
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectUnreachable(child, window, out);
            }
        }
    }

    /** The text a labeled shows when nothing is cut: without the mnemonic's underscore. */
    private static String whole(Labeled labeled) {
        String text = labeled.getText();
        if (labeled.isMnemonicParsing()) {
            int at = text.indexOf('_');
            if (at >= 0 && at + 1 < text.length() && text.charAt(at + 1) != '_') {
                return text.substring(0, at) + text.substring(at + 1);
            }
        }
        return text;
    }

    private static boolean scrolls(Node node) {
        return node instanceof ScrollPane || node instanceof TableView || node instanceof ListView
                || node instanceof TreeView || node instanceof TreeTableView;
    }

    private static String where(Node node) {
        return node.getId() != null ? " in #" + node.getId() : " in " + node.getStyleClass();
    }

    /** The background colours of a theme: {@code -cc-base-0..3} of its stylesheet, as RGB. */
    public static Set<Integer> backgrounds(Theme theme) {
        try (InputStream in = ScreenChecks.class.getResourceAsStream("/" + theme.stylesheet())) {
            assertThat(in).as(theme.stylesheet()).isNotNull();
            Matcher m = BASE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<Integer> colours = new TreeSet<>();
            int tokens = 0;
            while (m.find()) {
                colours.add(Integer.parseInt(m.group(2), 16));
                tokens++;
            }
            assertThat(tokens).as("-cc-base-0..3 in " + theme.stylesheet()).isEqualTo(4);
            return colours;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The colour most pixels have (RGB): the page's background. */
    public static int dominantColour(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                counts.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** A rendered page: many colours (not blank), the background one of {@code theme}'s own, no text cut short. */
    public static void assertRendered(String what, BufferedImage image, Theme theme, List<String> clipped) {
        assertPictureWithWholeTexts(what, image, clipped);
        assertThat(backgrounds(theme)).as("%s: the background is the %s theme's (-cc-base-0..3)", what, theme)
                .contains(dominantColour(image));
    }

    /** Many colours (not a blank picture) and no text cut short: there is no list of known ones (issue 16). */
    public static void assertPictureWithWholeTexts(String what, BufferedImage image, List<String> clipped) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("%s: a rendered page, not a blank one", what).isGreaterThan(50);
        assertThat(clipped)
                .as("%s: texts cut short", what).isEmpty();
    }
}
