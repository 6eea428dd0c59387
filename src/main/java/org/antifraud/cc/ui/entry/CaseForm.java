package org.antifraud.cc.ui.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FieldRules;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.RecordKind;

/** One registered fraud case: number, date, region, type, loss, recovered, status. */
public final class CaseForm extends EntryForm {
    final FormField<String> caseNumber = text("case_number");
    final FormField<LocalDate> date = date("registered_on");
    final FormField<String> region = code("region", true);
    final FormField<FraudType> type = choice("type", FraudType.class, null);
    final FormField<String> loss = text("loss");
    final FormField<String> recovered = text("recovered");
    final FormField<CaseStatus> status = choice("status", CaseStatus.class, CaseStatus.OPEN);

    CaseForm() {
        super(RecordKind.FRAUD_CASE);
    }

    @Override
    EntryRecord build(Checks c, EntryRecord editing) {
        String number = c.required(caseNumber);
        if (number != null) {
            c.text(caseNumber, FieldRules.CASE_NUMBER_LENGTH);
        }
        LocalDate on = c.date(date);
        String where = c.choice(region);
        FraudType what = c.choice(type);
        BigDecimal lost = c.money(loss, true);
        BigDecimal back = c.money(recovered, false);
        CaseStatus state = c.choice(status);
        if (c.ok() && back.compareTo(lost) > 0) {
            c.fail(recovered, "entry.error.recovered_above_loss");
        }
        if (!c.ok()) {
            return null;
        }
        UUID id = editing instanceof FraudCase f ? f.id() : UUID.randomUUID();
        return new FraudCase(id, number, on, where, what, lost, back, state, Basis.COMPUTED);
    }

    @Override
    void load(EntryRecord record) {
        FraudCase f = (FraudCase) record;
        caseNumber.set(f.caseNumber());
        date.set(f.registeredOn());
        region.set(f.regionCode());
        type.set(f.type());
        loss.set(plain(f.loss()));
        recovered.set(plain(f.recovered()));
        status.set(f.status());
    }
}
