package org.antifraud.cc.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.app.Snapshot;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.service.backup.OutputPaths;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.shell.Page;
import org.antifraud.cc.ui.wall.WallScreenViewModel;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Render a page offscreen to a PNG, with no display needed (JavaFX's Headless platform).",
                "Theme, language, period and region apply to this picture only; the saved settings stay as they are."})
final class SnapshotCommand implements Callable<Integer> {
    static final int MIN_WIDTH = 320;
    static final int MIN_HEIGHT = 200;
    static final int MAX_WIDTH = 7680;
    static final int MAX_HEIGHT = 4320;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");
    /** The pages a snapshot can show, by their command-line name; the wall screen is shown by its own name. */
    private static final Map<String, Page> VIEWS = Map.of("dashboard", Page.DASHBOARD, "entry", Page.ENTRY,
            "briefing", Page.BRIEFING, "alerts", Page.ALERTS, "settings", Page.SETTINGS);
    static final String WALL = "wall";
    private static final String VIEW_NAMES = "dashboard, entry, briefing, alerts, settings, " + WALL;

    @ParentCommand
    CommandCenterCli root;

    @Option(names = "--view", defaultValue = "dashboard", paramLabel = "VIEW",
            description = "The page to render: dashboard, entry, briefing, alerts, settings, or wall (the wall screen)"
                    + " (default: ${DEFAULT-VALUE}).")
    String view;

    @Option(names = "--wall-page", paramLabel = "N",
            description = "With --view wall: which of its pages, 1 to 7 (headline figures, regional battles, den"
                    + " takedowns, early warning, warning instructions, alerts, reporting completeness; default: 1).")
    Integer wallPage;

    @Option(names = "--out", required = true, paramLabel = "FILE.png",
            description = "The PNG to write; its folder must exist. Replaced if it exists.")
    Path out;

    @Option(names = "--size", defaultValue = "1920x1080", paramLabel = "WxH",
            description = "Width and height in pixels, 320x200 to 7680x4320 (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--theme", paramLabel = "dark|light", description = "Theme (default: the saved one).")
    String theme;

    @Option(names = "--period", paramLabel = "P",
            description = "YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD (default: the saved one, else the latest year with data).")
    String period;

    @Option(names = "--region", paramLabel = "R", description = "Region code (default: the saved one, else CN).")
    String region;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "How long to wait for the page to load (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        // everything that needs no database is checked before anything is opened or written
        String viewName = view.strip().toLowerCase(Locale.ROOT);
        boolean wall = viewName.equals(WALL);
        Page page = wall ? Page.DASHBOARD : VIEWS.get(viewName);
        if (page == null) {
            throw new Problem("unknown_view", "unknown view: " + view + " (" + VIEW_NAMES + ")", view, VIEW_NAMES);
        }
        int wallPageNumber = wallPage(wall, wallPage);
        int[] wh = size(size);
        Theme chosenTheme = theme == null ? null : theme(theme);
        if (period != null) {
            PeriodOption.parse(period);
        }
        Path target = usableOut(OutputPaths.check(root.dataDir(), out));
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new Problem("bad_timeout", "timeout out of range: " + timeoutSeconds + " (1 to 3600 seconds)",
                    String.valueOf(timeoutSeconds));
        }
        Locale locale = root.locale();

        try (AppServices services = root.openServices(false)) {
            // an unknown region must not load the first-use datasets: check against the catalogs before that
            if (region != null && services.catalog().region(region).isEmpty()) {
                throw new Problem("unknown_region", "unknown region: " + region, region);
            }
            services.datasets().initialiseIfNew();
            Snapshot.write(services, new Snapshot.Request(page, wh[0], wh[1], chosenTheme, locale, period, region,
                            wallPageNumber),
                    target, Duration.ofSeconds(timeoutSeconds));
        } catch (Snapshot.NotLoaded e) {
            LoggerFactory.getLogger(SnapshotCommand.class).warn("snapshot of {}: {}", view, e.getMessage());
            root.err().println(new I18n(root.messageLocale()).get("snapshot.not_loaded", String.valueOf(timeoutSeconds)));
            return ExitCodes.FAILURE;
        }
        root.out().println(target);
        return ExitCodes.OK;
    }

    static int[] size(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (m.matches()) {
            int w = Integer.parseInt(m.group(1));
            int h = Integer.parseInt(m.group(2));
            if (w >= MIN_WIDTH && w <= MAX_WIDTH && h >= MIN_HEIGHT && h <= MAX_HEIGHT) {
                return new int[]{w, h};
            }
        }
        throw new Problem("bad_size", "bad size: " + text + " (WIDTHxHEIGHT, from " + MIN_WIDTH + "x" + MIN_HEIGHT
                + " to " + MAX_WIDTH + "x" + MAX_HEIGHT + ")", text);
    }

    /** 1 to {@link WallScreenViewModel#pageCount()} with the wall (1 when not given), 0 for a page of the window. */
    static int wallPage(boolean wall, Integer number) {
        int pages = WallScreenViewModel.pageCount();
        if (number == null) {
            return wall ? 1 : 0;
        }
        if (!wall) {
            throw new Problem("wall_page_without_wall", "--wall-page goes with --view wall");
        }
        if (number < 1 || number > pages) {
            throw new Problem("bad_wall_page", "no such wall page: " + number + " (1 to " + pages + ")",
                    String.valueOf(number), String.valueOf(pages));
        }
        return number;
    }

    private static Theme theme(String text) {
        try {
            return Theme.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problem("unknown_theme", "unknown theme: " + text + " (dark or light)", text);
        }
    }

    /** A .png file in an existing, writable folder; not a folder itself. */
    private static Path usableOut(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new Problem("out_not_png", "the output file must end in .png: " + file, file);
        }
        Path folder = target.getParent();
        if (Files.isDirectory(target) || folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new Problem("out_unusable", "cannot write the output file (is its folder there and writable?): " + file,
                    file);
        }
        return target;
    }
}
