package org.antifraud.cc.app;

import java.nio.file.Path;
import java.time.Clock;

import org.antifraud.cc.domain.AuditActor;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.persistence.AuditSecrets;
import org.antifraud.cc.persistence.Backups;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.SharedDatabase;
import org.antifraud.cc.persistence.Vendor;
import org.antifraud.cc.persistence.ImportLock;
import org.antifraud.cc.persistence.PreferencesStore;
import org.antifraud.cc.persistence.Workstation;
import org.antifraud.cc.service.access.AccessService;
import org.antifraud.cc.service.alerts.AlertService;
import org.antifraud.cc.service.audit.AuditService;
import org.antifraud.cc.service.audit.AuditTrail;
import org.antifraud.cc.service.backup.BackupService;
import org.antifraud.cc.service.briefing.DeckService;
import org.antifraud.cc.service.briefing.NarrativeService;
import org.antifraud.cc.service.briefing.SlidePainter;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.exchange.InterchangeService;
import org.antifraud.cc.service.exchange.PackageLimits;
import org.antifraud.cc.service.exchange.PackageService;
import org.antifraud.cc.service.exchange.StationKeys;
import org.antifraud.cc.service.exchange.StationTrustService;
import org.antifraud.cc.service.figures.CompletenessService;
import org.antifraud.cc.service.figures.DashboardService;
import org.antifraud.cc.service.figures.ExplainService;
import org.antifraud.cc.service.figures.StatsService;
import org.antifraud.cc.service.records.DraftService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.service.records.SubmissionService;

/**
 * The composition root's service half: one database, the catalogs read once, and the services over
 * them, wired by constructor. The GUI and the CLI both start here.
 */
public final class AppServices implements AutoCloseable {
    private final Path dataDir;
    private final Database database;
    private final Catalog catalog;
    private final StatsService stats;
    private final ExplainService explain;
    private final DashboardService dashboard;
    private final DatasetService datasets;
    private final AlertService alerts;
    private final PreferencesStore preferences;
    private final RecordService records;
    private final AuditService audit;
    private final InterchangeService interchange;
    private final PackageService packages;
    private final SubmissionService submissions;
    private final DraftService drafts;
    private final StationKeys stationKeys;
    private final StationTrustService stationTrust;
    private final BackupService backups;
    /**
     * Settings key of the operator's name, which the audit trail records as declared beside the operating-system
     * account (ADR 0027): anyone can type any name there.
     */
    public static final String PREF_OPERATOR = "operator";

    private AppServices(Path dataDir, Database database, Clock clock) {
        this.dataDir = dataDir;
        this.database = database;
        this.catalog = database.repositories().catalog().load();
        this.stats = new StatsService(database, catalog);
        this.dashboard = new DashboardService(database, catalog);
        this.explain = new ExplainService(database, catalog, stats);
        this.datasets = new DatasetService(database, clock);
        this.alerts = new AlertService(database, catalog, stats, clock);
        this.preferences = new PreferencesStore(dataDir.resolve("settings.properties"));
        // the audit key and anchor live in the workstation's key folder, outside the data folder (ADR 0027)
        Workstation workstation = Workstation.of(dataDir); // its id and its key folder, read once
        // a shared database: an anchor per database and user, whose chain this is (ADR 0034)
        AuditTrail trail = new AuditTrail(database.vendor() == Vendor.H2 ? AuditSecrets.files(workstation)
                : AuditSecrets.files(workstation, database.description()), this::actor);
        this.records = new RecordService(database, catalog, datasets, clock, trail,
                ImportLock.of(dataDir));
        this.audit = new AuditService(database, clock, trail);
        this.interchange = new InterchangeService(database, catalog, records, clock);
        this.submissions = new SubmissionService(database, catalog, datasets, clock, trail);
        this.stationKeys = new StationKeys(workstation.keyDir());
        this.stationTrust = new StationTrustService(database, clock, trail, stationKeys);
        // audit.head: the audit trail's last entry (ADR 0027); a package of an encrypted database leaves this
        // workstation only encrypted to its recipient (issue 13)
        boolean encrypted = database.vendor() == Vendor.H2 && Database.encrypted(dataDir);
        this.packages = new PackageService(database, catalog, records, submissions, clock, stationKeys,
                PackageLimits.DEFAULT, () -> audit.headFingerprint().map(Object::toString).orElse(null),
                () -> encrypted);
        this.drafts = new DraftService(database);
        this.backups = new BackupService(dataDir, database, clock);
    }

