package org.myelomacds.facts;

/**
 * Pharmacological classes the sequencing and eligibility rules reason about. Which drug belongs to which class is data
 * ({@code rules/terminology/drug-class-*.json}); this list only names the classes a rule can test.
 */
public enum DrugClass {
    ANTI_CD38, IMID, PROTEASOME_INHIBITOR, ALKYLATOR, CORTICOSTEROID, ANTI_SLAMF7, XPO1_INHIBITOR,
    BISPECIFIC_ANTIBODY, CAR_T, ANTIBODY_DRUG_CONJUGATE, HDAC_INHIBITOR, BCL2_INHIBITOR, ANTHRACYCLINE, PLATINUM,
    TOPOISOMERASE_INHIBITOR, PURINE_ANALOGUE, PYRIMIDINE_ANALOGUE, VINCA_ALKALOID, OTHER;

    /** Classes that are anti-myeloma therapy in their own right; a steroid alone does not make a line of therapy. */
    public boolean isAntiMyelomaTherapy() { return this != CORTICOSTEROID && this != OTHER; }
}
