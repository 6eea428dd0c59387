package org.antifraud.cc.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import javafx.beans.property.SimpleBooleanProperty;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.exchange.StationKeys;
import org.antifraud.cc.service.exchange.StationTrustService;
import org.antifraud.cc.ui.common.FakeChooser;
import org.antifraud.cc.ui.common.FakeDialogs;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings page's trusted field stations: listed, trusted from a key file, revoked after asking. */
@IntegrationTest
class TrustedStationsSettingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Database database;
    private StationKeys own;
    private StationTrustService trust;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final FakeChooser chooser = new FakeChooser();

    @BeforeEach
    void open() {
        database = Database.openUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
        new DatasetService(database, CLOCK).initialiseEmpty();
        own = new StationKeys(tmp.resolve("own-keys"));
        trust = new StationTrustService(database, CLOCK, TestAudit.trail(database, "hq-clerk"), own);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private SettingsViewModel viewModel(Locale lang) {
        SettingsViewModel vm = new SettingsViewModel(null, "/data", QueuedUiExecutor.immediate(),
                new Appearance(lang, Theme.DARK), dialogs, new SimpleBooleanProperty(false), () -> { });
        vm.useStations(trust, chooser, () -> new SettingsViewModel.OwnStation("station-hq", own.fingerprint()));
        return vm;
    }

    /** A station's key file, as {@code station key --out} writes it. */
    private Path keyFile(String label) throws Exception {
        StationKeys theirs = new StationKeys(tmp.resolve("keys-" + label));
        return Files.writeString(tmp.resolve(label + ".pub"),
                theirs.keyFileText(UUID.randomUUID().toString(), label));
    }

    @Test
    void aStationIsTrustedFromItsKeyFileAndListedWithItsFingerprintLabelAndDate() throws Exception {
        SettingsViewModel vm = viewModel(Lang.EN);
        assertThat(vm.stations()).isEmpty();
        assertThat(vm.ownStationProperty().get()).startsWith("This workstation: station station-hq, key ")
                .contains(StationKeys.grouped(own.fingerprint()));

        chooser.open = keyFile("Guangdong");
        assertThat(vm.trustStation()).isTrue();

        assertThat(vm.stations()).singleElement().satisfies(row -> {
            assertThat(row.label()).isEqualTo("Guangdong");
            assertThat(row.fingerprint()).matches("([0-9a-f]{4}-){7}[0-9a-f]{4}");
            assertThat(row.since()).isEqualTo("since 2023-03-04");
            assertThat(row.revoked()).isFalse();
        });
        assertThat(vm.messageProperty().get()).startsWith("Trusted Guangdong (key ");
        assertThat(trust.list()).singleElement().satisfies(t -> assertThat(t.trustedBy()).isEqualTo("hq-clerk"));
    }

    @Test
    void revokingAsksFirstAndThenMarksTheKeyRevoked() throws Exception {
        SettingsViewModel vm = viewModel(Lang.ZH);
        chooser.open = keyFile("Fujian");
        vm.trustStation();
        SettingsViewModel.StationRow row = vm.stations().getFirst();

        dialogs.answer = false;
        assertThat(vm.revokeStation(row)).isFalse();
        assertThat(trust.list().getFirst().revoked()).as("declined: still trusted").isFalse();

        dialogs.answer = true;
        assertThat(vm.revokeStation(row)).isTrue();
        assertThat(dialogs.asked.getLast()).contains("Fujian", row.fingerprint());
        assertThat(trust.list().getFirst().revoked()).isTrue();
        assertThat(vm.stations().getFirst().revoked()).isTrue();
        assertThat(vm.stations().getFirst().since()).contains("已于 2023-03-04 吊销");
        assertThat(vm.revokeStation(vm.stations().getFirst())).as("revoked already").isFalse();
    }

    @Test
    void aFileThatIsNotAKeyFileIsToldAndNothingIsTrusted() throws Exception {
        SettingsViewModel vm = viewModel(Lang.EN);
        chooser.open = Files.writeString(tmp.resolve("notes.txt"), "hello");
        vm.trustStation();
        assertThat(dialogs.errors).singleElement().asString().contains("not a station key file", "notes.txt");
        assertThat(vm.stations()).isEmpty();
        chooser.open = null;
        assertThat(vm.trustStation()).as("chooser closed").isFalse();
    }
}
