package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep s19 X3 (CDS-POLICY-REASON-ENCOUNTER-CODE): R-CHOP from cycle 1 for an active DLBCL whose rituximab records carry
 * only the encounter code Z51.11 "Encounter for antineoplastic chemotherapy" reads as the same R-CHOP with no reason:
 * the lymphoma's regimen, 2 myeloma lines, D-Kd on label. Near misses: a reason that names a condition keeps its
 * reading (immune thrombocytopenia D69.3: the rituximab is no partner, the CHOP a possible third line; the lymphoma
 * C83.38: the lymphoma's regimen, as before).
 */
class EncounterCodeReasonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE =
            "s19x-05-rchop-from-cycle-1-rituximab-reasoncode-z51-11-dlbcl-active-after-two-myeloma-lines";

    private static ObjectNode withRituximabReason(String code, String display) throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Path.of("qa-bundles", BUNDLE + ".json").toFile());
        if (code == null) return b;
        b.withArray("entry").forEach(e -> {
            ObjectNode r = (ObjectNode) e.get("resource");
            if (!r.path("id").asText().startsWith("rtx-")) return;
            ObjectNode coding = (ObjectNode) r.withArray("reasonCode").get(0).withArray("coding").get(0);
            coding.put("code", code).put("display", display);
            ((ObjectNode) r.withArray("reasonCode").get(0)).put("text", display);
        });
        return b;
    }

    private static boolean recommended(Assessment a, String regimen) {
        return a.recommendations().stream().anyMatch(r -> r.regimen().equals(regimen));
    }

    @Test
    void anEncounterCodeOnTheRituximabReadsAsNoReason() throws Exception {
        Assessment a = Samples.evaluate(withRituximabReason(null, null));
        assertEquals(2, a.findings().priorTherapy().priorLines());
        assertNull(a.findings().priorTherapy().linesMin());
        assertTrue(recommended(a, "DARA_KD"));
    }

    @Test
    void nearMissAReasonNamingAConditionKeepsItsReading() throws Exception {
        Assessment itp = Samples.evaluate(withRituximabReason("D69.3", "Immune thrombocytopenic purpura"));
        assertEquals(Integer.valueOf(2), itp.findings().priorTherapy().linesMin());
        assertEquals(Integer.valueOf(3), itp.findings().priorTherapy().linesMax());
        assertTrue(!recommended(itp, "DARA_KD"));
        Assessment lymphoma = Samples.evaluate(withRituximabReason("C83.38", "Diffuse large B-cell lymphoma, lymph nodes of multiple sites"));
        assertEquals(2, lymphoma.findings().priorTherapy().priorLines());
        assertTrue(recommended(lymphoma, "DARA_KD"));
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
