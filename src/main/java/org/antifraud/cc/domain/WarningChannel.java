package org.antifraud.cc.domain;

import java.util.Arrays;

/** How a batch of early warnings reached people, and the indicator each channel counts towards. */
public enum WarningChannel {
    NATIONAL_INSTRUCTION("national_instruction", "warning_instructions_issued"),
    LOCAL_WARNING("local_warning", "warnings_local"),
    SMS_12381("sms_12381", "sms_12381_warnings"),
    APP("app", "app_warnings"),
    PHONE_CALL("phone_call", "warning_calls"),
    VISIT("visit", "warning_visits");

    private final String code;
    private final String indicatorCode;

    WarningChannel(String code, String indicatorCode) {
        this.code = code;
        this.indicatorCode = indicatorCode;
    }

    public String code() {
        return code;
    }

    /** The indicator a batch's warnings count towards. */
    public String indicatorCode() {
        return indicatorCode;
    }

    public static WarningChannel fromCode(String code) {
        return Arrays.stream(values())
                .filter(c -> c.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown warning channel: " + code));
    }
}
