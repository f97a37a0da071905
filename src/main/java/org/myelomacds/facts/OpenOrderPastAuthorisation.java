package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The orders of one drug still active or on-hold at asOf whose only end is their dispense authorisation
 * (validityPeriod end, or supply x (1 + repeats)), run out before asOf with nothing later of the drug recorded
 * (CDS-POLICY-OPEN-REQUEST): the authorisation's end is only the earliest day the drug can have stopped, and its end
 * after that is unknown, bounded by the course's latest possible end (the day before the next line, else asOf). One fact
 * per drug, so the data gap names the drug once.
 */
public final class OpenOrderPastAuthorisation implements HasProvenance {
    private final Drug drug;
    private final List<TherapyEndNotRecorded.Entry> entries;
    private final LocalDate asOf;

    public OpenOrderPastAuthorisation(Drug drug, List<TherapyEndNotRecorded.Entry> entries, LocalDate asOf) {
        this.drug = Objects.requireNonNull(drug, "drug");
        if (entries.isEmpty() || entries.stream().anyMatch(e -> !e.record().getDrug().equals(drug))) {
            throw new IllegalArgumentException("orders must be of " + drug + ": " + entries);
        }
        this.entries = entries.stream().sorted(Comparator.comparing((TherapyEndNotRecorded.Entry e) -> e.record().getStart())
                .thenComparing(e -> Provenances.references(e.record()))).toList();
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    public Drug getDrug() { return drug; }
    public List<TherapyEndNotRecorded.Entry> getEntries() { return entries; }

    /**
     * "lenalidomide: active request MedicationRequest/rd-len 2023-04-24, whose only end is its dispense authorisation
     * (to 2023-07-16): the order is still open, so that day is only the earliest lenalidomide can have stopped, not its
     * last dose; it ended some day from 2023-07-16 to 2026-11-01 (the evaluation date)".
     */
    public String describe() {
        boolean one = entries.size() == 1;
        List<String> each = new ArrayList<>();
        List<String> bounds = new ArrayList<>();
        for (TherapyEndNotRecorded.Entry e : entries) {
            MedicationRecord r = e.record();
            each.add(Provenances.references(r) + " " + PartialDateText.of(r.getStart(), r.getStartLatest())
                    + " (authorised to " + r.getEnd() + ")");
            bounds.add((one ? "it" : Provenances.references(r)) + " ended " + e.course().unknownEndText(asOf));
        }
        String statuses = String.join("/", new TreeSet<>(entries.stream().map(e -> e.record().getStatus()).toList()));
        return drug.displayName() + ": " + (one ? "" : entries.size() + " ") + statuses + (one ? " request " : " requests ")
                + String.join(", ", each) + " whose only end is " + (one ? "its" : "their") + " dispense authorisation"
                + " (validityPeriod end, or supply x (1 + repeats)), with no later record of " + drug.displayName()
                + ": the order is still open, so the authorisation's end is only the earliest day "
                + drug.displayName() + " can have stopped, not its last dose; " + String.join("; ", bounds)
                + " (project policy CDS-POLICY-OPEN-REQUEST)";
    }

    @Override public List<Provenance> getProvenance() {
        return Provenances.of(entries.stream().map(TherapyEndNotRecorded.Entry::record).toList());
    }
}
