package org.myelomacds.facts;

/**
 * Time since the last anti-CD38 dose, in the bands of clinical-evidence.md §5.2 (short, intermediate, adequate).
 * The day bounds are not here: they are thresholds, and thresholds live in rules/derive/washout.drl, which also
 * hands them to the {@link AntiCd38Washout} it derives, so the report draws the bands the rule used.
 */
public enum WashoutBand {
    SHORT, INTERMEDIATE, ADEQUATE
}
