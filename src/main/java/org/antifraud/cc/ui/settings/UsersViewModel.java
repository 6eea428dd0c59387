package org.antifraud.cc.ui.settings;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.domain.Role;
import org.antifraud.cc.domain.UserAccount;
import org.antifraud.cc.service.access.AccessService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.DialogService;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.antifraud.cc.ui.common.WriteAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings → Users (issue 15): the people of a shared database, for its administrators. Every change goes through
 * {@link AccessService} off the FX thread, which checks the role again; the database refuses the rest.
 */
public final class UsersViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(UsersViewModel.class);
    /** The roles a person can be given. */
    public static final List<Role> ROLES = List.of(Role.VIEWER, Role.OPERATOR, Role.ADMIN);

    /** One person as the table shows them. */
    public record UserRow(String name, Role role, String roleText, String regionsText, String enabledText) {
    }

    private final AccessService access;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final DialogService dialogs;
    private final boolean shown;
    private final ObservableList<UserRow> users = FXCollections.observableArrayList();
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(this, "newRole", Role.OPERATOR);
    private final StringProperty newRegions = new SimpleStringProperty(this, "newRegions", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private List<UserAccount> last = List.of();

    /** @param session what this window's login may do: the page is shown to administrators of a shared database */
    public UsersViewModel(AccessService access, boolean sharedDatabase, WriteAccess session, UiExecutor executor,
                          Appearance appearance, DialogService dialogs) {
        this.access = access;
        this.executor = executor;
        this.appearance = appearance;
        this.dialogs = dialogs;
        this.shown = sharedDatabase && session.mayAdminister();
        appearance.localeProperty().addListener((obs, old, now) -> present());
    }

    /** Whether this window shows the Users page at all. */
    public boolean shown() {
        return shown;
    }

    /** Reads the people again (off the FX thread). */
    public void refresh() {
        if (!shown) {
            return;
        }
        executor.run(access::users, list -> {
            last = list;
            present();
        }, this::failed);
    }

    private void present() {
        I18n i18n = appearance.i18n();
        users.setAll(last.stream().map(u -> new UserRow(u.name(), u.role(), WriteAccess.roleName(i18n, u.role()),
                u.regions().isEmpty() ? i18n.get("settings.users.all_regions") : String.join(", ", u.regions()),
                i18n.get(u.enabled() ? "settings.users.yes" : "settings.users.no"))).toList());
    }

    /**
     * Adds the person typed in the form with {@code password} (typed twice); both are cleared here. A missing name,
     * a missing password or two that differ are said in words and nothing is sent.
     */
    public boolean add(char[] password, char[] again) {
        I18n i18n = appearance.i18n();
        try {
            String name = newName.get() == null ? "" : newName.get().strip();
            if (name.isEmpty()) {
                return refused(i18n.get("settings.users.name_needed"));
            }
            if (password == null || password.length == 0) {
                return refused(i18n.get("settings.users.password_needed"));
            }
            if (!Arrays.equals(password, again)) {
                return refused(i18n.get("settings.users.password_mismatch"));
            }
            Role role = newRole.get();
            List<String> regions = Arrays.stream((newRegions.get() == null ? "" : newRegions.get()).split("[,\\s]+"))
                    .map(String::strip).filter(r -> !r.isEmpty()).map(r -> r.toUpperCase(java.util.Locale.ROOT))
                    .toList();
            char[] sent = password.clone(); // the service clears its copy once sent
            change(() -> {
                access.addUser(name, role, sent, regions);
                return null;
            }, () -> {
                newName.set("");
                newRegions.set("");
                return i18n.get("settings.users.added", name, WriteAccess.roleName(appearance.i18n(), role));
            });
            return true;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
    }

    /** Gives {@code row}'s person {@code role}. */
    public void setRole(UserRow row, Role role) {
        if (row == null || role == null || role == row.role()) {
            return;
        }
        change(() -> {
            access.setRole(row.name(), role);
            return null;
        }, () -> appearance.i18n().get("settings.users.role_set", row.name(),
                WriteAccess.roleName(appearance.i18n(), role)));
    }

    /** Asks, then stops {@code row}'s person from logging in. */
    public void disable(UserRow row) {
        I18n i18n = appearance.i18n();
        if (row == null || !dialogs.confirm(i18n.get("settings.users.disable.title"),
                i18n.get("settings.users.disable.confirm", row.name()))) {
            return;
        }
        change(() -> {
            access.disable(row.name());
            return null;
        }, () -> appearance.i18n().get("settings.users.disabled", row.name()));
    }

    private void change(Callable<Void> work, Callable<String> done) {
        busy.set(true);
        failed.set(false);
        executor.run(work, ok -> {
            busy.set(false);
            try {
                message.set(done.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            refresh();
        }, error -> {
            busy.set(false);
            failed(error);
        });
    }

    private boolean refused(String why) {
        failed.set(true);
        message.set(why);
        return false;
    }

    private void failed(Throwable error) {
        I18n i18n = appearance.i18n();
        String why;
        if (error instanceof Problem p) {
            why = i18n.problem(p);
        } else {
            LOG.error("could not change the users", error);
            why = String.valueOf(error.getMessage());
        }
        refused(i18n.get("settings.users.failed", why));
    }

    public ObservableList<UserRow> users() {
        return FXCollections.unmodifiableObservableList(users);
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
    }

    /** Regions of a new operator, comma-separated (blank: all). */
    public StringProperty newRegionsProperty() {
        return newRegions;
    }

    /** What the last change did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Appearance appearance() {
        return appearance;
    }
}
