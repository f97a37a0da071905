package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * The lines of therapy (their number, or which records form which line) depend on the unknown part of a partial date,
 * or on records whose purpose is undecided (see {@link #ofPurpose}). Partial dates: a progression or a stem-cell transplant
 * recorded by month or year ("2024", "2025-06") that, placed on another day it can stand for, opens a line or joins one
 * (a regimen started before or after a progression; a transplant inside or outside the post-transplant, induction or
 * tandem windows). The timeline counts {@code counted} lines with each partial date on its first day; {@code min} and
 * {@code max} are the counts seen over the days the dates can stand for. Label criteria whose line limit lies between
 * them are UNKNOWN (rules/eligibility/common.drl), and the gap names the records.
 */
public final class LineCountUncertain implements HasProvenance {
    private final int counted;
    private final int min;
    private final int max;
    private final List<String> records;
    private final List<String> purpose;
    private final List<String> unknownEnds;
    /** Orders not known to have been started (CDS-POLICY-ORDERS-NOT-STARTED), each naming the request and its date. */
    private final List<String> notStarted;
    private final List<Provenance> provenance;

    public LineCountUncertain(int counted, int min, int max, List<String> records, List<Provenance> provenance) {
        this(counted, min, max, records, List.of(), List.of(), provenance);
    }

    private LineCountUncertain(int counted, int min, int max, List<String> records, List<String> purpose,
                               List<String> unknownEnds, List<Provenance> provenance) {
        this(counted, min, max, records, purpose, unknownEnds, List.of(), provenance);
    }

    private LineCountUncertain(int counted, int min, int max, List<String> records, List<String> purpose,
                               List<String> unknownEnds, List<String> notStarted, List<Provenance> provenance) {
        this.notStarted = List.copyOf(Objects.requireNonNull(notStarted, "notStarted"));
        this.counted = counted;
        this.min = min;
        this.max = max;
        this.records = List.copyOf(Objects.requireNonNull(records, "records"));
        this.purpose = List.copyOf(Objects.requireNonNull(purpose, "purpose"));
        this.unknownEnds = List.copyOf(Objects.requireNonNull(unknownEnds, "unknownEnds"));
        this.provenance = List.copyOf(provenance);
    }

    /**
     * The lines depend on records whose purpose is undecided (derive/TherapyPurpose): a transplant whose stated reason
     * the engine cannot classify, therapy that may have been for another cancer before the myeloma. Each of
     * {@code purpose} names the record and says why.
     */
    public static LineCountUncertain ofPurpose(int counted, int min, int max, List<String> purpose,
                                               List<Provenance> provenance) {
        return new LineCountUncertain(counted, min, max, List.of(), purpose, List.of(), provenance);
    }

    /**
     * The lines depend on when therapy recorded without an end stopped (CDS-POLICY-UNKNOWN-END, CDS-POLICY-OPEN-REQUEST):
     * read as given on its date only, the next therapy falls outside a line window (a transplant more than 120 days
     * after induction, the line's drugs resumed after more than 180 days); read as given up to the next therapy, it
     * falls inside. Each of {@code unknownEnds} names a record and its date.
     */
    public static LineCountUncertain ofUnknownEnds(int counted, int min, int max, List<String> unknownEnds,
                                                   List<Provenance> provenance) {
        return new LineCountUncertain(counted, min, max, List.of(), List.of(), unknownEnds, provenance);
    }

    /**
     * The lines depend on orders not known to have been started (CDS-POLICY-ORDERS-NOT-STARTED): an on-hold order, or an
     * open order in a record that documents what was given (statements, administrations, dispenses) with nothing
     * recorded as given under it. The timeline counts the lines without them ({@code counted}); started, they would
     * form or change a line. Each of {@code orders} names a request and its date.
     */
    public static LineCountUncertain ofNotStarted(int counted, int min, int max, List<String> orders,
                                                  List<Provenance> provenance) {
        return new LineCountUncertain(counted, min, max, List.of(), List.of(), List.of(), orders, provenance);
    }

    /** Both causes at once: the widest range of counts, every record named. */
    public LineCountUncertain and(LineCountUncertain other) {
        java.util.TreeSet<Provenance> all = new java.util.TreeSet<>(provenance);
        all.addAll(other.provenance);
        List<String> rs = new java.util.ArrayList<>(records);
        other.records.stream().filter(r -> !rs.contains(r)).forEach(rs::add);
        List<String> ps = new java.util.ArrayList<>(purpose);
        other.purpose.stream().filter(r -> !ps.contains(r)).forEach(ps::add);
        List<String> es = new java.util.ArrayList<>(unknownEnds);
        other.unknownEnds.stream().filter(r -> !es.contains(r)).forEach(es::add);
        List<String> ns = new java.util.ArrayList<>(notStarted);
        other.notStarted.stream().filter(r -> !ns.contains(r)).forEach(ns::add);
        return new LineCountUncertain(counted, Math.min(min, other.min), Math.max(max, other.max), rs, ps, es, ns,
                new java.util.ArrayList<>(all));
    }

    /** The count the timeline reports (every partial date on its first day, every undecided record counted). */
    public int getCounted() { return counted; }
    public int getMin() { return min; }
    public int getMax() { return max; }
    /** The records whose partial date moves the count, each as "Observation/p1 (progression in 2024)". */
    public List<String> getRecords() { return records; }
    /** The records of undecided purpose that move the count, each naming the record and why. */
    public List<String> getPurpose() { return purpose; }
    /** The records without a recorded end whose unknown end moves the count, each as "MedicationRequest/r (lenalidomide on 2023-02-04)". */
    public List<String> getUnknownEnds() { return unknownEnds; }
    /** The orders not known to have been started that move the lines, each as "MedicationRequest/r (pomalidomide, on-hold, ordered on 2026-09-25)". */
    public List<String> getNotStarted() { return notStarted; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    public String describe() {
        if (!unknownEnds.isEmpty() || !notStarted.isEmpty()) return describeWithUnknownEnds();
        if (purpose.isEmpty()) {
            if (min == max) {
                return "which records form which of the " + counted + " lines depends on the day the partial date of "
                        + String.join(", ", records) + " stands for";
            }
            return "the number of lines is " + min + " to " + max + " depending on the day the partial date of "
                    + String.join(", ", records) + " stands for (" + counted + " with each on its first day)";
        }
        String depends = "whether " + (purpose.size() == 1 ? "this record is" : "these records are")
                + " myeloma therapy (" + String.join("; ", purpose) + ")"
                + (records.isEmpty() ? "" : " and on the day the partial date of " + String.join(", ", records) + " stands for");
        if (min == max) return "which records form which of the " + counted + " lines depends on " + depends;
        return "the number of lines is " + min + " to " + max + " depending on " + depends + " (" + counted
                + " counting " + (purpose.size() == 1 ? "it" : "them") + " as myeloma therapy)";
    }

    /** The text when an unknown end is among the causes (the other causes' wording kept as above). */
    private String describeWithUnknownEnds() {
        List<String> causes = new java.util.ArrayList<>();
        if (!notStarted.isEmpty()) causes.add("whether the therapy ordered was started (" + String.join(", ", notStarted)
                + ": ordered, not recorded as given; counted as not started, CDS-POLICY-ORDERS-NOT-STARTED)");
        if (!unknownEnds.isEmpty()) causes.add("when the therapy recorded without an end stopped (" + String.join(", ", unknownEnds)
                + ": read as given on that date only, or up to the next therapy)");
        if (!records.isEmpty()) causes.add("the day the partial date of " + String.join(", ", records) + " stands for");
        if (!purpose.isEmpty()) causes.add("whether " + (purpose.size() == 1 ? "this record is" : "these records are")
                + " myeloma therapy (" + String.join("; ", purpose) + ")");
        String depends = String.join(" and on ", causes);
        if (min == max) return "which records form which of the " + counted + " lines depends on " + depends;
        return "the number of lines is " + min + " to " + max + " depending on " + depends + " (" + counted
                + (notStarted.isEmpty() ? " as counted, each such record read as given on its date)"
                : " as counted, each order not known to be started left out"
                        + (unknownEnds.isEmpty() ? "" : " and each record without an end read as given on its date") + ")");
    }

    /** What would settle it, for the data gap. */
    public String remedy() {
        if (!notStarted.isEmpty() && unknownEnds.isEmpty() && records.isEmpty() && purpose.isEmpty()) {
            return "record whether the ordered therapy was given (its dispenses or administrations, or the order's status)";
        }
        if (!unknownEnds.isEmpty() || !notStarted.isEmpty()) {
            String end = unknownEnds.isEmpty() ? "record whether the ordered therapy was given (its dispenses or administrations)"
                    : "record when the therapy stopped (an end date, or the course's period)"
                    + (notStarted.isEmpty() ? "" : ", and whether the ordered therapy was given");
            if (!records.isEmpty()) end += ", and the full date";
            if (!purpose.isEmpty()) end += ", and what the therapy was given for";
            return end;
        }
        if (purpose.isEmpty()) return "record the full date";
        return records.isEmpty() ? "record what the therapy was given for (its reason, coded)"
                : "record the full date, and what the therapy was given for";
    }

    @Override public boolean equals(Object o) {
        return o instanceof LineCountUncertain u && counted == u.counted && min == u.min && max == u.max
                && records.equals(u.records) && purpose.equals(u.purpose) && unknownEnds.equals(u.unknownEnds)
                && notStarted.equals(u.notStarted);
    }
    @Override public int hashCode() { return Objects.hash(counted, min, max, records, purpose, unknownEnds, notStarted); }
}
