package org.myelomacds.render.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Findings;

/** Sweep s11 RL4: the line table names a possible progression from the M-protein as possible, not preliminary. */
class StatusWordsS12Test {
    @Test
    void aPossibleProgressionFromTheMProteinReadsAsPossibleAndNotConfirmed() {
        assertEquals("possible progression (serum M-protein rise, not confirmed)", ReportView.statusWords(
                new Findings.StatusEvent("2026-08-20", "PRELIMINARY_PROGRESSION", List.of(), "serum M-protein rose ...")));
    }

    @Test
    void nearMissAConfirmedRiseAndAPreliminaryAssessmentKeepTheirWords() {
        assertEquals("progression (serum M-protein rise)", ReportView.statusWords(
                new Findings.StatusEvent("2026-08-20", "PROGRESSION", List.of(), "serum M-protein rose ...")));
        assertEquals("preliminary progression", ReportView.statusWords(
                new Findings.StatusEvent("2026-08-20", "PRELIMINARY_PROGRESSION", List.of(), null)));
    }
}
