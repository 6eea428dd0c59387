package org.antifraud.cc.service.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.TrustedStation;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningInstruction;

/**
 * A record's state as the audit trail keeps it: one {@code field=value} line per column, in a fixed order,
 * values escaped ({@code \\}, {@code \n}), a missing value as the field name alone. The same record always
 * gives the same text, so that a stored row can be compared with its last audited state.
 */
public final class StateText {
    private StateText() {
    }

    public static String of(EntryRecord record) {
        // what format(fields(record)) gives, without the map: an import states a million records
        Text t = new Text();
        switch (record) {
            case Statistic s -> {
                Measurement m = s.measurement();
                t.add("id", s.id() == null ? null : s.id().toString()).add("indicator", m.indicatorCode())
                        .add("region", m.regionCode()).add("period", m.period().code())
                        .add("campaign", m.campaignCode()).add("value", plain(m.value()))
                        .add("change_pct", plain(m.changePct())).add("basis", m.basis().code())
                        .add("qualifier", m.qualifier() == null ? null : m.qualifier().code())
                        .add("source_title", m.source() == null ? null : m.source().title())
                        .add("source_sentence", m.source() == null ? null : m.source().sentence())
                        .add("note", m.note());
            }
            default -> fields(record).forEach(t::add);
        }
        return t.toString();
    }

    /** A submission's state: region, month, kind, state, changed_by, changed_at, reason. */
    public static String of(Submission s) {
        return new Text().add("region", s.regionCode()).add("month", s.month().toString()).add("kind", s.kind().code())
                .add("state", s.state().code()).add("changed_by", s.changedBy())
                .add("changed_at", s.changedAt() == null ? null : s.changedAt().toString()).add("reason", s.reason())
                .toString();
    }

    /** {@code name=value} lines, escaped as {@link #format} does. */
    private static final class Text {
        private final StringBuilder s = new StringBuilder(160);

        Text add(String name, String value) {
            if (!s.isEmpty()) {
                s.append('\n');
            }
            s.append(name);
            if (value != null) {
                s.append('=');
                if (value.indexOf('\\') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                    s.append(value);
                } else {
                    s.append(value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"));
                }
            }
            return this;
        }

        @Override
        public String toString() {
            return s.toString();
        }
    }

    /** The fields of a record, in order; null for a missing value. */
    public static Map<String, String> fields(EntryRecord record) {
        Map<String, String> f = new LinkedHashMap<>();
        switch (record) {
            case DenTakedown d -> {
                f.put("id", d.id().toString());
                f.put("date", d.takenOn().toString());
                f.put("region", d.regionCode());
                f.put("city", d.city());
                f.put("campaign", d.campaignCode());
                f.put("address", d.address());
                f.put("suspects_arrested", Long.toString(d.suspectsArrested()));
                f.put("goip_devices", Long.toString(d.goipDevices()));
                f.put("phone_cards", Long.toString(d.phoneCards()));
                f.put("bank_cards", Long.toString(d.bankCards()));
                f.put("note", d.note());
            }
            case WarningBatch w -> {
                f.put("id", w.id().toString());
                f.put("date", w.batchOn().toString());
                f.put("region", w.regionCode());
                f.put("channel", w.channel().code());
                f.put("warnings", Long.toString(w.warnings()));
                f.put("persons_dissuaded", Long.toString(w.personsDissuaded()));
                f.put("funds_intercepted", plain(w.fundsIntercepted()));
            }
            case FraudCase c -> {
                f.put("id", c.id().toString());
                f.put("case_number", c.caseNumber());
                f.put("registered_on", c.registeredOn().toString());
                f.put("region", c.regionCode());
                f.put("fraud_type", c.type().code());
                f.put("loss", plain(c.loss()));
                f.put("recovered", plain(c.recovered()));
                f.put("status", c.status().code());
                f.put("basis", c.basis().code());
            }
            case WarningInstruction i -> {
                f.put("id", i.id().toString());
                f.put("issued_at", i.issuedAt().toString());
                f.put("region", i.regionCode());
                f.put("tier", i.tier().code());
                f.put("risk_level", i.riskLevel().code());
                f.put("contacted_at", i.contactedAt() == null ? null : i.contactedAt().toString());
                f.put("outcome", i.outcome().code());
                f.put("funds_protected", plain(i.fundsProtected()));
            }
            case Statistic s -> {
                Measurement m = s.measurement();
                f.put("id", s.id() == null ? null : s.id().toString());
                f.put("indicator", m.indicatorCode());
                f.put("region", m.regionCode());
                f.put("period", m.period().code());
                f.put("campaign", m.campaignCode());
                f.put("value", plain(m.value()));
                f.put("change_pct", plain(m.changePct()));
                f.put("basis", m.basis().code());
                f.put("qualifier", m.qualifier() == null ? null : m.qualifier().code());
                f.put("source_title", m.source() == null ? null : m.source().title());
                f.put("source_sentence", m.source() == null ? null : m.source().sentence());
                f.put("note", m.note());
            }
        }
        return f;
    }

    /** Money and figures without trailing zeros or exponent: 1000.50 and 1000.5 are the same amount. */
    static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** The state the audit trail records for a trusted key. */
    public static String of(TrustedStation s) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", s.fingerprint());
        f.put("station", s.station());
        f.put("label", s.label());
        f.put("public_key", s.publicKey());
        f.put("trusted_at", s.trustedAt().toString());
        f.put("trusted_by", s.trustedBy());
        f.put("revoked_at", s.revokedAt() == null ? "" : s.revokedAt().toString());
        f.put("revoked_by", s.revokedBy() == null ? "" : s.revokedBy());
        return format(f);
    }

    public static String format(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!s.isEmpty()) {
                s.append('\n');
            }
            s.append(name);
            if (value != null) {
                s.append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"));
            }
        });
        return s.toString();
    }

    /** The inverse of {@link #of}'s formatting. */
    public static Map<String, String> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return fields;
        }
        for (String line : text.split("\n", -1)) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                fields.put(line, null);
            } else {
                fields.put(line.substring(0, eq), unescape(line.substring(eq + 1)));
            }
        }
        return fields;
    }

    /** The fields whose values differ between two states (in the order of {@code a}, then new ones of {@code b}). */
    public static List<String> differences(String a, String b) {
        Map<String, String> x = parse(a);
        Map<String, String> y = parse(b);
        List<String> names = new ArrayList<>();
        x.forEach((k, v) -> {
            if (!y.containsKey(k) || !Objects.equals(v, y.get(k))) {
                names.add(k);
            }
        });
        y.keySet().stream().filter(k -> !x.containsKey(k)).forEach(names::add);
        return names;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
