package org.myelomacds.facts;

/**
 * Why a medication or procedure was given, as its record states it ({@code reasonReference} to a Condition, or a
 * coded {@code reasonCode}). {@code kind} is the condition as the engine's terminology reads it, or null when the
 * referenced Condition is one the engine does not recognise (breast cancer, say); {@code text} is its display or
 * code; {@code reference} the Condition it points to, or null for a reasonCode. {@code referenced} distinguishes a
 * pointer to a diagnosis in the record from a bare code.
 */
public record TherapyReason(ConditionKind kind, String text, String reference, boolean referenced) {

    /** Multiple myeloma in any phase, plasma-cell leukaemia or plasmacytoma: myeloma therapy. */
    public boolean isMyeloma() {
        return kind != null && (kind.isMultipleMyeloma() || kind == ConditionKind.PLASMA_CELL_LEUKEMIA
                || kind == ConditionKind.PLASMACYTOMA);
    }

    /** Smouldering myeloma, MGUS or AL amyloidosis: a precursor or related plasma-cell disorder. */
    public boolean isPrecursor() {
        return kind == ConditionKind.SMOLDERING_MYELOMA || kind == ConditionKind.MGUS || kind == ConditionKind.AL_AMYLOIDOSIS;
    }

    /**
     * Names another condition: a referenced Condition that is no plasma-cell disorder (recognised or not), or a code the
     * terminology reads as another condition. An unrecognised bare code is not decisive ("chemotherapy", "cancer NOS").
     */
    public boolean isOtherCondition() {
        if (isMyeloma() || isPrecursor()) return false;
        return referenced || kind != null;
    }

    public String describe() {
        return (text == null || text.isBlank() ? "a condition" : text) + (reference == null ? "" : " (" + reference + ")");
    }
}
