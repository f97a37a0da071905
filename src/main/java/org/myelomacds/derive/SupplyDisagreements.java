package org.myelomacds.derive;

import java.util.ArrayList;
import java.util.List;

import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.Provenance;

/**
 * Courses that end on a dispense whose stated daysSupply disagrees with its quantity and dosage
 * (CDS-POLICY-DISPENSE-SUPPLY-FROM-DOSAGE, FINDINGS L3). The dispense's end is already the interval between the two
 * figures (the mapper sets it), so DERIVE-REFRACTORY-04 decides as for a partial end; this only names the dispense and
 * both figures on the course, so that the gap says why the end is imprecise.
 */
final class SupplyDisagreements {
    private SupplyDisagreements() {}

    static List<DosingPeriod> noted(List<DosingPeriod> courses, List<MedicationRecord> records) {
        List<MedicationRecord> disagreeing = records.stream().filter(r -> r.getSupplyDisagreement() != null).toList();
        if (disagreeing.isEmpty()) return courses;
        List<DosingPeriod> out = new ArrayList<>(courses.size());
        boolean changed = false;
        for (DosingPeriod c : courses) {
            String note = noteOf(c, disagreeing);
            out.add(note == null ? c : c.withSupplyNote(note));
            changed |= note != null;
        }
        return changed ? List.copyOf(out) : courses;
    }

    /** The note of the disagreeing dispense of the course's drug whose latest end is the course's end, if any. */
    private static String noteOf(DosingPeriod course, List<MedicationRecord> disagreeing) {
        for (MedicationRecord r : disagreeing) {
            if (!r.getDrug().equals(course.getDrug()) || r.getEnd() == null || !r.getEnd().equals(course.getEnd())) continue;
            boolean inCourse = r.getProvenance().stream().map(Provenance::getReference)
                    .anyMatch(ref -> course.getProvenance().stream().anyMatch(p -> p.getReference().equals(ref)));
            if (inCourse) {
                String ref = r.getProvenance().isEmpty() ? "the dispense" : r.getProvenance().get(0).getReference();
                return ref + ": " + r.getSupplyDisagreement();
            }
        }
        return null;
    }
}
