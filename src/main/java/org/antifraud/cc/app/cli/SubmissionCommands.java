package org.antifraud.cc.app.cli;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Granularity;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.SubmissionState;
import org.antifraud.cc.service.records.SubmissionService;
import org.antifraud.cc.ui.common.I18n;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code submit}, {@code reopen} and {@code submissions}: provinces declaring a month of one kind of record
 * complete, reopening it with a reason, and where every province stands (issue 12).
 */
final class SubmissionCommands {
    private static final String ORIGIN = "cli";

    private SubmissionCommands() {
    }

    /** Which months of which kind for which provinces: what {@code submit} and {@code reopen} both name. */
    static final class Target {
        @Option(names = "--kind", required = true, paramLabel = "dens|warnings|cases|instructions", description = "The kind of record.")
        String kind;

        @Option(names = "--region", required = true, paramLabel = "CN-GD[,CN-GX…]|all",
                description = "Provinces (comma-separated), or all 31.")
        String region;

        @Option(names = "--period", required = true, paramLabel = "YYYY-MM|YYYY", description = "A month, or a year's 12 months.")
        String period;
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = {"Declares the records of one kind complete for provinces and months, in one audited "
                    + "transaction. Submitting a submitted month changes nothing."})
    static final class Submit implements Callable<Integer> {
        @ParentCommand
        CommandCenterCli root;

        @Mixin
        Target target;

