package org.myelomacds.render.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

/**
 * qa-bundles/FINDINGS.md L7: a blinded anti-CD38 study product ("Daratumumab 1800 mg SC or placebo") leaves anti-CD38
 * exposure undecided (CDS-POLICY-BLINDED-STUDY-DRUG); the report's "Anti-CD38" row, its anti-CD38 section and the
 * timeline's text say the antibody was possibly given, with the last record, and that exposure and washout are
 * undecided, not "no anti-CD38 exposure recorded". With no anti-CD38 product at all, or a blinded product of another
 * class, they still say none was recorded.
 */
class BlindedAntiCd38TextTest {
    private static final String POSSIBLY = "possibly given: daratumumab (blinded study product, last record 2026-06-04):"
            + " exposure and washout undecided";

    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    @Test
    void aBlindedAnti_Cd38ProductIsPossiblyGivenNotUnrecorded() {
        Assessment a = evaluate("s17l-08-blinded-daratumumab-or-placebo-with-kd-pd-on-it");
        String md = MarkdownReport.render(a);
        assertTrue(md.contains("| Anti-CD38 | " + POSSIBLY + " |"), md);
        assertTrue(md.contains("_Anti-CD38 antibody " + POSSIBLY + "._"), md);
        assertFalse(md.contains("o anti-CD38 exposure recorded"), md);
        String html = HtmlReport.render(a);
        assertTrue(html.contains("Anti-CD38 antibody " + POSSIBLY + "."), html);
        assertFalse(html.contains("o anti-CD38 exposure recorded"), html);
    }

    @Test
    void nearMissABlindedProductOfAnotherClassLeavesAnti_Cd38Unrecorded() {
        String md = MarkdownReport.render(evaluate("s17k-15b-blinded-ixazomib-or-placebo-with-rd-second-line"));
        assertTrue(md.contains("| Anti-CD38 | no anti-CD38 exposure recorded |"), md);
        assertTrue(md.contains("_No anti-CD38 exposure recorded._"), md);
        assertFalse(md.contains("Anti-CD38 antibody possibly given"), md);
    }
}
