package org.antifraud.cc.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./mvnw -Pinstaller verify} built, used as an operator would: the app-image's own launcher, and the
 * .deb's file list. Runs only in the installer profile (failsafe there sets {@code installer.dir}); its name matches
 * no default test pattern, so neither the plain {@code test} nor {@code verify} picks it up.
 */
@EnabledIfSystemProperty(named = "installer.dir", matches = ".+")
class InstallerImageCheck {
    private static final long LIMIT_SECONDS = 120;
    private static final Path DIR = Path.of(System.getProperty("installer.dir", "target/installer"));
    private static final String VERSION = System.getProperty("installer.version", "");

    @TempDir
    Path tmp;

    @Test
    void theLaunchersVersionIsTheBuildsAndItStartsFromItsAheadOfTimeCache() throws Exception {
        // AOTMode=on: the JVM refuses to start when the image's cache does not fit its runtime
        Run run = run(Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on"), launcher().toString(), "--version");

        assertThat(run.code).as("exit code; stderr: %s", run.err).isZero();
        assertThat(run.out.strip()).matches("command-center " + VERSION.replace(".", "\\.")
                + " \\(commit ([0-9a-f]{7,40}(-dirty)?|unknown)\\)");
    }

    @Test
    void theLaunchersStatsOnANewDataFolderAreTheReportsInChinese() throws Exception {
        Path dataDir = tmp.resolve("data");
        Run run = run(Map.of(), launcher().toString(), "--data-dir", dataDir.toString(), "stats", "--period", "2022",
                "--lang", "zh");

        assertThat(run.code).as("exit code; stderr: %s", run.err).isZero();
        assertThat(run.out).contains("指标", "捣毁窝点", "dens_destroyed", "1800", "全国");
        assertThat(dataDir).isDirectory();
        assertThat(tmp.resolve("config")).as("the station's keys where CC_CONFIG_DIR says").isDirectory();
    }

    @Test
    void theJarSaysTheSameVersionAsTheLauncher() throws Exception {
        Path jar = DIR.getParent().resolve("command-center.jar");
        Run fromJar = run(Map.of(), Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--version");
        Run fromLauncher = run(Map.of(), launcher().toString(), "--version");

        assertThat(fromJar.code).as("stderr: %s", fromJar.err).isZero();
        assertThat(fromJar.out).isEqualTo(fromLauncher.out);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theDebHoldsTheImageTheCommandTheMenuEntryAndTheIcon() throws Exception {
        List<Path> debs;
        try (var files = Files.list(DIR)) {
            debs = files.filter(f -> f.getFileName().toString().endsWith(".deb")).toList();
        }
        assertThat(debs).hasSize(1);
        assertThat(debs.getFirst().getFileName().toString()) // amd64 here; the build machine's architecture
                .matches("command-center_" + VERSION.replace("-SNAPSHOT", "~SNAPSHOT").replace(".", "\\.")
                        + "_(amd64|arm64)\\.deb");

        Run list = run(Map.of(), "dpkg-deb", "-c", debs.getFirst().toString());
        assertThat(list.code).as("stderr: %s", list.err).isZero();
        List<String> entries = list.out.lines().toList();
        assertThat(entries).allSatisfy(e -> assertThat(e).contains(" root/root "));
        assertThat(entry(entries, "./opt/command-center/bin/command-center")).startsWith("-rwxr-xr-x");
        assertThat(entry(entries, "./usr/bin/command-center"))
                .startsWith("l").endsWith("./usr/bin/command-center -> /opt/command-center/bin/command-center");
        entry(entries, "./usr/share/applications/command-center.desktop");
        entry(entries, "./usr/share/icons/hicolor/256x256/apps/command-center.png");
        entry(entries, "./opt/command-center/lib/runtime/lib/modules");
        assertThat(entry(entries, "./opt/command-center/lib/runtime/bin/java")).startsWith("-rwxr-xr-x");
        entry(entries, "./opt/command-center/lib/app/command-center.jar");
        entry(entries, "./opt/command-center/lib/app/command-center.aot");
        entry(entries, "./opt/command-center/lib/app/command-center.cfg");
        assertThat(entries).noneMatch(e -> e.contains("/lib/app/lib/javafx-"));

        Run control = run(Map.of(), "dpkg-deb", "-f", debs.getFirst().toString(), "Package", "Version");
        assertThat(control.out.lines()).containsExactly("Package: command-center",
                "Version: " + VERSION.replace("-SNAPSHOT", "~SNAPSHOT"));
    }

    /** The line of {@code dpkg-deb -c} for this path, which must be there. */
    private static String entry(List<String> entries, String path) {
        return entries.stream().filter(e -> e.endsWith(" " + path) || e.contains(" " + path + " -> ")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + path + " in the .deb"));
    }

    /** The image's launcher, where jpackage puts it on this operating system. */
    private static Path launcher() {
        Path path = switch (OS.current()) {
            case WINDOWS -> DIR.resolve("command-center").resolve("command-center.exe");
            case MAC -> DIR.resolve("command-center.app").resolve("Contents").resolve("MacOS").resolve("command-center");
            default -> DIR.resolve("command-center").resolve("bin").resolve("command-center");
        };
        assertThat(path).as("the app-image's launcher").isExecutable();
        return path;
    }

    private record Run(int code, String out, String err) {
    }

    /** Runs a command with CC_CONFIG_DIR in the test's folder and no display, waited for with a limit. */
    private Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("CC_CONFIG_DIR", tmp.resolve("config").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " still running after " + LIMIT_SECONDS + " s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
