package org.antifraud.cc.ui.entry;

import static org.antifraud.cc.app.FxTestSupport.cellTexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;

import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.app.MainWindow;
import org.antifraud.cc.app.MainWindowFxTest;
import org.antifraud.cc.app.ScreenChecks;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.ui.common.FakeChooser;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.shell.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Import dialog, headless: opened with Ctrl+I on a file the test hands over, previewed, imported; pictured. */
@IntegrationTest
class ImportDialogViewTest extends MainWindowFxTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static final String DENS = """
            id,date,region,city,campaign,address,suspects_arrested,goip_devices,phone_cards,bank_cards,note
            6f1d3c2a-1b7e-4c55-9a0e-2d4b8c6e1a01,2023-01-11,CN-GD,Jieyang,,Puning,5,2,40,12,
            6f1d3c2a-1b7e-4c55-9a0e-2d4b8c6e1a02,2023-01-12,CN-FJ,Quanzhou,,Anxi,3,1,10,4,
            6f1d3c2a-1b7e-4c55-9a0e-2d4b8c6e1a03,2023-01-13,CN-GX,Binyang,,,7,0,0,0,
            """;
    private static final String BAD = """
            indicator,region,period,value
            publicity_sessions,CN-GD,2022-05,12
            nope,CN-GD,2022-05,1
            publicity_sessions,CN-XX,2022-13,-1
            publicity_sessions,CN-GD,2022-06,1.234
            """;

    @TempDir
    Path tmp;
    private final FakeChooser chooser = new FakeChooser();

    @Override
    protected MainWindow createWindow(Stage stage) {
        return new MainWindow(services, stage, executor, Lang.EN, "2022", chooser);
    }

    @Test
    void ctrlIPreviewsTheChosenFileAndImportsIt(FxRobot robot) throws Exception {
        chooser.handOver(Files.writeString(tmp.resolve("dens.csv"), DENS));
        int before = services.records().recent(RecordKind.DEN_TAKEDOWN, 500).size();
        showEntryPage(robot);

        press(robot, KeyCode.I);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> previewRows(robot) == 3);

        assertThat(robot.lookup("#typeLabel").queryAs(Labeled.class).getText()).isEqualTo("Den takedowns");
        assertThat(cellTexts(robot, "#previewTable")).contains("2023-01-11", "CN-GD", "Jieyang", "Quanzhou", "Binyang");
        assertThat(robot.lookup("#previewTable").queryAs(TableView.class).getColumns()).hasSize(11);
        robot.clickOn("#importRunButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> messageText(robot).contains("imported"));

        assertThat(messageText(robot)).isEqualTo("dens.csv: imported 3 rows (3 new, 0 updated, 0 unchanged)");
        assertThat(robot.lookup("#typeLabel").queryAs(Labeled.class).getText()).isEqualTo("Den takedowns, 3 rows");
        assertThat(services.records().recent(RecordKind.DEN_TAKEDOWN, 500)).hasSize(before + 3);
        // the page behind shows them
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#historyTable").queryAs(TableView.class).getItems().size() == before + 3);
        assertThat(historyTexts(robot)).contains("Jieyang", "Quanzhou", "Binyang");
        // Esc closes it
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#importRoot").tryQuery()).isEmpty();
    }

    @Test
    void ctrlShiftEWritesThisWorkstationsPackageAndCtrlShiftIMergesOne(FxRobot robot) throws Exception {
        showEntryPage(robot);
        Path zip = tmp.resolve("station.zip");
        chooser.handOver(zip);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> dialogText(robot).contains("station.zip"));

        assertThat(dialogText(robot)).startsWith("Wrote ").contains("records and this workstation's audit trail");
        try (var entries = new ZipFile(zip.toFile())) {
            assertThat(entries.stream().map(ZipEntry::getName)).contains("manifest.properties", "audit.csv");
        }
        closeDialog(robot);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I).release(KeyCode.I, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> dialogText(robot).contains("unchanged"));
        assertThat(dialogText(robot)).startsWith("station.zip: 0 new, 0 updated");
        closeDialog(robot);
    }

    /** Its OK button closes the message, and no message is left over for the next test. */
    private static void closeDialog(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".dialog-pane .button-bar .button").queryButton());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }

    private static String dialogText(FxRobot robot) {
        return robot.lookup(".dialog-pane .content").tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }

    @Test
    void rendersTheDialogsInBothThemesAndLanguages(FxRobot robot) throws Exception {
        Path dir = Path.of("target", "screenshots");
        showEntryPage(robot);
        for (String[] look : new String[][]{{"DARK", "zh"}, {"LIGHT", "en"}}) {
            robot.interact(() -> {
                window.appearance().themeProperty().set(Theme.valueOf(look[0]));
                window.appearance().localeProperty().set(Lang.fromTag(look[1]));
            });
            WaitForAsyncUtils.waitForFxEvents();
            String name = look[0].toLowerCase() + "-" + look[1];

            chooser.handOver(Files.writeString(tmp.resolve("bad.csv"), BAD));
            press(robot, KeyCode.I);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> previewRows(robot) == 4);
            robot.clickOn("#importRunButton");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                    () -> !robot.lookup("#problemsText").queryAs(TextArea.class).getText().isEmpty());
            String problems = robot.lookup("#problemsText").queryAs(TextArea.class).getText();
            assertThat(problems.lines()).hasSize(5).allSatisfy(line -> assertThat(line).startsWith(chooser.open + ":"));
            snapshot(robot, "#importRoot", dir.resolve("import-problems-" + name + ".png"), Theme.valueOf(look[0]));
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();

            chooser.handOver(Files.writeString(tmp.resolve("dens-preview.csv"), DENS.replace("6f1d3c2a", "7a2e4d3b")));
            press(robot, KeyCode.I);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> previewRows(robot) == 3);
            snapshot(robot, "#importRoot", dir.resolve("import-preview-" + name + ".png"), Theme.valueOf(look[0]));
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#importRoot").tryQuery()).isEmpty();

            press(robot, KeyCode.E);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#exportRoot").tryQuery().isPresent());
            robot.interact(() -> window.exports().periodTextProperty().set("2023-Q5"));
            robot.clickOn("#exportRunButton");
            WaitForAsyncUtils.waitForFxEvents();
            snapshot(robot, "#exportRoot", dir.resolve("export-" + name + ".png"), Theme.valueOf(look[0]));
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    // --- helpers

    private void showEntryPage(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.shell().pageProperty().get()).isEqualTo(Page.ENTRY);
    }

    private static void press(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int previewRows(FxRobot robot) {
        return robot.lookup("#previewTable").tryQuery().map(t -> ((TableView<?>) t).getItems().size()).orElse(-1);
    }

    private static String messageText(FxRobot robot) {
        return robot.lookup("#importMessageLabel").queryAs(Labeled.class).getText();
    }

    private static List<String> historyTexts(FxRobot robot) {
        TableView<?> table = robot.lookup("#historyTable").queryAs(TableView.class);
        return table.getItems().stream().flatMap(r -> ((HistoryRow) r).cells().stream()).map(HistoryCell::text).toList();
    }

    /** The dialog's window as it is, to a PNG; rendered in {@code theme}, every text whole. */
    private static void snapshot(FxRobot robot, String rootId, Path out, Theme theme) {
        BufferedImage[] image = new BufferedImage[1];
        List<String> clipped = new ArrayList<>();
        robot.interact(() -> {
            Scene scene = robot.lookup(rootId).query().getScene();
            image[0] = FxTestSupport.toBuffered(scene.snapshot(null));
            clipped.addAll(ScreenChecks.clippedTexts(scene.getRoot()));
            try {
                Files.createDirectories(out.getParent());
                ImageIO.write(image[0], "png", out.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ScreenChecks.assertRendered(out.getFileName().toString(), image[0], theme, clipped);
    }
}
