package org.antifraud.cc.domain;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One early-warning instruction (issue 17): issued at a minute, in a province, by a tier, at a risk level; when (if
 * yet) somebody reached the person at risk, what came of it, and the money it protected. Times are the command
 * centre's local time, to the minute. It counts in the period in which it was issued.
 */
public record WarningInstruction(UUID id, LocalDateTime issuedAt, String regionCode, InstructionTier tier,
                                 RiskLevel riskLevel, LocalDateTime contactedAt, InstructionOutcome outcome,
                                 BigDecimal fundsProtected) implements EntryRecord {

    public WarningInstruction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(riskLevel, "riskLevel");
        Objects.requireNonNull(outcome, "outcome");
        issuedAt = issuedAt.truncatedTo(ChronoUnit.MINUTES);
        contactedAt = contactedAt == null ? null : contactedAt.truncatedTo(ChronoUnit.MINUTES);
        if (contactedAt != null && contactedAt.isBefore(issuedAt)) {
            throw new IllegalArgumentException("a contact never comes before the instruction");
        }
        if (contactedAt == null && outcome.needsContact()) {
            throw new IllegalArgumentException("outcome " + outcome.code() + " needs a contact");
        }
        if (fundsProtected != null && fundsProtected.signum() < 0) {
            throw new IllegalArgumentException("money is never negative");
        }
    }

    /** Minutes from the instruction to the contact, or null while nobody has been reached. */
    public Long contactMinutes() {
        return contactedAt == null ? null : ChronoUnit.MINUTES.between(issuedAt, contactedAt);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.WARNING_INSTRUCTION;
    }

    @Override
    public String key() {
        return id.toString();
    }
}
