package org.antifraud.cc.domain;

/**
 * Who makes a change, as the audit trail records it (ADR 0027): the operating-system account the application
 * runs under ({@code account}), and beside it the name typed in Settings ({@code declared}, may be null), which
 * anyone can type and is therefore only recorded as declared.
 */
public record AuditActor(String account, String declared) {
    public AuditActor {
        account = account == null || account.isBlank() ? "?" : account.strip();
        declared = declared == null || declared.isBlank() || declared.strip().equals(account) ? null : declared.strip();
    }

    /** The account this process runs under. */
    public static AuditActor osAccount(String declared) {
        return new AuditActor(System.getProperty("user.name"), declared);
    }

    public String display() {
        return display(account, declared);
    }

    /** {@code alice (declared: 王警官)}, or the account alone. */
    public static String display(String account, String declared) {
        return declared == null ? account : account + " (declared: " + declared + ")";
    }
}
