package org.myelomacds.engine;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CDS-POLICY-CART-COLLECTION (FINDINGS H3, H5): a T-cell collection for CAR-T manufacture charted before therapy that a
 * CAR-T follows makes that therapy bridging with no range, and a lone cyclophosphamide dose a CAR-T follows is not read
 * as a stem-cell mobilisation; near misses: no collection charted, or one charted after the therapy began, keep the
 * range. CDS-POLICY-PROGRESSION-PAIR (FINDINGS G1 remainder): two progressions with nothing given between and an
 * improvement between (or more than 180 days apart) name possibly missing therapy; near miss: a confirmation 28 days
 * later names nothing.
 */
class CarTCollectionAndProgressionPairTest {
    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static boolean recommended(Assessment a, String regimen) {
        return a.recommendations().stream().anyMatch(r -> r.regimen().equals(regimen));
    }

    @Test
    void aCollectionBeforeTheBridgingKdDecidesTheCountWithoutARange() {
        Assessment a = evaluate("s15h-06-cart-procedure-after-bridging-kd-no-pd-between");
        Findings.PriorTherapy prior = a.findings().priorTherapy();
        assertEquals(3, prior.priorLines());
        assertNull(prior.linesMin(), prior.toString());
        assertNull(prior.linesUndecided(), prior.toString());
        Findings.Line bridging = prior.lines().get(2);
        assertTrue(bridging.drugs().containsAll(List.of("CARFILZOMIB", "CILTACABTAGENE_AUTOLEUCEL")), bridging.drugs().toString());
        assertTrue(bridging.reason().contains("T-cell collection for CAR-T manufacture on 2023-10-09 (Procedure/leuka)")
                && bridging.reason().contains("CDS-POLICY-CART-COLLECTION"), bridging.reason());
        assertEquals(List.of(), Samples.gapTexts(a, "PRIOR_THERAPY_UNKNOWN"));
        assertTrue(recommended(a, "DARA_KD") && recommended(a, "ISA_KD"), "1 to 3 prior lines: US D-Kd and Isa-Kd on label");
    }

    @Test
    void nearMissNoCollectionChartedKeepsTheBridgingRange() {
        Findings.PriorTherapy prior = evaluate("s16c-01-near-miss-bridging-kd-cart-no-collection-charted").findings().priorTherapy();
        assertEquals(3, prior.linesMin(), prior.toString());
        assertEquals(4, prior.linesMax(), prior.toString());
        assertTrue(prior.linesUndecided().contains("CDS-POLICY-CART-BRIDGING"), prior.linesUndecided());
    }

    @Test
    void nearMissACollectionAfterTheKdBeganKeepsTheRange() {
        Findings.PriorTherapy prior = evaluate("s16c-02-near-miss-collection-after-bridging-kd-began").findings().priorTherapy();
        assertEquals(3, prior.linesMin(), prior.toString());
        assertEquals(4, prior.linesMax(), prior.toString());
    }

    @Test
    void aCyclophosphamideDoseBeforeTheCarTIsBridgingNotAStemCellMobilisation() {
        Assessment a = evaluate("s15h-12b-dpd-relapse-coded-leukapheresis-bridging-cy-single-dose-cart");
        Findings.PriorTherapy prior = a.findings().priorTherapy();
        assertEquals(3, prior.priorLines());
        assertNull(prior.linesMin(), prior.toString());
        assertEquals(List.of("DARATUMUMAB", "POMALIDOMIDE", "DEXAMETHASONE"), prior.lines().get(1).drugs());
        Findings.Line carT = prior.lines().get(2);
        assertEquals("2023-10-12", carT.start());
        assertTrue(carT.drugs().contains("CILTACABTAGENE_AUTOLEUCEL"), carT.drugs().toString());
        for (Findings.Line l : prior.lines()) {
            assertFalse(l.reason().contains("stem-cell mobilisation"), l.reason());
        }
    }

    @Test
    void nearMissABareCyclophosphamideDoseWithNoCarTAfterItStaysAnUndecidedMobilisation() {
        Findings.PriorTherapy prior = evaluate("s15h-03-vrd-gcsf-apheresis-then-bare-cy-4-months-later-r-pd").findings().priorTherapy();
        assertTrue(prior.linesUndecided().contains("CDS-POLICY-MOBILISATION-UNCHARTED"), prior.linesUndecided());
    }

    @Test
    void aResponseBetweenTwoProgressionsWithNothingGivenNamesMissingTherapy() {
        List<String> gaps = Samples.gapTexts(evaluate("s16c-03-two-progressions-partial-response-between-no-therapy"),
                "PRIOR_THERAPY_UNKNOWN");
        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).startsWith("Therapy between two progressions is not recorded: progression on 2023-09-25"
                + " (Observation/pd-2) and again on 2024-02-20 (Observation/pd-3)"), gaps.get(0));
        assertTrue(gaps.get(0).contains("assessed as improved on 2023-12-15 (Observation/resp-2023-12)"), gaps.get(0));
    }

    @Test
    void twoProgressionsMoreThanAnOrdinaryBreakApartWithNothingGivenNameMissingTherapy() {
        List<String> gaps = Samples.gapTexts(evaluate("s15c-04-near-miss-cart-procedure-planned-only"), "PRIOR_THERAPY_UNKNOWN");
        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).contains("the second came 634 days after the first"), gaps.get(0));
    }

    @Test
    void nearMissAConfirmationOfTheSameProgressionNamesNothing() {
        Assessment a = evaluate("s16c-04-near-miss-progression-confirmed-28-days-later");
        assertEquals(List.of(), Samples.gapTexts(a, "PRIOR_THERAPY_UNKNOWN"));
    }

    @Test
    void nearMissTherapyBetweenTheProgressionsNamesNothing() {
        Assessment a = evaluate("s15a-12b-cart-procedure-only-no-lymphodepletion-teclistamab-pd");
        assertEquals(List.of(), Samples.gapTexts(a, "PRIOR_THERAPY_UNKNOWN"));
    }
}
