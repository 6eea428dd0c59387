package org.antifraud.cc.service.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.InstructionOutcome;
import org.antifraud.cc.domain.InstructionTier;
import org.antifraud.cc.domain.RiskLevel;
import org.antifraud.cc.domain.WarningInstruction;
import org.antifraud.cc.service.csv.CsvProblem.Kind;

/**
 * Rows of an instructions file (issue 17): each a {@link WarningInstruction}. Times are {@code YYYY-MM-DDTHH:MM}, the
 * command centre's local time, never after the minute the file is read; a contact never before the instruction; an
 * outcome that says somebody was reached (dissuaded, already defrauded) needs its contact time.
 */
final class InstructionRows extends RowReader {
    private static final CsvFileType TYPE = CsvFileType.INSTRUCTIONS;
    private static final int ID = column(TYPE, "id");
    private static final int ISSUED = column(TYPE, "issued_at");
    private static final int REGION = column(TYPE, "region");
    private static final int TIER = column(TYPE, "tier");
    private static final int RISK = column(TYPE, "risk_level");
    private static final int CONTACTED = column(TYPE, "contacted_at");
    private static final int OUTCOME = column(TYPE, "outcome");
    private static final int FUNDS = column(TYPE, "funds_protected");
    private static final Pattern MINUTE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final String TIERS = codes(InstructionTier.values());
    private static final String RISKS = codes(RiskLevel.values());
    private static final String OUTCOMES = codes(InstructionOutcome.values());

    private final LocalDateTime now;

    InstructionRows(int[] at, CatalogIndex catalog, LocalDate today, LocalDateTime now, Problems problems) {
        super(TYPE, at, catalog, today, problems);
        this.now = now;
    }

    @Override
    EntryRecord readRow() {
        UUID id = id(ID);
        LocalDateTime issued = time(ISSUED, true);
        String region = province(REGION, Kind.INSTRUCTION_NOT_PROVINCE);
        InstructionTier tier = choice(TIER, InstructionTier.values(), TIERS, Kind.UNKNOWN_TIER);
        RiskLevel risk = choice(RISK, RiskLevel.values(), RISKS, Kind.UNKNOWN_RISK_LEVEL);
        LocalDateTime contacted = time(CONTACTED, false);
        InstructionOutcome outcome = choice(OUTCOME, InstructionOutcome.values(), OUTCOMES, Kind.UNKNOWN_OUTCOME);
        String fundsText = code(FUNDS);
        BigDecimal funds = fundsText.isEmpty() ? null : money(FUNDS, fundsText);
        boolean consistent = true;
        if (issued != null && contacted != null && contacted.isBefore(issued)) {
            problem(CONTACTED, Kind.CONTACT_BEFORE_ISSUE, code(CONTACTED), code(ISSUED));
            consistent = false;
        }
        if (outcome != null && outcome.needsContact() && contacted == null && code(CONTACTED).isEmpty()) {
            problem(CONTACTED, Kind.OUTCOME_WITHOUT_CONTACT, outcome.code());
            consistent = false;
        }
        if (!consistent || id == null || issued == null || region == null || tier == null || risk == null || outcome == null
                || (contacted == null && !code(CONTACTED).isEmpty()) || (funds == null && !fundsText.isEmpty())) {
            return null;
        }
        return new WarningInstruction(id, issued, region, tier, risk, contacted, outcome, funds);
    }

    /** A time to the minute, not after now; {@code required}: a problem when empty, else null when empty. */
    private LocalDateTime time(int column, boolean required) {
        String s = required ? required(column) : code(column);
        if (s.isEmpty()) {
            return null;
        }
        LocalDateTime t = null;
        if (MINUTE.matcher(s).matches()) {
            try {
                t = LocalDateTime.parse(s);
            } catch (DateTimeParseException e) {
                t = null;
            }
        }
        if (t == null) {
            problem(column, Kind.BAD_TIME, CsvProblem.quote(s));
        } else if (t.isAfter(now)) {
            problem(column, Kind.FUTURE_TIME, s, now.toString());
        }
        return t;
    }

    private <E extends Enum<E>> E choice(int column, E[] values, String all, Kind unknown) {
        String s = required(column);
        if (s.isEmpty()) {
            return null;
        }
        for (E v : values) {
            if (code(v).equals(s)) {
                return v;
            }
        }
        problem(column, unknown, CsvProblem.quote(s), all);
        return null;
    }

    private static String code(Enum<?> v) {
        return switch (v) {
            case InstructionTier t -> t.code();
            case RiskLevel r -> r.code();
            case InstructionOutcome o -> o.code();
            default -> throw new IllegalArgumentException(v.toString());
        };
    }

    private static String codes(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(InstructionRows::code).toList());
    }
}
