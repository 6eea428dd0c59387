package org.antifraud.cc.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.service.exchange.InterchangeService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.ui.common.I18n;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports CSV files of measurements, den takedowns, warning batches or cases "
                + "(docs/csv-format.md; the type is told from the header). Each file goes in whole or not at all, "
                + "in one transaction, audited.",
                "Every problem of a file is listed as FILE:LINE: COLUMN: message and nothing of that file is "
                        + "imported (exit 2). Importing the same file again changes nothing."})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files to import, one transaction each.")
    List<Path> files;

    @Override
    public Integer call() {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new Problem("file_missing", "no such file: " + f, f.toString());
            }
        }
        int exit = ExitCodes.OK;
        try (AppServices services = root.openServices(true)) {
            I18n i18n = new I18n(root.messageLocale());
            for (Path f : files) {
                InterchangeService.FileImport result = services.interchange().importFile(f,
                        new RecordService.ImportListener() {
                            @Override
                            public void waiting() { // one line, then the import runs when the other has finished
                                root.err().println(i18n.get("import.waiting", f.toString()));
                                root.err().flush();
                            }
                        });
                if (!result.ok()) {
                    result.read().render(i18n.bundle()).forEach(root.err()::println);
                    root.err().println(i18n.get("import.rejected", f.toString()));
                    exit = ExitCodes.BAD_INPUT;
                    continue;
                }
                var s = result.summary();
                root.out().println(i18n.get("import.done", f.toString(), s.rows(), s.added(), s.updated(), s.unchanged()));
            }
        }
        return exit;
    }
}
