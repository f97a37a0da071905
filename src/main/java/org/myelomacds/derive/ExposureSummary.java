package org.myelomacds.derive;

import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.MedicationRecord;

import java.util.List;

/**
 * What {@link ExposureAggregator} made of the medication records: one exposure per drug (in drug catalogue order),
 * and the given (non-planned) records that had no start date and so could not be placed on the timeline. Callers
 * report {@code undated} as a data gap: the drug was given, but when is unknown.
 */
public record ExposureSummary(List<DrugExposure> exposures, List<MedicationRecord> undated) {
    public ExposureSummary {
        exposures = List.copyOf(exposures);
        undated = List.copyOf(undated);
    }

    public boolean hasUndated() { return !undated.isEmpty(); }
}
