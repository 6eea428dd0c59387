package org.antifraud.cc.service.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.antifraud.cc.domain.Basis;
import org.antifraud.cc.domain.CaseStatus;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FieldRules;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.FraudType;
import org.antifraud.cc.service.csv.CsvProblem.Kind;

/** Rows of a cases file: each a {@link FraudCase} with basis computed. */
final class CaseRows extends RowReader {
    private static final CsvFileType TYPE = CsvFileType.CASES;
    private static final int ID = column(TYPE, "id");
    private static final int CASE_NUMBER = column(TYPE, "case_number");
    private static final int REGISTERED_ON = column(TYPE, "registered_on");
    private static final int REGION = column(TYPE, "region");
    private static final int FRAUD_TYPE = column(TYPE, "fraud_type");
    private static final int LOSS = column(TYPE, "loss");
    private static final int RECOVERED = column(TYPE, "recovered");
    private static final int STATUS = column(TYPE, "status");
    /** The width of fraud_case.case_number. */
    private static final int CASE_NUMBER_LENGTH = FieldRules.CASE_NUMBER_LENGTH;
    private static final String FRAUD_TYPES = String.join(", ",
            Arrays.stream(FraudType.values()).map(FraudType::code).toList());
    private static final String STATUSES = String.join(", ",
            Arrays.stream(CaseStatus.values()).map(CaseStatus::code).toList());

    private final Map<String, Integer> caseNumbers = new HashMap<>();

    CaseRows(int[] at, CatalogIndex catalog, LocalDate today, Problems problems) {
        super(TYPE, at, catalog, today, problems);
    }

    @Override
    EntryRecord readRow() {
        UUID id = id(ID);
        String caseNumber = caseNumber();
        LocalDate registeredOn = date(REGISTERED_ON);
        String region = region(REGION);
        FraudType type = fraudType();
        BigDecimal loss = money(LOSS);
        BigDecimal recovered = money(RECOVERED);
        CaseStatus status = status();
        if (loss != null && recovered != null && recovered.compareTo(loss) > 0) {
            problem(RECOVERED, Kind.RECOVERED_EXCEEDS_LOSS, recovered.toPlainString(), loss.toPlainString());
        }
        if (id == null || caseNumber == null || registeredOn == null || region == null || type == null
                || loss == null || recovered == null || status == null) {
            return null;
        }
        return new FraudCase(id, caseNumber, registeredOn, region, type, loss, recovered, status, Basis.COMPUTED);
    }

    private String caseNumber() {
        String s = required(CASE_NUMBER);
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > CASE_NUMBER_LENGTH) {
            problem(CASE_NUMBER, Kind.TOO_LONG, CASE_NUMBER_LENGTH);
            return null;
        }
        Integer first = caseNumbers.putIfAbsent(s, line);
        if (first != null) {
            problem(CASE_NUMBER, Kind.DUPLICATE_CASE_NUMBER, s, first);
        }
        return s;
    }

    private FraudType fraudType() {
        String s = required(FRAUD_TYPE);
        if (s.isEmpty()) {
            return null;
        }
        for (FraudType t : FraudType.values()) {
            if (t.code().equals(s)) {
                return t;
            }
        }
        problem(FRAUD_TYPE, Kind.UNKNOWN_FRAUD_TYPE, CsvProblem.quote(s), FRAUD_TYPES);
        return null;
    }

    private CaseStatus status() {
        String s = required(STATUS);
        if (s.isEmpty()) {
            return null;
        }
        for (CaseStatus c : CaseStatus.values()) {
            if (c.code().equals(s)) {
                return c;
            }
        }
        problem(STATUS, Kind.UNKNOWN_STATUS, CsvProblem.quote(s), STATUSES);
        return null;
    }
}
