package org.antifraud.cc.app.cli;

import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Problem;

/** A {@code --period} value: a malformed one is bad input (exit 2), named, before anything is opened. */
final class PeriodOption {
    private PeriodOption() {
    }

    static Period parse(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Problem("bad_period", "malformed period: " + text + " (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD)",
                    text);
        }
    }
}
