package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.facts.LineCountUncertain;
import org.myelomacds.scenario.Samples;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding N4 (CDS-POLICY-RANGE-SCOPE, DERIVE-HISTORY-17, GAP-THERAPY-117): a line count made a range by therapy that
 * joined a line only by a day-count window (CDS-POLICY-WINDOW-NEW-DRUG) leaves undecided only the drugs some reading may
 * make refractory. VRd-ASCT, ixazomib maintenance joining line 1 by the window, PD 2021-11-20 on it, Kd to 2023-05, PD
 * 2026-09: lenalidomide, bortezomib and carfilzomib are not refractory whichever way the maintenance is counted. Near
 * misses: ixazomib, with the progression on it, stays in the undecided scope; the scope is dropped with another cause.
 */
class WindowJoinRangeScopeTest {
    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    @Test
    void drugsNoReadingMakesRefractoryStayDecided() {
        Assessment a = evaluate("s18n-03bc-control-open-label-ixazomib-maintenance-then-kd-after-pd");
        List<String> gaps = Samples.gapTexts(a, "PRIOR_THERAPY_UNKNOWN");
        assertTrue(gaps.stream().anyMatch(t -> t.contains("the number of lines is 2 to 3")
                && t.contains("so is refractoriness to ixazomib:")), gaps.toString());
        assertTrue(gaps.stream().noneMatch(t -> t.contains("naive and not-refractory criteria")), "the whole history is not open");
        for (String drug : List.of("LENALIDOMIDE", "BORTEZOMIB", "CARFILZOMIB")) {
            assertFalse(exposure(a, drug).refractoryUnknown(), drug + ": no progression in its windows in either reading");
            assertFalse(exposure(a, drug).refractory(), drug);
        }
        // near miss: the maintenance drug with the progression on it is in the scope (refractory in the placed lines)
        assertTrue(exposure(a, "IXAZOMIB").refractory());
        // the population rules read the count as placed: with a range, they stay undecided as with a partial date
        assertEquals("UNKNOWN", Samples.criterion(a, "DARA_RD", "pollux-population").outcome());
    }

    @Test
    void theWindowJoinScopeHoldsOnlyWhileTheWindowJoinIsTheOnlyCause() {
        LineCountUncertain u = LineCountUncertain.ofWindowJoins(2, 2, 3,
                List.of("ixazomib from 2019-09-05 (MedicationAdministration/ixa)"), List.of());
        assertFalse(u.isWindowJoinOnly(), "the readings were not compared: the whole history stays open");
        LineCountUncertain scoped = u.withWindowJoinScope(new LineCountUncertain.UseUnknownScope(List.of("line 1"),
                List.of(Drug.CARFILZOMIB), false));
        assertTrue(scoped.isWindowJoinOnly());
        assertEquals(List.of(Drug.CARFILZOMIB), scoped.getWindowJoinDrugs());
        assertFalse(scoped.and(LineCountUncertain.ofPartialDates(2, 2, 3,
                List.of("Observation/pd-1 (progression in 2021-11)"), List.of())).isWindowJoinOnly());
        assertFalse(LineCountUncertain.ofUnknownEnds(2, 2, 3, List.of("MedicationRequest/r (lenalidomide on 2023-02-04)"),
                List.of()).and(scoped).isWindowJoinOnly(), "either order");
    }
}
