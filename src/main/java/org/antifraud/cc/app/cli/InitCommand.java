package org.antifraud.cc.app.cli;

import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.Database;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create the database: with the report and the demo breakdown, or with --empty the catalogs only.")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Option(names = "--empty", description = "Catalogs only: no report figures, no demo data.")
    boolean empty;

    @Option(names = "--encrypt", description = "Encrypt the new database (AES) under a passphrase:"
            + " --passphrase-file FILE, the environment variable CC_PASSPHRASE, or typed twice.")
    boolean encrypt;

    @Override
    public Integer call() {
        try (AppServices services = open()) {
            if (empty) {
                services.datasets().initialiseEmpty();
                services.audit().adoptBaseline();
                root.out().println("initialised an empty database in " + services.dataDir().toAbsolutePath());
            } else {
                boolean loaded = services.datasets().initialiseIfNew();
                services.audit().adoptBaseline();
                root.out().println(loaded
                        ? "initialised " + services.dataDir().toAbsolutePath() + " with the 2022 report and the demo breakdown"
                        : "already initialised: " + services.dataDir().toAbsolutePath());
            }
        }
        return ExitCodes.OK;
    }

    private AppServices open() {
        if (!encrypt || Database.exists(root.dataDir()) && Database.encrypted(root.dataDir())) {
            return root.openServices(false);
        }
        if (Database.exists(root.dataDir())) {
            throw new Problem("database_exists_plain", "the database in " + root.dataDir().toAbsolutePath()
                    + " exists and is not encrypted; encrypt it with: passphrase change", root.dataDir().toAbsolutePath());
        }
        LogSetup.toDataDir(root.dataDir());
        char[] passphrase = root.passphrase().readForNew("passphrase for the new database");
        try {
            Passphrase.requireStrongEnough(passphrase);
            return AppServices.openWithoutSeeding(root.dataDir(), passphrase);
        } finally {
            Passphrase.clear(passphrase);
        }
    }
}
