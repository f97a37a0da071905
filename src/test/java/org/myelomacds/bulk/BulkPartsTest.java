package org.myelomacds.bulk;

import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.myelomacds.facts.Jurisdiction;

/** Linking, file typing, routing and the screener's refusal to let one patient stop a run. */
class BulkPartsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void referencesToPatientsInTheFormsServersWrite() {
        assertEquals("p1", PatientLinks.idOf("Patient", "Patient/p1"));
        assertEquals("p1", PatientLinks.idOf("Patient", "https://ehr.example.org/fhir/Patient/p1/_history/3"));
        assertNull(PatientLinks.idOf("Patient", "Group/g1"));
        assertNull(PatientLinks.idOf("Patient", "urn:uuid:0b7c"));
        assertEquals(Set.of("a-1", "b.2"), PatientLinks.mentionedPatients(
                "{\"subject\":{\"reference\":\"Patient/a-1\"},\"performer\":[{\"reference\":\"https://x/Patient/b.2\"}]}".getBytes(StandardCharsets.UTF_8)));
        assertNull(PatientLinks.mentionedPatients("{\"subject\":{\"reference\":\"Patient\\/a\"}}".getBytes(StandardCharsets.UTF_8)),
                "an escaped slash cannot be scanned: the line must be parsed");
    }

    @Test
    void linksFollowTheSubjectNotThePerformer() throws Exception {
        var obs = JSON.readTree("{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/a\"},\"performer\":[{\"reference\":\"Patient/b\"}]}");
        assertEquals("a", PatientLinks.of("Observation", obs).patientId());
        var allergy = JSON.readTree("{\"resourceType\":\"AllergyIntolerance\",\"patient\":{\"reference\":\"Patient/c\"},\"recorder\":{\"reference\":\"Patient/d\"}}");
        assertEquals("c", PatientLinks.of("AllergyIntolerance", allergy).patientId());
        var orphan = JSON.readTree("{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Group/x\"}}");
        assertEquals("Condition.subject.reference", PatientLinks.of("Condition", orphan).field());
    }

    @Test
    void fileTypesFromServerNames() {
        Set<String> known = Set.of("Observation", "Condition", "Patient");
        assertEquals("Observation", ExportFile.typeFromName("Observation.2.ndjson", known));
        assertEquals("Condition", ExportFile.typeFromName("1.Condition.ndjson.gz", known));
        assertEquals("Observation", ExportFile.typeFromName("Observation_003.ndjson", known));
        assertEquals("Encounter", ExportFile.typeFromName("Encounter.ndjson", known));
        assertNull(ExportFile.typeFromName("0001.ndjson", known));
    }

    @Test
    void routingPassesOverOtherPatientsWithoutParsingAndKeepsBrokenLinesWithTheirPatient() {
        ResourceRouter router = new ResourceRouter(Set.of("in")::contains, k -> false, Samples.terminology());
        ExportFile obs = new ExportFile("Observation.ndjson", "Observation", "/dev/null");
        // not even JSON, but it names only a patient outside the cohort: passed over by the byte scan
        assertEquals(ResourceRouter.Skipped.OUTSIDE_COHORT, router.route(obs, 1, "{broken Patient/out".getBytes(StandardCharsets.UTF_8)));
        var broken = router.route(obs, 2, "{\"subject\":{\"reference\":\"Patient/in\"},".getBytes(StandardCharsets.UTF_8));
        var toPatient = assertInstanceOf(ResourceRouter.ToPatient.class, broken);
        assertEquals("in", toPatient.patientId());
        assertTrue(toPatient.line().problem().startsWith("not JSON"), toPatient.line().problem());
        var wrongType = router.route(obs, 3, "{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Patient/in\"}}".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertInstanceOf(ResourceRouter.ToPatient.class, wrongType).line().problem().contains("in a file of Observation resources"));
        var noSubject = router.route(obs, 4, "{\"resourceType\":\"Observation\",\"id\":\"o\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("Observation.subject.reference", assertInstanceOf(ResourceRouter.Unusable.class, noSubject).problem().field());
    }

    @Test
    void oneFailingPatientIsAnErrorRecordNotAFailedRun() {
        PatientAssessor exploding = new PatientAssessor() {
            @Override public org.myelomacds.assessor.AssessmentResult assess(com.fasterxml.jackson.databind.node.ObjectNode b, LocalDate d, Jurisdiction j, boolean p) {
                throw new IllegalStateException("boom");
            }
            @Override public String rulebaseVersion() { return "t"; }
            @Override public String rulebaseSha256() { return "0"; }
            @Override public org.myelomacds.evidence.terminology.Terminology terminology() { return Samples.terminology(); }
        };
        PatientScreener screener = new PatientScreener(exploding, LocalDate.of(2026, 11, 1), Jurisdiction.US, false);
        ScreeningResult r = screener.screen("p", List.of(new SourceLine("Patient.ndjson", 1, "Patient", "p",
                "{\"resourceType\":\"Patient\",\"id\":\"p\"}", null)));
        assertNull(r.row());
        assertEquals(ErrorRecord.INTERNAL_ERROR, r.error().outcome());
        assertTrue(r.error().reason().contains("boom"));
    }

    @Test
    void assemblyIsTheSameWhateverTheOrderOfArrival() {
        List<SourceLine> lines = List.of(
                new SourceLine("Observation.ndjson", 9, "Observation", "o2", "{\"resourceType\":\"Observation\",\"id\":\"o2\"}", null),
                new SourceLine("Patient.ndjson", 4, "Patient", "p", "{\"resourceType\":\"Patient\",\"id\":\"p\"}", null),
                new SourceLine("Condition.ndjson", 1, "Condition", "c", "{\"resourceType\":\"Condition\",\"id\":\"c\"}", null),
                new SourceLine("Observation.ndjson", 2, "Observation", "o1", "{\"resourceType\":\"Observation\",\"id\":\"o1\"}", null),
                new SourceLine("Observation.ndjson", 2, "Observation", "o1", "{\"resourceType\":\"Observation\",\"id\":\"o1\"}", null));
        var a = PatientBundleAssembler.assemble("p", lines);
        List<SourceLine> reversed = new java.util.ArrayList<>(lines);
        java.util.Collections.reverse(reversed);
        var b = PatientBundleAssembler.assemble("p", reversed);
        assertEquals(a.bundle(), b.bundle());
        assertEquals(List.of("Patient/p", "Condition/c", "Observation/o1", "Observation/o2"),
                a.entrySources().stream().map(SourceLine::reference).toList());
        assertEquals(1, a.duplicatesDropped());
    }
}
