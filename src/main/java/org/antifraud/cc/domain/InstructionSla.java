package org.antifraud.cc.domain;

/**
 * The time limits to reach the person of a warning instruction, in minutes, by risk level (issue 17): a contact later
 * than its limit is a breach; an instruction nobody has reached whose limit passed before the as-of time is an open
 * breach. Defaults: high 30 minutes, medium 2 hours, low a day.
 */
public record InstructionSla(int highMinutes, int mediumMinutes, int lowMinutes) {
    public static final InstructionSla DEFAULT = new InstructionSla(30, 120, 1440);
    /** The longest limit that may be set: a week. */
    public static final int MAX_MINUTES = 7 * 24 * 60;

    public InstructionSla {
        for (int m : new int[] {highMinutes, mediumMinutes, lowMinutes}) {
            if (m < 1 || m > MAX_MINUTES) {
                throw new IllegalArgumentException("a time limit is 1 to " + MAX_MINUTES + " minutes: " + m);
            }
        }
    }

    public int minutes(RiskLevel risk) {
        return switch (risk) {
            case HIGH -> highMinutes;
            case MEDIUM -> mediumMinutes;
            case LOW -> lowMinutes;
        };
    }

    /** The same limits with {@code risk}'s set to {@code minutes}. */
    public InstructionSla with(RiskLevel risk, int minutes) {
        return switch (risk) {
            case HIGH -> new InstructionSla(minutes, mediumMinutes, lowMinutes);
            case MEDIUM -> new InstructionSla(highMinutes, minutes, lowMinutes);
            case LOW -> new InstructionSla(highMinutes, mediumMinutes, minutes);
        };
    }
}
