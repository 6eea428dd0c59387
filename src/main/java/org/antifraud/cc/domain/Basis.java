package org.antifraud.cc.domain;

import java.util.Arrays;
import java.util.Collection;

/** Where a figure comes from: the report itself, records summed by the app, or synthetic demo data. */
public enum Basis {
    REPORTED("reported"),
    COMPUTED("computed"),
    SYNTHETIC_DEMO("synthetic-demo");

    private final String code;

    Basis(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Basis fromCode(String code) {
        return Arrays.stream(values())
                .filter(b -> b.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown basis: " + code));
    }

    /** The basis of a sum: synthetic if any part is synthetic, otherwise computed. */
    public static Basis ofSum(Collection<Basis> parts) {
        return parts.contains(SYNTHETIC_DEMO) ? SYNTHETIC_DEMO : COMPUTED;
    }
}
