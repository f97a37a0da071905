package org.myelomacds.facts;

import java.util.List;

/** A fact that can say which FHIR resources it was read or derived from; the trace quotes these. */
public interface HasProvenance {
    List<Provenance> getProvenance();

    /**
     * True for summary facts (e.g. the whole therapy history) whose provenance is quoted only when a rule matched no
     * more specific fact; otherwise a criterion about one drug would list every medication the patient ever had.
     */
    default boolean isSummary() { return false; }

    /** The first source reference, for quoting in rule text ("MedicationStatement/ms-3"). */
    default String sourceReference() {
        return getProvenance().isEmpty() ? "(unidentified resource)" : getProvenance().get(0).getReference();
    }
}
