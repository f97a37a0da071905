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

    /**
     * Every record here states an end that could not be read ({@link MedicationRecord#getEndUnreadable}: a period
     * ending before it starts, a dispense with no supply); the rules raise its own gap (GAP-THERAPY-100, -101). The
     * engine builds such facts apart from those of records with only their date.
     */
    public boolean isEndUnreadable() {
        return entries.stream().allMatch(e -> e.record().getEndUnreadable() != null);
    }

    /** Some record here is a period whose end lies before its start (CDS-POLICY-PERIOD-END-BEFORE-START). */
    public boolean isPeriodReversed() {
        return entries.stream().anyMatch(e -> e.record().getEndUnreadable() == EndUnreadable.PERIOD_ENDS_BEFORE_START);
    }

    /** Some record here is a dispense with no supply (CDS-POLICY-DISPENSE-SUPPLY-FROM-DOSAGE). */
    public boolean isSupplyNotStated() {
        return entries.stream().anyMatch(e -> e.record().getEndUnreadable() == EndUnreadable.SUPPLY_NOT_STATED);
    }

    /** "statement", "request", "administration", "dispense" or "procedure", as the record's source. */
    private static String kind(MedicationRecord r) {
        return r.getSource().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The records whose stated end could not be read, each with where its end can fall and why. */
    private String describeUnreadable() {
        List<String> each = new ArrayList<>();
        for (Entry e : entries) {
            MedicationRecord r = e.record();
            String status = r.getStatus() == null ? "" : r.getStatus() + " ";
            String dated = PartialDateText.of(r.getStart(), r.getStartLatest());
            each.add(r.getEndUnreadable() == EndUnreadable.PERIOD_ENDS_BEFORE_START
                    ? status + kind(r) + " " + Provenances.references(r) + " from " + dated + " with its end recorded as "
                      + r.getEndAsRecorded() + ", before its start: ended " + e.course().unknownEndText(asOf)
                    : status + kind(r) + " " + Provenances.references(r) + " handed over on " + dated
                      + " with no daysSupply and no dosage its quantity can be divided by: last taken "
                      + e.course().unknownEndText(asOf));
        }
        String out = drug.displayName() + ": " + String.join("; ", each);
        if (isPeriodReversed()) {
            out += ". A period whose end is before its start is a data error (most often a mistyped year): the start is"
                    + " kept and the end is unknown, never a single dose on the start day (CDS-POLICY-PERIOD-END-BEFORE-START)";
        }
        if (isSupplyNotStated()) {
            out += ". A dispense says the drug was handed over, and the supply it held lasted to some day after the"
                    + " hand-over that the record does not give: never the hand-over day alone"
                    + " (CDS-POLICY-DISPENSE-SUPPLY-FROM-DOSAGE)";
        }
        return out;
    }

    public String describe() {
        if (isEndUnreadable()) return describeUnreadable();
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
                    + (r.getStoppedBy() == null ? "" : ", " + r.getStoppedByText())
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
        if (dated.stream().anyMatch(e -> e.record().getStoppedBy() != null)) {
            out += ". A stopped or completed statement had stopped by the day it was asserted: its end lies on or before"
                    + " its dateAsserted (CDS-POLICY-STOPPED-BY-ASSERTION)";
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
