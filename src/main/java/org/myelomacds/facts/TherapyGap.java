package org.myelomacds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Drugs of a line resumed after a long interval with nothing recorded, and no progression documented in between: the
 * same line (clinical-evidence.md §1.1, LOT-B15, needs a different regimen, an unplanned addition or substitution, or a
 * transplant for a new line), but the interval is named (CDS-POLICY-THERAPY-GAP). A record may have holes (an outside
 * pharmacy, samples, a drug holiday), or the disease may have progressed without a record; in the second case the
 * resumption would be a new line, so the count rests on the missing record.
 *
 * <p>{@code line} is the line the drugs resumed in; {@code lastActivity} its last dose (or transplant) before the
 * interval; {@code resumed} the day they resumed; {@code afterTransplant} when the last activity was a transplant.
 */
public final class TherapyGap implements HasProvenance {
    private final int line;
    private final List<Drug> drugs;
    private final LocalDate lastActivity;
    private final boolean afterTransplant;
    private final LocalDate resumed;
    private final List<Provenance> provenance;
    /**
     * The record the interval is measured from does not say when its therapy stopped (an order or statement with only
     * its date, CDS-POLICY-UNKNOWN-END): the drug may have run on up to the resumption, so the interval is an upper
     * bound, not a gap the orders hold.
     */
    private final boolean endUnknown;

    public TherapyGap(int line, List<Drug> drugs, LocalDate lastActivity, boolean afterTransplant, LocalDate resumed,
                      List<Provenance> provenance) {
        this(line, drugs, lastActivity, afterTransplant, resumed, provenance, false);
    }

    public TherapyGap(int line, List<Drug> drugs, LocalDate lastActivity, boolean afterTransplant, LocalDate resumed,
                      List<Provenance> provenance, boolean endUnknown) {
        this.endUnknown = endUnknown;
        this.line = line;
        this.drugs = List.copyOf(drugs);
        this.lastActivity = Objects.requireNonNull(lastActivity, "lastActivity");
        this.afterTransplant = afterTransplant;
        this.resumed = Objects.requireNonNull(resumed, "resumed");
        if (!resumed.isAfter(lastActivity)) throw new IllegalArgumentException("resumed " + resumed + " not after " + lastActivity);
        this.provenance = List.copyOf(provenance);
    }

    /** The same interval placed in another line (the line was renumbered or split). */
    public TherapyGap inLine(int number) {
        return new TherapyGap(number, drugs, lastActivity, afterTransplant, resumed, provenance, endUnknown);
    }

    /** The interval is measured from a record whose end is not recorded: at most {@link #getDays()} days, maybe none. */
    public boolean isEndUnknown() { return endUnknown; }

    public int getLine() { return line; }
    public List<Drug> getDrugs() { return drugs; }
    public LocalDate getLastActivity() { return lastActivity; }
    public boolean isAfterTransplant() { return afterTransplant; }
    public LocalDate getResumed() { return resumed; }
    /** Days from the last dose (or transplant) before the interval to the resumption. */
    public long getDays() { return ChronoUnit.DAYS.between(lastActivity, resumed); }

    /** "lenalidomide and ixazomib", as the reason and the data gap name them. */
    public String drugNames() {
        List<String> names = new ArrayList<>(drugs.stream().map(Drug::displayName).toList());
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The clause a line's reason gains: "lenalidomide resumed on 2025-06-02 after a gap of 204 days ...". */
    public String describe() {
        if (endUnknown) {
            // R10: the orders hold a date, not a last dose; the interval is only an upper bound.
            return drugNames() + " recorded again on " + resumed + ", " + getDays() + " days after the line's last"
                    + " record dated " + lastActivity + ", whose end is not recorded: an interval of at most " + getDays()
                    + " days (none if the therapy ran on) without documented progression: the same line";
        }
        return drugNames() + " resumed on " + resumed + " after a gap of " + getDays() + " days without documented"
                + " progression (" + (afterTransplant ? "transplant" : "last dose") + " on " + lastActivity
                + "): the same line";
    }

    @Override public List<Provenance> getProvenance() { return provenance; }

    @Override public String toString() { return "TherapyGap[line " + line + ": " + describe() + "]"; }
}
