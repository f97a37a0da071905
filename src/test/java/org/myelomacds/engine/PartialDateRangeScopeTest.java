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
 * Finding I2 (CDS-POLICY-RANGE-SCOPE, DERIVE-HISTORY-14, GAP-THERAPY-93): a line count made a range by the partial date of
 * one progression leaves undecided only refractoriness to the drugs of the lines whose grouping the day changes, and to
 * the last line when it differs; a line every day leaves as it is keeps its decided refractoriness. Near misses: the
 * progression dated to the day (no range, everything decided); two partial dates (the whole history stays open).
 */
class PartialDateRangeScopeTest {
    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    @Test
    void aMonthDatedProgressionThatSplitsALaterLineLeavesTheEarlyLinesDrugsDecided() {
        Assessment a = evaluate("s16s-01-vcd-2016-rd-interrupted-pd-dated-july-only-rd-restarted");
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("PRIOR_THERAPY_UNKNOWN")
                && g.text().contains("the number of lines is 2 to 3")
                && g.text().contains("so is refractoriness to lenalidomide and to the last line")
                && g.text().contains("line 2 as it would be (2018-04-02 to 2025-10-31:")), a.dataGaps().toString());
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.text().contains("naive and not-refractory criteria")),
                "the whole history is not left open");
        assertTrue(exposure(a, "LENALIDOMIDE").refractoryUnknown(), "the split line's drug");
        assertFalse(exposure(a, "LENALIDOMIDE").refractory());
        for (String drug : List.of("BORTEZOMIB", "CYCLOPHOSPHAMIDE")) {
            assertFalse(exposure(a, drug).refractoryUnknown(), drug + ": line 1 is the same on every day of July");
            assertFalse(exposure(a, drug).refractory(), drug);
        }
        // the population rules read the count as placed: with a range, every population stays undecided
        for (String[] p : new String[][] {{"DARA_VD", "castor-population"}, {"DARA_RD", "pollux-population"},
                {"ISA_PD", "icaria-population"}, {"DARA_KD", "candor-population"}}) {
            assertEquals("UNKNOWN", Samples.criterion(a, p[0], p[1]).outcome(), p[0]);
        }
    }

    @Test
    void nearMissTheProgressionDatedToTheDayMakesNoRangeAndDecidesEveryDrug() {
        Assessment a = evaluate("s16s-01b-vcd-2016-rd-interrupted-pd-dated-to-the-day-before-restart");
        assertEquals(3, a.findings().priorTherapy().priorLines());
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.text().startsWith("Line count undecided")), a.dataGaps().toString());
        assertTrue(a.findings().exposures().stream().noneMatch(Findings.Exposure::refractoryUnknown));
    }

    @Test
    void nearMissTwoPartialDatesLeaveTheWholeHistoryOpen() {
        Assessment a = evaluate("s16s-02-vcd-2016-rd-interrupted-two-progressions-dated-by-month");
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.text().contains("the number of lines is 2 to 3")
                && g.text().contains("naive and not-refractory criteria")), a.dataGaps().toString());
        assertTrue(exposure(a, "BORTEZOMIB").refractoryUnknown(), "not every mix of the two dates' days was tried");
    }

    @Test
    void theNarrowScopeHoldsOnlyWhileThePartialDateIsTheOnlyCause() {
        LineCountUncertain u = LineCountUncertain.ofPartialDates(3, 2, 3,
                List.of("Observation/pd-2 (progression in 2025-07)"), List.of());
        assertFalse(u.isPartialDateOnly(), "the lines were not compared: the whole history stays open");
        LineCountUncertain scoped = u.withPartialDateScope(new LineCountUncertain.UseUnknownScope(List.of("line 2"),
                List.of(Drug.LENALIDOMIDE), true));
        assertTrue(scoped.isPartialDateOnly());
        assertEquals(List.of(Drug.LENALIDOMIDE), scoped.getPartialDateDrugs());
        // near misses: joined to another partial date, or to an unknown end, the whole history is open again
        assertFalse(scoped.and(LineCountUncertain.ofPartialDates(3, 3, 4,
                List.of("Observation/pd-1 (progression in 2018-03)"), List.of())).isPartialDateOnly());
        assertFalse(scoped.and(LineCountUncertain.ofUnknownEnds(3, 3, 4,
                List.of("MedicationRequest/r (lenalidomide on 2023-02-04)"), List.of())).isPartialDateOnly());
        assertFalse(u.and(scoped).isPartialDateOnly(), "either order");
    }
}
