package org.antifraud.cc.ui.entry;

/** One audit-trail entry as the audit table shows it. */
public record AuditRow(long seq, String time, String actor, String action, String kind, String id, String origin,
                       String changed) {
}
