package org.myelomacds.engine;

/** The single status each regimen ends in (ARCHITECTURE.md §6). */
public enum RegimenStatus {
    ELIGIBLE, ELIGIBLE_WITH_CAUTIONS, OFF_LABEL_EVIDENCE, NOT_ELIGIBLE, INSUFFICIENT_DATA;

    public boolean isRecommended() {
        return this == ELIGIBLE || this == ELIGIBLE_WITH_CAUTIONS || this == OFF_LABEL_EVIDENCE;
    }
}
