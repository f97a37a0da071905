package org.myelomacds.derive;

import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.UnrecognisedCode;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Records of therapy the engine cannot name (CDS-POLICY-UNIDENTIFIED-MEDICATION), grouped into the courses they can
 * stand for: each course may be one line the timeline does not count, a record may not. Six administrations of one
 * unknown RxNorm code over three months are one course of one medication (one possible line), not six.
 *
 * <p>Records are of one medication when the codes the engine could not read are the same set, or, when a record has no
 * code, the same text ({@link UnrecognisedCode} entries of the record's own reference). A record with neither (an
 * antineoplastic the catalogue's catch-all recognised, so no unread code) is of one medication with the records that
 * name their medication by the same words (its text, else its codes: {@link MedicationRecord#getMedicationWords()}),
 * and without such words its own medication: nothing then shows two such records are one drug. Records of one medication form one course while each starts at most
 * {@link LineOfTherapyDeriver#RESUMPTION_WINDOW_DAYS} days after the course's last day so far (the interval the
 * line-of-therapy policy treats as an ordinary break, CDS-POLICY-THERAPY-GAP); undated records are a course each.
 */
public final class UnnamedTherapyCourses {
    private UnnamedTherapyCourses() {}

    /** The courses, each a list of records in date order; the courses in order of their first record. */
    public static List<List<MedicationRecord>> of(List<?> records, List<?> unrecognised) {
        Map<String, List<MedicationRecord>> byMedication = new TreeMap<>();
        List<List<MedicationRecord>> out = new ArrayList<>();
        for (Object o : records == null ? List.of() : records) {
            MedicationRecord r = (MedicationRecord) o;
            String key = identity(r, unrecognised);
            if (key == null || r.getStart() == null) out.add(List.of(r));
            else byMedication.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        for (List<MedicationRecord> same : byMedication.values()) {
            same.sort(Comparator.comparing(MedicationRecord::getStart)
                    .thenComparing(r -> Objects.toString(r.sourceReference(), "")));
            List<MedicationRecord> course = new ArrayList<>();
            LocalDate last = null;
            for (MedicationRecord r : same) {
                if (last != null && ChronoUnit.DAYS.between(last, r.getStart()) > LineOfTherapyDeriver.RESUMPTION_WINDOW_DAYS) {
                    out.add(course);
                    course = new ArrayList<>();
                    last = null;
                }
                course.add(r);
                LocalDate end = r.getEnd() != null && r.getEnd().isAfter(r.getStart()) ? r.getEnd() : r.getStart();
                if (last == null || end.isAfter(last)) last = end;
            }
            out.add(course);
        }
        out.sort(Comparator.comparing((List<MedicationRecord> c) -> c.get(0).getStart(),
                Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(c -> Objects.toString(c.get(0).sourceReference(), "")));
        return out;
    }

    /** How many courses: the most lines these records can add. */
    public static int count(List<?> records, List<?> unrecognised) { return of(records, unrecognised).size(); }

    /** The drug the record holds and the codes (else the text) the engine could not read from it; null when none. */
    private static String identity(MedicationRecord r, List<?> unrecognised) {
        String ref = r.sourceReference();
        if (ref == null) return null;
        TreeSet<String> codes = new TreeSet<>();
        TreeSet<String> texts = new TreeSet<>();
        for (Object o : unrecognised == null ? List.of() : unrecognised) {
            if (!(o instanceof UnrecognisedCode u) || !ref.equals(u.reference())) continue;
            if (u.code() != null) codes.add(Objects.toString(u.system(), "") + "|" + u.code().trim());
            else if (u.display() != null && !u.display().isBlank()) {
                texts.add(u.display().trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!codes.isEmpty()) return r.getDrug().name() + " codes " + codes;
        if (!texts.isEmpty()) return r.getDrug().name() + " text " + texts;
        // the catalogue's catch-all (a study drug by its text): records naming it by the same words are one medication
        if (r.getMedicationWords() != null) return r.getDrug().name() + " named " + r.getMedicationWords();
        return null;
    }
}
