package org.antifraud.cc.ui.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.exchange.PackageService;
import org.antifraud.cc.service.exchange.StationKeys;
import org.antifraud.cc.service.exchange.StationTrustService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.service.records.SubmissionService;
import org.antifraud.cc.ui.common.Appearance;
import org.antifraud.cc.ui.common.FakeChooser;
import org.antifraud.cc.ui.common.FakeDialogs;
import org.antifraud.cc.ui.common.QueuedUiExecutor;
import org.antifraud.cc.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Field-station packages from the Data entry page: a station's package merged at headquarters, told in a dialog. */
@IntegrationTest
class PackageViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final UUID X = UUID.fromString("7d1e0c52-3b7a-4c41-9a57-0b6a5f0e2a11");

    @TempDir
    Path tmp;

    private final List<Database> opened = new ArrayList<>();

    /** One workstation: its database, services and the page's package commands. */
    private final class Station {
        final RecordService records;
        final FakeChooser chooser = new FakeChooser();
        final FakeDialogs dialogs = new FakeDialogs();
        final List<String> refreshed = new ArrayList<>();
        final PackageViewModel vm;
        final StationKeys keys =
                new StationKeys(tmp.resolve("keys-" + UUID.randomUUID()));
        final StationTrustService trust;
        final PackageService packages;

        Station(Appearance appearance) {
            Database db = Database.openUrl("jdbc:h2:mem:pkg-vm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "test");
            opened.add(db);
            DatasetService datasets = new DatasetService(db, CLOCK);
            datasets.initialiseIfNew();
            var catalog = db.repositories().catalog().load();
            records = new RecordService(db, catalog, datasets, CLOCK, TestAudit.trail(db, "clerk"));
            packages = new PackageService(db, catalog, records,
                    new SubmissionService(db, catalog, datasets, CLOCK, TestAudit.trail(db, "clerk")), CLOCK, keys);
            trust = new StationTrustService(db, CLOCK, TestAudit.trail(db, "clerk"), keys);
            vm = new PackageViewModel(packages, QueuedUiExecutor.immediate(),
                    appearance, chooser, dialogs, () -> "clerk", CLOCK, () -> refreshed.add("after import"));
        }

        long suspects() {
            return ((DenTakedown) records.find(RecordKind.DEN_TAKEDOWN, X.toString()).orElseThrow().record())
                    .suspectsArrested();
        }
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    private static DenTakedown den(long suspects) {
        return new DenTakedown(X, LocalDate.of(2022, 5, 3), "CN-GD", "Shenzhen", "chain_cutting", null, suspects, 2, 30,
                4, null);
    }

    /** A station and headquarters in {@code lang}; the station has saved one den of 5 suspects. */
    private Station[] stationAndHq(Locale lang) {
        Station station = new Station(new Appearance(lang, Theme.DARK));
        station.records.save(den(5), null, "form");
        Station hq = new Station(new Appearance(lang, Theme.DARK));
        hq.trust.trust(new StationKeys.KeyFile(station.packages.stationId(), "gd",
                station.keys.publicKeyText()), null);
        return new Station[]{station, hq};
    }

    /** Package commands as a clerk gives them: the chooser answers {@code file}. */
    private static boolean run(Station at, Path file, boolean export) {
        at.chooser.handOver(file);
        return export ? at.vm.exportPackage() : at.vm.importPackage();
    }

    @Test
    void aStationsPackageIsWrittenThenMergedAtHeadquartersAndTheOutcomeIsTold() {
        Station[] both = stationAndHq(Lang.EN);
        Station station = both[0];
        Station hq = both[1];
        Path zip = tmp.resolve("gd.zip");

        assertThat(run(station, zip, true)).isTrue();
        assertThat(station.chooser.suggested).isEqualTo("station-2023-03-04.zip");
        assertThat(Files.exists(zip)).isTrue();
        assertThat(station.dialogs.infos).singleElement().asString().contains("gd.zip");

        assertThat(run(hq, zip, false)).isTrue();
        assertThat(hq.suspects()).isEqualTo(5);
        assertThat(hq.dialogs.infos).singleElement().asString()
                .startsWith("gd.zip: 1 new, 0 updated, 17 unchanged; one audit entry of the station kept");
        assertThat(hq.refreshed).as("history and dashboard refreshed").hasSize(1);
        assertThat(hq.vm.busyProperty().get()).isFalse();

        run(hq, zip, false);
        assertThat(hq.dialogs.infos.getLast()).startsWith("gd.zip: 0 new, 0 updated, 18 unchanged");
        assertThat(hq.refreshed).as("nothing changed the second time").hasSize(1);
    }

    @Test
    void aRecordChangedHereInAWayTheStationNeverSawIsAConflictListedAndKept() {
        Station[] both = stationAndHq(Lang.ZH);
        Station station = both[0];
        Station hq = both[1];
        Path first = tmp.resolve("p1.zip");
        run(station, first, true);
        run(hq, first, false);
        // headquarters corrects the den one way, the station another
        hq.records.save(den(7), 0, "form");
        station.records.save(den(6), 0, "form");
        Path second = tmp.resolve("p2.zip");
        run(station, second, true);

        run(hq, second, false);

        assertThat(hq.suspects()).as("not overwritten").isEqualTo(7);
        assertThat(hq.dialogs.errors).singleElement().asString()
                .contains("1 条冲突", "窝点打掉 " + X + "：suspects_arrested");
    }

    @Test
    void somethingThatIsNotAPackageIsRefusedWithAMessageAndChangesNothing() throws Exception {
        Station hq = new Station(new Appearance(Lang.EN, Theme.DARK));
        Path notZip = Files.writeString(tmp.resolve("notes.zip"), "hello");

        hq.chooser.handOver(notZip);
        hq.vm.importPackage();

        assertThat(hq.dialogs.errors).singleElement().asString().contains("notes.zip");
        assertThat(hq.records.find(RecordKind.DEN_TAKEDOWN, X.toString())).isEmpty();
        assertThat(hq.refreshed).isEmpty();

        hq.chooser.handOver(null); // the chooser was closed
        assertThat(hq.vm.importPackage()).isFalse();
        assertThat(hq.vm.exportPackage()).isFalse();
    }
}
