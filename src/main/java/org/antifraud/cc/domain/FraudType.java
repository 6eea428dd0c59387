package org.antifraud.cc.domain;

import java.util.Arrays;

/** The kind of a fraud case, as the fraud_case CHECK constraint lists them. */
public enum FraudType {
    ORDER_BRUSHING("order_brushing"),
    FAKE_INVESTMENT("fake_investment"),
    FAKE_LOAN("fake_loan"),
    FAKE_CUSTOMER_SERVICE("fake_customer_service"),
    IMPERSONATING_POLICE("impersonating_police"),
    ROMANCE("romance"),
    OTHER("other");

    private final String code;

    FraudType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static FraudType fromCode(String code) {
        return Arrays.stream(values())
                .filter(t -> t.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fraud type: " + code));
    }
}
