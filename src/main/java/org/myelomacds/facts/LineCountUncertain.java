package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * The lines of therapy (their number, or which records form which line) depend on the unknown part of a partial date: a progression or a stem-cell transplant
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
    private final List<Provenance> provenance;

    public LineCountUncertain(int counted, int min, int max, List<String> records, List<Provenance> provenance) {
        this.counted = counted;
        this.min = min;
        this.max = max;
        this.records = List.copyOf(Objects.requireNonNull(records, "records"));
        this.provenance = List.copyOf(provenance);
    }

    /** The count the timeline reports (every partial date on its first day). */
    public int getCounted() { return counted; }
    public int getMin() { return min; }
    public int getMax() { return max; }
    /** The records whose partial date moves the count, each as "Observation/p1 (progression in 2024)". */
    public List<String> getRecords() { return records; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    public String describe() {
        if (min == max) {
            return "which records form which of the " + counted + " lines depends on the day the partial date of "
                    + String.join(", ", records) + " stands for";
        }
        return "the number of lines is " + min + " to " + max + " depending on the day the partial date of "
                + String.join(", ", records) + " stands for (" + counted + " with each on its first day)";
    }

    @Override public boolean equals(Object o) {
        return o instanceof LineCountUncertain u && counted == u.counted && min == u.min && max == u.max
                && records.equals(u.records);
    }
    @Override public int hashCode() { return Objects.hash(counted, min, max, records); }
}
