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
 * 2026-09: lenalidomide, bortezomib and carfilzomib are not refractory whichever way the maintenance is counted, and
 * ixazomib, with the progression 9 days after its own last dose, is refractory in both (finding AA5). Near miss: the
 * scope is dropped with another cause.
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
                && t.contains("refractoriness is not")), gaps.toString());
        assertTrue(gaps.stream().noneMatch(t -> t.contains("naive and not-refractory criteria")), "the whole history is not open");
        for (String drug : List.of("LENALIDOMIDE", "BORTEZOMIB", "CARFILZOMIB")) {
            assertFalse(exposure(a, drug).refractoryUnknown(), drug + ": no progression in its windows in either reading");
            assertFalse(exposure(a, drug).refractory(), drug);
        }
        // near miss: the maintenance drug with the progression 9 days after its own last dose is refractory, and, as
        // that is so in both readings (finding AA5), decided
        assertTrue(exposure(a, "IXAZOMIB").refractory());
        assertFalse(exposure(a, "IXAZOMIB").refractoryUnknown());
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

    /**
     * Finding AA5: two uncharted cyclophosphamide doses on days +3/+4 after an autologous transplant
     * (CDS-POLICY-MOBILISATION-UNCHARTED), lenalidomide maintenance to 14 days before the progression. The course adds at
     * most one line (the maintenance after it is not a further line), and lenalidomide is refractory by its own course in
     * both readings, so it is decided. Near miss: ixazomib of s18n-03bc, refractory only by the reading that places it,
     * stays undecided (drugsNoReadingMakesRefractoryStayDecided).
     */
    @Test
    void aDrugRefractoryByItsOwnCourseInEveryReadingStaysDecided() {
        Assessment a = evaluate("s21a-02-auto-sct-cyclophosphamide-days-3-4-no-words-then-r-maint-pd-kd");
        assertEquals(2, a.findings().priorTherapy().linesMin());
        assertEquals(3, a.findings().priorTherapy().linesMax(), "one uncharted course adds at most one line");
        assertTrue(exposure(a, "LENALIDOMIDE").refractory());
        assertFalse(exposure(a, "LENALIDOMIDE").refractoryUnknown(), "refractory in both readings");
        assertEquals("UNKNOWN", Samples.criterion(a, "DARA_PD", "apollo-population").outcome(),
                "the count is a range: the population reads the count as placed (DERIVE-HISTORY-23)");
        List<String> gaps = Samples.gapTexts(a, "PRIOR_THERAPY_UNKNOWN");
        assertTrue(gaps.stream().anyMatch(t -> t.contains("the number of lines is 2 to 3")), gaps.toString());
    }

    /**
     * Finding AA3: bortezomib on days +1/+4/+7 of an allograft charted as GVHD prophylaxis joins the line by the window
     * (CDS-POLICY-WINDOW-NEW-DRUG), and the next progression came 2.6 years later: no reading makes bortezomib or
     * carfilzomib refractory, so only the count is undecided. Near miss: the count stays a range.
     */
    @Test
    void noDrugWhoseAnswerDiffersLeavesOnlyTheCountUndecided() {
        Assessment a = evaluate("s21a-03-allo-bortezomib-days-1-4-7-charted-gvhd-prophylaxis-then-relapse-dara-pd");
        for (String drug : List.of("BORTEZOMIB", "CARFILZOMIB")) {
            assertFalse(exposure(a, drug).refractoryUnknown(), drug);
            assertFalse(exposure(a, drug).refractory(), drug);
        }
        List<String> gaps = Samples.gapTexts(a, "PRIOR_THERAPY_UNKNOWN");
        assertTrue(gaps.stream().anyMatch(t -> t.contains("the number of lines is 3 to 4")
                && t.contains("refractoriness is not")), gaps.toString());
        assertEquals(3, a.findings().priorTherapy().linesMin());
        assertEquals(4, a.findings().priorTherapy().linesMax());
    }
}
