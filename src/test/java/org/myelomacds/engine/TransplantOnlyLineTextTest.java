package org.myelomacds.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.scenario.Samples;

import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FINDINGS H4: a salvage second transplant after its own cyclophosphamide mobilisation (after a documented progression)
 * keeps the gap that its line holds no regimen (DERIVE-HISTORY-01, GAP-THERAPY-03), but the text describes the record:
 * the mobilisation by name and day, and the transplant dated by its Procedure, not by the mobilisation. Near miss: the
 * same record without the mobilisation names no mobilisation and still dates the transplant by its Procedure.
 */
class TransplantOnlyLineTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = "s15h-04-vrd-asct-r-pd-then-cy-mobilisation-salvage-asct2-pd";

    private static ObjectNode bundle() throws Exception {
        return (ObjectNode) JSON.readTree(Samples.projectDir().resolve("qa-bundles").resolve(BUNDLE + ".json").toFile());
    }

    @Test
    void theGapNamesTheMobilisationAndDatesTheTransplantByItsProcedure() throws Exception {
        Assessment a = Samples.evaluate(bundle());
        List<String> gaps = Samples.gapTexts(a, "PRIOR_THERAPY_UNKNOWN");
        assertEquals(1, gaps.size(), gaps.toString());
        String g = gaps.get(0);
        assertTrue(g.contains("line 2 holds only a stem-cell mobilisation (cyclophosphamide on 2025-05-12) and a transplant"
                + " (autologous stem-cell transplant on 2025-07-01, conditioning: melphalan on 2025-06-30)"), g);
        assertFalse(g.contains("no recorded induction or other myeloma drug"), g);
        assertEquals(2, a.findings().priorTherapy().priorLines());
    }

    @Test
    void nearMissWithoutTheMobilisationTheTransplantIsStillDatedByItsProcedure() throws Exception {
        ObjectNode b = bundle();
        ArrayNode entries = (ArrayNode) b.get("entry");
        for (Iterator<JsonNode> it = entries.iterator(); it.hasNext(); ) {
            if (it.next().path("resource").path("id").asText().equals("mob-cy-2025-05-12")) it.remove();
        }
        Assessment a = Samples.evaluate(b);
        List<String> gaps = Samples.gapTexts(a, "PRIOR_THERAPY_UNKNOWN");
        assertEquals(1, gaps.size(), gaps.toString());
        String g = gaps.get(0);
        assertTrue(g.contains("line 2 holds only a transplant (autologous stem-cell transplant on 2025-07-01, conditioning:"
                + " melphalan on 2025-06-30)"), g);
        assertFalse(g.contains("mobilisation"), g);
    }
}
