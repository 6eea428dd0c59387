package org.antifraud.cc.service.csv;

import static org.antifraud.cc.service.csv.CsvFixtures.problems;
import static org.antifraud.cc.service.csv.CsvFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningChannel;
import org.junit.jupiter.api.Test;

/** Den takedowns, warning batches and fraud cases: each row with its id. */
class RecordsCsvTest {
    private static final String DENS = "id,date,region,city,campaign,address,suspects_arrested,goip_devices,phone_cards,"
            + "bank_cards,note";
    private static final String WARNINGS = "id,date,region,channel,warnings,persons_dissuaded,funds_intercepted";
    private static final String CASES = "id,case_number,registered_on,region,fraud_type,loss,recovered,status";
    private static final String ID1 = "0b7c1f4e-8d2a-4f3b-9a61-5e2d7c9b1a04";
    private static final String ID2 = "6f1d2c3b-4a5e-4f60-8172-93a4b5c6d7e8";
    private static final String ID3 = "c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b";

    @Test
    void readsDenTakedowns() {
        CsvReadResult result = read(DENS,
                ID1 + ",2024-06-15,CN-GD,Shenzhen,chain_cutting,\"Unit 3, Block 7\",12,40,300,25,caught at dawn",
                ID2.toUpperCase() + ",2023-01-02,CN-BJ,,,,0,0,0,0,");

        assertThat(result.type()).isEqualTo(CsvFileType.DENS);
        assertThat(result.records()).containsExactly(
                new DenTakedown(UUID.fromString(ID1), LocalDate.of(2024, 6, 15), "CN-GD", "Shenzhen", "chain_cutting",
                        "Unit 3, Block 7", 12, 40, 300, 25, "caught at dawn"),
                new DenTakedown(UUID.fromString(ID2), LocalDate.of(2023, 1, 2), "CN-BJ", null, null, null, 0, 0, 0, 0,
                        null));
    }

    @Test
    void denProblems() {
        assertThat(problems(DENS,
                "not-a-uuid,2024-06-16,CN,,no_such,,1,2,3,4,",
                ID1 + ",2024-02-30,ZONE-EAST,,,,-1,1.5,x,\"1,000\",",
                ID1 + ",02/03/2024,CN-XX,,,,,0,0,0,",
                ID2 + ",,CN-GD,,,,99999999999999999999,0,0,0,"))
                .containsExactly(
                        "f.csv:2: id: malformed id: not-a-uuid (a UUID such as 0b7c1f4e-8d2a-4f3b-9a61-5e2d7c9b1a04)",
                        "f.csv:2: date: date 2024-06-16 lies in the future (today is 2024-06-15)",
                        "f.csv:2: region: CN is not a province: a den is taken down in a province",
                        "f.csv:2: campaign: unknown campaign: no_such",
                        "f.csv:3: date: malformed date: 2024-02-30 (YYYY-MM-DD)",
                        "f.csv:3: region: ZONE-EAST is not a province: a den is taken down in a province",
                        "f.csv:3: suspects_arrested: must not be negative: -1",
                        "f.csv:3: goip_devices: a count is a whole number: 1.5",
                        "f.csv:3: phone_cards: not a plain number: x (digits, optionally a point and decimals)",
                        "f.csv:3: bank_cards: no thousands separators, please: 1,000",
                        "f.csv:4: id: id " + ID1 + " appears on line 3 already",
                        "f.csv:4: date: malformed date: 02/03/2024 (YYYY-MM-DD)",
                        "f.csv:4: region: unknown region: CN-XX",
                        "f.csv:4: suspects_arrested: required, but empty",
                        "f.csv:5: date: required, but empty",
                        "f.csv:5: suspects_arrested: too large: 99999999999999999999");
    }

    @Test
    void denTextLongerThanItsColumnIsAProblem() {
        String longCity = "x".repeat(101);
        assertThat(problems(DENS, ID1 + ",2024-01-01,CN-GD," + longCity + ",,,0,0,0,0,"))
                .containsExactly("f.csv:2: city: longer than 100 characters");
    }

