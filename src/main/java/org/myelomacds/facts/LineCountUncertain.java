package org.myelomacds.facts;

import org.myelomacds.facts.LineCountCause.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

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
    /** Every record that moves the count, kept in {@link Kind} order (within a kind, in the order named). */
    private final List<LineCountCause> causes;
    private final List<Provenance> provenance;
    /**
     * Sweep s12-partial3 P3-1: the orders not known to be started, by drug (each entry as named in the causes), when
     * read as given they only add lines of their own and leave every placed line as it is ({@link #ofNotStarted}).
     * Then only the history of their drugs is undecided, not the whole history. Empty otherwise.
     */
    private final java.util.SortedMap<Drug, List<String>> ownLineOrders;
    /** One of {@link #ownLineOrders}, read as given, would form the last line. */
    private final boolean ownLineOrderMayBeLast;
    /**
     * R14-1 (CDS-POLICY-HISTORY-STATUS-UNKNOWN): what reading the statements whose use is unknown as taken changes, when
     * the timeline has compared both readings ({@link #withUseUnknownScope}); null when it has not. Only these drugs'
     * refractoriness (and the count, and which line is last) depend on them; the lines both readings share stay decided.
     */
    private final UseUnknownScope useUnknownScope;
    /**
     * Finding I2 (CDS-POLICY-RANGE-SCOPE): what the other days a single partial date (of a progression or a transplant)
     * can stand for change, when the timeline has compared every reading it tried with the placed lines
     * ({@link #withPartialDateScope}); null when it has not, or once another uncertainty is joined to this one
     * ({@link #and}): then the whole history stays undecided (DERIVE-HISTORY-02).
     */
    private final UseUnknownScope partialDateScope;
    /**
     * Finding N4 (CDS-POLICY-RANGE-SCOPE): what reading the therapy that joined a line only by a day-count window as a
     * new line changes, with only the drugs whose refractoriness the two readings may answer differently
     * ({@link #withWindowJoinScope}); null when not compared, or once another uncertainty is joined to this one
     * ({@link #and}): then the whole history stays undecided (DERIVE-HISTORY-02).
     */
    private final UseUnknownScope windowJoinScope;

    /**
     * The lines that differ when the statements whose use is unknown are read as taken: each such line of either reading,
     * as "line 3 (2024-08-26 to 2026-09-15: lenalidomide, ixazomib, dexamethasone)"; the drugs they gave, in catalogue
     * order (corticosteroids left out: no rule reasons about their refractoriness); and whether the last line differs.
     */
    public record UseUnknownScope(List<String> changedLines, List<Drug> drugs, boolean lastLineChanged) {
        public UseUnknownScope {
            changedLines = List.copyOf(changedLines);
            drugs = List.copyOf(new TreeSet<>(drugs));
        }

        UseUnknownScope and(UseUnknownScope other) {
            List<String> lines = new ArrayList<>(changedLines);
            other.changedLines.stream().filter(l -> !lines.contains(l)).forEach(lines::add);
            List<Drug> all = new ArrayList<>(drugs);
            all.addAll(other.drugs);
            return new UseUnknownScope(lines, all, lastLineChanged || other.lastLineChanged);
        }
    }

    private LineCountUncertain(int counted, int min, int max, List<LineCountCause> causes, List<Provenance> provenance) {
        this(counted, min, max, causes, provenance, new java.util.TreeMap<>(), false, null, null, null);
    }

    private LineCountUncertain(int counted, int min, int max, List<LineCountCause> causes, List<Provenance> provenance,
                               java.util.SortedMap<Drug, List<String>> ownLineOrders, boolean ownLineOrderMayBeLast,
                               UseUnknownScope useUnknownScope, UseUnknownScope partialDateScope,
                               UseUnknownScope windowJoinScope) {
        this.useUnknownScope = useUnknownScope;
        this.windowJoinScope = windowJoinScope;
        this.partialDateScope = partialDateScope;
        this.counted = counted;
        this.min = min;
        this.max = max;
        this.causes = Objects.requireNonNull(causes, "causes").stream()
                .sorted(Comparator.comparing(LineCountCause::kind)).toList();
        this.provenance = List.copyOf(provenance);
        this.ownLineOrders = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(ownLineOrders));
        this.ownLineOrderMayBeLast = ownLineOrderMayBeLast;
    }

    private static LineCountUncertain of(Kind kind, int counted, int min, int max, List<String> named,
                                         List<Provenance> provenance) {
        return new LineCountUncertain(counted, min, max,
                Objects.requireNonNull(named, "named").stream().map(t -> new LineCountCause(kind, t)).toList(), provenance);
    }

    /**
     * The lines depend on the day partial dates stand for (a progression, a transplant or a start recorded by month or
     * year). Each of {@code records} names the record and its date, e.g. "Observation/p1 (progression in 2024)".
     */
    public static LineCountUncertain ofPartialDates(int counted, int min, int max, List<String> records,
                                                    List<Provenance> provenance) {
        return of(Kind.PARTIAL_DATE, counted, min, max, records, provenance);
    }

    /**
     * The lines depend on records whose purpose is undecided (derive/TherapyPurpose): a transplant whose stated reason
     * the engine cannot classify, therapy that may have been for another cancer before the myeloma. Each of
     * {@code purpose} names the record and says why.
     */
    public static LineCountUncertain ofPurpose(int counted, int min, int max, List<String> purpose,
                                               List<Provenance> provenance) {
        return of(Kind.PURPOSE, counted, min, max, purpose, provenance);
    }

    /**
     * The lines depend on when therapy recorded without an end stopped (CDS-POLICY-UNKNOWN-END, CDS-POLICY-OPEN-REQUEST):
     * read as given on its date only, the next therapy falls outside a line window (a transplant more than 120 days
     * after induction, the line's drugs resumed after more than 180 days); read as given up to the next therapy, it
     * falls inside. Each of {@code unknownEnds} names a record and its date.
     */
    public static LineCountUncertain ofUnknownEnds(int counted, int min, int max, List<String> unknownEnds,
                                                   List<Provenance> provenance) {
        return of(Kind.UNKNOWN_END, counted, min, max, unknownEnds, provenance);
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
        return of(Kind.WINDOW_JOIN, counted, min, max, windowJoins, provenance);
    }

    /**
     * The lines depend on whether statements recorded with status {@code unknown} were taken
     * (CDS-POLICY-HISTORY-STATUS-UNKNOWN): {@code counted} is the count without them. Each of {@code useUnknown} names a
     * record, its drug and start.
     */
    public static LineCountUncertain ofUseUnknown(int counted, int min, int max, List<String> useUnknown,
                                                  List<Provenance> provenance) {
        return of(Kind.USE_UNKNOWN, counted, min, max, useUnknown, provenance);
    }

    /**
     * W6: statements dated only by dateAsserted that the timeline could not place (between two dated lines, before the
     * first, completed ones): each may have been a line of its own (or an unplanned change inside a line), so the count
     * lies from {@code counted} to {@code max} (one more per asserted day). Each of {@code asserted} names a record.
     */
    public static LineCountUncertain ofAsserted(int counted, int max, List<String> asserted, List<Provenance> provenance) {
        return of(Kind.ASSERTED, counted, counted, max, asserted, provenance);
    }

    /**
     * The lines depend on whether a possible progression is one (issue 10 item 1; sweep s11 accept A1): a serum M-protein
     * rise that an unconfirmed result or partial dates leave short of the IMWG criteria (rules/derive/relapse.drl).
     * Therapy started after a progression is a new line; the timeline does not count it as one, but the count may be
     * {@code max}. Each of {@code possibleProgressions} says what the record shows.
     */
    public static LineCountUncertain ofPossibleProgressions(int counted, int min, int max,
                                                            List<String> possibleProgressions, List<Provenance> provenance) {
        return of(Kind.POSSIBLE_PROGRESSION, counted, min, max, possibleProgressions, provenance);
    }

    /**
     * The lines depend on orders not known to have been started (CDS-POLICY-ORDERS-NOT-STARTED): an on-hold order, or an
     * open order in a record that documents what was given (statements, administrations, dispenses) with nothing
     * recorded as given under it. The timeline counts the lines without them ({@code counted}); started, they would
     * form or change a line. Each of {@code orders} names a request and its date.
     */
    public static LineCountUncertain ofNotStarted(int counted, int min, int max, List<String> orders,
                                                  List<Provenance> provenance) {
        return of(Kind.NOT_STARTED, counted, min, max, orders, provenance);
    }

    /**
     * As {@link #ofNotStarted(int, int, int, List, List)}, for orders that, read as given, only add lines of their own
     * and leave every placed line as it is (its records and dates): {@code byDrug} names the orders of each drug (each
     * entry as in {@code orders}), {@code mayBeLast} says whether such a line would be the last. Only naivety to and
     * refractoriness to those drugs (and the count, and which line is last) depend on them (sweep s12-partial3 P3-1).
     */
    public static LineCountUncertain ofNotStartedOwnLines(int counted, int min, int max, List<String> orders,
                                                          List<Provenance> provenance, Map<Drug, List<String>> byDrug,
                                                          boolean mayBeLast) {
        LineCountUncertain u = of(Kind.NOT_STARTED, counted, min, max, orders, provenance);
        return new LineCountUncertain(u.counted, u.min, u.max, u.causes, u.provenance, new java.util.TreeMap<>(byDrug),
                mayBeLast, null, null, null);
    }

    /**
     * This uncertainty with what reading the statements whose use is unknown as taken changes ({@code scope}), so that
     * when they are its only cause the drug history is undecided only about the drugs of the lines that differ
     * ({@link #isUseUnknownOnly}; R14-1), not as a whole.
     */
    public LineCountUncertain withUseUnknownScope(UseUnknownScope scope) {
        return new LineCountUncertain(counted, min, max, causes, provenance, ownLineOrders, ownLineOrderMayBeLast,
                Objects.requireNonNull(scope, "scope"), partialDateScope, windowJoinScope);
    }

    /**
     * This uncertainty with what the other days its single partial date can stand for change ({@code scope}), so that the
     * drug history is undecided only about the drugs of the lines that differ ({@link #isPartialDateOnly}; finding I2),
     * not as a whole.
     */
    public LineCountUncertain withPartialDateScope(UseUnknownScope scope) {
        return new LineCountUncertain(counted, min, max, causes, provenance, ownLineOrders, ownLineOrderMayBeLast,
                useUnknownScope, Objects.requireNonNull(scope, "scope"), windowJoinScope);
    }

    /**
     * This uncertainty with what reading the therapy that joined by a window as a new line changes ({@code scope}: the
     * lines that differ and, of their drugs, only those whose refractoriness the readings may answer differently), so
     * that the drug history is undecided only about those drugs ({@link #isWindowJoinOnly}; finding N4), not as a whole.
     */
    public LineCountUncertain withWindowJoinScope(UseUnknownScope scope) {
        return new LineCountUncertain(counted, min, max, causes, provenance, ownLineOrders, ownLineOrderMayBeLast,
                useUnknownScope, partialDateScope, Objects.requireNonNull(scope, "scope"));
    }

    /**
     * The only cause is therapy that joined a line by a day-count window, and the timeline has said which drugs' answer
     * the other reading may change ({@link #withWindowJoinScope}): the drug history is undecided only about those drugs
     * (rules/derive DERIVE-HISTORY-17), not as a whole (DERIVE-HISTORY-02).
     */
    public boolean isWindowJoinOnly() {
        return windowJoinScope != null && !causes.isEmpty() && causes.stream().allMatch(c -> c.kind() == Kind.WINDOW_JOIN);
    }

    /** What reading the window-joined therapy as a new line changes; null when not compared. */
    public UseUnknownScope getWindowJoinScope() { return windowJoinScope; }

    /** The drugs whose refractoriness the readings of a window join may answer differently, in catalogue order. */
    public List<Drug> getWindowJoinDrugs() { return windowJoinScope == null ? List.of() : windowJoinScope.drugs(); }

    /**
     * The only cause is the partial date of a progression or a transplant, and the timeline has said which lines its
     * other days change ({@link #withPartialDateScope}): the drug history is undecided only about the drugs of those
     * lines (rules/derive DERIVE-HISTORY-14), not as a whole (DERIVE-HISTORY-02).
     */
    public boolean isPartialDateOnly() {
        return partialDateScope != null && !causes.isEmpty() && causes.stream().allMatch(c -> c.kind() == Kind.PARTIAL_DATE);
    }

    /** What the other days of the partial date change; null when not compared. */
    public UseUnknownScope getPartialDateScope() { return partialDateScope; }

    /** The drugs of the lines the partial date changes ({@link #isPartialDateOnly}), in catalogue order. */
    public List<Drug> getPartialDateDrugs() { return partialDateScope == null ? List.of() : partialDateScope.drugs(); }

    /**
     * Every cause is a statement whose use is unknown and the timeline has said which lines it changes
     * ({@link #withUseUnknownScope}): the drug history is undecided only about the drugs of those lines (rules/derive
     * DERIVE-HISTORY-13), not as a whole (DERIVE-HISTORY-02).
     */
    public boolean isUseUnknownOnly() {
        return useUnknownScope != null && !causes.isEmpty() && causes.stream().allMatch(c -> c.kind() == Kind.USE_UNKNOWN);
    }

    /** What reading the statements whose use is unknown as taken changes; null when not compared. */
    public UseUnknownScope getUseUnknownScope() { return useUnknownScope; }

    /** The drugs of the lines the statements whose use is unknown change ({@link #isUseUnknownOnly}), in catalogue order. */
    public List<Drug> getUseUnknownDrugs() { return useUnknownScope == null ? List.of() : useUnknownScope.drugs(); }

    /**
     * Every cause is an order not known to be started that only adds lines of its own ({@link #ofNotStartedOwnLines}):
     * the drug history is undecided only about the ordered drugs (rules/derive DERIVE-REFRACTORY-30), not as a whole
     * (DERIVE-HISTORY-02).
     */
    public boolean isOrdersOnly() {
        return !ownLineOrders.isEmpty() && !causes.isEmpty() && causes.stream().allMatch(c -> c.kind() == Kind.NOT_STARTED)
                && named(Kind.NOT_STARTED).size() == ownLineOrders.values().stream().mapToInt(List::size).sum();
    }

    /** The drugs of the orders {@link #isOrdersOnly} is about, in catalogue order. */
    public List<Drug> getOrderedDrugs() { return List.copyOf(ownLineOrders.keySet()); }

    /** The orders of {@code drug} not known to be started, each as named in the causes. */
    public List<String> ordersOf(Drug drug) { return ownLineOrders.getOrDefault(drug, List.of()); }

    /** An order not known to be started, read as given, would form the last line. */
    public boolean isOrderedMayBeLast() { return ownLineOrderMayBeLast; }

    /** Both causes at once: the widest range of counts, every record named. */
    public LineCountUncertain and(LineCountUncertain other) {
        TreeSet<Provenance> all = new TreeSet<>(provenance);
        all.addAll(other.provenance);
        List<LineCountCause> both = new ArrayList<>(causes);
        other.causes.stream().filter(c -> !both.contains(c)).forEach(both::add);
        // An unplaced asserted record adds its lines to whatever the other causes allow.
        boolean asserted = has(Kind.ASSERTED);
        boolean otherAsserted = other.has(Kind.ASSERTED);
        int extra = !otherAsserted || asserted ? 0 : other.max - other.counted;
        int extraMine = !asserted || otherAsserted ? 0 : max - counted;
        // Orders of own lines stay known as such; with any other cause the whole history is undecided (isOrdersOnly).
        java.util.TreeMap<Drug, List<String>> orders = new java.util.TreeMap<>(ownLineOrders);
        other.ownLineOrders.forEach((d, l) -> orders.merge(d, l, (a, b) -> {
            List<String> m = new ArrayList<>(a);
            b.stream().filter(x -> !m.contains(x)).forEach(m::add);
            return m;
        }));
        // The lines a partial date changes were compared with the other causes' records as placed only: joined to another
        // cause (another partial date included), the readings of both together were not compared, so the scope is
        // dropped and the whole history stays undecided (DERIVE-HISTORY-02).
        // What the statements whose use is unknown change stays known as such; with any other cause the whole history
        // is undecided (isUseUnknownOnly).
        UseUnknownScope scope = useUnknownScope == null ? other.useUnknownScope
                : other.useUnknownScope == null ? useUnknownScope : useUnknownScope.and(other.useUnknownScope);
        return new LineCountUncertain(counted, Math.min(min, other.min),
                Math.max(max + extra, other.max + extraMine), both, new ArrayList<>(all), orders,
                ownLineOrderMayBeLast || other.ownLineOrderMayBeLast, scope, null, null);
    }

    /** The records of one kind that move the count, in the order named. */
    public List<String> named(Kind kind) {
        return causes.stream().filter(c -> c.kind() == kind).map(LineCountCause::text).toList();
    }

    private boolean has(Kind kind) {
        return causes.stream().anyMatch(c -> c.kind() == kind);
    }

    /** Every record that moves the count, by kind. */
    public List<LineCountCause> getCauses() { return causes; }

    /** The count the timeline reports (every partial date on its first day, every undecided record counted). */
    public int getCounted() { return counted; }
    public int getMin() { return min; }
    public int getMax() { return max; }
    /** The records whose partial date moves the count, each as "Observation/p1 (progression in 2024)". */
    public List<String> getRecords() { return named(Kind.PARTIAL_DATE); }
    /** The records of undecided purpose that move the count, each naming the record and why. */
    public List<String> getPurpose() { return named(Kind.PURPOSE); }
    /** The records without a recorded end whose unknown end moves the count, each as "MedicationRequest/r (lenalidomide on 2023-02-04)". */
    public List<String> getUnknownEnds() { return named(Kind.UNKNOWN_END); }
    /** The therapy that joined a line only by a day-count window and may have been a new line, each naming its records and why. */
    public List<String> getWindowJoins() { return named(Kind.WINDOW_JOIN); }
    /** The statements whose use is unknown that move the count, each as "MedicationStatement/s (daratumumab from 2026-03-01)". */
    public List<String> getUseUnknown() { return named(Kind.USE_UNKNOWN); }
    /** The statements dated only by dateAsserted that the timeline could not place and that may be lines. */
    public List<String> getAsserted() { return named(Kind.ASSERTED); }
    /** The possible progressions that move the count, each saying what the record shows. */
    public List<String> getPossibleProgressions() { return named(Kind.POSSIBLE_PROGRESSION); }
    /** The orders not known to have been started that move the lines, each as "MedicationRequest/r (pomalidomide, on-hold, ordered on 2026-09-25)". */
    public List<String> getNotStarted() { return named(Kind.NOT_STARTED); }
    @Override public List<Provenance> getProvenance() { return provenance; }

    private boolean onlyAsserted() {
        return has(Kind.ASSERTED) && causes.stream().allMatch(c -> c.kind() == Kind.ASSERTED);
    }

    /** An unknown end, a window join, a use unknown or an order not known to be started: the composite wording. */
    private boolean hasCompositeCause() {
        return has(Kind.UNKNOWN_END) || has(Kind.WINDOW_JOIN) || has(Kind.USE_UNKNOWN) || has(Kind.NOT_STARTED);
    }

    public String describe() {
        List<String> asserted = named(Kind.ASSERTED);
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
        if (has(Kind.POSSIBLE_PROGRESSION)) return describeWithPossibleProgressions();
        if (hasCompositeCause()) return describeComposite();
        List<String> records = named(Kind.PARTIAL_DATE);
        List<String> purpose = named(Kind.PURPOSE);
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
        List<String> useUnknown = named(Kind.USE_UNKNOWN);
        List<String> notStarted = named(Kind.NOT_STARTED);
        List<String> unknownEnds = named(Kind.UNKNOWN_END);
        List<String> windowJoins = named(Kind.WINDOW_JOIN);
        List<String> records = named(Kind.PARTIAL_DATE);
        List<String> purpose = named(Kind.PURPOSE);
        List<String> whats = new ArrayList<>();
        if (!useUnknown.isEmpty()) whats.add("whether the therapy recorded with status 'unknown' was taken ("
                + String.join(", ", useUnknown) + ": FHIR R4 'the state of the medication use is not currently known')");
        if (!notStarted.isEmpty()) whats.add("whether the therapy ordered was started (" + String.join(", ", notStarted)
                + ": ordered, not recorded as given; counted as not started, CDS-POLICY-ORDERS-NOT-STARTED)");
        if (!unknownEnds.isEmpty()) whats.add("when the therapy recorded without an end stopped (" + String.join(", ", unknownEnds)
                + ": read as given on that date only, or up to the next therapy)");
        if (!windowJoins.isEmpty()) whats.add("whether therapy that joined a line only by a day-count window was that"
                + " line's planned continuation (consolidation, maintenance) or a new line (salvage or re-induction: an"
                + " unplanned addition or substitution, LOT-B15) (" + String.join("; ", windowJoins) + ")");
        if (!records.isEmpty()) whats.add("the day the partial date of " + String.join(", ", records) + " stands for");
        if (!purpose.isEmpty()) whats.add("whether " + (purpose.size() == 1 ? "this record is" : "these records are")
                + " myeloma therapy (" + String.join("; ", purpose) + ")");
        String depends = String.join(" and on ", whats);
        if (min == max) return "which records form which of the " + counted + " lines depends on " + depends;
        List<String> asCounted = new ArrayList<>();
        if (!unknownEnds.isEmpty()) asCounted.add("each such record read as given on its date");
        if (!windowJoins.isEmpty()) asCounted.add("each such therapy read as part of the line it joined");
        if (!useUnknown.isEmpty()) asCounted.add((useUnknown.size() == 1 ? "the record" : "each record")
                + " with status 'unknown' read as not taken");
        if (!notStarted.isEmpty()) asCounted.add("each order not known to be started left out");
        return "the number of lines is " + min + " to " + max + " depending on " + depends + " (" + counted
                + " as counted, " + String.join(", ", asCounted) + ")";
    }

    /** The same uncertainty without its possible progressions, to describe the other causes. */
    private LineCountUncertain withoutPossibleProgressions() {
        return new LineCountUncertain(counted, min, max,
                causes.stream().filter(c -> c.kind() != Kind.POSSIBLE_PROGRESSION).toList(), provenance);
    }

    /** The text when a possible progression is among the causes (the other causes' words kept). */
    private String describeWithPossibleProgressions() {
        String first = "whether " + String.join("; ", named(Kind.POSSIBLE_PROGRESSION)) + " is a progression (therapy started after"
                + " a progression is a new line, LOT-B15; the timeline does not count it as one)";
        LineCountUncertain rest = withoutPossibleProgressions();
        String others = rest.causes.isEmpty() ? "" : "; also " + rest.describe();
        if (min == max) return "which records form which of the " + counted + " lines depends on " + first + others;
        return "the number of lines is " + min + " to " + max + " depending on " + first + " (" + counted
                + " as counted)" + others;
    }

    /** What would settle it, for the data gap. */
    public String remedy() {
        if (onlyAsserted()) return "record when the therapy in the statement was given (its effective period)";
        if (has(Kind.POSSIBLE_PROGRESSION)) {
            LineCountUncertain rest = withoutPossibleProgressions();
            return "confirm or refute the progression (a repeat serum M-protein with its full date, or a dated disease-status"
                    + " assessment)" + (rest.causes.isEmpty() ? "" : "; " + rest.remedy());
        }
        if (hasCompositeCause()) {
            List<String> what = new ArrayList<>();
            if (has(Kind.NOT_STARTED)) what.add("whether the ordered therapy was given (its dispenses or administrations, or the order's status)");
            if (has(Kind.USE_UNKNOWN)) what.add("whether the therapy with status 'unknown' was taken (status completed, stopped or not-taken)");
            if (has(Kind.UNKNOWN_END)) what.add("when the therapy stopped (an end date, or the course's period)");
            if (has(Kind.WINDOW_JOIN)) what.add("the treatment plan the later therapy belongs to (a CarePlan its records"
                    + " are basedOn) or the disease status before it started");
            if (has(Kind.PARTIAL_DATE)) what.add("the full date");
            if (has(Kind.PURPOSE)) what.add("what the therapy was given for");
            return "record " + String.join(", and ", what);
        }
        if (!has(Kind.PURPOSE)) return "record the full date";
        return !has(Kind.PARTIAL_DATE) ? "record what the therapy was given for (its reason, coded)"
                : "record the full date, and what the therapy was given for";
    }

    /** Equal when the counts and the records named of each kind are (the causes are kept in kind order). */
    @Override public boolean equals(Object o) {
        return o instanceof LineCountUncertain u && counted == u.counted && min == u.min && max == u.max
                && causes.equals(u.causes);
    }

    /** The counts, then the records named of each kind in {@link Kind} order. */
    @Override public int hashCode() {
        Object[] parts = new Object[3 + Kind.values().length];
        parts[0] = counted;
        parts[1] = min;
        parts[2] = max;
        for (Kind k : Kind.values()) parts[3 + k.ordinal()] = named(k);
        return Arrays.hashCode(parts);
    }
}
