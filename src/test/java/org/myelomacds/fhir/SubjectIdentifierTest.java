package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.PatientRecord;

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

    @Test
    void displayOnlyOrMissingSubjectIsTakenAsThePatients() throws Exception {
        assertRead(readWithSubject("{\"display\":\"Someone\"}"));
        assertRead(readWithSubject(null));
    }
}
