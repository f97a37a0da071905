package org.myelomacds.facts;

/** Pharmacological classes the sequencing and eligibility rules reason about. */
public enum DrugClass {
    ANTI_CD38, IMID, PROTEASOME_INHIBITOR, ALKYLATOR, CORTICOSTEROID, ANTI_SLAMF7, XPO1_INHIBITOR,
    BISPECIFIC_ANTIBODY, CAR_T, OTHER;

    /** Classes that are anti-myeloma therapy in their own right; a steroid alone does not make a line of therapy. */
    public boolean isAntiMyelomaTherapy() { return this != CORTICOSTEROID && this != OTHER; }
}