        @Override
        public Integer call() {
            SubmissionKind k = SubmissionService.kind(target.kind);
            List<YearMonth> months = months(target.period);
            try (AppServices services = root.openServices(true)) {
                List<String> units = units(target.region, services.submissions());
                SubmissionService.Outcome o = services.submissions().submit(k, units, months, ORIGIN);
                I18n i18n = new I18n(root.messageLocale());
                root.out().println(i18n.get("submission.submitted", o.total(), k.code(), who(units, i18n), o.unchanged()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true,
            description = {"Reopens submitted months of one kind of record for provinces, with the reason, in one "
                    + "audited transaction. Every month must be submitted."})
    static final class Reopen implements Callable<Integer> {
        @ParentCommand
        CommandCenterCli root;

        @Mixin
        Target target;

        @Option(names = "--reason", required = true, paramLabel = "TEXT",
                description = "Why the months are reopened (at most " + Submission.MAX_REASON + " characters).")
        String reason;

        @Override
        public Integer call() {
            SubmissionKind k = SubmissionService.kind(target.kind);
            List<YearMonth> months = months(target.period);
            String why = SubmissionService.reason(reason);
            try (AppServices services = root.openServices(true)) {
                List<String> units = units(target.region, services.submissions());
                SubmissionService.Outcome o = services.submissions().reopen(k, units, months, why, ORIGIN);
                I18n i18n = new I18n(root.messageLocale());
                root.out().println(i18n.get("submission.reopened", o.changed(), k.code(), who(units, i18n)));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "submissions", mixinStandardHelpOptions = true,
            description = {"Where every province stands, per kind and month: submitted, reopened or open."})
    static final class Show implements Callable<Integer> {
        @ParentCommand
        CommandCenterCli root;

        @Option(names = "--period", required = true, paramLabel = "YYYY-MM|YYYY", description = "A month, or a year's 12 months.")
        String period;

        @Option(names = "--kind", paramLabel = "dens|warnings|cases|instructions", description = "Only this kind (default: all four).")
        String kind;

        @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
                description = "Output format (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() {
            List<YearMonth> months = months(period);
            List<SubmissionKind> kinds = kind == null ? List.of(SubmissionKind.values())
                    : List.of(SubmissionService.kind(kind));
            if (!format.equals("json") && !format.equals("table")) {
                throw new Problem("bad_format", "unknown format: " + format + " (json or table)", format);
            }
            try (AppServices services = root.openServices(true)) {
                Map<String, Submission> stored = new HashMap<>();
                services.submissions().within(months.getFirst(), months.getLast())
                        .forEach(s -> stored.put(s.entityId(), s));
                List<String> units = services.submissions().units();
                root.out().print(format.equals("json") ? json(period, units, kinds, months, stored)
                        : table(units, kinds, months, stored, new I18n(root.messageLocale())));
                root.out().flush();
            }
            return ExitCodes.OK;
        }

        private static String json(String period, List<String> units, List<SubmissionKind> kinds,
                                   List<YearMonth> months, Map<String, Submission> stored) {
            StringBuilder sb = new StringBuilder(64 * 1024);
            sb.append("{\"period\":").append(StatsJson.string(period)).append(",\"submissions\":[");
            boolean first = true;
            for (String unit : units) {
                for (SubmissionKind k : kinds) {
                    for (YearMonth m : months) {
                        Submission s = stored.get(Submission.entityId(unit, m, k));
                        sb.append(first ? "" : ",").append("\n{\"region\":").append(StatsJson.string(unit))
                                .append(",\"month\":").append(StatsJson.string(m.toString()))
                                .append(",\"kind\":").append(StatsJson.string(k.code()))
                                .append(",\"state\":").append(StatsJson.string(
                                        (s == null ? SubmissionState.OPEN : s.state()).code()))
                                .append(",\"changed_by\":").append(s == null ? "null" : StatsJson.string(s.changedBy()))
                                .append(",\"changed_at\":").append(s == null ? "null"
                                        : StatsJson.string(s.changedAt().toString()))
                                .append(",\"reason\":").append(s == null || s.reason() == null ? "null"
                                        : StatsJson.string(s.reason()))
                                .append('}');
                        first = false;
                    }
                }
            }
            return sb.append("\n]}\n").toString();
        }

        private static String table(List<String> units, List<SubmissionKind> kinds, List<YearMonth> months,
                                    Map<String, Submission> stored, I18n i18n) {
            StringBuilder sb = new StringBuilder(16 * 1024);
            sb.append(String.format("%-6s %-9s", i18n.get("submission.column.region"), i18n.get("submission.column.kind")));
            for (YearMonth m : months) {
                sb.append(' ').append(m);
            }
            sb.append('\n');
            for (String unit : units) {
                for (SubmissionKind k : kinds) {
                    sb.append(String.format("%-6s %-9s", unit, k.code()));
                    for (YearMonth m : months) {
                        Submission s = stored.get(Submission.entityId(unit, m, k));
                        String mark = s == null ? "-" : s.isSubmitted() ? "S" : "R";
                        sb.append(' ').append(String.format("%-7s", mark));
                    }
                    sb.append('\n');
                }
            }
            return sb.append(i18n.get("submission.legend")).append('\n').toString();
        }
    }

    /** A month, or a year's twelve months; anything else is bad input. */
    static List<YearMonth> months(String text) {
        Period p = PeriodOption.parse(text);
        if (p.granularity() == Granularity.MONTH) {
            return List.of(YearMonth.from(p.start()));
        }
        if (p.granularity() == Granularity.YEAR) {
            List<YearMonth> months = new ArrayList<>(12);
            for (int m = 1; m <= 12; m++) {
                months.add(YearMonth.of(p.start().getYear(), m));
            }
            return months;
        }
        throw new Problem("submission_period", text + " is not a month or a year: a submission covers a month (YYYY-MM),"
                + " or the 12 months of a year (YYYY)", text);
    }

    /** {@code all}, or comma-separated codes (each checked by the service). */
    static List<String> units(String text, SubmissionService submissions) {
        if (text.strip().equalsIgnoreCase("all")) {
            return submissions.units();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String code = part.strip();
            if (code.isEmpty()) {
                throw new Problem("unknown_region", "unknown region: " + text, text);
            }
            codes.add(code);
        }
        List<String> units = List.copyOf(codes);
        units.forEach(submissions::checkUnit); // before anything is written
        return units;
    }

    /** The provinces as named in a summary: up to three codes, else how many. */
    private static String who(List<String> units, I18n i18n) {
        return units.size() <= 3 ? String.join(",", units) : i18n.get("submission.provinces", units.size());
    }
}