    /** Opens the data dir's database; on first use, loads the report and the demo breakdown. */
    public static AppServices open(Path dataDir) {
        return open(dataDir, null);
    }

    /** As {@link #open(Path)} with the passphrase of an encrypted database (null: none). */
    public static AppServices open(Path dataDir, char[] passphrase) {
        return open(dataDir, passphrase, true);
    }

    /**
     * Opens the data dir's database and loads nothing (for {@code init --empty}); with a passphrase (null: none) a
     * new database is made encrypted under it.
     */
    public static AppServices openWithoutSeeding(Path dataDir, char[] passphrase) {
        return open(dataDir, passphrase, false);
    }

    private static AppServices open(Path dataDir, char[] passphrase, boolean seedIfNew) {
        return started(new AppServices(dataDir, Database.open(dataDir, passphrase, ""), Clock.systemDefaultZone()),
                dataDir, seedIfNew);
    }

    /**
     * Opens the shared PostgreSQL database {@code shared} for this workstation (ADR 0032): {@code dataDir} still holds
     * its settings, logs and identity; the figures are the shared database's. {@code password} null: PostgreSQL's own
     * places ({@code PGPASSWORD}, {@code ~/.pgpass}). On first use of an empty shared database, loads the report.
     */
    public static AppServices openShared(Path dataDir, SharedDatabase shared, char[] password, boolean seedIfNew) {
        return started(new AppServices(dataDir, Database.openShared(shared, password), Clock.systemDefaultZone()),
                dataDir, seedIfNew);
    }

    private static AppServices started(AppServices services, Path dataDir, boolean seedIfNew) {
        try {
            services.stationKeys.ensure(); // the station's signing key, made on first open
            if (seedIfNew) {
                services.datasets.initialiseIfNew();
            }
            if (services.database.role().mayWrite()) { // a viewer of a shared database writes nothing, not even here
                services.audit.adoptBaseline(); // the first open with an audit trail: what is there is its start
                services.audit.acceptRestore(Backups.restoredMarker(dataDir));
            }
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Database database() {
        return database;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The briefing's narrative and its Markdown (issue 5). */
    public NarrativeService narratives() {
        return new NarrativeService(stats, catalog,
                () -> audit.headFingerprint().map(Object::toString).orElse(null));
    }

    /** The briefing's slides: what they show ({@link org.antifraud.cc.service.briefing.DeckService}). */
    public DeckService decks() {
        return new DeckService(dashboard, narratives(),
                () -> audit.headFingerprint().map(Object::toString).orElse(null));
    }

    public SlidePainter slidePainter() {
        return new SlidePainter(catalog);
    }

    public StatsService stats() {
        return stats;
    }

    /** What is behind a figure (issue 16). */
    public ExplainService explain() {
        return explain;
    }

    public DashboardService dashboard() {
        return dashboard;
    }

    public DatasetService datasets() {
        return datasets;
    }

    public AlertService alerts() {
        return alerts;
    }

    public PreferencesStore preferences() {
        return preferences;
    }

    public RecordService records() {
        return records;
    }

    public AuditService audit() {
        return audit;
    }

    public InterchangeService interchange() {
        return interchange;
    }

    public PackageService packages() {
        return packages;
    }

    /** This workstation's signing key (field-station packages). */
    public StationKeys stationKeys() {
        return stationKeys;
    }

    /** The stations whose packages this workstation accepts. */
    public StationTrustService stationTrust() {
        return stationTrust;
    }

    public SubmissionService submissions() {
        return submissions;
    }

    public DraftService drafts() {
        return drafts;
    }

    /** Reporting completeness: submissions and how current each province's records are (issue 12). */
    public CompletenessService completeness() {
        return new CompletenessService(database, catalog);
    }

    /** Who may do what here, and the people of a shared database (issue 15). */
    public AccessService access() {
        return new AccessService(database);
    }

    /** Backups of this database, and the output rule of the data folder. */
    public BackupService backups() {
        return backups;
    }

    /**
     * Who the audit trail names: the operating-system account, or on a shared database the database user of the
     * session (which the database checks, ADR 0034); with the name set in Settings as declared.
     */
    public AuditActor actor() {
        String declared = preferences.get(PREF_OPERATOR).orElse(null);
        return database.sessionUser().map(user -> new AuditActor(user, declared))
                .orElseGet(() -> AuditActor.osAccount(declared));
    }

    /** The actor as one line: {@code alice (declared: 王警官)}, or the account alone. */
    public String operator() {
        return actor().display();
    }

    @Override
    public void close() {
        database.close();
    }
}
