package org.myelomacds.fhir.terminology;

import java.util.Map;
import java.util.Optional;

import org.myelomacds.facts.DiseaseTrend;

/** mCODE cancer disease status (LOINC 97509-4) and its SNOMED answers (ARCHITECTURE.md §4, MCODE). */
public final class DiseaseStatusCodes {
    private DiseaseStatusCodes() { }

    /** V (mCODE): cancer disease status. */ public static final String LOINC_DISEASE_STATUS = "97509-4";
    /** V (mCODE answer): patient's condition worsened → progression. */ public static final String SCT_WORSENED = "271299001";
    /** V (mCODE answer): patient's condition improved. */ public static final String SCT_IMPROVED = "268910001";
    /** V (mCODE answer): patient's condition stable. */ public static final String SCT_STABLE = "359746009";
    /** V (mCODE answer): patient's condition undetermined. */ public static final String SCT_UNDETERMINED = "709137006";

    private static final Map<String, DiseaseTrend> ANSWERS = Map.of(
            SCT_WORSENED, DiseaseTrend.PROGRESSION,
            SCT_IMPROVED, DiseaseTrend.IMPROVED,
            SCT_STABLE, DiseaseTrend.STABLE,
            SCT_UNDETERMINED, DiseaseTrend.UNDETERMINED);

    public static boolean isDiseaseStatus(String system, String code) {
        return CodeSystems.same(system, CodeSystems.LOINC) && LOINC_DISEASE_STATUS.equals(code);
    }

    public static Optional<DiseaseTrend> answer(String system, String code) {
        if (!CodeSystems.same(system, CodeSystems.SNOMED) || code == null) return Optional.empty();
        return Optional.ofNullable(ANSWERS.get(code.trim()));
    }
}
