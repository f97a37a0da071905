package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ConditionCertainty;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.ConditionSeverity;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.Provenance;

class ConditionMappingTest {

    private static String condition(String system, String code, String display, String extra) {
        return "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\""
                + (display == null ? "" : ",\"display\":\"" + display + "\"") + "}]}"
                + (extra == null ? "" : "," + extra) + "}";
    }

    private static ClinicalCondition one(String json) {
        PatientRecord r = Bundles.read(json);
        assertEquals(List.of(), r.unreadable());
        assertEquals(1, r.conditions().size(), "conditions: " + r.conditions());
        return r.conditions().get(0);
    }

    private static ClinicalCondition icd(String code, String display) {
        return one(condition("http://hl7.org/fhir/sid/icd-10-cm", code, display, null));
    }

    private static ClinicalCondition snomed(String code) {
        return one(condition("http://snomed.info/sct", code, null, null));
    }

    @ParameterizedTest(name = "ICD-10-CM {0} → {1}")
    @CsvSource({
            "C90.00, MULTIPLE_MYELOMA", "C90.01, MULTIPLE_MYELOMA_IN_REMISSION", "C90.02, MULTIPLE_MYELOMA_IN_RELAPSE",
            "C90.10, PLASMA_CELL_LEUKEMIA", "C90.21, PLASMACYTOMA", "C90.30, PLASMACYTOMA", "E85.81, AL_AMYLOIDOSIS",
            "J44.9, COPD", "J44.1, COPD", "J43.9, COPD", "N18.6, END_STAGE_RENAL_DISEASE", "Z99.2, DIALYSIS_DEPENDENCE",
            "G62.9, PERIPHERAL_NEUROPATHY", "G63, PERIPHERAL_NEUROPATHY", "G60.8, PERIPHERAL_NEUROPATHY",
            "I50.22, HEART_FAILURE", "B18.1, CHRONIC_HEPATITIS_B", "Z22.51, CHRONIC_HEPATITIS_B",
            "C9000, MULTIPLE_MYELOMA", "E11.42, PERIPHERAL_NEUROPATHY", "E10.42, PERIPHERAL_NEUROPATHY",
            "B19.10, CHRONIC_HEPATITIS_B", "Z49.31, DIALYSIS_DEPENDENCE", "Z49.01, DIALYSIS_DEPENDENCE"})
    void icd10Codes(String code, ConditionKind kind) {
        ClinicalCondition c = icd(code, null);
        assertEquals(kind, c.getKind());
        assertTrue(c.isActive());
        assertEquals(List.of(new Provenance("Condition/c1", null)), c.getProvenance());
    }

    @Test
    void plainIcd10SystemIsAcceptedToo() {
        assertEquals(ConditionKind.MULTIPLE_MYELOMA,
                one(condition("http://hl7.org/fhir/sid/icd-10", "C90.00", null, null)).getKind());
    }

    @ParameterizedTest(name = "SNOMED {0} → {1}")
    @CsvSource({"109989006, MULTIPLE_MYELOMA", "277577000, MGUS", "13645005, COPD", "195967001, ASTHMA",
            "46177005, END_STAGE_RENAL_DISEASE", "302226006, PERIPHERAL_NEUROPATHY", "42345000, PERIPHERAL_NEUROPATHY",
            "84114007, HEART_FAILURE", "230572002, PERIPHERAL_NEUROPATHY", "426656000, ASTHMA", "88805009, HEART_FAILURE",
            "42343007, HEART_FAILURE", "61977001, CHRONIC_HEPATITIS_B", "420913000, HEART_FAILURE"})
    void snomedCodes(String code, ConditionKind kind) {
        assertEquals(kind, snomed(code).getKind());
    }

    @Test
    void aCodeWithoutDisplayIsNamedByItsCodeNeverNull() {
        assertEquals("SNOMED CT 61977001", snomed("61977001").getDisplay());
        assertEquals("ICD-10-CM B19.10", icd("B19.10", null).getDisplay());
        assertEquals("Chronic viral hepatitis B", icd("B18.1", "Chronic viral hepatitis B").getDisplay());
    }

