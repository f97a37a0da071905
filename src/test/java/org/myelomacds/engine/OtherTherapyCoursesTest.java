package org.myelomacds.engine;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep D5 (qa-bundles/FINDINGS.md): therapy set apart as "other therapy" (here D-VCd for AL amyloidosis, six cycles
 * recorded dose by dose) is listed per drug course, as the myeloma exposures are, not one entry per dose.
 */
class OtherTherapyCoursesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode bundle() throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("qa-bundles/s12a-13-dvcd-for-al-then-mm-ndmm.json").toFile());
    }

    @Test
    void sixCyclesOfDvcdForAlAmyloidosisAreOneCoursePerDrugWithTheirReasonAndRule() throws Exception {
        Assessment a = Samples.evaluate(bundle());
        List<Findings.OtherTherapy> other = a.findings().priorTherapy().otherTherapy();
        assertEquals(3, other.size(), other.toString());
        for (Findings.OtherTherapy o : other) {
            assertEquals("2024-01-22", o.start());
            assertEquals("2024-07-01", o.end());
            assertEquals("PRECURSOR", o.decidedBy());
            assertTrue(o.reason().startsWith("given for AL amyloidosis (Condition/al)"), o.reason());
            assertTrue(o.reason().contains("one course of 24 records from 2024-01-22 to 2024-07-01"), o.reason());
            assertEquals(25, o.facts().size(), "the condition and each of the 24 records");
        }
    }

    @Test
    void nearMissASingleDoseStaysOneEntryWithItsReasonAsBefore() throws Exception {
        ObjectNode b = bundle();
        ArrayNode kept = JSON.createArrayNode();
        for (var e : b.withArray("entry")) {
            String id = e.path("resource").path("id").asText();
            if (!id.startsWith("al-") || id.equals("al-dara-0-0")) kept.add(e);
        }
        b.set("entry", kept);
        Assessment a = Samples.evaluate(b);
        List<Findings.OtherTherapy> other = a.findings().priorTherapy().otherTherapy();
        assertEquals(1, other.size(), other.toString());
        assertEquals("DARATUMUMAB", other.get(0).drug());
        assertFalse(other.get(0).reason().contains("one course of"), other.get(0).reason());
    }
}
