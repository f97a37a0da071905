package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import static org.myelomacds.scenario.Samples.criterion;
import static org.myelomacds.scenario.Samples.gapTexts;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * qa-bundles/FINDINGS.md F5, CDS-POLICY-SWITCH-UNASSESSED: a statement-only history (VRd, then D-K "2022" to "2024",
 * then pomalidomide) holds no disease-status assessment before the progression of 2026. The switch from D-K to
 * pomalidomide may have followed progression on D-K or intolerance, the record not saying which: daratumumab and
 * carfilzomib refractoriness are unknown, not "not refractory", and CANDOR's prior-carfilzomib conditions are not met on
 * missing data. The near miss records a response during D-K: then nothing is unknown about that switch.
 */
class SwitchUnassessedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = "s14a-18-statements-only-year-dates-dara-2022-2024-pom-current-pd";

    private static ObjectNode bundle() throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("qa-bundles", BUNDLE + ".json").toFile());
    }

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    @Test
    void aSwitchWithNoAssessmentAroundItLeavesTheEarlierLinesDrugsRefractorinessUnknown() throws Exception {
        Assessment a = Samples.evaluate(bundle());
        Findings.Exposure dara = exposure(a, "DARATUMUMAB");
        assertFalse(dara.refractory());
        assertTrue(dara.refractoryUnknown(), "daratumumab refractoriness must be undecided: " + dara);
        assertTrue(exposure(a, "CARFILZOMIB").refractoryUnknown());
        List<String> gaps = gapTexts(a, "REFRACTORY_STATUS_UNKNOWN");
        assertTrue(gaps.stream().anyMatch(g -> g.startsWith("daratumumab refractoriness unknown: line 2 (2022 to")
                && g.contains("was followed by line 3 from 2024-11 with no progression recorded between them and no"
                        + " disease-status assessment while line 2 ran or within 60 days after its last dose")), gaps.toString());
        assertEquals("UNKNOWN", criterion(a, "DARA_KD", "candor-population").outcome(),
                "CANDOR's prior-carfilzomib conditions are undecided, not met");
    }

    @Test
    void nearMissAResponseRecordedDuringTheEarlierLineDecidesIt() throws Exception {
        ObjectNode b = bundle();
        ObjectNode response = JSON.createObjectNode();
        response.put("resourceType", "Observation").put("id", "vgpr-2023").put("status", "final");
        response.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", "97509-4");
        response.putObject("subject").put("reference", "Patient/pt-18-statements-only-year-dates-dara-2022-2024-pom-current-pd");
        response.put("effectiveDateTime", "2023-06-15");
        ObjectNode value = response.putObject("valueCodeableConcept");
        value.putArray("coding").addObject().put("system", "http://snomed.info/sct").put("code", "268910001");
        value.put("text", "Very good partial response on D-Kd");
        ((ArrayNode) b.get("entry")).addObject().set("resource", response);
        Assessment a = Samples.evaluate(b);
        assertTrue(gapTexts(a, "REFRACTORY_STATUS_UNKNOWN").stream().noneMatch(g -> g.contains("line 2 (2022 to")),
                a.dataGaps().toString());
        assertFalse(exposure(a, "DARATUMUMAB").refractoryUnknown());
    }

    /**
     * FINDINGS G4: a relapse coded (C90.02, recordedDate) between the two lines is named in the gap and in the new line's
     * relapse signal, which no longer say nothing lies between them; the refractoriness stays unknown (the coding does not
     * date the relapse against the last dose). The near miss above (s14a-18) has no coding and keeps its wording.
     */
    @Test
    void aRelapseCodedBetweenTheTwoLinesIsNamedNotDenied() throws Exception {
        Assessment a = Samples.evaluate((ObjectNode) JSON.readTree(
                Path.of("qa-bundles", "s15a-01-transfer-requests-only-discharge-c9002-krd.json").toFile()));
        assertTrue(exposure(a, "LENALIDOMIDE").refractoryUnknown());
        List<String> gaps = gapTexts(a, "REFRACTORY_STATUS_UNKNOWN");
        assertTrue(gaps.stream().anyMatch(g -> g.startsWith("lenalidomide refractoriness unknown: line 1")
                && g.contains("with no progression dated between them (myeloma was coded as in relapse by a record written"
                        + " on 2025-04-08, http://hl7.org/fhir/sid/icd-10-cm|C90.02, Condition/dx-relapse-1, which does not"
                        + " date the relapse against the last dose)")), gaps.toString());
        assertTrue(gaps.stream().noneMatch(g -> g.contains("no progression recorded between them")), gaps.toString());
        assertTrue(a.findings().relapse().signals().stream().anyMatch(s -> s.text().startsWith("line 2 started on 2025-04-20")
                && s.text().contains("coded as in relapse by a record written on 2025-04-08")),
                a.findings().relapse().signals().toString());
    }
}
