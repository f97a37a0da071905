package org.myelomacds.fhir.terminology;

import java.util.Map;
import java.util.Optional;

/**
 * Coded answers for qualitative results and performance status (positive/negative/detected, ECOG grades).
 * Status tags: V verified, T third-party only, U unverified, M not in §9.
 */
public final class ResultValueCodes {
    private ResultValueCodes() { }

    /** Normalised text values for qualitative results (Measurement.textValue). */
    public static final String POSITIVE = "POSITIVE";
    public static final String NEGATIVE = "NEGATIVE";

    /** M (brief; SNOMED qualifier values): positive. */ public static final String SCT_POSITIVE = "10828004";
    /** M: negative. */ public static final String SCT_NEGATIVE = "260385009";
    /** M: detected. */ public static final String SCT_DETECTED = "260373001";
    /** M: not detected. */ public static final String SCT_NOT_DETECTED = "260415000";

    /** M: HL7 v3 ObservationInterpretation codes — POS, NEG, DET, ND; A/N (abnormal/normal) are too vague and not read. */
    public static final String V3_POSITIVE = "POS";
    public static final String V3_NEGATIVE = "NEG";
    public static final String V3_DETECTED = "DET";
    public static final String V3_NOT_DETECTED = "ND";

    // ECOG answers, LOINC answer list LL529-9. V: found in two independent public value sets
    // (MII onkology "Allgemeiner Leistungszustand ECOG LOINC", enumerating LL529-9, and a German oncology FSH
    // ECOG value set), and in the mCODE ECOG examples for grade 0.
    /** V: ECOG 0. */ public static final String LA_ECOG_0 = "LA9622-7";
    /** V: ECOG 1. */ public static final String LA_ECOG_1 = "LA9623-5";
    /** V: ECOG 2. */ public static final String LA_ECOG_2 = "LA9624-3";
    /** V: ECOG 3. */ public static final String LA_ECOG_3 = "LA9625-0";
    /** V: ECOG 4. */ public static final String LA_ECOG_4 = "LA9626-8";
    /** V: ECOG 5 (dead). */ public static final String LA_ECOG_5 = "LA9627-6";

    private static final Map<String, String> SNOMED_POLARITY = Map.of(
            SCT_POSITIVE, POSITIVE, SCT_DETECTED, POSITIVE,
            SCT_NEGATIVE, NEGATIVE, SCT_NOT_DETECTED, NEGATIVE);

    private static final Map<String, String> V3_POLARITY = Map.of(
            V3_POSITIVE, POSITIVE, V3_DETECTED, POSITIVE,
            V3_NEGATIVE, NEGATIVE, V3_NOT_DETECTED, NEGATIVE);

    private static final Map<String, Integer> ECOG = Map.of(
            LA_ECOG_0, 0, LA_ECOG_1, 1, LA_ECOG_2, 2, LA_ECOG_3, 3, LA_ECOG_4, 4, LA_ECOG_5, 5);

    /** POSITIVE or NEGATIVE for a coded qualitative answer, from SNOMED or the v3 interpretation system. */
    public static Optional<String> polarity(String system, String code) {
        if (code == null) return Optional.empty();
        if (CodeSystems.same(system, CodeSystems.SNOMED)) return Optional.ofNullable(SNOMED_POLARITY.get(code.trim()));
        if (CodeSystems.same(system, CodeSystems.V3_INTERPRETATION)) return Optional.ofNullable(V3_POLARITY.get(code.trim()));
        return Optional.empty();
    }

    public static Optional<Integer> ecogGrade(String system, String code) {
        if (code == null || !CodeSystems.same(system, CodeSystems.LOINC)) return Optional.empty();
        return Optional.ofNullable(ECOG.get(code.trim()));
    }
}
