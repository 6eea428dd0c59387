package org.antifraud.cc.service.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Parsers of cell text without regular expressions or exceptions on the common path: ISO dates (cached: a file
 * repeats a few hundred days) and canonical UUIDs; a failed parse returns null. Numbers are read by the rules of
 * {@link org.antifraud.cc.domain.FieldRules.Parser}, shared with the form.
 */
final class Cells {
    private static final LocalDate NO_DATE = LocalDate.MIN;
    private final Map<String, LocalDate> dates = new HashMap<>();

    /** A date {@code YYYY-MM-DD} from 1900 on. */
    LocalDate date(String s) {
        LocalDate d = dates.get(s);
        if (d == null) {
            d = parseDate(s);
            if (dates.size() < 100_000) {
                dates.put(s, d);
            }
        }
        return d == NO_DATE ? null : d;
    }

    private static LocalDate parseDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return NO_DATE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 1900 || month < 0 || day < 0) {
            return NO_DATE;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return NO_DATE;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** A UUID in its canonical 8-4-4-4-12 hexadecimal form (either case); null otherwise. */
    static UUID uuid(String s) {
        if (s.length() != 36) {
            return null;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return null;
            }
        }
        return UUID.fromString(s);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
