package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    private static String trialOutcome(Assessment a, String regimen) {
        return a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).flatMap(r -> r.rationale().stream())
                .filter(c -> "TRIAL_POPULATION".equals(c.kind()) && "UNKNOWN".equals(c.outcome())
                        && c.text().startsWith("The drug history is incomplete"))
                .map(c -> c.text()).findFirst().orElse(null);
    }

    @Test
    void p31AnOnHoldPomalidomideOrderLeavesOnlyThePopulationsDefinedByPomalidomideUndecided() {
        Assessment a = evaluate("s11a-b4-order-statuses-around-relapse");
        // the count stays a range: the line-gated criteria keep it
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("PRIOR_THERAPY_UNKNOWN")
                && g.text().contains("the number of lines is 1 to 2") && g.text().contains("naivety to and refractoriness to pomalidomide")));
        // CASTOR (PIs), CANDOR and IKEMA (carfilzomib) are not about pomalidomide: decided
        assertNull(trialOutcome(a, "DARA_VD"));
        assertNull(trialOutcome(a, "DARA_KD"));
        assertNull(trialOutcome(a, "ISA_KD"));
        // APOLLO and ICARIA-MM exclude prior pomalidomide: undecided, naming the order
        assertTrue(trialOutcome(a, "DARA_PD").contains("pomalidomide ordered, not known to be started"));
        assertTrue(trialOutcome(a, "ISA_PD").contains("MedicationRequest/rx-pom-onhold"));
        // bortezomib's refractoriness is no longer undecided by the order
        assertTrue(a.findings().exposures().stream().filter(e -> e.drug().equals("BORTEZOMIB"))
                .noneMatch(e -> e.refractoryUnknown()));
    }

    @Test
    void p31AnOnHoldCarfilzomibOrderLeavesThePopulationsOfCarfilzomibAPiAndTheLastLineUndecided() {
        Assessment a = evaluate("s13o-01-cfz-order-on-hold-after-relapse");
        assertNotNull(trialOutcome(a, "DARA_KD"));
        assertNotNull(trialOutcome(a, "ISA_KD"));
        assertNotNull(trialOutcome(a, "DARA_VD"));   // CASTOR: any PI
        assertNotNull(trialOutcome(a, "ISA_PD"));    // ICARIA-MM: given, the order would be the last line
        assertNull(trialOutcome(a, "DARA_PD"));      // APOLLO: lenalidomide, a PI (bortezomib), pomalidomide-naive
    }

    @Test
    void p31NearMissAnOrderThatWouldChangeAPlacedLineLeavesTheWholeHistoryUndecided() {
        Assessment a = evaluate("s13o-02-dara-order-on-hold-during-line1");
        for (String regimen : new String[] {"DARA_VD", "DARA_KD", "ISA_KD", "DARA_PD", "ISA_PD"}) {
            assertNotNull(trialOutcome(a, regimen), regimen);
            assertFalse(trialOutcome(a, regimen).contains("not known to be started ("), regimen);
        }
    }

    @Test
    void d1TheOldOpenDexamethasoneOrderIsNamedOnItsLineNotReadSilentlyAsOneDay() {
        Assessment a = evaluate("s12a-12-active-len-order-2021-no-fills-pd-2026");
        String reason = lineReason(a, 1);
        assertTrue(reason.contains("dexamethasone (MedicationRequest/rd-dex), an order still active with no end written on"
                + " 2021-02-01") && reason.contains("CDS-POLICY-ORDERS3-STEROID-OPEN-ORDER"), reason);
        // no THERAPY_END_UNKNOWN gap for the steroid: its end changes no decision
        assertTrue(a.dataGaps().stream().filter(g -> g.code().equals("THERAPY_END_UNKNOWN"))
                .noneMatch(g -> g.text().startsWith("dexamethasone")));
    }
}
