package org.antifraud.cc.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.service.briefing.Narrative;
import org.antifraud.cc.service.briefing.NarrativeService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "briefing", mixinStandardHelpOptions = true,
        description = {"Writes a briefing of a period and region: the narrative in the report's style and the key "
                + "figures with their basis and source, in the language of --lang (zh or en).",
                "Markdown (FILE.md) for now; PDF and PNG are not built yet (issue 5)."})
final class BriefingCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Option(names = "--period", required = true, paramLabel = "P", description = "2022, 2022-Q1, 2022-03, a..b.")
    String period;

    @Option(names = "--region", defaultValue = "CN", paramLabel = "R", description = "Region code (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--out", required = true, paramLabel = "FILE.md", description = "The file to write (replaced).")
    Path out;

    @Option(names = "--classification", paramLabel = "TEXT",
            description = "The classification line (default: 内部资料 注意保密 / Internal — do not distribute).")
    String classification;

    @Override
    public Integer call() {
        Locale locale = root.messageLocale(); // --lang zh|en, as for every command
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".md")) {
            throw new Problem("briefing_format", "cannot write " + out + ": only Markdown (.md) briefings are built"
                    + " so far; PDF and PNG are not", out.toString());
        }
        Path target = out.toAbsolutePath();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new Problem("out_unusable", "cannot write " + out, out.toString());
        }
        StatsQuery query = new StatsQuery(PeriodOption.parse(period), region, null);
        try (AppServices services = root.openServices(true)) {
            NarrativeService.Briefing briefing = services.narratives().briefing(query, locale, classification,
                    services.datasets().dataChangedAt().orElse(null), ZoneId.systemDefault());
            Narrative narrative = briefing.narrative();
            String md = briefing.markdown();
            Path tmp = target.resolveSibling(target.getFileName() + ".part");
            Files.writeString(tmp, md, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            root.out().printf("wrote the briefing of %s, %s to %s (%d paragraphs)%n", period, region, out,
                    narrative.paragraphs().size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return ExitCodes.OK;
    }
}
