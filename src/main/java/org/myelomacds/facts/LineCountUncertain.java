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
    private final List<Provenance> provenance;

    public LineCountUncertain(int counted, int min, int max, List<String> records, List<Provenance> provenance) {
        this(counted, min, max, records, List.of(), provenance);
    }

    private LineCountUncertain(int counted, int min, int max, List<String> records, List<String> purpose,
                               List<Provenance> provenance) {
        this.counted = counted;
        this.min = min;
        this.max = max;
        this.records = List.copyOf(Objects.requireNonNull(records, "records"));
        this.purpose = List.copyOf(Objects.requireNonNull(purpose, "purpose"));
        this.provenance = List.copyOf(provenance);
    }

    /**
     * The lines depend on records whose purpose is undecided (derive/TherapyPurpose): a transplant whose stated reason
     * the engine cannot classify, therapy that may have been for another cancer before the myeloma. Each of
     * {@code purpose} names the record and says why.
     */
    public static LineCountUncertain ofPurpose(int counted, int min, int max, List<String> purpose,
                                               List<Provenance> provenance) {
        return new LineCountUncertain(counted, min, max, List.of(), purpose, provenance);
    }

    /** Both causes at once: the widest range of counts, every record named. */
    public LineCountUncertain and(LineCountUncertain other) {
        java.util.TreeSet<Provenance> all = new java.util.TreeSet<>(provenance);
        all.addAll(other.provenance);
        List<String> rs = new java.util.ArrayList<>(records);
        other.records.stream().filter(r -> !rs.contains(r)).forEach(rs::add);
        List<String> ps = new java.util.ArrayList<>(purpose);
        other.purpose.stream().filter(r -> !ps.contains(r)).forEach(ps::add);
        return new LineCountUncertain(counted, Math.min(min, other.min), Math.max(max, other.max), rs, ps,
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
    @Override public List<Provenance> getProvenance() { return provenance; }

    public String describe() {
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

    /** What would settle it, for the data gap. */
    public String remedy() {
        if (purpose.isEmpty()) return "record the full date";
        return records.isEmpty() ? "record what the therapy was given for (its reason, coded)"
                : "record the full date, and what the therapy was given for";
    }

    @Override public boolean equals(Object o) {
        return o instanceof LineCountUncertain u && counted == u.counted && min == u.min && max == u.max
                && records.equals(u.records) && purpose.equals(u.purpose);
    }
    @Override public int hashCode() { return Objects.hash(counted, min, max, records, purpose); }
}
