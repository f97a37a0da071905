package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.Statement;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A severe persistent asthma recorded as resolved still counts for CANDOR's "within the past 2 years" (clinical-evidence.md
 * §4, §7) when it resolved inside the window, and leaves the population undecided when the resolution date is missing
 * or straddles the window's first day (qa-bundles/asthma-severe-resolved-*; as of 2026-11-01).
 */
class ResolvedAsthmaTrialWindowTest {
    private static Statement candor(String bundle) {
        Assessment a = Samples.evaluate(Samples.projectDir().resolve("qa-bundles/" + bundle + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
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
}
