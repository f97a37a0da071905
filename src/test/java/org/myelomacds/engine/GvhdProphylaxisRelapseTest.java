package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding AA7 (CDS-POLICY-GVHD-PROPHYLAXIS): cyclophosphamide on days +1 to +7 after an allogeneic transplant is read as
 * its GVHD prophylaxis only with nothing saying otherwise. A progression recorded after the transplant and by the dose
 * (day +2, the Cd from day +5) makes it the relapse's therapy: the next line starts with it. Near miss: the
 * post-transplant cyclophosphamide of days +3/+4 with no progression before it stays in the allograft line.
 */
class GvhdProphylaxisRelapseTest {
    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static List<Findings.Line> lines(Assessment a) {
        return a.findings().priorTherapy().lines();
    }

    @Test
    void cyclophosphamideAfterAProgressionFollowingTheAllograftStartsTheNextLine() {
        Assessment a = evaluate("s21a-01-allo-early-relapse-day-2-weekly-cd-salvage-from-day-5");
        assertEquals(3, lines(a).size());
        assertEquals("2021-10-18", lines(a).get(1).end(), "the day +5 dose is not the allograft's");
        assertEquals("2021-10-23", lines(a).get(2).start());
        assertTrue(lines(a).get(2).drugs().contains("CYCLOPHOSPHAMIDE"), lines(a).get(2).drugs().toString());
    }

    @Test
    void postTransplantCyclophosphamideWithNoProgressionBeforeItStaysTheGraftsProphylaxis() {
        for (String name : List.of("s21a-04-allo-ruxolitinib-for-chronic-gvhd-then-relapse-vd",
                "s21a-05-allo-preemptive-dli-for-mixed-chimerism-no-progression-then-relapse-pd")) {
            Assessment a = evaluate(name);
            Findings.Line allograft = lines(a).get(1);
            assertEquals("2021-10-22", allograft.end(), name);
            assertTrue(allograft.drugs().contains("CYCLOPHOSPHAMIDE"), name);
            assertFalse(lines(a).stream().skip(2).anyMatch(l -> l.drugs().contains("CYCLOPHOSPHAMIDE")), name);
        }
    }
}
