package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FINDINGS (Sweep A, lower severity) and CDS-POLICY-HISTORY-STATUS-UNKNOWN: a MedicationStatement with status "unknown"
 * (FHIR R4: the state of the medication use is not currently known) may or may not have been taken. It must not make a
 * certain line 4 and anti-CD38 refractoriness, nor vanish: the line count is a range naming it, and the anti-CD38
 * refractoriness caution is undecided. Near misses: the same statement completed; one inside the span of the same drug
 * recorded as taken changes nothing.
 */
class StatementUseUnknownTest {
    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static boolean flag(Assessment a, String code) {
        return a.flags().stream().anyMatch(f -> f.code().equals(code))
                || a.recommendations().stream().anyMatch(r -> r.flags().stream().anyMatch(f -> f.code().equals(code)));
    }

    @Test
    void aDaratumumabStatementWithStatusUnknownIsNeitherACertainLineNorSilent() {
        Assessment a = evaluate("stmt-dara-status-unknown");
        assertEquals(3, a.findings().priorTherapy().priorLines());
        assertTrue(a.findings().exposures().stream().noneMatch(e -> e.drug().equals("DARATUMUMAB")));
        assertFalse(flag(a, "ANTI_CD38_REFRACTORY"));
        assertTrue(flag(a, "ANTI_CD38_REFRACTORY_UNKNOWN"));
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("PRIOR_THERAPY_UNKNOWN")
                && g.text().contains("the number of lines is 3 to 4") && g.text().contains("MedicationStatement/stmt-dara-unknown")));
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("PRIOR_THERAPY_UNKNOWN")
                && g.text().contains("status 'unknown'") && g.text().contains("73 days before 2026-11-01")));
    }

    @Test
    void nearMissTheSameStatementCompletedIsALineAndAntiCd38Refractoriness() {
        Assessment a = evaluate("s11h-stmt-dara-status-completed");
        assertEquals(4, a.findings().priorTherapy().priorLines());
        assertTrue(flag(a, "ANTI_CD38_REFRACTORY"));
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.text().contains("status 'unknown'")));
    }

    @Test
    void nearMissAStatementWithStatusUnknownInsideTheSpanOfTheSameDrugTakenChangesNothing() {
        Assessment a = evaluate("s11h-stmt-len-unknown-inside-line3");
        assertEquals(3, a.findings().priorTherapy().priorLines());
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.text().contains("status 'unknown'")), a.dataGaps().toString());
    }
}
