package org.antifraud.cc.service.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.ReportingCompleteness;
import org.antifraud.cc.domain.Submission;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.Repositories;

/** Reporting completeness (issue 12): the submissions of some months by the provinces of a region, and how current their records are. */
public final class CompletenessService {
    private final Database database;
    private final Catalog catalog;

    public CompletenessService(Database database, Catalog catalog) {
        this.database = database;
        this.catalog = catalog;
    }

    /** The reporting units within {@code regionCode}: the nation's or a zone's provinces, or the province itself. */
    public List<String> unitsOf(String regionCode) {
        Region region = catalog.region(regionCode).orElse(null);
        List<String> provinces = catalog.regionsOfKind(RegionKind.PROVINCE).stream().map(Region::code).toList();
        if (region == null || region.kind() == RegionKind.NATION) {
            return provinces;
        }
        if (region.kind() == RegionKind.PROVINCE) {
            return List.of(regionCode);
        }
        List<String> children = catalog.childrenOf(regionCode);
        return provinces.stream().filter(children::contains).toList();
    }

    /** The latest day of a record of {@code kind} per region code. */
    public Map<String, LocalDate> latestRecords(SubmissionKind kind) {
        return database.repositories().recordDates().latestByRegion(kind.recordKind());
    }

    /** The completeness of {@code months} (oldest first) for the provinces within {@code regionCode}, read in one transaction. */
    public ReportingCompleteness load(String regionCode, List<YearMonth> months) {
        List<String> units = unitsOf(regionCode);
        if (months.isEmpty()) {
            return new ReportingCompleteness(units, months, Map.of(), new EnumMap<>(SubmissionKind.class));
        }
        return database.transaction((Repositories repos) -> {
            Map<String, Submission> rows = new HashMap<>();
            repos.submissions().within(months.getFirst().atDay(1), months.getLast().atEndOfMonth())
                    .forEach(s -> rows.put(s.entityId(), s));
            Map<SubmissionKind, Map<String, LocalDate>> latest = new EnumMap<>(SubmissionKind.class);
            for (SubmissionKind kind : SubmissionKind.values()) {
                latest.put(kind, repos.recordDates().latestByRegion(kind.recordKind()));
            }
            return new ReportingCompleteness(units, months, rows, latest);
        });
    }
}
