package org.myelomacds.derive;

import org.myelomacds.facts.MedicationRecord;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether the first day of a course is known to the day (CDS-POLICY-NO-MYELOMA-USE-REGIMEN). The regimen reading asks
 * whether two courses began on the same day; a start recorded only by month or year ("DCEP 2025-01", "anastrozole from
 * 2025-01" on a transferred-in list) is any day of that month or year, so two such starts do not say the courses began
 * together (Sweep Q, U2). Partial dates are intervals everywhere else in the engine; here a course whose first day is not
 * known keeps CDS-POLICY-CHEMO-OTHER-CANCER's undecided purpose.
 */
final class CourseStartDay {
    private CourseStartDay() {}

    /**
     * True when a given record of {@code r}'s drug starts on {@code courseStart} and that start stands for that one day
     * (its latest possible start is the same day).
     */
    static boolean knownToTheDay(MedicationRecord r, LocalDate courseStart, List<MedicationRecord> all) {
        if (courseStart == null) return false;
        return all.stream().anyMatch(m -> m.getDrug().equals(r.getDrug()) && TherapyRecords.isGiven(m)
                && courseStart.equals(m.getStart()) && courseStart.equals(m.getStartLatest()));
    }
}
