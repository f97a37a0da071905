package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DataGapItem;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.Statement;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A severe persistent asthma recorded as resolved still counts for CANDOR's "within the past 2 years" (clinical-evidence.md
 * §4, §7) when it resolved inside the window, and leaves the population undecided when the resolution date is missing
 * or straddles the window's first day (qa-bundles/asthma-severe-resolved-*; as of 2026-11-01).
 */
class ResolvedAsthmaTrialWindowTest {
    private static Assessment evaluate(String bundle) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles/" + bundle + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static List<DataGapItem> resolutionGaps(String bundle) {
        return evaluate(bundle).dataGaps().stream().filter(g -> g.code().equals("ASTHMA_RESOLUTION_UNKNOWN")).toList();
    }

    private static Statement candor(String bundle) {
        Assessment a = evaluate(bundle);
        Recommendation dkd = a.recommendations().stream().filter(r -> r.regimen().equals("DARA_KD")).findFirst().orElseThrow();
        List<Statement> s = dkd.rationale().stream().filter(x -> x.criterion().equals("candor-population")).toList();
        assertEquals(1, s.size(), dkd.rationale().toString());
        return s.get(0);
    }

    @Test
    void resolvedWithinTwoYearsIsOutsideCandor() {
        Statement s = candor("asthma-severe-resolved-2025-06");
        assertEquals("FAILED", s.outcome(), s.text());
    }

    @Test
    void nearMissResolvedMoreThanTwoYearsAgoStillMatchesCandor() {
        Statement s = candor("asthma-severe-resolved-2023");
        assertEquals("MET", s.outcome(), s.text());
    }

    @Test
    void anUndatedOrStraddlingResolutionLeavesCandorUndecided() {
        for (String bundle : List.of("asthma-severe-resolved-undated", "asthma-severe-resolved-2024")) {
            Statement s = candor(bundle);
            assertEquals("UNKNOWN", s.outcome(), bundle + ": " + s.text());
            assertTrue(s.text().contains("asthma-resolution"), s.text());
        }
    }

    /** The undecided window is a data gap naming the record, its abatement as recorded and the window's first day. */
    @Test
    void anUndatedResolutionIsADataGapNamingTheRecordAndBothWindows() {
        List<DataGapItem> gaps = resolutionGaps("asthma-severe-resolved-undated");
        assertEquals(1, gaps.size(), gaps.toString());
        DataGapItem g = gaps.get(0);
        assertTrue(g.text().contains("Condition/asthma-1; recorded as resolved, with no abatement date"), g.text());
        assertTrue(g.text().contains("from 2024-11-01") && g.text().contains("SIRIUS") && g.text().contains("from 2021-11-01"), g.text());
        assertEquals(List.of("DARA_KD", "DARA_MONO", "DARA_RD", "DARA_VD"), g.wouldAffect());
    }

    @Test
    void aYearStraddlingTheTwoYearBoundIsADataGapForTheTwoYearWindowOnly() {
        List<DataGapItem> gaps = resolutionGaps("asthma-severe-resolved-2024");
        assertEquals(1, gaps.size(), gaps.toString());
        DataGapItem g = gaps.get(0);
        assertTrue(g.text().contains("recorded as resolved on 2024, a month or year only"), g.text());
        // 2024 lies wholly within SIRIUS's 5 years (FLAG-PULM-21 decides daratumumab monotherapy)
        assertFalse(g.text().contains("SIRIUS"), g.text());
        assertEquals(List.of("DARA_KD", "DARA_RD", "DARA_VD"), g.wouldAffect());
    }

    @Test
    void nearMissesADecidedResolutionIsNoDataGap() {
        // 2024-11 lies wholly inside the 2 years, 2025-06-01 is a day inside, 2023-06-01 a day before it (and inside SIRIUS's 5)
        for (String bundle : List.of("asthma-severe-resolved-2024-11", "asthma-severe-resolved-2025-06", "asthma-severe-resolved-2023")) {
            assertEquals(List.of(), resolutionGaps(bundle), bundle);
        }
    }
}
