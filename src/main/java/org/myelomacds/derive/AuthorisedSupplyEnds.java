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
