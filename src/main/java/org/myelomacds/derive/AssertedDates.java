package org.myelomacds.derive;

import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PriorLine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * CDS-POLICY-DATE-ASSERTED (rules/evidence.yaml): a MedicationStatement with no effective[x] but a dateAsserted. The
 * statement was made that day, so it bounds when the drug was taken; it does not say when the drug started.
 * <ul>
 * <li>An {@code active} statement says the drug was being taken on the asserted day. It is placed on the timeline only
 *     when the lines the dated records form leave one place for it: the asserted day is after the last line ended (all
 *     its drugs stopped, an unknown end at its latest) and after a progression documented after that line started. A
 *     regimen taken after the previous one ended and after a documented progression is a new line (LOT-B15) whatever
 *     day in between it started, so the line count and the line's drugs do not depend on the unknown start. The record
 *     then starts some day after the later of that end and that progression, and on or before the asserted day; its end
 *     is unknown from the asserted day to the day before the next line started, else asOf (as CDS-POLICY-UNKNOWN-END
 *     bounds it), so refractoriness turns on the unknown end and stays undecided where it could.</li>
 * <li>Otherwise it is not placed (the reason is kept on the record and shown with it): an active statement asserted on
 *     or before the last line's end, or with no progression in between, may belong to that line or an earlier one; a
 *     completed, stopped or on-hold one says only that its last dose was on or before the asserted day; one whose
 *     dateAsserted is a month or a year is not placed either. Such a record stays an undated exposure (refractoriness
 *     and washout unknown, the drug history incomplete) whose texts say what the asserted day bounds.</li>
 * <li>An {@code intended} statement is a plan, never an exposure, whatever its dateAsserted. A dateAsserted after asOf
 *     is never read: the statement did not exist yet (fhir/AsOfCut drops it).</li>
 * </ul>
 * Only active statements asserted no later than asOf are candidates; the previous line is the last line the dated
 * records form without the asserted ones.
 */
public final class AssertedDates {
    private AssertedDates() {}

    /** Whether any given record is dated only by dateAsserted (so that the timeline is derived again after placing). */
    public static boolean any(List<MedicationRecord> records) {
        return records != null && records.stream().anyMatch(r -> r != null && r.getStart() == null
                && r.getAssertedOn() != null && TherapyRecords.isGiven(r));
    }

    /**
     * The records with each asserted-only one placed ({@link MedicationRecord#placedByAssertion}) or marked with why it
     * is not ({@link MedicationRecord#notPlacedByAssertion}); every other record is returned as is, in the same order.
     * {@code lines}: the lines the other records form.
     */
    public static List<MedicationRecord> place(List<MedicationRecord> records, List<PriorLine> lines,
                                               List<DiseaseStatus> statuses, LocalDate asOf) {
        List<MedicationRecord> out = new ArrayList<>();
        PriorLine last = lines == null ? null : lines.stream().filter(PriorLine::isLastLine).findFirst().orElse(null);
        for (MedicationRecord r : records == null ? List.<MedicationRecord>of() : records) {
            if (r == null || r.getStart() != null || r.getAssertedOn() == null || !TherapyRecords.isGiven(r)) {
                out.add(r);
                continue;
            }
            out.add(decide(r, last, lines, statuses, asOf));
        }
        return out;
    }

    private static MedicationRecord decide(MedicationRecord r, PriorLine last, List<PriorLine> lines,
                                           List<DiseaseStatus> statuses, LocalDate asOf) {
        String status = r.getStatus() == null ? "" : r.getStatus().trim().toLowerCase(Locale.ROOT);
        LocalDate day = r.getAssertedOn();
        if (!"active".equals(status)) {
            return r.notPlacedByAssertion("a " + (status.isEmpty() ? "statement without status" : status + " statement")
                    + " says only that the drug was taken by that day, not when, so it is in no line");
        }
        if (!day.equals(r.getAssertedOnLatest())) {
            return r.notPlacedByAssertion("the asserted date gives no day, so it is in no line");
        }
        if (day.isAfter(asOf)) return r.notPlacedByAssertion("asserted after the evaluation date, so it is in no line");
        if (last == null) {
            return r.notPlacedByAssertion("no dated line of therapy precedes it, so which line it belongs to is unknown");
        }
        LocalDate lastEnd = last.isOngoing() ? asOf : last.getEndLatest();
        // W6: asserted before a dated line started, it cannot belong to that line or a later one: say where it lies.
        PriorLine before = lines.stream().filter(l -> !l.getStart().isAfter(day))
                .max(Comparator.comparing(PriorLine::getStart)).orElse(null);
        PriorLine next = lines.stream().filter(l -> l.getStart().isAfter(day))
                .min(Comparator.comparing(PriorLine::getStart)).orElse(null);
        if (next != null && before == null) {
            return r.notPlacedByAssertion("asserted before line " + next.getNumber() + " started ("
                    + next.getStartText() + "), so it may have been a line of its own before it, or part of it if line "
                    + next.getNumber() + " began earlier than recorded, and is in no line");
        }
        if (next != null) {
            return r.notPlacedByAssertion("asserted after line " + before.getNumber() + " started ("
                    + before.getStartText() + ") and before line " + next.getNumber() + " started ("
                    + next.getStartText() + "), so it may belong to line " + before.getNumber()
                    + " or be a line of its own between them, and is in no line");
        }
        if (!day.isAfter(lastEnd)) {
            return r.notPlacedByAssertion("asserted on or before line " + last.getNumber() + " ended ("
                    + last.getEndText() + "), so it may belong to that line or an earlier one and is in no line");
        }
        DiseaseStatus progression = (statuses == null ? List.<DiseaseStatus>of() : statuses).stream()
                .filter(d -> d != null && d.isProgression() && d.isDated() && d.getDate().isAfter(last.getStart())
                        && d.getLatest().isBefore(day))
                .max(Comparator.comparing(DiseaseStatus::getLatest)).orElse(null);
        if (progression == null) {
            return r.notPlacedByAssertion("no progression is documented after line " + last.getNumber()
                    + " started and before that day, so whether it continues line " + last.getNumber()
                    + " or opens a new line depends on its unknown start; it is in no line");
        }
        LocalDate after = lastEnd.isAfter(progression.getLatest()) ? lastEnd : progression.getLatest();
        String note = r.getAssertedText() + ": placed after line " + last.getNumber()
                + " ended (" + last.getEndText() + ") and after the progression " + progression.onDate() + " ("
                + progression.sourceReference() + "), so it started some day from " + after.plusDays(1) + " to " + day
                + " (CDS-POLICY-DATE-ASSERTED)";
        return r.placedByAssertion(after.plusDays(1), note);
    }
}