    @Test
    void d47_2IsMgusUnlessTheTextSaysSmoldering() {
        assertEquals(ConditionKind.MGUS, icd("D47.2", "Monoclonal gammopathy").getKind());
        assertEquals(ConditionKind.SMOLDERING_MYELOMA, icd("D47.2", "Smoldering multiple myeloma").getKind());
        assertEquals(ConditionKind.SMOLDERING_MYELOMA, icd("D47.2", "Smouldering myeloma").getKind());
        assertEquals(ConditionKind.SMOLDERING_MYELOMA, one(condition("http://hl7.org/fhir/sid/icd-10-cm", "D47.2", null, null)
                .replace("}]}", "}],\"text\":\"Asymptomatic multiple myeloma\"}")).getKind());
    }

    @Test
    void smolderingByTextAloneWhenUncoded() {
        ClinicalCondition c = one("""
                {"resourceType":"Condition","id":"smm","code":{"text":"Smoldering myeloma, high-risk"}}""");
        assertEquals(ConditionKind.SMOLDERING_MYELOMA, c.getKind());
        assertEquals("Smoldering myeloma, high-risk", c.getDisplay());
        assertNull(c.getCode());
    }

    @ParameterizedTest(name = "asthma {0} → {1}")
    @CsvSource({"J45.20, MILD_INTERMITTENT", "J45.31, MILD_PERSISTENT", "J45.40, MODERATE_PERSISTENT",
            "J45.51, SEVERE_PERSISTENT", "J45.909, UNSPECIFIED"})
    void asthmaSeverityFromIcd(String code, ConditionSeverity severity) {
        ClinicalCondition c = icd(code, null);
        assertEquals(ConditionKind.ASTHMA, c.getKind());
        assertEquals(severity, c.getSeverity());
    }

    @Test
    void unspecifiedAsthmaTakesConditionSeverity() {
        ClinicalCondition c = one(condition("http://snomed.info/sct", "195967001", "Asthma",
                "\"severity\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"24484000\",\"display\":\"Severe\"}]}"));
        assertEquals(ConditionSeverity.SEVERE, c.getSeverity());
    }

    @Test
    void copdSeverityFromSnomed() {
        assertEquals(ConditionSeverity.SEVERE, snomed("313299006").getSeverity());
        assertEquals(ConditionSeverity.MODERATE, snomed("313297008").getSeverity());
        assertEquals(ConditionSeverity.UNSPECIFIED, snomed("13645005").getSeverity());
    }

    @ParameterizedTest(name = "CKD {0} → stage {1}")
    @CsvSource({"N18.1, 1", "N18.2, 2", "N18.30, 3", "N18.32, 3", "N18.4, 4", "N18.5, 5"})
    void ckdStageFromIcd(String code, int stage) {
        ClinicalCondition c = icd(code, null);
        assertEquals(ConditionKind.CHRONIC_KIDNEY_DISEASE, c.getKind());
        assertEquals(stage, c.getStage());
        assertEquals("http://hl7.org/fhir/sid/icd-10-cm|" + code, c.getCode());
    }

    @Test
    void ckdUnspecifiedStageAndSnomedStages() {
        assertNull(icd("N18.9", null).getStage());
        assertEquals(3, snomed("433144002").getStage());
        assertEquals(4, snomed("431857002").getStage());
        assertEquals(1, snomed("431855005").getStage());
    }

    @Test
    void neuropathyGradeFromStageSummary() {
        ClinicalCondition c = one(condition("http://hl7.org/fhir/sid/icd-10-cm", "G62.0", "Drug-induced polyneuropathy",
                "\"stage\":[{\"summary\":{\"text\":\"CTCAE grade 2\"}}]"));
        assertEquals(ConditionKind.PERIPHERAL_NEUROPATHY, c.getKind());
        assertEquals(2, c.getStage());
    }

