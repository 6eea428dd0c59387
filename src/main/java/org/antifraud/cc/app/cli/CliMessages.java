package org.antifraud.cc.app.cli;

import java.util.Locale;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.ui.common.I18n;

/** One-line messages of the CLI, localized from the same bundles as the GUI. */
final class CliMessages {
    private CliMessages() {
    }

    static String problem(Problem p, Locale locale) {
        return new I18n(locale).problem(p);
    }

    static String unexpected(Throwable e, Locale locale) {
        return new I18n(locale).get("problem.unexpected",
                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
}
