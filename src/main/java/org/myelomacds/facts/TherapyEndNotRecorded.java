package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The completed or stopped requests and statements of one drug that give only one day (authoredOn, a single
 * effectiveDateTime) and no period, dose duration or supply, and end that drug's course (CDS-POLICY-UNKNOWN-END):
 * "completed" and "stopped" say the therapy ended, not when, so it is no one-day course. Each record comes with the
 * course it ends, whose latest possible end bounds the unknown one (the day before the next line, else asOf). One fact
 * per drug, so the data gap names the drug once with all its records.
 */
public final class TherapyEndNotRecorded implements HasProvenance {
    /**
     * A record whose end is not recorded, and the course it ends. {@code lastGivenKind} says, for an old open order given
     * up to a later fill or charted dose (CDS-POLICY-ORDERS2-FILLS-UNDER-OPEN-ORDER,
     * CDS-POLICY-ORDERS3-ADMINISTRATIONS-UNDER-OPEN-ORDER), which record that day rests on ("dispensed supply", "charted
     * dose"); null otherwise.
     */
    public record Entry(MedicationRecord record, DosingPeriod course, String lastGivenKind) {
        public Entry {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(course, "course");
        }
        public Entry(MedicationRecord record, DosingPeriod course) { this(record, course, null); }
    }

    private final Drug drug;
    private final List<Entry> entries;
    private final LocalDate asOf;

    public TherapyEndNotRecorded(Drug drug, List<Entry> entries, LocalDate asOf) {
        this.drug = Objects.requireNonNull(drug, "drug");
        if (entries.isEmpty() || entries.stream().anyMatch(e -> !e.record().getDrug().equals(drug))) {
            throw new IllegalArgumentException("records must be of " + drug + ": " + entries);
        }
        this.entries = entries.stream().sorted(Comparator.comparing((Entry e) -> e.record().getStart())
                .thenComparing(e -> Provenances.references(e.record()))).toList();
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    public Drug getDrug() { return drug; }
    public List<Entry> getEntries() { return entries; }

    public String describe() {
        List<String> each = new ArrayList<>();
        List<Entry> dated = new ArrayList<>();
        for (Entry e : entries) {
            MedicationRecord r = e.record();
            if (r.isPlacedByAssertion()) {
                each.add(r.getStatus() + " statement " + Provenances.references(r) + " with only dateAsserted, "
                        + r.getAssertedText() + ": ended " + e.course().unknownEndText(asOf));
                continue;
            }
            dated.add(e);
            String kind = r.getSource() == MedicationSource.STATEMENT ? "statement" : "request";
            each.add(r.getStatus() + " " + kind + " " + Provenances.references(r) + " dated "
                    + PartialDateText.of(r.getStart(), r.getStartLatest())
                    + (r.getPlannedEnd() == null ? "" : ", planned to run to " + r.getPlannedEnd())
                    + ": ended " + e.course().unknownEndText(asOf));
        }
        String statuses = String.join("/", new TreeSet<>(dated.stream().map(e -> e.record().getStatus()).toList()));
        String out = drug.displayName() + ": " + String.join("; ", each);
        if (!dated.isEmpty()) {
            boolean allPlanned = dated.stream().allMatch(e -> e.record().getPlannedEnd() != null);
            boolean somePlanned = dated.stream().anyMatch(e -> e.record().getPlannedEnd() != null);
            out += ". A " + statuses + (allPlanned
                    ? " order was halted before all its doses were given: its planned end is only the latest day it can have"
                      + " ended (CDS-POLICY-STOPPED-PLANNED-END), so it is read as given from its start, with its end unknown"
                    : " record with only its date and no end, dose duration or supply says the therapy ended, not when:"
                      + " read as given from that date, with its end unknown"
                      + (somePlanned ? " (a stopped order's planned end is only the latest day it can have ended)" : ""));
        }
        if (dated.size() < entries.size()) {
            out += ". A statement with only dateAsserted says the drug was taken on that day, not how long before or"
                    + " after: its start and end are unknown (CDS-POLICY-DATE-ASSERTED)";
        }
        return out;
    }

    @Override public List<Provenance> getProvenance() {
        return Provenances.of(entries.stream().map(Entry::record).toList());
    }
}
