package org.antifraud.cc.service.csv;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Parsers of cell text without regular expressions or exceptions on the common path: plain decimals, whole
 * counts, ISO dates (cached: a file repeats a few hundred days), canonical UUIDs. A failed parse returns null and
 * leaves the reason in {@link #error}.
 */
final class Cells {
    enum Error { NONE, NOT_NUMBER, THOUSANDS, NEGATIVE, TOO_LARGE, NOT_WHOLE, BAD_DATE }

    /** Why the last parse returned null. */
    Error error = Error.NONE;

    private static final LocalDate NO_DATE = LocalDate.MIN;
    private final Map<String, LocalDate> dates = new HashMap<>();

    /**
     * A plain decimal: digits, optionally a point and more digits, optionally a leading minus when
     * {@code signed}; no exponent, no thousands separators, no plus sign. At most {@code maxIntegerDigits}
     * significant digits before the point.
     */
    BigDecimal decimal(String s, boolean signed, int maxIntegerDigits) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && s.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        long unscaled = 0;
        int significant = 0;
        int integerDigits = 0;
        int scale = 0;
        boolean point = false;
        boolean comma = false;
        boolean bad = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (significant > 0 || c != '0') {
                    significant++;
                    if (!point) {
                        integerDigits++;
                    }
                }
                if (significant <= 18) {
                    unscaled = unscaled * 10 + (c - '0');
                }
                if (point) {
                    scale++;
                }
            } else if (c == '.' && !point) {
                point = true;
                bad |= i == 0 || !isDigit(s.charAt(i - 1));
            } else if (c == ',' && !point && i > 0 && isDigit(s.charAt(i - 1))) {
                comma = true;
            } else {
                bad = true;
            }
        }
        if (bad || n == (negative ? 1 : 0) || !isDigit(s.charAt(n - 1))) {
            return fail(Error.NOT_NUMBER);
        }
        if (comma) {
            return fail(Error.THOUSANDS);
        }
        if (negative && !signed && significant > 0) {
            return fail(Error.NEGATIVE);
        }
        if (integerDigits > maxIntegerDigits) {
            return fail(Error.TOO_LARGE);
        }
        error = Error.NONE;
        if (significant > 18) {
            return new BigDecimal(s);
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    /** A count: a non-negative whole number of at most 18 digits; -1 on failure. */
    long count(String s) {
        BigDecimal d = decimal(s, false, 18);
        if (d == null) {
            return -1;
        }
        if (d.scale() > 0) {
            error = Error.NOT_WHOLE;
            return -1;
        }
        return d.longValueExact();
    }

    /** A date {@code YYYY-MM-DD} from 1900 on. */
    LocalDate date(String s) {
        LocalDate d = dates.get(s);
        if (d == null) {
            d = parseDate(s);
            if (dates.size() < 100_000) {
                dates.put(s, d);
            }
        }
        if (d == NO_DATE) {
            error = Error.BAD_DATE;
            return null;
        }
        error = Error.NONE;
        return d;
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

    private BigDecimal fail(Error e) {
        error = e;
        return null;
    }
}
