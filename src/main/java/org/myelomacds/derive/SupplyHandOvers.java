package org.myelomacds.derive;

import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends an exposure on the day before a hand-over (sweep s11 A9, session s12 partial3): a supply of N days from D covers
 * D..D+N-1, and when a new drug starts on that last day the line deriver ends the old drug's course the day before (the
 * new drug took over). The exposure, aggregated from the records, still ended on the supply's last day, one day past its
 * line, so "Prior lenalidomide from 2022-03-01 to 2022-08-15" disagreed with "L1 ... 2022-03-01 to 2022-08-14". Only that
 * case moves: the drug's last course ends exactly the day before the exposure's last dose, and every given record of the
 * drug ending on that day is an order's or a dispense's supply (a recorded last dose, a statement or an administration,
 * keeps its day).
 */
public final class SupplyHandOvers {
    private SupplyHandOvers() {}

    public static List<DrugExposure> trim(List<DrugExposure> exposures, List<DosingPeriod> lineCourses,
                                          List<DosingPeriod> otherCourses, List<MedicationRecord> given, LocalDate asOf) {
        List<DosingPeriod> courses = new ArrayList<>(lineCourses);
        courses.addAll(otherCourses);
        List<DrugExposure> out = new ArrayList<>(exposures.size());
        for (DrugExposure e : exposures) {
            out.add(handedOver(e, courses, given, asOf) ? e.withLastDoseHandedOver(e.getLastDose().minusDays(1)) : e);
        }
        return List.copyOf(out);
    }

    private static boolean handedOver(DrugExposure e, List<DosingPeriod> courses, List<MedicationRecord> given, LocalDate asOf) {
        if (!e.isDated() || e.isOngoing() || e.isLastDoseImprecise()) return false;
        LocalDate lastCourseEnd = null;
        for (DosingPeriod c : courses) {
            if (c.getDrug().equals(e.getDrug()) && (lastCourseEnd == null || c.getEnd().isAfter(lastCourseEnd))) lastCourseEnd = c.getEnd();
        }
        if (lastCourseEnd == null || !lastCourseEnd.equals(e.getLastDose().minusDays(1))) return false;
        boolean supply = false;
        for (MedicationRecord r : given) {
            if (!TherapyRecords.isGiven(r) || !r.getDrug().equals(e.getDrug()) || r.getStart() == null || r.getStart().isAfter(asOf)) continue;
            if (!TherapyRecords.lastDay(r, asOf).equals(e.getLastDose())) continue;
            boolean isSupply = (r.getSource() == MedicationSource.REQUEST || r.getSource() == MedicationSource.DISPENSE)
                    && r.getEnd() != null && r.getEnd().isAfter(r.getStart());
            if (!isSupply) return false;
            supply = true;
        }
        return supply;
    }
}
