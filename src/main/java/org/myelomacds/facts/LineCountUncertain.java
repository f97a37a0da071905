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
    private final List<String> windowJoins;
    /** Statements whose use is unknown (CDS-POLICY-HISTORY-STATUS-UNKNOWN) that move the count, each naming the record. */
    private final List<String> useUnknown;
    /** Statements dated only by dateAsserted that the timeline could not place (CDS-POLICY-DATE-ASSERTED). */
    private final List<String> asserted;
    /** Possible progressions (an unconfirmed or partially dated M-protein rise) that move the count. */
    private final List<String> possibleProgressions;
    /** Orders not known to have been started (CDS-POLICY-ORDERS-NOT-STARTED), each naming the request and its date. */
    private final List<String> notStarted;
    private final List<Provenance> provenance;

    public LineCountUncertain(int counted, int min, int max, List<String> records, List<Provenance> provenance) {
        this(counted, min, max, records, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), provenance);
    }

    private LineCountUncertain(int counted, int min, int max, List<String> records, List<String> purpose,
                               List<String> unknownEnds, List<String> windowJoins, List<String> useUnknown,
                               List<String> asserted, List<String> possibleProgressions, List<String> notStarted,
                               List<Provenance> provenance) {
        this.asserted = List.copyOf(Objects.requireNonNull(asserted, "asserted"));
        this.possibleProgressions = List.copyOf(Objects.requireNonNull(possibleProgressions, "possibleProgressions"));
        this.notStarted = List.copyOf(Objects.requireNonNull(notStarted, "notStarted"));
        this.counted = counted;
        this.min = min;
        this.max = max;
        this.records = List.copyOf(Objects.requireNonNull(records, "records"));
        this.purpose = List.copyOf(Objects.requireNonNull(purpose, "purpose"));
        this.unknownEnds = List.copyOf(Objects.requireNonNull(unknownEnds, "unknownEnds"));
        this.windowJoins = List.copyOf(Objects.requireNonNull(windowJoins, "windowJoins"));
        this.useUnknown = List.copyOf(Objects.requireNonNull(useUnknown, "useUnknown"));
        this.provenance = List.copyOf(provenance);
    }

    /**
     * The lines depend on records whose purpose is undecided (derive/TherapyPurpose): a transplant whose stated reason
     * the engine cannot classify, therapy that may have been for another cancer before the myeloma. Each of
     * {@code purpose} names the record and says why.
     */
    public static LineCountUncertain ofPurpose(int counted, int min, int max, List<String> purpose,
                                               List<Provenance> provenance) {
        return new LineCountUncertain(counted, min, max, List.of(), purpose, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), provenance);
    }

    /**
     * The lines depend on when therapy recorded without an end stopped (CDS-POLICY-UNKNOWN-END, CDS-POLICY-OPEN-REQUEST):
     * read as given on its date only, the next therapy falls outside a line window (a transplant more than 120 days
     * after induction, the line's drugs resumed after more than 180 days); read as given up to the next therapy, it
     * falls inside. Each of {@code unknownEnds} names a record and its date.
     */
    public static LineCountUncertain ofUnknownEnds(int counted, int min, int max, List<String> unknownEnds,
                                                   List<Provenance> provenance) {
        return new LineCountUncertain(counted, min, max, List.of(), List.of(), unknownEnds, List.of(), List.of(), List.of(), List.of(), List.of(), provenance);
    }

    /**
     * The lines depend on whether therapy that joined a line only by a day-count window (the post-transplant
     * consolidation/maintenance window, or the same drugs resumed) was that line's planned continuation or a new line
     * (CDS-POLICY-WINDOW-NEW-DRUG: a drug the line had not given; CDS-POLICY-WINDOW-RELAPSE-CODE: a myeloma relapse code
     * dated between). The timeline counts each as part of its line ({@code counted}); each opening a line gives
     * {@code max}. Each of {@code windowJoins} names the therapy, its records and why it may be a new line.
     */
    public static LineCountUncertain ofWindowJoins(int counted, int min, int max, List<String> windowJoins,
                                                   List<Provenance> provenance) {
        return new LineCountUncertain(counted, min, max, List.of(), List.of(), List.of(), windowJoins, List.of(), List.of(), List.of(), List.of(), provenance);
    }

    /**
     * The lines depend on whether statements recorded with status {@code unknown} were taken
     * (CDS-POLICY-HISTORY-STATUS-UNKNOWN): {@code counted} is the count without them. Each of {@code useUnknown} names a
     * record, its drug and start.
     */
    public static LineCountUncertain ofUseUnknown(int counted, int min, int max, List<String> useUnknown,
                                                  List<Provenance> provenance) {
        return new LineCountUncertain(counted, min, max, List.of(), List.of(), List.of(), List.of(), useUnknown, List.of(), List.of(), List.of(), provenance);
    }

    /**
     * W6: statements dated only by dateAsserted that the timeline could not place (between two dated lines, before the
     * first, completed ones): each may have been a line of its own (or an unplanned change inside a line), so the count
     * lies from {@code counted} to {@code max} (one more per asserted day). Each of {@code asserted} names a record.
     */
    public static LineCountUncertain ofAsserted(int counted, int max, List<String> asserted, List<Provenance> provenance) {
        return new LineCountUncertain(counted, counted, max, List.of(), List.of(), List.of(), List.of(), List.of(), asserted, List.of(), List.of(), provenance);
    }

    /**
     * The lines depend on whether a possible progression is one (issue 10 item 1; sweep s11 accept A1): a serum M-protein
     * rise that an unconfirmed result or partial dates leave short of the IMWG criteria (rules/derive/relapse.drl).
     * Therapy started after a progression is a new line; the timeline does not count it as one, but the count may be
     * {@code max}. Each of {@code possibleProgressions} says what the record shows.
     */
    public static LineCountUncertain ofPossibleProgressions(int counted, int min, int max,
                                                            List<String> possibleProgressions, List<Provenance> provenance) {
        return new LineCountUncertain(counted, min, max, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                possibleProgressions, List.of(), provenance);
    }

    /**
     * The lines depend on orders not known to have been started (CDS-POLICY-ORDERS-NOT-STARTED): an on-hold order, or an
     * open order in a record that documents what was given (statements, administrations, dispenses) with nothing
     * recorded as given under it. The timeline counts the lines without them ({@code counted}); started, they would
     * form or change a line. Each of {@code orders} names a request and its date.
     */
    public static LineCountUncertain ofNotStarted(int counted, int min, int max, List<String> orders,
                                                  List<Provenance> provenance) {
        return new LineCountUncertain(counted, min, max, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), orders, provenance);
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
        List<String> ws = new java.util.ArrayList<>(windowJoins);
        other.windowJoins.stream().filter(r -> !ws.contains(r)).forEach(ws::add);
        List<String> us = new java.util.ArrayList<>(useUnknown);
        other.useUnknown.stream().filter(r -> !us.contains(r)).forEach(us::add);
        List<String> as = new java.util.ArrayList<>(asserted);
        other.asserted.stream().filter(r -> !as.contains(r)).forEach(as::add);
        List<String> pp = new java.util.ArrayList<>(possibleProgressions);
        other.possibleProgressions.stream().filter(r -> !pp.contains(r)).forEach(pp::add);
        List<String> ns = new java.util.ArrayList<>(notStarted);
        other.notStarted.stream().filter(r -> !ns.contains(r)).forEach(ns::add);
        // An unplaced asserted record adds its lines to whatever the other causes allow.
        int extra = other.asserted.isEmpty() || !asserted.isEmpty() ? 0 : other.max - other.counted;
        int extraMine = asserted.isEmpty() || !other.asserted.isEmpty() ? 0 : max - counted;
        return new LineCountUncertain(counted, Math.min(min, other.min),
                Math.max(max + extra, other.max + extraMine), rs, ps, es, ws, us, as, pp, ns,
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
    /** The therapy that joined a line only by a day-count window and may have been a new line, each naming its records and why. */
    public List<String> getWindowJoins() { return windowJoins; }
    /** The statements whose use is unknown that move the count, each as "MedicationStatement/s (daratumumab from 2026-03-01)". */
    public List<String> getUseUnknown() { return useUnknown; }
    /** The statements dated only by dateAsserted that the timeline could not place and that may be lines. */
    public List<String> getAsserted() { return asserted; }
    /** The possible progressions that move the count, each saying what the record shows. */
    public List<String> getPossibleProgressions() { return possibleProgressions; }
    /** The orders not known to have been started that move the lines, each as "MedicationRequest/r (pomalidomide, on-hold, ordered on 2026-09-25)". */
    public List<String> getNotStarted() { return notStarted; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    private boolean onlyAsserted() {
        return !asserted.isEmpty() && records.isEmpty() && purpose.isEmpty() && unknownEnds.isEmpty()
                && windowJoins.isEmpty() && useUnknown.isEmpty() && possibleProgressions.isEmpty() && notStarted.isEmpty();
    }

    public String describe() {
        if (onlyAsserted()) {
            return "the number of lines is " + min + " to " + max + ": " + String.join("; ", asserted)
                    + (asserted.size() == 1 ? " is" : " are") + " dated only by the day the statement was made, and"
                    + " may have been a line of its own or a change within a line (" + counted + " dated lines;"
                    + " CDS-POLICY-DATE-ASSERTED, CDS-POLICY-PARTSTART-ASSERTED-COUNT)";
        }
        String assertedToo = asserted.isEmpty() ? "" : "; and " + String.join("; ", asserted)
                + " dated only by the day the statement was made may each add a line (CDS-POLICY-DATE-ASSERTED)";
        return describeCore() + assertedToo;
    }

    private String describeCore() {
        if (!possibleProgressions.isEmpty()) return describeWithPossibleProgressions();
        if (!unknownEnds.isEmpty() || !windowJoins.isEmpty() || !useUnknown.isEmpty() || !notStarted.isEmpty()) return describeComposite();
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

    /** The text when an unknown end or a window join is among the causes (the other causes' wording kept as above). */
    private String describeComposite() {
        List<String> causes = new java.util.ArrayList<>();
        if (!useUnknown.isEmpty()) causes.add("whether the therapy recorded with status 'unknown' was taken ("
                + String.join(", ", useUnknown) + ": FHIR R4 'the state of the medication use is not currently known')");
        if (!notStarted.isEmpty()) causes.add("whether the therapy ordered was started (" + String.join(", ", notStarted)
                + ": ordered, not recorded as given; counted as not started, CDS-POLICY-ORDERS-NOT-STARTED)");
        if (!unknownEnds.isEmpty()) causes.add("when the therapy recorded without an end stopped (" + String.join(", ", unknownEnds)
                + ": read as given on that date only, or up to the next therapy)");
        if (!windowJoins.isEmpty()) causes.add("whether therapy that joined a line only by a day-count window was that"
                + " line's planned continuation (consolidation, maintenance) or a new line (salvage or re-induction: an"
                + " unplanned addition or substitution, LOT-B15) (" + String.join("; ", windowJoins) + ")");
        if (!records.isEmpty()) causes.add("the day the partial date of " + String.join(", ", records) + " stands for");
        if (!purpose.isEmpty()) causes.add("whether " + (purpose.size() == 1 ? "this record is" : "these records are")
                + " myeloma therapy (" + String.join("; ", purpose) + ")");
        String depends = String.join(" and on ", causes);
        if (min == max) return "which records form which of the " + counted + " lines depends on " + depends;
        List<String> asCounted = new java.util.ArrayList<>();
        if (!unknownEnds.isEmpty()) asCounted.add("each such record read as given on its date");
        if (!windowJoins.isEmpty()) asCounted.add("each such therapy read as part of the line it joined");
        if (!useUnknown.isEmpty()) asCounted.add((useUnknown.size() == 1 ? "the record" : "each record")
                + " with status 'unknown' read as not taken");
        if (!notStarted.isEmpty()) asCounted.add("each order not known to be started left out");
        return "the number of lines is " + min + " to " + max + " depending on " + depends + " (" + counted
                + " as counted, " + String.join(", ", asCounted) + ")";
    }

    /** The text when a possible progression is among the causes (the other causes' words kept). */
    /** The same uncertainty without its possible progressions, to describe the other causes. */
    private LineCountUncertain withoutPossibleProgressions() {
        return new LineCountUncertain(counted, min, max, records, purpose, unknownEnds, windowJoins, useUnknown, asserted,
                List.of(), notStarted, provenance);
    }

    private boolean hasNoCause() {
        return records.isEmpty() && purpose.isEmpty() && unknownEnds.isEmpty() && windowJoins.isEmpty()
                && useUnknown.isEmpty() && asserted.isEmpty() && possibleProgressions.isEmpty() && notStarted.isEmpty();
    }

    private String describeWithPossibleProgressions() {
        String first = "whether " + String.join("; ", possibleProgressions) + " is a progression (therapy started after"
                + " a progression is a new line, LOT-B15; the timeline does not count it as one)";
        LineCountUncertain rest = withoutPossibleProgressions();
        String others = rest.hasNoCause() ? "" : "; also " + rest.describe();
        if (min == max) return "which records form which of the " + counted + " lines depends on " + first + others;
        return "the number of lines is " + min + " to " + max + " depending on " + first + " (" + counted
                + " as counted)" + others;
    }

    /** What would settle it, for the data gap. */
    public String remedy() {
        if (onlyAsserted()) return "record when the therapy in the statement was given (its effective period)";
        if (!possibleProgressions.isEmpty()) {
            LineCountUncertain rest = withoutPossibleProgressions();
            return "confirm or refute the progression (a repeat serum M-protein with its full date, or a dated disease-status"
                    + " assessment)" + (rest.hasNoCause() ? "" : "; " + rest.remedy());
        }
        if (!unknownEnds.isEmpty() || !windowJoins.isEmpty() || !useUnknown.isEmpty() || !notStarted.isEmpty()) {
            List<String> what = new java.util.ArrayList<>();
            if (!notStarted.isEmpty()) what.add("whether the ordered therapy was given (its dispenses or administrations, or the order's status)");
            if (!useUnknown.isEmpty()) what.add("whether the therapy with status 'unknown' was taken (status completed, stopped or not-taken)");
            if (!unknownEnds.isEmpty()) what.add("when the therapy stopped (an end date, or the course's period)");
            if (!windowJoins.isEmpty()) what.add("the treatment plan the later therapy belongs to (a CarePlan its records"
                    + " are basedOn) or the disease status before it started");
            if (!records.isEmpty()) what.add("the full date");
            if (!purpose.isEmpty()) what.add("what the therapy was given for");
            return "record " + String.join(", and ", what);
        }
        if (purpose.isEmpty()) return "record the full date";
        return records.isEmpty() ? "record what the therapy was given for (its reason, coded)"
                : "record the full date, and what the therapy was given for";
    }

    @Override public boolean equals(Object o) {
        return o instanceof LineCountUncertain u && counted == u.counted && min == u.min && max == u.max
                && records.equals(u.records) && purpose.equals(u.purpose) && unknownEnds.equals(u.unknownEnds)
                && windowJoins.equals(u.windowJoins) && useUnknown.equals(u.useUnknown) && asserted.equals(u.asserted)
                && possibleProgressions.equals(u.possibleProgressions) && notStarted.equals(u.notStarted);
    }
    @Override public int hashCode() {
        return Objects.hash(counted, min, max, records, purpose, unknownEnds, windowJoins, useUnknown, asserted,
                possibleProgressions, notStarted);
    }
}
