package org.antifraud.cc.app.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.ui.common.I18n;

/** One-line messages of the CLI, localized from the same bundles as the GUI. */
final class CliMessages {
    private CliMessages() {
    }

    static String problem(Problem p, Locale locale) {
        ResourceBundle bundle = I18n.bundle(locale);
        try {
            return MessageFormat.format(bundle.getString("problem." + p.key()), p.args());
        } catch (MissingResourceException e) {
            return p.getMessage();
        }
    }

    static String unexpected(Exception e, Locale locale) {
        return MessageFormat.format(I18n.bundle(locale).getString("problem.unexpected"),
                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
}
