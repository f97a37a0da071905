package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 13 (relapse3), issue 10 bullet 8: relapse readings the record cannot decide are named, never read as
 * "documented" or "no progression": a relapse clinical status without a recorded date after several lines (sweep
 * s12-relcode RC2, CDS-POLICY-RELAPSE3-STATUS-UNDATED); a serum M-protein reported as ">x" too low to decide the IMWG
 * rise or its confirmation (sweep s12-flc F1, CDS-POLICY-RELAPSE3-GT-UNDECIDED).
 */
class RelapseUndecidedReadingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode sample(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Samples.samplesDir().resolve(name).toFile());
    }

    private static ObjectNode resource(ObjectNode bundle, String id) {
        for (var e : bundle.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals(id)) return (ObjectNode) e.get("resource");
        }
        throw new AssertionError(id);
    }

    private static NotRecommended notRecommended(Assessment a, String regimen) {
        return a.notRecommended().stream().filter(n -> n.regimen().equals(regimen)).findFirst()
                .orElseThrow(() -> new AssertionError(regimen + " is recommended: " + a.recommendations()));
    }

    // ---- RC2: Condition/mm-1 coded C90.00 with clinicalStatus 'relapse', fhir-samples/rrmm-isa-pd-candidate.json without
    // its dated progression after line 3 (IRd from 2024-08-26).

    private static ObjectNode relapseStatus(String sample, String recordedDate) throws Exception {
        ObjectNode b = sample(sample);
        if (sample.equals("rrmm-isa-pd-candidate.json")) resource(b, "progression-3").put("status", "entered-in-error");
        ObjectNode mm = resource(b, "mm-1");
        mm.putObject("clinicalStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-clinical").put("code", "relapse");
        ObjectNode code = mm.putObject("code");
        code.putArray("coding").addObject().put("system", "http://hl7.org/fhir/sid/icd-10-cm").put("code", "C90.00");
        code.put("text", "Multiple myeloma");
        if (recordedDate == null) mm.remove("recordedDate");
        else mm.put("recordedDate", recordedDate);
        return b;
    }

    @Test
    void aRelapseClinicalStatusWithoutARecordedDateAfterSeveralLinesLeavesRelapseUndecided() throws Exception {
        Assessment a = Samples.evaluate(relapseStatus("rrmm-isa-pd-candidate.json", null));
        String text = a.findings().relapse().text();
        assertEquals("UNDETERMINED", a.findings().relapse().status(), text);
        assertTrue(text.contains("clinical status 'relapse' (Condition/mm-1) on a record without a recorded date"), text);
        assertTrue(text.contains("before or after line 3 started on 2024-08-26"), text);
        assertFalse(text.contains("documented by coding only"), text);
        assertTrue(a.findings().relapse().signals().stream().anyMatch(s -> s.reading().equals("UNDATED_CODING")
                && s.source().equals("CLINICAL_STATUS")));
        for (String regimen : new String[] {"ISA_PD", "DARA_PD", "DARA_KD", "DARA_VD"}) {
            assertEquals("INSUFFICIENT_DATA", notRecommended(a, regimen).status(), regimen);
        }
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RELAPSE_NOT_DOCUMENTED")
                && g.text().contains("record the date of the relapse")), a.dataGaps().toString());
    }

    @Test
    void nearMissTheSameStatusRecordedAfterTheLastLineStartedDocumentsRelapseByCoding() throws Exception {
        Assessment a = Samples.evaluate(relapseStatus("rrmm-isa-pd-candidate.json", "2026-10-01"));
        assertEquals("DOCUMENTED", a.findings().relapse().status(), a.findings().relapse().text());
        assertTrue(a.findings().relapse().text().startsWith("relapse documented by coding only"), a.findings().relapse().text());
    }

    @Test
    void nearMissAnUndatedRelapseStatusAfterOneLineCanOnlyBeARelapseAfterIt() throws Exception {
        Assessment a = Samples.evaluate(relapseStatus("rrmm-relapse-coded-only.json", null));
        assertEquals("DOCUMENTED", a.findings().relapse().status(), a.findings().relapse().text());
    }

    // ---- F1: fhir-samples/rrmm-m-protein-rise.json: 0.6 (2023-08-21), 0.4 (2024-09-16), 0.5 (2025-09-15), 0.9 (2026-07-13),
    // 1.2 g/dL (2026-08-24) on lenalidomide maintenance to 2026-10-05; disease status improved 2023-08-28.

    private static void mProtein(ObjectNode bundle, String id, double value, String comparator) {
        ObjectNode q = JSON.createObjectNode();
        q.put("value", value);
        if (comparator != null) q.put("comparator", comparator);
        q.put("unit", "g/dL").put("system", "http://unitsofmeasure.org").put("code", "g/dL");
        resource(bundle, id).set("valueQuantity", q);
    }

    private static org.myelomacds.assessment.Findings.Exposure lenalidomide(Assessment a) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals("LENALIDOMIDE")).findFirst().orElseThrow();
    }

    @Test
    void aConfirmationReportedAsABoundTooLowToDecideLeavesTheProgressionPossibleAndNamed() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        mProtein(b, "mprotein-2026-08", 0.5, ">");
        Assessment a = Samples.evaluate(b);
        String text = a.findings().relapse().text();
        assertEquals("UNDETERMINED", a.findings().relapse().status(), text);
        assertTrue(text.contains("rose to 0.9 g/dL on 2026-07-13, meeting the IMWG progression criteria"), text);
        assertTrue(text.contains("reported as >0.5 g/dL on 2026-08-24") && text.contains("only if it is at least 0.9 g/dL")
                && text.contains("its confirmation cannot be decided"), text);
        assertFalse(text.contains("shows no progression"), text);
        assertTrue(lenalidomide(a).refractoryUnknown(), "lenalidomide must be unknown, not 'not refractory'");
        assertEquals("INSUFFICIENT_DATA", notRecommended(a, "DARA_PD").status());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RELAPSE_NOT_DOCUMENTED")
                && g.text().contains("reported as >0.5 g/dL")), a.dataGaps().toString());
    }

    @Test
    void aRiseReportedAsABoundTooLowToDecideOnTheLatestResultIsAPossibleUnconfirmedRise() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        var entries = b.withArray("entry");
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path("resource").path("id").asText().equals("mprotein-2026-08")) { entries.remove(i); break; }
        }
        mProtein(b, "mprotein-2026-07", 0.5, ">");
        Assessment a = Samples.evaluate(b);
        String text = a.findings().relapse().text();
        assertEquals("UNDETERMINED", a.findings().relapse().status(), text);
        assertTrue(text.contains("the latest result is reported as >0.5 g/dL on 2026-07-13")
                && text.contains("the rise cannot be decided"), text);
    }

    @Test
    void aRiseReportedAsABoundTooLowToDecideThenARiseMayBeARiseAndItsConfirmation() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        mProtein(b, "mprotein-2026-07", 0.5, ">");
        mProtein(b, "mprotein-2025-09", 0.45, null);
        // 2026-08-24 1.2 g/dL meets the test; the result after it, 0.5 g/dL on 2026-10-01, refutes it as its own confirmation
        ObjectNode later = resource(b, "mprotein-2026-08").deepCopy();
        later.put("id", "mprotein-2026-10").put("effectiveDateTime", "2026-10-01");
        ((com.fasterxml.jackson.databind.node.ArrayNode) b.get("entry")).addObject().set("resource", later);
        mProtein(b, "mprotein-2026-10", 0.5, null);
        Assessment a = Samples.evaluate(b);
        String text = a.findings().relapse().text();
        assertEquals("UNDETERMINED", a.findings().relapse().status(), text);
        assertTrue(text.contains("the result reported as >0.5 g/dL on 2026-07-13") && text.contains("the next, 1.2 g/dL on 2026-08-24"
                + ", meets the IMWG progression criteria, so the two may be a rise and its confirmation"), text);
    }

    @Test
    void nearMissABoundThatMeetsTheTestConfirmsTheRise() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        mProtein(b, "mprotein-2026-08", 1.0, ">");
        Assessment a = Samples.evaluate(b);
        assertEquals("DOCUMENTED", a.findings().relapse().status(), a.findings().relapse().text());
        assertFalse(a.findings().relapse().text().contains("cannot be decided"), a.findings().relapse().text());
    }

    @Test
    void nearMissABoundBesideResultsThatCannotMeetTheTestIsNotNamed() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        mProtein(b, "mprotein-2026-07", 0.5, ">");
        mProtein(b, "mprotein-2026-08", 0.5, null);
        Assessment a = Samples.evaluate(b);
        assertEquals("NOT_RELAPSED", a.findings().relapse().status(), a.findings().relapse().text());
        assertFalse(a.findings().relapse().signals().stream().anyMatch(s -> s.text().contains("reported as >0.5")));
    }

    // ---- F4: GAP-RELAPSE-10 once per patient, naming every unpaired day (qa-bundles/s12f-dflc-lambda-missing.json: free
    // kappa 16.4 and 17 mg/dL on 2026-09-07 and 2026-10-05 without free lambda).

    private static java.util.List<org.myelomacds.assessment.DataGapItem> flcGaps(ObjectNode b) {
        return Samples.evaluate(b).dataGaps().stream()
                .filter(g -> g.text().startsWith("Free-light-chain progression cannot be read")).toList();
    }

    private static ObjectNode lambdaMissing() throws Exception {
        return (ObjectNode) JSON.readTree(Samples.samplesDir().resolveSibling("qa-bundles")
                .resolve("s12f-dflc-lambda-missing.json").toFile());
    }

    @Test
    void twoUnpairedSamplesGiveOneGapNamingBothDays() throws Exception {
        var gaps = flcGaps(lambdaMissing());
        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).text().contains("on 2 samples without the uninvolved chain (2026-09-07, 2026-10-05)"), gaps.toString());
    }

    @Test
    void nearMissOneUnpairedSampleIsQuotedAlone() throws Exception {
        ObjectNode b = lambdaMissing();
        var entries = b.withArray("entry");
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path("resource").path("id").asText().equals("kappa-2026-10-05")) { entries.remove(i); break; }
        }
        var gaps = flcGaps(b);
        assertEquals(1, gaps.size(), gaps.toString());
        assertFalse(gaps.get(0).text().contains("samples without"), gaps.toString());
    }
}
