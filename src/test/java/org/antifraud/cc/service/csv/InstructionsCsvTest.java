package org.antifraud.cc.service.csv;

import static org.antifraud.cc.service.csv.CsvFixtures.problems;
import static org.antifraud.cc.service.csv.CsvFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.WarningInstruction;
import org.junit.jupiter.api.Test;

/** Issue 17: warning instructions in CSV, told from the header by tier and risk_level; every problem by line. */
class InstructionsCsvTest {
    private static final String HEADER = "id,issued_at,region,tier,risk_level,contacted_at,outcome,funds_protected";
    private static final String ID1 = "0b7c1f4e-8d2a-4f3b-9a61-5e2d7c9b1a04";
    private static final String ID2 = "6f1d2c3b-4a5e-4f60-8172-93a4b5c6d7e8";
    private static final String ID3 = "c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b";

    @Test
    void readsInstructionsToTheMinuteWithAndWithoutAContact() {
        CsvReadResult result = read(HEADER,
                ID1 + ",2024-06-14T09:05,CN-GD,national,high,2024-06-14T09:31,dissuaded,52000.50",
                ID2 + ",2024-06-14T23:59,CN-ZJ,local,low,,pending,",
                ID3 + ",2024-06-01T00:00,CN-BJ,provincial,medium,,unreachable,");

        assertThat(result.type()).isEqualTo(CsvFileType.INSTRUCTIONS);
        assertThat(result.records()).containsExactly(
                new WarningInstruction(UUID.fromString(ID1), LocalDateTime.of(2024, 6, 14, 9, 5), "CN-GD",
                        InstructionTier.NATIONAL, RiskLevel.HIGH, LocalDateTime.of(2024, 6, 14, 9, 31),
                        InstructionOutcome.DISSUADED, new BigDecimal("52000.50")),
                new WarningInstruction(UUID.fromString(ID2), LocalDateTime.of(2024, 6, 14, 23, 59), "CN-ZJ",
                        InstructionTier.LOCAL, RiskLevel.LOW, null, InstructionOutcome.PENDING, null),
                new WarningInstruction(UUID.fromString(ID3), LocalDateTime.of(2024, 6, 1, 0, 0), "CN-BJ",
                        InstructionTier.PROVINCIAL, RiskLevel.MEDIUM, null, InstructionOutcome.UNREACHABLE, null));
        assertThat(((WarningInstruction) result.records().getFirst()).contactMinutes()).isEqualTo(26);
    }

    @Test
    void theTypeIsToldByTierAndRiskLevelWhateverTheColumnOrder() {
        CsvReadResult result = read("risk_level,tier,outcome,contacted_at,funds_protected,region,issued_at,id",
                "high,national,pending,,,CN-GD,2024-06-14T09:05," + ID1);
        assertThat(result.type()).isEqualTo(CsvFileType.INSTRUCTIONS);
        assertThat(result.records()).hasSize(1);
    }

    @Test
    void everyProblemOfABadFileIsNamedByLineAndColumn() {
        assertThat(problems(HEADER,
                ID1 + ",2024-06-14T09:05,CN-GD,national,high,2024-06-14T08:59,dissuaded,",
                ID2 + ",2024-06-14T09:05,CN-GD,regional,high,,dissuaded,",
                ID3 + ",2024-06-15T00:01,CN,local,urgent,2024-06-14 10:00,called,-5",
                "d4e5f607-1829-43a4-b5c6-d7e8f90a1b2c,14/06/2024,CN-GD,local,low,,already_defrauded,1.234"))
                .containsExactly(
                        "f.csv:2: contacted_at: contact 2024-06-14T08:59 comes before the instruction was issued"
                                + " (2024-06-14T09:05)",
                        "f.csv:3: tier: unknown tier: regional (national, provincial, local)",
                        "f.csv:3: contacted_at: outcome dissuaded needs the time of the contact",
                        "f.csv:4: issued_at: time 2024-06-15T00:01 lies in the future (it is now 2024-06-15T00:00)",
                        "f.csv:4: region: CN is not a province: an instruction is issued in a province",
                        "f.csv:4: risk_level: unknown risk level: urgent (high, medium, low)",
                        "f.csv:4: contacted_at: malformed time: 2024-06-14 10:00 (YYYY-MM-DDTHH:MM, local time)",
                        "f.csv:4: outcome: unknown outcome: called (pending, dissuaded, already_defrauded,"
                                + " unreachable, false_alarm)",
                        "f.csv:4: funds_protected: must not be negative: -5",
                        "f.csv:5: issued_at: malformed time: 14/06/2024 (YYYY-MM-DDTHH:MM, local time)",
                        "f.csv:5: funds_protected: money has at most 2 decimals: 1.234",
                        "f.csv:5: contacted_at: outcome already_defrauded needs the time of the contact");
    }

    @Test
    void secondsAreNotTheFormatAndTheDomainRefusesWhatTheFileMayNot() {
        assertThat(problems(HEADER, ID1 + ",2024-06-14T09:05:30,CN-GD,national,high,,pending,"))
                .containsExactly("f.csv:2: issued_at: malformed time: 2024-06-14T09:05:30 (YYYY-MM-DDTHH:MM, local time)");
        LocalDateTime nine = LocalDateTime.of(2024, 6, 14, 9, 0);
        assertThatThrownBy(() -> new WarningInstruction(UUID.randomUUID(), nine, "CN-GD", InstructionTier.LOCAL,
                RiskLevel.LOW, nine.minusMinutes(1), InstructionOutcome.DISSUADED, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarningInstruction(UUID.randomUUID(), nine, "CN-GD", InstructionTier.LOCAL,
                RiskLevel.LOW, null, InstructionOutcome.ALREADY_DEFRAUDED, null))
                .isInstanceOf(IllegalArgumentException.class);
        // nobody reached, and nobody needed to be: no contact needed
        assertThat(new WarningInstruction(UUID.randomUUID(), nine, "CN-GD", InstructionTier.LOCAL, RiskLevel.LOW, null,
                InstructionOutcome.FALSE_ALARM, null).contactMinutes()).isNull();
    }

    @Test
    void writtenAsReadInTheOrderOfIssue() throws Exception {
        CsvReadResult read = read(HEADER,
                ID2 + ",2024-06-14T23:59,CN-ZJ,local,low,,pending,",
                ID1 + ",2024-06-14T09:05,CN-GD,national,high,2024-06-14T09:31,dissuaded,52000.5");
        StringWriter out = new StringWriter();
        CsvWriter.write(out, CsvFileType.INSTRUCTIONS, read.records());
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).containsExactly(HEADER,
                ID1 + ",2024-06-14T09:05,CN-GD,national,high,2024-06-14T09:31,dissuaded,52000.5",
                ID2 + ",2024-06-14T23:59,CN-ZJ,local,low,,pending,");
        List<EntryRecord> again = read(lines.toArray(String[]::new)).records();
        assertThat(again).containsExactlyInAnyOrderElementsOf(read.records());
    }
}
