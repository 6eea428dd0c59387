package org.antifraud.cc.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.service.backup.OutputPaths;
import org.antifraud.cc.service.csv.CsvFileType;
import org.antifraud.cc.ui.common.I18n;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes records of one type to a CSV file that imports back exactly (docs/csv-format.md); cells "
                + "beginning with = + - @ are neutralised against spreadsheet formulas and still round-trip.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Option(names = "--type", required = true, paramLabel = "measurements|dens|warnings|cases|instructions",
            description = "What to export.")
    String type;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write (replaced).")
    Path out;

    @Option(names = "--period", paramLabel = "P", description = "Only records in this period (2022, 2022-Q1, 2022-03, a..b).")
    String period;

    @Option(names = "--region", paramLabel = "R", description = "Only records of this region or inside it.")
    String region;

    @Override
    public Integer call() {
        CsvFileType fileType = CsvFileType.fromCode(type).orElseThrow(() -> new Problem("bad_option",
                "bad --type: " + type + " (" + CsvFileType.codes() + ")", "--type", type));
        Period p = period == null ? null : PeriodOption.parse(period);
        Path target = OutputPaths.check(root.dataDir(), out);
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new Problem("out_unusable", "cannot write " + out, out.toString());
        }
        try (AppServices services = root.openServices(true)) {
            long n = services.interchange().export(fileType, target, p, region);
            root.out().println(new I18n(root.messageLocale()).get("export.done", n, out.toString()));
        }
        return ExitCodes.OK;
    }
}
