package org.myelomacds.derive;

import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CDS-POLICY-OPEN-REQUEST (rules/evidence.yaml), for an order whose only end is its dispense authorisation
 * (dispenseRequest.validityPeriod end, or expectedSupplyDuration x (1 + numberOfRepeatsAllowed)): that end says how long
 * the drug may be dispensed, not that it was stopped (CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION). While the order
 * is still active or on-hold at asOf and its authorisation ran out before asOf, the record does not say when the drug
 * stopped: lenalidomide under its REMS programme is often filled outside the EHR (as CDS-POLICY-ORDERS2-FILLS-UNDER-OPEN-
 * ORDER reads fills). The authorisation's end is then only the earliest day the drug can have stopped, and its end
 * after that is unknown, bounded as CDS-POLICY-UNKNOWN-END bounds it (the day before the next line, else asOf).
 * <p>
 * Not read this way: a completed or stopped order (its status says it ended; a stopped one is read by
 * CDS-POLICY-STOPPED-PLANNED-END), an order whose end is a dosing period or dose duration, an order cut at a progression
 * (CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION), corticosteroids (they make no line and are not judged for
 * refractoriness), and an order followed by a later record of its drug (an administration, dispense, statement or
 * later order starting after it, or one running past its authorisation): those records say how long the drug went on.
 */
public final class OpenOrderAuthorisationEnds {
    private static final Set<String> OPEN_ORDER_STATUSES = Set.of("active", "on-hold");

    private OpenOrderAuthorisationEnds() {}

    /** The records with such orders marked ({@link MedicationRecord#withAuthorisationEndOpen}); the list itself when none is. */
    public static List<MedicationRecord> mark(List<MedicationRecord> records, LocalDate asOf) {
        if (records == null || records.isEmpty()) return records;
        List<MedicationRecord> out = new ArrayList<>(records.size());
        boolean changed = false;
        for (MedicationRecord r : records) {
            if (r != null && isOpenPastAuthorisation(r, records, asOf)) {
                out.add(r.withAuthorisationEndOpen());
                changed = true;
            } else {
                out.add(r);
            }
        }
        return changed ? List.copyOf(out) : records;
    }

    static boolean isOpenPastAuthorisation(MedicationRecord r, List<MedicationRecord> records, LocalDate asOf) {
        if (r.getSource() != MedicationSource.REQUEST || !r.isEndFromAuthorisation() || r.getEnd() == null
                || r.getPlannedEnd() != null || r.getEndUnreadable() != null || r.isAuthorisationEndOpen()
                || !OPEN_ORDER_STATUSES.contains(status(r)) || !TherapyRecords.isDatedAndStarted(r, asOf)
                || !r.getDrug().getDrugClass().isAntiMyelomaTherapy() || !r.getEnd().isBefore(asOf)) {
            return false;
        }
        return records.stream().noneMatch(o -> o != null && o != r && o.getDrug().equals(r.getDrug())
                && TherapyRecords.isDatedAndStarted(o, asOf)
                && (o.getStart().isAfter(r.getStart()) || TherapyRecords.lastDay(o, asOf).isAfter(r.getEnd())));
    }

    private static String status(MedicationRecord r) {
        return r.getStatus() == null ? "" : r.getStatus().trim().toLowerCase(Locale.ROOT);
    }
}
