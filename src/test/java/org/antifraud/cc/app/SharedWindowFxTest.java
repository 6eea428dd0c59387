package org.antifraud.cc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.app.cli.CommandCenterCli;
import org.antifraud.cc.domain.DatabaseSession;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Role;
import org.antifraud.cc.persistence.SharedDatabase;
import org.antifraud.cc.persistence.SharedPostgres;
import org.antifraud.cc.ui.common.FakeDialogs;
import org.antifraud.cc.ui.common.FxUiExecutor;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.antifraud.cc.ui.common.WriteAccess;
import org.antifraud.cc.ui.settings.UsersViewModel;
import org.antifraud.cc.ui.shell.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a shared PostgreSQL database (issue 15), headless, on a real server ({@link SharedPostgres}): what
 * each role sees and may do, the password asked when the server refuses a login, Settings → Database and Users, and
 * the "reconnecting" state. One data folder for every person (its audit key signs what they record).
 */
@IntegrationTest
@ExtendWith(ApplicationExtension.class)
class SharedWindowFxTest {
    private static final String PASSWORD = "Initial-Pass-2026";
    private static final I18n EN = new I18n(Lang.EN);
    @TempDir
    static Path tmp;
    private static SharedDatabase owner;
    private AppServices services;
    private MainWindow window;
    private FxUiExecutor executor;
    private Stage stage;

    private static SharedDatabase as(String user) {
        return new SharedDatabase(owner.host(), owner.port(), owner.database(), user);
    }

    private static Path desk() {
        return tmp.resolve("desk");
    }

    @BeforeAll
    static void prepare() throws Exception {
        owner = SharedPostgres.newDatabase("window");
        StringWriter err = new StringWriter();
        int code = CommandCenterCli.run(new String[]{"--lang", "en", "--data-dir", desk().toString(), "--db",
                owner.toString(), "db", "init"}, new PrintWriter(new StringWriter()), new PrintWriter(err)).exitCode();
        assertThat(code).as(err::toString).isZero();
        try (AppServices admin = AppServices.openShared(desk(), owner, null, false)) {
            admin.access().addUser("win_wall", Role.VIEWER, PASSWORD.toCharArray(), List.of());
            admin.access().addUser("win_gd", Role.OPERATOR, PASSWORD.toCharArray(), List.of("CN-GD"));
            admin.access().addUser("win_boss", Role.ADMIN, PASSWORD.toCharArray(), List.of());
            admin.access().addUser("win_pw", Role.OPERATOR, PASSWORD.toCharArray(), List.of());
        }
        // as a real server does: these logins need their password (the test server trusts everyone else)
        SharedPostgres.requirePassword("win_pw");
        SharedPostgres.requirePassword("win_clerk");
    }

