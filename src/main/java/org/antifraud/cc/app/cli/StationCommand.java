package org.antifraud.cc.app.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.TrustedStation;
import org.antifraud.cc.service.exchange.StationKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code station}: this workstation's signing key and the stations whose packages it accepts (issue 13). */
@Command(name = "station", mixinStandardHelpOptions = true,
        description = "Field-station keys: this workstation's key, and the stations whose signed packages it accepts.",
        subcommands = {StationCommand.Key.class, StationCommand.Id.class, StationCommand.Trust.class,
                StationCommand.ListTrusted.class, StationCommand.Revoke.class, StationCommand.Rotate.class})
final class StationCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Override
    public Integer call() {
        root.err().println("station: give a subcommand (key, id, trust, list, revoke, rotate); see station --help");
        return ExitCodes.BAD_INPUT;
    }

    private static String label(AppServices services, String name) {
        String station = services.packages().stationId();
        return name == null || name.isBlank() ? "station " + station.substring(0, 8) : name.strip();
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
            description = "Writes this workstation's public key file, for headquarters to trust (station trust FILE).")
    static final class Key implements Callable<Integer> {
        @ParentCommand
        StationCommand station;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The key file to write (replaced).")
        Path out;

        @Option(names = "--name", paramLabel = "LABEL", description = "How headquarters will see this station.")
        String name;

        @Override
        public Integer call() throws Exception {
            Path target = out.toAbsolutePath();
            if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
                throw new Problem("out_unusable", "cannot write " + out, out.toString());
            }
            if (name != null && name.strip().length() > 100) {
                throw new Problem("station_label_too_long", "a station label is at most 100 characters", 100);
            }
            try (AppServices services = station.root.openServices(true)) {
                StationKeys keys = services.stationKeys();
                Files.writeString(target, keys.keyFileText(services.packages().stationId(), label(services, name)),
                        StandardCharsets.UTF_8);
                station.root.out().printf("wrote the public key of station %s (key %s) to %s%n",
                        services.packages().stationId(), StationKeys.grouped(keys.fingerprint()), out);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "id", mixinStandardHelpOptions = true,
            description = "Prints this workstation's station id and its key's fingerprint.")
    static final class Id implements Callable<Integer> {
        @ParentCommand
        StationCommand station;

        @Override
        public Integer call() {
            try (AppServices services = station.root.openServices(true)) {
                station.root.out().printf("station %s, key %s%n", services.packages().stationId(),
                        StationKeys.grouped(services.stationKeys().fingerprint()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "trust", mixinStandardHelpOptions = true,
            description = "Accepts the signed packages of the station whose key file this is (audited).")
    static final class Trust implements Callable<Integer> {
        @ParentCommand
        StationCommand station;

        @Parameters(index = "0", paramLabel = "FILE", description = "The station's key file (station key --out).")
        Path file;

        @Option(names = "--name", paramLabel = "LABEL", description = "The station's label here (default: the file's).")
        String name;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new Problem("file_missing", "no such file: " + file, file.toString());
            }
            StationKeys.KeyFile keyFile = StationKeys.readKeyFile(file);
            try (AppServices services = station.root.openServices(true)) {
                TrustedStation t = services.stationTrust().trust(keyFile, name);
                station.root.out().printf("trusted %s (station %s, key %s)%n", t.label(), t.station(),
                        StationKeys.grouped(t.fingerprint()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the stations trusted here, revoked keys included.")
    static final class ListTrusted implements Callable<Integer> {
        @ParentCommand
        StationCommand station;

        @Override
        public Integer call() {
            try (AppServices services = station.root.openServices(true)) {
                var all = services.stationTrust().list();
                if (all.isEmpty()) {
                    station.root.out().println("no stations trusted here");
                }
                for (TrustedStation t : all) {
                    station.root.out().printf("%s  %s  station %s  since %s by %s%s%n",
                            StationKeys.grouped(t.fingerprint()), t.label(), t.station(), t.trustedAt(), t.trustedBy(),
                            t.revoked() ? "  REVOKED " + t.revokedAt() + " by " + t.revokedBy() : "");
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Refuses the packages signed with this key from now on (audited).")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        StationCommand station;

        @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "The key's fingerprint (station list).")
        String fingerprint;

        @Override
        public Integer call() {
            try (AppServices services = station.root.openServices(true)) {
                TrustedStation t = services.stationTrust().revoke(fingerprint);
                station.root.out().printf("revoked %s (station %s, key %s)%n", t.label(), t.station(),
                        StationKeys.grouped(t.fingerprint()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Makes a new key pair for this workstation; headquarters must trust the new key file.")
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        StationCommand station;

        @Override
        public Integer call() {
            try (AppServices services = station.root.openServices(true)) {
                String old = services.stationKeys().fingerprint();
                String now = services.stationKeys().rotate();
                station.root.out().printf("new key %s (the old key %s is kept for reference, no longer used);"
                        + " write it with station key --out FILE and have headquarters trust it%n",
                        StationKeys.grouped(now), StationKeys.grouped(old));
            }
            return ExitCodes.OK;
        }
    }
}
