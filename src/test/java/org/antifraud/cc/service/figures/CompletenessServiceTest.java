package org.antifraud.cc.service.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.IntegrationTest;
import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.Period;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.domain.ReportingCompleteness;
import org.antifraud.cc.domain.SubmissionKind;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.antifraud.cc.persistence.Database;
import org.antifraud.cc.persistence.MemoryStore;
import org.antifraud.cc.service.audit.TestAudit;
import org.antifraud.cc.service.dataset.DatasetService;
import org.antifraud.cc.service.records.RecordService;
import org.antifraud.cc.service.records.SubmissionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reporting completeness on a real H2: the latest record day per region and kind, the units, the late rule. */
@IntegrationTest
class CompletenessServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-07-15T08:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2022, 7, 15);

    private Database database;
    private Catalog catalog;
    private RecordService records;
    private SubmissionService submissions;
    private CompletenessService service;

    @BeforeEach
    void setUp() {
        database = MemoryStore.database("completeness");
        DatasetService datasets = new DatasetService(database, CLOCK);
        datasets.initialiseEmpty();
        catalog = database.repositories().catalog().load();
        records = new RecordService(database, catalog, datasets, CLOCK, TestAudit.trail(database, "tester"));
        submissions = new SubmissionService(database, catalog, datasets, CLOCK, TestAudit.trail(database, "tester"));
        service = new CompletenessService(database, catalog);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private void den(String region, LocalDate day) {
        records.save(new DenTakedown(UUID.randomUUID(), day, region, null, null, null, 1, 0, 0, 0, null), null, "form");
    }

    @Test
    void theLatestRecordDayPerRegionOfEachKind() {
        den("CN-GD", LocalDate.of(2022, 5, 3));
        den("CN-GD", LocalDate.of(2022, 6, 20));
        den("CN-ZJ", LocalDate.of(2022, 4, 1));
        records.save(new WarningBatch(UUID.randomUUID(), LocalDate.of(2022, 6, 30), "CN-GD", WarningChannel.SMS_12381,
                5, 1, BigDecimal.ONE), null, "form");
        records.save(new FraudCase(UUID.randomUUID(), "ZJ-1", LocalDate.of(2022, 3, 1), "CN-ZJ", FraudType.FAKE_LOAN,
                new BigDecimal("10.00"), BigDecimal.ZERO, CaseStatus.OPEN, Basis.COMPUTED), null, "form");

        assertThat(service.latestRecords(SubmissionKind.DENS))
                .containsEntry("CN-GD", LocalDate.of(2022, 6, 20)).containsEntry("CN-ZJ", LocalDate.of(2022, 4, 1))
                .hasSize(2);
        assertThat(service.latestRecords(SubmissionKind.WARNINGS)).containsOnlyKeys("CN-GD");
        assertThat(service.latestRecords(SubmissionKind.CASES)).containsEntry("CN-ZJ", LocalDate.of(2022, 3, 1));

        ReportingCompleteness c = service.load("CN", List.of(YearMonth.of(2022, 5), YearMonth.of(2022, 6)));
        assertThat(c.latestRecord("CN-GD", SubmissionKind.DENS)).isEqualTo(LocalDate.of(2022, 6, 20));
        assertThat(c.latestRecord("CN-GD", SubmissionKind.CASES)).isNull();
    }

    @Test
    void theUnitsOfTheNationAZoneAndAProvince() {
        assertThat(service.unitsOf("CN")).hasSize(31).isEqualTo(submissions.units());
        String zone = catalog.regionsOfKind(RegionKind.ZONE).getFirst().code();
        assertThat(service.unitsOf(zone)).isNotEmpty().allMatch(catalog.childrenOf(zone)::contains);
        assertThat(service.unitsOf("CN-GD")).containsExactly("CN-GD");
    }

    @Test
    void submittedMonthsCountAndTheRestAreLateTenDaysAfterTheirEnd() {
        List<YearMonth> months = ReportingCompleteness.monthsOf(Period.year(2022), TODAY);
        assertThat(months).hasSize(7).startsWith(YearMonth.of(2022, 1)).endsWith(YearMonth.of(2022, 7));
        submissions.submit(SubmissionKind.DENS, List.of("CN-GD"), months.subList(0, 5), "test"); // January to May
        ReportingCompleteness c = service.load("CN-GD", months);

        assertThat(c.submittedCount("CN-GD", SubmissionKind.DENS)).isEqualTo(5);
        assertThat(c.lateMonths("CN-GD", SubmissionKind.DENS, TODAY, 10)).containsExactly(YearMonth.of(2022, 6));
        assertThat(c.lateMonths("CN-GD", SubmissionKind.DENS, LocalDate.of(2022, 7, 10), 10))
                .as("June is late only after July 10").isEmpty();
        assertThat(c.lateMonths("CN-GD", SubmissionKind.DENS, TODAY, 20)).isEmpty();
        assertThat(c.lateMonths("CN-GD", SubmissionKind.CASES, TODAY, 10)).hasSize(6);

        submissions.reopen(SubmissionKind.DENS, "CN-GD", YearMonth.of(2022, 2), "figures corrected", "test");
        ReportingCompleteness reopened = service.load("CN-GD", months);
        assertThat(reopened.submittedCount("CN-GD", SubmissionKind.DENS)).isEqualTo(4);
        assertThat(reopened.lateMonths("CN-GD", SubmissionKind.DENS, TODAY, 10))
                .containsExactly(YearMonth.of(2022, 2), YearMonth.of(2022, 6));
    }

    @Test
    void aLongPeriodCountsItsLastTwelveMonthsThatHaveBegun() {
        assertThat(ReportingCompleteness.monthsOf(Period.range(LocalDate.of(2020, 1, 1), LocalDate.of(2022, 6, 30)), TODAY))
                .hasSize(12).startsWith(YearMonth.of(2021, 7)).endsWith(YearMonth.of(2022, 6));
        assertThat(ReportingCompleteness.monthsOf(Period.year(2023), TODAY)).isEmpty();
        assertThat(ReportingCompleteness.monthsOf(Period.day(LocalDate.of(2022, 3, 5)), TODAY))
                .containsExactly(YearMonth.of(2022, 3));
    }
}
