package org.antifraud.cc.ui.entry;

import java.time.LocalDate;
import java.util.UUID;

import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FieldRules;
import org.antifraud.cc.domain.RecordKind;

/** A fraud den destroyed: date, province and city, campaign, address, what was seized. */
public final class DenTakedownForm extends EntryForm {
    final FormField<LocalDate> date = date("date");
    final FormField<String> region = code("region", true);
    final FormField<String> city = text("city");
    final FormField<String> campaign = code("campaign", true);
    final FormField<String> address = text("address");
    final FormField<String> suspects = text("suspects_arrested");
    final FormField<String> goip = text("goip_devices");
    final FormField<String> phoneCards = text("phone_cards");
    final FormField<String> bankCards = text("bank_cards");
    final FormField<String> note = text("note");

    DenTakedownForm() {
        super(RecordKind.DEN_TAKEDOWN);
    }

    @Override
    EntryRecord build(Checks c, EntryRecord editing) {
        LocalDate on = c.date(date);
        String province = c.choice(region);
        long s = c.count(suspects, true);
        long g = c.count(goip, false);
        long p = c.count(phoneCards, false);
        long b = c.count(bankCards, false);
        String town = c.text(city, FieldRules.CITY_LENGTH);
        String where = c.text(address, FieldRules.ADDRESS_LENGTH);
        String remark = c.text(note, FieldRules.NOTE_LENGTH);
        if (!c.ok()) {
            return null;
        }
        UUID id = editing instanceof DenTakedown d ? d.id() : UUID.randomUUID();
        return new DenTakedown(id, on, province, town, campaign.get(), where, s, g, p, b, remark);
    }

    @Override
    void load(EntryRecord record) {
        DenTakedown d = (DenTakedown) record;
        date.set(d.takenOn());
        region.set(d.regionCode());
        city.set(orEmpty(d.city(), x -> x));
        campaign.set(d.campaignCode());
        address.set(orEmpty(d.address(), x -> x));
        suspects.set(plain(d.suspectsArrested()));
        goip.set(plain(d.goipDevices()));
        phoneCards.set(plain(d.phoneCards()));
        bankCards.set(plain(d.bankCards()));
        note.set(orEmpty(d.note(), x -> x));
    }
}
