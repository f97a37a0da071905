package org.myelomacds.facts;

/** The two renal metrics the trials used: eGFR (isatuximab trials, MDRD) and creatinine clearance (daratumumab trials). */
public enum RenalMetric {
    EGFR("eGFR", "mL/min/1.73m²"), CRCL("creatinine clearance", "mL/min");

    private final String label;
    private final String unit;

    RenalMetric(String label, String unit) { this.label = label; this.unit = unit; }

    public String getLabel() { return label; }
    public String getUnit() { return unit; }
}
