package org.myelomacds.derive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugHistoryGap;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.Provenance;

/**
 * Blinded trial products (project policy CDS-POLICY-BLINDED-STUDY-DRUG): a record whose words say it is a catalogued drug
 * or a placebo ("Ixazomib 4 mg or placebo capsule, double-blind") is therapy (the line it belongs to stands: its
 * open-label partners, or the study product itself, were given), but not an exposure to the drug, which the patient may
 * not have received. Its course decides no refractoriness, and a gap per drug leaves exposure to it, naivety and
 * refractoriness undecided until the record says which arm. A record of the drug itself, not blinded, dated from the
 * blinded records' first day to {@value #UNBLINDING_WINDOW_DAYS} days after their last, says it when it continues their
 * course: no progression is documented from the last blinded record before it to its start. The blinded records are then
 * the drug. An open-label record begun after a progression (the crossover a placebo-controlled trial offers its placebo
 * arm, or the drug added at relapse) says nothing of the arm: the blinded records stay undecided (FINDINGS L1).
 */
public final class BlindedRecords {
    private BlindedRecords() {}

    /**
     * How long after the last blinded record a record of the drug itself still unblinds it: the longest interval between
     * two doses the engine reads as one regimen's rhythm (CDS-POLICY-CONTINUE-AFTER-PD), so the open-label record
     * continues the same course; a record of the drug years later is another course and says nothing of the trial arm.
     */
    public static final int UNBLINDING_WINDOW_DAYS = LineOfTherapyDeriver.CONTINUE_INTERVAL_MAX_DAYS;

