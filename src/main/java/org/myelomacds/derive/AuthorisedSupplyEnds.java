package org.myelomacds.derive;

import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION (rules/evidence.yaml): an order whose end comes only from its
 * dispense authorisation (validity, supply x repeats) says how long the drug may be dispensed, not that it was taken.
 * When a progression is documented inside that span and a new anti-myeloma regimen without the drug starts after it,
 * with nothing of the drug dated after the progression (no fill, administration, statement or other order), the order
 * ends on the progression: at progression the regimen changes (LOT-B15), so the drug is not carried into the next line.
 */
public final class AuthorisedSupplyEnds {
    private AuthorisedSupplyEnds() {}

    /** The records with such orders ending on the progression; the list itself when none does. */
    public static List<MedicationRecord> cut(List<MedicationRecord> records, List<DiseaseStatus> statuses, LocalDate asOf) {
        if (records == null || records.isEmpty() || statuses == null) return records;
        List<LocalDate> progressions = statuses.stream()
                .filter(p -> p != null && p.isProgression() && p.isDated() && !p.getDate().isAfter(asOf))
                .map(DiseaseStatus::getDate).sorted(Comparator.naturalOrder()).toList();
        if (progressions.isEmpty()) return records;
        List<MedicationRecord> out = new ArrayList<>(records.size());
        boolean changed = false;
        for (MedicationRecord r : records) {
            LocalDate day = r == null ? null : cutDay(r, records, progressions, asOf);
            if (day != null) {
                out.add(r.endingOn(day));
                changed = true;
            } else {
                out.add(r);
            }
        }
        return changed ? List.copyOf(out) : records;
    }

    /** An order {@link #cut} ends on {@code day} (a progression) instead of at the end its authorisation gives. */
    public record Cut(MedicationRecord order, LocalDate day) {
        /** What the line holding the order says about its end (D3: the policy named where the line ends). */
        public String note() {
            String ref = order.getProvenance().isEmpty() ? "its order" : order.getProvenance().get(0).getReference();
            return order.getDrug().displayName() + " (" + ref + ") read as given up to the progression on " + day
                    + ", not to " + order.getEnd() + ", the end its dispense authorisation allows: a new regimen without "
                    + order.getDrug().displayName() + " followed the progression and nothing of it is dated after"
                    + " (project policy CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION)";
        }
    }

    /** The orders {@link #cut} ends on a progression, each with that day, in record order. */
    public static List<Cut> cuts(List<MedicationRecord> records, List<DiseaseStatus> statuses, LocalDate asOf) {
        if (records == null || records.isEmpty() || statuses == null) return List.of();
        List<LocalDate> progressions = statuses.stream()
                .filter(p -> p != null && p.isProgression() && p.isDated() && !p.getDate().isAfter(asOf))
                .map(DiseaseStatus::getDate).sorted(Comparator.naturalOrder()).toList();
        if (progressions.isEmpty()) return List.of();
        List<Cut> out = new ArrayList<>();
        for (MedicationRecord r : records) {
            LocalDate day = r == null ? null : cutDay(r, records, progressions, asOf);
            if (day != null) out.add(new Cut(r, day));
        }
        return List.copyOf(out);
    }

    /** The lines with a note on each line holding a cut order (its reason says where and why the order ended). */
    public static List<org.myelomacds.facts.PriorLine> noted(List<org.myelomacds.facts.PriorLine> lines, List<Cut> cuts) {
        if (cuts.isEmpty()) return lines;
        List<org.myelomacds.facts.PriorLine> out = new ArrayList<>(lines.size());
        for (org.myelomacds.facts.PriorLine l : lines) {
            java.util.Set<String> mine = new java.util.HashSet<>();
            l.getProvenance().forEach(p -> mine.add(p.getReference()));
            List<String> notes = cuts.stream().filter(c -> !c.order().getProvenance().isEmpty()
                    && mine.contains(c.order().getProvenance().get(0).getReference())).map(Cut::note).toList();
            out.add(notes.isEmpty() ? l : l.withReasonNote(String.join("; ", notes)));
        }
        return List.copyOf(out);
    }

    /** The first progression the order is cut at, or null. */
    static LocalDate cutDay(MedicationRecord r, List<MedicationRecord> records, List<LocalDate> progressions, LocalDate asOf) {
        if (r.getSource() != MedicationSource.REQUEST || !r.isEndFromAuthorisation() || r.getEnd() == null
                || !TherapyRecords.isDatedAndStarted(r, asOf) || !r.getDrug().getDrugClass().isAntiMyelomaTherapy()) {
            return null;
        }
        for (LocalDate p : progressions) {
            // Inside the authorised span: after the order's latest start, before its end.
            if (!p.isAfter(r.getStartLatest()) || !p.isBefore(r.getEnd())) continue;
            boolean drugAfter = records.stream().anyMatch(o -> o != null && o != r && o.getDrug().equals(r.getDrug())
                    && TherapyRecords.isDatedAndStarted(o, asOf) && o.getStartLatest().isAfter(p));
            if (drugAfter) return null;
            boolean newRegimen = records.stream().anyMatch(o -> o != null && !o.getDrug().equals(r.getDrug())
                    && o.getDrug().getDrugClass().isAntiMyelomaTherapy() && TherapyRecords.isDatedAndStarted(o, asOf)
                    && o.getStart().isAfter(p) && !o.getStart().isAfter(r.getEnd()));
            if (newRegimen) return p;
        }
        return null;
    }
}
