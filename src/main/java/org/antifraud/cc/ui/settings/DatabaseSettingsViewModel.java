package org.antifraud.cc.ui.settings;

import java.util.Arrays;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.antifraud.cc.domain.DatabaseSession;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.I18n;
import org.antifraud.cc.ui.common.UiExecutor;
import org.antifraud.cc.ui.common.WriteAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings → Database (issue 15): this folder's own file or a shared PostgreSQL database, remembered for the next
 * start. The address is checked as it is typed; "Test connection" logs in without changing anything. A password
 * typed for the test is used once and never kept.
 */
public final class DatabaseSettingsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSettingsViewModel.class);

    /** The service's address rules and test login (static there), handed in so a test may replace them. */
    public interface Connections {
        /** The address in its kept form; a bad one is a {@code Problem}. */
        String check(String address);

        /** Logs in (password null: PostgreSQL's own places) and says as whom; a refusal is a {@code Problem}. */
        DatabaseSession test(String address, char[] password);
    }

    private final Connections connections;
    private final UiExecutor executor;
    private final Appearance appearance;
    private final DatabaseSession current;
    private final Consumer<String> saver;
    private final BooleanProperty sharedChosen = new SimpleBooleanProperty(this, "sharedChosen");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final ReadOnlyStringWrapper addressError = new ReadOnlyStringWrapper(this, "addressError", "");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final ReadOnlyBooleanWrapper testFailed = new ReadOnlyBooleanWrapper(this, "testFailed");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private UiExecutor.Request running;

    /**
     * @param remembered the address Settings kept (blank: the folder's own file)
     * @param current    the database this window works on now
     * @param saver      keeps the choice for the next start (blank: the folder's own file), off the FX thread
     */
    public DatabaseSettingsViewModel(Connections connections, UiExecutor executor, Appearance appearance,
                                     String remembered, DatabaseSession current, Consumer<String> saver) {
        this.connections = connections;
        this.executor = executor;
        this.appearance = appearance;
        this.current = current;
        this.saver = saver;
        String start = remembered != null && !remembered.isBlank() ? remembered
                : current.shared() ? "postgresql://" + current.where() + "?user=" + current.user() : "";
        sharedChosen.set(remembered != null && !remembered.isBlank() || current.shared());
        address.set(start);
        address.addListener((obs, old, now) -> {
            testResult.set("");
            validate(false);
        });
        sharedChosen.addListener((obs, old, now) -> validate(false));
    }

    /**
     * Writes why the address cannot be used under the field (blank only counts when {@code blankIsWrong}); true when
     * it can, or when the folder's own file is chosen.
     */
    private boolean validate(boolean blankIsWrong) {
        if (!sharedChosen.get()) {
            addressError.set("");
            return true;
        }
        String text = address.get() == null ? "" : address.get().strip();
        if (text.isEmpty()) {
            addressError.set(blankIsWrong ? appearance.i18n().get("settings.database.address.needed") : "");
            return false;
        }
        try {
            connections.check(text);
            addressError.set("");
            return true;
        } catch (Problem p) {
            addressError.set(appearance.i18n().problem(p));
            return false;
        }
    }

    /** Logs in to the typed address off the FX thread and says the outcome in words; clears {@code password}. */
    public void testConnection(char[] password) {
        if (!validate(true)) {
            clear(password);
            return;
        }
        if (running != null) {
            running.cancel();
        }
        String text = address.get().strip();
        char[] secret = password == null || password.length == 0 ? null : password;
        testing.set(true);
        testFailed.set(false);
        testResult.set(appearance.i18n().get("settings.database.testing"));
        running = executor.run(() -> connections.test(text, secret),
                session -> {
                    testing.set(false);
                    I18n i18n = appearance.i18n();
                    testResult.set(i18n.get("settings.database.test_ok", session.user(),
                            WriteAccess.roleName(i18n, session.role()), session.where()));
                },
                error -> {
                    testing.set(false);
                    testFailed.set(true);
                    I18n i18n = appearance.i18n();
                    String why;
                    if (error instanceof Problem p) {
                        why = i18n.problem(p);
                    } else {
                        LOG.error("the connection test failed unexpectedly", error);
                        why = String.valueOf(error.getMessage());
                    }
                    testResult.set(i18n.get("settings.database.test_failed", why));
                });
    }

    /** Keeps the choice for the next start, or says under the field why the address cannot be kept. */
    public boolean save() {
        if (!validate(true)) {
            return false;
        }
        I18n i18n = appearance.i18n();
        if (sharedChosen.get()) {
            String kept = connections.check(address.get().strip());
            address.set(kept);
            saver.accept(kept);
            message.set(i18n.get("settings.database.saved_shared", kept));
        } else {
            saver.accept("");
            message.set(i18n.get("settings.database.saved_embedded"));
        }
        return true;
    }

    private static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    /** "Now open: …": the database this window works on. */
    public String currentText() {
        I18n i18n = appearance.i18n();
        return i18n.get("settings.database.current", current.shared()
                ? i18n.get("status.shared", current.where(), current.user(), WriteAccess.roleName(i18n, current.role()))
                : i18n.get("settings.database.current.embedded"));
    }

    /** True: a shared database; false: this folder's own file. */
    public BooleanProperty sharedChosenProperty() {
        return sharedChosen;
    }

    public StringProperty addressProperty() {
        return address;
    }

    /** Why the typed address cannot be used, or empty. */
    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError.getReadOnlyProperty();
    }

    /** The last test's outcome in words. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    /** Whether the last test failed (the view colours its words). */
    public ReadOnlyBooleanProperty testFailedProperty() {
        return testFailed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** What Save did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
