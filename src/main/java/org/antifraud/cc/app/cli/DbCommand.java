package org.antifraud.cc.app.cli;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.antifraud.cc.app.AppServices;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.SqlShell;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Administration of the database itself. */
@Command(name = "db", mixinStandardHelpOptions = true, subcommands = {DbCommand.Shell.class, DbCommand.Init.class},
        description = "Administration of the database itself (see db shell, db init).")
final class DbCommand implements Callable<Integer> {
    @ParentCommand
    CommandCenterCli root;

    @Override
    public Integer call() {
        throw new Problem("bad_option", "db needs a subcommand: shell or init", "db", "");
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Prepares an empty shared PostgreSQL database (--db, run once by an administrator, again after"
                    + " an upgrade): the schema, the 2022 report, the roles cc_admin, cc_operator and cc_viewer with"
                    + " their rights, and the row-level security that keeps an operator's writes inside its regions."})
    static final class Init implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            CommandCenterCli root = db.root;
            root.requireShared("db init");
            try (AppServices services = root.openServices(true)) {
                services.database().sharedRoles().install();
                root.out().println("prepared " + services.database().description()
                        + ": schema, report, roles cc_admin, cc_operator, cc_viewer");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "shell", mixinStandardHelpOptions = true,
            description = {"Runs SQL read from standard input against the database, as an administrator: outside the "
                    + "application's services and outside the audit trail, so `audit verify` reports what it "
                    + "changes.",
                    "A statement ends with a line that ends with `;`. Each is committed on its own. A result set is "
                            + "printed as tab-separated lines (a header of column names, then the rows; NULL for "
                            + "null); an update as `N row(s)`. Each failing statement is one line on standard error "
                            + "and the others still run; exit 2 if any failed."})
    static final class Shell implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            CommandCenterCli root = db.root;
            List<String> statements = SqlShell.statements(new InputStreamReader(root.in(), StandardCharsets.UTF_8));
            try (AppServices services = root.openServices(false)) {
                int failed = services.database().repositories().sqlShell().run(statements, new SqlShell.Output() {
                    @Override
                    public void columns(List<String> names) {
                        root.out().println(String.join("\t", names));
                    }

                    @Override
                    public void row(List<String> cells) {
                        root.out().println(String.join("\t", cells.stream().map(Shell::cell).toList()));
                    }

                    @Override
                    public void updated(int rows) {
                        root.out().println(rows + " row(s)");
                    }

                    @Override
                    public void error(int number, String message) {
                        root.err().println(CliMessages.problem(new Problem("db_shell_sql", "statement " + number + ": "
                                + message, number, message), root.messageLocale()));
                    }
                });
                root.out().flush();
                return failed == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
            }
        }

        /** A cell on one line: tabs, line breaks and backslashes escaped as {@code \t}, {@code \n}, {@code \\}. */
        private static String cell(String value) {
            if (value == null) {
                return "NULL";
            }
            return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
        }
    }
}
