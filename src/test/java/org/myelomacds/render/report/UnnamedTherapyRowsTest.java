package org.myelomacds.render.report;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep S X4 and Sweep Q part 2 V5 (qa-bundles/FINDINGS.md): the patient table's words for therapy the engine cannot
 * name. X4: "may add lines" only when a course of it lies in no placed line (a blinded study drug begun with Kd on its
 * first day is counted with L2), and where it stands the Setting row says it too. V5: when that therapy leaves anti-CD38
 * exposure unknown, the Anti-CD38 row says it may have been one, not "no anti-CD38 exposure recorded".
 */
class UnnamedTherapyRowsTest {
    private static final String PLACED_IN_LINE_2 = "s19x-08-kd-plus-blinded-study-drug-from-the-same-day-one-line";
    private static final String TWO_TRIAL_LINES_UNPLACED = "s19w-10-two-trials-study-drug-named-by-the-same-words-then-kd";
    private static final String TRIAL_LINE_UNPLACED = "s19v-03-trial-investigational-drug-in-line2";
    private static final String NO_UNNAMED_THERAPY = "s19v-04-moved-hospitals-gap-asct-snomed-only-then-kd";

    private static String markdown(String name) {
        Assessment a = Samples.evaluate(Path.of("qa-bundles", name + ".json"), Jurisdiction.US,
                org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL);
        return MarkdownReport.render(a);
    }

    private static String row(String md, String name) {
        return md.lines().filter(l -> l.startsWith("| " + name + " |")).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void unnamedTherapyPlacedInACountedLineAddsNoHedge() {
        String md = markdown(PLACED_IN_LINE_2);
        assertTrue(row(md, "Prior lines").startsWith("| Prior lines | 2: L1 "), row(md, "Prior lines"));
        assertFalse(row(md, "Setting").contains(UnnamedTherapyWords.MAY_ADD_LINES), row(md, "Setting"));
    }

    @Test
    void nearMissUnnamedTherapyInNoPlacedLineKeepsTheHedgeInBothRows() {
        String md = markdown(TWO_TRIAL_LINES_UNPLACED);
        assertTrue(row(md, "Prior lines").contains("2 counted, and " + UnnamedTherapyWords.MAY_ADD_LINES), row(md, "Prior lines"));
        assertTrue(row(md, "Setting").endsWith("; " + UnnamedTherapyWords.MAY_ADD_LINES + ") |"), row(md, "Setting"));
    }

    @Test
    void unnamedTherapyLeavingAntiCd38ExposureUnknownIsPossiblyGivenInTheAntiCd38Row() {
        String md = markdown(TRIAL_LINE_UNPLACED);
        assertEquals("| Anti-CD38 | possibly given: therapy the engine cannot name (unclassified antineoplastic, 2023-05-24"
                + " to 2026-07-29) may have been an anti-CD38 antibody: exposure and washout undecided |", row(md, "Anti-CD38"));
        assertFalse(md.contains("No anti-CD38 exposure recorded."));
    }

    @Test
    void nearMissNoUnnamedTherapyStaysNoAntiCd38ExposureRecorded() {
        String md = markdown(NO_UNNAMED_THERAPY);
        assertEquals("| Anti-CD38 | no anti-CD38 exposure recorded |", row(md, "Anti-CD38"));
    }
}
