package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep s19 V1 (CDS-POLICY-CYCLE-CHARTED-INFUSION): carfilzomib charted only on day 1 of each 28-day cycle, its last
 * record 64 days before the progression while the Kd dexamethasone ran to 27 days before it, is read as charted once
 * per cycle: its last dose lies some day of its last cycle, so refractoriness is UNKNOWN with a gap naming the record,
 * never "not refractory". A progression within 60 days of the last record stays refractory.
 */
class CarfilzomibChartedPerCycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String name) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile()));
    }

    private static Findings.Exposure carfilzomib(Assessment a) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals("CARFILZOMIB")).findFirst().orElseThrow();
    }

    @Test
    void day1ChartedCarfilzomibWithTheLastRecord64DaysBeforeProgressionIsUndecided() throws Exception {
        Assessment a = evaluate("s19v-04-moved-hospitals-gap-asct-snomed-only-then-kd");
        Findings.Exposure k = carfilzomib(a);
        assertFalse(k.refractory());
        assertTrue(k.refractoryUnknown(), "never 'not refractory'");
        assertTrue(Samples.gapTexts(a, "REFRACTORY_STATUS_UNKNOWN").stream().anyMatch(t -> t.contains(
                "carfilzomib charted once per cycle") && t.contains("some day from 2025-09-15 to 2025-10-12")
                && t.contains("CDS-POLICY-CYCLE-CHARTED-INFUSION")), "the gap names the record and the interval");
    }

    @Test
    void nearMissProgression56DaysAfterTheLastRecordStaysRefractory() throws Exception {
        assertTrue(carfilzomib(evaluate("s19v-04b-kd-day1-charting-progression-56-days-after-last-charted-dose")).refractory());
        assertTrue(carfilzomib(evaluate("s19v-01-three-lines-statements-requests-sparse-admins")).refractory());
    }
}
