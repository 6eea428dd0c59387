package org.antifraud.cc.app.cli;

import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.service.AuditService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"The audit trail of every insert, update and delete of records and figures.",
                "audit verify: recomputes the chain of hashes and compares every record with its last audited "
                        + "state; names each entry that was changed and each record changed, added or deleted "
                        + "outside the application. Exit 0 when all is intact, 3 when something is not."})
final class AuditCommand implements Callable<Integer> {
    /** Exit status of {@code audit verify} when the trail or the records do not match. */
    static final int NOT_INTACT = 3;

    @ParentCommand
    CommandCenterCli root;

    @Parameters(index = "0", paramLabel = "verify", description = "What to do: verify.")
    String action;

    @Override
    public Integer call() {
        if (!"verify".equals(action)) {
            throw new org.antifraud.cc.domain.Problem("bad_option", "unknown audit action: " + action + " (verify)",
                    "audit", action);
        }
        try (AppServices services = root.openServices(false)) {
            AuditService.Report report = services.audit().verify();
            var out = root.out();
            if (report.brokenAtSeq() != null) {
                out.printf("audit trail broken at entry %d: %s%n", report.brokenAtSeq(), report.brokenReason());
            }
            for (AuditService.Finding f : report.findings()) {
                switch (f.kind()) {
                    case CHANGED -> out.printf("%s %s: changed outside the application (%s)%n", f.entity(), f.entityId(),
                            String.join(", ", f.fields()));
                    case NOT_IN_TRAIL -> out.printf("%s %s: added outside the application (not in the audit trail)%n",
                            f.entity(), f.entityId());
                    case DELETED -> out.printf("%s %s: deleted outside the application%n", f.entity(), f.entityId());
                }
            }
            if (report.intact()) {
                out.printf("audit trail intact: %,d entries, every record matches its last entry%n", report.entries());
                return ExitCodes.OK;
            }
            out.printf("audit trail NOT intact: %d finding(s)%s%n", report.findings().size(),
                    report.brokenAtSeq() == null ? "" : ", chain broken");
            return NOT_INTACT;
        }
    }
}
