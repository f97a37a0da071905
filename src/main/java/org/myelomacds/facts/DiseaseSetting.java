package org.myelomacds.facts;

/** The disease setting the regimens' indications are written for (contract values, ARCHITECTURE.md §6). */
public enum DiseaseSetting {
    NDMM_TRANSPLANT_ELIGIBLE, NDMM_TRANSPLANT_INELIGIBLE, RRMM, NOT_MULTIPLE_MYELOMA, UNKNOWN
}
