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
 * s12-relcode RC2, CDS-POLICY-RELAPSE3-STATUS-UNDATED).
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
}
