package org.myelomacds.facts;

/** Time since the last anti-CD38 dose, in the bands of clinical-evidence.md §5.2 (thresholds in rules/derive/washout.drl). */
public enum WashoutBand { SHORT, INTERMEDIATE, ADEQUATE }
