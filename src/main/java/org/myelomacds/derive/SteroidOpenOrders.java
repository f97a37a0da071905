package org.myelomacds.derive;

import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PartialDateText;
import org.myelomacds.facts.PriorLine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CDS-POLICY-ORDERS3-STEROID-OPEN-ORDER (rules/evidence.yaml; FINDINGS D1): a corticosteroid order still open with no
 * end, older than CDS-POLICY-OPEN-REQUEST reads as ongoing, is read as given on its date only, like any such order.
 * Corticosteroids open and join no line and are not judged for refractoriness, so its unknown end changes no decision
 * and raises no THERAPY_END_UNKNOWN gap (GAP-THERAPY-04 leaves steroids out); so that the one-day reading is not taken
 * for a fact, the line holding the order says how it was read and why.
 */
public final class SteroidOpenOrders {
    private SteroidOpenOrders() {}

    /** The catalogue entry. */
    public static final String POLICY = "CDS-POLICY-ORDERS3-STEROID-OPEN-ORDER";

    /** The lines with a note on each line holding such an order; {@code lines} itself when none does. */
    public static List<PriorLine> noted(List<PriorLine> lines, List<MedicationRecord> records, LocalDate asOf) {
        List<MedicationRecord> steroids = TherapyRecords.staleOpenRequests(records, asOf).stream()
                .filter(r -> r.getDrug().isCatalogued() && r.getDrug().getDrugClass() == DrugClass.CORTICOSTEROID
                        && !r.getProvenance().isEmpty())
                .toList();
        if (steroids.isEmpty()) return lines;
        List<PriorLine> out = new ArrayList<>(lines.size());
        boolean changed = false;
        for (PriorLine l : lines) {
            Set<String> mine = new HashSet<>();
            l.getProvenance().forEach(p -> mine.add(p.getReference()));
            List<String> notes = steroids.stream().filter(r -> mine.contains(r.getProvenance().get(0).getReference()))
                    .map(r -> note(r, asOf)).toList();
            if (notes.isEmpty()) {
                out.add(l);
            } else {
                out.add(l.withReasonNote(String.join("; ", notes)));
                changed = true;
            }
        }
        return changed ? List.copyOf(out) : lines;
    }

    /**
     * The note for the exposure of a corticosteroid whose last dose is such an order's date (sweep s13-orders3 O3-1):
     * its JSON exposure then says what the line says, not a bare one-day course. Null when no such order ends it.
     */
    public static String exposureNote(org.myelomacds.facts.Drug drug, LocalDate lastDose, List<MedicationRecord> records,
                                      LocalDate asOf) {
        if (drug == null || lastDose == null || !drug.isCatalogued() || drug.getDrugClass() != DrugClass.CORTICOSTEROID) {
            return null;
        }
        List<String> notes = TherapyRecords.staleOpenRequests(records, asOf).stream()
                .filter(r -> r.getDrug().equals(drug) && !r.getProvenance().isEmpty() && lastDose.equals(r.getStart()))
                .map(r -> note(r, asOf)).toList();
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    static String note(MedicationRecord r, LocalDate asOf) {
        String name = r.getDrug().displayName();
        return name + " (" + r.getProvenance().get(0).getReference() + "), an order still " + r.getStatus()
                + " with no end written on " + PartialDateText.of(r.getStart(), r.getStartLatest()) + ", more than "
                + TherapyRecords.OPEN_REQUEST_ONGOING_DAYS + " days before " + asOf + ", is read as given on that date"
                + " only, not as ongoing (CDS-POLICY-OPEN-REQUEST); when " + name + " stopped is unknown, but a"
                + " corticosteroid opens and joins no line, does not extend a line's last dose and is not judged for"
                + " refractoriness, so its end changes no decision and no THERAPY_END_UNKNOWN gap names it (project"
                + " policy " + POLICY + ")";
    }
}
