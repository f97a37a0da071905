package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.UnreadableInput;

/** A subject given only by identifier is this patient's only when the Patient carries that identifier. */
class SubjectIdentifierTest {

    private static final String MRN = "http://hospital.example.org/mrn";
    private static final String SKIPPED = "AllergyIntolerance (subject is another patient)";

    private static PatientRecord readWithSubject(String subject) throws Exception {
        String json = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"fullUrl\":\"urn:uuid:p1\",\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\","
                + "\"birthDate\":\"1950-10-16\",\"identifier\":[{\"system\":\"" + MRN + "\",\"value\":\"MRN-123\"}]}},"
                + "{\"resource\":{\"resourceType\":\"AllergyIntolerance\",\"id\":\"al1\""
                + (subject == null ? "" : ",\"patient\":" + subject) + ",\"code\":{\"text\":\"isatuximab\"}}}]}";
        return Bundles.READER.read(json.getBytes(StandardCharsets.UTF_8), Bundles.AS_OF, Bundles.TERMS);
    }

    private static void assertRead(PatientRecord r) {
        assertEquals(1, r.allergies().size());
        assertNull(r.skippedResources().get(SKIPPED));
    }

    private static void assertSkipped(PatientRecord r) {
        assertEquals(List.of(), r.allergies());
        assertEquals(1, r.skippedResources().get(SKIPPED));
    }

    @Test
    void matchingSystemAndValueIsRead() throws Exception {
        assertRead(readWithSubject("{\"identifier\":{\"system\":\"" + MRN + "\",\"value\":\"MRN-123\"}}"));
    }

    @Test
    void anotherMrnIsSkipped() throws Exception {
        assertSkipped(readWithSubject("{\"identifier\":{\"system\":\"" + MRN + "\",\"value\":\"MRN-124\"}}"));
    }

    @Test
    void valueComparedCaseSensitively() throws Exception {
        assertSkipped(readWithSubject("{\"identifier\":{\"system\":\"" + MRN + "\",\"value\":\"mrn-123\"}}"));
    }

    @Test
    void sameValueInAnotherSystemIsSkipped() throws Exception {
        assertSkipped(readWithSubject("{\"identifier\":{\"system\":\"http://other.example.org/mrn\",\"value\":\"MRN-123\"}}"));
    }

    @Test
    void missingSystemComparesValueOnly() throws Exception {
        assertRead(readWithSubject("{\"identifier\":{\"value\":\"MRN-123\"}}"));
        assertSkipped(readWithSubject("{\"identifier\":{\"value\":\"MRN-999\"}}"));
    }

    @Test
    void referenceDecidesOverIdentifier() throws Exception {
        assertRead(readWithSubject("{\"reference\":\"Patient/p1\",\"identifier\":{\"system\":\"" + MRN + "\",\"value\":\"X\"}}"));
    }

    /** A required subject that is missing, or one naming no one the engine can match, is an unreadable part. */
    private static void assertUnattributed(PatientRecord r, String messagePart) {
        assertEquals(List.of(), r.allergies());
        assertNull(r.skippedResources().get(SKIPPED));
        assertEquals(1, r.unreadable().size(), () -> r.unreadable().toString());
        UnreadableInput u = r.unreadable().get(0);
        assertEquals("AllergyIntolerance/al1", u.getReference());
        assertEquals("AllergyIntolerance.patient", u.getField());
        assertTrue(u.getMessage().contains(messagePart), u.getMessage());
        assertTrue(u.getMessage().contains("cannot be attributed to the bundle's patient (Patient/p1)"), u.getMessage());
    }

    @Test
    void displayOnlySubjectIsNotReadAsThePatients() throws Exception {
        assertUnattributed(readWithSubject("{\"display\":\"Someone\"}"), "display \"Someone\" only");
    }

    @Test
    void missingRequiredSubjectIsNotReadAsThePatients() throws Exception {
        assertUnattributed(readWithSubject(null), "patient is missing (FHIR R4 requires it for AllergyIntolerance)");
    }

    @Test
    void identifierWithoutValueIsNotReadAsThePatients() throws Exception {
        assertUnattributed(readWithSubject("{\"identifier\":{\"system\":\"" + MRN + "\"}}"), "no identifier value");
    }

    @Test
    void referenceWithDisplayIsRead() throws Exception {
        // near miss of the display-only case: the display beside a reference changes nothing
        assertRead(readWithSubject("{\"reference\":\"urn:uuid:p1\",\"display\":\"Someone\"}"));
        assertEquals(List.of(), readWithSubject("{\"reference\":\"urn:uuid:p1\",\"display\":\"Someone\"}").unreadable());
    }

    @Test
    void observationWithoutSubjectIsRead() throws Exception {
        // Observation.subject is 0..1 in R4: a single-patient bundle may leave it out
        String egfr = Bundles.loincObservation("egfr-1", "98979-8", Bundles.quantity("38", "mL/min/{1.73_m2}"))
                .replace("\"subject\":{\"reference\":\"Patient/p1\"},", "");
        PatientRecord r = Bundles.READER.read(Bundles.bundleAsWritten(egfr), Bundles.AS_OF, Bundles.TERMS);
        assertEquals(List.of(), r.unreadable());
        assertEquals(1, r.measurements().size());
    }

    @Test
    void observationWithDisplayOnlySubjectIsNotRead() throws Exception {
        String egfr = Bundles.loincObservation("egfr-1", "98979-8", Bundles.quantity("38", "mL/min/{1.73_m2}"))
                .replace("\"subject\":{\"reference\":\"Patient/p1\"}", "\"subject\":{\"display\":\"Someone\"}");
        PatientRecord r = Bundles.READER.read(Bundles.bundleAsWritten(egfr), Bundles.AS_OF, Bundles.TERMS);
        assertEquals(List.of(), r.measurements());
        assertEquals("Observation.subject", r.unreadable().get(0).getField());
    }

    @Test
    void medicationStatementWithoutSubjectIsNotRead() throws Exception {
        String stmt = "{\"resourceType\":\"MedicationStatement\",\"id\":\"ms1\",\"status\":\"completed\","
                + "\"medicationCodeableConcept\":{\"text\":\"daratumumab\"},\"effectivePeriod\":{\"start\":\"2025-01-10\",\"end\":\"2025-06-10\"}}";
        PatientRecord r = Bundles.READER.read(Bundles.bundleAsWritten(stmt), Bundles.AS_OF, Bundles.TERMS);
        assertEquals(List.of(), r.medications());
        assertEquals("MedicationStatement.subject", r.unreadable().get(0).getField());
        PatientRecord withSubject = Bundles.read(stmt.replace("\"status\"", "\"subject\":{\"reference\":\"Patient/p1\"},\"status\""));
        assertEquals(1, withSubject.medications().size());
    }
}
