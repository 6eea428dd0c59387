package org.antifraud.cc.app.cli;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.service.briefing.CjkFonts;
import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.PdfDeckWriter;
import org.antifraud.cc.service.briefing.SlideKind;
import org.antifraud.cc.service.briefing.SlidePalette;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "briefing", mixinStandardHelpOptions = true,
        description = {"Times a 10-slide PDF briefing on the database as it is (the default one unless --data-dir): "
                + "reading the figures, painting, embedding the font and writing, as `briefing --out FILE.pdf` does. "
                + "Runs several times in one JVM and reports the first (cold) run and the median of the rest."})
final class BenchBriefingCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--period", paramLabel = "P", description = "Period (default: the latest year with data).")
    String period;

    @Override
    public Integer call() {
        CommandCenterCli root = bench.root;
        Path font = CjkFonts.locate();
        // the nine slides and the headline again: ten pages
        List<SlideKind> ten = new ArrayList<>(SlideKind.all());
        ten.add(SlideKind.HEADLINE);
        try (AppServices services = root.openServices(true)) {
            String p = period != null ? period : services.datasets().latestYear().map(String::valueOf).orElse("2022");
            StatsQuery query = new StatsQuery(PeriodOption.parse(p), "CN", null);
            List<Double> seconds = new ArrayList<>();
            long bytes = 0;
            for (int run = 1; run <= Math.max(2, runs); run++) {
                long t0 = System.nanoTime();
                Deck deck = services.decks().deck(query, Locale.SIMPLIFIED_CHINESE, ten, null);
                ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                new PdfDeckWriter(services.slidePainter(), font).write(deck, SlidePalette.LIGHT, pdf, x -> { }, () -> false);
                double s = (System.nanoTime() - t0) / 1e9;
                bytes = pdf.size();
                seconds.add(s);
                root.out().printf(Locale.ROOT, "run %d: %d pages, %,d bytes, %.3f s%n", run, deck.size(), bytes, s);
            }
            List<Double> warm = new ArrayList<>(seconds.subList(1, seconds.size()));
            warm.sort(null);
            double median = warm.get(warm.size() / 2);
            root.out().printf(Locale.ROOT, "font: %s%nmachine: %d cores, Java %s%n", font,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            root.out().printf(Locale.ROOT, "cold %.3f s, warm median %.3f s (target: 3 s)%n", seconds.getFirst(), median);
            root.out().printf(Locale.ROOT, "{\"pages\":10,\"bytes\":%d,\"cold_s\":%.3f,\"warm_median_s\":%.3f}%n", bytes,
                    seconds.getFirst(), median);
        }
        return ExitCodes.OK;
    }
}
