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
        List<TherapyEndNotRecorded.Entry> own = entries.stream().filter(e -> e.record().getEndKeptOpenBy().isEmpty()).toList();
        List<TherapyEndNotRecorded.Entry> kept = entries.stream().filter(e -> !e.record().getEndKeptOpenBy().isEmpty()).toList();
        List<String> parts = new ArrayList<>();
        if (!own.isEmpty()) parts.add(describeOwn(own));
        if (!kept.isEmpty()) parts.add(describeKeptOpen(kept));
        return drug.displayName() + ": " + String.join("; ", parts) + " (project policy CDS-POLICY-OPEN-REQUEST)";
    }

    private String describeOwn(List<TherapyEndNotRecorded.Entry> own) {
        boolean one = own.size() == 1;
        List<String> each = new ArrayList<>();
        List<String> bounds = new ArrayList<>();
        for (TherapyEndNotRecorded.Entry e : own) {
            MedicationRecord r = e.record();
            each.add(Provenances.references(r) + " " + PartialDateText.of(r.getStart(), r.getStartLatest())
                    + " (authorised to " + r.getEnd() + ")");
            bounds.add((one ? "it" : Provenances.references(r)) + " ended " + e.course().unknownEndText(asOf));
        }
        String statuses = String.join("/", new TreeSet<>(own.stream().map(e -> e.record().getStatus()).toList()));
        return (one ? "" : own.size() + " ") + statuses + (one ? " request " : " requests ")
                + String.join(", ", each) + " whose only end is " + (one ? "its" : "their") + " dispense authorisation"
                + " (validityPeriod end, or supply x (1 + repeats)), with no later record of " + drug.displayName()
                + ": the order is still open, so the authorisation's end is only the earliest day "
                + drug.displayName() + " can have stopped, not its last dose; " + String.join("; ", bounds);
    }

    /**
     * "active request MedicationRequest/rd-len 2023-04-24 (authorised to 2023-07-23) is still open past its dispense
     * authorisation and no later order or statement of lenalidomide closes it ...: the later records show lenalidomide
     * went on, not that it stopped, so the last of them (MedicationDispense/rd-len-d2 2025-03-31, to 2025-04-27) is only
     * the earliest day ...; it ended some day from 2025-04-27 to 2026-11-01 (the evaluation date)". When the open order is
     * itself the last record (the later records fall within its authorisation), its own authorisation's end is that day.
     */
    private String describeKeptOpen(List<TherapyEndNotRecorded.Entry> kept) {
        String name = drug.displayName();
        List<String> parts = new ArrayList<>();
        for (TherapyEndNotRecorded.Entry e : kept) {
            MedicationRecord r = e.record();
            List<MedicationRecord> open = r.getEndKeptOpenBy();
            boolean one = open.size() == 1;
            TreeSet<String> orders = new TreeSet<>();
            TreeSet<String> statuses = new TreeSet<>();
            for (MedicationRecord o : open) {
                orders.add(Provenances.references(o) + " " + PartialDateText.of(o.getStart(), o.getStartLatest())
                        + " (authorised to " + o.getEnd() + ")");
                statuses.add(o.getStatus());
            }
            String head = String.join("/", statuses) + (one ? " request " : " requests ") + String.join(", ", orders)
                    + (one ? " is" : " are") + " still open past " + (one ? "its" : "their") + " dispense authorisation"
                    + " and no later order or statement of " + name + " closes " + (one ? "it" : "them")
                    + " (none completed or stopped with no dispense or administration after it): ";
            String last = open.stream().anyMatch(o -> o.getProvenance().equals(r.getProvenance()))
                    ? "the later records of " + name + " fall within its authorisation, so its end (" + r.getEnd()
                            + ") is only the earliest day " + name + " can have stopped"
                    : "the later records show " + name + " went on, not that it stopped, so the last of them ("
                            + Provenances.references(r) + " " + PartialDateText.of(r.getStart(), r.getStartLatest())
                            + (r.getEnd() != null && r.getEnd().isAfter(r.getStart()) ? ", to " + r.getEnd() : "")
                            + ") is only the earliest day " + name + " can have stopped";
            parts.add(head + last + "; it ended " + e.course().unknownEndText(asOf));
        }
        return String.join("; ", parts);
    }

    @Override public List<Provenance> getProvenance() {
        List<MedicationRecord> records = new ArrayList<>();
        for (TherapyEndNotRecorded.Entry e : entries) {
            records.add(e.record());
            e.record().getEndKeptOpenBy().stream().filter(o -> !o.getProvenance().equals(e.record().getProvenance())).forEach(records::add);
        }
        return Provenances.of(records);
    }
}
