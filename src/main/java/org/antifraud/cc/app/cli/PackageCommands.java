package org.antifraud.cc.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.service.backup.OutputPaths;
import org.antifraud.cc.service.exchange.PackageService;
import org.antifraud.cc.service.exchange.StationKeys;
import org.antifraud.cc.ui.common.I18n;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code export-package} and {@code import-package}: records and their audit trail between workstations. */
final class PackageCommands {
    /** Exit status of {@code import-package} when conflicts were left for a person to decide. */
    static final int CONFLICTS = 3;

    private PackageCommands() {
    }

    @Command(name = "export-package", mixinStandardHelpOptions = true,
            description = "Writes every record and this workstation's audit trail into a field-station package (zip),"
                    + " signed with this workstation's key (station id).")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        CommandCenterCli root;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The package to write (replaced).")
        Path out;

        @Option(names = "--to", paramLabel = "STATION_KEY_FILE",
                description = "Encrypt the package to this workstation's key file (headquarters' station key --out): "
                        + "only it can read the package. Required when this data folder is encrypted.")
        Path to;

        @Override
        public Integer call() {
            Path target = OutputPaths.check(root.dataDir(), out);
            if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
                throw new Problem("out_unusable", "cannot write " + out, out.toString());
            }
            StationKeys.KeyFile recipient = null;
            if (to != null) {
                if (!Files.isRegularFile(to)) {
                    throw new Problem("file_missing", "no such file: " + to, to.toString());
                }
                recipient = StationKeys.readKeyFile(to);
            }
            try (AppServices services = root.openServices(true)) {
                long n = services.packages().export(target, services.operator(), recipient);
                root.out().printf("wrote %d records and the audit trail to %s (station %s, signed with key %s%s)%n", n,
                        out, services.packages().stationId(),
                        StationKeys.grouped(services.packages().signerFingerprint()),
                        recipient == null ? "" : ", encrypted to " + recipient.label());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "import-package", mixinStandardHelpOptions = true,
            description = {"Checks that the package is signed by this workstation or a station trusted here (station trust)"
                    + " and unchanged since, else refuses it (exit 2, nothing imported). "
                    + "Merges a field-station package by id, in one transaction: new records are added, records "
                    + "the station changed after seeing them are updated, records changed here in a way the station "
                    + "never saw are conflicts, listed and not overwritten (exit 3). Importing twice changes nothing."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        CommandCenterCli root;

        @Parameters(index = "0", paramLabel = "FILE", description = "The package.")
        Path file;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new Problem("file_missing", "no such file: " + file, file.toString());
            }
            try (AppServices services = root.openServices(true)) {
                PackageService.Result r = services.packages().importPackage(file);
                if (!r.problems().isEmpty()) {
                    r.problems().forEach(root.err()::println);
                    root.err().println(file + ": nothing imported");
                    return ExitCodes.BAD_INPUT;
                }
                for (PackageService.Conflict c : r.conflicts()) {
                    root.out().printf("conflict: %s %s differs here and there (%s); kept as it is here%n",
                            c.kind().code(), c.key(), String.join(", ", c.fields()));
                }
                root.out().printf("%s: %d new, %d updated, %d unchanged, %d conflicting; %d audit entries of the"
                        + " station kept%n", file, r.added(), r.updated(), r.unchanged(), r.conflicts().size(),
                        r.auditEntries());
                var declared = r.submissions();
                if (declared.added() + declared.updated() + declared.unchanged() > 0) {
                    root.out().println(new I18n(root.messageLocale()).get(
                            "package.submissions", declared.added(), declared.updated(), declared.unchanged()));
                }
                return r.conflicts().isEmpty() ? ExitCodes.OK : CONFLICTS;
            }
        }
    }
}
