package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.PatientRecord;

/** Patient.deceased[x] on or before asOf refuses the bundle; a death after asOf (a replay) or "false" does not. */
class DeceasedPatientTest {
    private static final LocalDate AS_OF = Bundles.AS_OF; // 2026-10-15

    private static byte[] bundleWithPatient(String deceasedJson) {
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\",\"birthDate\":\"1950-10-16\""
                + (deceasedJson.isEmpty() ? "" : "," + deceasedJson) + "}";
        return ("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"fullUrl\":\"urn:uuid:p1\",\"resource\":"
                + patient + "}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static InvalidBundleException refused(String deceasedJson) {
        return assertThrows(InvalidBundleException.class,
                () -> Bundles.READER.read(bundleWithPatient(deceasedJson), AS_OF, Bundles.TERMS));
    }

    private static PatientRecord read(String deceasedJson) throws InvalidBundleException {
        return Bundles.READER.read(bundleWithPatient(deceasedJson), AS_OF, Bundles.TERMS);
    }

    @Test
    void aDeathBeforeTheEvaluationDateIsRefusedNamingTheDateAndTheField() {
        InvalidBundleException e = refused("\"deceasedDateTime\":\"2019-03-02\"");
        assertEquals(InvalidBundleException.Reason.PATIENT_DECEASED, e.reason());
        assertTrue(e.isUnprocessable());
        assertTrue(e.getMessage().contains("deceased on 2019-03-02"), e.getMessage());
        assertTrue(e.getMessage().contains("Patient.deceasedDateTime"), e.getMessage());
        assertTrue(e.getMessage().contains("does not assess deceased patients"), e.getMessage());
        assertEquals(0, e.problems().get(0).getEntryIndex());
    }

    @Test
    void aDeathOnTheEvaluationDateItselfIsRefused() {
        assertEquals(InvalidBundleException.Reason.PATIENT_DECEASED, refused("\"deceasedDateTime\":\"2026-10-15T08:00:00Z\"").reason());
    }

    @Test
    void nearMissADeathTheDayAfterTheEvaluationDateIsAReplayOfALivingPatient() throws Exception {
        assertEquals("p1", read("\"deceasedDateTime\":\"2026-10-16\"").patient().getId());
    }

    @Test
    void deceasedTrueWithoutADateIsRefusedWhateverTheDate() {
        InvalidBundleException e = refused("\"deceasedBoolean\":true");
        assertTrue(e.getMessage().contains("deceasedBoolean true"), e.getMessage());
    }

    @Test
    void nearMissDeceasedFalseIsAssessed() throws Exception {
        assertEquals("p1", read("\"deceasedBoolean\":false").patient().getId());
        assertEquals("p1", read("").patient().getId());
    }

    @Test
    void aPartialDeathDateThatMayFallBeforeTheEvaluationDateIsRefused() {
        InvalidBundleException e = refused("\"deceasedDateTime\":\"2026\"");
        assertTrue(e.getMessage().contains("deceased in 2026: the death date is known only to the year"), e.getMessage());
        assertTrue(e.getMessage().contains("may have died on or before the evaluation date"), e.getMessage());
        InvalidBundleException month = refused("\"deceasedDateTime\":\"2026-10\"");
        assertTrue(month.getMessage().contains("known only to the month"), month.getMessage());
        // near miss: a full date says when, not "known only to"
        InvalidBundleException day = refused("\"deceasedDateTime\":\"2026-10-01\"");
        assertFalse(day.getMessage().contains("known only"), day.getMessage());
    }

    /** FINDINGS E6: a month that lies wholly before asOf is a certain death, not a possible one. */
    @Test
    void aPartialDeathDateWhollyBeforeTheEvaluationDateIsRefusedAsACertainDeath() {
        InvalidBundleException month = refused("\"deceasedDateTime\":\"2026-09\"");
        assertTrue(month.getMessage().contains("deceased in 2026-09 (known only to the month), which lies wholly on or"
                + " before the evaluation date 2026-10-15"), month.getMessage());
        assertFalse(month.getMessage().contains("may have died"), month.getMessage());
        InvalidBundleException year = refused("\"deceasedDateTime\":\"2025\"");
        assertTrue(year.getMessage().contains("(known only to the year), which lies wholly"), year.getMessage());
    }

    @Test
    void nearMissAPartialDeathDateWhollyAfterTheEvaluationDateIsAssessed() throws Exception {
        assertEquals("p1", read("\"deceasedDateTime\":\"2026-11\"").patient().getId());
        assertEquals("p1", read("\"deceasedDateTime\":\"2027\"").patient().getId());
    }

    @Test
    void anUnreadableBundleIsNotUnprocessable() {
        InvalidBundleException e = assertThrows(InvalidBundleException.class,
                () -> Bundles.READER.read("[1]".getBytes(StandardCharsets.UTF_8), AS_OF, Bundles.TERMS));
        assertEquals(InvalidBundleException.Reason.UNREADABLE, e.reason());
    }
}
