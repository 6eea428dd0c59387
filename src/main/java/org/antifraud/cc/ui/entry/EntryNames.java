package org.antifraud.cc.ui.entry;

import java.util.List;

import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.WriteAccess;

/** The Data entry page's words for codes and records, in the current language, and the choices of its forms. */
public final class EntryNames {
    private final Catalog catalog;
    private final Appearance appearance;

    private WriteAccess access = WriteAccess.ALL;

    public EntryNames(Catalog catalog, Appearance appearance) {
        this.catalog = catalog;
        this.appearance = appearance;
    }

    public String kindName(RecordKind k) {
        return appearance.i18n().get("entry.kind." + k.code());
    }

    public String regionName(String code) {
        return code == null ? "" : catalog.region(code).map(r -> r.name(appearance.localeProperty().get())).orElse(code);
    }

    public String campaignName(String code) {
        return code == null ? "" : catalog.campaign(code).map(c -> c.name(appearance.localeProperty().get())).orElse(code);
    }

    public String indicatorName(String code) {
        return code == null ? "" : catalog.indicator(code).map(i -> i.name(appearance.localeProperty().get())).orElse(code);
    }

    public String channelName(WarningChannel c) {
        return c == null ? "" : appearance.i18n().get("entry.channel." + c.code());
    }

    public String typeName(FraudType t) {
        return t == null ? "" : appearance.i18n().get("entry.fraud_type." + t.code());
    }

    public String statusName(CaseStatus s) {
        return s == null ? "" : appearance.i18n().get("entry.status." + s.code());
    }

    public String tierName(InstructionTier t) {
        return t == null ? "" : appearance.i18n().get("entry.tier." + t.code());
    }

    public String riskName(RiskLevel r) {
        return r == null ? "" : appearance.i18n().get("entry.risk." + r.code());
    }

    public String outcomeName(InstructionOutcome o) {
        return o == null ? "" : appearance.i18n().get("entry.outcome." + o.code());
    }

    /** A few words naming a record in messages: its date and place, or its case number. */
    public String describe(EntryRecord record) {
        return switch (record) {
            case DenTakedown d -> d.takenOn() + " " + regionName(d.regionCode());
            case WarningBatch w -> w.batchOn() + " " + regionName(w.regionCode()) + " " + channelName(w.channel());
            case FraudCase c -> c.caseNumber();
            case WarningInstruction i -> i.issuedAt() + " " + regionName(i.regionCode()) + " " + tierName(i.tier()) + " "
                    + riskName(i.riskLevel());
            case Statistic s -> indicatorName(s.measurement().indicatorCode()) + " "
                    + regionName(s.measurement().regionCode()) + " " + s.measurement().period().code();
        };
    }

    /** The unit of an indicator, for the form's checks; null for an unknown code. */
    Indicator.Unit indicatorUnit(String code) {
        return catalog.indicator(code).map(Indicator::unit).orElse(null);
    }

    /** The forms offer only the regions this session may write (an operator with regions: those). */
    void limitTo(WriteAccess access) {
        this.access = access;
    }

    /** Provinces, for records that happen somewhere (den takedowns, warnings, cases). */
    public List<String> provinceChoices() {
        return access.writable(catalog.regionsOfKind(RegionKind.PROVINCE).stream().map(r -> r.code()).toList());
    }

    /** The nation and the provinces, for reported totals. */
    public List<String> regionChoices() {
        return access.writable(catalog.regionCodes(RegionKind.NATION, RegionKind.PROVINCE));
    }

    public List<String> campaignChoices() {
        return catalog.campaigns().stream().map(c -> c.code()).toList();
    }

    public List<String> indicatorChoices() {
        return catalog.indicators().stream().map(Indicator::code).toList();
    }
}
