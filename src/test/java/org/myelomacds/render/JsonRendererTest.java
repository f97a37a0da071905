package org.myelomacds.render;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fields added for the case report appear in the canonical JSON next to the ones that were there before. */
class JsonRendererTest {
    @Test
    void jsonCarriesDiseaseStatusWashoutBandsAndTrialFields() throws Exception {
        String json = JsonRenderer.render(Samples.evaluate(Samples.samplesDir().resolve("rrmm-prior-dara-short-washout.json"),
                Jurisdiction.US, CompileMode.EXECUTABLE_MODEL));
        JsonNode a = JsonRenderer.mapper().readTree(json);
        JsonNode status = a.at("/findings/diseaseStatus");
        assertEquals(2, status.size());
        assertEquals("2024-06-03", status.get(0).get("date").asText());
        assertEquals("PROGRESSION", status.get(0).get("status").asText());
        assertEquals("Observation/progression-1", status.get(0).at("/facts/0/reference").asText());

        JsonNode washout = a.at("/findings/antiCd38Washout");
        assertEquals(45, washout.get("days").asInt(), "existing fields unchanged");
        assertEquals("SHORT", washout.get("band").asText());
        assertEquals(90, washout.at("/bands/0/untilDays").asInt());
        assertEquals(180, washout.at("/bands/2/fromDays").asInt());
        assertFalse(washout.at("/bands/2").has("untilDays"), "open-ended last band");

        JsonNode ikema = a.at("/evidence/IKEMA-L21");
        assertEquals("10.1016/S0140-6736(21)00592-4", ikema.get("doi").asText(), "existing fields unchanged");
        assertEquals("IKEMA", ikema.get("trial").asText());
        assertEquals("Kd", ikema.get("comparator").asText());
        assertEquals("§3.2", ikema.get("summarySection").asText());
        assertTrue(ikema.get("pfsHr").asText().startsWith("0.531"));
        JsonNode label = a.at("/evidence/SARC-USPI");
        assertEquals("label", label.get("kind").asText());
        assertFalse(label.has("comparator"), "absent fields are left out, not invented");
    }
}
