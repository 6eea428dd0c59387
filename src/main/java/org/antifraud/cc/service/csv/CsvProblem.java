package org.antifraud.cc.service.csv;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One thing wrong in a CSV file, where it is: {@code FILE:LINE: COLUMN: message}. {@code line} is the physical
 * line the record starts on (the header is line 1); {@code column} is the header name, or null for a problem of
 * the whole row or file. The message is localized from {@code problem.<kind key>} in the resource bundle,
 * filled with {@code args}.
 */
public record CsvProblem(String file, int line, String column, Kind kind, List<Object> args) {

    /** The longest cell text quoted in a message; a longer one is cut with an ellipsis. */
    static final int QUOTE_LIMIT = 60;

    public CsvProblem {
        args = List.copyOf(args);
    }

    /** Every kind of problem, each with its message key ({@code problem.csv_*} in the bundles). */
    public enum Kind {
        NOT_UTF8,
        EMPTY_FILE,
        UNCLOSED_QUOTE,
        BAD_QUOTE,
        BAD_CSV,
        UNKNOWN_TYPE,
        MISSING_COLUMN,
        UNKNOWN_COLUMN,
        DUPLICATE_COLUMN,
        UNNAMED_COLUMN,
        CELL_COUNT,
        REQUIRED,
        UNKNOWN_INDICATOR,
        UNKNOWN_REGION,
        NOT_PROVINCE,
        UNKNOWN_CAMPAIGN,
        BAD_PERIOD,
        PERIOD_NOT_STORED,
        FUTURE_PERIOD,
        BAD_DATE,
        FUTURE_DATE,
        NOT_NUMBER,
        THOUSANDS_SEPARATOR,
        NEGATIVE,
        MONEY_DECIMALS,
        VALUE_DECIMALS,
        NOT_WHOLE,
        CHANGE_DECIMALS,
        TOO_LARGE,
        VALUE_WITHOUT_CHANGE,
        DUPLICATE_KEY,
        DUPLICATE_ID,
        DUPLICATE_CASE_NUMBER,
        BAD_UUID,
        UNKNOWN_CHANNEL,
        /** Instructions (issue 17): a time not written YYYY-MM-DDTHH:MM, or after the minute the file was read. */
        BAD_TIME,
        FUTURE_TIME,
        UNKNOWN_TIER,
        UNKNOWN_RISK_LEVEL,
        UNKNOWN_OUTCOME,
        CONTACT_BEFORE_ISSUE,
        OUTCOME_WITHOUT_CONTACT,
        INSTRUCTION_NOT_PROVINCE,
        UNKNOWN_FRAUD_TYPE,
        UNKNOWN_STATUS,
        UNKNOWN_QUALIFIER,
        RECOVERED_EXCEEDS_LOSS,
        TOO_LONG,
        SENTENCE_WITHOUT_SOURCE,
        /** A package's submissions.csv: a region that is not a reporting unit (province). */
        NOT_REPORTING_UNIT,
        BAD_MONTH,
        UNKNOWN_SUBMISSION_KIND,
        UNKNOWN_SUBMISSION_STATE,
        BAD_INSTANT,
        REASON_REQUIRED,
        DUPLICATE_SUBMISSION,
        TOO_MANY_ROWS,
        TOO_MANY_BYTES,
        /** A cell beyond {@link org.antifraud.cc.domain.ReadLimits#maxCellChars()}: nothing more is read. */
        CELL_TOO_LONG,
        /** A line beyond {@link org.antifraud.cc.domain.ReadLimits#maxLineChars()}: nothing more is read. */
        LINE_TOO_LONG,
        /** Not a problem of its own: the line that says how many more were found than are listed. */
        MORE;

        /** The bundle key of the message. */
        public String key() {
            return "problem.csv_" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The bundle key of the message. */
    public String key() {
        return kind.key();
    }

    /** The message alone, localized. */
    public String message(ResourceBundle bundle) {
        String pattern;
        try {
            pattern = bundle.getString(key());
        } catch (MissingResourceException e) {
            pattern = key() + " " + args;
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(args.toArray());
    }

    /** The problem as one line: {@code FILE:LINE: COLUMN: message} (no {@code COLUMN: } for a whole row). */
    public String render(ResourceBundle bundle) {
        StringBuilder b = new StringBuilder(file.length() + 64).append(file).append(':');
        if (kind != Kind.MORE) {
            b.append(line).append(':');
        }
        b.append(' ');
        if (column != null) {
            b.append(column).append(": ");
        }
        return b.append(message(bundle)).toString();
    }

    /** In English. */
    @Override
    public String toString() {
        return render(English.BUNDLE);
    }

    /** A cell's text as quoted in a message: on one line, cut when long. */
    static String quote(String text) {
        String s = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text;
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace("\r\n", "⏎").replace('\n', '⏎').replace('\r', '⏎');
    }

    /** The English bundle, loaded when first needed. */
    private static final class English {
        static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n.messages", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
