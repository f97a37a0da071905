package org.myelomacds.derive;

import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.DrugExposure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks the exposures whose last course has no recorded end (an order or statement with only its date,
 * CDS-POLICY-UNKNOWN-END), so that "Prior carfilzomib (2022-10-10 to …)" prints the end as the line table does — "an
 * unknown day before 2024-08-26" — and never as a one-day course that the record does not show.
 */
public final class UnknownLastDoses {
    private UnknownLastDoses() {}

    public static List<DrugExposure> mark(List<DrugExposure> exposures, List<DosingPeriod> lineCourses,
                                          List<DosingPeriod> otherCourses, LocalDate asOf) {
        List<DosingPeriod> courses = new ArrayList<>(lineCourses);
        courses.addAll(otherCourses);
        List<DrugExposure> out = new ArrayList<>(exposures.size());
        for (DrugExposure e : exposures) {
            DosingPeriod last = e.isDated() && !e.isOngoing() ? lastCourse(e, courses) : null;
            out.add(last != null && last.isEndUnknown() && !last.getEnd().isBefore(e.getLastDose())
                    ? e.withUnknownLastDose(words(last.getEndLatest(), asOf)) : e);
        }
        return List.copyOf(out);
    }

    private static DosingPeriod lastCourse(DrugExposure e, List<DosingPeriod> courses) {
        DosingPeriod last = null;
        for (DosingPeriod c : courses) {
            if (c.getDrug().equals(e.getDrug()) && (last == null || c.getEnd().isAfter(last.getEnd()))) last = c;
        }
        return last;
    }

    /** As PriorLine words an unknown end: bounded by the next line's start, or by asOf for the last line. */
    static String words(LocalDate endLatest, LocalDate asOf) {
        return endLatest.equals(asOf) ? "an unknown day by " + asOf : "an unknown day before " + endLatest.plusDays(1);
    }
}
