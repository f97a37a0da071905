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
 * Sweep K, finding K6 (qa-bundles/FINDINGS.md): an auto-refill of lenalidomide handed over a week after a progression,
 * its 28-day supply running 4 days into Kd, made line 2 "lenalidomide, carfilzomib, dexamethasone". After a documented
 * progression, a supply of a drug the new regimen does not give, with no later record of that drug, is handed over on
 * the new regimen's first day (as a supply ending that day already is): line 2 is Kd. The count, the refractoriness and
 * the exposure's last dose (the supply's last day) stay as they were. Without the progression the same switch is handed
 * over when no refill came (L6).
 */
class SupplyOverlapAfterProgressionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BUNDLE = Path.of("qa-bundles/s17k-04b-len-fills-refill-after-pd-then-kd.json");

    private static ObjectNode read() throws Exception { return (ObjectNode) JSON.readTree(BUNDLE.toFile()); }

    private static List<Findings.Line> lines(Assessment a) { return a.findings().priorTherapy().lines(); }

    private static Findings.Exposure lenalidomide(Assessment a) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals("LENALIDOMIDE")).findFirst().orElseThrow();
    }

    @Test
    void aRefillAfterTheProgressionOverlappingTheNextRegimenIsHandedOverToIt() throws Exception {
        Assessment a = Samples.evaluate(read());
        assertEquals(2, lines(a).size());
        assertEquals(List.of("CARFILZOMIB", "DEXAMETHASONE"), lines(a).get(1).drugs());
        assertEquals("2026-06-09", lines(a).get(0).end());
        assertTrue(lenalidomide(a).refractory());
        assertEquals("2026-06-14", lenalidomide(a).lastDose());
    }

    @Test
    void nearMissTheSameDrugDispensedAgainAfterThatSupplyStaysInTheNewLine() throws Exception {
        ObjectNode b = read();
        ArrayNode entries = b.withArray("entry");
        ObjectNode again = null;
        for (JsonNode e : entries) {
            if (e.path("resource").path("id").asText().equals("len-fill-refill")) again = e.deepCopy();
        }
        ((ObjectNode) again.path("resource")).put("id", "len-fill-again").put("whenHandedOver", "2026-06-15");
        entries.add(again);
        Assessment a = Samples.evaluate(b);
        assertTrue(lines(a).get(lines(a).size() - 1).drugs().contains("LENALIDOMIDE"), lines(a).toString());
    }

    // Without the progression the same switch is handed over too when Kd shares no non-steroid drug with the line and
    // goes on past the day a refill was due (FINDINGS L6; its near misses: SupplyHandOverWithoutProgressionTest).
    @Test
    void withoutADocumentedProgressionASwitchWithNoRefillIsHandedOverToo() throws Exception {
        ObjectNode b = read();
        ArrayNode entries = b.withArray("entry");
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).path("resource").path("id").asText().equals("pd-1")) entries.remove(i);
        }
        Assessment a = Samples.evaluate(b);
        assertTrue(lines(a).stream().noneMatch(l -> l.drugs().contains("LENALIDOMIDE") && l.drugs().contains("CARFILZOMIB")),
                lines(a).toString());
    }
}