    /** Roles belong to the whole server, which other test classes of this JVM share: the people made here go. */
    @AfterAll
    static void dropPeople() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + owner.host() + ":" + owner.port() + "/"
                + owner.database(), owner.user(), ""); Statement st = c.createStatement()) {
            for (String user : List.of("win_wall", "win_gd", "win_boss", "win_pw", "win_clerk", "win_leaver")) {
                st.execute("DROP ROLE IF EXISTS " + user);
            }
        }
    }

    /** Opens {@code user}'s window (no password: the server trusts it) on {@code page}, 1000×900, English. */
    private void open(FxRobot robot, String user, Page page) throws Exception {
        services = AppServices.openShared(desk(), as(user), null, false);
        services.access().session(); // read off the FX thread, as DesktopApp does
        robot.interact(() -> {
            executor = new FxUiExecutor();
            stage = new Stage();
            window = new MainWindow(services, stage, executor, Lang.EN, "2022");
            window.shell().pageProperty().set(page);
            stage.setWidth(1000);
            stage.setHeight(900);
            stage.show();
            FxTestSupport.leaveRoomForNotifications(stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close(FxRobot robot) {
        if (window != null) {
            robot.interact(() -> {
                window.close();
                executor.close();
                stage.close();
            });
            window = null;
        }
        if (services != null) {
            services.close();
            services = null;
        }
    }

    private static <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    private static void await(FxRobot robot, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aViewersWindowSaysWhoIsLoggedInAndDisablesEveryWriteSayingWhy(FxRobot robot) throws Exception {
        open(robot, "win_wall", Page.ENTRY);

        assertThat(find(robot, "#databaseLabel", Label.class).getText())
                .isEqualTo(owner.host() + ":" + owner.port() + "/" + owner.database() + " \u00b7 win_wall (viewer)");
        String why = "Your role (viewer) cannot change data";
        for (String id : List.of("#importCsvButton", "#saveButton", "#deleteButton", "#undoButton")) {
            Button button = find(robot, id, Button.class);
            assertThat(button.isDisabled()).as(id).isTrue();
            assertThat(button.getTooltip().getText()).as(id).isEqualTo(why);
        }
        Label note = find(robot, "#readOnlyNote", Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo(why);
        assertThat(find(robot, "#exportCsvButton", Button.class).isDisabled()).as("reading stays open").isFalse();

        robot.interact(() -> window.shell().pageProperty().set(Page.SETTINGS));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(find(robot, "#usersPanel", Node.class).isVisible()).as("the Users page is an admin's").isFalse();
        assertThat(find(robot, "#removeDemoButton", Button.class).isDisabled()).isTrue();
    }

    @Test
    void aSaveAtAnotherWorkstationShowsInThisWindowWithoutAnythingPressed(FxRobot robot) throws Exception {
        open(robot, "win_gd", Page.ENTRY); // dens are the form's first kind: its history table lists the newest
        @SuppressWarnings("unchecked")
        TableView<org.antifraud.cc.ui.entry.HistoryRow> history = find(robot, "#historyTable", TableView.class);
        java.util.UUID id = java.util.UUID.randomUUID();

        // another person at another workstation (a data folder, an audit key and a chain of its own, ADR 0034)
        long saved;
        try (AppServices other = AppServices.openShared(tmp.resolve("desk-2"), as("win_boss"), null, false)) {
            other.records().save(new org.antifraud.cc.domain.DenTakedown(id, java.time.LocalDate.of(2022, 12, 31),
                    "CN-ZJ", null, null, null, 4, 1, 2, 3, null), null, "form");
            saved = System.nanoTime();
        }

        await(robot, () -> history.getItems().stream().anyMatch(r -> r.stored().record().key().equals(id.toString())));
        System.out.printf("a save at another workstation reached this window's table after %d ms%n",
                (System.nanoTime() - saved) / 1_000_000);
    }

    @Test
    void aViewersAlertsPageReadsWithoutAnErrorAndChangesNothing(FxRobot robot) throws Exception {
        open(robot, "win_wall", Page.ALERTS);
        robot.interact(() -> window.alerts().evaluate()); // what every refresh does
        WaitForAsyncUtils.waitForFxEvents();
        await(robot, () -> !window.alerts().busyProperty().get());

        assertThat(find(robot, "#errorLabel", Label.class).isVisible())
                .as("a viewer's refresh raises nothing and fails at nothing").isFalse();
        String why = "Your role (viewer) cannot change data";
        for (String id : List.of("#evaluateButton", "#saveButton", "#newButton", "#deleteButton", "#acknowledgeButton")) {
            Button button = find(robot, id, Button.class);
            assertThat(button.isDisabled()).as(id).isTrue();
            assertThat(button.getTooltip().getText()).as(id).isEqualTo(why);
        }
        assertThatThrownBy(() -> services.alerts().acknowledge(List.of(1L), "win_wall"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.getMessage())
                        .isEqualTo("your role (viewer) cannot change alerts"));
    }

    @Test
    void anOperatorsRegionFieldsOfferOnlyTheirRegionsAndTheirWritesStayOpen(FxRobot robot) throws Exception {
        open(robot, "win_gd", Page.ENTRY);

        assertThat(find(robot, "#databaseLabel", Label.class).getText()).endsWith("win_gd (operator)");
        assertThat(find(robot, "#denRegion", ComboBox.class).getItems()).containsExactly("CN-GD");
        assertThat(find(robot, "#importCsvButton", Button.class).isDisabled()).isFalse();
        assertThat(find(robot, "#readOnlyNote", Label.class).isVisible()).isFalse();
    }

    @Test
    void theStatusBarSaysReconnectingWhileTheFeedHasLostTheServer(FxRobot robot) throws Exception {
        open(robot, "win_gd", Page.DASHBOARD);
        Label state = find(robot, "#connectionLabel", Label.class);
        assertThat(state.isVisible()).isFalse();

        robot.interact(() -> window.shell().setReconnecting(true)); // what the change feed reports when it loses the server
        assertThat(state.isVisible()).isTrue();
        assertThat(state.getText()).isEqualTo("Reconnecting\u2026");
        assertThat(state.getTooltip().getText()).startsWith("The connection to the shared database was lost");
        assertThat(state.getStyleClass()).contains("connection-lost");

        robot.interact(() -> window.appearance().localeProperty().set(Lang.ZH));
        assertThat(find(robot, "#connectionLabel", Label.class).getText()).isEqualTo("正在重新连接\u2026");

        robot.interact(() -> window.shell().setReconnecting(false)); // listening again
        assertThat(find(robot, "#connectionLabel", Label.class).isVisible()).isFalse();
    }

    @Test
    void anAdministratorAddsAUserWhoCanThenLogInWithThatPasswordOnly(FxRobot robot) throws Exception {
        open(robot, "win_boss", Page.SETTINGS);
        assertThat(find(robot, "#usersPanel", Node.class).isVisible()).isTrue();
        @SuppressWarnings("unchecked")
        TableView<UsersViewModel.UserRow> table = find(robot, "#usersTable", TableView.class);
        await(robot, () -> table.getItems().stream().anyMatch(r -> r.name().equals("win_gd")));
        assertThat(table.getItems()).filteredOn(r -> r.name().equals("win_gd")).singleElement()
                .satisfies(r -> {
                    assertThat(r.roleText()).isEqualTo("operator");
                    assertThat(r.regionsText()).isEqualTo("CN-GD");
                    assertThat(r.enabledText()).isEqualTo("yes");
                });

        robot.interact(() -> {
            find(robot, "#newUserName", TextField.class).setText("win_clerk");
            @SuppressWarnings("unchecked")
            ComboBox<Role> role = find(robot, "#newUserRole", ComboBox.class);
            role.setValue(Role.VIEWER);
            find(robot, "#newUserPassword", PasswordField.class).setText("Clerk-Pass-1");
            find(robot, "#newUserPasswordAgain", PasswordField.class).setText("Clerk-Pass-2");
            find(robot, "#addUserButton", Button.class).fire();
        });
        assertThat(find(robot, "#usersMessage", Label.class).getText()).isEqualTo("The two passwords differ.");
        assertThat(find(robot, "#newUserPassword", PasswordField.class).getText()).as("not kept").isEmpty();

        robot.interact(() -> {
            find(robot, "#newUserPassword", PasswordField.class).setText("Clerk-Pass-1");
            find(robot, "#newUserPasswordAgain", PasswordField.class).setText("Clerk-Pass-1");
            find(robot, "#addUserButton", Button.class).fire();
        });
        await(robot, () -> table.getItems().stream().anyMatch(r -> r.name().equals("win_clerk")));
        assertThat(find(robot, "#usersMessage", Label.class).getText()).isEqualTo("Added win_clerk (viewer).");

        try (AppServices clerk = AppServices.openShared(desk(), as("win_clerk"), "Clerk-Pass-1".toCharArray(), false)) {
            assertThat(clerk.access().session().role()).isEqualTo(Role.VIEWER);
        }
        assertThatThrownBy(() -> AppServices.openShared(desk(), as("win_clerk"), "Clerk-Pass-2".toCharArray(), false))
                .isInstanceOf(Problem.class).extracting(e -> ((Problem) e).key()).isEqualTo("shared_login_refused");

        // another role, chosen from the table
        robot.interact(() -> {
            table.getSelectionModel().select(table.getItems().stream().filter(r -> r.name().equals("win_clerk"))
                    .findFirst().orElseThrow());
            @SuppressWarnings("unchecked")
            ComboBox<Role> role = find(robot, "#changeRoleBox", ComboBox.class);
            role.setValue(Role.OPERATOR);
            find(robot, "#setRoleButton", Button.class).fire();
        });
        await(robot, () -> table.getItems().stream().anyMatch(r -> r.name().equals("win_clerk")
                && r.role() == Role.OPERATOR));
        assertThat(find(robot, "#usersMessage", Label.class).getText()).isEqualTo("win_clerk is now operator.");
    }

    @Test
    void disablingAUserStopsTheirLoginsAndSaysSo() throws Exception {
        try (AppServices admin = AppServices.openShared(desk(), as("win_boss"), null, false)) {
            admin.access().addUser("win_leaver", Role.VIEWER, PASSWORD.toCharArray(), List.of());
            FakeDialogs dialogs = new FakeDialogs();
            DatabaseSession session = admin.access().session();
            UsersViewModel users = new UsersViewModel(admin.access(), session.shared(), WriteAccess.of(session),
                    QueuedUiExecutor.immediate(), new org.antifraud.cc.ui.common.Appearance(Lang.EN, Theme.DARK),
                    dialogs);
            users.refresh();
            UsersViewModel.UserRow win_leaver = users.users().stream().filter(r -> r.name().equals("win_leaver")).findFirst()
                    .orElseThrow();

            users.disable(win_leaver);

            assertThat(dialogs.asked).hasSize(1);
            assertThat(users.messageProperty().get()).isEqualTo("win_leaver can no longer log in.");
            assertThat(users.users()).filteredOn(r -> r.name().equals("win_leaver")).singleElement()
                    .extracting(UsersViewModel.UserRow::enabledText).isEqualTo("no (disabled)");
        }
        assertThatThrownBy(() -> AppServices.openShared(desk(), as("win_leaver"), null, false))
                .isInstanceOf(Problem.class).extracting(e -> ((Problem) e).key()).isEqualTo("shared_login_refused");
    }

    @Test
    void aViewerCannotManageUsersEvenThroughTheService() throws Exception {
        try (AppServices viewer = AppServices.openShared(desk(), as("win_wall"), null, false)) {
            assertThatThrownBy(() -> viewer.access().addUser("win_sneaky", Role.ADMIN, "x".toCharArray(), List.of()))
                    .isInstanceOf(Problem.class).hasMessage("your role (viewer) cannot add users");
        }
    }

    @Test
    void settingsDatabaseChecksTheAddressTestsTheLoginAndRemembersItWithoutThePassword(FxRobot robot)
            throws Exception {
        open(robot, "win_wall", Page.SETTINGS);
        assertThat(find(robot, "#sharedChoice", RadioButton.class).isSelected()).as("this window is on one").isTrue();
        assertThat(find(robot, "#databaseCurrentLabel", Label.class).getText()).contains("win_wall (viewer)");
        Label error = find(robot, "#addressError", Label.class);

        robot.interact(() -> find(robot, "#addressField", TextField.class).setText("postgresql://h/db?user=u&password=x"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("not a shared database address: postgresql://h/db?user=u&password=x");
        robot.interact(() -> find(robot, "#saveDatabaseButton", Button.class).fire());
        assertThat(find(robot, "#databaseMessage", Label.class).getText()).as("nothing saved").isEmpty();

        robot.interact(() -> find(robot, "#addressField", TextField.class).setText(as("win_wall").toString()));
        assertThat(error.isVisible()).isFalse();
        robot.interact(() -> {
            find(robot, "#testPasswordField", PasswordField.class).setText("Typed-For-The-Test");
            find(robot, "#testConnectionButton", Button.class).fire();
        });
        Label result = find(robot, "#testResultLabel", Label.class);
        await(robot, () -> result.getText().startsWith("Connected"));
        assertThat(result.getText()).isEqualTo("Connected: win_wall logs in as viewer to " + owner.host() + ":"
                + owner.port() + "/" + owner.database() + ".");

        robot.interact(() -> find(robot, "#addressField", TextField.class).setText(as("win_pw").toString()));
        robot.interact(() -> find(robot, "#testConnectionButton", Button.class).fire()); // no password: refused
        await(robot, () -> result.getText().startsWith("Could not connect"));
        assertThat(result.getText()).contains("refused the login");

        robot.interact(() -> {
            find(robot, "#addressField", TextField.class).setText(as("win_wall").toString());
            find(robot, "#saveDatabaseButton", Button.class).fire();
        });
        assertThat(find(robot, "#databaseMessage", Label.class).getText())
                .isEqualTo("Saved. Restart the application to open " + as("win_wall") + ".");
        Path settings = desk().resolve("settings.properties");
        await(robot, () -> Files.isRegularFile(settings)
                && Files.readString(settings, StandardCharsets.UTF_8).contains("database.shared="));
        assertThat(Files.readString(settings, StandardCharsets.UTF_8))
                .contains("database.shared=postgresql\\://" + owner.host() + "\\:" + owner.port())
                .doesNotContain("Typed-For-The-Test", PASSWORD);
    }

    @Test
    void aRefusedLoginAsksForThePasswordAgainUntilTheRightOneOpens(FxRobot robot) throws Exception {
        Executor worker = task -> Thread.ofPlatform().daemon().start(task);
        CompletableFuture<Optional<AppServices>> opened = new SharedStart(worker, Platform::runLater).open(
                password -> AppServices.openShared(desk(), as("win_pw"), password, false),
                (wrongBefore, answer) -> SharedPasswordDialog.ask(EN, as("win_pw").toString(), wrongBefore, answer));

        await(robot, () -> robot.lookup("#" + SharedPasswordDialog.FIELD_ID).tryQuery().isPresent());
        assertThat(robot.lookup("#" + SharedPasswordDialog.WRONG_ID).tryQuery()).as("nothing typed yet").isEmpty();
        assertThat(robot.lookup("#" + SharedPasswordDialog.FIELD_ID).queryAs(PasswordField.class).getStyleClass())
                .contains("password-field"); // masked
        answer(robot, "Not-The-Password");

        await(robot, () -> robot.lookup("#" + SharedPasswordDialog.WRONG_ID).tryQuery().isPresent());
        assertThat(robot.lookup("#" + SharedPasswordDialog.WRONG_ID).queryAs(Label.class).getText())
                .isEqualTo("The server refused this password. Try again.");
        answer(robot, PASSWORD);

        Optional<AppServices> done = opened.get(60, TimeUnit.SECONDS);
        assertThat(done).isPresent();
        try (AppServices pw = done.get()) {
            assertThat(pw.access().session().user()).isEqualTo("win_pw");
            assertThat(pw.access().session().role()).isEqualTo(Role.OPERATOR);
        }
    }

    @Test
    void cancellingThePasswordDialogOpensNothing(FxRobot robot) throws Exception {
        Executor worker = task -> Thread.ofPlatform().daemon().start(task);
        CompletableFuture<Optional<AppServices>> opened = new SharedStart(worker, Platform::runLater).open(
                password -> AppServices.openShared(desk(), as("win_pw"), password, false),
                (wrongBefore, answer) -> SharedPasswordDialog.ask(new I18n(Lang.ZH), as("win_pw").toString(),
                        wrongBefore, answer));

        await(robot, () -> robot.lookup("#" + SharedPasswordDialog.FIELD_ID).tryQuery().isPresent());
        DialogPane pane = pane(robot.lookup("#" + SharedPasswordDialog.FIELD_ID).query());
        assertThat(pane.getHeaderText()).isEqualTo("登录共享数据库");
        robot.interact(() -> ((Button) pane.lookupButton(button(pane, ButtonBar.ButtonData.CANCEL_CLOSE))).fire());

        assertThat(opened.get(60, TimeUnit.SECONDS)).isEmpty();
    }

    private static DialogPane pane(Node inside) {
        Node n = inside;
        while (!(n instanceof DialogPane)) {
            n = n.getParent();
        }
        return (DialogPane) n;
    }

    private static ButtonType button(DialogPane pane, ButtonBar.ButtonData data) {
        return pane.getButtonTypes().stream().filter(b -> b.getButtonData() == data).findFirst().orElseThrow();
    }

    /** Types {@code password} into the dialog and logs in. */
    private static void answer(FxRobot robot, String password) {
        PasswordField field = robot.lookup("#" + SharedPasswordDialog.FIELD_ID).queryAs(PasswordField.class);
        DialogPane pane = pane(field);
        robot.interact(() -> {
            field.setText(password);
            ((Button) pane.lookupButton(button(pane, ButtonBar.ButtonData.OK_DONE))).fire();
        });
    }

    @Test
    void settingsAndTheStatusBarInBothThemesAndLanguages(FxRobot robot) throws Exception {
        open(robot, "win_boss", Page.SETTINGS);
        await(robot, () -> !window.users().users().isEmpty());
        robot.interact(() -> window.shell().setReconnecting(true));
        Path dir = Path.of("target", "screenshots");
        for (Theme theme : Theme.values()) {
            for (java.util.Locale lang : List.of(Lang.ZH, Lang.EN)) {
                robot.interact(() -> {
                    window.appearance().themeProperty().set(theme);
                    window.appearance().localeProperty().set(lang);
                });
                await(robot, () -> !window.users().users().isEmpty());
                for (int[] size : new int[][]{{1920, 1080}, {1366, 768}}) {
                    String name = "shared-settings-" + theme.name().toLowerCase() + "-" + Lang.tag(lang) + "-"
                            + size[0] + "x" + size[1];
                    FxTestSupport.Shot[] shot = new FxTestSupport.Shot[1];
                    robot.interact(() -> {
                        // the Database and Users panels, scrolled into view
                        ScrollPane page = robot.lookup(".settings-scroll").queryAs(ScrollPane.class);
                        page.setVvalue(0);
                        shot[0] = FxTestSupport.shot(window, size[0], size[1], dir.resolve(name + ".png"));
                    });
                    ScreenChecks.assertRendered(name, shot[0].image(), theme, shot[0].clipped());
                }
            }
        }
    }
}
