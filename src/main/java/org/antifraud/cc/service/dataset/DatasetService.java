package org.antifraud.cc.service.dataset;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.DayFact;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which datasets a database holds: the report, the synthetic demo breakdown, or nothing. */
public final class DatasetService {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetService.class);
    public static final String INITIALISED = "dataset.initialised";
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

    /**
     * Deletes every synthetic-demo row (figures and fraud cases) and takes them out of the rollups, in one
     * transaction; returns how many rows were deleted.
     */
    public int removeDemo() {
        return database.transaction(repos -> {
            int removed = removeSynthetic(repos);
            if (removed > 0) {
                touch(repos);
            }
            LOG.info("removed {} synthetic demo rows", removed);
            return removed;
        });
    }

    /** Every removable synthetic-demo row: figures of any grain and fraud cases, the scale demo's included. */
    public int demoFigureCount() {
        Repositories repos = database.repositories();
        return Math.toIntExact(repos.measurements().countByBasis(Basis.SYNTHETIC_DEMO)
                + repos.fraudCases().countByBasis(Basis.SYNTHETIC_DEMO) + repos.demo().count()
                + repos.instructionCells().demoCount());
    }

    /** Whether any synthetic-demo row is left; cheap where counting millions of demo cases is not. */
    public boolean hasDemo() {
        Repositories repos = database.repositories();
        return repos.demo().exists() || repos.measurements().existsByBasis(Basis.SYNTHETIC_DEMO)
                || repos.fraudCases().existsByBasis(Basis.SYNTHETIC_DEMO);
    }

    /** What {@link #generateScaleDemo} wrote, and how many synthetic rows it replaced. */
    public record ScaleDemoResult(long cases, long dailyFigures, long instructions, int replaced) {
        /** Raw rows written: cases, daily figures and warning instructions (rollup rows not counted). */
        public long rows() {
            return cases + dailyFigures + instructions;
        }
    }

    /**
     * Replaces all synthetic-demo data with a {@link ScaleDemo} of {@code cases} fraud cases and the daily
     * figures, rollups kept current, in one transaction: whole or nothing. Reported and computed data stay.
     * {@code progress} receives the fraction done (0 to 1), never decreasing: on the calling thread, and during the
     * commit (which reports nothing itself) an estimate from a timer thread ({@link CommitProgress}).
     */
    public ScaleDemoResult generateScaleDemo(long cases, long seed, DoubleConsumer progress) {
        return generateScaleDemo(new ScaleDemo(cases, seed, ReportDataset.load()), progress);
    }

    ScaleDemoResult generateScaleDemo(ScaleDemo demo, DoubleConsumer progress) {
        ScaleDemoResult result;
        try (Database.BulkWrites bulk = database.bulkWrites()) {
            result = generateInBulk(demo, progress);
        }
        return result;
    }

    private ScaleDemoResult generateInBulk(ScaleDemo demo, DoubleConsumer progress) {
        CommitProgress[] commit = new CommitProgress[1];
        long start = System.nanoTime();
        ScaleDemoResult result;
        try {
            result = database.transaction(repos -> {
                if (commit[0] != null) { // a retried transaction: its first commit's estimate is over
                    commit[0].close();
                    commit[0] = null;
                }
                progress.accept(0);
                int replaced = removeSynthetic(repos);
                long removed = System.nanoTime();
                boolean newCells = repos.rollups().noDayCellBetween(demo.firstDay(), demo.lastDay());
                ScaleDemoWriter writer = new ScaleDemoWriter(repos, demo.rowCount(), newCells, progress);
                demo.generate(writer);
                long written = System.nanoTime();
                writer.finish();
                touch(repos);
                LOG.info("scale demo: {} cases and {} daily figures (seed {}) replaced {} synthetic rows; removal {} ms,"
                                + " rows and their rollups {} ms, case rollups {} ms; commit follows",
                        demo.caseCount(), demo.dailyFigureCount(), demo.seed(), replaced, (removed - start) / 1_000_000,
                        (written - removed) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
                progress.accept(ScaleDemoWriter.BEFORE_COMMIT);
                // the commit reports nothing: estimate it from the time so far, so the bar does not stand still
                commit[0] = new CommitProgress(ScaleDemoWriter.BEFORE_COMMIT, System.nanoTime() - start,
                        1 - ScaleDemoWriter.BEFORE_COMMIT, progress);
                return new ScaleDemoResult(demo.caseCount(), writer.figuresWritten(), writer.instructionsWritten(),
                        replaced);
            });
        } finally {
            if (commit[0] != null) {
                commit[0].close();
            }
        }
        LOG.info("scale demo committed after {} ms in all", (System.nanoTime() - start) / 1_000_000);
        progress.accept(1);
        return result;
    }

    /**
     * Deletes the synthetic rows and takes them out of the rollups. When they are most of what the rollups
     * hold (a scale demo), deleting and rebuilding from what is left is the cheaper way (a fraction of the
     * time at a million cases); otherwise their facts are subtracted.
     */
    private static int removeSynthetic(Repositories repos) {
        long[] facts = repos.rollups().factCounts();
        return facts[1] > 0 && facts[1] * 2 >= facts[0] ? deleteAndRebuild(repos) : subtractAndDelete(repos);
    }

    static int deleteAndRebuild(Repositories repos) {
        int removed = deleteSynthetic(repos);
        repos.rollups().rebuild();
        return removed;
    }

    static int subtractAndDelete(Repositories repos) {
        List<DayFact> gone = new ArrayList<>(repos.measurements().dayFactsOf(Basis.SYNTHETIC_DEMO));
        gone.addAll(repos.fraudCases().dayFactsOf(Basis.SYNTHETIC_DEMO));
        gone.addAll(repos.demo().dayFacts());
        repos.rollups().add(gone.stream().map(DayFact::negate).toList());
        return deleteSynthetic(repos);
    }

    private static int deleteSynthetic(Repositories repos) {
        // the scale demo's own tables, and synthetic rows in the shared ones (the small breakdown; cases
        // written there by versions before V8)
        return Math.toIntExact(repos.demo().deleteAll() + repos.instructionCells().deleteDemo()
                + repos.measurements().deleteByBasis(Basis.SYNTHETIC_DEMO)
                + repos.fraudCases().deleteByBasis(Basis.SYNTHETIC_DEMO));
    }

    /** When the figures last changed (the "data as of" of the status bar). */
    public Optional<Instant> dataChangedAt() {
        return database.repositories().appState().get(CHANGED_AT).map(Instant::parse);
    }

    /** The latest year that has any figure: the dashboard's default period. */
    public Optional<Integer> latestYear() {
        return database.repositories().facts().latestDay().map(LocalDate::getYear);
    }

    /**
     * A token that changes whenever any writer (this process, the CLI, another workstation on the same
     * database) commits figures: live refresh polls it. Cheap: one primary-key read.
     */
    public String dataVersion() {
        return database.repositories().appState().get(VERSION).orElse("0");
    }

    /**
     * Recomputes the rollups from the raw rows in one transaction (after rows were changed outside the
     * application, e.g. in the H2 console); returns how many day-grain facts they hold.
     */
    public long rebuildRollups() {
        try (Database.BulkWrites bulk = database.bulkWrites()) {
            return database.transaction(repos -> {
                repos.rollups().rebuild();
                touch(repos);
                return repos.rollups().factCount();
            });
        }
    }

    /** Stores figures in one transaction (all or none) and tells live refresh. */
    public void addMeasurements(Collection<Measurement> measurements) {
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