    @Test
    void heartFailureNyhaClassFromStage() {
        ClinicalCondition c = one(condition("http://snomed.info/sct", "84114007", "Heart failure",
                "\"stage\":[{\"summary\":{\"text\":\"NYHA III\"}}]"));
        assertEquals(ConditionKind.HEART_FAILURE, c.getKind());
        assertEquals(3, c.getStage());
        assertEquals(2, one(condition("http://hl7.org/fhir/sid/icd-10-cm", "I50.9", null,
                "\"stage\":[{\"summary\":{\"coding\":[{\"display\":\"NYHA class 2\"}]}}]")).getStage());
    }

    @Test
    void clinicalStatusAndOnset() {
        ClinicalCondition c = one(condition("http://hl7.org/fhir/sid/icd-10-cm", "J45.40", null, """
                "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]},
                "onsetDateTime":"2019-04-12T10:00:00Z" """));
        assertFalse(c.isActive());
        assertEquals(LocalDate.of(2019, 4, 12), c.getOnset());
        assertEquals(new Provenance("Condition/c1", LocalDate.of(2019, 4, 12)), c.getProvenance().get(0));
        ClinicalCondition recorded = one(condition("http://hl7.org/fhir/sid/icd-10-cm", "C90.00", null, """
                "clinicalStatus":{"coding":[{"code":"relapse"}]},"recordedDate":"2024-03" """));
        assertTrue(recorded.isActive());
        assertEquals(LocalDate.of(2024, 3, 1), recorded.getOnset());
        // the recordedDate stands in for a missing onset: the diagnosis may have come before (Sweep Q, U4)
        assertFalse(recorded.isOnsetStated());
        assertTrue(c.isOnsetStated(), "an onset recorded as such");
        assertTrue(one(condition("http://hl7.org/fhir/sid/icd-10-cm", "C83.38", null,
                "\"onsetDateTime\":\"2024-01-22\",\"recordedDate\":\"2024-03-01\"")).isOnsetStated(), "onset and recordedDate");
    }

    /**
     * Sweep Q, U5: a leukaemia coded in SNOMED CT alone (92814006, text "CLL") is another cancer, like its ICD-10-CM
     * C91.10 twin; the words of plasma-cell leukaemia (a plasma-cell disorder) are not read so.
     */
    @Test
    void aLeukaemiaCodedInSnomedCtAloneIsAnotherCancer() {
        assertEquals(ConditionKind.OTHER_MALIGNANCY, snomed("92814006").getKind());
        assertEquals(ConditionKind.OTHER_MALIGNANCY, icd("C91.10", null).getKind());
        // a SNOMED CT code the set does not list, read by its words
        assertEquals(ConditionKind.OTHER_MALIGNANCY, one(condition("http://snomed.info/sct", "1234567008",
                "Hairy cell leukemia", null)).getKind());
        assertEquals(ConditionKind.OTHER_MALIGNANCY, one(textOnly("B-CLL, Rai 0")).getKind());
        // near misses: plasma-cell leukaemia in words; the abbreviation in lower case
        PatientRecord pcl = Bundles.read(condition("http://snomed.info/sct", "1234567008", "Plasma cell leukemia", null));
        assertTrue(pcl.conditions().stream().noneMatch(k -> k.getKind() == ConditionKind.OTHER_MALIGNANCY),
                pcl.conditions().toString());
        assertTrue(Bundles.read(textOnly("cll clinic follow-up")).conditions().isEmpty(), "the abbreviation is read in capitals only");
    }

    private static String textOnly(String text) {
        return "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"code\":{\"text\":\"" + text + "\"}}";
    }

    @Test
    void refutedAndEnteredInErrorAreSkipped() {
        PatientRecord r = Bundles.read(
                condition("http://hl7.org/fhir/sid/icd-10-cm", "J44.9", null,
                        "\"verificationStatus\":{\"coding\":[{\"code\":\"refuted\"}]}"),
                condition("http://hl7.org/fhir/sid/icd-10-cm", "C90.00", null,
                        "\"verificationStatus\":{\"coding\":[{\"code\":\"entered-in-error\"}]}").replace("\"c1\"", "\"c2\""));
        assertEquals(List.of(), r.conditions());
    }

