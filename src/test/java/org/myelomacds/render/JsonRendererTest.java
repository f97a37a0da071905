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

    @Test
    void aFlagPrintsItsActionWhenTheRuleGivesOneAndLeavesTheFieldOutOtherwise() throws Exception {
        String json = JsonRenderer.render(Samples.evaluate(Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json"),
                Jurisdiction.US, CompileMode.EXECUTABLE_MODEL));
        assertFalse(json.contains("\"action\" : null"), "an absent action is left out, never null");
        JsonNode flags = JsonRenderer.mapper().readTree(json).get("flags");
        JsonNode hbv = null, subgroup = null;
        for (JsonNode f : flags) {
            if (f.get("code").asText().equals("HBV_SCREENING")) hbv = f;
            if (f.get("code").asText().equals("RENAL_SUBGROUP_EVIDENCE")) subgroup = f;
        }
        assertTrue(hbv != null && subgroup != null, "the sample raises both flags: " + flags);
        assertEquals("Screen for hepatitis B (HBsAg and anti-HBc) before starting daratumumab", hbv.get("action").asText());
        assertTrue(hbv.get("text").asText().startsWith("No HBsAg or anti-HBc result is recorded"), "the finding stays in the text");
        assertFalse(subgroup.has("action"), "an evidence note has nothing to do: " + subgroup);
    }

    @Test
    void anUnverifiedRulesActionKeepsItsUnverifiedMarking() throws Exception {
        JsonNode flags = JsonRenderer.mapper().readTree(JsonRenderer.render(Samples.evaluate(
                Samples.samplesDir().resolve("rrmm-copd.json"), Jurisdiction.US, CompileMode.EXECUTABLE_MODEL))).get("flags");
        JsonNode classStandard = null;
        for (JsonNode f : flags) if (f.get("rule").asText().equals("FLAG-PULM-08")) classStandard = f;
        assertTrue(classStandard != null, "FLAG-PULM-08 fires on rrmm-copd: " + flags);
        assertEquals("INFO", classStandard.get("severity").asText());
        assertTrue(classStandard.get("action").asText().contains("(unverified: tagged [M]"), classStandard.toString());
        assertTrue(classStandard.get("text").asText().contains("(unverified: tagged [M]"), classStandard.toString());
    }

    @Test
    void theActionFieldIsOptionalInTheRecord() throws Exception {
        var without = new org.myelomacds.assessment.Flag("X", "INFO", "t", null, "R-1", java.util.List.of(), java.util.List.of(), java.util.List.of(), null);
        var with = new org.myelomacds.assessment.Flag("X", "WARNING", "t", "Do it", "R-1", java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of(new org.myelomacds.assessment.Flag.ProposedOrder("test", "HBSAG", "HBsAg")));
        var withoutJson = JsonRenderer.mapper().readTree(JsonRenderer.mapper().writeValueAsString(without));
        assertFalse(withoutJson.has("action"));
        assertFalse(withoutJson.has("proposals"), "a flag proposing nothing keeps its JSON as before: " + withoutJson);
        var withJson = JsonRenderer.mapper().readTree(JsonRenderer.mapper().writeValueAsString(with));
        assertEquals("Do it", withJson.get("action").asText());
        assertEquals("{\"concept\":\"HBSAG\",\"name\":\"HBsAg\",\"type\":\"test\"}", withJson.get("proposals").get(0).toString());
        // Read back (the review page and replay read assessments from JSON), with and without the field.
        assertEquals(with, JsonRenderer.mapper().treeToValue(withJson, org.myelomacds.assessment.Flag.class));
        assertEquals(without, JsonRenderer.mapper().treeToValue(withoutJson, org.myelomacds.assessment.Flag.class));
    }
}
