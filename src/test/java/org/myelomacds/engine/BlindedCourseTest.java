package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep M1 (qa-bundles/FINDINGS.md, CDS-POLICY-BLINDED-STUDY-DRUG): blinded "ixazomib or placebo" with Rd, a progression,
 * then open-label ixazomib in the same line. The blinded records stay blinded (a progression lies between), but the
 * line's course of ixazomib began at the first blinded capsule, so ixazomib was refractory to the progression before its
 * first open-label dose and daratumumab monotherapy was on label as double-refractory.
 */
class BlindedCourseTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String name) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile()));
    }

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    @Test
    void blindedRecordsAreNoPartOfTheOpenLabelCourseInTheirLine() throws Exception {
        Assessment a = evaluate("s17m-03-blinded-ixazomib-pd-then-open-label-same-line-no-new-regimen");
        Findings.Exposure ixa = exposure(a, "IXAZOMIB");
        assertFalse(ixa.refractory(), ixa.toString());
        assertTrue(ixa.refractoryUnknown(), ixa.toString());
        assertTrue(a.findings().refractoriness().stream().noneMatch(i -> i.code().equals("IXAZOMIB")));
        assertTrue(a.notRecommended().stream().anyMatch(n -> n.regimen().equals("DARA_MONO")
                && n.status().equals("INSUFFICIENT_DATA")), "double-refractoriness is undecided, not met");
    }

    @Test
    void nearMissAnOpenLabelRecordContinuingTheBlindedCourseStillUnblindsIt() throws Exception {
        Assessment a = evaluate("s17b-03-blinded-ixazomib-unblinded-by-ixazomib-record");
        assertTrue(exposure(a, "IXAZOMIB").refractory());
        assertEquals(0, Samples.gapTexts(a, "PRIOR_THERAPY_UNKNOWN").stream().filter(g -> g.contains("possibly given")).count());
    }
}
