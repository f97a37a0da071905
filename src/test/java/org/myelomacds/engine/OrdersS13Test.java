package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session s13 "orders3" (issue 10 bullets 4 and 7): FINDINGS D3 (the line whose order an authorised supply no longer
 * carries through a progression names CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION in its reason), D1 (a still
 * active steroid order with no end) and sweep s12-partial3 P3-1 (an order not known to be started leaves undecided only
 * the criteria about its drug).
 */
class OrdersS13Test {
    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static String lineReason(Assessment a, int number) {
        return a.findings().priorTherapy().lines().stream().filter(l -> l.number() == number).findFirst()
                .orElseThrow().reason();
    }

    @Test
    void d3TheLineWhoseOrderEndsAtTheProgressionCitesThePolicy() {
        Assessment a = evaluate("s12a-01-mr-only-vrd-asct-lenmaint-repeats-pd-kd");
        String reason = lineReason(a, 1);
        assertTrue(reason.contains("lenalidomide (MedicationRequest/len-maint) read as given up to the progression on"
                + " 2025-03-03, not to 2026-09-01") && reason.contains("CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION"),
                reason);
        assertFalse(lineReason(a, 2).contains("CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION"));
    }

    @Test
    void d3NearMissAFillAfterTheProgressionKeepsTheOrderAndCitesNoCut() {
        Assessment a = evaluate("s12o-01-lenmaint-repeats-pd-kd-fill-after-pd");
        a.findings().priorTherapy().lines().forEach(l -> assertFalse(
                l.reason().contains("CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION"), l.reason()));
    }
}
