package org.antifraud.cc.app.cli;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.antifraud.cc.app.Main;
import org.antifraud.cc.app.StartupProbe;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.ui.common.I18n;

/**
 * {@code bench startup}: launches the application and a bare JavaFX window, each in a JVM of its own started
 * as a user starts the jar, and collects the milliseconds each child reports from its JVM's start to its first
 * painted frame.
 */
final class StartupBench {
    /** The JavaFX platform of every child: the same for both kinds, so that the ratio compares like with like. */
    enum Platform {
        HEADLESS, DISPLAY;

        static Platform choose(String name) {
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "headless" -> HEADLESS;
                case "display" -> {
                    if (!hasDisplay()) {
                        throw new Problem("no_display", "no display to run on (no DISPLAY or WAYLAND_DISPLAY)");
                    }
                    yield DISPLAY;
                }
                case "auto" -> hasDisplay() ? DISPLAY : HEADLESS;
                default -> throw new Problem("bad_option", "bad --platform: " + name + " (auto, headless or display)",
                        "--platform", name);
            };
        }

        private static boolean hasDisplay() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.contains("win") || os.contains("mac")) {
                return true;
            }
            return !blank(System.getenv("DISPLAY")) || !blank(System.getenv("WAYLAND_DISPLAY"));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What one child reported: milliseconds from its JVM's start to the paint, and its CPU time by then; for the
     * application also to its window's first frame (layout, figures maybe still loading), else -1.
     */
    record Launch(long ms, long cpuMs, long firstFrameMs) {
        Launch(long ms, long cpuMs) {
            this(ms, cpuMs, -1);
        }

        /** Reads {@code startup_ms=N cpu_ms=M [first_frame_ms=F]} out of a child's stdout. */
        static Optional<Launch> parse(String stdout) {
            return stdout.lines().filter(l -> l.startsWith(StartupProbe.RESULT_PREFIX)).findFirst().map(line -> {
                long ms = -1;
                long cpu = -1;
                long first = -1;
                for (String part : line.strip().split("\\s+")) {
                    if (part.startsWith(StartupProbe.RESULT_PREFIX)) {
                        ms = Long.parseLong(part.substring(StartupProbe.RESULT_PREFIX.length()));
                    } else if (part.startsWith(StartupProbe.CPU_PREFIX)) {
                        cpu = Long.parseLong(part.substring(StartupProbe.CPU_PREFIX.length()));
                    } else if (part.startsWith(StartupProbe.FIRST_FRAME_PREFIX)) {
                        first = Long.parseLong(part.substring(StartupProbe.FIRST_FRAME_PREFIX.length()));
                    }
                }
                return new Launch(ms, cpu, first);
            });
        }
    }

    /** Which children start with the jar's ahead-of-time cache ({@code -XX:AOTCache}, built by {@code package}). */
    enum Aot {
        /** Neither. */
        NONE,
        /** The application, as the README's fast launch starts it; the bare window as plain as it comes. */
        APP,
        /** Both: like with like. */
        BOTH;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** From {@code --aot auto|off|all}: auto and all fall back to none when there is no cache. */
        static Aot choose(String option, boolean cacheExists) {
            return switch (option.strip().toLowerCase(Locale.ROOT)) {
                case "off" -> NONE;
                case "auto" -> cacheExists ? APP : NONE;
                case "all" -> cacheExists ? BOTH : NONE;
                default -> throw new Problem("bad_option", "bad --aot: " + option + " (auto, off or all)", "--aot", option);
            };
        }
    }

    record Result(Platform platform, int runs, int warmup, Aot aot, List<Launch> app, List<Launch> bare) {
        List<Long> appMs() {
            return app.stream().map(Launch::ms).toList();
        }

        List<Long> bareMs() {
            return bare.stream().map(Launch::ms).toList();
        }

        double appMedian() {
            return median(appMs());
        }

        double bareMedian() {
            return median(bareMs());
        }

        double appCpuMedian() {
            return median(app.stream().map(Launch::cpuMs).toList());
        }

        double bareCpuMedian() {
            return median(bare.stream().map(Launch::cpuMs).toList());
        }

        /** The application's first frames, where its children reported them. */
        List<Long> firstFrameMs() {
            return app.stream().map(Launch::firstFrameMs).filter(ms -> ms >= 0).toList();
        }

        boolean hasFirstFrames() {
            return !firstFrameMs().isEmpty();
        }

        double firstFrameMedian() {
            return median(firstFrameMs());
        }

        /** The filled dashboard against the bare window (medians). */
        BigDecimal ratio() {
            return BigDecimal.valueOf(appMedian()).divide(BigDecimal.valueOf(bareMedian()), 2, RoundingMode.HALF_UP);
        }

        /** The window's first frame against the bare window (medians). */
        BigDecimal firstFrameRatio() {
            return BigDecimal.valueOf(firstFrameMedian()).divide(BigDecimal.valueOf(bareMedian()), 2,
                    RoundingMode.HALF_UP);
        }
    }

    private final Platform platform;
    private final Path dataDir;
    private final String lang;
    private Aot aot = Aot.NONE;

    /** @param dataDir {@code --data-dir} for the application, or null for the default database */
    StartupBench(Platform platform, Path dataDir, String lang) {
        this.platform = platform;
        this.dataDir = dataDir;
        this.lang = lang;
    }

    /** Warm-up launches first (the first one also creates a missing database), then app and bare alternately. */
    Result run(int runs, int warmup) throws IOException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            launch(true);
            launch(false);
        }
        List<Launch> app = new ArrayList<>();
        List<Launch> bare = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            app.add(launch(true));
            bare.add(launch(false));
        }
        return new Result(platform, runs, warmup, aot, app, bare);
    }

    /** One child JVM; its figure from its stdout. */
    private Launch launch(boolean application) throws IOException, InterruptedException {
        List<String> command = javaCommand(application ? aot != Aot.NONE : aot == Aot.BOTH);
        if (application) {
            command.add(StartupProbe.APPLICATION_ARG);
            if (dataDir != null) {
                command.addAll(List.of("--data-dir", dataDir.toAbsolutePath().toString()));
            }
            if (lang != null) {
                command.addAll(List.of("--lang", lang));
            }
        } else {
            command.add(StartupProbe.BARE_WINDOW_ARG);
        }
        Path stdout = Files.createTempFile("cc-bench-", ".out");
        Path stderr = Files.createTempFile("cc-bench-", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(StartupProbe.TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            Optional<Launch> launch = Launch.parse(out);
            if (process.exitValue() != 0 || launch.isEmpty()) {
                String err = Files.readString(stderr, StandardCharsets.UTF_8).strip();
                throw new IllegalStateException((application ? "application" : "bare window") + " launch failed (exit "
                        + process.exitValue() + "): " + lastLine(err.isEmpty() ? out : err));
            }
            return launch.get();
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * {@code java -jar the.jar} when this JVM was started so, else the same class path and Main; with native
     * access granted as the jar's manifest grants it, and the chosen platform.
     */
    private List<String> javaCommand(boolean withCache) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (withCache) {
            command.add("-XX:AOTCache=" + aotCache().orElseThrow());
        }
        if (platform == Platform.HEADLESS) {
            command.add("-Dglass.platform=Headless");
            command.add("-Dprism.order=sw");
        }
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains(File.pathSeparator) && classpath.endsWith(".jar")) {
            command.addAll(List.of("-jar", classpath));
        } else {
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", classpath, Main.class.getName()));
        }
        return command;
    }

    /** Chooses the children's cache from {@code --aot}; returns what was chosen. */
    Aot useAot(String option) {
        aot = Aot.choose(option, aotCache().isPresent());
        return aot;
    }

    /** {@code command-center.aot} beside the jar this JVM runs, if there is one. */
    static Optional<Path> aotCache() {
        String classpath = System.getProperty("java.class.path");
        if (classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path cache = Path.of(classpath).toAbsolutePath().resolveSibling(AOT_CACHE_FILE);
        return Files.isRegularFile(cache) ? Optional.of(cache) : Optional.empty();
    }

    static final String AOT_CACHE_FILE = "command-center.aot";
    /** Issue 16's targets: the window's first frame within 1.5× the bare window's, the filled dashboard 2.5×. */
    static final String FIRST_FRAME_TARGET = "1.5";
    static final String FILLED_TARGET = "2.5";

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }

    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static String table(Result r, Locale locale) {
        I18n i18n = new I18n(locale);
        StringBuilder s = new StringBuilder();
        s.append(i18n.get("bench.startup.title", r.platform().code(), String.valueOf(r.runs()), String.valueOf(r.warmup()),
                i18n.get("bench.startup.aot." + r.aot().code()))).append('\n');
        String row = "%-42s %10s %10s %10s %14s%n";
        s.append(String.format(Locale.ROOT, row, "", i18n.get("bench.median"), i18n.get("bench.min"),
                i18n.get("bench.max"), i18n.get("bench.cpu_median")));
        if (r.hasFirstFrames()) {
            s.append(String.format(Locale.ROOT, row, i18n.get("bench.startup.first_frame"), ms(r.firstFrameMedian()),
                    ms(min(r.firstFrameMs())), ms(max(r.firstFrameMs())), ""));
        }
        s.append(String.format(Locale.ROOT, row, i18n.get("bench.startup.app"), ms(r.appMedian()),
                ms(min(r.appMs())), ms(max(r.appMs())), ms(r.appCpuMedian())));
        s.append(String.format(Locale.ROOT, row, i18n.get("bench.startup.bare"), ms(r.bareMedian()),
                ms(min(r.bareMs())), ms(max(r.bareMs())), ms(r.bareCpuMedian())));
        if (r.hasFirstFrames()) {
            s.append(i18n.get("bench.startup.first_frame_ratio", r.firstFrameRatio().toPlainString(),
                    FIRST_FRAME_TARGET)).append('\n');
        }
        s.append(i18n.get("bench.startup.ratio", r.ratio().toPlainString(), FILLED_TARGET)).append('\n');
        return s.toString();
    }

    /** One line: {@code {"bench":"startup","runs":5,...,"ratio":1.23}}. */
    static String json(Result r) {
        return "{\"bench\":\"startup\",\"runs\":" + r.runs()
                + ",\"warmup\":" + r.warmup()
                + ",\"platform\":\"" + r.platform().code() + "\""
                + ",\"aot_cache\":\"" + r.aot().code() + "\""
                + ",\"app_median_ms\":" + number(r.appMedian())
                + ",\"app_min_ms\":" + min(r.appMs())
                + ",\"app_max_ms\":" + max(r.appMs())
                + ",\"bare_median_ms\":" + number(r.bareMedian())
                + ",\"bare_min_ms\":" + min(r.bareMs())
                + ",\"bare_max_ms\":" + max(r.bareMs())
                + ",\"ratio\":" + r.ratio().toPlainString()
                + ",\"ratio_target\":" + FILLED_TARGET
                + (r.hasFirstFrames() ? ",\"first_frame_median_ms\":" + number(r.firstFrameMedian())
                        + ",\"first_frame_ratio\":" + r.firstFrameRatio().toPlainString()
                        + ",\"first_frame_ratio_target\":" + FIRST_FRAME_TARGET
                        + ",\"first_frame_ms\":" + list(r.firstFrameMs()) : "")
                + ",\"app_cpu_median_ms\":" + number(r.appCpuMedian())
                + ",\"bare_cpu_median_ms\":" + number(r.bareCpuMedian())
                + ",\"app_ms\":" + list(r.appMs())
                + ",\"bare_ms\":" + list(r.bareMs())
                + "}";
    }

    private static String list(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    private static long min(List<Long> values) {
        return values.stream().min(Comparator.naturalOrder()).orElseThrow();
    }

    private static long max(List<Long> values) {
        return values.stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String ms(double value) {
        return number(value) + " ms";
    }
}
