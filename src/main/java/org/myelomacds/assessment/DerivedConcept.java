package org.myelomacds.assessment;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a rule derives, as it declares it with {@code @concept(...)} in its DRL. Front ends find the rule behind a
 * finding (the setting, the washout band, a subgroup match…) by this concept, never by the rule's id, so renaming,
 * splitting or renumbering a rule keeps the report's "derived by" lines and citations.
 */
public enum DerivedConcept {
    /** The disease setting the labels are written for (rules/derive/setting.drl). */
    DISEASE_SETTING,
    /** Transplant eligibility (rules/derive/transplant.drl). */
    TRANSPLANT_ELIGIBILITY,
    /** One signal of relapse or remission after the last line (rules/derive/relapse.drl). */
    RELAPSE_SIGNAL,
    /** Whether relapse after the last line is documented, decided from the signals (rules/derive/relapse.drl). */
    RELAPSE_STATUS,
    /** Refractoriness to a drug or to the last line (rules/derive/refractoriness.drl). */
    REFRACTORINESS,
    /** The anti-CD38 washout band (rules/derive/washout.drl). */
    ANTI_CD38_WASHOUT,
    /** The patient's current renal function and its band (rules/derive/renal.drl). */
    RENAL_FUNCTION,
    /** A trial subgroup the patient matches, credited in the ranking (rules/rank/subgroups.drl). */
    TRIAL_SUBGROUP;

    /** The concept named by a rule's {@code @concept} text, if it is one. */
    public static Optional<DerivedConcept> named(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
