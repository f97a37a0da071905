package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PatientRecord;

/** Nothing dated after asOf (2026-10-15) is read; what began before and ended after is read as it stood on asOf. */
class AsOfCutTest {
    private static final String RX = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private static String egfr(String id, String date) {
        return Bundles.loincObservation(id, "98979-8", Bundles.quantity("38", "mL/min/{1.73_m2}"))
                .replaceFirst("\\}$", ",\"effectiveDateTime\":\"" + date + "\"}");
    }

    private static String lenalidomide(String id, String status, String period, String extra) {
        return "{\"resourceType\":\"MedicationStatement\",\"id\":\"" + id + "\",\"status\":\"" + status + "\","
                + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"" + RX + "\",\"code\":\"342369\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectivePeriod\":" + period + extra + "}";
    }

    @Test
    void anObservationDatedTheDayAfterAsOfIsNotReadAndOneOnAsOfIs() {
        PatientRecord r = Bundles.read(egfr("later", "2026-10-16"), egfr("same-day", "2026-10-15T23:30:00+02:00"));
        assertEquals(1, r.measurements().size());
        assertEquals("Observation/same-day", r.measurements().get(0).getSourceReference());
    }

    @Test
    void anObservationTakenBeforeAsOfButIssuedAfterItWasNotInTheChartThatDay() {
        // qa-bundles/sb-replay-progression-issued-after-asof: taken on 10-14, reported on 10-17 (asOf 10-15)
        String late = egfr("issued-later", "2026-10-14").replaceFirst("\\}$", ",\"issued\":\"2026-10-17T08:00:00Z\"}");
        String onTime = egfr("issued-same-day", "2026-10-14").replaceFirst("\\}$", ",\"issued\":\"2026-10-15T08:00:00Z\"}");
        PatientRecord r = Bundles.read(late, onTime);
        assertEquals(1, r.measurements().size());
        assertEquals("Observation/issued-same-day", r.measurements().get(0).getSourceReference());
        // near miss: an amended result re-issued after asOf replaces a version that was in the chart: kept
        String amended = late.replace("\"status\":\"final\"", "\"status\":\"amended\"");
        assertTrue(amended.contains("amended"), amended);
        assertEquals(1, Bundles.read(amended).measurements().size());
    }

    @Test
    void aPartialDateThatMayFallOnOrBeforeAsOfIsKeptOneWhollyAfterIsNot() {
        PatientRecord r = Bundles.read(egfr("oct", "2026-10"), egfr("nov", "2026-11"), egfr("next-year", "2027"));
        assertEquals(1, r.measurements().size());
        assertEquals("Observation/oct", r.measurements().get(0).getSourceReference());
    }

    @Test
    void aCourseThatEndedAfterAsOfIsStillRunningOnAsOf() {
        PatientRecord r = Bundles.read(lenalidomide("ms1", "stopped", "{\"start\":\"2026-03-01\",\"end\":\"2026-12-01\"}",
                ",\"statusReason\":[{\"text\":\"adverse event\"}]"));
        MedicationRecord m = r.medications().get(0);
        assertNull(m.getEnd(), "on asOf the course had not ended");
        assertEquals("active", m.getStatus());
        assertFalse(m.isStoppedForToxicity(), "the stop, and its reason, came after asOf");
    }

    @Test
    void nearMissACourseThatEndedOnAsOfKeepsItsEndAndStatus() {
        PatientRecord r = Bundles.read(lenalidomide("ms1", "stopped", "{\"start\":\"2026-03-01\",\"end\":\"2026-10-15\"}",
                ",\"statusReason\":[{\"text\":\"adverse event\"}]"));
        MedicationRecord m = r.medications().get(0);
        assertEquals(LocalDate.of(2026, 10, 15), m.getEnd());
        assertEquals("stopped", m.getStatus());
        assertTrue(m.isStoppedForToxicity());
    }

