package org.antifraud.cc.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.antifraud.cc.persistence.Database;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code passphrase change}: re-keys an encrypted database (or encrypts a plain one); it must be closed. */
@Command(name = "passphrase", mixinStandardHelpOptions = true,
        description = "The passphrase of an encrypted database.",
        subcommands = PassphraseCommand.Change.class)
final class PassphraseCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Override
    public Integer call() {
        root.err().println("passphrase: use 'passphrase change'");
        return ExitCodes.BAD_INPUT;
    }

    @Command(name = "change", mixinStandardHelpOptions = true,
            description = "Re-key the database with a new passphrase (a plain database becomes encrypted)."
                    + " The window must be closed.")
    static final class Change implements Callable<Integer> {
        @ParentCommand
        PassphraseCommand parent;

        @Option(names = "--new-passphrase-file", paramLabel = "FILE",
                description = "File whose first line is the new passphrase (else it is asked for twice).")
        Path newPassphraseFile;

        @Override
        public Integer call() {
            CommandCenterCli root = parent.root;
            LogSetup.toDataDir(root.dataDir());
            char[] current = root.passphraseIfEncrypted();
            char[] next = null;
            try {
                next = root.passphrase().readNew(newPassphraseFile, "new passphrase");
                Passphrase.requireStrongEnough(next);
                Database.changePassphrase(root.dataDir(), current, next);
                root.out().println((current == null ? "encrypted " : "passphrase changed for ")
                        + root.dataDir().toAbsolutePath());
                return ExitCodes.OK;
            } finally {
                Passphrase.clear(current);
                Passphrase.clear(next);
            }
        }
    }
}
