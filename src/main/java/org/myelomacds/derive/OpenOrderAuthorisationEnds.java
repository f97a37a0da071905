package org.myelomacds.derive;

import org.myelomacds.facts.Drug;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>
 * Those later records show the drug went on at least that long, not that it stopped. While such an order stays open and
 * no later order or statement of its drug closes it (a completed or stopped one that no dispense or administration of
 * the drug follows past its end), the drug's end after its LAST record is unknown in the same way: that record is marked
 * ({@link MedicationRecord#withEndKeptOpenBy}) naming the open orders (qa-bundles/s21f-03; a stale order superseded by a
 * completed renewal with nothing after it keeps the renewal's end).
 */
public final class OpenOrderAuthorisationEnds {
    private static final Set<String> OPEN_ORDER_STATUSES = Set.of("active", "on-hold");
    private static final Set<String> CLOSING_STATUSES = Set.of("completed", "stopped");

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
        List<MedicationRecord> marked = changed ? List.copyOf(out) : records;
        return keepLastEndsOpen(marked, asOf);
    }

    static boolean isOpenPastAuthorisation(MedicationRecord r, List<MedicationRecord> records, LocalDate asOf) {
        return isOpenOrderPastAuthorisation(r, asOf) && laterOfDrug(r, records, asOf).isEmpty();
    }

    /** An active or on-hold order whose only end is its dispense authorisation, run out before asOf. */
    private static boolean isOpenOrderPastAuthorisation(MedicationRecord r, LocalDate asOf) {
        return r.getSource() == MedicationSource.REQUEST && r.isEndFromAuthorisation() && r.getEnd() != null
                && r.getPlannedEnd() == null && r.getEndUnreadable() == null && !r.isAuthorisationEndOpen()
                && OPEN_ORDER_STATUSES.contains(status(r)) && TherapyRecords.isDatedAndStarted(r, asOf)
                && r.getDrug().getDrugClass().isAntiMyelomaTherapy() && r.getEnd().isBefore(asOf);
    }

    /** The records of r's drug starting after it or running past its end. */
    private static List<MedicationRecord> laterOfDrug(MedicationRecord r, List<MedicationRecord> records, LocalDate asOf) {
        return records.stream().filter(o -> o != null && o != r && o.getDrug().equals(r.getDrug())
                && TherapyRecords.isDatedAndStarted(o, asOf)
                && (o.getStart().isAfter(r.getStart()) || TherapyRecords.lastDay(o, asOf).isAfter(r.getEnd()))).toList();
    }

    /**
     * For each drug with an open order past its authorisation that later records follow and no later order or statement
     * closes: its last records (those whose last day is the drug's latest, before asOf, none already of unknown end)
     * marked with the orders that keep their end open.
     */
    static List<MedicationRecord> keepLastEndsOpen(List<MedicationRecord> records, LocalDate asOf) {
        if (records == null || records.isEmpty()) return records;
        Map<MedicationRecord, List<MedicationRecord>> keptOpen = new IdentityHashMap<>();
        Map<Drug, List<MedicationRecord>> openByDrug = new LinkedHashMap<>();
        for (MedicationRecord r : records) {
            if (r == null || !isOpenOrderPastAuthorisation(r, asOf)) continue;
            List<MedicationRecord> later = laterOfDrug(r, records, asOf);
            if (later.isEmpty() || later.stream().anyMatch(c -> closes(c, records, asOf))) continue;
            openByDrug.computeIfAbsent(r.getDrug(), d -> new ArrayList<>()).add(r);
        }
        openByDrug.forEach((drug, open) -> {
            List<MedicationRecord> ofDrug = records.stream().filter(o -> o != null && o.getDrug().equals(drug)
                    && TherapyRecords.isDatedAndStarted(o, asOf)).toList();
            LocalDate last = ofDrug.stream().map(o -> TherapyRecords.lastDayAmong(o, records, asOf))
                    .max(LocalDate::compareTo).orElseThrow();
            if (!last.isBefore(asOf)) return;
            List<MedicationRecord> ending = ofDrug.stream()
                    .filter(o -> TherapyRecords.lastDayAmong(o, records, asOf).equals(last)).toList();
            // An end already unknown (an old open order, a record dated only) is named by its own gap.
            if (ending.stream().anyMatch(o -> TherapyRecords.hasUnknownEnd(o, asOf))) return;
            ending.forEach(o -> keptOpen.put(o, open));
        });
        if (keptOpen.isEmpty()) return records;
        return records.stream().map(r -> keptOpen.containsKey(r) ? r.withEndKeptOpenBy(keptOpen.get(r)) : r).toList();
    }

    /**
     * A later order or statement of the drug (one of {@link #laterOfDrug}) that says the therapy ended (completed or
     * stopped) and that no dispense or administration of the drug follows past its end: the open order was superseded and
     * the drug stopped by then.
     */
    private static boolean closes(MedicationRecord c, List<MedicationRecord> records, LocalDate asOf) {
        if ((c.getSource() != MedicationSource.REQUEST && c.getSource() != MedicationSource.STATEMENT)
                || !CLOSING_STATUSES.contains(status(c))) {
            return false;
        }
        LocalDate end = TherapyRecords.lastDay(c, asOf);
        return records.stream().noneMatch(d -> d != null && d.getDrug().equals(c.getDrug())
                && (d.getSource() == MedicationSource.DISPENSE || d.getSource() == MedicationSource.ADMINISTRATION)
                && TherapyRecords.isDatedAndStarted(d, asOf) && TherapyRecords.lastDay(d, asOf).isAfter(end));
    }

    private static String status(MedicationRecord r) {
        return r.getStatus() == null ? "" : r.getStatus().trim().toLowerCase(Locale.ROOT);
    }
}
