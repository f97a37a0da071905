package org.myelomacds.facts;

public enum TransplantStatus { ELIGIBLE, INELIGIBLE, UNKNOWN }
