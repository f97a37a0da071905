package org.myelomacds.facts;

/** Route of administration where it matters for the label (e.g. subcutaneous isatuximab or daratumumab). */
public enum Route { INTRAVENOUS, SUBCUTANEOUS, ORAL, UNKNOWN }
