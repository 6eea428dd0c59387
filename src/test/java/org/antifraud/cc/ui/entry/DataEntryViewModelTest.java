package org.antifraud.cc.ui.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.StoredRecord;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.audit.AuditService;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.records.DraftService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.Debouncer;
import org.antifraud.cc.ui.common.FakeDialogs;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Data entry page's state and commands over the real services on an in-memory H2; no toolkit, no sleeps. */
@IntegrationTest
class DataEntryViewModelTest {
    private static final Instant NOW = Instant.parse("2023-03-04T05:06:07Z");
    private static final LocalDate DAY = LocalDate.of(2023, 2, 20);

    private String url;
    private Database database;
    private RecordService records;
    private AuditService audit;
    private DraftService drafts;
    private final Appearance appearance = new Appearance(Lang.EN, Theme.DARK);
    private final FakeDialogs dialogs = new FakeDialogs();
    private DataEntryViewModel vm;

    @BeforeEach
    void setUp() {
        url = "jdbc:h2:mem:entry-vm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        database = Database.openUrl(url, "test");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var catalog = database.repositories().catalog().load();
        records = new RecordService(database, catalog, new DatasetService(database, clock), clock, TestAudit.trail(database, "clerk-1"));
        audit = new AuditService(database, clock, TestAudit.trail(database, "clerk-1"));
        drafts = new DraftService(database);
        vm = newViewModel();
        vm.activate();
    }

