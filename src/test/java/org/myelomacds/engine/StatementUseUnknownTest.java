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
 * recorded as taken changes nothing. R14-1: only the decisions the statement could change are undecided (the drugs of
 * the lines that differ when it is read as taken, the count, the last line); near miss: one that changes no line leaves
 * only its own use undecided.
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
        // R14-1: read as taken, the statement splits line 3 (IRd) and adds line 4 (D-IRd): only refractoriness to the
        // drugs of those lines and to the last line is undecided; line 1's bortezomib and line 2's carfilzomib are not.
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.text().contains("so is refractoriness to daratumumab, lenalidomide,"
                + " ixazomib and to the last line") && g.text().contains("line 4 as it would be (2026-03-01 to 2026-09-15:")),
                a.dataGaps().toString());
        assertFalse(exposure(a, "BORTEZOMIB").refractoryUnknown(), "line 1 is the same in both readings");
        assertFalse(exposure(a, "BORTEZOMIB").refractory());
        assertTrue(exposure(a, "CARFILZOMIB").refractory());
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.text().contains("naive and not-refractory criteria")),
                "the whole history is not left open");
    }

    private static org.myelomacds.assessment.Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    @Test
    void aStatusUnknownStatementThatWouldBeALineOfItsOwnLeavesOnlyItsDrugTheCountAndTheLastLineUndecided() {
        Assessment a = evaluate("s15r-04-stmt-dara-status-unknown-after-the-last-line");
        assertEquals(3, a.findings().priorTherapy().priorLines());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.text().contains("the number of lines is 3 to 4")
                && g.text().contains("so is refractoriness to daratumumab and to the last line")), a.dataGaps().toString());
        assertTrue(a.findings().exposures().stream().noneMatch(e -> e.refractoryUnknown()), "lines 1 to 3 are as placed");
        assertEquals("UNKNOWN", Samples.criterion(a, "ISA_PD", "icaria-population").outcome(), "refractoriness to the last line");
        assertTrue(flag(a, "ANTI_CD38_REFRACTORY_UNKNOWN"));
    }

    @Test
    void nearMissAStatusUnknownStatementThatChangesNoLineLeavesOnlyItsOwnUseUndecided() {
        Assessment a = evaluate("s15r-05-stmt-dara-status-unknown-inside-line3-initial-regimen");
        assertEquals(3, a.findings().priorTherapy().priorLines());
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.text().startsWith("Line count undecided")), a.dataGaps().toString());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.text().startsWith("daratumumab use undecided")));
        assertTrue(a.findings().exposures().stream().noneMatch(e -> e.refractoryUnknown()));
    }

    @Test
    void theNarrowScopeHoldsOnlyWhileEveryCauseIsAStatementWithStatusUnknown() {
        org.myelomacds.facts.LineCountUncertain u = org.myelomacds.facts.LineCountUncertain.ofUseUnknown(3, 3, 4,
                java.util.List.of("MedicationStatement/s (daratumumab from 2026-03-01)"), java.util.List.of());
        assertFalse(u.isUseUnknownOnly(), "the lines were not compared: the whole history stays open");
        org.myelomacds.facts.LineCountUncertain scoped = u.withUseUnknownScope(
                new org.myelomacds.facts.LineCountUncertain.UseUnknownScope(java.util.List.of("line 3"),
                        java.util.List.of(org.myelomacds.facts.Drug.LENALIDOMIDE), true));
        assertTrue(scoped.isUseUnknownOnly());
        assertEquals(java.util.List.of(org.myelomacds.facts.Drug.LENALIDOMIDE), scoped.getUseUnknownDrugs());
        // near miss: with a partial date among the causes, the whole history is open again (DERIVE-HISTORY-02)
        org.myelomacds.facts.LineCountUncertain both = scoped.and(org.myelomacds.facts.LineCountUncertain.ofPartialDates(
                3, 3, 4, java.util.List.of("Observation/p (progression in 2024)"), java.util.List.of()));
        assertFalse(both.isUseUnknownOnly());
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
