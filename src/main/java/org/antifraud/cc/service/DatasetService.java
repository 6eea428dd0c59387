package org.antifraud.cc.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which datasets a database holds: the report, the synthetic demo breakdown, or nothing. */
public final class DatasetService {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetService.class);
    static final String INITIALISED = "dataset.initialised";
    static final String CHANGED_AT = "data.changed_at";
    static final String VERSION = "data.version";
    public static final String WITH_REPORT = "report+demo";
    public static final String EMPTY = "empty";

    private final Database database;
    private final Clock clock;

    public DatasetService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** On the first use of a new database: loads the report and the demo breakdown, in one transaction. */
    public boolean initialiseIfNew() {
        return database.transaction(repos -> {
            if (repos.appState().get(INITIALISED).isPresent()) {
                return false;
            }
            List<Measurement> report = ReportDataset.load();
            List<Measurement> demo = DemoBreakdown.generate(report, DemoBreakdown.DEFAULT_SEED);
            repos.measurements().insertAll(report);
            repos.measurements().insertAll(demo);
            repos.appState().put(INITIALISED, WITH_REPORT);
            touch(repos);
            LOG.info("loaded the report ({} figures) and the demo breakdown ({} figures)", report.size(), demo.size());
            return true;
        });
    }

    /** Marks a new database as deliberately empty (catalogs only); a Problem if it was initialised already. */
    public void initialiseEmpty() {
        database.transaction(repos -> {
            Optional<String> state = repos.appState().get(INITIALISED);
            if (state.isPresent()) {
                throw new Problem("already_initialised",
                        "this data dir already holds a database (" + state.get() + "); delete the folder to start again",
                        state.get());
            }
            repos.appState().put(INITIALISED, EMPTY);
            touch(repos);
            return null;
        });
    }

    /** Deletes every synthetic-demo figure in one transaction; returns how many were deleted. */
    public int removeDemo() {
        return database.transaction(repos -> {
            int removed = repos.measurements().deleteByBasis(Basis.SYNTHETIC_DEMO);
            if (removed > 0) {
                touch(repos);
            }
            LOG.info("removed {} synthetic demo figures", removed);
            return removed;
        });
    }

    public int demoFigureCount() {
        return database.repositories().measurements().countByBasis(Basis.SYNTHETIC_DEMO);
    }

    /** When the figures last changed (the "data as of" of the status bar). */
    public Optional<Instant> dataChangedAt() {
        return database.repositories().appState().get(CHANGED_AT).map(Instant::parse);
    }

    /** The latest year that has any figure: the dashboard's default period. */
    public Optional<Integer> latestYear() {
        return database.repositories().facts().latestDay().map(java.time.LocalDate::getYear);
    }

    /**
     * A token that changes whenever any writer (this process, the CLI, another workstation on the same
     * database) commits figures: live refresh polls it. Cheap: one primary-key read.
     */
    public String dataVersion() {
        return database.repositories().appState().get(VERSION).orElse("0")
                + "@" + database.repositories().appState().get(CHANGED_AT).orElse("");
    }

    /**
     * Recomputes the rollups from the raw rows in one transaction (after rows were changed outside the
     * application, e.g. in the H2 console); returns how many day-grain facts they hold.
     */
    public long rebuildRollups() {
        return database.transaction(repos -> {
            repos.rollups().rebuild();
            touch(repos);
            return repos.rollups().factCount();
        });
    }

    /** Stores figures in one transaction (all or none) and tells live refresh. */
    public void addMeasurements(java.util.Collection<Measurement> measurements) {
        database.transaction(repos -> {
            repos.measurements().insertAll(measurements);
            touch(repos);
            return null;
        });
    }

    /** Every writer calls this inside its transaction: "data as of" and live refresh follow it. */
    public void touch(Repositories repos) {
        repos.appState().put(CHANGED_AT, clock.instant().toString());
        long version = repos.appState().get(VERSION).map(Long::parseLong).orElse(0L);
        repos.appState().put(VERSION, Long.toString(version + 1));
    }
}
