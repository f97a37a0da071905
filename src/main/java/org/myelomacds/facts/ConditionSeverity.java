package org.myelomacds.facts;

/**
 * Severity as coded. Asthma carries the persistence classes of ICD-10-CM J45.2x–J45.5x; other conditions
 * use FHIR's condition-severity value set (mild, moderate, severe). UNSPECIFIED when nothing was coded.
 */
public enum ConditionSeverity {
    MILD_INTERMITTENT, MILD_PERSISTENT, MODERATE_PERSISTENT, SEVERE_PERSISTENT,
    MILD, MODERATE, SEVERE, UNSPECIFIED;

    /** Moderate or severe persistent asthma (the daratumumab-trial exclusion, §7). */
    public boolean isModerateOrSeverePersistent() {
        return this == MODERATE_PERSISTENT || this == SEVERE_PERSISTENT;
    }
}
