package org.myelomacds.engine;

import org.myelomacds.facts.CriterionKind;
import org.myelomacds.facts.CriterionOutcome;
import org.myelomacds.facts.CriterionResult;
import org.myelomacds.facts.FlagSeverity;
import org.myelomacds.facts.RaisedFlag;

import java.util.List;

/**
 * Turns one regimen's criteria and flags into its status. The order is the clinical one: a failed label criterion or a
 * contraindication excludes; otherwise a label criterion that cannot be decided means insufficient data; otherwise an
 * indication that is met makes the regimen eligible (with cautions when a WARNING or CRITICAL flag applies); trial
 * evidence without a label in this jurisdiction is OFF_LABEL_EVIDENCE. Trial-population criteria never decide status:
 * they argue for or against in the rationale and in the score.
 */
public final class RegimenStatusResolver {
    private RegimenStatusResolver() {}

    public static RegimenStatus resolve(List<CriterionResult> criteria, List<RaisedFlag> flags) {
        // A criterion the record cannot decide stands in place of a failure of the same criterion: a line count of 4 that
        // fails "1 to 3 prior lines" is no exclusion when the count is 3 or 4 depending on a partial date.
        boolean excluded = criteria.stream().anyMatch(c -> excludes(c, criteria));
        if (excluded) return RegimenStatus.NOT_ELIGIBLE;
        boolean undecided = criteria.stream().anyMatch(c -> decidesLabel(c) && c.getOutcome() == CriterionOutcome.UNKNOWN);
        if (undecided) return RegimenStatus.INSUFFICIENT_DATA;
        boolean indicated = criteria.stream()
                .anyMatch(c -> c.getKind() == CriterionKind.INDICATION && c.getOutcome() == CriterionOutcome.MET);
        if (indicated) {
            boolean caution = flags.stream().anyMatch(f -> f.getSeverity() != FlagSeverity.INFO);
            return caution ? RegimenStatus.ELIGIBLE_WITH_CAUTIONS : RegimenStatus.ELIGIBLE;
        }
        boolean evidenceOnly = criteria.stream()
                .anyMatch(c -> c.getKind() == CriterionKind.EVIDENCE_ONLY && c.getOutcome() == CriterionOutcome.MET);
        return evidenceOnly ? RegimenStatus.OFF_LABEL_EVIDENCE : RegimenStatus.NOT_ELIGIBLE;
    }

    /**
     * The criteria in their order with those that exclude the regimen moved to the front (otherwise stable): a
     * NOT_ELIGIBLE regimen's first reason is then one that decided it, not an undecided criterion that sorts earlier
     * ("therapy-history UNKNOWN" before "setting FAILED") and would read as the reason it was excluded.
     */
    public static List<CriterionResult> excludingFirst(List<CriterionResult> criteria) {
        List<CriterionResult> ordered = new java.util.ArrayList<>(criteria.size());
        criteria.stream().filter(c -> excludes(c, criteria)).forEach(ordered::add);
        criteria.stream().filter(c -> !excludes(c, criteria)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /** A failed label criterion excludes unless the record leaves the same criterion undecided (see resolve). */
    static boolean excludes(CriterionResult c, List<CriterionResult> criteria) {
        return decidesLabel(c) && c.getOutcome() == CriterionOutcome.FAILED
                && criteria.stream().noneMatch(u -> decidesLabel(u) && u.getOutcome() == CriterionOutcome.UNKNOWN
                        && u.getCriterion().equals(c.getCriterion()));
    }

    static boolean decidesLabel(CriterionResult c) {
        return c.getKind() == CriterionKind.INDICATION || c.getKind() == CriterionKind.CONTRAINDICATION;
    }
}
