package org.antifraud.cc.service.csv;

import java.time.LocalDate;
import java.util.UUID;

import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FieldRules;

/** Rows of a dens file: each a {@link DenTakedown}. */
final class DenRows extends RowReader {
    private static final CsvFileType TYPE = CsvFileType.DENS;
    private static final int ID = column(TYPE, "id");
    private static final int DATE = column(TYPE, "date");
    private static final int REGION = column(TYPE, "region");
    private static final int CITY = column(TYPE, "city");
    private static final int CAMPAIGN = column(TYPE, "campaign");
    private static final int ADDRESS = column(TYPE, "address");
    private static final int SUSPECTS = column(TYPE, "suspects_arrested");
    private static final int GOIP = column(TYPE, "goip_devices");
    private static final int PHONE_CARDS = column(TYPE, "phone_cards");
    private static final int BANK_CARDS = column(TYPE, "bank_cards");
    private static final int NOTE = column(TYPE, "note");

    DenRows(int[] at, CatalogIndex catalog, LocalDate today, Problems problems) {
        super(TYPE, at, catalog, today, problems);
    }

    @Override
    EntryRecord readRow() {
        UUID id = id(ID);
        LocalDate date = date(DATE);
        String region = province(REGION);
        String city = freeText(CITY, FieldRules.CITY_LENGTH);
        String campaign = campaign(CAMPAIGN);
        String address = freeText(ADDRESS, FieldRules.ADDRESS_LENGTH);
        long suspects = count(SUSPECTS);
        long goip = count(GOIP);
        long phoneCards = count(PHONE_CARDS);
        long bankCards = count(BANK_CARDS);
        String note = freeText(NOTE, FieldRules.NOTE_LENGTH);
        if (id == null || date == null || region == null || suspects < 0 || goip < 0 || phoneCards < 0
                || bankCards < 0) {
            return null;
        }
        return new DenTakedown(id, date, region, city, campaign, address, suspects, goip, phoneCards, bankCards, note);
    }
}
