package org.antifraud.cc.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Role;
import org.antifraud.cc.persistence.SharedRoles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The people of a shared database and their roles (issue 15): admin only, enforced by PostgreSQL. */
@Command(name = "user", mixinStandardHelpOptions = true,
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.SetRole.class,
                UserCommand.Disable.class},
        description = "The people of a shared database (--db) and their roles: user add, list, role, disable.")
final class UserCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Override
    public Integer call() {
        throw new Problem("bad_option", "user needs a subcommand: add, list, role or disable", "user", "");
    }

    /** Opens the shared database as an administrator and runs {@code work} on its roles. */
    private <T> T asAdmin(String action, Function<SharedRoles, T> work) {
        root.requireShared("user");
        try (AppServices services = root.openServices(false)) {
            services.database().role().requireAdminister(action);
            return work.apply(services.database().sharedRoles());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a person who logs in as NAME.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand user;
        @Parameters(index = "0", paramLabel = "NAME", description = "The login: lower-case letters, digits and _.")
        String name;
        @Option(names = "--role", required = true, paramLabel = "viewer|operator|admin", description = "What the person may do.")
        String role;
        @Option(names = "--regions", split = ",", paramLabel = "CN-GD,CN-GX",
                description = "An operator writes only records of these provinces (reading stays national).")
        List<String> regions = List.of();
        @Option(names = "--password-file", paramLabel = "FILE",
                description = "File whose first line is the initial password (else a prompt, typed twice).")
        Path passwordFile;

        @Override
        public Integer call() {
            Role chosen = Role.parse(role);
            if (!regions.isEmpty() && chosen != Role.OPERATOR) {
                throw new Problem("regions_for_operators", "--regions limits an operator; a " + chosen.code()
                        + " has none", "--regions");
            }
            user.asAdmin("add users", roles -> {
                // asked only of an administrator, and never through the passphrase's environment variable
                if (passwordFile == null && System.console() == null) {
                    throw new Problem("password_needed", "no initial password for " + name + ": use --password-file"
                            + " FILE (there is no console to ask)", name);
                }
                char[] password = new Passphrase(passwordFile, null, System.console())
                        .readForNew("initial password of " + name);
                try {
                    roles.addUser(name, chosen, password, regions);
                } finally {
                    Arrays.fill(password, '\0');
                }
                return null;
            });
            user.root.out().println("added " + name + " (" + chosen.code()
                    + (regions.isEmpty() ? "" : ", regions " + String.join(",", regions)) + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the people and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Override
        public Integer call() {
            List<SharedRoles.User> users = user.asAdmin("list users", SharedRoles::users);
            for (SharedRoles.User u : users) {
                user.root.out().println(u.name() + "\t" + u.role().code() + "\t" + (u.enabled() ? "enabled" : "disabled")
                        + "\t" + (u.regions().isEmpty() ? "all regions" : String.join(",", u.regions())));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Gives NAME another role.")
    static final class SetRole implements Callable<Integer> {
        @ParentCommand
        UserCommand user;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "viewer|operator|admin")
        String role;

        @Override
        public Integer call() {
            Role chosen = Role.parse(role);
            user.asAdmin("change roles", roles -> {
                roles.setRole(name, chosen);
                return null;
            });
            user.root.out().println(name + " is now " + chosen.code());
            return ExitCodes.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "NAME can no longer log in.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        UserCommand user;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            user.asAdmin("disable users", roles -> {
                roles.disable(name);
                return null;
            });
            user.root.out().println(name + " can no longer log in");
            return ExitCodes.OK;
        }
    }
}
