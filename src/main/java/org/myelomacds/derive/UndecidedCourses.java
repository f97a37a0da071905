package org.myelomacds.derive;

import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PartialDateText;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.Provenance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts that name records of undecided purpose, one per course: the records of one drug placed in one line of the
 * timeline whose reason for being undecided is the same (shared chemotherapy beside another cancer,
 * CDS-POLICY-CHEMO-OTHER-CANCER) are one entry with the drug, the first and last start and how many records. Six cycles of
 * R-CHOP otherwise repeat the same sentence for each cyclophosphamide and doxorubicin record (QA sweep U, B7). Every
 * other record keeps its own text.
 */
final class UndecidedCourses {
    private UndecidedCourses() {}

    static List<String> texts(Collection<TherapyPurpose.Undecided> undecided, TherapyTimeline placed) {
        Map<String, Integer> lineOf = lineOfReference(placed);
        Map<Object, List<TherapyPurpose.Undecided>> courses = new LinkedHashMap<>();
        for (TherapyPurpose.Undecided u : undecided) {
            MedicationRecord m = u.medication();
            Object key = m == null || u.courseReason() == null || m.getStart() == null ? u
                    : List.of(m.getDrug().name(), u.courseReason(), lineOf.getOrDefault(m.sourceReference(), -1));
            courses.computeIfAbsent(key, k -> new ArrayList<>()).add(u);
        }
        List<String> out = new ArrayList<>();
        for (List<TherapyPurpose.Undecided> course : courses.values()) {
            out.add(course.size() == 1 ? course.get(0).text() : courseText(course));
        }
        return out;
    }

    /** "cyclophosphamide (6 records from 2024-02-05 to 2024-05-20: MedicationAdministration/cy-1 and 5 more): why". */
    private static String courseText(List<TherapyPurpose.Undecided> course) {
        List<MedicationRecord> records = course.stream().map(TherapyPurpose.Undecided::medication)
                .sorted(Comparator.comparing(MedicationRecord::getStart)).toList();
        MedicationRecord first = records.get(0);
        MedicationRecord last = records.get(records.size() - 1);
        return first.getDrug().displayName() + " (" + records.size() + " records from "
                + PartialDateText.of(first.getStart(), first.getStartLatest()) + " to "
                + PartialDateText.of(last.getStart(), last.getStartLatest()) + ": " + first.sourceReference() + " and "
                + (records.size() - 1) + " more): " + course.get(0).courseReason();
    }

    /** Each record reference of the timeline and the index of the line that holds it. */
    private static Map<String, Integer> lineOfReference(TherapyTimeline placed) {
        Map<String, Integer> out = new HashMap<>();
        List<PriorLine> lines = placed.lines();
        for (int i = 0; i < lines.size(); i++) {
            for (Provenance p : lines.get(i).getProvenance()) out.putIfAbsent(p.getReference(), i);
        }
        return out;
    }
}
