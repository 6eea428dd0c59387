package org.antifraud.cc.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.app.SlideRendering;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.service.backup.OutputPaths;
import org.antifraud.cc.service.briefing.CjkFonts;
import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.NarrativeService;
import org.antifraud.cc.service.briefing.PdfDeckWriter;
import org.antifraud.cc.service.briefing.SlideKind;
import org.antifraud.cc.service.briefing.SlidePalette;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "briefing", mixinStandardHelpOptions = true,
        description = {"Writes a briefing of a period and region in the language of --lang (zh or en):",
                "FILE.pdf — the slides, one a page, text selectable, the Chinese font embedded;",
                "FILE.png — the slides as FILE-01.png, FILE-02.png … at 1920x1080;",
                "FILE.md — the narrative in the report's style and the key figures with their basis and source."})
final class BriefingCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Option(names = "--period", required = true, paramLabel = "P", description = "2022, 2022-Q1, 2022-03, a..b.")
    String period;

    @Option(names = "--region", defaultValue = "CN", paramLabel = "R", description = "Region code (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf|FILE.png|FILE.md",
            description = "The file to write (replaced); its extension chooses the format.")
    Path out;

    @Option(names = "--slides", defaultValue = "all", paramLabel = "LIST",
            description = "Slides, comma-separated, in order: title, headline, regions, dens, warnings, interception, "
                    + "campaigns, publicity, narrative, or all (default: ${DEFAULT-VALUE}).")
    String slides;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "light|dark",
            description = "Slide colours for PDF and PNG (default: ${DEFAULT-VALUE}: for paper).")
    String theme;

    @Option(names = "--classification", paramLabel = "TEXT",
            description = "The classification line (default: 内部资料 注意保密 / Internal — do not distribute).")
    String classification;

    private enum Format { PDF, PNG, MD }

    @Override
    public Integer call() throws InterruptedException {
        Locale locale = root.messageLocale(); // --lang zh|en, as for every command
        Path target = OutputPaths.check(root.dataDir(), out); // never over the database, whatever its name
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        Format format = name.endsWith(".pdf") ? Format.PDF : name.endsWith(".png") ? Format.PNG
                : name.endsWith(".md") ? Format.MD : null;
        if (format == null) {
            throw new Problem("briefing_format", "cannot write " + out + ": name a .pdf, .png or .md file",
                    out.toString());
        }
        List<SlideKind> kinds = SlideKind.parse(slides);
        if (!theme.equals("light") && !theme.equals("dark")) {
            throw new Problem("bad_theme", "unknown theme: " + theme + " (light, dark)", theme);
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new Problem("out_unusable", "cannot write " + out, out.toString());
        }
        // The log goes to the data folder before any font is parsed: FontBox's first logger fixes the log's place.
        LogSetup.toDataDir(root.dataDir());
        Path font = format == Format.PDF ? CjkFonts.locate() : null; // before any work: say what to install
        StatsQuery query = new StatsQuery(PeriodOption.parse(period), region, null);
        try (AppServices services = root.openServices(true)) {
            switch (format) {
                case MD -> {
                    NarrativeService.Briefing briefing = services.narratives().briefing(query, locale, classification);
                    Path tmp = target.resolveSibling(target.getFileName() + ".part");
                    Files.writeString(tmp, briefing.markdown(), StandardCharsets.UTF_8);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    root.out().printf("wrote the briefing of %s, %s to %s (%d paragraphs)%n", period, region, out,
                            briefing.narrative().paragraphs().size());
                }
                case PDF -> {
                    Deck deck = services.decks().deck(query, locale, kinds, classification);
                    Path tmp = target.resolveSibling(target.getFileName() + ".part");
                    try (OutputStream o = Files.newOutputStream(tmp)) {
                        new PdfDeckWriter(services.slidePainter(), font).write(deck, SlidePalette.of(theme), o,
                                p -> { }, () -> false);
                    } catch (RuntimeException | IOException e) {
                        Files.deleteIfExists(tmp);
                        throw e;
                    }
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    root.out().printf("wrote %d slides of %s, %s to %s%n", deck.size(), period, region, out);
                }
                case PNG -> {
                    Deck deck = services.decks().deck(query, locale, kinds, classification);
                    List<Path> files = SlideRendering.writePngs(services.slidePainter(), deck, SlidePalette.of(theme),
                            target);
                    files.forEach(f -> root.out().println(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return ExitCodes.OK;
    }
}
