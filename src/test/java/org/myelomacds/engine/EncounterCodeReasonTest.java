package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep s19 X3 (CDS-POLICY-REASON-ENCOUNTER-CODE): R-CHOP from cycle 1 for an active DLBCL whose rituximab records carry
 * only the encounter code Z51.11 "Encounter for antineoplastic chemotherapy" reads exactly as the same R-CHOP with no
 * reason (the CHOP's purpose undecided beside the lymphoma, CDS-POLICY-CHEMO-OTHER-CANCER: 2 to 3 lines), and the
 * rituximab states no reason. Near misses: a reason that names a condition is quoted as its reason (immune
 * thrombocytopenia D69.3, the lymphoma C83.38).
 */
class EncounterCodeReasonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE =
            "s19x-05-rchop-from-cycle-1-rituximab-reasoncode-z51-11-dlbcl-active-after-two-myeloma-lines";

    /** The bundle with the rituximab's reasonCode set to {@code code} ("" removes it; null keeps Z51.11). */
    private static ObjectNode withRituximabReason(String code, String display) throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Path.of("qa-bundles", BUNDLE + ".json").toFile());
        if (code == null) return b;
        b.withArray("entry").forEach(e -> {
            ObjectNode r = (ObjectNode) e.get("resource");
            if (!r.path("id").asText().startsWith("rtx-")) return;
            if (code.isEmpty()) {
                r.remove("reasonCode");
                return;
            }
            ObjectNode coding = (ObjectNode) r.withArray("reasonCode").get(0).withArray("coding").get(0);
            coding.put("code", code).put("display", display);
            ((ObjectNode) r.withArray("reasonCode").get(0)).put("text", display);
        });
        return b;
    }

    private static String rituximabReason(Assessment a) {
        return a.findings().priorTherapy().otherTherapy().stream()
                .filter(o -> "ANTINEOPLASTIC_NO_MYELOMA_USE".equals(o.drug())).map(o -> o.reason()).findFirst().orElseThrow();
    }

    private static List<String> recommended(Assessment a) {
        return a.recommendations().stream().map(r -> r.regimen() + " " + r.score()).toList();
    }

    @Test
    void anEncounterCodeOnTheRituximabReadsAsNoReason() throws Exception {
        Assessment z51 = Samples.evaluate(withRituximabReason(null, null));
        Assessment none = Samples.evaluate(withRituximabReason("", null));
        assertEquals(none.findings().priorTherapy().priorLines(), z51.findings().priorTherapy().priorLines());
        assertEquals(none.findings().priorTherapy().linesMin(), z51.findings().priorTherapy().linesMin());
        assertEquals(none.findings().priorTherapy().linesMax(), z51.findings().priorTherapy().linesMax());
        assertEquals(recommended(none), recommended(z51));
        assertTrue(rituximabReason(z51).startsWith("no stated reason"), rituximabReason(z51));
        assertFalse(rituximabReason(z51).contains("Encounter for antineoplastic chemotherapy"), rituximabReason(z51));
    }

    @Test
    void nearMissAReasonNamingAConditionKeepsItsReading() throws Exception {
        Assessment itp = Samples.evaluate(withRituximabReason("D69.3", "Immune thrombocytopenic purpura"));
        assertTrue(rituximabReason(itp).contains("Immune thrombocytopenic purpura"), rituximabReason(itp));
        Assessment lymphoma = Samples.evaluate(withRituximabReason("C83.38", "Diffuse large B-cell lymphoma, lymph nodes of multiple sites"));
        assertTrue(rituximabReason(lymphoma).startsWith("given for"), rituximabReason(lymphoma));
    }

    private static final String BESIDE_BREAST_CANCER =
            "s20b-06-cd-reasoncode-z51-11-with-c50-912-breast-cancer-beside-new-trastuzumab";

    /**
     * Sweep U (B5): Z51.11 beside C50.912 in one reasonCode drops only the encounter coding: the breast cancer is the
     * stated reason, so the Cd is the cancer's therapy: 2 lines, no range.
     */
    @Test
    void anEncounterCodingBesideACancerCodingKeepsTheCancerAsTheReason() throws Exception {
        Assessment a = Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", BESIDE_BREAST_CANCER + ".json").toFile()));
        assertEquals(2, a.findings().priorTherapy().priorLines(), a.findings().priorTherapy().toString());
        assertNull(a.findings().priorTherapy().linesMin());
    }

    /** Near miss: the same concept with the encounter coding alone states no reason: the count stays 2 to 3. */
    @Test
    void nearMissTheEncounterCodingAloneStatesNoReason() throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Path.of("qa-bundles", BESIDE_BREAST_CANCER + ".json").toFile());
        b.withArray("entry").forEach(e -> {
            ObjectNode r = (ObjectNode) e.get("resource");
            if (!r.has("reasonCode")) return;
            for (var concept : r.withArray("reasonCode")) {
                ((ObjectNode) concept).withArray("coding").remove(1);
                ((ObjectNode) concept).remove("text");
            }
        });
        Assessment a = Samples.evaluate(b);
        assertEquals(Integer.valueOf(2), a.findings().priorTherapy().linesMin(), a.findings().priorTherapy().toString());
        assertEquals(Integer.valueOf(3), a.findings().priorTherapy().linesMax());
    }
}