    @Test
    void readsWarningBatches() {
        CsvReadResult result = read(WARNINGS, ID1 + ",2024-03-01,CN-ZJ,sms_12381,1500,320,2500000.50");

        assertThat(result.type()).isEqualTo(CsvFileType.WARNINGS);
        assertThat(result.records()).containsExactly(new WarningBatch(UUID.fromString(ID1), LocalDate.of(2024, 3, 1),
                "CN-ZJ", WarningChannel.SMS_12381, 1500, 320, new BigDecimal("2500000.50")));
    }

    @Test
    void warningsAndCasesMayBelongToTheNationOrAZoneButADenOnlyToAProvince() {
        assertThat(read(WARNINGS, ID1 + ",2024-03-01,CN,national_instruction,20,0,0").ok()).isTrue();
        assertThat(read(CASES, ID1 + ",A-1,2024-05-05,ZONE-EAST,other,1,0,open").ok()).isTrue();
        assertThat(problems(DENS, ID1 + ",2024-01-01,CN,,,,0,0,0,0,"))
                .containsExactly("f.csv:2: region: CN is not a province: a den is taken down in a province");
        assertThat(problems(WARNINGS, ID1 + ",2024-03-01,CN-XX,app,1,0,0"))
                .containsExactly("f.csv:2: region: unknown region: CN-XX");
    }

    @Test
    void warningProblems() {
        assertThat(problems(WARNINGS,
                ID1 + ",2024-03-01,CN-ZJ,fax,10,5,100.001",
                ID2 + ",2024-03-01,CN-ZJ,app,10,5,-3",
                ID3 + ",2024-03-01,CN-ZJ,app,10,5,"))
                .containsExactly(
                        "f.csv:2: channel: unknown channel: fax (national_instruction, local_warning, sms_12381, app, "
                                + "phone_call, visit)",
                        "f.csv:2: funds_intercepted: money has at most 2 decimals: 100.001",
                        "f.csv:3: funds_intercepted: must not be negative: -3",
                        "f.csv:4: funds_intercepted: required, but empty");
    }

    @Test
    void readsFraudCasesAsComputed() {
        CsvReadResult result = read(CASES, ID1 + ",GD-2024-0001,2024-05-05,CN-GD,romance,58000,12000.5,solved");

        assertThat(result.type()).isEqualTo(CsvFileType.CASES);
        assertThat(result.records()).containsExactly(new FraudCase(UUID.fromString(ID1), "GD-2024-0001",
                LocalDate.of(2024, 5, 5), "CN-GD", FraudType.ROMANCE, new BigDecimal("58000"),
                new BigDecimal("12000.5"), CaseStatus.SOLVED, Basis.COMPUTED));
    }

    @Test
    void caseProblems() {
        assertThat(problems(CASES,
                ID1 + ",A-1,2024-05-05,CN-GD,phishing,100,200,closed",
                ID2 + ",A-1,2024-05-05,CN-GD,other,1.234,0,open",
                ID3 + "," + "N".repeat(41) + ",2024-05-05,CN-GD,other,10,0,open"))
                .containsExactly(
                        "f.csv:2: fraud_type: unknown fraud type: phishing (order_brushing, fake_investment, fake_loan, "
                                + "fake_customer_service, impersonating_police, romance, other)",
                        "f.csv:2: status: unknown status: closed (open, solved)",
                        "f.csv:2: recovered: recovered 200 exceeds the loss 100",
                        "f.csv:3: case_number: case number A-1 appears on line 2 already",
                        "f.csv:3: loss: money has at most 2 decimals: 1.234",
                        "f.csv:4: case_number: longer than 40 characters");
    }

    @Test
    void theTypeMayBeGivenAndThenTheHeaderMustFitIt() {
        assertThat(problems(CsvFileType.CASES, WARNINGS))
                .contains("f.csv:1: date: unknown column in a cases file (columns: id, case_number, registered_on, "
                        + "region, fraud_type, loss, recovered, status)")
                .contains("f.csv:1: case_number: required column missing from the header of a cases file");
        assertThat(read(CsvFileType.WARNINGS, WARNINGS).ok()).isTrue();
    }
}
