package org.myelomacds.facts;

/**
 * Renal function bands, as used by the IMWG renal response criteria (IMWG-R16: &lt;15, 15–29, 30–59, ≥60).
 * The thresholds themselves live in rules/derive/renal.drl.
 */
public enum RenalCategory {
    NORMAL_OR_MILD("≥60"), MODERATE("30–59"), SEVERE("15–29"), KIDNEY_FAILURE("<15");

    private final String band;

    RenalCategory(String band) { this.band = band; }

    public String getBand() { return band; }
}
