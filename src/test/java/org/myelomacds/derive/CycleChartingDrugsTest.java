package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.Drug;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CDS-POLICY-CYCLE-CHARTED-INFUSION: only a drug no schedule gives once a cycle is read as charted once per cycle. */
class CycleChartingDrugsTest {
    @Test
    void carfilzomibIsNeverGivenOnceACycle() {
        assertTrue(CycleCharting.dosedWeeklyOrMore(Drug.CARFILZOMIB));
    }

    @Test
    void nearMissFourWeeklyAntiCd38DosesAreDosesOnTheirDay() {
        assertFalse(CycleCharting.dosedWeeklyOrMore(Drug.DARATUMUMAB));
        assertFalse(CycleCharting.dosedWeeklyOrMore(Drug.ISATUXIMAB));
    }
}
