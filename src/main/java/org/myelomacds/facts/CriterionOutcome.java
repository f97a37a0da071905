package org.myelomacds.facts;

/** MET, FAILED, or UNKNOWN when the data needed to decide are missing. */
public enum CriterionOutcome { MET, FAILED, UNKNOWN }
