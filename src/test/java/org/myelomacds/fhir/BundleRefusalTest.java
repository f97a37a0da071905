package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.UnreadableInput;

class BundleRefusalTest {

    private static InvalidBundleException refused(byte[] json) {
        return assertThrows(InvalidBundleException.class, () -> Bundles.READER.read(json, Bundles.AS_OF, Bundles.TERMS));
    }

    private static InvalidBundleException refused(String json) {
        return refused(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void notJsonNamesLineAndColumn() {
        InvalidBundleException e = refused("{\"resourceType\": \"Bundle\",\n  \"entry\": [ oops ]}");
        assertTrue(e.getMessage().startsWith("not JSON at line 2, column "), e.getMessage());
        assertEquals(1, e.problems().size());
        assertEquals(-1, e.problems().get(0).getEntryIndex());
    }

    @Test
    void emptyInputAndTrailingGarbageAreNotJson() {
        assertTrue(refused(new byte[0]).getMessage().startsWith("not JSON"));
        assertTrue(refused("{\"resourceType\":\"Bundle\",\"entry\":[]} extra").getMessage().startsWith("not JSON"));
    }

    @Test
    void jsonArrayIsNotAResource() {
        assertEquals("not a FHIR resource: the JSON is an array, not an object", refused("[1,2]").getMessage());
    }

    @Test
    void missingResourceType() {
        assertTrue(refused("{\"entry\":[]}").getMessage().contains("resourceType is missing"));
    }

    @Test
    void aPatientIsNotABundleAndTheMessageSaysWhatItWas() {
        InvalidBundleException e = refused("{\"resourceType\":\"Patient\",\"id\":\"x\"}");
        assertEquals("not a Bundle: resourceType is \"Patient\" (expected \"Bundle\")", e.getMessage());
    }

    @Test
    void emptyOrAbsentEntryArray() {
        assertTrue(refused("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}").getMessage().contains("no entry array"));
        assertTrue(refused("{\"resourceType\":\"Bundle\",\"entry\":[]}").getMessage().contains("Bundle.entry is empty"));
        assertTrue(refused("{\"resourceType\":\"Bundle\",\"entry\":{}}").getMessage().contains("Bundle.entry is not an array"));
    }

    @Test
    void bundleWithoutPatient() {
        String json = "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":"
                + Bundles.loincObservation("egfr-1", "98979-8", Bundles.quantity("38", "mL/min/{1.73_m2}")) + "}]}";
        assertTrue(refused(json).getMessage().startsWith("Bundle has no Patient entry"));
    }

    @Test
    void twoDistinctPatientsAreRefusedNamingBoth() {
        InvalidBundleException e = refused(Bundles.resource("two-patients.json"));
        assertTrue(e.getMessage().contains("2 different Patients (Patient/a, Patient/b)"), e.getMessage());
        assertTrue(e.getMessage().contains("one patient"));
    }

    @Test
    void theSamePatientTwiceIsOnePatient() throws Exception {
        byte[] json = Bundles.bundle(Bundles.PATIENT);
        PatientRecord record = Bundles.READER.read(json, Bundles.AS_OF, Bundles.TERMS);
        assertEquals("p1", record.patient().getId());
    }

    @Test
    void r5MedicationStatementIsNotR4() {
        InvalidBundleException e = refused(Bundles.resource("r5-medication-statement.json"));
        assertTrue(e.getMessage().contains("not FHIR R4"), e.getMessage());
        assertTrue(e.getMessage().contains("MedicationStatement.medication"), e.getMessage());
        assertTrue(e.getMessage().contains("R5"), e.getMessage());
        UnreadableInput p = e.problems().get(0);
        assertEquals(1, p.getEntryIndex());
        assertEquals("MedicationStatement/ms-r5", p.getReference());
        assertEquals("MedicationStatement.medication", p.getField());
    }

    @Test
    void r5ObservationTriggeredByIsNotR4() {
        InvalidBundleException e = refused(Bundles.resource("r5-observation-triggered-by.json"));
        assertTrue(e.getMessage().contains("not FHIR R4"), e.getMessage());
        assertTrue(e.getMessage().contains("Observation.triggeredBy"), e.getMessage());
    }

    @Test
    void r5MedicationRequestCodeableReferenceIsNotR4() {
        InvalidBundleException e = refused(Bundles.bundle("""
                {"resourceType":"MedicationRequest","id":"mr-r5","status":"active","intent":"order",
                 "medication":{"concept":{"text":"isatuximab"}},"subject":{"reference":"Patient/p1"}}"""));
        assertTrue(e.getMessage().contains("not FHIR R4") && e.getMessage().contains("MedicationRequest.medication"), e.getMessage());
    }

    @Test
    void stu3MedicationStatementTakenIsNotR4() {
        InvalidBundleException e = refused(Bundles.resource("stu3-medication-statement.json"));
        assertTrue(e.getMessage().contains("not FHIR R4"), e.getMessage());
        assertTrue(e.getMessage().contains("MedicationStatement.taken"), e.getMessage());
        assertTrue(e.getMessage().contains("STU3"), e.getMessage());
    }

    @Test
    void stu3ConditionWithCodeStatusIsNotR4() {
        InvalidBundleException e = refused(Bundles.resource("stu3-condition.json"));
        assertTrue(e.getMessage().contains("not FHIR R4"), e.getMessage());
        assertTrue(e.getMessage().contains("Condition.clinicalStatus"), e.getMessage());
    }

    @Test
    void resourceTypeThatDoesNotExistInR4() {
        InvalidBundleException e = refused(Bundles.resource("stu3-resource-type.json"));
        assertTrue(e.getMessage().contains("not FHIR R4: resourceType 'ProcedureRequest' does not exist in FHIR R4"), e.getMessage());
        assertEquals(1, e.problems().get(0).getEntryIndex());
    }

    @Test
    void mostEntriesFailingWithUnknownElementsIsAVersionProblem() {
        // Elements no version of FHIR has: not in the signature list, so only the majority rule can catch them.
        String odd1 = Bundles.loincObservation("o1", "98979-8", "\"frobnicate\":true," + Bundles.quantity("38", "mL/min"));
        String odd2 = "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"wibble\":1,\"code\":{\"text\":\"x\"}}";
        InvalidBundleException e = refused(Bundles.bundle(odd1, odd2));
        assertTrue(e.getMessage().startsWith("not FHIR R4: 2 of 3 resources"), e.getMessage());
        assertTrue(e.getMessage().contains("frobnicate"), e.getMessage());
    }

    @Test
    void oneEntryWithAnUnknownElementIsOnlyAnEntryProblem() {
        String odd = Bundles.loincObservation("o1", "98979-8", "\"frobnicate\":true," + Bundles.quantity("38", "mL/min"));
        String good = Bundles.loincObservation("o2", "98979-8", Bundles.quantity("41", "mL/min/{1.73_m2}"));
        String good2 = Bundles.loincObservation("o3", "29463-7", Bundles.quantity("70", "kg"));
        PatientRecord r = Bundles.read(odd, good, good2);
        assertEquals(2, r.measurements().size());
        assertEquals(1, r.unreadable().size());
        UnreadableInput p = r.unreadable().get(0);
        assertEquals(1, p.getEntryIndex());
        assertEquals("Observation/o1", p.getReference());
        assertEquals("Observation.frobnicate", p.getField());
        assertTrue(p.getMessage().contains("unknown element 'frobnicate'"), p.getMessage());
        assertFalse(r.isComplete());
    }

    @Test
    void aRenalQuantityWithoutAnyUnitIsUnreadableNotAssumed() {
        String noUnit = Bundles.loincObservation("e1", "98979-8", "\"valueQuantity\":{\"value\":52}");
        String unitOnly = Bundles.loincObservation("e2", "98979-8", "\"valueQuantity\":{\"value\":41,\"unit\":\"mL/min/1.73m2\"}");
        String creatinineNoUnit = Bundles.loincObservation("c1", "2160-0", "\"valueQuantity\":{\"value\":1.4}");
        String weightNoUnit = Bundles.loincObservation("w1", "29463-7", "\"valueQuantity\":{\"value\":70}");
        PatientRecord r = Bundles.read(noUnit, unitOnly, creatinineNoUnit, weightNoUnit);
        assertEquals(2, r.measurements().size()); // the eGFR with a written unit and the weight (its code's unit policy)
        assertEquals(2, r.unreadable().size());
        UnreadableInput p = r.unreadable().get(0);
        assertEquals("Observation/e1", p.getReference());
        assertEquals("Observation.valueQuantity.unit", p.getField());
        assertTrue(p.getMessage().contains("no unit"), p.getMessage());
        assertEquals("Observation/c1", r.unreadable().get(1).getReference());
        assertFalse(r.isComplete());
    }

    @Test
    void aSerumMProteinWithoutAnyUnitIsUnreadableNotAssumedGramsPerDecilitre() {
        // qa-bundles/sb-mprot-unitless: 4 then 8.5 may be g/L (a rise of 0.45 g/dL, no progression) or g/dL (a rise of
        // 4.5 g/dL, progression): never read without its unit
        String noUnit = Bundles.loincObservation("m1", "33358-3", "\"valueQuantity\":{\"value\":8.5}");
        String gPerL = Bundles.loincObservation("m2", "33358-3", "\"valueQuantity\":{\"value\":8.5,\"unit\":\"g/L\"}");
        PatientRecord r = Bundles.read(noUnit, gPerL);
        assertEquals(1, r.measurements().size());   // near miss: the same value with its unit is read (0.85 g/dL)
        assertEquals(0.85, r.measurements().get(0).getValue(), 1e-9);
        assertEquals(1, r.unreadable().size());
        assertEquals("Observation/m1", r.unreadable().get(0).getReference());
        assertEquals("Observation.valueQuantity.unit", r.unreadable().get(0).getField());
        assertFalse(r.isComplete());
    }
}
