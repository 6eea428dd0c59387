package org.antifraud.cc.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Figure;
import org.antifraud.cc.domain.IndicatorStat;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.service.backup.OutputPaths;
import org.antifraud.cc.service.figures.ExplainService;
import org.antifraud.cc.service.figures.ExplainService.Behind;
import org.antifraud.cc.service.figures.ExplainService.Explanation;
import org.antifraud.cc.service.figures.InstructionFigures;
import org.antifraud.cc.ui.common.I18n;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "What is behind one figure (issue 16): its value, basis, coverage and source, and the records it"
                + " was computed from (or their count and a CSV file with --out).")
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Option(names = "--indicator", required = true, paramLabel = "CODE", description = "The indicator.")
    String indicator;

    @Option(names = "--period", required = true, paramLabel = "P", description = "YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or a..b.")
    String period;

    @Option(names = "--region", defaultValue = "CN", paramLabel = "R", description = "Region code (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "Write every record to this CSV file (the columns of export; another kind beside it as NAME-TYPE.csv).")
    Path out;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N",
            description = "Records printed without --out (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        Period p = PeriodOption.parse(period);
        if (!format.equals("json") && !format.equals("text")) {
            throw new Problem("bad_option", "bad --format: " + format + " (text or json)", "--format", format);
        }
        if (limit < 0) {
            throw new Problem("bad_option", "bad --limit: " + limit, "--limit", String.valueOf(limit));
        }
        Path target = null;
        if (out != null) {
            target = OutputPaths.check(root.dataDir(), out);
            if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
                throw new Problem("out_unusable", "cannot write " + out, out.toString());
            }
        }
        try (AppServices services = root.openServices(false)) {
            // bad input must not load the first-use datasets: check against the catalogs before that
            services.stats().check(new StatsQuery(p, region, null), List.of(indicator));
            services.datasets().initialiseIfNew();
            Explanation e = services.explain().explain(indicator, region, p);
            List<Path> files = target == null ? List.of() : ExplainService.writeCsv(e, target);
            int shown = target == null ? Math.min(limit, e.records().size()) : 0;
            Locale locale = root.messageLocale();
            root.out().print(format.equals("json") ? json(e, files, shown)
                    : text(e, files, shown, services, new I18n(locale)));
            root.out().flush();
        }
        return ExitCodes.OK;
    }

    private static String text(Explanation e, List<Path> files, int shown, AppServices services, I18n i18n) {
        Locale locale = i18n.locale();
        String nl = System.lineSeparator();
        IndicatorStat s = e.stat();
        Figure v = e.figure();
        StringBuilder sb = new StringBuilder();
        String regionName = services.catalog().region(e.regionCode()).map(r -> r.name(locale)).orElse("");
        sb.append(s.indicator().code()).append("  ").append(s.indicator().name(locale)).append("  ")
                .append(e.regionCode()).append(' ').append(regionName).append("  ").append(e.period().code()).append(nl);
        String value = v.isKnown() ? (v.isPartial() ? ">=" : "") + StatsJson.number(v.value())
                + (v.qualifier() == null ? "" : " (" + v.qualifier().code() + ")") : "-";
        sb.append(i18n.get("explain.value", value)).append(nl);
        sb.append(i18n.get("explain.basis", v.basis() == null ? "-" : i18n.get("explain.basis." + v.basis().code())))
                .append(nl);
        if (v.isKnown() && v.basis() == Basis.COMPUTED && v.coverage() != null) {
            sb.append(i18n.get("explain.coverage", String.valueOf(v.coverage().submitted()),
                    String.valueOf(v.coverage().expected()),
                    i18n.get(v.isComplete() ? "explain.complete" : "explain.partial"))).append(nl);
        }
        if (s.change() != null) {
            sb.append(i18n.get("explain.change", StatsJson.percent(s.change().pct()), s.change().basis().code()))
                    .append(nl);
        }
        if (e.source() != null) {
            sb.append(i18n.get("explain.source", e.source().title(), e.source().sentence())).append(nl);
        }
        if (v.basis() == Basis.SYNTHETIC_DEMO) {
            sb.append(i18n.get("explain.demo")).append(nl);
        }
        if (v.basis() == Basis.COMPUTED) {
            if (files.isEmpty()) {
                sb.append(i18n.get("explain.records", String.valueOf(e.records().size()), String.valueOf(shown)))
                        .append(nl);
                if (InstructionFigures.TIMED.contains(s.indicator().code())) {
                    sb.append(i18n.get("explain.timed." + s.indicator().code())).append(nl);
                }
                for (Behind b : e.records().subList(0, shown)) {
                    sb.append("  ").append(b.day()).append("  ").append(b.record().regionCode()).append("  ")
                            .append(b.record().kind().code()).append("  +").append(StatsJson.number(b.adds()))
                            .append("  ").append(b.record().key()).append(nl);
                }
            } else {
                sb.append(i18n.get("explain.written", String.valueOf(e.records().size()), files.getFirst().toString()))
                        .append(nl);
                files.stream().skip(1).forEach(f -> sb.append(i18n.get("explain.also_written", f.toString())).append(nl));
            }
        }
        return sb.toString();
    }

    /** {@code {"indicator","region","period","value","basis","qualifier","complete","coverage","change_pct","source",
     *  "records_count","records":[{"kind","key","day","region","adds"}],"csv":[paths]}}. */
    private static String json(Explanation e, List<Path> files, int shown) {
        Figure v = e.figure();
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\"indicator\":").append(StatsJson.string(e.stat().indicator().code()))
                .append(",\"region\":").append(StatsJson.string(e.regionCode()))
                .append(",\"period\":").append(StatsJson.string(e.period().code()))
                .append(",\"value\":").append(StatsJson.number(v.value()))
                .append(",\"basis\":").append(v.basis() == null ? "null" : StatsJson.string(v.basis().code()))
                .append(",\"qualifier\":").append(v.qualifier() == null ? "null" : StatsJson.string(v.qualifier().code()))
                .append(",\"complete\":").append(v.isKnown() ? String.valueOf(v.isComplete()) : "null")
                .append(",\"coverage\":").append(v.isKnown() && v.basis() == Basis.COMPUTED && v.coverage() != null
                        ? "{\"submitted\":" + v.coverage().submitted() + ",\"expected\":" + v.coverage().expected() + "}"
                        : "null")
                .append(",\"change_pct\":").append(e.stat().change() == null ? "null"
                        : StatsJson.percent(e.stat().change().pct()))
                .append(",\"source\":").append(e.source() == null ? "null"
                        : "{\"title\":" + StatsJson.string(String.valueOf(e.source().title())) + ",\"sentence\":"
                        + StatsJson.string(String.valueOf(e.source().sentence())) + "}")
                .append(",\"records_count\":").append(e.records().size())
                .append(",\"records\":[");
        for (int i = 0; i < shown; i++) {
            Behind b = e.records().get(i);
            sb.append(i == 0 ? "" : ",").append("{\"kind\":").append(StatsJson.string(b.record().kind().code()))
                    .append(",\"key\":").append(StatsJson.string(String.valueOf(b.record().key())))
                    .append(",\"day\":").append(StatsJson.string(b.day().toString()))
                    .append(",\"region\":").append(StatsJson.string(b.record().regionCode()))
                    .append(",\"adds\":").append(StatsJson.number(b.adds())).append('}');
        }
        sb.append("],\"csv\":[");
        for (int i = 0; i < files.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(StatsJson.string(files.get(i).toString()));
        }
        return sb.append("]}").append(System.lineSeparator()).toString();
    }
}
