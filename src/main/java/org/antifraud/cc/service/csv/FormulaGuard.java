package org.antifraud.cc.service.csv;

/**
 * Neutralises spreadsheet formulas in exported cells, and undoes it on import, so that a file opened in a
 * spreadsheet never runs a formula and still round-trips exactly.
 *
 * <p>The rule: a cell whose text is zero or more apostrophes followed by {@code =}, {@code +}, {@code -},
 * {@code @}, a tab, a carriage return or a line feed (spreadsheets skip the white space and run what follows, or
 * take the tab as a cell separator of their own) is written with one more apostrophe in front ({@code -17.3} → {@code '-17.3},
 * {@code =SUM(A1)} → {@code '=SUM(A1)}, {@code '=x} → {@code ''=x}). On import, a cell that is one or more
 * apostrophes followed by one of those seven characters loses its first apostrophe. Every other cell is left
 * alone ({@code 'hello} stays {@code 'hello}).
 */
public final class FormulaGuard {
    private FormulaGuard() {
    }

    /** The cell as exported. */
    public static String neutralise(String text) {
        return text != null && guarded(text, 0) ? "'" + text : text;
    }

    /** The cell as imported: the exported text with its guard removed. */
    public static String unneutralise(String text) {
        return text != null && text.length() > 1 && text.charAt(0) == '\'' && guarded(text, 1)
                ? text.substring(1) : text;
    }

    /** Whether the text from {@code from} is apostrophes, then one of {@code = + - @}, tab, CR, LF. */
    private static boolean guarded(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n && text.charAt(i) == '\'') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        char c = text.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
    }
}
