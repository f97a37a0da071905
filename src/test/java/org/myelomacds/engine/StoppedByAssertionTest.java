package org.myelomacds.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Finding N3 (CDS-POLICY-STOPPED-BY-ASSERTION, GAP-THERAPY-07): a stopped or completed MedicationStatement with a start,
 * no end and a dateAsserted had stopped by the day it was asserted, so its unknown end lies from its start to that day,
 * not to asOf. Lenalidomide maintenance from 2019-09-01, "stopped", asserted 2026-01-10, progression 2026-08-20: not
 * refractory, D-Rd in the POLLUX population. Near misses: asserted after the progression (undecided), an active
 * statement with the same dateAsserted (still taking: no bound), and the same stopped statement with no dateAsserted.
 */
class StoppedByAssertionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = "s18n-19b-len-statement-stopped-no-end-asserted-jan-pd-august-no-next-line";

    private static ObjectNode bundle() throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("qa-bundles", BUNDLE + ".json").toFile());
    }

    /** The maintenance statement of the sample, to edit. */
    private static ObjectNode maintenance(ObjectNode bundle) {
        for (JsonNode e : bundle.get("entry")) {
            JsonNode r = e.get("resource");
            if ("MedicationStatement".equals(r.path("resourceType").asText()) && "r-maint".equals(r.path("id").asText())) {
                return (ObjectNode) r;
            }
        }
        throw new AssertionError("no MedicationStatement/r-maint in " + BUNDLE);
    }

    private static Findings.Exposure lenalidomide(Assessment a) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals("LENALIDOMIDE")).findFirst().orElseThrow();
    }

    @Test
    void aStoppedStatementHadStoppedByTheDayItWasAsserted() throws Exception {
        Assessment a = Samples.evaluate(bundle());
        assertFalse(lenalidomide(a).refractoryUnknown(), "the stop lies on or before 2026-01-10, 222 days before the PD");
        assertFalse(lenalidomide(a).refractory());
        assertEquals("MET", Samples.criterion(a, "DARA_RD", "pollux-population").outcome());
        List<String> gap = Samples.gapTexts(a, "THERAPY_END_UNKNOWN");
        assertTrue(gap.stream().anyMatch(t -> t.contains("MedicationStatement/r-maint dated 2019-09-01, asserted on 2026-01-10")
                && t.contains("ended some day from 2019-09-01 to 2026-01-10 (the dateAsserted")
                && t.contains("CDS-POLICY-STOPPED-BY-ASSERTION")), gap.toString());
    }

    @Test
    void nearMissAssertedAfterTheProgressionLeavesItUndecided() throws Exception {
        ObjectNode b = bundle();
        maintenance(b).put("dateAsserted", "2026-09-01");
        Assessment a = Samples.evaluate(b);
        assertTrue(lenalidomide(a).refractoryUnknown(), "the stop may fall within 60 days before the PD of 2026-08-20");
        assertTrue(Samples.gapTexts(a, "THERAPY_END_UNKNOWN").stream()
                .anyMatch(t -> t.contains("ended some day from 2019-09-01 to 2026-09-01")));
    }

    @Test
    void nearMissAnActiveStatementIsNotBoundedByItsDateAsserted() throws Exception {
        ObjectNode b = bundle();
        maintenance(b).put("status", "active");
        maintenance(b).remove("statusReason");
        Assessment a = Samples.evaluate(b);
        assertTrue(lenalidomide(a).ongoing() || lenalidomide(a).refractory(), "active: still taking, the PD is on it");
        assertTrue(Samples.gapTexts(a, "THERAPY_END_UNKNOWN").stream().noneMatch(t -> t.contains("STOPPED-BY-ASSERTION")));
    }

    @Test
    void nearMissWithoutADateAssertedTheEndRunsToTheEvaluationDate() throws Exception {
        ObjectNode b = bundle();
        maintenance(b).remove("dateAsserted");
        Assessment a = Samples.evaluate(b);
        assertTrue(lenalidomide(a).refractoryUnknown());
        assertTrue(Samples.gapTexts(a, "THERAPY_END_UNKNOWN").stream()
                .anyMatch(t -> t.contains("ended some day from 2019-09-01 to 2026-11-01 (the evaluation date)")));
    }
}
