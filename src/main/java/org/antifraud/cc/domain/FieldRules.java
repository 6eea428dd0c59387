package org.antifraud.cc.domain;

import java.math.BigDecimal;

/**
 * The one home of the rules a number typed or read must keep (docs/csv-format.md, "Cell types"): the data-entry
 * form, the CSV reader (import files and packages) and the record service's last check at the door all call these,
 * so that the same text gets the same verdict everywhere.
 *
 * <p>Written numbers are plain: digits, optionally a point and more digits, a minus only where a number may be
 * negative; no exponent, no plus sign, no thousands separators. The decimals <em>written</em> count: {@code 12.500}
 * has three decimals and is no amount of money — it may well be twelve thousand five hundred written with a point
 * between the thousands. The ranges are those of the schema's columns ({@code db/migration/common}).
 */
public final class FieldRules {
    private FieldRules() {
    }

    /** The text lengths of the schema's columns. */
    public static final int NOTE_LENGTH = 1000;
    public static final int SOURCE_LENGTH = 300;
    public static final int SENTENCE_LENGTH = 4000;
    public static final int CITY_LENGTH = 100;
    public static final int ADDRESS_LENGTH = 300;
    public static final int CASE_NUMBER_LENGTH = 40;

    /** What is wrong with a number, or {@link #OK}. */
    public enum Verdict { OK, NOT_NUMBER, THOUSANDS, NEGATIVE, TOO_LARGE, NOT_WHOLE, TOO_MANY_DECIMALS }

    /** A kind of number field, with the range of the column it is stored in. */
    public enum Amount {
        /** A count: BIGINT; 18 digits always fit. */
        COUNT(18, 0, false),
        /** Money in CNY: DECIMAL(20, 2). */
        MONEY(18, 2, false),
        /** A figure's value: measurement.amount DECIMAL(20, 2); a count indicator's value is whole. */
        FIGURE(18, 2, false),
        /** A year-on-year change in percent: change_pct DECIMAL(8, 1). */
        CHANGE(7, 1, true);

        private final int integerDigits;
        private final int decimals;
        private final boolean signed;

        Amount(int integerDigits, int decimals, boolean signed) {
            this.integerDigits = integerDigits;
            this.decimals = decimals;
            this.signed = signed;
        }

        /** Digits before the point, at most (leading zeros not counted). */
        public int integerDigits() {
            return integerDigits;
        }

        /** Decimals, at most. */
        public int decimals() {
            return decimals;
        }
    }

    /**
     * Whether a number (a record's, not text) fits its field: not negative unless signed, within the column's digits
     * and decimals; {@code unit} is the indicator's for a {@link Amount#FIGURE} (null: not known).
     */
    public static Verdict check(Amount kind, BigDecimal value, Indicator.Unit unit) {
        if (!kind.signed && value.signum() < 0) {
            return Verdict.NEGATIVE;
        }
        BigDecimal plain = value.stripTrailingZeros();
        int scale = Math.max(0, plain.scale());
        if (plain.precision() - plain.scale() > kind.integerDigits) {
            return Verdict.TOO_LARGE;
        }
        if (scale > 0 && (kind == Amount.COUNT || kind == Amount.FIGURE && unit == Indicator.Unit.COUNT)) {
            return Verdict.NOT_WHOLE;
        }
        return scale > kind.decimals ? Verdict.TOO_MANY_DECIMALS : Verdict.OK;
    }

    /** A count as a record holds it. */
    public static Verdict check(long count) {
        return count < 0 ? Verdict.NEGATIVE : count > 999_999_999_999_999_999L ? Verdict.TOO_LARGE : Verdict.OK;
    }

    /**
     * Reads written numbers by the rules, without regular expressions or exceptions on the common path (a CSV file
     * has a million of them). Not thread-safe: {@link #error()} is the reason of the last parse that returned null.
     */
    public static final class Parser {
        private Verdict error = Verdict.OK;

        /** Why the last parse returned null ({@link Verdict#OK} when it did not). */
        public Verdict error() {
            return error;
        }

        /**
         * A written number of a kind: null, with {@link #error()}, when it breaks a rule. A {@link Amount#FIGURE}
         * of a count indicator ({@code unit} COUNT) is whole, but may be written with zero decimals ({@code 120.00}).
         */
        public BigDecimal parse(Amount kind, String text, Indicator.Unit unit) {
            BigDecimal v = decimal(text, kind.signed, kind.integerDigits);
            if (v == null) {
                return null;
            }
            if (kind == Amount.COUNT && v.scale() > 0) {
                return fail(Verdict.NOT_WHOLE);
            }
            if (kind == Amount.FIGURE && unit == Indicator.Unit.COUNT && v.scale() > 0
                    && v.stripTrailingZeros().scale() > 0) {
                return fail(Verdict.NOT_WHOLE);
            }
            if (v.scale() > kind.decimals) {
                return fail(Verdict.TOO_MANY_DECIMALS);
            }
            return v;
        }

        /** A written count as a long; -1 (with {@link #error()}) when it breaks a rule. */
        public long count(String text) {
            BigDecimal v = parse(Amount.COUNT, text, null);
            return v == null ? -1 : v.longValueExact();
        }

        /**
         * A plain decimal: digits, optionally a point and more digits, optionally a leading minus when
         * {@code signed}; no exponent, no thousands separators, no plus sign. At most {@code maxIntegerDigits}
         * significant digits before the point.
         */
        public BigDecimal decimal(String s, boolean signed, int maxIntegerDigits) {
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
                return fail(Verdict.NOT_NUMBER);
            }
            if (comma) {
                return fail(Verdict.THOUSANDS);
            }
            if (negative && !signed && significant > 0) {
                return fail(Verdict.NEGATIVE);
            }
            if (integerDigits > maxIntegerDigits) {
                return fail(Verdict.TOO_LARGE);
            }
            error = Verdict.OK;
            if (significant > 18) {
                return new BigDecimal(s);
            }
            return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
        }

        private BigDecimal fail(Verdict v) {
            error = v;
            return null;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
