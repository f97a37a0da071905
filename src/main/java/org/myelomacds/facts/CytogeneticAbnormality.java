package org.myelomacds.facts;

/** High-risk cytogenetic abnormalities named in the trials' subgroup analyses (§3.1). */
public enum CytogeneticAbnormality { DEL_17P, T_4_14, T_14_16, T_14_20, GAIN_1Q }
