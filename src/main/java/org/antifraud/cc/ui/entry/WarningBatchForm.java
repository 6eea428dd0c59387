package org.antifraud.cc.ui.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;

/** A day's early warnings of one channel in one region. */
public final class WarningBatchForm extends EntryForm {
    final FormField<LocalDate> date = date("date");
    final FormField<String> region = code("region", true);
    final FormField<WarningChannel> channel = choice("channel", WarningChannel.class, null);
    final FormField<String> warnings = text("warnings");
    final FormField<String> dissuaded = text("persons_dissuaded");
    final FormField<String> funds = text("funds_intercepted");

    WarningBatchForm() {
        super(RecordKind.WARNING_BATCH);
    }

    @Override
    EntryRecord build(Checks c, EntryRecord editing) {
        LocalDate on = c.date(date);
        String where = c.choice(region);
        WarningChannel how = c.choice(channel);
        long n = c.count(warnings, true);
        long d = c.count(dissuaded, false);
        BigDecimal f = c.money(funds, false);
        if (!c.ok()) {
            return null;
        }
        UUID id = editing instanceof WarningBatch w ? w.id() : UUID.randomUUID();
        return new WarningBatch(id, on, where, how, n, d, f);
    }

    @Override
    void load(EntryRecord record) {
        WarningBatch w = (WarningBatch) record;
        date.set(w.batchOn());
        region.set(w.regionCode());
        channel.set(w.channel());
        warnings.set(plain(w.warnings()));
        dissuaded.set(plain(w.personsDissuaded()));
        funds.set(plain(w.fundsIntercepted()));
    }
}
