package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Sweep J5 (qa-bundles/FINDINGS.md, CDS-POLICY-LINE-OWN-END-DISAGREE): an early relapse 48 days after the transplant
 * that ended line 1 makes bortezomib, charted dose by dose, refractory by the line; lenalidomide, one statement ending
 * 98 days before the progression, was read "not refractory" by its own end, so D-Rd was credited with POLLUX. It is
 * undecided now, with a gap naming both readings.
 */
class LineAndOwnEndDisagreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BUNDLE = Path.of("qa-bundles/s16j-04-cy-mobilisation-asct-early-relapse-cart-within-120-days.json");

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    @Test
    void aRecordedEndThatKeepsADrugOutOfItsLinesRefractorinessLeavesItUndecided() throws Exception {
        Assessment a = Samples.evaluate((ObjectNode) JSON.readTree(BUNDLE.toFile()));
        assertTrue(exposure(a, "BORTEZOMIB").refractory());
        Findings.Exposure len = exposure(a, "LENALIDOMIDE");
        assertFalse(len.refractory());
        assertTrue(len.refractoryUnknown(), len.toString());
        List<String> gaps = Samples.gapTexts(a, "REFRACTORY_STATUS_UNKNOWN");
        assertTrue(gaps.stream().anyMatch(g -> g.startsWith("lenalidomide refractoriness undecided: the progression")
                && g.contains("which makes bortezomib of the same line refractory, but 98 days after lenalidomide's own"
                + " recorded end on 2024-04-08")), gaps.toString());
        assertEquals("UNKNOWN", Samples.criterion(a, "DARA_RD", "pollux-population").outcome());
    }

    @Test
    void nearMissLenalidomideRecordedToWithin60DaysOfTheProgressionIsRefractoryByItsOwnCourse() throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(BUNDLE.toFile());
        for (var e : b.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals("vrd-len")) {
                ((ObjectNode) e.path("resource").path("effectivePeriod")).put("end", "2024-06-01");
            }
        }
        Assessment a = Samples.evaluate(b);
        assertTrue(exposure(a, "LENALIDOMIDE").refractory());
        assertFalse(Samples.gapTexts(a, "REFRACTORY_STATUS_UNKNOWN").stream()
                .anyMatch(g -> g.contains("own recorded end")));
    }
}
