package org.myelomacds.facts;

/** mCODE disease status (LOINC 97509-4) answers; PROGRESSION is SNOMED 271299001 "worsened". */
public enum DiseaseTrend { PROGRESSION, STABLE, IMPROVED, UNDETERMINED, OTHER }
