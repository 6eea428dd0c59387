package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One fraud case as registered by a police station. It counts once towards cases_registered, its loss
 * towards property_loss and, when solved, once towards cases_solved, all on its registration day.
 */
public record FraudCase(UUID id, String caseNumber, LocalDate registeredOn, String regionCode, FraudType type,
                        BigDecimal loss, BigDecimal recovered, CaseStatus status, Basis basis) implements EntryRecord {

    public FraudCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(registeredOn, "registeredOn");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(recovered, "recovered");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(basis, "basis");
        if (loss.signum() < 0 || recovered.signum() < 0) {
            throw new IllegalArgumentException("money is never negative: " + loss + ", " + recovered);
        }
        if (basis == Basis.REPORTED) {
            throw new IllegalArgumentException("a case is a record, never a reported figure");
        }
    }

    @Override
    public RecordKind kind() {
        return RecordKind.FRAUD_CASE;
    }

    @Override
    public String key() {
        return id.toString();
    }
}
