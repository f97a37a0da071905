package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A progression shown only by the serum M-protein opens a line like a recorded one (issue 10 item 1, sweep s11 accept
 * A1), and the per-line refractoriness rule counts a progression only from a drug's first dose in the line (§1.2).
 * Built on fhir-samples/rrmm-salvage-after-post-transplant-progression.json (VTd 2024-01-15..05-06 → ASCT 2024-06-20 →
 * progression 2024-09-12 → Kd from 2024-10-01, 103 days after the transplant, inside the 180-day post-transplant window).
 */
class MProteinProgressionLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE = Samples.samplesDir().resolve("rrmm-salvage-after-post-transplant-progression.json");

    private ObjectNode bundle() throws Exception { return (ObjectNode) JSON.readTree(SAMPLE.toFile()); }

    private static void remove(ObjectNode bundle, String type, String id) {
        ArrayNode entries = (ArrayNode) bundle.withArray("entry");
        for (int i = 0; i < entries.size(); i++) {
            var r = entries.get(i).path("resource");
            if (r.path("resourceType").asText().equals(type) && r.path("id").asText().equals(id)) {
                entries.remove(i);
                return;
            }
        }
        throw new AssertionError(type + "/" + id);
    }

    private static void add(ObjectNode bundle, String json) throws Exception {
        ObjectNode entry = ((ArrayNode) bundle.withArray("entry")).addObject();
        ObjectNode resource = (ObjectNode) JSON.readTree(json);
        entry.put("fullUrl", "urn:uuid:7d0c1f3e-5a2b-4c8e-9f10-" + String.format("%012d", Math.abs(json.hashCode())));
        entry.set("resource", resource);
    }

    private static void mProtein(ObjectNode bundle, String id, String date, double gPerDl) throws Exception {
        add(bundle, "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"33358-3\"}]},"
                + "\"subject\":{\"reference\":\"Patient/pt-salvage\"},\"effectiveDateTime\":\"" + date + "\","
                + "\"valueQuantity\":{\"value\":" + gPerDl + ",\"unit\":\"g/dL\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"g/dL\"}}");
    }

    private static void administration(ObjectNode bundle, String id, String drug, String rxnorm, String date) throws Exception {
        add(bundle, "{\"resourceType\":\"MedicationAdministration\",\"id\":\"" + id + "\",\"status\":\"completed\","
                + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\""
                + rxnorm + "\"}],\"text\":\"" + drug + "\"},\"subject\":{\"reference\":\"Patient/pt-salvage\"},"
                + "\"effectiveDateTime\":\"" + date + "\"}");
    }

    /** The sample without its post-transplant progression Observation: only the M-protein can show it. */
    private ObjectNode withoutRecordedProgression() throws Exception {
        ObjectNode b = bundle();
        remove(b, "Observation", "progression-1");
        mProtein(b, "mp-dx", "2024-01-04", 3.2);
        mProtein(b, "mp-post", "2024-07-22", 0.6);
        return b;
    }

    private static boolean gap(Assessment a, String code) {
        return a.dataGaps().stream().anyMatch(g -> g.code().equals(code));
    }

    @Test
    void aConfirmedMProteinRiseBeforeSalvageTherapyOpensALineInsideThePostTransplantWindow() throws Exception {
        ObjectNode b = withoutRecordedProgression();
        mProtein(b, "mp-nadir", "2024-08-05", 0.4);
        mProtein(b, "mp-rise-1", "2024-09-02", 1.1);
        mProtein(b, "mp-rise-2", "2024-09-09", 1.2);
        Findings.PriorTherapy pt = Samples.evaluate(b).findings().priorTherapy();
        assertEquals(2, pt.priorLines());
        Findings.Line l2 = pt.lines().get(1);
        assertEquals("PROGRESSION", l2.openedBy());
        assertEquals("2024-10-01", l2.start());
        assertTrue(l2.reason().contains("progression on 2024-09-02 (Observation/mp-rise-1, a serum M-protein rise"), l2.reason());
        assertTrue(l2.drugs().contains("CARFILZOMIB"));
        assertFalse(pt.lines().get(0).drugs().contains("CARFILZOMIB"));
    }

    @Test
    void anMProteinThatStaysAtItsNadirLeavesKdInTheTransplantLine() throws Exception {
        ObjectNode b = withoutRecordedProgression();
        mProtein(b, "mp-nadir", "2024-08-05", 0.4);
        mProtein(b, "mp-flat-1", "2024-09-02", 0.4);
        mProtein(b, "mp-flat-2", "2024-09-09", 0.3);
        Assessment a = Samples.evaluate(b);
        assertEquals(1, a.findings().priorTherapy().priorLines());
        // Kd new to the line 84 days after the ASCT still leaves the count 1 to 2 by CDS-POLICY-WINDOW-NEW-DRUG, but no
        // M-protein reading takes part in it: a flat series is no possible progression.
        assertFalse(a.dataGaps().stream().anyMatch(g -> g.code().equals("PRIOR_THERAPY_UNKNOWN")
                && g.text().contains("M-protein")), a.dataGaps().toString());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("PRIOR_THERAPY_UNKNOWN")
                && g.text().contains("CDS-POLICY-WINDOW-NEW-DRUG")), a.dataGaps().toString());
    }

    @Test
    void aRiseThatTheNextResultDoesNotConfirmOpensNoLine() throws Exception {
        ObjectNode b = withoutRecordedProgression();
        mProtein(b, "mp-nadir", "2024-08-05", 0.4);
        mProtein(b, "mp-rise-1", "2024-09-02", 1.1);
        mProtein(b, "mp-after", "2024-11-04", 0.5);
        Assessment a = Samples.evaluate(b);
        assertEquals(1, a.findings().priorTherapy().priorLines());
    }

    @Test
    void aRiseThatPartialDatesMayOrMayNotOrderAsProgressionMakesTheCountARangeNotALine() throws Exception {
        ObjectNode b = withoutRecordedProgression();
        mProtein(b, "mp-nadir", "2024-08", 0.4);
        mProtein(b, "mp-rise-1", "2024-08-20", 1.1);
        mProtein(b, "mp-rise-2", "2024-09-09", 1.2);
        Assessment a = Samples.evaluate(b);
        assertEquals(1, a.findings().priorTherapy().priorLines());
        String undecided = a.findings().priorTherapy().linesUndecided();
        assertTrue(undecided != null && undecided.contains("the number of lines is 1 to 2"), String.valueOf(undecided));
        assertTrue(gap(a, "PRIOR_THERAPY_UNKNOWN"));
    }

    /** Line 2 opens on the day of the progression; pomalidomide joins its initial regimen two weeks later. */
    private ObjectNode lineWithALaterDrug(String progressionDay, String carfilzomibLast) throws Exception {
        ObjectNode b = bundle();
        remove(b, "MedicationStatement", "line2-kd-carfilzomib");
        remove(b, "MedicationStatement", "line2-kd-dexamethasone");
        remove(b, "Observation", "progression-2");
        for (var e : b.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals("progression-1")) {
                ((ObjectNode) e.get("resource")).put("effectiveDateTime", progressionDay);
            }
        }
        administration(b, "cfz-1", "carfilzomib", "1302966", "2024-10-01");
        administration(b, "cfz-2", "carfilzomib", "1302966", carfilzomibLast);
        administration(b, "pom-1", "pomalidomide", "1369713", "2024-10-15");
        return b;
    }

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    @Test
    void aProgressionBeforeADrugsFirstDoseInTheLineDoesNotMakeItRefractory() throws Exception {
        Assessment a = Samples.evaluate(lineWithALaterDrug("2024-10-01", "2024-10-08"));
        assertEquals("POMALIDOMIDE", exposure(a, "POMALIDOMIDE").drug());
        assertEquals(2, a.findings().priorTherapy().lines().size());
        assertTrue(a.findings().priorTherapy().lines().get(1).drugs().contains("POMALIDOMIDE"));
        assertFalse(exposure(a, "POMALIDOMIDE").refractory(), "progression 2024-10-01, pomalidomide from 2024-10-15");
    }

    @Test
    void aProgressionAfterTheDrugsFirstDoseWithinSixtyDaysOfTheLinesLastDoseMakesItRefractory() throws Exception {
        // near miss: the line's carfilzomib runs to 2025-03-03 and the disease progresses on 2025-04-01, after
        // pomalidomide's only recorded dose: the line's window (DERIVE-REFRACTORY-03) decides
        ObjectNode b = lineWithALaterDrug("2024-10-01", "2025-03-03");
        add(b, "{\"resourceType\":\"Observation\",\"id\":\"progression-3\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"97509-4\"}]},"
                + "\"subject\":{\"reference\":\"Patient/pt-salvage\"},\"effectiveDateTime\":\"2025-04-01\","
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"271299001\"}]}}");
        Assessment a = Samples.evaluate(b);
        assertTrue(exposure(a, "POMALIDOMIDE").refractory());
    }
}
