package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline as the findings show it: dates with their precision, what could not be placed, and unclassified
 * antineoplastics listed for a reviewer. Built on fhir-samples/rrmm-salvage-after-post-transplant-progression.json
 * (VTd → ASCT → progression 2024-09-12 → Kd).
 */
class TimelineFindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE = Samples.samplesDir().resolve("rrmm-salvage-after-post-transplant-progression.json");

    private ObjectNode bundle() throws Exception { return (ObjectNode) JSON.readTree(SAMPLE.toFile()); }

    private static ObjectNode resource(ObjectNode bundle, String type, String id) {
        for (var e : bundle.withArray("entry")) {
            if (e.path("resource").path("resourceType").asText().equals(type) && e.path("resource").path("id").asText().equals(id)) {
                return (ObjectNode) e.get("resource");
            }
        }
        throw new AssertionError(type + "/" + id);
    }

    private static void add(ObjectNode bundle, ObjectNode resource, String uuid) {
        ObjectNode entry = ((ArrayNode) bundle.withArray("entry")).addObject();
        entry.put("fullUrl", "urn:uuid:" + uuid);
        entry.set("resource", resource);
    }

    private static Assessment evaluate(ObjectNode bundle) {
        return Samples.evaluate(bundle);
    }

    @Test
    void undatedRecordsAndAnUnclassifiedAntineoplasticAreListedWithTheirReferences() throws Exception {
        ObjectNode b = bundle();
        ObjectNode undated = resource(b, "MedicationStatement", "line1-vtd-thalidomide").deepCopy();
        undated.put("id", "undated-lenalidomide").remove("effectivePeriod");
        undated.set("medicationCodeableConcept", JSON.readTree(
                "{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"342369\"}],\"text\":\"lenalidomide\"}"));
        add(b, undated, "0b7c6a52-8a55-4c1e-9a0f-3c1f4f3b0a01");
        ObjectNode progression = resource(b, "Observation", "progression-1").deepCopy();
        progression.put("id", "undated-progression").remove("effectiveDateTime");
        add(b, progression, "0b7c6a52-8a55-4c1e-9a0f-3c1f4f3b0a02");
        ObjectNode unknown = resource(b, "MedicationStatement", "line1-vtd-thalidomide").deepCopy();
        unknown.put("id", "study-drug");
        unknown.set("medicationCodeableConcept", JSON.readTree(
                "{\"coding\":[{\"system\":\"http://www.whocc.no/atc\",\"code\":\"L01XX99\"}],\"text\":\"investigational antineoplastic\"}"));
        unknown.set("effectivePeriod", JSON.readTree("{\"start\":\"2025-03\",\"end\":\"2025-06\"}"));
        add(b, unknown, "0b7c6a52-8a55-4c1e-9a0f-3c1f4f3b0a03");

        Findings f = evaluate(b).findings();
        List<Findings.Item> unplaced = f.priorTherapy().unplaced();
        assertEquals(List.of("MEDICATION", "DISEASE_STATUS"), unplaced.stream().map(Findings.Item::code).toList());
        assertEquals("MedicationStatement/undated-lenalidomide", unplaced.get(0).facts().get(0).reference());
        assertEquals("Observation/undated-progression", unplaced.get(1).facts().get(0).reference());
        Findings.Item study = f.unrecognised().stream().filter(u -> u.code().equals("UNCLASSIFIED_ANTINEOPLASTIC"))
                .findFirst().orElseThrow();
        assertTrue(study.text().startsWith("MedicationStatement/study-drug: "), study.text());
        assertTrue(study.text().contains("from 2025-03"), "the start as recorded: " + study.text());
    }

    @Test
    void aTransplantRecordedByYearGivesTheLineStartAsRecordedAndSaysTheLinesAreUndecided() throws Exception {
        ObjectNode b = bundle();
        resource(b, "Procedure", "asct-1").put("performedDateTime", "2024");
        Findings.PriorTherapy p = evaluate(b).findings().priorTherapy();
        assertTrue(p.linesUndecided().contains("Procedure/asct-1 (autologous stem-cell transplant in 2024)"), p.linesUndecided());
        assertEquals("2024-01-01", p.lines().get(0).start());
        assertEquals("between 2024-01-01 and 2024-01-15", p.lines().get(0).startRecorded());

        // near miss: the recorded day gives precise dates, nothing undecided and nothing unplaced
        Findings.PriorTherapy precise = evaluate(bundle()).findings().priorTherapy();
        assertNull(precise.linesUndecided());
        assertNull(precise.unplaced());
        assertNull(precise.lines().get(0).startRecorded());
    }
    @Test
    void aLineWhoseLastRecordsGiveOnlyTheirDateShowsAnUnknownEndNotAOneDayLine() throws Exception {
        // qa-bundles/stmt-effdt-only-line2.json: line 2 KRd statements completed with only effectiveDateTime 2022-10-10
        Findings.PriorTherapy p = Samples.evaluate(Samples.projectDir().resolve("qa-bundles/stmt-effdt-only-line2.json"),
                Jurisdiction.US, CompileMode.EXECUTABLE_MODEL).findings().priorTherapy();
        Findings.Line krd = p.lines().get(1);
        assertEquals("2022-10-10", krd.end());
        assertEquals(Boolean.TRUE, krd.endUnknown());
        assertEquals("2024-08-25", krd.endLatest());
        assertEquals("an unknown day before 2024-08-26", krd.endText());
        assertTrue(p.lines().get(2).reason().endsWith("after all drugs of line 2 stopped (on an unknown day from 2022-10-10"
                + " to 2024-08-25: the records give no end)"), p.lines().get(2).reason());
        // near miss: line 3's statements carry their period: a known end, no extra fields
        Findings.Line ird = p.lines().get(2);
        assertNull(ird.endUnknown());
        assertNull(ird.endLatest());
        assertEquals("2026-09-15", ird.endText());
    }
}
