package org.myelomacds.facts;

/** The conditions the rules read (codes: clinical-evidence.md §9.1, held in fhir.terminology). */
public enum ConditionKind {
    MULTIPLE_MYELOMA,
    MULTIPLE_MYELOMA_IN_REMISSION,
    MULTIPLE_MYELOMA_IN_RELAPSE,
    SMOLDERING_MYELOMA,
    MGUS,
    PLASMA_CELL_LEUKEMIA,
    PLASMACYTOMA,
    AL_AMYLOIDOSIS,
    COPD,
    ASTHMA,
    CHRONIC_KIDNEY_DISEASE,
    END_STAGE_RENAL_DISEASE,
    DIALYSIS_DEPENDENCE,
    PERIPHERAL_NEUROPATHY,
    HEART_FAILURE,
    CHRONIC_HEPATITIS_B,
    /**
     * A recorded state that ends childbearing potential: post-menopause, surgical menopause, absence of the uterus or of
     * both ovaries. Read only by the CONTRACEPTION flag (§8.5, CDS-POLICY-CHILDBEARING-POTENTIAL).
     */
    POSTMENOPAUSAL_OR_STERILE,
    /**
     * A cancer that is not a plasma-cell neoplasm (breast cancer, lymphoma): read only to tell therapy given for it from
     * myeloma therapy (derive/TherapyPurpose, CDS-POLICY-OTHER-THERAPY).
     */
    OTHER_MALIGNANCY;

    /** Active myeloma in any phase (newly diagnosed, remission or relapse). */
    public boolean isMultipleMyeloma() {
        return this == MULTIPLE_MYELOMA || this == MULTIPLE_MYELOMA_IN_REMISSION || this == MULTIPLE_MYELOMA_IN_RELAPSE;
    }

    /** Plasma-cell disorders that are not multiple myeloma for anti-CD38 myeloma regimens (§1.3, §4.10). */
    public boolean isPrecursorOrOtherPlasmaCellDisorder() {
        return this == SMOLDERING_MYELOMA || this == MGUS || this == AL_AMYLOIDOSIS
                || this == PLASMA_CELL_LEUKEMIA || this == PLASMACYTOMA;
    }
}
