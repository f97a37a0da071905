package org.myelomacds.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * qa-bundles/FINDINGS.md L6 (CDS-POLICY-SUPPLY-HANDOVER-AFTER-PD without a documented progression): lenalidomide
 * maintenance as 28-day fills, the last running four days into weekly Kd, no progression recorded, Kd recorded for
 * months after a refill would have been due and none came. Line 2 is Kd, "new regimen after all drugs of line 1
 * stopped", not "unplanned addition of carfilzomib while line 1 was running"; the count (2) and lenalidomide's undecided
 * refractoriness (GAP-REFRACTORY-07, no assessment between the lines) stay. A lenalidomide fill after the supply, or Kd
 * recorded only until the refill was due, keeps the addition reading.
 */
class SupplyHandOverWithoutProgressionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BUNDLE = Path.of("qa-bundles/s17l-14-len-refill-supply-into-kd-no-progression-recorded.json");

    private static ObjectNode read() throws Exception { return (ObjectNode) JSON.readTree(BUNDLE.toFile()); }

    private static List<Findings.Line> lines(Assessment a) { return a.findings().priorTherapy().lines(); }

    private static Findings.Exposure lenalidomide(Assessment a) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals("LENALIDOMIDE")).findFirst().orElseThrow();
    }

    @Test
    void aLastFillRunningIntoANewRegimenWithNoRefillIsHandedOverToIt() throws Exception {
        Assessment a = Samples.evaluate(read());
        assertEquals(2, lines(a).size());
        assertEquals(List.of("CARFILZOMIB", "DEXAMETHASONE"), lines(a).get(1).drugs());
        assertEquals("2026-06-09", lines(a).get(0).end());
        assertTrue(lines(a).get(1).reason().startsWith("new regimen after all drugs of line 1 stopped on 2026-06-09"),
                lines(a).get(1).reason());
        assertTrue(lenalidomide(a).refractoryUnknown(), lenalidomide(a).toString());
        assertEquals("2026-06-13", lenalidomide(a).lastDose());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("REFRACTORY_STATUS_UNKNOWN")
                && g.text().contains("lenalidomide")), a.dataGaps().toString());
    }

    @Test
    void nearMissLenalidomideDispensedAgainAfterThatSupplyStaysAnAddition() throws Exception {
        ObjectNode b = read();
        ArrayNode entries = b.withArray("entry");
        ObjectNode again = null;
        for (JsonNode e : entries) {
            if (e.path("resource").path("id").asText().equals("len-fill-2026-05-17")) again = e.deepCopy();
        }
        ((ObjectNode) again.path("resource")).put("id", "len-fill-again").put("whenHandedOver", "2026-06-14");
        entries.add(again);
        Assessment a = Samples.evaluate(b);
        assertTrue(lines(a).get(1).drugs().contains("LENALIDOMIDE"), lines(a).toString());
    }

    @Test
    void nearMissANewRegimenRecordedOnlyUntilARefillWasDueStaysAnAddition() throws Exception {
        ObjectNode b = read();
        ArrayNode entries = b.withArray("entry");
        for (int i = entries.size() - 1; i >= 0; i--) {
            String id = entries.get(i).path("resource").path("id").asText();
            if ((id.startsWith("cfz-") || id.startsWith("kdex-")) && id.compareTo(id.substring(0, id.indexOf('-') + 1) + "2026-07-05") > 0) {
                entries.remove(i);
            }
        }
        Assessment a = Samples.evaluate(b);
        assertTrue(lines(a).get(1).drugs().contains("LENALIDOMIDE"), lines(a).toString());
        assertTrue(lines(a).get(1).reason().contains("unplanned addition of carfilzomib"), lines(a).get(1).reason());
    }
}
