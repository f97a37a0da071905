package org.myelomacds.facts;

/**
 * Why a medication or procedure was given, as its record states it ({@code reasonReference} to a Condition, or a
 * coded {@code reasonCode}). {@code kind} is the condition as the engine's terminology reads it, or null when the
 * referenced Condition is one the engine does not recognise (breast cancer, say); {@code text} is its display or
 * code; {@code reference} the Condition it points to, or null for a reasonCode. {@code referenced} distinguishes a
 * pointer to a diagnosis in the record from a bare code. {@code otherDiseaseCode}: a bare ICD-10 code the terminology
 * does not read that lies outside every range that could stand for myeloma or its treatment (see
 * {@link #isOtherDiseaseCode(String, String)}) — decisive only for a medication the engine cannot identify.
 */
public record TherapyReason(ConditionKind kind, String text, String reference, boolean referenced,
                            boolean otherDiseaseCode) {

    public TherapyReason(ConditionKind kind, String text, String reference, boolean referenced) {
        this(kind, text, reference, referenced, false);
    }

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

    /**
     * For a medication the engine cannot identify (CDS-POLICY-UNIDENTIFIED-MEDICATION): the reason names a condition
     * that is no plasma-cell disorder — {@link #isOtherCondition()}, or a bare ICD-10 code outside the ranges that could
     * stand for myeloma ({@link #isOtherDiseaseCode(String, String)}). Named drugs keep {@link #isOtherCondition()}: an
     * anti-myeloma drug with a stray encounter diagnosis (hypertension on a dexamethasone order) is still read by its
     * drug (CDS-POLICY-OTHER-THERAPY).
     */
    public boolean isOtherConditionForUnidentified() {
        if (isMyeloma() || isPrecursor()) return false;
        return isOtherCondition() || otherDiseaseCode;
    }

    /**
     * A bare ICD-10 or ICD-10-CM code (any dot form) outside the chapter of neoplasms (C00-D49: unspecified cancer C80,
     * MGUS D47.2, neoplasms of uncertain behaviour), amyloidosis (E85) and the factors-influencing-health chapter (Z:
     * encounter for antineoplastic chemotherapy or immunotherapy Z51.1x, history of cancer Z85): any of those could be
     * the myeloma or its treatment, so it does not show the record is not myeloma therapy. Ranges: ICD-10-CM tabular
     * list chapter headings. Other code systems (SNOMED CT, whose hierarchy the engine does not walk) are not decisive.
     */
    public static boolean isOtherDiseaseCode(String system, String code) {
        if (system == null || code == null) return false;
        String s = system.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("/+$", "").replaceFirst("^https?://", "");
        if (!s.equals("hl7.org/fhir/sid/icd-10-cm") && !s.equals("hl7.org/fhir/sid/icd-10")) return false;
        String c = code.trim().toUpperCase(java.util.Locale.ROOT).replace(".", "");
        if (!c.matches("[A-Z][0-9][0-9A-Z]{1,5}")) return false;
        char chapter = c.charAt(0);
        if (chapter == 'C' || chapter == 'Z') return false;
        if (chapter == 'D' && Integer.parseInt(c.substring(1, 3).replaceAll("[^0-9]", "9")) <= 49) return false;
        if (c.startsWith("E85")) return false;
        return true;
    }

    public String describe() {
        return (text == null || text.isBlank() ? "a condition" : text) + (reference == null ? "" : " (" + reference + ")");
    }
}
