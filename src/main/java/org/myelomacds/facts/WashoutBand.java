package org.myelomacds.facts;

/**
 * Time since the last anti-CD38 dose, in the bands of clinical-evidence.md §5.2: under 90 days short, 90-179
 * intermediate, 180 or more adequate (MIKHAEL21: disease control 28.6% after a washout under 3 months vs 58.3% after
 * 6 months or more; NIJHOF16: CD38 expression may take up to 6 months to recover). The bounds live here, once, so the
 * rule that assigns the band (rules/derive/washout.drl) and the report that draws the bands cannot disagree.
 */
public enum WashoutBand {
    SHORT(0, 90), INTERMEDIATE(90, 180), ADEQUATE(180, null);

    private final int fromDays;
    private final Integer untilDays;

    WashoutBand(int fromDays, Integer untilDays) {
        this.fromDays = fromDays;
        this.untilDays = untilDays;
    }

    /** First day count in the band (inclusive). */
    public int getFromDays() { return fromDays; }

    /** First day count past the band (exclusive); null for the open-ended last band. */
    public Integer getUntilDays() { return untilDays; }

    public static WashoutBand forDays(long days) {
        for (WashoutBand b : values()) {
            if (days >= b.fromDays && (b.untilDays == null || days < b.untilDays)) return b;
        }
        return SHORT; // a last dose after asOf (negative days) is no washout at all
    }
}
