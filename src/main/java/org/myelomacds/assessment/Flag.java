package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A flag as printed (codes are contract, ARCHITECTURE.md §6). {@code action} is the rule's short imperative of what to
 * do before or around dosing; it is null, and left out of the JSON, when the flag only informs. {@code proposals} are
 * the orders the rule's action proposes (left out when there are none), for front ends that turn them into draft orders.
 * {@code milestones} are the days on which the rule expects what the flag says to change (left out when none).
 */
public record Flag(String code, String severity, String text,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String action,
                   String rule, List<String> evidence, List<String> regimens, List<FactRef> facts,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProposedOrder> proposals,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Milestone> milestones) {
    public Flag {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        evidence = List.copyOf(evidence);
        regimens = List.copyOf(regimens);
        facts = List.copyOf(facts);
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
    }

    /**
     * An order the flag's rule proposes: {@code type} "test" with {@code concept} the measurement whose value set gives
     * the code to order (e.g. ANTIBODY_SCREEN), and the name a clinician reads.
     */
    /** The flag without milestones (the shape before they were added). */
    public Flag(String code, String severity, String text, String action, String rule, List<String> evidence,
                List<String> regimens, List<FactRef> facts, List<ProposedOrder> proposals) {
        this(code, severity, text, action, rule, evidence, regimens, facts, proposals, List.of());
    }

    /**
     * A day on which the rule that raised the flag expects what it says to change ({@code date} ISO 8601), computed by
     * the rule from its thresholds; {@code atTheLatest} when the day counts from the latest possible date of an
     * imprecise record, so the change may come earlier. Front ends print it; they never recompute it.
     * {@code ifStudyArmActive}: when a blinded anti-CD38 product ("isatuximab or placebo") follows the last certain dose,
     * the later day the change comes if the study arm was active; {@code date} is then the day if placebo. Left out
     * otherwise.
     */
    public record Milestone(String date, boolean atTheLatest, String what,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String ifStudyArmActive) {
        /** A milestone with one day (the shape before {@code ifStudyArmActive}). */
        public Milestone(String date, boolean atTheLatest, String what) {
            this(date, atTheLatest, what, null);
        }
    }

    public record ProposedOrder(String type, String concept, String name) {}
}
