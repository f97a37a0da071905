package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 item 3 for the Cockcroft-Gault inputs (DERIVE-CURRENT-03), on the EHR-shaped bundles of qa-bundles/: when a
 * partial date leaves open which weight or creatinine is current and the other choice changes a renal decision, the
 * creatinine clearance is undecided (no band, not used, a gap naming every input); the near miss whose choices agree
 * keeps the estimate as computed.
 */
class CockcroftGaultChoiceUndecidedTest {
    private static Assessment evaluate(String name) {
        Path bundle = Samples.projectDir().resolve("qa-bundles").resolve(name + ".json");
        return Samples.evaluate(bundle, Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
    }

    private static Findings.Renal crcl(Assessment a) {
        return a.findings().renal().stream().filter(r -> r.metric().equals("CRCL") && r.current()).findFirst().orElseThrow();
    }

    @Test
    void aWeightDatedOnlyByMonthThatChangesTheBandLeavesTheCreatinineClearanceUndecided() {
        Assessment a = evaluate("crcl-weight-month-vs-day-differ");
        Findings.Renal r = crcl(a);
        assertNull(r.category(), "no band is known");
        assertTrue(r.stale(), "not used");
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RENAL_RESULT_STALE")
                && g.text().contains("Observation/weight-day") && g.text().contains("Observation/weight-month")
                && g.text().contains("29.2 mL/min")), a.dataGaps().toString());
        assertTrue(a.flags().stream().noneMatch(f -> f.code().equals("RENAL_DOSE_ADJUSTMENT")), "no dose band from an undecided value");
    }

    @Test
    void nearMissWeightsThatGiveTheSameBandKeepTheEstimate() {
        Assessment a = evaluate("crcl-weight-month-vs-day-same-band");
        Findings.Renal r = crcl(a);
        assertEquals("MODERATE", r.category());
        assertEquals(38.3, r.value(), 1e-9);
        assertFalse(r.stale());
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.code().equals("RENAL_RESULT_STALE")));
    }

    @Test
    void aCreatinineDatedOnlyByYearOrAMonthlyCreatinineBetweenTwoWeightsLeavesItUndecided() {
        for (String name : new String[] { "crcl-creatinine-year-vs-day-differ", "crcl-creatinine-month-weights-differ" }) {
            Assessment a = evaluate(name);
            assertNull(crcl(a).category(), name);
            assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RENAL_RESULT_STALE")), name);
        }
        assertEquals("2026-10", crcl(evaluate("crcl-creatinine-month-weights-differ")).date(), "the creatinine's precision is kept");
    }
}