    /** FINDINGS V6: texts quote the status the chart holds, with the note that it was written after asOf. */
    @Test
    void aFinishedStatusWrittenAfterAsOfIsKeptAsRecordedBesideTheOneReadOnAsOf() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"MedicationRequest","id":"pom-4","status":"completed","intent":"order",
                 "medicationCodeableConcept":{"coding":[{"system":"%s","code":"1369713"}]},"subject":{"reference":"Patient/p1"},
                 "authoredOn":"2026-10-10","dispenseRequest":{"validityPeriod":{"start":"2026-10-10","end":"2026-11-06"}}}""".formatted(RX));
        MedicationRecord m = r.medications().get(0);
        assertEquals("active", m.getStatus());
        assertEquals("completed", m.getStatusAsRecorded());
        assertEquals("completed (a status written after the evaluation date; read as active on it)", m.getStatusText());
    }

    @Test
    void nearMissAnOrderWhoseValidityEndedOnAsOfKeepsItsStatusAndNoNote() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"MedicationRequest","id":"pom-3","status":"completed","intent":"order",
                 "medicationCodeableConcept":{"coding":[{"system":"%s","code":"1369713"}]},"subject":{"reference":"Patient/p1"},
                 "authoredOn":"2026-09-18","dispenseRequest":{"validityPeriod":{"start":"2026-09-18","end":"2026-10-15"}}}""".formatted(RX));
        MedicationRecord m = r.medications().get(0);
        assertEquals("completed", m.getStatus());
        assertNull(m.getStatusAsRecorded());
        assertEquals("completed", m.getStatusText());
    }

    @Test
    void aCourseStartedAfterAsOfAndAStatementAssertedAfterItAreNotRead() {
        PatientRecord r = Bundles.read(
                lenalidomide("later", "active", "{\"start\":\"2026-10-20\"}", ""),
                lenalidomide("asserted-later", "completed", "{\"start\":\"2025-01-01\",\"end\":\"2025-06-01\"}", ",\"dateAsserted\":\"2026-11-02\""));
        assertTrue(r.medications().isEmpty(), r.medications().toString());
    }

    /** A statement dated only by dateAsserted (CDS-POLICY-DATE-ASSERTED) did not exist before it was asserted. */
    @Test
    void aStatementDatedOnlyByADateAssertedAfterAsOfIsNotReadOneAssertedOnAsOfIs() {
        String later = "{\"resourceType\":\"MedicationStatement\",\"id\":\"later\",\"status\":\"active\","
                + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"" + RX + "\",\"code\":\"342369\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"dateAsserted\":\"2026-10-16\"}";
        assertTrue(Bundles.read(later).medications().isEmpty());
        PatientRecord r = Bundles.read(later.replace("2026-10-16", "2026-10-15").replace("\"later\"", "\"same-day\""));
        assertEquals(1, r.medications().size());
        assertEquals(LocalDate.of(2026, 10, 15), r.medications().get(0).getAssertedOn());
        assertNull(r.medications().get(0).getStart());
    }

    @Test
    void administrationsAndRequestsAfterAsOfAreNotReadButAPlanMadeBeforeIsKept() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"MedicationAdministration","id":"ma-later","status":"completed",
                 "medicationCodeableConcept":{"coding":[{"system":"%1$s","code":"358258"}]},"subject":{"reference":"Patient/p1"},
                 "effectiveDateTime":"2026-10-16"}""".formatted(RX), """
                {"resourceType":"MedicationRequest","id":"mr-later","status":"active","intent":"order",
                 "medicationCodeableConcept":{"coding":[{"system":"%1$s","code":"358258"}]},"subject":{"reference":"Patient/p1"},
                 "authoredOn":"2026-10-20"}""".formatted(RX), """
                {"resourceType":"MedicationRequest","id":"mr-plan","status":"draft","intent":"proposal",
                 "medicationCodeableConcept":{"coding":[{"system":"%1$s","code":"358258"}]},"subject":{"reference":"Patient/p1"},
                 "authoredOn":"2026-10-01","dosageInstruction":[{"timing":{"repeat":{"boundsPeriod":{"start":"2026-11-01"}}}}]}""".formatted(RX));
        assertEquals(1, r.medications().size(), r.medications().toString());
        assertTrue(r.medications().get(0).isPlanned());
    }

    @Test
    void aConditionWithOnsetOrRecordedDateAfterAsOfIsNotReadAndOneAbatedAfterAsOfWasActive() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"Condition","id":"copd-later","code":{"coding":[{"system":"http://snomed.info/sct","code":"13645005"}]},
                 "subject":{"reference":"Patient/p1"},"onsetDateTime":"2026-10-20"}""", """
                {"resourceType":"Condition","id":"copd-recorded-later","code":{"coding":[{"system":"http://snomed.info/sct","code":"13645005"}]},
                 "subject":{"reference":"Patient/p1"},"onsetDateTime":"2020-01-01","recordedDate":"2026-11-20"}""", """
                {"resourceType":"Condition","id":"pn","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]},
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"302226006"}]},
                 "subject":{"reference":"Patient/p1"},"onsetDateTime":"2025-01-01","abatementDateTime":"2026-12-01"}""");
        assertEquals(1, r.conditions().size(), r.conditions().toString());
        assertTrue(r.conditions().get(0).isActive(), "it abated after asOf");
    }

    @Test
    void allergiesAndProceduresAfterAsOfAreNotRead() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"AllergyIntolerance","id":"a1","code":{"text":"daratumumab"},"patient":{"reference":"Patient/p1"},
                 "recordedDate":"2026-10-30"}""", """
                {"resourceType":"Procedure","id":"asct","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct","code":"709115004"}]},
                 "subject":{"reference":"Patient/p1"},"performedDateTime":"2026-11-02"}""");
        assertTrue(r.allergies().isEmpty());
        assertTrue(r.procedures().isEmpty());
    }

    @Test
    void undatedRecordsAreKept() {
        PatientRecord r = Bundles.read(lenalidomide("ms1", "active", "{}", "").replace(",\"effectivePeriod\":{}", ""));
        assertEquals(1, r.medications().size());
    }

    @Test
    void aPrefetchTreeIsNotChangedByTheCut() throws Exception {
        ObjectMapper json = BundleReader.jsonMapper();
        JsonNode tree = json.readTree(new String(Bundles.bundle(lenalidomide("ms1", "completed",
                "{\"start\":\"2026-03-01\",\"end\":\"2026-12-01\"}", "")), StandardCharsets.UTF_8));
        String before = tree.toString().replace(",\"text\":", "");
        Bundles.READER.read(tree, Bundles.AS_OF, Bundles.TERMS);
        assertTrue(tree.toString().contains("\"end\":\"2026-12-01\""), tree.toString());
        assertEquals(before, tree.toString());
    }
}