    private DataEntryViewModel newViewModel() {
        return new DataEntryViewModel(records, audit, drafts, database.repositories().catalog().load(),
                QueuedUiExecutor.immediate(), appearance, dialogs, Debouncer.immediate(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private DenTakedownForm den() {
        return (DenTakedownForm) vm.forms().form(RecordKind.DEN_TAKEDOWN);
    }

    private void fillDen(String suspects) {
        DenTakedownForm f = den();
        f.date.set(DAY);
        f.region.set("CN-GD");
        f.city.set("Shenzhen");
        f.campaign.set("chain_cutting");
        f.suspects.set(suspects);
        f.goip.set("3");
    }

    private List<StoredRecord> stored(RecordKind kind) {
        return records.recent(kind, 100);
    }

    // ------------------------------------------------------------------ validation

    @Test
    void anEmptyDenTakedownNamesEveryMissingFieldAndStoresNothing() {
        assertThat(vm.forms().validProperty().get()).as("save is disabled while invalid").isFalse();
        assertThat(den().date.errorProperty().get()).as("no error before the clerk did anything").isNull();

        vm.changes().save();

        assertThat(den().date.errorProperty().get()).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(den().region.errorProperty().get()).isEqualTo("Choose one from the list.");
        assertThat(den().suspects.errorProperty().get()).isEqualTo("Required.");
        assertThat(den().goip.errorProperty().get()).as("a blank seized count is 0").isNull();
        assertThat(stored(RecordKind.DEN_TAKEDOWN)).isEmpty();
    }

    @Test
    void aDateInTheFutureAndABadCountAreRefusedAsTheClerkTypes() {
        fillDen("4");
        assertThat(vm.forms().validProperty().get()).isTrue();

        den().date.set(LocalDate.of(2023, 3, 5)); // the day after "today"
        assertThat(den().date.errorProperty().get()).isEqualTo("The date must not be in the future.");
        den().date.set(DAY);
        den().suspects.set("-3");
        assertThat(den().suspects.errorProperty().get()).isEqualTo("Must not be negative.");
        den().suspects.set("2.5");
        assertThat(den().suspects.errorProperty().get()).isEqualTo("A whole number, 0 or more.");
        assertThat(vm.forms().validProperty().get()).isFalse();

        vm.changes().save();
        assertThat(stored(RecordKind.DEN_TAKEDOWN)).isEmpty();
        den().suspects.set("1,200");
        assertThat(den().suspects.errorProperty().get()).isNull();
        assertThat(vm.forms().validProperty().get()).isTrue();
    }

    @Test
    void aWarningBatchAcceptsAtMostTwoDecimalsOfMoney() {
        vm.forms().kindProperty().set(RecordKind.WARNING_BATCH);
        WarningBatchForm f = (WarningBatchForm) vm.forms().form(RecordKind.WARNING_BATCH);
        f.date.set(DAY);
        f.region.set("CN-ZJ");
        f.channel.set(WarningChannel.SMS_12381);
        f.warnings.set("1500");
        f.funds.set("10.555");
        assertThat(f.funds.errorProperty().get()).isEqualTo("At most two decimals.");
        f.funds.set("-1");
        assertThat(f.funds.errorProperty().get()).isEqualTo("Must not be negative.");
        vm.changes().save();
        assertThat(stored(RecordKind.WARNING_BATCH)).isEmpty();

        f.funds.set("10.55");
        vm.changes().save();
        assertThat(stored(RecordKind.WARNING_BATCH)).singleElement().satisfies(s -> assertThat(s.record())
                .isEqualTo(new WarningBatch(((WarningBatch) s.record()).id(),
                        DAY, "CN-ZJ", WarningChannel.SMS_12381, 1500, 0, new BigDecimal("10.55"))));
    }

    @Test
    void aCaseNumberAlreadyUsedIsShownAtTheFieldAndTheInputIsKept() {
        vm.forms().kindProperty().set(RecordKind.FRAUD_CASE);
        CaseForm f = (CaseForm) vm.forms().form(RecordKind.FRAUD_CASE);
        fillCase(f, "GD-2023-0001", "5000.5");
        vm.changes().save();
        assertThat(stored(RecordKind.FRAUD_CASE)).hasSize(1);
        assertThat(f.caseNumber.get()).as("ready for the next case").isEmpty();

        fillCase(f, "GD-2023-0001", "700");
        vm.changes().save();

        assertThat(f.caseNumber.errorProperty().get()).isEqualTo("Case number GD-2023-0001 is already used.");
        assertThat(vm.message().errorProperty().get()).isTrue();
        assertThat(f.loss.get()).isEqualTo("700");
        assertThat(vm.forms().validProperty().get()).as("until the number changes").isFalse();
        assertThat(stored(RecordKind.FRAUD_CASE)).hasSize(1);

        f.caseNumber.set("GD-2023-0002");
        assertThat(f.caseNumber.errorProperty().get()).isNull();
        vm.changes().save();
        assertThat(stored(RecordKind.FRAUD_CASE)).hasSize(2);
    }

    @Test
    void aCaseRefusesThreeDecimalsAndMoreRecoveredThanLost() {
        vm.forms().kindProperty().set(RecordKind.FRAUD_CASE);
        CaseForm f = (CaseForm) vm.forms().form(RecordKind.FRAUD_CASE);
        fillCase(f, "GD-9", "100.125");
        assertThat(f.loss.errorProperty().get()).isEqualTo("At most two decimals.");
        f.loss.set("100");
        f.recovered.set("150");
        assertThat(f.recovered.errorProperty().get()).isEqualTo("More than the loss.");
        vm.changes().save();
        assertThat(stored(RecordKind.FRAUD_CASE)).isEmpty();
    }

    private static void fillCase(CaseForm f, String number, String loss) {
        f.caseNumber.set(number);
        f.date.set(DAY);
        f.region.set("CN-GD");
        f.type.set(FraudType.FAKE_INVESTMENT);
        f.loss.set(loss);
        f.status.set(CaseStatus.OPEN);
    }

    @Test
    void aStatisticNeedsAStorablePeriodAndAValueOrAChange() {
        vm.forms().kindProperty().set(RecordKind.STATISTIC);
        StatisticForm f = (StatisticForm) vm.forms().form(RecordKind.STATISTIC);
        f.indicator.set("dens_destroyed");
        f.region.set("CN");
        f.period.set("2023-Q1");
        vm.changes().save();
        assertThat(f.period.errorProperty().get()).isEqualTo("A year, month or day: 2023, 2023-03 or 2023-03-05.");
        f.period.set("2024");
        assertThat(f.period.errorProperty().get()).isEqualTo("The date must not be in the future.");
        f.period.set("2023-02");
        assertThat(f.value.errorProperty().get()).isEqualTo("Enter a value or a change %.");
        f.value.set("1800");
        f.moreThan.set(true);
        f.source.set("Ministry bulletin");
        vm.changes().save();

        assertThat(vm.message().errorProperty().get()).as(vm.message().textProperty().get()).isFalse();
        assertThat(vm.history().rows()).anySatisfy(row -> assertThat(row.cells().stream().map(HistoryCell::text))
                .contains("2023-02", "Ministry bulletin"));
        assertThat(f.period.get()).as("the period is kept for the next figure").isEqualTo("2023-02");
    }

    // ------------------------------------------------------------------ batch entry and history

    @Test
    void afterASaveTheFormKeepsDateRegionAndCampaignAndTheHistoryShowsTheRecord() {
        fillDen("4");
        vm.changes().save();

        assertThat(vm.changes().savesProperty().get()).isEqualTo(1);
        assertThat(vm.message().textProperty().get()).startsWith("Saved: Den takedown 2023-02-20 Guangdong");
        assertThat(den().date.get()).isEqualTo(DAY);
        assertThat(den().region.get()).isEqualTo("CN-GD");
        assertThat(den().campaign.get()).isEqualTo("chain_cutting");
        assertThat(den().city.get()).isEmpty();
        assertThat(den().suspects.get()).isEmpty();
        assertThat(den().suspects.errorProperty().get()).as("a fresh form shows no errors").isNull();
        assertThat(vm.history().rows()).singleElement().satisfies(row -> assertThat(row.cells().stream().map(HistoryCell::text))
                .containsExactly("2023-02-20", "Guangdong", "Shenzhen", vm.names().campaignName("chain_cutting"), "4", "3", "0", "0"));

        vm.history().searchTextProperty().set("beijing");
        assertThat(vm.history().rows()).isEmpty();
        vm.history().searchTextProperty().set("shenz");
        assertThat(vm.history().rows()).hasSize(1);
    }

    @Test
    void escClearsWhatWasTypedButKeepsTheBatchFields() {
        fillDen("4");
        vm.forms().cancel();
        assertThat(den().suspects.get()).isEmpty();
        assertThat(den().region.get()).isEqualTo("CN-GD");
        assertThat(stored(RecordKind.DEN_TAKEDOWN)).isEmpty();
    }

    // ------------------------------------------------------------------ edit and conflicts

    @Test
    void anEditSavedOverSomeoneElsesChangeIsAConflictAndKeepsTheInput() {
        fillDen("4");
        vm.changes().save();
        HistoryRow row = vm.history().rows().getFirst();
        vm.forms().edit(row);
        assertThat(vm.forms().editingProperty().get()).isTrue();
        assertThat(den().suspects.get()).isEqualTo("4");
        assertThat(vm.forms().formTitleProperty().get()).isEqualTo("Editing Den takedown: 2023-02-20 Guangdong");

        // another workstation changes it meanwhile
        DenTakedown theirs = (DenTakedown) row.stored().record();
        records.save(new DenTakedown(theirs.id(), DAY, "CN-GD", "Dongguan", null, null, 9, 0, 0, 0, null),
                row.stored().version(), "form");

        den().suspects.set("5");
        vm.changes().save();

        assertThat(vm.message().textProperty().get()).startsWith("Someone changed this record since you opened it.");
        assertThat(vm.message().errorProperty().get()).isTrue();
        assertThat(den().suspects.get()).as("the clerk's input is kept").isEqualTo("5");
        assertThat(vm.forms().editingProperty().get()).isTrue();
        DenTakedown now = (DenTakedown) records.find(RecordKind.DEN_TAKEDOWN, theirs.key()).orElseThrow().record();
        assertThat(now.suspectsArrested()).as("nothing overwritten").isEqualTo(9);
        assertThat(now.city()).isEqualTo("Dongguan");
    }

    // ------------------------------------------------------------------ undo

    @Test
    void undoOfASaveDeletesTheNewRecord() {
        fillDen("4");
        vm.changes().save();
        assertThat(vm.changes().canUndoProperty().get()).isTrue();

        vm.changes().undo();

        assertThat(stored(RecordKind.DEN_TAKEDOWN)).isEmpty();
        assertThat(vm.history().rows()).isEmpty();
        assertThat(vm.changes().canUndoProperty().get()).isFalse();
        assertThat(audit.entries(RecordKind.DEN_TAKEDOWN, null, null, null, 10)).first()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("delete");
                    assertThat(e.origin()).isEqualTo("undo");
                });
    }

    @Test
    void undoOfAnEditBringsBackThePreviousState() {
        fillDen("4");
        vm.changes().save();
        vm.forms().edit(vm.history().rows().getFirst());
        den().suspects.set("40");
        vm.changes().save();
        assertThat(suspectsStored()).isEqualTo(40);
        assertThat(vm.forms().editingProperty().get()).as("the form is ready for a new record").isFalse();

        vm.changes().undo();

        assertThat(suspectsStored()).isEqualTo(4);
        assertThat(vm.message().textProperty().get()).startsWith("Undone: Den takedown");
    }

    @Test
    void undoOfADeleteRestoresTheRecord() {
        fillDen("4");
        vm.changes().save();
        dialogs.answer = false;
        vm.changes().delete(vm.history().rows().getFirst());
        assertThat(stored(RecordKind.DEN_TAKEDOWN)).as("not confirmed").hasSize(1);

        dialogs.answer = true;
        vm.changes().delete(vm.history().rows().getFirst());
        assertThat(dialogs.asked).last().asString().contains("Delete Den takedown 2023-02-20 Guangdong?");
        assertThat(stored(RecordKind.DEN_TAKEDOWN)).isEmpty();

        vm.changes().undo();

        assertThat(stored(RecordKind.DEN_TAKEDOWN)).singleElement()
                .satisfies(s -> assertThat(((DenTakedown) s.record()).city()).isEqualTo("Shenzhen"));
        assertThat(vm.history().rows()).hasSize(1);
    }

    private long suspectsStored() {
        return ((DenTakedown) stored(RecordKind.DEN_TAKEDOWN).getFirst().record()).suspectsArrested();
    }

    // ------------------------------------------------------------------ drafts

    @Test
    void aHalfFilledFormIsKeptAsADraftAndOfferedBackOnTheNextStart() {
        den().date.set(DAY);
        den().region.set("CN-GD");
        assertThat(drafts.all()).as("only the batch fields: nothing worth keeping").isEmpty();
        den().city.set("Shenzhen");
        den().suspects.set("7");
        assertThat(drafts.all()).containsKey("den_takedown");

        // the window closed (or the process died); the next start
        DataEntryViewModel next = newViewModel();
        next.drafts().check();
        assertThat(next.drafts().offerProperty().get()).isEqualTo("A draft from 05:06 was kept (Den takedown).");
        next.drafts().restore();

        DenTakedownForm f = (DenTakedownForm) next.forms().form(RecordKind.DEN_TAKEDOWN);
        assertThat(f.city.get()).isEqualTo("Shenzhen");
        assertThat(f.suspects.get()).isEqualTo("7");
        assertThat(f.date.get()).isEqualTo(DAY);
        assertThat(f.region.get()).isEqualTo("CN-GD");
        assertThat(next.drafts().offerProperty().get()).isNull();

        next.changes().save();
        assertThat(stored(RecordKind.DEN_TAKEDOWN)).hasSize(1);
        assertThat(drafts.all()).as("a successful save deletes the draft").isEmpty();
    }

    @Test
    void whatWasTypedInTheLastHalfSecondIsKeptWhenTheWindowCloses() {
        // a debounce that never comes: the window closes before the half second has passed
        DataEntryViewModel quick = new DataEntryViewModel(records, audit, drafts,
                database.repositories().catalog().load(), QueuedUiExecutor.immediate(), appearance, dialogs,
                action -> { }, Clock.fixed(NOW, ZoneOffset.UTC));
        quick.activate();
        DenTakedownForm f = (DenTakedownForm) quick.forms().form(RecordKind.DEN_TAKEDOWN);
        f.date.set(DAY);
        f.region.set("CN-GD");
        f.city.set("Shenzhen");
        f.suspects.set("7");
        assertThat(drafts.all()).as("not written yet: the debounce has not come").isEmpty();

        quick.drafts().keepNow();

        assertThat(drafts.all()).containsKey("den_takedown");
        assertThat(drafts.all().get("den_takedown")).contains("Shenzhen");
    }

    @Test
    void aDiscardedDraftIsGone() {
        den().city.set("Shenzhen");
        DataEntryViewModel next = newViewModel();
        next.drafts().check();
        assertThat(next.drafts().offerProperty().get()).isNotNull();
        next.drafts().discard();
        assertThat(drafts.all()).isEmpty();
        assertThat(((DenTakedownForm) next.forms().form(RecordKind.DEN_TAKEDOWN)).city.get()).isEmpty();
    }

    // ------------------------------------------------------------------ audit trail

    @Test
    void theAuditTrailListsTheSaveAndVerifyFindsARowChangedWithPlainSql() throws SQLException {
        fillDen("4");
        vm.changes().save();
        vm.audit().show(true);
        assertThat(vm.audit().rows()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("Added");
            assertThat(r.kind()).isEqualTo("Den takedown");
            assertThat(r.actor()).isEqualTo("clerk-1");
            assertThat(r.origin()).isEqualTo("Form");
        });
        vm.forms().edit(vm.history().rows().getFirst());
        den().suspects.set("6");
        vm.changes().save();
        assertThat(vm.audit().rows().getFirst().changed()).isEqualTo("suspects_arrested");
        vm.audit().kindProperty().set(RecordKind.FRAUD_CASE);
        assertThat(vm.audit().rows()).isEmpty();
        vm.audit().kindProperty().set(null);

        vm.audit().verify();
        assertThat(vm.audit().verifyIntactProperty().get()).isTrue();
        assertThat(vm.audit().verifyTextProperty().get()).isEqualTo("Intact: 2 entries checked; every record matches the trail.");

        try (Connection sql = DriverManager.getConnection(url, "sa", ""); Statement st = sql.createStatement()) {
            st.executeUpdate("UPDATE den_takedown SET suspects_arrested = 60");
        }
        vm.audit().verify();
        assertThat(vm.audit().verifyIntactProperty().get()).isFalse();
        assertThat(vm.audit().findings().getFirst())
                .startsWith("Den takedown ").endsWith(": changed outside the application (suspects_arrested)");
        assertThat(vm.audit().findings().subList(1, vm.audit().findings().size())).as("the rollups no longer match the raw rows")
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains("suspects_arrested", "recomputed"));
    }

    @Test
    void whileTheTrailIsBeingVerifiedTheHistoryIsStillReadAndTheBusyMarkStaysUntilBothEnd() {
        QueuedUiExecutor executor = QueuedUiExecutor.queued();
        DataEntryViewModel page = new DataEntryViewModel(records, audit, drafts, database.repositories().catalog().load(),
                executor, appearance, dialogs, Debouncer.immediate(), Clock.fixed(NOW, ZoneOffset.UTC));
        page.activate();
        executor.runQuick();
        fillDen("4");
        vm.changes().save(); // another window of the same data: a record the next read finds

        page.audit().verify();
        page.refreshQuietly();
        executor.runQuick();

        assertThat(executor.submittedLong()).as("the verification is long work").isEqualTo(1);
        assertThat(page.history().rows()).as("read while the verification runs").hasSize(1);
        assertThat(page.audit().verifyTextProperty().get()).isEqualTo("Verifying …");
        assertThat(page.busyProperty().get()).isTrue();

        executor.runAll();
        assertThat(page.audit().verifyIntactProperty().get()).isTrue();
        assertThat(page.busyProperty().get()).isFalse();
    }

    @Test
    void theLanguageSwitchRelocalisesErrorsAndHistory() {
        fillDen("4");
        vm.changes().save();
        vm.changes().save(); // the empty form: errors shown
        appearance.localeProperty().set(Lang.ZH);
        assertThat(den().suspects.errorProperty().get()).isEqualTo("必填。");
        assertThat(vm.history().rows().getFirst().cells().get(1).text()).isEqualTo("广东省");
    }
}
