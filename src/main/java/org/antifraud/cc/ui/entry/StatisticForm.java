package org.antifraud.cc.ui.entry;

import java.math.BigDecimal;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FieldRules;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.Qualifier;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Source;
import org.antifraud.cc.domain.Statistic;

/**
 * A figure that arrives as a total from another agency: indicator, region, period (year, month or day),
 * campaign, the value or a reported change, "more than", the source and a note.
 */
public final class StatisticForm extends EntryForm {
    final FormField<String> indicator = code("indicator", false);
    final FormField<String> region = code("region", true);
    final FormField<String> period = keptText("period");
    final FormField<String> campaign = code("campaign", true);
    final FormField<String> value = text("value");
    final FormField<String> changePct = text("change_pct");
    final FormField<Boolean> moreThan = flag("more_than");
    final FormField<String> source = text("source");
    final FormField<String> note = text("note");

    StatisticForm() {
        super(RecordKind.STATISTIC);
    }

    @Override
    EntryRecord build(Checks c, EntryRecord editing) {
        String what = c.choice(indicator);
        String where = c.choice(region);
        Period when = c.period(period);
        BigDecimal v = c.number(value, FieldRules.Amount.FIGURE, c.unitOf(what));
        BigDecimal change = c.number(changePct, FieldRules.Amount.CHANGE, null);
        String title = c.text(source, FieldRules.SOURCE_LENGTH);
        String remark = c.text(note, FieldRules.NOTE_LENGTH);
        if (c.ok() && v == null && change == null) {
            c.fail(value, "entry.error.value_or_change");
        }
        if (!c.ok()) {
            return null;
        }
        Basis basis = Basis.REPORTED;
        Long id = null;
        String sentence = null;
        if (editing instanceof Statistic s) {
            id = s.id();
            basis = s.measurement().basis();
            sentence = s.measurement().source() == null ? null : s.measurement().source().sentence();
        }
        Source src = title == null && sentence == null ? null : new Source(title, sentence);
        return new Statistic(id, new Measurement(what, where, when, campaign.get(), v, change, basis,
                Boolean.TRUE.equals(moreThan.get()) ? Qualifier.MORE_THAN : null, src, remark));
    }

    @Override
    void load(EntryRecord record) {
        Measurement m = ((Statistic) record).measurement();
        indicator.set(m.indicatorCode());
        region.set(m.regionCode());
        period.set(m.period().code());
        campaign.set(m.campaignCode());
        value.set(orEmpty(m.value(), EntryForm::plain));
        changePct.set(orEmpty(m.changePct(), EntryForm::plain));
        moreThan.set(m.qualifier() == Qualifier.MORE_THAN);
        source.set(m.source() == null || m.source().title() == null ? "" : m.source().title());
        note.set(orEmpty(m.note(), x -> x));
    }
}
