package org.myelomacds.derive;

import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.DrugIntolerance;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.ToleratedRechallenge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which drugs the record says the patient did not tolerate. A medication record stopped for toxicity is an intolerance
 * of its own drug only when its own reason is that drug's:
 * <ul>
 *   <li>a reason that names other drugs of the catalogue and not this one ("grade 3 heart failure on carfilzomib" on the
 *       dexamethasone record) belongs to the drugs it names: this record was stopped with them;</li>
 *   <li>a steroid (dexamethasone, prednisone…) stopped with the same reason as a non-steroid partner of its line (same
 *       plan, or same last day) was stopped with the line: every drug of the line carries the line's reason, and the
 *       steroid is the backbone of the next line too. A steroid is intolerant only when its own record says so (a reason
 *       of its own, or one that names it).</li>
 * </ul>
 * A record stopped for a toxicity of its own is not an intolerance when the record shows the same drug given again after
 * it (a later given record of the drug starting after the stopped record's last day): the drug was tolerated on
 * re-challenge, as after an infusion reaction at a first daratumumab dose that was interrupted and resumed (FINDINGS J3,
 * CDS-POLICY-INTOLERANCE-RECHALLENGE). It is kept as a {@link ToleratedRechallenge} so the reaction is still named. A
 * drug stopped for toxicity and never given again stays an intolerance.
 * An AllergyIntolerance naming a catalogue drug (read by the mapper) is an intolerance as recorded.
 */
public final class Intolerances {
    private Intolerances() {}

    /** The intolerances of the given records (as of asOf) and the recorded ones, sorted (by drug, latest first). */
    public static List<DrugIntolerance> of(List<MedicationRecord> records, List<DrugIntolerance> recorded, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<MedicationRecord> given = given(records, asOf);
        TreeSet<DrugIntolerance> out = new TreeSet<>();
        for (MedicationRecord r : given) {
            if (!isOwn(r, given)) continue;
            LocalDate when = r.getEnd() != null && !r.getEnd().isAfter(asOf) ? r.getEnd() : r.getStart();
            DrugIntolerance.Kind kind = DrugIntolerance.Kind.STOPPED_FOR_TOXICITY;
            out.add(new DrugIntolerance(r.getDrug(), kind, r.getStopReason(), when,
                    r.getProvenance().isEmpty() ? null : r.getProvenance().get(0)));
        }
        if (recorded != null) out.addAll(recorded);
        return List.copyOf(out);
    }

    /**
     * Drugs stopped for a toxicity of their own and given again afterwards (CDS-POLICY-INTOLERANCE-RECHALLENGE), as of
     * asOf: one per drug, the latest stopped record, with the first record given after it.
     */
    public static List<ToleratedRechallenge> toleratedOnRechallenge(List<MedicationRecord> records, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<MedicationRecord> given = given(records, asOf);
        java.util.Map<org.myelomacds.facts.Drug, ToleratedRechallenge> out = new java.util.TreeMap<>();
        for (MedicationRecord r : given) {
            if (!isOwnReason(r, given)) continue;
            MedicationRecord again = givenAgain(r, given);
            if (again == null) continue;
            LocalDate when = lastRecordedDay(r) != null ? lastRecordedDay(r) : r.getStart();
            ToleratedRechallenge t = new ToleratedRechallenge(r.getDrug(), r.getStopReason(), when,
                    r.getProvenance().isEmpty() ? null : r.getProvenance().get(0), again.getStart(),
                    again.getProvenance().isEmpty() ? null : again.getProvenance().get(0));
            out.merge(r.getDrug(), t, (a, b) -> b.date() != null && (a.date() == null || b.date().isAfter(a.date())) ? b : a);
        }
        return List.copyOf(out.values());
    }

    /**
     * The first record of the same drug given after {@code r}'s last recorded day, or null: the drug given again after it
     * was stopped (CDS-POLICY-INTOLERANCE-RECHALLENGE). A stopped record with no last day (an open statement with only its
     * start) is never re-challenged: nothing dates what came after it.
     */
    static MedicationRecord givenAgain(MedicationRecord r, List<MedicationRecord> all) {
        LocalDate last = lastRecordedDay(r);
        if (last == null && r.getSource() != org.myelomacds.facts.MedicationSource.STATEMENT) last = r.getStartLatest();
        if (last == null) return null;
        MedicationRecord first = null;
        for (MedicationRecord o : all) {
            if (o == r || !o.getDrug().equals(r.getDrug()) || o.getStart() == null || !o.getStart().isAfter(last)) continue;
            if (first == null || o.getStart().isBefore(first.getStart())) first = o;
        }
        return first;
    }

    /**
     * Whether a record was stopped for a toxicity of its own drug and the drug was not given again after it (see the
     * class comment); {@code all}: its patient's records.
     */
    public static boolean isOwn(MedicationRecord r, List<MedicationRecord> all) {
        return isOwnReason(r, all) && givenAgain(r, all) == null;
    }

    /** Whether a record was stopped for a toxicity of its own drug, whatever came after (see the class comment). */
    private static boolean isOwnReason(MedicationRecord r, List<MedicationRecord> all) {
        if (!r.isStoppedForToxicity()) return false;
        List<Drug> named = r.getStopReasonDrugs();
        if (named.contains(r.getDrug())) return true;
        if (!named.isEmpty()) return false;
        if (!r.getDrug().isCatalogued() || r.getDrug().getDrugClass() != DrugClass.CORTICOSTEROID) return true;
        for (MedicationRecord p : all) {
            if (p == r || !p.isStoppedForToxicity() || !p.getDrug().isCatalogued()
                    || p.getDrug().getDrugClass() == DrugClass.CORTICOSTEROID) continue;
            boolean sameLine = (r.getGroupRef() != null && r.getGroupRef().equals(p.getGroupRef()))
                    || (lastRecordedDay(r) != null && lastRecordedDay(r).equals(lastRecordedDay(p)));
            if (sameLine && Objects.equals(normalised(r.getStopReason()), normalised(p.getStopReason()))) return false;
        }
        return true;
    }

    /**
     * The record's end; for a completed or stopped statement with only its date, that date (its end is unknown, but the
     * two records were stopped together on that day's record as before CDS-POLICY-UNKNOWN-END).
     */
    private static java.time.LocalDate lastRecordedDay(MedicationRecord r) {
        if (r.getEnd() != null) return r.getEnd();
        boolean ended = "completed".equals(r.getStatus()) || "stopped".equals(r.getStatus());
        return ended && r.getSource() == org.myelomacds.facts.MedicationSource.STATEMENT ? r.getStartLatest() : null;
    }

    private static String normalised(String reason) {
        return reason == null ? null : reason.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<MedicationRecord> given(List<MedicationRecord> records, LocalDate asOf) {
        List<MedicationRecord> out = new ArrayList<>();
        for (MedicationRecord r : records == null ? List.<MedicationRecord>of() : records) {
            if (r == null || !TherapyRecords.isGiven(r)) continue;
            if (r.getStart() != null && r.getStart().isAfter(asOf)) continue;
            out.add(r);
        }
        return out;
    }
}
