package org.antifraud.cc.app.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.InstructionCut;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.StatsQuery;
import org.antifraud.cc.domain.StatsReport;
import org.antifraud.cc.service.figures.InstructionFigures;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Every catalog indicator for a period and region, by the aggregation rule.")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Option(names = "--period", required = true, paramLabel = "P", description = "YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD.")
    String period;

    @Option(names = "--region", defaultValue = "CN", paramLabel = "R", description = "Region code (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--campaign", paramLabel = "C", description = "Only figures of this campaign.")
    String campaign;

    @Option(names = "--indicator", paramLabel = "CODE", split = ",",
            description = "Only these indicators (repeatable or comma-separated; default: all).")
    List<String> indicators;

    @Option(names = "--tier", paramLabel = "national|provincial|local",
            description = "Only warning instructions of this tier (their six figures only; issue 17).")
    String tier;

    @Option(names = "--risk", paramLabel = "high|medium|low",
            description = "Only warning instructions of this risk level (their six figures only; issue 17).")
    String risk;

    @Option(names = "--format", defaultValue = "table", paramLabel = "json|table", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        Period p = PeriodOption.parse(period);
        if (!format.equals("json") && !format.equals("table")) {
            throw new Problem("bad_format", "unknown format: " + format + " (json or table)", format);
        }
        InstructionCut cut = new InstructionCut(tier == null ? null : tier(tier),
                risk == null ? null : risk(risk));
        try (AppServices services = root.openServices(false)) {
            List<String> codes = indicators != null ? indicators
                    : !cut.none() ? InstructionFigures.ALL
                    : services.catalog().indicators().stream().map(Indicator::code).toList();
            StatsQuery query = new StatsQuery(p, region, campaign);
            // bad input must not load the first-use datasets: check against the catalogs before that
            services.stats().check(query, codes);
            services.datasets().initialiseIfNew();
            StatsReport report = services.stats().stats(query, codes, cut);
            root.out().print(format.equals("json")
                    ? StatsJson.render(report)
                    : StatsTable.render(report, services.catalog(), root.messageLocale()));
            root.out().flush();
        }
        return ExitCodes.OK;
    }

    private static InstructionTier tier(String code) {
        try {
            return InstructionTier.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new Problem("unknown_tier", "unknown tier: " + code + " (national, provincial, local)", code);
        }
    }

    private static RiskLevel risk(String code) {
        try {
            return RiskLevel.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new Problem("unknown_risk_level", "unknown risk level: " + code + " (high, medium, low)", code);
        }
    }
}
