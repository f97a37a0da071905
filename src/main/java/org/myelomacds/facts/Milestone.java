package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day on which what a flag says is expected to change, computed by the rule that raised the flag (e.g. the day the
 * anti-CD38 washout reaches the 9 months IRAKLIA required of anti-CD38-refractory disease). Renderers print it and never
 * recompute clinical dates, so the day shown is always the one the rulebase's thresholds give.
 *
 * @param on         the day
 * @param atTheLatest true when the day counts from the latest possible date of an imprecise record (a last dose dated
 *                   only by month): the change may come earlier, never later
 * @param what       what is reached on that day, in words that follow "on {day} " or stand after "reaches"
 *                   (e.g. "the washout reaches 180 days (adequate band)")
 * @param ifStudyArmActive the later day on which it is reached if the study arm of a blinded anti-CD38 product recorded
 *                   after the last certain dose was active ({@code on} is then the day if placebo); null otherwise
 *                   (CDS-POLICY-BLINDED-STUDY-DRUG, FINDINGS O3)
 */
public record Milestone(LocalDate on, boolean atTheLatest, String what, LocalDate ifStudyArmActive) {
    public Milestone {
        Objects.requireNonNull(on, "on");
        if (what == null || what.isBlank()) throw new IllegalArgumentException("a milestone says what is reached");
        if (ifStudyArmActive != null && ifStudyArmActive.isBefore(on)) {
            throw new IllegalArgumentException("the active-arm day cannot precede the placebo day: " + ifStudyArmActive + " < " + on);
        }
    }

    /** A milestone with one day, whatever any study arm was. */
    public Milestone(LocalDate on, boolean atTheLatest, String what) {
        this(on, atTheLatest, what, null);
    }
}
