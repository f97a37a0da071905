package org.myelomacds.derive;

import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PartialDateText;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.Provenance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * CDS-POLICY-PARTIAL-ENTRY-CHARTED-COURSE (FINDINGS I4): a list entry dated only by month or year ("carfilzomib (Kd),
 * outside hospital, 2023 to 2024" in a referral letter) beside the same therapy charted dose by dose is that course,
 * not a second one that may have started on 1 January. The entry (its records with the same partial dates: one
 * regimen listed) is read as the charted course when
 * <ul>
 *   <li>each of its drugs (its steroid aside) has exactly one course formed by precisely dated records that its interval
 *       contains (its earliest start on or before the course's first dose, its latest end on or after its last), all in
 *       one line, and the drugs of that line's courses within the interval are the entry's drugs (KRd listed beside a
 *       charted Kd keeps its own reading);</li>
 *   <li>it dates no dose of its own outside that course: a start or end recorded to the day lies inside it, and its
 *       start is not surely before the course (its latest possible start not before the first dose);</li>
 *   <li>it states no progression (a status reason naming progression dates an event the course cannot).</li>
 * </ul>
 * Its start is then the course's first dose; its end stays the entry's own latest day, no earlier than the course's last
 * dose: its uncertainty is kept only where it reaches beyond the charted course (after the last charted dose the drug
 * may have gone on elsewhere). Its steroid records follow its drugs. Any other entry keeps its partial dates.
 */
final class ChartedCourseEntries {
    static final String POLICY = "CDS-POLICY-PARTIAL-ENTRY-CHARTED-COURSE";

    private ChartedCourseEntries() {
    }

    /**
     * {@code all} with each partial-dated entry of myeloma therapy ({@code myeloma}) that is a charted course read as
     * that course; {@code all} itself when none is.
     */
    static List<MedicationRecord> read(List<MedicationRecord> all, List<MedicationRecord> myeloma,
                                       List<ProcedureRecord> procedures, List<DiseaseStatus> statuses, LocalDate asOf,
                                       List<TherapyPurpose.Undecided> undecided) {
        Set<MedicationRecord> partial = Collections.newSetFromMap(new IdentityHashMap<>());
        for (MedicationRecord r : myeloma) {
            if (TherapyRecords.isDatedAndStarted(r, asOf) && r.isDateImprecise() && r.getEnd() != null
                    && !r.isPlacedByAssertion() && r.getChartedCourseNote() == null) partial.add(r);
        }
        if (partial.isEmpty()) return all;
        // The courses the chart gives dose by dose: the lines formed without any partial-dated record.
        List<MedicationRecord> charted = myeloma.stream().filter(r -> !partial.contains(r) && !r.isDateImprecise()).toList();
        List<DosingPeriod> courses = LineOfTherapyDeriver.timeline(charted, procedures, statuses, asOf, undecided)
                .courses().stream().filter(c -> c.getLine() > 0).toList();
        // One entry: the records listed with the same partial dates.
        Map<List<LocalDate>, List<MedicationRecord>> entries = new LinkedHashMap<>();
        for (MedicationRecord r : myeloma) {
            if (!partial.contains(r)) continue;
            entries.computeIfAbsent(List.of(r.getStart(), r.getStartLatest(), r.getEnd(), r.getEndEarliest()),
                    k -> new ArrayList<>()).add(r);
        }
        Map<MedicationRecord, MedicationRecord> read = new IdentityHashMap<>();
        for (List<MedicationRecord> entry : entries.values()) read.putAll(asCourse(entry, courses));
        if (read.isEmpty()) return all;
        return all.stream().map(r -> read.getOrDefault(r, r)).toList();
    }

    /** The entry's records read as the charted course they list, or none when the entry is not that course. */
    private static Map<MedicationRecord, MedicationRecord> asCourse(List<MedicationRecord> entry, List<DosingPeriod> courses) {
        MedicationRecord first = entry.get(0);
        LocalDate from = first.getStart();
        LocalDate to = first.getEnd();
        List<MedicationRecord> drugs = entry.stream().filter(r -> r.getDrugClass() != DrugClass.CORTICOSTEROID).toList();
        if (drugs.isEmpty() || entry.stream().anyMatch(ChartedCourseEntries::statesProgression)) return Map.of();
        Map<MedicationRecord, DosingPeriod> matched = new IdentityHashMap<>();
        for (MedicationRecord r : drugs) {
            List<DosingPeriod> inside = courses.stream().filter(c -> c.getDrug().equals(r.getDrug())
                    && !c.getStart().isBefore(from) && !c.getEnd().isAfter(to)).toList();
            if (inside.size() != 1 || !ownDatesInside(r, inside.get(0))) return Map.of();
            matched.put(r, inside.get(0));
        }
        int line = matched.values().iterator().next().getLine();
        if (matched.values().stream().anyMatch(c -> c.getLine() != line)) return Map.of();
        Set<Drug> listed = new TreeSet<>();
        drugs.forEach(r -> listed.add(r.getDrug()));
        Set<Drug> lineDrugs = new TreeSet<>();
        for (DosingPeriod c : courses) {
            if (c.getLine() == line && !c.getStart().isAfter(to) && !c.getEnd().isBefore(from)) lineDrugs.add(c.getDrug());
        }
        if (!lineDrugs.equals(listed)) return Map.of();

        LocalDate courseStart = matched.values().stream().map(DosingPeriod::getStart).min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate courseEnd = matched.values().stream().map(DosingPeriod::getEnd).max(Comparator.naturalOrder())
                .orElseThrow();
        String note = note(entry, courseStart, courseEnd);
        Map<MedicationRecord, MedicationRecord> out = new IdentityHashMap<>();
        for (MedicationRecord r : entry) {
            DosingPeriod c = matched.get(r);
            out.put(r, c != null ? r.asChartedCourse(c.getStart(), c.getEnd(), note)
                    : r.asChartedCourse(courseStart, courseEnd, note));
        }
        return out;
    }

    /**
     * A start or end recorded to the day lies inside the course, and the start is not surely before it (an entry whose
     * latest possible start is before the first charted dose was given before the course: a dose of its own outside).
     */
    private static boolean ownDatesInside(MedicationRecord r, DosingPeriod c) {
        if (r.getStartLatest().isBefore(c.getStart())) return false;
        boolean startDated = r.getStart().equals(r.getStartLatest());
        boolean endDated = r.getEnd().equals(r.getEndEarliest());
        if (startDated && (r.getStart().isBefore(c.getStart()) || r.getStart().isAfter(c.getEnd()))) return false;
        return !endDated || !(r.getEnd().isBefore(c.getStart()) || r.getEnd().isAfter(c.getEnd()));
    }

    /** The record's status reason names a progression: the entry dates an event of its own. */
    private static boolean statesProgression(MedicationRecord r) {
        return r.getStopReason() != null && r.getStopReason().toLowerCase(Locale.ROOT).contains("progress");
    }

    private static String note(List<MedicationRecord> entry, LocalDate courseStart, LocalDate courseEnd) {
        MedicationRecord first = entry.get(0);
        Set<String> refs = new TreeSet<>();
        Set<Drug> drugs = new TreeSet<>();
        for (MedicationRecord r : entry) {
            r.getProvenance().forEach(p -> refs.add(p.getReference()));
            drugs.add(r.getDrug());
        }
        String recorded = PartialDateText.of(first.getStart(), first.getStartLatest()) + " to "
                + PartialDateText.of(first.getEndEarliest(), first.getEnd());
        LocalDate endEarliest = first.getEndEarliest().isAfter(courseEnd) ? first.getEndEarliest() : courseEnd;
        String end = endEarliest.equals(first.getEnd()) ? "its end is " + endEarliest
                : "its end stays an unknown day from " + endEarliest + " to " + first.getEnd()
                        + ", where the entry reaches beyond the course";
        return String.join(", ", refs) + " (" + String.join(", ", drugs.stream().map(Drug::displayName).toList())
                + ", " + recorded + ") read as the course charted dose by dose from " + courseStart + " to " + courseEnd
                + ": its interval contains that course, it lists the same drugs and dates no dose of its own outside it,"
                + " so it starts on " + courseStart + "; " + end + " (" + POLICY + ")";
    }

    /** The lines holding records read as charted courses, each with the note saying so in its reason. */
    static List<PriorLine> noted(List<PriorLine> lines, List<MedicationRecord> records) {
        Map<String, String> notes = new LinkedHashMap<>();
        for (MedicationRecord r : records) {
            if (r.getChartedCourseNote() == null) continue;
            for (Provenance p : r.getProvenance()) notes.put(p.getReference(), r.getChartedCourseNote());
        }
        if (notes.isEmpty()) return lines;
        List<PriorLine> out = new ArrayList<>();
        for (PriorLine l : lines) {
            Set<String> mine = new java.util.LinkedHashSet<>();
            for (Provenance p : l.getProvenance()) {
                String n = notes.get(p.getReference());
                if (n != null) mine.add(n);
            }
            out.add(mine.isEmpty() ? l : l.withReasonNote(String.join("; ", mine)));
        }
        return out;
    }
}
