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
import org.myelomacds.facts.ProcedureKind;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.TestDrugs;
import org.myelomacds.scenario.Samples;
import org.myelomacds.facts.TherapyReason;
import org.myelomacds.facts.UnidentifiedMedication;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.given;
import static org.myelomacds.derive.Fixtures.record;
import static org.myelomacds.facts.TestDrugs.BORTEZOMIB;
import static org.myelomacds.facts.TestDrugs.CYCLOPHOSPHAMIDE;
import static org.myelomacds.facts.TestDrugs.DARATUMUMAB;
import static org.myelomacds.facts.TestDrugs.DEXAMETHASONE;
import static org.myelomacds.facts.TestDrugs.LENALIDOMIDE;

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

    /** FINDINGS P3: trastuzumab is named; it is never "possibly an anti-CD38 antibody" (CDS-POLICY-NO-MYELOMA-USE). */
    @Test
    void aDrugWithNoMyelomaUseIsOtherTherapyOfTheCancerOnRecord() {
        Drug trastuzumab = org.myelomacds.facts.NoMyelomaUseMedication.DRUG;
        List<ClinicalCondition> conditions = List.of(condition(ConditionKind.MULTIPLE_MYELOMA, "2019-01-28", "mm"),
                condition(ConditionKind.OTHER_MALIGNANCY, "2023-09-04", "bc"));
        var split = TherapyPurpose.split(List.of(given("trz", trastuzumab, "2023-10-02", "2023-10-02", null)),
                conditions, d("2026-11-01"));
        assertTrue(split.myeloma().isEmpty());
        assertTrue(split.exposed().isEmpty());
        assertTrue(split.undecided().isEmpty());
        assertEquals(List.of(Decision.NO_MYELOMA_USE), split.other().stream().map(o -> o.getDecision()).toList());
        assertFalse(split.other().get(0).isExposure());
        assertTrue(split.other().get(0).getReason().contains("Condition/bc"), split.other().get(0).getReason());
        assertTrue(split.other().get(0).getReason().contains("CDS-POLICY-NO-MYELOMA-USE"), split.other().get(0).getReason());

        // near miss: no other cancer on record: still other therapy (no line, no exposure), its reason unknown
        var alone = TherapyPurpose.split(List.of(given("trz", trastuzumab, "2023-10-02", "2023-10-02", null)),
                List.of(conditions.get(0)), d("2026-11-01"));
        assertTrue(alone.myeloma().isEmpty());
        assertTrue(alone.exposed().isEmpty());
        assertEquals(List.of(Decision.NO_MYELOMA_USE_REASON_UNKNOWN), alone.other().stream().map(o -> o.getDecision()).toList());
        // a myeloma reason does not make it a line
        var forMyeloma = TherapyPurpose.split(List.of(withReasons("trz", trastuzumab, "2023-10-02", "2023-10-02", MYELOMA)),
                List.of(conditions.get(0)), d("2026-11-01"));
        assertTrue(forMyeloma.myeloma().isEmpty());
        // another stated condition decides as for any drug
        var stated = TherapyPurpose.split(List.of(withReasons("trz", trastuzumab, "2023-10-02", "2023-10-02", BREAST_CANCER)),
                List.of(conditions.get(0)), d("2026-11-01"));
        assertEquals(List.of(Decision.STATED_REASON), stated.other().stream().map(o -> o.getDecision()).toList());
    }

    /**
     * A lymphoma now recorded "in remission" with no abatement date was diagnosed before the rituximab: the drug is its
     * therapy, not a drug of a purpose nobody recorded (qa-bundles/other-cancer-rchop-no-reason).
     */
    @Test
    void aDrugWithNoMyelomaUseAfterACancerNowInRemissionWithNoAbatementDateIsThatCancersTherapy() {
        Drug rituximab = org.myelomacds.facts.NoMyelomaUseMedication.DRUG;
        ClinicalCondition lymphomaNowInRemission = new ClinicalCondition(ConditionKind.OTHER_MALIGNANCY,
                ConditionSeverity.UNSPECIFIED, null, false, "remission", null, "confirmed", d("2014-11-01"), "C83.30",
                "Diffuse large B-cell lymphoma", new Provenance("Condition/dlbcl", d("2014-11-01")));
        List<ClinicalCondition> conditions = List.of(condition(ConditionKind.MULTIPLE_MYELOMA, "2019-01-28", "mm"),
                lymphomaNowInRemission);
        var split = TherapyPurpose.split(List.of(given("rtx", rituximab, "2015-01-05", "2015-05-20", null)), conditions,
                d("2026-11-01"));
        assertEquals(List.of(Decision.NO_MYELOMA_USE), split.other().stream().map(o -> o.getDecision()).toList());
        assertTrue(split.other().get(0).getReason().contains("Condition/dlbcl"), split.other().get(0).getReason());
        assertTrue(split.other().get(0).getReason().contains("recorded now as remission"), split.other().get(0).getReason());

        // near miss: the lymphoma abated (dated) before the rituximab started: no cancer then, its reason unknown
        ClinicalCondition abatedBefore = new ClinicalCondition(ConditionKind.OTHER_MALIGNANCY, ConditionSeverity.UNSPECIFIED,
                null, false, "resolved", null, "confirmed", d("2010-11-01"), d("2010-11-01"), d("2011-06-01"), d("2011-06-01"),
                "C83.30", "Diffuse large B-cell lymphoma", new Provenance("Condition/dlbcl", d("2010-11-01")));
        var abated = TherapyPurpose.split(List.of(given("rtx", rituximab, "2015-01-05", "2015-05-20", null)),
                List.of(conditions.get(0), abatedBefore), d("2026-11-01"));
        assertEquals(List.of(Decision.NO_MYELOMA_USE_REASON_UNKNOWN), abated.other().stream().map(o -> o.getDecision()).toList());
    }

    /** CHOP every 21 days from 2024-02-05, six cycles, with rituximab on the CHOP days from the cycle named. */
    private static List<MedicationRecord> chop(int rituximabFromCycle) {
        List<MedicationRecord> out = new java.util.ArrayList<>();
        for (int cycle = 1; cycle <= 6; cycle++) {
            String day = d("2024-02-05").plusDays(21L * (cycle - 1)).toString();
            out.add(given("cy-" + day, CYCLOPHOSPHAMIDE, day, day, null));
            out.add(given("pred-" + day, DEXAMETHASONE, day, d(day).plusDays(4).toString(), null));
            if (cycle >= rituximabFromCycle) {
                out.add(given("rtx-" + day, org.myelomacds.facts.NoMyelomaUseMedication.DRUG, day, day, null));
            }
        }
        return out;
    }

    /**
     * Sweep T (Y1-Y3): R-CHOP with no stated reason beside a recorded DLBCL keeps CDS-POLICY-CHEMO-OTHER-CANCER's
     * undecided purpose (a range), rituximab from cycle 1 or not: no reading takes a course away as another cancer's
     * regimen for the drug it began with, since the same shape is a myeloma salvage begun on an antibody day. A reason on
     * the cytotoxic's own record decides it; a myeloma drug beside it keeps it myeloma therapy.
     */
    @Test
    void chemotherapyBegunWithADrugWithNoMyelomaUseKeepsItsUndecidedPurpose() {
        List<ClinicalCondition> conditions = List.of(condition(ConditionKind.MULTIPLE_MYELOMA, "2019-01-28", "mm"),
                condition(ConditionKind.OTHER_MALIGNANCY, "2024-01-22", "dlbcl"));
        LocalDate asOf = d("2026-11-01");
        for (int from : new int[]{1, 3}) {
            var rchop = TherapyPurpose.split(chop(from), conditions, asOf);
            assertEquals(12, rchop.myeloma().size(), rchop.myeloma().toString());
            assertEquals(6, rchop.undecided().size(), rchop.undecided().toString());   // the cyclophosphamide; a steroid is no chemotherapy of other cancers
            assertTrue(rchop.undecided().get(0).text().contains("CDS-POLICY-CHEMO-OTHER-CANCER"), rchop.undecided().get(0).text());
            assertTrue(rchop.other().stream().allMatch(o -> o.getDecision() == Decision.NO_MYELOMA_USE), rchop.other().toString());
        }

        // near miss: the cyclophosphamide's own record states the lymphoma: other therapy by its stated reason
        TherapyReason forDlbcl = new TherapyReason(ConditionKind.OTHER_MALIGNANCY, "DLBCL", "Condition/dlbcl", true);
        MedicationRecord stated = new MedicationRecord(CYCLOPHOSPHAMIDE, org.myelomacds.facts.Route.UNKNOWN,
                org.myelomacds.facts.MedicationSource.ADMINISTRATION, "completed", false, d("2024-02-05"), d("2024-02-05"),
                d("2024-02-05"), d("2024-02-05"), null, false, new Provenance("MedicationAdministration/cy", d("2024-02-05")),
                List.of(forDlbcl));
        var withReason = TherapyPurpose.split(List.of(stated), conditions, asOf);
        assertTrue(withReason.myeloma().isEmpty(), withReason.myeloma().toString());
        assertEquals(List.of(Decision.STATED_REASON), withReason.other().stream().map(o -> o.getDecision()).toList());
        // near miss: bortezomib begun with it: both on the timeline (the line they form is one whatever the
        // cyclophosphamide's purpose, so the undecided purpose changes no count)
        var cybord = TherapyPurpose.split(List.of(given("cy", CYCLOPHOSPHAMIDE, "2024-02-05", "2024-02-05", null),
                given("v", BORTEZOMIB, "2024-02-05", "2024-02-05", null)), conditions, asOf);
        assertEquals(2, cybord.myeloma().size());
    }

    @Test
    void sharedChemotherapyWithNoReasonWhileAnotherCancerIsUnderWayIsUndecided() {
        // CDS-POLICY-CHEMO-OTHER-CANCER: AC a month after a breast cancer diagnosed after the myeloma, no reason stated
        List<ClinicalCondition> conditions = List.of(condition(ConditionKind.MULTIPLE_MYELOMA, "2019-01-28", "mm"),
                condition(ConditionKind.OTHER_MALIGNANCY, "2025-02-01", "bc"));
        var split = TherapyPurpose.split(List.of(given("dox", CYCLOPHOSPHAMIDE, "2025-03-03", "2025-05-12", null),
                given("len", LENALIDOMIDE, "2025-03-03", "2025-05-12", null)), conditions, d("2026-11-01"));
        assertEquals(2, split.myeloma().size());                // kept on the timeline
        assertEquals(1, split.undecided().size());               // only the shared chemotherapy
        assertTrue(split.undecided().get(0).text().contains("CDS-POLICY-CHEMO-OTHER-CANCER"), split.undecided().get(0).text());
        assertTrue(split.undecided().get(0).text().contains("Condition/bc"), split.undecided().get(0).text());

        // near miss: the other cancer abated before the therapy started
        ClinicalCondition abated = new ClinicalCondition(ConditionKind.OTHER_MALIGNANCY, ConditionSeverity.UNSPECIFIED, null,
                false, "resolved", org.myelomacds.facts.ConditionCertainty.CONFIRMED, null, d("2020-02-01"), d("2020-02-01"),
                d("2021-01-01"), d("2021-01-01"), "code", "OTHER_MALIGNANCY", new Provenance("Condition/bc", d("2020-02-01")));
        var over = TherapyPurpose.split(List.of(given("dox", CYCLOPHOSPHAMIDE, "2025-03-03", "2025-05-12", null)),
                List.of(conditions.get(0), abated), d("2026-11-01"));
        assertTrue(over.undecided().isEmpty());
        // near miss: a stated myeloma reason decides it
        var stated = TherapyPurpose.split(List.of(withReasons("dox", CYCLOPHOSPHAMIDE, "2025-03-03", "2025-05-12", MYELOMA)),
                conditions, d("2026-11-01"));
        assertTrue(stated.undecided().isEmpty());
        assertEquals(1, stated.myeloma().size());
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

    // ---- a medication the engine cannot identify (CDS-POLICY-UNIDENTIFIED-MEDICATION) --------------------------------

    private static TherapyReason icd10(String code, String display) {
        return new TherapyReason(null, display, null, false,
                TherapyReason.isOtherDiseaseCode("http://hl7.org/fhir/sid/icd-10-cm", code));
    }

    @Test
    void anUnidentifiedMedicationWithABareIcd10CodeOfAnotherDiseaseIsOtherTherapy() {
        var split = TherapyPurpose.split(List.of(withReasons("x", UnidentifiedMedication.DRUG, "2025-01-10", "2025-07-10",
                icd10("I10", "Essential (primary) hypertension"))), MM_2023_BREAST_2018, d("2026-11-01"));
        assertTrue(split.myeloma().isEmpty());
        assertEquals(Decision.STATED_REASON, split.other().get(0).getDecision());
        assertFalse(split.other().get(0).isExposure());
    }

    @Test
    void nearMissAnUnidentifiedMedicationForAMyelomaOrChemotherapyCodeStaysOnTheTimeline() {
        for (String code : List.of("C90.00", "C80.1", "D47.2", "E85.9", "Z51.11")) {
            var split = TherapyPurpose.split(List.of(withReasons("x", UnidentifiedMedication.DRUG, "2025-01-10",
                    "2025-07-10", icd10(code, code))), MM_2023_BREAST_2018, d("2026-11-01"));
            assertEquals(1, split.myeloma().size(), code);
        }
    }

    /**
     * CDS-POLICY-UNNAMED2-PARENTERAL: an unlisted drug read as possible therapy only because it was given by infusion or
     * injection, given and ended before the first myeloma diagnosis, is in no line (left off, listed). Near misses: the
     * same record straddling or after the diagnosis stays on the timeline; a catalogued drug before it is decided as before.
     */
    @Test
    void anUnlistedDrugGivenByInjectionBeforeTheDiagnosisIsOffTheTimeline() {
        Drug unlisted = org.myelomacds.facts.UnlistedNamedMedication.GIVEN_PARENTERALLY;
        var before = TherapyPurpose.split(List.of(withReasons("z", unlisted, "2016-03-07", "2016-03-28")),
                List.of(condition(ConditionKind.MULTIPLE_MYELOMA, "2023-01-10", "mm")), d("2026-11-01"));
        assertTrue(before.myeloma().isEmpty());
        assertTrue(before.other().isEmpty());
        for (String[] dates : new String[][]{{"2022-12-01", "2023-02-01"}, {"2025-01-10", "2025-07-10"}}) {
            var kept = TherapyPurpose.split(List.of(withReasons("z", unlisted, dates[0], dates[1])),
                    List.of(condition(ConditionKind.MULTIPLE_MYELOMA, "2023-01-10", "mm")), d("2026-11-01"));
            assertEquals(1, kept.myeloma().size(), dates[0]);
        }
        var catalogued = TherapyPurpose.split(List.of(withReasons("v", BORTEZOMIB, "2016-03-07", "2016-03-28")),
                List.of(condition(ConditionKind.MULTIPLE_MYELOMA, "2023-01-10", "mm")), d("2026-11-01"));
        assertEquals(1, catalogued.myeloma().size());
    }

    @Test
    void nearMissANamedDrugWithABareIcd10CodeOfAnotherDiseaseStaysMyelomaTherapy() {
        var split = TherapyPurpose.split(List.of(withReasons("dex", DEXAMETHASONE, "2025-01-10", "2025-07-10",
                icd10("I10", "Essential (primary) hypertension"))), MM_2023_BREAST_2018, d("2026-11-01"));
        assertEquals(1, split.myeloma().size());
    }

    @Test
    void onlyIcd10CodesOutsideTheNeoplasmAmyloidosisAndZChaptersAreOtherDiseaseCodes() {
        assertTrue(TherapyReason.isOtherDiseaseCode("http://hl7.org/fhir/sid/icd-10", "I10"));
        assertTrue(TherapyReason.isOtherDiseaseCode("http://hl7.org/fhir/sid/icd-10-cm", "D63.0"));
        assertFalse(TherapyReason.isOtherDiseaseCode("http://hl7.org/fhir/sid/icd-10-cm", "D49.9"));
        assertFalse(TherapyReason.isOtherDiseaseCode("http://hl7.org/fhir/sid/icd-10-cm", "C9000"));
        assertFalse(TherapyReason.isOtherDiseaseCode("http://snomed.info/sct", "59621000"));
    }

    // ---- transplants -----------------------------------------------------------------------------------------------

    private static final TherapyReason AML_CODED =
            new TherapyReason(ConditionKind.OTHER_MALIGNANCY, "Acute myeloid leukaemia", "Condition/aml", true);
    private static final TherapyReason AML_UNRECOGNISED =
            new TherapyReason(null, "Acute myeloid leukemia (disorder)", "Condition/aml", true);
    private static final TherapyReason AL = new TherapyReason(ConditionKind.AL_AMYLOIDOSIS, "AL amyloidosis", "Condition/al", true);

    private static ProcedureRecord transplant(String id, ProcedureKind kind, String date, String latest, TherapyReason... reasons) {
        return new ProcedureRecord(kind, d(date), d(latest), false, null, new Provenance("Procedure/" + id, d(date)),
                List.of(reasons));
    }

    private static TherapyPurpose.Split transplants(List<ClinicalCondition> conditions, ProcedureRecord... procedures) {
        return TherapyPurpose.split(List.of(), List.of(procedures), conditions, d("2026-11-01"));
    }

    private static final List<ClinicalCondition> MM_2023_AML_2012 = List.of(
            condition(ConditionKind.MULTIPLE_MYELOMA, "2023-01-10", "mm"),
            condition(ConditionKind.OTHER_MALIGNANCY, "2012-05-02", "aml"));

    @Test
    void aTransplantForAnotherCancerIsNotAMyelomaTransplant() {
        var split = transplants(MM_2023_AML_2012,
                transplant("allo", ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT, "2012-09-10", "2012-09-10", AML_CODED));
        assertTrue(split.procedures().isEmpty());
        assertTrue(split.undecided().isEmpty());
        assertEquals(Decision.STATED_REASON, split.other().get(0).getDecision());
        assertFalse(split.other().get(0).isExposure());
        assertEquals(ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT, split.other().get(0).getProcedure().getKind());
        assertTrue(split.other().get(0).getReason().contains("Acute myeloid leukaemia (Condition/aml)"));
    }

    @Test
    void aTransplantForALAmyloidosisIsNoLineOfMyelomaTherapy() {
        var split = transplants(List.of(), transplant("asct", ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT,
                "2020-03-01", "2020-03-01", AL));
        assertEquals(Decision.PRECURSOR, split.other().get(0).getDecision());
        assertTrue(split.procedures().isEmpty());
    }

    @Test
    void aTransplantWhoseReasonTheEngineCannotClassifyIsUndecidedNotOtherTherapy() {
        var split = transplants(MM_2023_AML_2012,
                transplant("allo", ProcedureKind.STEM_CELL_TRANSPLANT, "2012-09-10", "2012-09-10", AML_UNRECOGNISED));
        assertEquals(1, split.procedures().size());
        assertTrue(split.other().isEmpty());
        assertEquals(1, split.undecided().size());
        assertTrue(split.undecided().get(0).text().contains("Acute myeloid leukemia (disorder) (Condition/aml), is a"
                + " condition the engine cannot classify"), split.undecided().get(0).text());
    }

    @Test
    void nearMissATransplantForMyelomaAmongOtherReasonsIsAMyelomaTransplant() {
        var split = transplants(MM_2023_AML_2012, transplant("asct", ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT,
                "2023-06-01", "2023-06-01", AML_UNRECOGNISED, MYELOMA));
        assertEquals(1, split.procedures().size());
        assertTrue(split.undecided().isEmpty());
        assertTrue(split.other().isEmpty());
    }

    @Test
    void aTransplantWithoutReasonBeforeTheMyelomaWhileAnotherCancerWasOnRecordIsOtherTherapy() {
        var split = transplants(MM_2023_AML_2012,
                transplant("allo", ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT, "2012-09-10", "2012-09-10"));
        assertEquals(Decision.BEFORE_DIAGNOSIS, split.other().get(0).getDecision());
        assertTrue(split.procedures().isEmpty());
    }

    @Test
    void nearMissATransplantWithoutReasonAndNoOtherCancerStaysAMyelomaTransplant() {
        var split = transplants(List.of(condition(ConditionKind.MULTIPLE_MYELOMA, "2023-01-10", "mm")),
                transplant("allo", ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT, "2012-09-10", "2012-09-10"));
        assertEquals(1, split.procedures().size());
        assertTrue(split.other().isEmpty());
        assertTrue(split.undecided().isEmpty());
    }

    @Test
    void dialysisIsNeverJudged() {
        ProcedureRecord dialysis = new ProcedureRecord(ProcedureKind.DIALYSIS, d("2012-09-10"), false, null,
                new Provenance("Procedure/hd", d("2012-09-10")));
        var split = transplants(MM_2023_AML_2012, dialysis);
        assertEquals(List.of(dialysis), split.procedures());
    }

    // ---- partial onsets are intervals ------------------------------------------------------------------------------

    private static ClinicalCondition onsetInterval(ConditionKind kind, String onset, String latest, String id) {
        return new ClinicalCondition(kind, ConditionSeverity.UNSPECIFIED, null, true, null, null, null, d(onset), d(latest),
                "code", kind.name(), new Provenance("Condition/" + id, d(onset), d(latest)));
    }

    @Test
    void anotherCancerDiagnosedSomeDayOfTheTherapysYearLeavesItsPurposeUndecided() {
        // Cyclophosphamide ended 2018-06-11; breast cancer "2018" may have been diagnosed after that.
        var split = TherapyPurpose.split(List.of(given("cy", CYCLOPHOSPHAMIDE, "2018-04-09", "2018-06-11", null)),
                List.of(condition(ConditionKind.MULTIPLE_MYELOMA, "2023-01-10", "mm"),
                        onsetInterval(ConditionKind.OTHER_MALIGNANCY, "2018-01-01", "2018-12-31", "bc")), d("2026-11-01"));
        assertEquals(1, split.myeloma().size());
        assertTrue(split.other().isEmpty());
        assertEquals(1, split.undecided().size());
        assertTrue(split.undecided().get(0).text().contains("diagnosed 2018"), split.undecided().get(0).text());
    }

    @Test
    void aMyelomaOnsetByYearThatMayPrecedeTheTherapysEndLeavesItsPurposeUndecided() {
        // Therapy ended 2023-03-01; myeloma "2023" may have been diagnosed in January (before) or in December (after).
        var split = TherapyPurpose.split(List.of(given("cy", CYCLOPHOSPHAMIDE, "2023-01-05", "2023-03-01", null)),
                List.of(onsetInterval(ConditionKind.MULTIPLE_MYELOMA, "2023-01-01", "2023-12-31", "mm"),
                        condition(ConditionKind.OTHER_MALIGNANCY, "2018-03-05", "bc")), d("2026-11-01"));
        assertEquals(1, split.myeloma().size());
        assertEquals(1, split.undecided().size());
        assertTrue(split.undecided().get(0).text().contains("first myeloma or precursor diagnosis (2023, Condition/mm)"),
                split.undecided().get(0).text());
    }

    @Test
    void nearMissAMyelomaOnsetByYearAfterTheTherapysYearStillDecides() {
        var split = TherapyPurpose.split(List.of(given("cy", CYCLOPHOSPHAMIDE, "2018-04-09", "2018-06-11", null)),
                List.of(onsetInterval(ConditionKind.MULTIPLE_MYELOMA, "2023-01-01", "2023-12-31", "mm"),
                        condition(ConditionKind.OTHER_MALIGNANCY, "2018-03-05", "bc")), d("2026-11-01"));
        assertEquals(Decision.BEFORE_DIAGNOSIS, split.other().get(0).getDecision());
        assertTrue(split.other().get(0).getReason().contains("diagnosis (2023)"), split.other().get(0).getReason());
        assertTrue(split.undecided().isEmpty());
    }

    // ---- chemotherapy recorded as a procedure ----------------------------------------------------------------------

    private static MedicationRecord chemoProcedure(String id, String day) {
        Drug unknown = Samples.terminology().drugs().unclassifiedAntineoplastic().orElseThrow();
        return new MedicationRecord(unknown, Route.UNKNOWN, MedicationSource.PROCEDURE, "completed", false, d(day), d(day),
                d(day), d(day), null, false, new Provenance("Procedure/" + id, d(day)), List.of());
    }

    @Test
    void aChemotherapyProcedureOnTheDayOfARecordedAdministrationIsThatAdministration() {
        var split = TherapyPurpose.split(List.of(record("dara-1", DARATUMUMAB, Route.INTRAVENOUS, "completed", false,
                "2024-03-04", null, false), chemoProcedure("cpt", "2024-03-04")), List.of(), d("2026-11-01"));
        assertEquals(List.of(DARATUMUMAB), split.myeloma().stream().map(MedicationRecord::getDrug).toList());
    }

    @Test
    void nearMissAChemotherapyProcedureInsideALongerOralCourseIsTherapyOfUnknownContent() {
        var split = TherapyPurpose.split(List.of(given("len", TestDrugs.LENALIDOMIDE, "2024-01-01", "2025-01-01", null),
                chemoProcedure("cpt", "2024-03-04")), List.of(), d("2026-11-01"));
        assertEquals(2, split.myeloma().size());
    }

    @Test
    void nearMissAChemotherapyProcedureOnAnotherDayIsTherapyOfUnknownContent() {
        var split = TherapyPurpose.split(List.of(record("dara-1", DARATUMUMAB, Route.INTRAVENOUS, "completed", false,
                "2024-03-04", null, false), chemoProcedure("cpt", "2024-03-05")), List.of(), d("2026-11-01"));
        assertEquals(2, split.myeloma().size());
    }

    // CDS-POLICY-PRECURSOR-DATES-01 (FINDINGS F4): Rd with no stated reason while smouldering myeloma was the only
    // plasma-cell diagnosis, over two years before the myeloma diagnosis: precursor therapy, an exposure, no line.
    private static final ClinicalCondition SMM_2018 = condition(ConditionKind.SMOLDERING_MYELOMA, "2018-11-01", "smm");
    private static final ClinicalCondition MM_2021 = condition(ConditionKind.MULTIPLE_MYELOMA, "2021-01-05", "mm");

    @Test
    void noReasonTherapyOverBeforeTheMyelomaWhileSmmWasOnRecordIsAPrecursorExposure() {
        var split = TherapyPurpose.split(List.of(given("smm-len", LENALIDOMIDE, "2019-01-07", "2019-12-20", null),
                given("smm-dex", DEXAMETHASONE, "2019-01-07", "2019-12-20", null)), List.of(SMM_2018, MM_2021), d("2026-11-01"));
        assertTrue(split.myeloma().isEmpty());
        assertEquals(2, split.exposed().size());
        assertEquals(List.of(Decision.PRECURSOR, Decision.PRECURSOR), split.other().stream().map(o -> o.getDecision()).toList());
        assertTrue(split.other().get(0).isExposure());
        String reason = split.other().get(0).getReason();
        assertTrue(reason.contains("CDS-POLICY-PRECURSOR-DATES-01") && reason.contains("Condition/smm")
                && reason.contains("2021-01-05"), reason);
        assertTrue(split.other().get(0).getProvenance().stream().anyMatch(p -> p.getReference().equals("Condition/smm")));
    }

    @Test
    void nearMissNoPrecursorOnRecordOrTherapyRunningIntoTheMyelomaStaysALine() {
        // the same Rd with no precursor Condition on record
        var noPrecursor = TherapyPurpose.split(List.of(given("smm-len", LENALIDOMIDE, "2019-01-07", "2019-12-20", null)),
                List.of(MM_2021), d("2026-11-01"));
        assertEquals(1, noPrecursor.myeloma().size());
        assertTrue(noPrecursor.other().isEmpty() && noPrecursor.undecided().isEmpty());
        // given during the smouldering myeloma and still given when the myeloma was diagnosed
        var running = TherapyPurpose.split(List.of(given("len", LENALIDOMIDE, "2019-01-07", "2021-03-01", null)),
                List.of(SMM_2018, MM_2021), d("2026-11-01"));
        assertEquals(1, running.myeloma().size());
        assertTrue(running.other().isEmpty() && running.undecided().isEmpty());
        // the precursor diagnosed only after the therapy ended: nothing says it was precursor therapy
        var later = TherapyPurpose.split(List.of(given("len", LENALIDOMIDE, "2017-01-07", "2017-12-20", null)),
                List.of(SMM_2018, MM_2021), d("2026-11-01"));
        assertEquals(1, later.myeloma().size());
        assertTrue(later.other().isEmpty() && later.undecided().isEmpty());
    }

    @Test
    void anEndDatedOnlyToTheMonthOfTheMyelomaDiagnosisLeavesThePurposeUndecided() {
        // ended "2021-01": before or after the diagnosis on 2021-01-05 depends on the day
        MedicationRecord monthEnd = new MedicationRecord(LENALIDOMIDE, Route.UNKNOWN, MedicationSource.STATEMENT, "completed",
                false, d("2019-01-07"), d("2021-01-31"), d("2019-01-07"), d("2021-01-01"), null, false,
                new Provenance("MedicationStatement/len", d("2019-01-07")));
        var split = TherapyPurpose.split(List.of(monthEnd), List.of(SMM_2018, MM_2021), d("2026-11-01"));
        assertEquals(1, split.myeloma().size());                // kept on the timeline
        assertTrue(split.other().isEmpty());
        assertEquals(1, split.undecided().size());
        assertTrue(split.undecided().get(0).text().contains("CDS-POLICY-PRECURSOR-DATES-01"), split.undecided().get(0).text());
    }
}
