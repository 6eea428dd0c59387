package org.antifraud.cc.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.antifraud.cc.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshot} as a user runs it: a fresh JVM with no display and no JavaFX flags, the PNG read back.
 */
@IntegrationTest
class SnapshotProcessTest {
    @TempDir
    static Path tmp;
    private static Path dataDir;

    @BeforeAll
    static void initialise() throws Exception {
        dataDir = tmp.resolve("cc");
        // the folder is made in-process (what is tested is the snapshot's own JVM, not init's)
        CliRun init = CliRun.in(dataDir, "init");
        assertThat(init.exitCode()).as("stderr: %s", init.err()).isZero();
    }

    @Test
    void writesAPngOfTheRequestedSizeThatShowsTheDashboard() throws Exception {
        Path out = tmp.resolve("dark-zh.png");

        ChildJvm run = ChildJvm.run(tmp, "--data-dir", dataDir.toString(), "snapshot", "--out", out.toString(),
                "--size", "1280x720", "--theme", "dark", "--lang", "zh", "--period", "2022");

        assertThat(run.code()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(out.toAbsolutePath().toString());
        BufferedImage image = ImageIO.read(out.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(720);
        Map<Integer, Integer> colours = colours(image);
        assertThat(colours.size()).as("a rendered page, not a blank one").isGreaterThan(200);
        int mostCommon = colours.values().stream().max(Integer::compare).orElseThrow();
        assertThat(mostCommon).as("no single colour covers the picture").isLessThan(image.getWidth() * image.getHeight() * 9 / 10);
        try (var left = Files.list(tmp)) {
            assertThat(left).as("no temporary file left beside it").noneMatch(p -> p.toString().endsWith(".tmp"));
        }
    }

    @Test
    void writesTheWallScreenAtTheRequestedSizeAndPage() throws Exception {
        Path out = tmp.resolve("wall-4k.png");

        ChildJvm run = ChildJvm.run(tmp, "--data-dir", dataDir.toString(), "snapshot", "--view", "wall",
                "--wall-page", "2", "--out", out.toString(), "--size", "3840x2160", "--theme", "light", "--lang", "en",
                "--period", "2022");

        assertThat(run.code()).as("stderr: %s", run.err()).isZero();
        BufferedImage image = ImageIO.read(out.toFile());
        assertThat(image.getWidth()).isEqualTo(3840);
        assertThat(image.getHeight()).isEqualTo(2160);
        assertThat(colours(image).size()).as("a rendered wall, not a blank one").isGreaterThan(200);
    }

    @Test
    void themeAndLanguageChangeThePictureAndTheSavedSettingsStayAsTheyWere() throws Exception {
        Path settings = dataDir.resolve("settings.properties");
        String before = Files.exists(settings) ? Files.readString(settings) : null;
        Path light = tmp.resolve("light-en.png");
        Path dark = tmp.resolve("dark-en.png");

        ChildJvm lightRun = ChildJvm.run(tmp, "--data-dir", dataDir.toString(), "--lang", "en", "snapshot",
                "--out", light.toString(), "--size", "800x600", "--theme", "light", "--period", "2022-Q4",
                "--region", "CN-GD");
        ChildJvm darkRun = ChildJvm.run(tmp, "--data-dir", dataDir.toString(), "--lang", "en", "snapshot",
                "--out", dark.toString(), "--size", "800x600", "--theme", "dark", "--period", "2022-Q4",
                "--region", "CN-GD");

        assertThat(lightRun.code()).as("stderr: %s", lightRun.err()).isZero();
        assertThat(darkRun.code()).as("stderr: %s", darkRun.err()).isZero();
        assertThat(luminance(ImageIO.read(light.toFile())))
                .as("the light theme is lighter than the dark one")
                .isGreaterThan(luminance(ImageIO.read(dark.toFile())) + 60);
        String after = Files.exists(settings) ? Files.readString(settings) : null;
        assertThat(after).as("a snapshot's theme, period and region are its own").isEqualTo(before);
    }

    private static Map<Integer, Integer> colours(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Mean luminance 0..255. */
    private static double luminance(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
            }
        }
        return sum / (image.getWidth() * image.getHeight());
    }
}
