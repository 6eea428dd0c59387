package org.antifraud.cc.ui.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.PageMessage;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Data entry forms on their own (no database, no toolkit): what they tell the draft keeper, and the record
 * they hold while editing. The page as a whole is {@link DataEntryViewModelTest}'s.
 */
class EntryFormsViewModelTest {
    private static final Instant NOW = Instant.parse("2023-03-04T05:06:07Z");
    private static final LocalDate DAY = LocalDate.of(2023, 2, 20);
    private static final Catalog CATALOG = new Catalog(
            List.of(new Region("CN", RegionKind.NATION, null, "全国", "China"),
                    new Region("CN-GD", RegionKind.PROVINCE, "CN", "广东省", "Guangdong")),
            Map.of("CN", List.of("CN-GD")), List.of(), List.of());

    private final Appearance appearance = new Appearance(Lang.EN, Theme.DARK);
    private final PageMessage message = new PageMessage();
    private final List<String> heard = new ArrayList<>();
    private EntryFormsViewModel forms;

    @BeforeEach
    void setUp() {
        forms = new EntryFormsViewModel(new EntryNames(CATALOG, appearance), appearance, message,
                Clock.fixed(NOW, ZoneOffset.UTC));
        forms.addContentListener((kind, reset) -> heard.add(kind.code() + (reset ? " reset" : " typed")));
    }

    private DenTakedownForm den() {
        return (DenTakedownForm) forms.form(RecordKind.DEN_TAKEDOWN);
    }

    @Test
    void typingIsHeardAsTypingAndEscAsAResetThatKeepsTheBatchFields() {
        den().region.set("CN-GD");
        den().city.set("Shenzhen");
        assertThat(heard).containsExactly("den_takedown typed", "den_takedown typed");

        forms.cancel();

        assertThat(heard).last().isEqualTo("den_takedown reset");
        assertThat(den().city.get()).isEmpty();
        assertThat(den().region.get()).as("kept for the next record of the batch").isEqualTo("CN-GD");
    }

    @Test
    void loadingARecordToEditIsNoTypingAndTheTitleNamesIt() {
        message.show("Saved: something", false);
        DenTakedown stored = new DenTakedown(UUID.randomUUID(), DAY, "CN-GD", "Dongguan", null, null, 9, 0, 0, 0, null);
        forms.kindProperty().set(RecordKind.WARNING_BATCH);

        forms.edit(new HistoryRow(new StoredRecord(stored, 3), List.of()));

        assertThat(heard).as("nothing to keep as a draft yet").isEmpty();
        assertThat(forms.kindProperty().get()).isEqualTo(RecordKind.DEN_TAKEDOWN);
        assertThat(forms.editingProperty().get()).isTrue();
        assertThat(forms.formTitleProperty().get()).isEqualTo("Editing Den takedown: 2023-02-20 Guangdong");
        assertThat(forms.validProperty().get()).isTrue();
        assertThat(den().editing().version()).as("saved under the version it was read with").isEqualTo(3);
        assertThat(message.textProperty().get()).isEmpty();

        forms.leaveEditOf(stored); // it was deleted or changed elsewhere
        assertThat(forms.editingProperty().get()).isFalse();
        assertThat(heard).containsExactly("den_takedown reset");
    }

    @Test
    void aServiceErrorBlocksTheSaveUntilTheClerkChangesThatField() {
        forms.kindProperty().set(RecordKind.FRAUD_CASE);
        CaseForm f = (CaseForm) forms.form(RecordKind.FRAUD_CASE);
        f.caseNumber.set("GD-1");
        f.date.set(DAY);
        f.region.set("CN-GD");
        f.type.set(FraudType.FAKE_INVESTMENT);
        f.loss.set("100");
        f.status.set(CaseStatus.OPEN);
        assertThat(forms.recordToSave()).isNotNull();

        forms.serviceError(f, "case_number", "Case number GD-1 is already used.");
        assertThat(f.caseNumber.errorProperty().get()).isEqualTo("Case number GD-1 is already used.");
        assertThat(forms.validProperty().get()).isFalse();
        f.loss.set("200");
        assertThat(f.caseNumber.errorProperty().get()).as("another field changed: still shown").isNotNull();

        f.caseNumber.set("GD-2");
        assertThat(f.caseNumber.errorProperty().get()).isNull();
        assertThat(forms.validProperty().get()).isTrue();
    }

    @Test
    void aRestoredDraftCountsItsFilledFieldsAsTypedAndIsNotHeardAsNewTyping() {
        Map<String, String> draft = Map.of("city", "Shenzhen", "suspects_arrested", "x");

        forms.restore(RecordKind.DEN_TAKEDOWN, draft::get, null);

        assertThat(heard).isEmpty();
        assertThat(den().city.get()).isEqualTo("Shenzhen");
        assertThat(den().suspects.errorProperty().get()).as("a filled field shows its error at once")
                .isEqualTo("A whole number, 0 or more.");
        assertThat(den().date.errorProperty().get()).as("a blank one waits for the clerk").isNull();
    }
}
