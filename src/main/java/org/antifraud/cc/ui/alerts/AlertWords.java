package org.antifraud.cc.ui.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.antifraud.cc.domain.AlertEvent;
import org.antifraud.cc.domain.AlertGrain;
import org.antifraud.cc.domain.AlertKind;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.InstructionCut;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.NumberFormats;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.I18n;

/** The Alerts page's words, in the current language: names of codes, a rule, an alert's value, a time. */
public final class AlertWords {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Catalog catalog;
    private final Appearance appearance;
    private final ZoneId zone;

    /** @param zone the time zone alert times are shown in */
    public AlertWords(Catalog catalog, Appearance appearance, ZoneId zone) {
        this.catalog = catalog;
        this.appearance = appearance;
        this.zone = zone;
    }

    I18n i18n() {
        return appearance.i18n();
    }

    /** Indicator codes in catalog order. */
    public List<String> indicatorChoices() {
        return catalog.indicators().stream().map(Indicator::code).toList();
    }

    /** Region codes as the dashboard lists them: the nation, the zones, the provinces. */
    public List<String> regionChoices() {
        return catalog.regionCodes(RegionKind.NATION, RegionKind.ZONE, RegionKind.PROVINCE);
    }

    public String indicatorName(String code) {
        return code == null ? "" : catalog.indicator(code).map(i -> i.name(appearance.localeProperty().get())).orElse(code);
    }

    /** The indicator's name and, for a part of the warning instructions, which part: "Time-limit breaches · High risk". */
    public String indicatorName(String code, InstructionCut cut) {
        String name = indicatorName(code);
        if (cut == null || cut.none()) {
            return name;
        }
        I18n i18n = appearance.i18n();
        StringBuilder text = new StringBuilder(name);
        if (cut.tier() != null) {
            text.append(" · ").append(i18n.get("alerts.cut.tier", tierName(cut.tier().code())));
        }
        if (cut.risk() != null) {
            text.append(" · ").append(i18n.get("alerts.cut.risk", riskName(cut.risk().code())));
        }
        return text.toString();
    }

    /** Tier codes to choose from, the first ("") meaning every tier. */
    public List<String> tierChoices() {
        return List.of("", InstructionTier.NATIONAL.code(), InstructionTier.PROVINCIAL.code(),
                InstructionTier.LOCAL.code());
    }

    /** Risk-level codes to choose from, the first ("") meaning every level. */
    public List<String> riskChoices() {
        return List.of("", RiskLevel.HIGH.code(), RiskLevel.MEDIUM.code(), RiskLevel.LOW.code());
    }

    public String tierName(String code) {
        return code == null || code.isEmpty() ? appearance.i18n().get("alerts.cut.every_tier")
                : appearance.i18n().get("entry.tier." + code);
    }

    public String riskName(String code) {
        return code == null || code.isEmpty() ? appearance.i18n().get("alerts.cut.every_risk")
                : appearance.i18n().get("entry.risk." + code);
    }

    public String regionName(String code) {
        return code == null ? "" : catalog.region(code).map(r -> r.name(appearance.localeProperty().get())).orElse(code);
    }

    public String grainName(AlertGrain grain) {
        return grain == null ? "" : appearance.i18n().get("alerts.grain." + grain.code());
    }

    public String kindName(AlertKind kind) {
        return kind == null ? "" : appearance.i18n().get("alerts.kind." + kind.code());
    }

    /** Whether an indicator counts money (its limit is in CNY). */
    boolean isMoney(String indicatorCode) {
        return indicatorCode != null && catalog.indicator(indicatorCode)
                .map(i -> i.unit() == Indicator.Unit.CNY).orElse(false);
    }

    String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    String valueText(AlertEvent e) {
        I18n i18n = appearance.i18n();
        boolean zh = i18n.isChinese();
        String value = NumberFormats.full(e.value(), null, zh);
        if (e.partial()) {
            // a partial figure is a lower bound of its key's total (issue 12)
            value = i18n.get("alerts.value.partial", value);
        }
        if (e.kind() == AlertKind.RISE_PCT && e.risePct() != null) {
            value = i18n.get(e.partial() ? "alerts.value.rise.like_for_like" : "alerts.value.rise",
                    NumberFormats.percent(e.risePct()), value, NumberFormats.full(e.previousValue(), null, zh));
        }
        return e.isDemo() ? i18n.get("alerts.value.demo", value) : value;
    }

    String ruleText(AlertKind kind, BigDecimal limit) {
        I18n i18n = appearance.i18n();
        String number = NumberFormats.full(limit, null, i18n.isChinese());
        return i18n.get(kind == AlertKind.ABOVE ? "alerts.rule.above" : "alerts.rule.rise_pct", number);
    }
}
