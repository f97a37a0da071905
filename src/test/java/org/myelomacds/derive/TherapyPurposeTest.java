package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.ConditionSeverity;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.OtherTherapy.Decision;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.TherapyReason;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.given;
import static org.myelomacds.facts.TestDrugs.BORTEZOMIB;
import static org.myelomacds.facts.TestDrugs.CYCLOPHOSPHAMIDE;
import static org.myelomacds.facts.TestDrugs.DARATUMUMAB;
import static org.myelomacds.facts.TestDrugs.DEXAMETHASONE;

class TherapyPurposeTest {
    private static final TherapyReason BREAST_CANCER =
            new TherapyReason(ConditionKind.OTHER_MALIGNANCY, "Left breast cancer", "Condition/bc", true);
    private static final TherapyReason NAUSEA = new TherapyReason(null, "Nausea", "Condition/nausea", true);
    private static final TherapyReason SMM = new TherapyReason(ConditionKind.SMOLDERING_MYELOMA, "High-risk SMM", "Condition/smm", true);
    private static final TherapyReason MYELOMA = new TherapyReason(ConditionKind.MULTIPLE_MYELOMA, "Multiple myeloma", "Condition/mm", true);
    private static final TherapyReason CHEMO_CODE = new TherapyReason(null, "chemotherapy", null, false);

    private static MedicationRecord withReasons(String id, Drug drug, String start, String end, TherapyReason... reasons) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.REQUEST, "completed", false, d(start), d(end),
                d(start), d(end), null, false, new Provenance("MedicationRequest/" + id, d(start)), List.of(reasons));
    }

    private static ClinicalCondition condition(ConditionKind kind, String onset, String id) {
        return new ClinicalCondition(kind, ConditionSeverity.UNSPECIFIED, null, true, onset == null ? null : d(onset),
                "code", kind.name(), new Provenance("Condition/" + id, onset == null ? null : d(onset)));
    }

    private static final List<ClinicalCondition> MM_2023_BREAST_2018 = List.of(
            condition(ConditionKind.MULTIPLE_MYELOMA, "2023-01-10", "mm"),
            condition(ConditionKind.OTHER_MALIGNANCY, "2018-03-05", "bc"));

    @Test
    void aStatedOtherReasonIsOtherTherapyNotAnExposure() {
        var split = TherapyPurpose.split(List.of(withReasons("dox", CYCLOPHOSPHAMIDE, "2018-04-09", "2018-06-11", BREAST_CANCER),
                withReasons("dex", DEXAMETHASONE, "2024-01-01", "2024-01-03", NAUSEA)), MM_2023_BREAST_2018, d("2026-11-01"));
        assertTrue(split.myeloma().isEmpty());
        assertTrue(split.exposed().isEmpty());
        assertEquals(List.of(Decision.STATED_REASON, Decision.STATED_REASON),
                split.other().stream().map(o -> o.getDecision()).toList());
        assertTrue(split.other().get(0).getReason().contains("Left breast cancer (Condition/bc)"));
        assertTrue(split.other().get(0).getProvenance().contains(new Provenance("Condition/bc", null)));
    }

    @Test
    void nearMissMyelomaAmongTheReasonsKeepsItMyelomaTherapy() {
        var split = TherapyPurpose.split(List.of(withReasons("cy", CYCLOPHOSPHAMIDE, "2023-02-01", "2023-05-01",
                BREAST_CANCER, MYELOMA)), MM_2023_BREAST_2018, d("2026-11-01"));
        assertEquals(1, split.myeloma().size());
        assertTrue(split.other().isEmpty());
    }

    @Test
    void nearMissAnUnrecognisedBareCodeDecidesNothing() {
        var split = TherapyPurpose.split(List.of(withReasons("cy", CYCLOPHOSPHAMIDE, "2023-02-01", "2023-05-01", CHEMO_CODE)),
                MM_2023_BREAST_2018, d("2026-11-01"));
        assertEquals(1, split.myeloma().size());
    }

    @Test
    void therapyEndedBeforeTheMyelomaDiagnosisWhileAnotherCancerWasOnRecordIsOtherTherapy() {
        var split = TherapyPurpose.split(List.of(given("cy", CYCLOPHOSPHAMIDE, "2018-04-09", "2018-06-11", null)),
                MM_2023_BREAST_2018, d("2026-11-01"));
        assertEquals(Decision.BEFORE_DIAGNOSIS, split.other().get(0).getDecision());
        assertTrue(split.other().get(0).getReason().contains("before the first myeloma or precursor diagnosis (2023-01-10)"));
        assertTrue(split.myeloma().isEmpty());
    }

    @Test
    void nearMissTherapyBeforeTheOtherCancerWasDiagnosedStaysMyelomaTherapy() {
        List<ClinicalCondition> laterCancer = List.of(condition(ConditionKind.MULTIPLE_MYELOMA, "2023-01-10", "mm"),
                condition(ConditionKind.OTHER_MALIGNANCY, "2018-07-01", "bc"));
        var split = TherapyPurpose.split(List.of(given("cy", CYCLOPHOSPHAMIDE, "2018-04-09", "2018-06-11", null)),
                laterCancer, d("2026-11-01"));
        assertEquals(1, split.myeloma().size());
    }

    @Test
    void nearMissTherapyRunningIntoTheMyelomaDiagnosisStaysMyelomaTherapy() {
        var split = TherapyPurpose.split(List.of(given("cy", CYCLOPHOSPHAMIDE, "2022-12-01", "2023-01-10", null)),
                MM_2023_BREAST_2018, d("2026-11-01"));
        assertEquals(1, split.myeloma().size());
    }

    @Test
    void nearMissNoOtherCancerOnRecordStaysMyelomaTherapy() {
        var split = TherapyPurpose.split(List.of(given("cy", CYCLOPHOSPHAMIDE, "2018-04-09", "2018-06-11", null)),
                List.of(condition(ConditionKind.MULTIPLE_MYELOMA, "2023-01-10", "mm")), d("2026-11-01"));
        assertEquals(1, split.myeloma().size());
    }

    @Test
    void precursorTherapyIsAnExposureButNoLine() {
        var split = TherapyPurpose.split(List.of(withReasons("dara", DARATUMUMAB, "2023-09-04", "2026-08-17", SMM),
                given("v", BORTEZOMIB, "2026-10-20", null, null)), List.of(), d("2026-11-01"));
        assertEquals(Decision.PRECURSOR, split.other().get(0).getDecision());
        assertTrue(split.other().get(0).isExposure());
        assertEquals(1, split.exposureOnly().size());
        assertEquals(2, split.exposed().size());
        assertEquals(List.of(BORTEZOMIB), split.myeloma().stream().map(MedicationRecord::getDrug).toList());
    }

    @Test
    void anAntiCd38AntibodyForAnotherConditionStillCountsAsAnExposure() {
        var split = TherapyPurpose.split(List.of(withReasons("dara", DARATUMUMAB, "2024-01-01", "2024-06-01", BREAST_CANCER)),
                List.of(), d("2026-11-01"));
        assertEquals(Decision.STATED_REASON, split.other().get(0).getDecision());
        assertTrue(split.other().get(0).isExposure());
        assertTrue(split.myeloma().isEmpty());
        assertEquals(1, split.exposed().size());
    }
}
