package org.myelomacds.facts;

/** Observations the rules read, each with the canonical unit its value is normalised to. */
public enum MeasurementKind {
    EGFR("mL/min/1.73m2"),
    CREATININE_CLEARANCE("mL/min"),
    SERUM_CREATININE("mg/dL"),
    BODY_WEIGHT("kg"),
    BODY_HEIGHT("cm"),
    FEV1("L"),
    FEV1_PERCENT_PREDICTED("%"),
    ECOG(null),
    KARNOFSKY(null),
    LVEF("%"),
    HBSAG(null),
    ANTI_HBC(null),
    HBV_DNA("[IU]/mL"),
    ABO_RH_GROUP(null),
    ABO_GROUP(null),
    RH_TYPE(null),
    ANTIBODY_SCREEN(null),
    SERUM_M_PROTEIN("g/dL"),
    FREE_KAPPA("mg/L"),
    FREE_LAMBDA("mg/L"),
    FREE_LIGHT_CHAIN_RATIO(null),
    SERUM_IMMUNOFIXATION(null),
    /** PREGNANT, or the record's own words for any other answer ("NOT PREGNANT"). */
    PREGNANCY_STATUS(null);

    private final String canonicalUnit;

    MeasurementKind(String canonicalUnit) { this.canonicalUnit = canonicalUnit; }

    /** The unit values of this kind are stored in; null for scores and coded results. */
    public String getCanonicalUnit() { return canonicalUnit; }
}
