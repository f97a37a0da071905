package org.myelomacds.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FINDINGS F8 (DERIVE-RELAPSE-77): VRd to 2018, a confirmed serum M-protein rise four years off therapy (2022-12-05,
 * confirmed 2023-01-16), VRd again from 2023-04-03. The 180-day different-regimen rule opened line 2 first, and the
 * rise, read only against the last line, was never named. Now line 2 is "new therapy after progression on 2022-12-05
 * (... serum M-protein rise ...)" and the progression is a disease-status event, as when the windows keep the drugs in
 * one line (s14a-17d). Near miss: without the confirming value the rise is no progression and line 2 stays NEW_REGIMEN.
 */
class ProgressionBetweenLinesNamedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = "s14a-17b-vrd8-tfi-mprotein-rise-only-vrd-again-pd";

    private static ObjectNode bundle() throws Exception {
        return (ObjectNode) JSON.readTree(Samples.projectDir().resolve("qa-bundles").resolve(BUNDLE + ".json").toFile());
    }

    @Test
    void aConfirmedMProteinRiseBetweenTheLinesOpensTheNextLineAndIsShown() throws Exception {
        Assessment a = Samples.evaluate(bundle());
        assertEquals(2, a.findings().priorTherapy().priorLines());
        Findings.Line two = a.findings().priorTherapy().lines().get(1);
        assertEquals("PROGRESSION", two.openedBy());
        assertTrue(two.reason().startsWith("new therapy after progression on 2022-12-05 (Observation/mp-4, a serum M-protein"
                + " rise meeting the IMWG progression criteria)"), two.reason());
        assertTrue(a.findings().diseaseStatus().stream()
                .anyMatch(e -> e.date().equals("2022-12-05") && e.status().equals("PROGRESSION")), a.findings().diseaseStatus().toString());
    }

    @Test
    void nearMissAnUnconfirmedRiseLeavesTheLineOpenedByTheNewRegimen() throws Exception {
        ObjectNode b = bundle();
        ArrayNode entries = (ArrayNode) b.get("entry");
        for (Iterator<JsonNode> it = entries.iterator(); it.hasNext(); ) {
            if (it.next().path("resource").path("id").asText().equals("mp-5")) it.remove();
        }
        Assessment a = Samples.evaluate(b);
        Findings.Line two = a.findings().priorTherapy().lines().get(1);
        assertEquals("NEW_REGIMEN", two.openedBy());
        assertFalse(two.reason().contains("2022-12-05"), two.reason());
        assertTrue(a.findings().diseaseStatus().stream().noneMatch(e -> e.date().equals("2022-12-05")),
                a.findings().diseaseStatus().toString());
    }
}
