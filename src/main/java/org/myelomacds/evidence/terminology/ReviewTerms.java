package org.myelomacds.evidence.terminology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Categories the engine reads, for codes it does not: {@code review-conditions-<category>} (respiratory, cardiac,
 * neuropathy, hepatitis, renal, plasma-cell). A Condition no {@code condition-*} set recognised but whose code lies in
 * one of these sets (ICD-10-CM categories) or whose display or text names one of its words is listed for a reviewer
 * (findings.unrecognised); nothing is derived from it. The sets are tried in that order; the first that holds the code,
 * else the first whose words match, names the category (its title).
 */
public final class ReviewTerms {
    static final List<String> CONDITION_CATEGORIES = List.of("respiratory", "cardiac", "neuropathy", "hepatitis", "renal", "plasma-cell");

    private final Terminology terminology;
    private final List<ValueSet> conditionSets = new ArrayList<>();

    ReviewTerms(Terminology t) {
        this.terminology = t;
        for (String c : CONDITION_CATEGORIES) {
            ValueSet vs = t.require("review-conditions-" + c, "unrecognised " + c + " conditions to list for a reviewer");
            if (vs != null) conditionSets.add(vs);
        }
    }

    /** The category (the set's title) of an unrecognised condition coding, if it lies in one the engine reads. */
    public Optional<String> conditionCategory(String system, String code, String text) {
        for (ValueSet vs : conditionSets) {
            if (terminology.holds(vs, system, code)) return Optional.of(vs.title());
        }
        if (text != null && !text.isBlank()) {
            for (ValueSet vs : conditionSets) {
                if (vs.text().matches(text)) return Optional.of(vs.title());
            }
        }
        return Optional.empty();
    }
}