    @Test
    void unrecognisedConditionsAreSkippedSilently() {
        PatientRecord r = Bundles.read(condition("http://hl7.org/fhir/sid/icd-10-cm", "I10", "Hypertension", null));
        assertEquals(List.of(), r.conditions());
        assertEquals(List.of(), r.unreadable());
        assertEquals(List.of(), r.unrecognised(), "hypertension is outside every category the engine reads");
    }

    @ParameterizedTest(name = "unrecognised {1} {2} is listed as {3}")
    @CsvSource({
            "http://hl7.org/fhir/sid/icd-10-cm, J47.9, Bronchiectasis, 'Chronic lung disease, not recognised'",
            "http://hl7.org/fhir/sid/icd-10-cm, I42.0, Dilated cardiomyopathy, 'Heart failure or cardiomyopathy, not recognised'",
            "http://snomed.info/sct, 195951007, Acute exacerbation of chronic obstructive airways disease, 'Chronic lung disease, not recognised'",
            "http://snomed.info/sct, 10633002, Acute congestive heart failure, 'Heart failure or cardiomyopathy, not recognised'"})
    void unrecognisedCodesInACategoryTheEngineReadsAreListedForReview(String system, String code, String display, String category) {
        PatientRecord r = Bundles.read(condition(system, code, display, null));
        assertEquals(List.of(), r.conditions());
        assertEquals(1, r.unrecognised().size());
        assertEquals(code, r.unrecognised().get(0).code());
        assertEquals("Condition/c1", r.unrecognised().get(0).reference());
        assertEquals(category, r.unrecognised().get(0).category());
    }

    @ParameterizedTest(name = "verificationStatus {0} → {1}")
    @CsvSource({"provisional, POSSIBLE", "differential, POSSIBLE", "unconfirmed, POSSIBLE", "confirmed, CONFIRMED"})
    void verificationStatusDecidesCertainty(String status, ConditionCertainty certainty) {
        ClinicalCondition c = one(condition("http://hl7.org/fhir/sid/icd-10-cm", "J44.9", null,
                "\"verificationStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-ver-status\",\"code\":\""
                        + status + "\"}]}"));
        assertEquals(certainty, c.getCertainty());
        assertEquals(status, c.getVerificationStatus());
        assertTrue(c.isActive(), "the verification status says nothing about activity");
    }

    @Test
    void absentVerificationStatusIsTheDiagnosisAsStated() {
        ClinicalCondition c = icd("J44.9", null);
        assertEquals(ConditionCertainty.CONFIRMED, c.getCertainty());
        assertNull(c.getVerificationStatus());
    }

    @ParameterizedTest(name = "clinicalStatus {0} → active {1}")
    @CsvSource({"active, true", "recurrence, true", "relapse, true", "inactive, false", "remission, false", "resolved, false"})
    void clinicalStatusDecidesActivity(String status, boolean active) {
        ClinicalCondition c = one(condition("http://hl7.org/fhir/sid/icd-10-cm", "J44.9", null,
                "\"clinicalStatus\":{\"coding\":[{\"code\":\"" + status + "\"}]}"));
        assertEquals(active, c.isActive());
        assertEquals(status, c.getClinicalStatus());
        assertEquals(active ? "" : "recorded as " + status, c.statusNote());
    }

    @Test
    void anAbatementWithoutClinicalStatusIsNoLongerActive() {
        ClinicalCondition c = one(condition("http://hl7.org/fhir/sid/icd-10-cm", "J45.50", null,
                "\"abatementDateTime\":\"2020-05-01\""));
        assertFalse(c.isActive());
        assertEquals("abated", c.getClinicalStatus());
        // near miss: no abatement and no status stays active
        assertTrue(icd("J45.50", null).isActive());
    }

