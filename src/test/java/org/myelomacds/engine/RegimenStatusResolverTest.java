package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.CriterionKind;
import org.myelomacds.facts.CriterionOutcome;
import org.myelomacds.facts.CriterionResult;
import org.myelomacds.facts.RuleRef;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A NOT_ELIGIBLE regimen lists first the criterion that excluded it, whatever the rule ids sort to. */
class RegimenStatusResolverTest {
    private static CriterionResult criterion(String name, CriterionKind kind, CriterionOutcome outcome, String rule) {
        return new CriterionResult("ISA_VRD", name, kind, outcome, name + " " + outcome,
                new RuleRef(rule, rule, List.of("X"), false), List.of());
    }

    private static final CriterionResult HISTORY_UNKNOWN =
            criterion("therapy-history", CriterionKind.INDICATION, CriterionOutcome.UNKNOWN, "HISTORY-ELIG-02");
    private static final CriterionResult SETTING_FAILED =
            criterion("setting", CriterionKind.INDICATION, CriterionOutcome.FAILED, "ISA-VRD-ELIG-04");
    private static final CriterionResult TRIAL_FAILED =
            criterion("imroz-population", CriterionKind.TRIAL_POPULATION, CriterionOutcome.FAILED, "ISA-VRD-TRIAL-01");

    @Test
    void theExcludingFailureComesBeforeAnUndecidedCriterionThatSortsEarlier() {
        List<CriterionResult> own = List.of(HISTORY_UNKNOWN, SETTING_FAILED, TRIAL_FAILED);
        assertEquals(RegimenStatus.NOT_ELIGIBLE, RegimenStatusResolver.resolve(own, List.of()));
        assertEquals(List.of(SETTING_FAILED, HISTORY_UNKNOWN, TRIAL_FAILED), RegimenStatusResolver.excludingFirst(own));
    }

    @Test
    void aContraindicationThatExcludesComesBeforeAnUndecidedIndication() {
        CriterionResult allergy = criterion("hypersensitivity", CriterionKind.CONTRAINDICATION, CriterionOutcome.FAILED,
                "CONTRA-01");
        List<CriterionResult> own = List.of(HISTORY_UNKNOWN, allergy);
        assertEquals(List.of(allergy, HISTORY_UNKNOWN), RegimenStatusResolver.excludingFirst(own));
    }

    @Test
    void nearMissAFailureTheRecordLeavesUndecidedDoesNotMoveAndTheOrderStaysAsItWas() {
        // A line count that fails "1 to 3 prior lines" but is undecided by the same criterion excludes nothing.
        CriterionResult linesUnknown = criterion("prior-lines", CriterionKind.INDICATION, CriterionOutcome.UNKNOWN, "A-01");
        CriterionResult linesFailed = criterion("prior-lines", CriterionKind.INDICATION, CriterionOutcome.FAILED, "B-01");
        List<CriterionResult> own = List.of(linesUnknown, linesFailed, TRIAL_FAILED);
        assertEquals(RegimenStatus.INSUFFICIENT_DATA, RegimenStatusResolver.resolve(own, List.of()));
        assertEquals(own, RegimenStatusResolver.excludingFirst(own));
        // A failed trial-population criterion never excludes, so it is not moved either.
        assertEquals(List.of(HISTORY_UNKNOWN, TRIAL_FAILED), RegimenStatusResolver.excludingFirst(List.of(HISTORY_UNKNOWN, TRIAL_FAILED)));
    }
}
