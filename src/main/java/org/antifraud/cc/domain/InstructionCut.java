package org.antifraud.cc.domain;

/**
 * A part of the warning instructions (issue 17): one tier, one risk level, both or neither ({@code null}: every
 * one). The figures of instructions can be cut so ({@code stats --tier/--risk}, a threshold that watches only
 * high-risk instructions); no other figure can.
 */
public record InstructionCut(InstructionTier tier, RiskLevel risk) {
    public static final InstructionCut NONE = new InstructionCut(null, null);

    public boolean none() {
        return tier == null && risk == null;
    }

    /** The cut stored as two nullable codes (tier, risk level). */
    public static InstructionCut ofCodes(String tier, String risk) {
        return new InstructionCut(tier == null ? null : InstructionTier.fromCode(tier),
                risk == null ? null : RiskLevel.fromCode(risk));
    }
}