    /** A trial's "asthma within the past 2 years" turns on the abatement date, so the status note prints it. */
    @ParameterizedTest(name = "{0} → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "\"abatementDateTime\":\"2023-06-01\"| recorded as resolved on 2023-06-01",
            "\"abatementDateTime\":\"2023-06\"| recorded as resolved on 2023-06",
            "\"abatementPeriod\":{\"start\":\"2023-05-10\",\"end\":\"2023-06-20\"}| recorded as resolved between 2023-05-10 and 2023-06-20",
            "\"abatementPeriod\":{\"start\":\"2023\"}| recorded as resolved on 2023",
            // near misses: an abatement that gives no date, and none at all
            "\"abatementString\":\"in childhood\"| recorded as resolved",
            "\"onsetDateTime\":\"2009-04-01\"| recorded as resolved"})
    void theStatusNoteOfAResolvedConditionGivesItsAbatementDate(String abatement, String note) {
        ClinicalCondition c = one(condition("http://hl7.org/fhir/sid/icd-10-cm", "J45.50", null,
                "\"clinicalStatus\":{\"coding\":[{\"code\":\"resolved\"}]}," + abatement));
        assertEquals(note, c.statusNote());
    }

    @Test
    void anAbatementDateWithoutStatusIsPrintedAndAnActiveConditionHasNoNote() {
        assertEquals("recorded as abated on 2020-05-01", one(condition("http://hl7.org/fhir/sid/icd-10-cm", "J44.9", null,
                "\"abatementDateTime\":\"2020-05-01\"")).statusNote());
        // near miss: a condition recorded as active (recurrence) keeps no note, whatever abatement it also carries
        assertEquals("", one(condition("http://hl7.org/fhir/sid/icd-10-cm", "J44.9", null,
                "\"clinicalStatus\":{\"coding\":[{\"code\":\"recurrence\"}]},\"abatementDateTime\":\"2020-05-01\"")).statusNote());
    }

    @Test
    void statusCodesAreReadWhateverTheSystemOrCase() {
        ClinicalCondition c = one(condition("http://hl7.org/fhir/sid/icd-10-cm", "I50.9", null,
                "\"verificationStatus\":{\"coding\":[{\"system\":\"urn:local\",\"code\":\"x\"},{\"code\":\"Provisional\"}]}"));
        assertEquals(ConditionCertainty.POSSIBLE, c.getCertainty());
    }

    @ParameterizedTest(name = "ICD-10-CM {0} is not read (near miss)")
    @CsvSource({"E11.9", "E11.40", "B19.20", "Z48.22"})
    void nearMissesOfTheAddedCodes(String code) {
        PatientRecord r = Bundles.read(condition("http://hl7.org/fhir/sid/icd-10-cm", code, null, null));
        assertTrue(r.conditions().isEmpty(),
                code + " → " + r.conditions());
    }

    @ParameterizedTest(name = "SNOMED asthma {0} → {1}")
    @CsvSource({"426656000, SEVERE_PERSISTENT", "427295004, MODERATE_PERSISTENT", "426979002, MILD_PERSISTENT",
            "427603009, MILD_INTERMITTENT", "195967001, UNSPECIFIED"})
    void asthmaSeverityFromSnomed(String code, ConditionSeverity severity) {
        assertEquals(severity, snomed(code).getSeverity());
    }

    @Test
    void nyhaClassCodedInSnomedOnTheConditionOrItsStage() {
        assertEquals(3, snomed("420913000").getStage());
        ClinicalCondition coded = one(condition("http://snomed.info/sct", "88805009", null,
                "\"stage\":[{\"summary\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"420913000\"}]}}]"));
        assertEquals(ConditionKind.HEART_FAILURE, coded.getKind());
        assertEquals(3, coded.getStage());
        // near miss: a stage code of another concept (CKD stage 3) says nothing about NYHA class
        assertNull(one(condition("http://snomed.info/sct", "88805009", null,
                "\"stage\":[{\"summary\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"433144002\"}]}}]")).getStage());
    }
}
