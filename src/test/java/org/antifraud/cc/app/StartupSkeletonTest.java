package org.antifraud.cc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's first frame before the database opens (issue 16): in the saved language and theme, the navigation's
 * page names and what is happening, in a stage the window then takes over.
 */
@IntegrationTest
@ExtendWith(ApplicationExtension.class)
class StartupSkeletonTest {
    @TempDir
    Path dataDir;

    private Stage shown;

    private List<String> texts() {
        return shown.getScene().getRoot().lookupAll(".label").stream().filter(Node::isVisible)
                .map(n -> ((Labeled) n).getText()).toList();
    }

    @Test
    void showsTheNavigationAndThatTheDatabaseIsOpeningInTheSavedLanguageAndTheme() throws Exception {
        Files.writeString(dataDir.resolve("settings.properties"), "lang=zh\ntheme=light\n");

        WaitForAsyncUtils.asyncFx(() -> shown = StartupSkeleton.show(new LaunchOptions(dataDir, null))).get();

        assertThat(shown.isShowing()).isTrue();
        assertThat(texts()).contains("态势总览", "数据录入", "正在打开数据库…");
        assertThat(shown.getScene().getStylesheets().getFirst()).endsWith(Theme.LIGHT.stylesheet());
        WaitForAsyncUtils.asyncFx(shown::hide).get();
    }

    @Test
    void theLanguageOfTheCommandLineComesFirstAndAnUnreadableSettingsFileDoesNotStopIt() throws Exception {
        Files.writeString(dataDir.resolve("settings.properties"), "theme=purple\n");

        WaitForAsyncUtils.asyncFx(() -> shown = StartupSkeleton.show(new LaunchOptions(dataDir, Locale.ENGLISH))).get();

        assertThat(texts()).contains("Dashboard", "Opening the database…");
        assertThat(shown.getScene().getStylesheets().getFirst()).endsWith(Theme.DARK.stylesheet());
        WaitForAsyncUtils.asyncFx(shown::hide).get();
    }
}
