package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.ProcedureKind;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.Provenance;

/** A transplant recorded only as a "history of transplant" Condition, as Synthea's transplant module and many EHRs do. */
class TransplantHistoryConditionTest {

    private static String condition(String id, String system, String code, String onset, String verification) {
        return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"subject\":{\"reference\":\"Patient/p1\"},"
                + (verification == null ? "" : "\"verificationStatus\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/condition-ver-status\",\"code\":\"" + verification + "\"}]},")
                + "\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]}"
                + (onset == null ? "" : ",\"onsetDateTime\":\"" + onset + "\"") + "}";
    }

    @ParameterizedTest(name = "{0}|{1} → {2}")
    @CsvSource({"http://snomed.info/sct, 108631000119101, AUTOLOGOUS_STEM_CELL_TRANSPLANT",
            "http://snomed.info/sct, 152621000119105, ALLOGENEIC_STEM_CELL_TRANSPLANT",
            "http://snomed.info/sct, 153351000119102, STEM_CELL_TRANSPLANT",
            "http://hl7.org/fhir/sid/icd-10-cm, Z94.84, STEM_CELL_TRANSPLANT",
            "http://hl7.org/fhir/sid/icd-10-cm, Z94.81, STEM_CELL_TRANSPLANT"})
    void aHistoryOfTransplantConditionIsTheTransplantDatedByItsOnset(String system, String code, ProcedureKind kind) {
        PatientRecord r = Bundles.read(condition("h1", system, code, "2013-09-02", null));
        assertEquals(1, r.procedures().size());
        ProcedureRecord p = r.procedures().get(0);
        assertEquals(kind, p.getKind());
        assertEquals(LocalDate.of(2013, 9, 2), p.getDate());
        assertEquals(List.of(new Provenance("Condition/h1", LocalDate.of(2013, 9, 2))), p.getProvenance());
        assertEquals(List.of(), r.conditions(), "read as the transplant, not also as a condition");
    }

    @Test
    void nearMisses() {
        // a kidney transplant history is no stem-cell transplant; a refuted history never happened; no onset: undated
        PatientRecord kidney = Bundles.read(condition("k1", "http://snomed.info/sct", "161665007", "2013-08-07", null));
        assertEquals(List.of(), kidney.procedures());
        PatientRecord refuted = Bundles.read(condition("h1", "http://snomed.info/sct", "108631000119101", "2013-09-02", "refuted"));
        assertEquals(List.of(), refuted.procedures());
        PatientRecord undated = Bundles.read(condition("h1", "http://snomed.info/sct", "108631000119101", null, null));
        assertEquals(1, undated.procedures().size());
        assertNull(undated.procedures().get(0).getDate());
        PatientRecord partial = Bundles.read(condition("h1", "http://hl7.org/fhir/sid/icd-10-cm", "Z94.84", "2013", null));
        assertEquals(LocalDate.of(2013, 1, 1), partial.procedures().get(0).getDate());
        assertEquals(LocalDate.of(2013, 12, 31), partial.procedures().get(0).getLatest());
    }

    @Test
    void aTransplantRecordedAsAProcedureAndAgainAsAHistoryIsOneTransplant() {
        String procedure = "{\"resourceType\":\"Procedure\",\"id\":\"pr1\",\"status\":\"completed\",\"code\":{\"coding\":"
                + "[{\"system\":\"http://snomed.info/sct\",\"code\":\"58776007\"}]},\"performedDateTime\":\"2023-07-17\"}";
        PatientRecord same = Bundles.read(procedure, condition("h1", "http://snomed.info/sct", "108631000119101", "2023-07-17", null));
        assertEquals(1, same.procedures().size());
        assertTrue(same.procedures().get(0).getProvenance().get(0).getReference().startsWith("Procedure/"));
        // near miss: a history dated another day is another transplant (a tandem or second transplant)
        PatientRecord other = Bundles.read(procedure, condition("h1", "http://snomed.info/sct", "108631000119101", "2024-02-01", null));
        assertEquals(2, other.procedures().size());
    }

    @Test
    void aHistoryWhoseWordsNameAnotherCancerCarriesItAsTheReason() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"Condition","id":"h1","subject":{"reference":"Patient/p1"},
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"152621000119105"}],
                         "text":"History of allogeneic bone marrow transplant for Hodgkin lymphoma"},"onsetDateTime":"2012-09-10"}""");
        ProcedureRecord p = r.procedures().get(0);
        assertEquals(1, p.getReasons().size());
        assertTrue(p.getReasons().get(0).isOtherCondition());
        // near miss: the standard wording names no condition, so the record states no purpose
        PatientRecord plain = Bundles.read(condition("h2", "http://snomed.info/sct", "152621000119105", "2012-09-10", null));
        assertEquals(List.of(), plain.procedures().get(0).getReasons());
    }
}