    /** The records, with the blinded ones that a given record of the drug itself unblinds read as that drug. */
    public static List<MedicationRecord> unblinded(List<MedicationRecord> records, List<DiseaseStatus> statuses) {
        Map<Drug, LocalDate[]> spans = new TreeMap<>();
        for (MedicationRecord r : records) {
            if (!r.isBlinded() || r.getStart() == null) continue;
            LocalDate last = lastDay(r);
            spans.merge(r.getDrug(), new LocalDate[] {r.getStart(), last}, (a, b) -> new LocalDate[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        if (spans.isEmpty()) return records;
        Set<Drug> open = new TreeSet<>();
        for (MedicationRecord r : records) {
            LocalDate[] span = spans.get(r.getDrug());
            if (span == null || r.isBlinded() || !TherapyRecords.isGiven(r) || r.getStart() == null) continue;
            if (!r.getStart().isBefore(span[0]) && !r.getStart().isAfter(span[1].plusDays(UNBLINDING_WINDOW_DAYS))
                    && !progressionBefore(r, lastBlindedBefore(records, r), statuses)) {
                open.add(r.getDrug());
            }
        }
        if (open.isEmpty()) return records;
        List<MedicationRecord> out = new ArrayList<>(records.size());
        for (MedicationRecord r : records) out.add(r.isBlinded() && open.contains(r.getDrug()) ? r.withBlinded(null) : r);
        return out;
    }

    /** The given records that stay blinded. */
    public static List<MedicationRecord> blinded(List<MedicationRecord> records) {
        return records.stream().filter(r -> r.isBlinded() && TherapyRecords.isGiven(r)).toList();
    }

    /**
     * The courses without those formed only of blinded records: such a course says the study product was given, not
     * the drug, so no progression is judged against it as a course of the drug.
     */
    public static List<DosingPeriod> withoutBlindedCourses(List<DosingPeriod> courses, List<MedicationRecord> blinded) {
        if (blinded.isEmpty()) return courses;
        Set<String> refs = new TreeSet<>();
        for (MedicationRecord r : blinded) r.getProvenance().forEach(p -> refs.add(p.getReference()));
        List<DosingPeriod> out = new ArrayList<>();
        for (DosingPeriod c : courses) {
            boolean onlyBlinded = !c.getProvenance().isEmpty()
                    && c.getProvenance().stream().map(Provenance::getReference).allMatch(refs::contains);
            if (!onlyBlinded) out.add(c);
        }
        return out.size() == courses.size() ? courses : List.copyOf(out);
    }

    /** One gap per drug given only as a blinded product in some records (DrugHistoryGap.Kind.BLINDED_STUDY_DRUG). */
    public static List<DrugHistoryGap> gaps(List<MedicationRecord> blinded) {
        return gaps(blinded, List.of());
    }

    /**
     * The same gaps, each beside whether every blinded record of its drug is dated: the rules state a gap unless both
     * study arms read the same (DERIVE-REFRACTORY-88/-89), which only dated records can show.
     */
    public static List<org.myelomacds.facts.BlindedProductGap> candidateGaps(List<MedicationRecord> blinded,
                                                                            List<MedicationRecord> all) {
        Set<Drug> undated = new TreeSet<>();
        for (MedicationRecord r : blinded) if (r.getStart() == null) undated.add(r.getDrug());
        return gaps(blinded, all).stream()
                .map(g -> new org.myelomacds.facts.BlindedProductGap(g, !undated.contains(g.getDrug()))).toList();
    }

    /** The longest note quoted in a gap; a longer one is cut at a word and ends with "...". */
    static final int NOTE_QUOTE_MAX = 240;

    /**
     * The same, each gap quoting a note found on the drug's blinded records or, failing one, on a later record of the drug
     * in {@code records} (an unblinding written as free text, FINDINGS N2): the note is shown, not read as the arm.
     */
    public static List<DrugHistoryGap> gaps(List<MedicationRecord> blinded, List<MedicationRecord> all) {
        Map<Drug, List<MedicationRecord>> byDrug = new TreeMap<>();
        for (MedicationRecord r : blinded) byDrug.computeIfAbsent(r.getDrug(), d -> new ArrayList<>()).add(r);
        List<DrugHistoryGap> out = new ArrayList<>();
        byDrug.forEach((drug, records) -> {
            List<MedicationRecord> sorted = new ArrayList<>(records);
            sorted.sort(java.util.Comparator.comparing((MedicationRecord r) -> r.getStart() == null ? LocalDate.MIN : r.getStart())
                    .thenComparing(r -> r.getProvenance().isEmpty() ? "" : r.getProvenance().get(0).getReference()));
            LocalDate first = sorted.stream().map(MedicationRecord::getStart).filter(java.util.Objects::nonNull)
                    .min(LocalDate::compareTo).orElse(null);
            LocalDate last = sorted.stream().filter(r -> r.getStart() != null).map(BlindedRecords::lastDay)
                    .max(LocalDate::compareTo).orElse(null);
            String when = first == null ? "undated" : first.equals(last) ? "on " + first : "from " + first + " to " + last;
            out.add(DrugHistoryGap.blindedStudyDrug(drug, sorted, when, sorted.get(0).getBlinded(),
                    noteQuote(drug, sorted, first, all)));
        });
        return out;
    }

    /**
     * One fact per drug given only as a blinded product in some dated records, with the span of those records: the
     * washout rules read its last record as the last anti-CD38 dose of the active-arm reading (rules/derive/washout.drl).
     */
    public static List<org.myelomacds.facts.BlindedProduct> products(List<MedicationRecord> blinded) {
        Map<Drug, List<MedicationRecord>> byDrug = new TreeMap<>();
        for (MedicationRecord r : blinded) if (r.getStart() != null) byDrug.computeIfAbsent(r.getDrug(), d -> new ArrayList<>()).add(r);
        List<org.myelomacds.facts.BlindedProduct> out = new ArrayList<>();
        byDrug.forEach((drug, records) -> {
            List<MedicationRecord> sorted = new ArrayList<>(records);
            sorted.sort(java.util.Comparator.comparing(MedicationRecord::getStart)
                    .thenComparing(r -> r.getProvenance().isEmpty() ? "" : r.getProvenance().get(0).getReference()));
            LocalDate first = sorted.get(0).getStart();
            LocalDate last = sorted.stream().map(BlindedRecords::lastDay).max(LocalDate::compareTo).orElseThrow();
            String firstRef = sorted.get(0).getProvenance().isEmpty() ? "" : sorted.get(0).getProvenance().get(0).getReference();
            String named = sorted.size() == 1 ? firstRef : firstRef + " and " + (sorted.size() - 1) + " more";
            out.add(new org.myelomacds.facts.BlindedProduct(drug, first, last, named,
                    org.myelomacds.facts.Provenances.of(sorted)));
        });
        return out;
    }

    /**
     * "a note on MedicationAdministration/x says '...'" for the first note (by date) on the drug's blinded records, else on
     * a record of the drug dated on or after their first day; null when none carries a note.
     */
    static String noteQuote(Drug drug, List<MedicationRecord> blinded, LocalDate first, List<MedicationRecord> records) {
        MedicationRecord noted = firstNoted(blinded);
        if (noted == null && first != null) {
            noted = firstNoted(records.stream().filter(r -> r.getDrug().equals(drug) && !r.isBlinded()
                    && r.getStart() != null && !r.getStart().isBefore(first)).toList());
        }
        if (noted == null) return null;
        String text = noted.getNote();
        if (text.length() > NOTE_QUOTE_MAX) {
            int cut = text.lastIndexOf(' ', NOTE_QUOTE_MAX);
            text = text.substring(0, cut > 0 ? cut : NOTE_QUOTE_MAX) + "...";
        }
        String ref = noted.getProvenance().isEmpty() ? "a record" : noted.getProvenance().get(0).getReference();
        return "a note on " + ref + " says '" + text + "'";
    }

    private static MedicationRecord firstNoted(List<MedicationRecord> records) {
        return records.stream().filter(r -> r.getNote() != null)
                .min(java.util.Comparator.comparing((MedicationRecord r) -> r.getStart() == null ? LocalDate.MAX : r.getStart())
                        .thenComparing(r -> r.getProvenance().isEmpty() ? "" : r.getProvenance().get(0).getReference()))
                .orElse(null);
    }

    /** The last day of the drug's blinded records up to the open-label record's start (no later than that start). */
    private static LocalDate lastBlindedBefore(List<MedicationRecord> records, MedicationRecord open) {
        LocalDate last = null;
        for (MedicationRecord r : records) {
            if (!r.isBlinded() || r.getStart() == null || !r.getDrug().equals(open.getDrug())
                    || r.getStart().isAfter(open.getStart())) continue;
            LocalDate day = lastDay(r).isAfter(open.getStart()) ? open.getStart() : lastDay(r);
            if (last == null || day.isAfter(last)) last = day;
        }
        return last;
    }

    /**
     * Whether a progression, documented or possible (a date range that may fall there), lies from the last blinded record
     * to the open-label record's start: the open-label drug then begins a new course, not the blinded one's.
     */
    private static boolean progressionBefore(MedicationRecord open, LocalDate lastBlinded, List<DiseaseStatus> statuses) {
        if (lastBlinded == null) return false;
        for (DiseaseStatus d : statuses) {
            if (d == null || d.getDate() == null || !(d.isProgression() || d.isPossibleProgression())) continue;
            LocalDate latest = d.getLatest() == null ? d.getDate() : d.getLatest();
            if (!latest.isBefore(lastBlinded) && !d.getDate().isAfter(open.getStart())) return true;
        }
        return false;
    }

    private static LocalDate lastDay(MedicationRecord r) {
        return r.getEnd() != null && r.getEnd().isAfter(r.getStart()) ? r.getEnd() : r.getStart();
    }
}
