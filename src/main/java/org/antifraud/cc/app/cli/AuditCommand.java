package org.antifraud.cc.app.cli;

import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.service.audit.AuditService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"The audit trail of every insert, update and delete of records and figures (ADR 0020, 0027).",
                "audit verify: recomputes the chain of hashes and every entry's seal (HMAC with this workstation's "
                        + "audit key), checks the trail against its anchor outside the database and its baseline, "
                        + "compares every record with its last audited state and every rollup cell with the raw rows; "
                        + "names each entry, record or cell that does not match. Exit 0 when all is intact, 3 when "
                        + "something is not, 4 when it cannot verify (the key is missing). On a shared database "
                        + "(--db) the trail is a chain per workstation key and user (ADR 0034): this workstation's "
                        + "chains are checked to their seals, the others to their hashes.",
                "audit log: the latest changes, newest first: number, time, who (the operating-system account, "
                        + "or on a shared database the database user, with the name declared in Settings), action, "
                        + "record.",
                "audit fingerprint: the trail's last entry as #NUMBER and a short fingerprint (printed on "
                        + "briefings); with --at N, the fingerprint entry N has now, to compare with a printed one."})
final class AuditCommand implements Callable<Integer> {
    /** Exit status of {@code audit verify} when the trail or the records do not match. */
    static final int NOT_INTACT = 3;
    /** Exit status of {@code audit verify} when the trail is sealed and this workstation has no key. */
    static final int CANNOT_VERIFY = 4;

    @ParentCommand
    CommandCenterCli root;

    @Parameters(index = "0", paramLabel = "verify|log|fingerprint", description = "What to do: verify, log, fingerprint.")
    String action;

    @Option(names = "--limit", paramLabel = "N", description = "audit log: at most N changes (default 50).")
    int limit = 50;

    @Option(names = "--at", paramLabel = "N", description = "audit fingerprint: of entry N instead of the last.")
    Long at;

    @Override
    public Integer call() {
        if (!"verify".equals(action) && !"log".equals(action) && !"fingerprint".equals(action)) {
            throw new Problem("bad_option", "unknown audit action: " + action
                    + " (verify, log, fingerprint)", "audit", action);
        }
        try (AppServices services = root.openServices(false)) {
            return switch (action) {
                case "log" -> log(services);
                case "fingerprint" -> fingerprint(services);
                default -> verify(services);
            };
        }
    }

    private int log(AppServices services) {
        for (AuditEntry e : services.audit().entries(null, null, null, null, Math.max(1, limit))) {
            root.out().printf("%d\t%s\t%s\t%s\t%s %s\t%s%n", e.seq(), e.recordedAt(), e.who(), e.action(), e.entity(),
                    e.entityId(), e.origin());
        }
        return ExitCodes.OK;
    }

    private int fingerprint(AppServices services) {
        var found = at == null ? services.audit().headFingerprint() : services.audit().fingerprintAt(at);
        if (found.isEmpty()) {
            root.out().println(at == null ? "the audit trail is empty" : "the audit trail has no entry " + at);
            return at == null ? ExitCodes.OK : NOT_INTACT;
        }
        root.out().println(found.get());
        return ExitCodes.OK;
    }

    private int verify(AppServices services) {
        AuditService.Report report = services.audit().verify();
        var out = root.out();
        if (report.keyMissing()) {
            out.println("cannot verify: the key is missing (the audit trail is sealed with a key this workstation"
                    + " no longer has)");
        }
        if (report.brokenAtSeq() != null) {
            out.printf("audit trail broken at entry %d: %s%n", report.brokenAtSeq(), report.brokenReason());
        }
        for (String problem : report.problems()) {
            if (!report.keyMissing() || !problem.startsWith("cannot verify")) {
                out.println(problem);
            }
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
        for (var d : report.rollups()) {
            out.println("rollup differs from the raw rows: " + AuditService.describe(d));
        }
        if (report.intact()) {
            out.printf("audit trail intact: %,d entries, every record matches its last entry, every rollup its raw"
                    + " rows%n", report.entries());
            if (report.chains() > 1) {
                // a shared database (ADR 0034): a chain per workstation key and user
                out.printf("%d chains: %d sealed with this workstation's key and checked to their seals, the others"
                        + " to their hashes (each workstation checks its own seals)%n", report.chains(),
                        report.chainsSealedHere());
            }
            services.audit().headFingerprint().ifPresent(f -> out.println("last entry " + f));
            return ExitCodes.OK;
        }
        if (report.keyMissing()) {
            return CANNOT_VERIFY;
        }
        out.printf("audit trail NOT intact: %d finding(s), %d rollup cell(s), %d problem(s)%s%n",
                report.findings().size(), report.rollups().size(), report.problems().size(),
                report.brokenAtSeq() == null ? "" : ", chain broken");
        return NOT_INTACT;
    }
}
