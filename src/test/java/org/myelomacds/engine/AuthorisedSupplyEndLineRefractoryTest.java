package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep s19 V4 (CDS-POLICY-AUTHORISED-END-LINE-DISAGREE, DERIVE-REFRACTORY-87): in a D-Pd line that progressed 35 days
 * after its last (daratumumab) dose, pomalidomide ordered by requests whose authorised supply ended 64 days before the
 * progression is undecided, and the gap says the drug-level and line-level readings disagree. A course whose end a
 * statement dates keeps its own window (VRd then lenalidomide alone).
 */
class AuthorisedSupplyEndLineRefractoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String name) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile()));
    }

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    @Test
    void requestOnlyPomalidomideOfALineThatProgressedWithin60DaysIsUndecided() throws Exception {
        Assessment a = evaluate("s19v-10-progression-on-dpd-anti-cd38-refractory-short-washout");
        Findings.Exposure pom = exposure(a, "POMALIDOMIDE");
        assertFalse(pom.refractory());
        assertTrue(pom.refractoryUnknown(), "never 'not refractory'");
        assertTrue(Samples.gapTexts(a, "REFRACTORY_STATUS_UNKNOWN").stream().anyMatch(t -> t.startsWith(
                "pomalidomide refractoriness undecided: the drug-level reading") && t.contains("35 days after its last"
                + " daratumumab dose") && t.contains("end of its order's dispense authorisation")), "both readings named");
        assertTrue(exposure(a, "DARATUMUMAB").refractory());
    }

    @Test
    void nearMissAStatementThatDatesTheEndKeepsItsOwnWindow() throws Exception {
        Assessment a = evaluate("s19v-02-dvrd-asct-then-lenalidomide-maintenance-to-progression");
        assertTrue(exposure(a, "LENALIDOMIDE").refractory());
        assertTrue(Samples.gapTexts(a, "REFRACTORY_STATUS_UNKNOWN").stream()
                .noneMatch(t -> t.contains("dispense authorisation")));
        assertFalse(exposure(a, "BORTEZOMIB").refractoryUnknown());
    }
}
