package org.antifraud.cc.ui.entry;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;

import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.RecordKind;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.WarningInstruction;

/**
 * One early-warning instruction (issue 17): when and where it was issued, by which tier at which risk, when somebody
 * reached the person (empty while nobody has), what came of it, the money it protected. Times to the minute.
 */
public final class InstructionForm extends EntryForm {
    final FormField<String> issuedAt = text("issued_at");
    final FormField<String> region = code("region", true);
    final FormField<InstructionTier> tier = choice("tier", InstructionTier.class, null);
    final FormField<RiskLevel> risk = choice("risk_level", RiskLevel.class, null);
    final FormField<String> contactedAt = text("contacted_at");
    final FormField<InstructionOutcome> outcome = choice("outcome", InstructionOutcome.class, InstructionOutcome.PENDING);
    final FormField<String> funds = text("funds_protected");

    InstructionForm() {
        super(RecordKind.WARNING_INSTRUCTION);
    }

    @Override
    EntryRecord build(Checks c, EntryRecord editing) {
        LocalDateTime issued = c.time(issuedAt, true);
        String where = c.choice(region);
        InstructionTier by = c.choice(tier);
        RiskLevel level = c.choice(risk);
        LocalDateTime contacted = c.time(contactedAt, false);
        InstructionOutcome result = c.choice(outcome);
        BigDecimal protectedFunds = Checks.optional(funds) == null ? null : c.money(funds, false);
        if (issued != null && contacted != null && contacted.isBefore(issued)) {
            c.fail(contactedAt, "entry.error.contact_before_issue");
        }
        if (result != null && result.needsContact() && contacted == null && Checks.optional(contactedAt) == null) {
            c.fail(contactedAt, "entry.error.outcome_needs_contact");
        }
        if (!c.ok()) {
            return null;
        }
        UUID id = editing instanceof WarningInstruction i ? i.id() : UUID.randomUUID();
        return new WarningInstruction(id, issued, where, by, level, contacted, result, protectedFunds);
    }

    @Override
    void load(EntryRecord record) {
        WarningInstruction i = (WarningInstruction) record;
        issuedAt.set(Checks.minute(i.issuedAt()));
        region.set(i.regionCode());
        tier.set(i.tier());
        risk.set(i.riskLevel());
        contactedAt.set(i.contactedAt() == null ? "" : Checks.minute(i.contactedAt()));
        outcome.set(i.outcome());
        funds.set(i.fundsProtected() == null ? "" : plain(i.fundsProtected()));
    }
}
