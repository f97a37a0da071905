package org.myelomacds.facts;

/**
 * Which line-of-therapy rule opened a line (IMWG / Rajkumar 2015, LOT-B15, and the project's stated heuristics where
 * the record does not carry the plan). Printed with each line so a reader can check the count the labels depend on.
 * There is no "retreatment" opening: the same drugs resumed with no progression documented in between stay in their line
 * (CDS-POLICY-THERAPY-GAP, {@link TherapyGap}); after a documented progression they are a new line
 * (retreatment), opened by {@link #PROGRESSION}.
 */
public enum LineOpening {
    FIRST_THERAPY("first therapy recorded"),
    PROGRESSION("new therapy after a documented progression (always a new line; the windows do not apply)"),
    NEW_REGIMEN("new regimen after all drugs of the previous line stopped"),
    PLAN_CHANGE("new regimen under a different treatment plan (CarePlan)"),
    UNPLANNED_ADDITION("unplanned addition or substitution of a drug while the line was running"),
    TRANSPLANT("stem-cell transplant outside a planned sequence"),
    /**
     * T7: the line's first records give only a month or a year; read on one day of it they were added while the previous
     * line ran, on another they started after a documented progression. The reason names both readings.
     */
    UNDECIDED("undecided: the start, known only to the month or year, may lie while the previous line ran or after a"
            + " documented progression");

    private final String rule;

    LineOpening(String rule) { this.rule = rule; }

    /** The rule in words, as the findings and the report print it. */
    public String rule() { return rule; }
}
