package org.antifraud.cc.persistence;

import org.jooq.DSLContext;

/** The repositories bound to one context: a transaction, or autocommit. */
public final class Repositories {
    private final DSLContext dsl;

    Repositories(DSLContext dsl) {
        this.dsl = dsl;
    }

    public CatalogRepository catalog() {
        return new CatalogRepository(dsl);
    }

    public MeasurementRepository measurements() {
        return new MeasurementRepository(dsl);
    }

    public CampaignTargetRepository campaignTargets() {
        return new CampaignTargetRepository(dsl);
    }

    public FactRepository facts() {
        return new FactRepository(dsl);
    }

    public FraudCaseRepository fraudCases() {
        return new FraudCaseRepository(dsl);
    }

    public EntryRepository entries() {
        return new EntryRepository(dsl);
    }

    /** Plain SQL for {@code db shell}, outside the audit trail. */
    public SqlShell sqlShell() {
        return new SqlShell(dsl);
    }

    public AuditRepository audit() {
        return new AuditRepository(dsl);
    }

    public StationAuditRepository stationAudit() {
        return new StationAuditRepository(dsl);
    }

    public DraftRepository drafts() {
        return new DraftRepository(dsl);
    }

    public DemoRepository demo() {
        return new DemoRepository(dsl);
    }

    public InstructionCellRepository instructionCells() {
        return new InstructionCellRepository(dsl);
    }

    public RollupRepository rollups() {
        return new RollupRepository(dsl);
    }

    public AlertRepository alerts() {
        return new AlertRepository(dsl);
    }

    public SubmissionRepository submissions() {
        return new SubmissionRepository(dsl);
    }

    public AppStateRepository appState() {
        return new AppStateRepository(dsl);
    }

    public RecordDatesRepository recordDates() {
        return new RecordDatesRepository(dsl);
    }

    public TrustedStationRepository trustedStations() {
        return new TrustedStationRepository(dsl);
    }
}
