package org.myelomacds.derive;

import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.LineCountUncertain;
import org.myelomacds.facts.LineOpening;
import org.myelomacds.facts.PartialDateText;
import org.myelomacds.facts.ProcedureKind;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.TherapyGap;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Lines of therapy per IMWG / Rajkumar 2015 ({@code LOT-B15}, clinical-evidence.md §1.1), from medication records and
 * stem-cell transplants, as of the evaluation date.
 *
 * <h2>What is read</h2>
 * Given records only (not planned; not {@code not-taken}/{@code not-done}/{@code entered-in-error}) with a start on or before
 * asOf; each makes an interval [start, end-or-start], running to asOf when ongoing (see {@link ExposureAggregator}).
 * Performed, dated stem-cell transplants on or before asOf. Undated records and procedures are not placed on the
 * timeline (the exposure summary reports undated medication records as a data gap).
 * Only anti-myeloma drugs ({@code DrugClass.isAntiMyelomaTherapy()}) open or change a line; corticosteroids alone never
 * make a line, but are listed among a line's drugs when given during its span.
 *
 * <h2>When a new line starts</h2>
 * Records are taken in date order; records starting on the same day are decided together (a regimen started on one day).
 * <b>Documented progression first:</b> a drug (not already running in the line) or a transplant that starts after a dated
 * progression (disease status "worsened") later than the current line's start is always a new line, whatever the
 * windows and plans below say: therapy after progression is salvage, not the planned sequence
 * ({@link LineOpening#PROGRESSION}). The windows below apply only when no progression lies between.
 * <ol>
 *   <li><b>New regimen after discontinuation.</b> A regimen is discontinued only when <em>all</em> its anti-myeloma drugs
 *       have stopped; stopping some of them is not a new line. A drug starting after that is a new line, unless
 *       <ul>
 *         <li>its record carries the same {@code groupRef} (CarePlan) as the line: one planned programme, e.g.
 *             induction → ASCT → consolidation → maintenance;</li>
 *         <li>the line ended with a stem-cell transplant and the drug starts within
 *             {@value #POST_TRANSPLANT_MAINTENANCE_WINDOW_DAYS} days of it (post-transplant consolidation/maintenance);</li>
 *         <li>all drugs started are already in the line (the same regimen or part of it: maintenance with a drug of the
 *             regimen, e.g. lenalidomide after VRd, or the regimen resumed) and, when they start more than
 *             {@value #RESUMPTION_WINDOW_DAYS} days after its last dose, they are the same drugs as the regimen it was
 *             giving when they all stopped ({@code lastRegimen}; the resuming regimen is the drugs starting within
 *             {@value #INITIAL_REGIMEN_WINDOW_DAYS} days): with no progression documented in between it is not a
 *             different regimen (§1.1). A different set of its drugs after that long (Rd after IRd) is a different
 *             regimen started after the previous one was discontinued: a new line (LOT-B15 rule 1), unless the line
 *             ended with its transplant (a drug of its induction is then the planned maintenance). Records have
 *             holes (outside pharmacies, samples, drug holidays); an interval longer than
 *             {@value #RESUMPTION_WINDOW_DAYS} days is named in the line's reason and as a {@link TherapyGap}
 *             (CDS-POLICY-THERAPY-GAP), never counted as a line. After a documented progression the same drugs are
 *             a new line like any other therapy ({@link LineOpening#PROGRESSION}).</li>
 *       </ul></li>
 *   <li><b>Unplanned addition or substitution.</b> While the line is running, a drug not yet in the line starts, more than
 *       {@value #INITIAL_REGIMEN_WINDOW_DAYS} days after the line started, and its record does not carry one of the line's
 *       groupRefs. The new line is the modified regimen: the drugs still running continue in it (their intervals are split
 *       on the day of the change) and the previous line ends the day before. A drug of a different groupRef than the
 *       line's (both present) is a new line even within the initial window. A drug already in the line never makes a new
 *       line while the line runs.</li>
 *   <li><b>Stem-cell transplant.</b> Each transplant is a new line, except when it is part of the current line's planned
 *       sequence: same groupRef as the line; or, without conflicting groupRefs, the line's first transplant given while its
 *       drugs run or within {@value #TRANSPLANT_AFTER_INDUCTION_DAYS} days after they stopped (induction → ASCT); or a
 *       second transplant within {@value #TANDEM_TRANSPLANT_WINDOW_DAYS} days of the line's previous one (planned tandem,
 *       §1.1 "predefined interval, e.g. ~3 months"). High-dose melphalan starting up to {@value #CONDITIONING_WINDOW_DAYS}
 *       days before a transplant (and ending by the day after it) is read as its conditioning: it goes with the transplant
 *       and never opens a line itself.</li>
 * </ol>
 * GroupRef evidence wins over the day-count heuristics: a matching groupRef always joins, two different groupRefs (both
 * present) always separate. When one side has no groupRef the heuristics decide, because FHIR records rarely carry the
 * plan. The day windows are project heuristics, not IMWG numbers (except the tandem interval, which §1.1 only gives as
 * "e.g. ~3 months"). IMWG's "≥1 complete cycle" is not checked: records do not carry cycles.
 *
 * <h2>The current line counts</h2>
 * A line still being given at asOf is returned (with {@code ongoing = true}) and counted as a prior line: the patient
 * has received it, and any regimen the engine evaluates would follow it. Labels' "after N prior lines" are therefore
 * compared against every line returned here.
 *
 * <h2>Output</h2>
 * Lines numbered 1..n by start; start = first dose or transplant; end = last dose or transplant, asOf when ongoing;
 * drugs distinct in enum order (steroids and conditioning melphalan included); {@code lastLine} on the highest number;
 * the rule that opened it ({@link LineOpening}) and a one-sentence reason; the kind of each transplant; provenance of
 * every record and procedure used, distinct and sorted. {@link #timeline} adds the course of each drug in each line.
 */
public final class LineOfTherapyDeriver {
    /**
     * Project heuristic (not IMWG): anti-myeloma drugs starting within this many days of a line's first dose belong to the
     * initial regimen (staggered starts of one combination); a new drug later than that, without a matching groupRef, is an
     * unplanned addition.
     */
    public static final int INITIAL_REGIMEN_WINDOW_DAYS = 30;
    /**
     * Project heuristic (not IMWG): a line's first stem-cell transplant given while its drugs run or within this many days
     * after they stopped is the "induction → ASCT" part of that line's planned sequence (typical interval after the last
     * induction dose: 1–3 months, including mobilisation and collection).
     */
    public static final int TRANSPLANT_AFTER_INDUCTION_DAYS = 120;
    /**
     * Tandem transplant: a second transplant within this many days (~6 months) of the line's previous transplant is part
     * of the same line. §1.1 (LOT-B15) names "a planned tandem SCT with a predefined interval (e.g. ~3 months)"; the margin
     * to 6 months is a project choice.
     */
    public static final int TANDEM_TRANSPLANT_WINDOW_DAYS = 183;
    /**
     * Project heuristic (not IMWG): the first regimen starting within this many days after a line's transplant is
     * post-transplant consolidation or maintenance of that line (maintenance typically starts around day +90 to +120).
     */
    public static final int POST_TRANSPLANT_MAINTENANCE_WINDOW_DAYS = 180;
    /**
     * Project policy (CDS-POLICY-THERAPY-GAP, not IMWG): drugs already in a line that resume with no progression
     * documented in between stay in that line however long the interval (§1.1 needs a different regimen for a new
     * line); an interval longer than this many days from the line's last dose or transplant is named in the line's
     * reason and as a THERAPY_GAP data gap. Shorter ones (cycle breaks, a drug holiday, a refill a few weeks late) are
     * ordinary and not named.
     */
    public static final int RESUMPTION_WINDOW_DAYS = 180;
    /** Project heuristic: melphalan starting up to this many days before a transplant is its high-dose conditioning. */
    public static final int CONDITIONING_WINDOW_DAYS = 7;

    private LineOfTherapyDeriver() {}

    /**
     * One drug given over [from, to] from one record (a record can be split between two lines). {@code endStated}: the
     * record says when the drug stopped, or that it still runs ({@link TherapyRecords#statesEnd}); {@code endUnknown}: an
     * open request whose end is unknown ({@link TherapyRecords#hasUnknownEnd}).
     */
    private record Segment(Drug drug, LocalDate from, LocalDate to, boolean ongoing, MedicationRecord record,
                           boolean endStated, boolean endUnknown) {
        String groupRef() { return record.getGroupRef(); }

        Segment part(LocalDate newFrom, LocalDate newTo, boolean newOngoing) {
            return new Segment(drug, newFrom, newTo, newOngoing, record, endStated, endUnknown);
        }
    }

    private record Transplant(ProcedureRecord procedure, List<Segment> conditioning) {
        LocalDate date() { return procedure.getDate(); }
        String groupRef() { return procedure.getGroupRef(); }
    }

    private static final class Line {
        final LocalDate start;
        final LineOpening opening;
        final String reason;
        final List<Segment> segments = new ArrayList<>();
        final List<Transplant> transplants = new ArrayList<>();
        final Set<String> groupRefs = new LinkedHashSet<>();
        final Set<Drug> extraDrugs = new TreeSet<>();
        final Set<Provenance> extraProvenance = new TreeSet<>();
        /**
         * Therapy the engine cannot name that began before the line did (CDS-POLICY-UNIDENTIFIED-MEDICATION): it does not
         * open or move the line, which starts with the first therapy it can name, but its reason says the line may have
         * started earlier, so the start shown is not read as certain.
         */
        final Set<String> earlierUnnamed = new TreeSet<>();
        /** Long intervals after which drugs of the line resumed with no progression documented (line number 0 here). */
        final List<TherapyGap> gaps = new ArrayList<>();
        /** Why later regimens joined the line rather than opening one, when a reader could not tell (a new drug after the transplant). */
        final List<String> joined = new ArrayList<>();

        Line(LocalDate start, LineOpening opening, String reason) {
            this.start = start;
            this.opening = opening;
            this.reason = reason;
        }

        void add(Segment s) {
            segments.add(s);
            if (s.groupRef() != null) groupRefs.add(s.groupRef());
        }

        void add(Transplant t) {
            transplants.add(t);
            if (t.groupRef() != null) groupRefs.add(t.groupRef());
        }

        boolean hasDrug(Drug d) { return segments.stream().anyMatch(s -> s.drug().equals(d)); }

        /**
         * The regimen the line was giving when it stopped: its drugs whose last dose falls within
         * {@value #INITIAL_REGIMEN_WINDOW_DAYS} days of the line's last dose (bortezomib stopped after induction while
         * lenalidomide went on is no longer part of it).
         */
        Set<Drug> lastRegimen() {
            LocalDate last = lastDose();
            Set<Drug> out = new TreeSet<>();
            if (last == null) return out;
            for (Segment s : segments) {
                if (days(s.to(), last) <= INITIAL_REGIMEN_WINDOW_DAYS) out.add(s.drug());
            }
            return out;
        }

        /** Last dose of the line's anti-myeloma drugs (conditioning excluded); null when it has none. */
        LocalDate lastDose() { return segments.stream().map(Segment::to).max(Comparator.naturalOrder()).orElse(null); }

        LocalDate lastTransplant() {
            return transplants.stream().map(Transplant::date).max(Comparator.naturalOrder()).orElse(null);
        }

        LocalDate lastActivity() { return later(lastDose(), lastTransplant()); }

        LocalDate end() {
            LocalDate end = lastActivity();
            for (Transplant t : transplants) for (Segment c : t.conditioning()) end = later(end, c.to());
            return end;
        }

        boolean ongoing() { return segments.stream().anyMatch(Segment::ongoing); }

        /**
         * Some drug's last segment in the line ends on a record that does not say when the therapy stopped
         * (CDS-POLICY-UNKNOWN-END): the line may have run on until the next line started.
         */
        boolean endUnknown() {
            Map<Drug, LocalDate> last = new TreeMap<>();
            for (Segment s : segments) last.merge(s.drug(), s.to(), (a, b) -> a.isAfter(b) ? a : b);
            return segments.stream().anyMatch(s -> s.endUnknown() && s.to().equals(last.get(s.drug())));
        }

        /** Some segment ending on the line's last dose says its drug stopped then (a period with a stated end). */
        boolean stoppedStated(LocalDate lastDose) {
            return segments.stream().anyMatch(s -> s.to().equals(lastDose) && s.endStated());
        }

        boolean isEmpty() { return segments.isEmpty() && transplants.isEmpty(); }

        boolean planMatch(String groupRef) { return groupRef != null && groupRefs.contains(groupRef); }

        boolean planConflict(String groupRef) {
            return groupRef != null && !groupRefs.isEmpty() && !groupRefs.contains(groupRef);
        }
    }

    /** Lines without disease-status events (the windows and plans alone decide). */
    public static List<PriorLine> derive(List<MedicationRecord> records, List<ProcedureRecord> procedures, LocalDate asOf) {
        return timeline(records, procedures, List.of(), asOf).lines();
    }

    public static List<PriorLine> derive(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                         List<DiseaseStatus> statuses, LocalDate asOf) {
        return timeline(records, procedures, statuses, asOf).lines();
    }

    /**
     * The lines, and the courses of each drug: all doses of one drug inside one line form one course (first to last
     * dose in that line), however sparsely they are recorded; given records of anti-myeloma drugs placed in no line
     * keep one course per record.
     */
    public static TherapyTimeline timeline(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                           List<DiseaseStatus> statuses, LocalDate asOf) {
        return timeline(records, procedures, statuses, asOf, List.of());
    }

    /**
     * As above, with the records and transplants whose purpose is undecided ({@link TherapyPurpose.Undecided}): they are
     * placed as myeloma therapy, and the lines are derived again without them (all together and each alone); when the
     * lines other records form differ, the count is uncertain and {@link LineCountUncertain} names them.
     */
    public static TherapyTimeline timeline(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                           List<DiseaseStatus> statuses, LocalDate asOf,
                                           List<TherapyPurpose.Undecided> undecided) {
        Objects.requireNonNull(asOf, "asOf");
        List<ProcedureRecord> procs = procedures == null ? List.of() : procedures.stream().filter(Objects::nonNull).toList();
        List<DiseaseStatus> stats = statuses == null ? List.of() : statuses.stream().filter(Objects::nonNull).toList();
        TherapyTimeline placed = place(records, procs, stats, asOf);
        LineCountUncertain uncertain = lineCountUncertain(records, procs, stats, asOf, placed);
        LineCountUncertain ends = unknownEndUncertain(records, procs, stats, asOf, placed);
        if (ends != null) uncertain = uncertain == null ? ends : uncertain.and(ends);
        LineCountUncertain purpose = purposeUncertain(records, procs, stats, asOf, placed,
                undecided == null ? List.of() : undecided);
        if (purpose != null) uncertain = uncertain == null ? purpose : uncertain.and(purpose);
        return uncertain == null ? placed : new TherapyTimeline(placed.lines(), placed.courses(), uncertain);
    }

    /**
     * The timeline {@code placed} (derived without {@code notStarted}) with what the orders not known to have been started
     * (CDS-POLICY-ORDERS-NOT-STARTED, {@link TherapyRecords#notKnownStarted}) would change: the lines are placed again with
     * them read as given, and when those lines differ (how many, which records each holds) the count is a range
     * ({@link LineCountUncertain#ofNotStarted}) naming each order. {@code placed} unchanged when there are none or they
     * change nothing.
     */
    public static TherapyTimeline withNotStarted(TherapyTimeline placed, List<MedicationRecord> records,
                                                 List<MedicationRecord> notStarted, List<ProcedureRecord> procedures,
                                                 List<DiseaseStatus> statuses, LocalDate asOf) {
        if (notStarted == null || notStarted.isEmpty()) return placed;
        List<ProcedureRecord> procs = procedures == null ? List.of() : procedures.stream().filter(Objects::nonNull).toList();
        List<DiseaseStatus> stats = statuses == null ? List.of() : statuses.stream().filter(Objects::nonNull).toList();
        List<MedicationRecord> all = new ArrayList<>(records == null ? List.of() : records);
        all.addAll(notStarted);
        TherapyTimeline started = place(all, procs, stats, asOf);
        if (signature(started).equals(signature(placed))) return placed;
        int counted = placed.lines().size();
        List<String> named = new ArrayList<>();
        Set<Provenance> provenance = new TreeSet<>();
        for (MedicationRecord r : notStarted.stream().sorted(Comparator.comparing(MedicationRecord::getStart)
                .thenComparing(LineOfTherapyDeriver::reference)).toList()) {
            named.add(reference(r) + " (" + r.getDrug().displayName() + ", " + r.getStatus() + ", ordered on "
                    + PartialDateText.of(r.getStart(), r.getStartLatest()) + ")");
            provenance.addAll(r.getProvenance());
        }
        LineCountUncertain u = LineCountUncertain.ofNotStarted(counted, Math.min(counted, started.lines().size()),
                Math.max(counted, started.lines().size()), named, new ArrayList<>(provenance));
        LineCountUncertain merged = placed.lineCountUncertain() == null ? u : placed.lineCountUncertain().and(u);
        return new TherapyTimeline(placed.lines(), placed.courses(), merged);
    }

    /**
     * Whether records of undecided purpose change the lines the other records form: the timeline without them (all,
     * then each alone) against the placed one with their own references left out. Null when none does.
     */
    private static LineCountUncertain purposeUncertain(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                                       List<DiseaseStatus> statuses, LocalDate asOf,
                                                       TherapyTimeline placed, List<TherapyPurpose.Undecided> undecided) {
        if (undecided.isEmpty()) return null;
        List<List<TherapyPurpose.Undecided>> trials = new ArrayList<>();
        trials.add(undecided);
        if (undecided.size() > 1) undecided.forEach(u -> trials.add(List.of(u)));
        int counted = placed.lines().size();
        int min = counted;
        int max = counted;
        boolean changed = false;
        Set<TherapyPurpose.Undecided> movers = new LinkedHashSet<>();
        for (List<TherapyPurpose.Undecided> without : trials) {
            Set<String> refs = new TreeSet<>();
            for (TherapyPurpose.Undecided u : without) {
                (u.medication() != null ? u.medication().getProvenance() : u.procedure().getProvenance())
                        .forEach(p -> refs.add(p.getReference()));
            }
            List<MedicationRecord> rs = records == null ? List.of() : records.stream()
                    .filter(r -> without.stream().noneMatch(u -> u.medication() == r)).toList();
            List<ProcedureRecord> ps = procedures.stream()
                    .filter(p -> without.stream().noneMatch(u -> u.procedure() == p)).toList();
            TherapyTimeline alt = place(rs, ps, statuses, asOf);
            // Lines formed by the other records, and their number: a line the undecided record formed alone counts.
            if (alt.lines().size() == counted && signatureWithout(placed, refs).equals(signature(alt))) continue;
            changed = true;
            if (without.size() == 1) movers.addAll(without);
            min = Math.min(min, alt.lines().size());
            max = Math.max(max, alt.lines().size());
        }
        if (!changed) return null;
        if (movers.isEmpty()) movers.addAll(undecided); // only together do they change the lines
        Set<Provenance> provenance = new TreeSet<>();
        movers.forEach(u -> provenance.addAll(u.provenance()));
        return LineCountUncertain.ofPurpose(counted, min, max, movers.stream().map(TherapyPurpose.Undecided::text).toList(),
                new ArrayList<>(provenance));
    }

    /** The signature with the given references removed from every line, and lines left empty dropped. */
    private static List<List<String>> signatureWithout(TherapyTimeline t, Set<String> refs) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> line : signature(t)) {
            List<String> kept = line.stream().filter(r -> !refs.contains(r)).toList();
            if (!kept.isEmpty()) out.add(kept);
        }
        return out;
    }

    /**
     * Whether the partial date of a progression or a transplant could change the lines: the timeline places each on its
     * first day; here each is moved in turn to every day of its interval where a decision can turn (its last day, and
     * the days on and around each therapy start, last dose, transplant and progression, and those days shifted by each
     * window of the line rules), then all are moved to their last day together, and the lines compared (how many, and
     * which records each holds). Null when no partial date changes them. The last day is capped at asOf: the record
     * exists at asOf, so what it records happened by then.
     */
    private static LineCountUncertain lineCountUncertain(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                                         List<DiseaseStatus> statuses, LocalDate asOf,
                                                         TherapyTimeline placed) {
        List<Object> imprecise = new ArrayList<>();
        for (ProcedureRecord p : procedures) {
            if (TherapyRecords.isPerformedTransplant(p) && p.isDateImprecise() && !p.getDate().isAfter(asOf)) imprecise.add(p);
        }
        for (DiseaseStatus d : statuses) {
            if (d.isProgression() && d.isDateImprecise() && !d.getDate().isAfter(asOf)) imprecise.add(d);
        }
        if (imprecise.isEmpty()) return null;
        TreeSet<LocalDate> anchors = new TreeSet<>();
        for (MedicationRecord r : records == null ? List.<MedicationRecord>of() : records) {
            if (r == null || !TherapyRecords.isDatedAndStarted(r, asOf)) continue;
            anchors.add(r.getStart());
            anchors.add(TherapyRecords.lastDay(r, asOf));
        }
        for (ProcedureRecord p : procedures) if (p.getDate() != null) anchors.add(p.getDate());
        for (DiseaseStatus d : statuses) if (d.isDated()) anchors.add(d.getDate());
        List<List<String>> base = signature(placed);
        int counted = placed.lines().size();
        int min = counted;
        int max = counted;
        List<String> movers = new ArrayList<>();
        Set<Provenance> provenance = new TreeSet<>();
        for (Object event : imprecise) {
            boolean moves = false;
            for (LocalDate day : candidateDays(event, anchors, asOf)) {
                TherapyTimeline alt = place(records, placedOn(procedures, event, day), placedOn(statuses, event, day), asOf);
                if (signature(alt).equals(base)) continue;
                moves = true;
                min = Math.min(min, alt.lines().size());
                max = Math.max(max, alt.lines().size());
            }
            if (moves) {
                movers.add(describeEvent(event));
                provenance.addAll(((org.myelomacds.facts.HasProvenance) event).getProvenance());
            }
        }
        List<ProcedureRecord> lastProcedures = procedures;
        List<DiseaseStatus> lastStatuses = statuses;
        for (Object event : imprecise) {
            LocalDate last = latest(event, asOf);
            lastProcedures = placedOn(lastProcedures, event, last);
            lastStatuses = placedOn(lastStatuses, event, last);
        }
        TherapyTimeline all = place(records, lastProcedures, lastStatuses, asOf);
        if (!signature(all).equals(base)) {
            min = Math.min(min, all.lines().size());
            max = Math.max(max, all.lines().size());
            if (movers.isEmpty()) {
                for (Object event : imprecise) {
                    movers.add(describeEvent(event));
                    provenance.addAll(((org.myelomacds.facts.HasProvenance) event).getProvenance());
                }
            }
        }
        if (movers.isEmpty()) return null;
        return new LineCountUncertain(counted, min, max, movers, new ArrayList<>(provenance));
    }

    /**
     * The window lengths the line rules compare day counts with; a decision can turn at each. (The resumption window
     * only decides whether an interval is named, not the lines.)
     */
    private static final int[] WINDOWS = {0, CONDITIONING_WINDOW_DAYS, INITIAL_REGIMEN_WINDOW_DAYS,
            TRANSPLANT_AFTER_INDUCTION_DAYS, POST_TRANSPLANT_MAINTENANCE_WINDOW_DAYS, TANDEM_TRANSPLANT_WINDOW_DAYS};

    private static List<LocalDate> candidateDays(Object event, TreeSet<LocalDate> anchors, LocalDate asOf) {
        LocalDate first = event instanceof ProcedureRecord p ? p.getDate() : ((DiseaseStatus) event).getDate();
        LocalDate last = latest(event, asOf);
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(last);
        for (LocalDate a : anchors) {
            for (int w : WINDOWS) {
                for (int shift = -1; shift <= 1; shift++) {
                    for (LocalDate d : List.of(a.plusDays(w + shift), a.minusDays(w + shift))) {
                        if (d.isAfter(first) && !d.isAfter(last)) days.add(d);
                    }
                }
            }
        }
        return new ArrayList<>(days);
    }

    private static LocalDate latest(Object event, LocalDate asOf) {
        LocalDate last = event instanceof ProcedureRecord p ? p.getLatest() : ((DiseaseStatus) event).getLatest();
        return last.isAfter(asOf) ? asOf : last;
    }

    /** The lines as the records each holds, in line order: two timelines with equal signatures group the same records. */
    private static List<List<String>> signature(TherapyTimeline t) {
        List<List<String>> out = new ArrayList<>();
        for (PriorLine l : t.lines()) {
            out.add(l.getProvenance().stream().map(Provenance::getReference).distinct().sorted().toList());
        }
        return out;
    }

    /** The list with {@code event} placed on {@code day}. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> placedOn(List<T> list, Object event, LocalDate day) {
        List<T> out = new ArrayList<>();
        for (T item : list) {
            if (item != event) out.add(item);
            else if (item instanceof ProcedureRecord p) out.add((T) p.placedOn(day));
            else if (item instanceof DiseaseStatus d) out.add((T) d.placedOn(day));
        }
        return out;
    }

    private static String describeEvent(Object event) {
        if (event instanceof ProcedureRecord p) {
            return reference(p) + " (" + p.getKind().displayName() + " in " + p.getDateText() + ")";
        }
        DiseaseStatus d = (DiseaseStatus) event;
        return reference(d) + " (progression in " + d.getDateText() + ")";
    }

    /** Most records named in a line-count text; the rest are counted ("and 3 more"), all are in the provenance. */
    private static final int NAMED_UNKNOWN_ENDS = 4;

    /**
     * Whether the unknown end of therapy recorded without one (an order or statement with only its date,
     * CDS-POLICY-UNKNOWN-END; an old open request, CDS-POLICY-OPEN-REQUEST) could change the lines. The timeline reads
     * such a record as given on its date only, so a transplant 134 days after an induction ordered once falls outside
     * the induction window, and lenalidomide ordered a year after VRd is "a different regimen after all drugs stopped".
     * The drug may as well have been given until the next therapy started: here every such record of an anti-myeloma
     * drug is read as given up to the day before the next anti-myeloma therapy (a drug start or a transplant) after its
     * date, and the lines compared (how many, which records each holds). Null when they do not change.
     */
    private static LineCountUncertain unknownEndUncertain(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                                          List<DiseaseStatus> statuses, LocalDate asOf,
                                                          TherapyTimeline placed) {
        List<MedicationRecord> dated = (records == null ? List.<MedicationRecord>of() : records).stream()
                .filter(r -> r != null && TherapyRecords.isDatedAndStarted(r, asOf)
                        && r.getDrug().getDrugClass().isAntiMyelomaTherapy())
                .toList();
        TreeSet<LocalDate> starts = new TreeSet<>();
        dated.forEach(r -> starts.add(r.getStart()));
        for (ProcedureRecord p : procedures) {
            if (TherapyRecords.isPerformedTransplant(p) && p.getDate() != null && !p.getDate().isAfter(asOf)) {
                starts.add(p.getDate());
            }
        }
        Map<MedicationRecord, LocalDate> extended = new java.util.IdentityHashMap<>();
        for (MedicationRecord r : dated) {
            if (!TherapyRecords.hasUnknownEnd(r, asOf)) continue;
            LocalDate last = TherapyRecords.lastDay(r, asOf);
            LocalDate next = starts.higher(last);
            if (next == null || !next.minusDays(1).isAfter(last)) continue;
            extended.put(r, next.minusDays(1));
        }
        if (extended.isEmpty()) return null;
        TherapyTimeline alt = place(records, procedures, statuses, asOf, extended);
        if (signature(alt).equals(signature(placed))) return null;
        int counted = placed.lines().size();
        List<MedicationRecord> movers = extended.keySet().stream()
                .sorted(Comparator.comparing(MedicationRecord::getStart).thenComparing(LineOfTherapyDeriver::reference))
                .toList();
        List<String> named = new ArrayList<>();
        for (MedicationRecord r : movers.subList(0, Math.min(NAMED_UNKNOWN_ENDS, movers.size()))) {
            named.add(reference(r) + " (" + r.getDrug().displayName() + " on " + r.getStart() + ")");
        }
        if (movers.size() > NAMED_UNKNOWN_ENDS) named.add("and " + (movers.size() - NAMED_UNKNOWN_ENDS) + " more");
        Set<Provenance> provenance = new TreeSet<>();
        movers.forEach(r -> provenance.addAll(r.getProvenance()));
        return LineCountUncertain.ofUnknownEnds(counted, Math.min(counted, alt.lines().size()),
                Math.max(counted, alt.lines().size()), named, new ArrayList<>(provenance));
    }

    /** The timeline with every date on the day the records place it (a partial date on its first day). */
    private static TherapyTimeline place(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                         List<DiseaseStatus> statuses, LocalDate asOf) {
        return place(records, procedures, statuses, asOf, Map.of());
    }

    /**
     * As above, with the last day of some records read as given ({@code lastDays}, by identity): a record whose end is
     * unknown read as given up to another day it may have run to.
     */
    private static TherapyTimeline place(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                         List<DiseaseStatus> statuses, LocalDate asOf,
                                         Map<MedicationRecord, LocalDate> lastDays) {
        List<MedicationRecord> given = (records == null ? List.<MedicationRecord>of() : records).stream()
                .filter(r -> r != null && TherapyRecords.isDatedAndStarted(r, asOf)).toList();
        List<ProcedureRecord> transplantProcs = (procedures == null ? List.<ProcedureRecord>of() : procedures).stream()
                .filter(p -> p != null && TherapyRecords.isPerformedTransplant(p) && p.getDate() != null
                        && !p.getDate().isAfter(asOf))
                .sorted(Comparator.comparing(ProcedureRecord::getDate).thenComparing(LineOfTherapyDeriver::reference))
                .toList();
        List<DiseaseStatus> progressions = (statuses == null ? List.<DiseaseStatus>of() : statuses).stream()
                .filter(p -> p != null && p.isProgression() && p.isDated() && !p.getDate().isAfter(asOf))
                .sorted(Comparator.comparing(DiseaseStatus::getDate).thenComparing(LineOfTherapyDeriver::reference))
                .toList();

        List<Segment> drugSegments = new ArrayList<>();
        List<Segment> supportive = new ArrayList<>();
        List<Transplant> transplants = new ArrayList<>();
        for (ProcedureRecord p : transplantProcs) transplants.add(new Transplant(p, new ArrayList<>()));
        for (MedicationRecord r : given) {
            LocalDate lastDay = lastDays.isEmpty() ? null : lastDays.get(r);
            Segment s = new Segment(r.getDrug(), r.getStart(), lastDay != null ? lastDay : TherapyRecords.lastDay(r, asOf),
                    TherapyRecords.isOngoing(r, asOf), r, TherapyRecords.statesEnd(r, asOf),
                    TherapyRecords.hasUnknownEnd(r, asOf));
            if (!r.getDrug().getDrugClass().isAntiMyelomaTherapy()) {
                supportive.add(s);
                continue;
            }
            Transplant conditioned = conditioningFor(s, transplants);
            if (conditioned != null) conditioned.conditioning().add(s);
            else drugSegments.add(s);
        }
        drugSegments.sort(Comparator.comparing(Segment::from).thenComparing(Segment::drug)
                .thenComparing(s -> reference(s.record())));

        TreeSet<LocalDate> dates = new TreeSet<>();
        drugSegments.forEach(s -> dates.add(s.from()));
        transplants.forEach(t -> dates.add(t.date()));

        Timeline timeline = new Timeline(progressions, drugSegments, supportive);
        for (LocalDate day : dates) {
            List<Segment> batch = drugSegments.stream().filter(s -> s.from().equals(day)).toList();
            if (!batch.isEmpty()) timeline.startDrugs(batch, day);
            for (Transplant t : transplants) if (t.date().equals(day)) timeline.transplant(t);
        }
        List<Line> lines = timeline.lines;
        lines.removeIf(Line::isEmpty);

        for (Segment s : supportive) {
            for (Line line : lines) {
                if (!s.from().isAfter(line.end()) && !s.to().isBefore(line.start)) {
                    line.extraDrugs.add(s.drug());
                    line.extraProvenance.addAll(s.record().getProvenance());
                    if (unnamedTherapy(s.record()) && s.from().isBefore(line.start)) {
                        line.earlierUnnamed.add(reference(s.record()) + " (" + s.drug().displayName() + ", from "
                                + PartialDateText.of(s.from(), s.record().getStartLatest()) + ") began before it and may have"
                                + " started it earlier, if it was myeloma therapy");
                    }
                }
            }
        }

        List<PriorLine> out = new ArrayList<>();
        List<DosingPeriod> courses = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            int number = i + 1;
            Set<Drug> drugs = new TreeSet<>();
            Set<Provenance> provenance = new TreeSet<>(line.extraProvenance);
            List<Segment> given_ = new ArrayList<>(line.segments);
            for (Segment s : line.segments) {
                drugs.add(s.drug());
                provenance.addAll(s.record().getProvenance());
            }
            List<ProcedureKind> kinds = new ArrayList<>();
            for (Transplant t : line.transplants) {
                kinds.add(t.procedure().getKind());
                provenance.addAll(t.procedure().getProvenance());
                for (Segment c : t.conditioning()) {
                    drugs.add(c.drug());
                    provenance.addAll(c.record().getProvenance());
                    given_.add(c);
                }
            }
            drugs.addAll(line.extraDrugs);
            boolean ongoing = line.ongoing();
            // The days the line surely spans: a first record dated "2024-03" may have started on any day of March.
            LocalDate startLatest = null;
            for (Segment sg : given_) startLatest = earlier(startLatest, latestFrom(sg));
            for (Transplant t : line.transplants) startLatest = earlier(startLatest, t.procedure().getLatest());
            LocalDate endEarliest = null;
            if (!ongoing) {
                for (Segment sg : given_) endEarliest = later(endEarliest, earliestTo(sg));
                for (Transplant t : line.transplants) endEarliest = later(endEarliest, t.procedure().getDate());
            }
            // The reason names each long interval the line's drugs resumed after, so a reader sees why it is one line.
            List<TherapyGap> gaps = line.gaps.stream().map(g -> g.inLine(number)).toList();
            StringBuilder reason = new StringBuilder(line.reason);
            for (TherapyGap g : gaps) reason.append("; ").append(g.describe());
            // A record dated only by dateAsserted says why it could be placed here (CDS-POLICY-DATE-ASSERTED).
            Map<String, Set<String>> asserted = new TreeMap<>();
            List<Segment> withSupportive = new ArrayList<>(given_);
            for (Segment sg : supportive) {
                if (!sg.from().isAfter(line.end()) && !sg.to().isBefore(line.start)) withSupportive.add(sg);
            }
            for (Segment sg : withSupportive) {
                if (!sg.record().isPlacedByAssertion()) continue;
                asserted.computeIfAbsent(sg.record().getAssertedNote(), k -> new TreeSet<>()).add(reference(sg.record()));
            }
            asserted.forEach((note, refs) -> reason.append("; ").append(String.join(", ", refs)).append(" ").append(note));
            for (String u : line.earlierUnnamed) reason.append("; ").append(u);
            for (String j : line.joined) reason.append("; ").append(j);
            // CDS-POLICY-UNKNOWN-END: a course whose end is not recorded ended at the latest the day before the next
            // line started (a new line is a change of regimen), else by asOf.
            LocalDate endBound = i + 1 < lines.size() ? lines.get(i + 1).start.minusDays(1) : asOf;
            // The line ends when its last course does: a course with an unknown end leaves the line's end unknown too.
            LocalDate endLatest = ongoing ? asOf : line.end();
            List<MedicationRecord> lineRecords = given_.stream().map(Segment::record).toList();
            for (DosingPeriod c : courses(given_, number, finalPhaseStart(line))) {
                DosingPeriod bounded = c.withEndLatest(endBound, TherapyRecords.plannedEndOf(c, lineRecords, asOf));
                courses.add(bounded);
                endLatest = later(endLatest, bounded.getEndLatest());
            }
            out.add(new PriorLine(number, line.start, ongoing ? asOf : line.end(), startLatest, endEarliest, endLatest,
                    new ArrayList<>(drugs), kinds,
                    !line.segments.isEmpty(), ongoing, i == lines.size() - 1, line.opening, reason.toString(),
                    new ArrayList<>(provenance), gaps));
        }
        return new TherapyTimeline(List.copyOf(out), List.copyOf(courses));
    }

    /**
     * The records of myeloma therapy and disease status that the timeline reads but cannot place, as of asOf: given
     * anti-myeloma medication records without a start date, performed stem-cell transplants without a date, and
     * progressions without a date. Each is named with its resource so a reviewer sees what the line count, the
     * exposures and refractoriness do not include.
     */
    public static List<TherapyTimeline.Unplaced> unplaced(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                                          List<DiseaseStatus> statuses) {
        List<TherapyTimeline.Unplaced> out = new ArrayList<>();
        for (MedicationRecord r : records == null ? List.<MedicationRecord>of() : records) {
            if (r == null || r.getStart() != null || !TherapyRecords.isGiven(r)
                    || !r.getDrug().getDrugClass().isAntiMyelomaTherapy()) continue;
            if (r.getAssertedOn() != null) {
                // CDS-POLICY-DATE-ASSERTED: what the asserted day bounds, and why it did not place the record.
                out.add(new TherapyTimeline.Unplaced("MEDICATION", r.getDrug().displayName(),
                        "no effective date, " + r.getAssertedText() + (r.getAssertedNote() == null ? ""
                                : ": " + r.getAssertedNote()) + "; its refractoriness and washout are unknown"
                                + " (CDS-POLICY-DATE-ASSERTED)", reference(r)));
                continue;
            }
            out.add(new TherapyTimeline.Unplaced("MEDICATION", r.getDrug().displayName(),
                    "no date: given, but when is unknown, so it is in no line, no exposure window and no refractoriness"
                            + " judgement", reference(r)));
        }
        for (ProcedureRecord p : procedures == null ? List.<ProcedureRecord>of() : procedures) {
            if (p == null || p.getDate() != null || !TherapyRecords.isPerformedTransplant(p)) continue;
            out.add(new TherapyTimeline.Unplaced("PROCEDURE", p.getKind().displayName(),
                    "no performed date: the transplant is in no line", reference(p)));
        }
        for (DiseaseStatus d : statuses == null ? List.<DiseaseStatus>of() : statuses) {
            if (d == null || d.isDated() || !d.isProgression()) continue;
            out.add(new TherapyTimeline.Unplaced("DISEASE_STATUS", "progression",
                    "no date: it opens no line and decides no refractoriness", reference(d)));
        }
        out.sort(Comparator.comparing(TherapyTimeline.Unplaced::reference).thenComparing(TherapyTimeline.Unplaced::what));
        return out;
    }

    /**
     * Courses of records that count as exposures but open no line (therapy for smouldering myeloma, MGUS or AL
     * amyloidosis; CDS-POLICY-OTHER-THERAPY): grouped as a line would group them (doses of one drug in one stretch of
     * therapy make one course), then placed in no line ({@code line} = 0) so that only a drug's own course window decides
     * its refractoriness (DERIVE-REFRACTORY-01). Each counts as the final phase of its stretch (an unknown end then
     * leaves refractoriness undecided, DERIVE-REFRACTORY-05).
     */
    public static List<DosingPeriod> coursesOutsideLines(List<MedicationRecord> records, LocalDate asOf) {
        List<DosingPeriod> out = new ArrayList<>();
        for (DosingPeriod d : timeline(records, List.of(), List.of(), asOf).courses()) {
            out.add(new DosingPeriod(d.getDrug(), d.getStart(), d.getEnd(), 0, d.getRecords(), true,
                    d.isStoppedForToxicity(), d.isEndRecorded(), d.isEndUnknown(), d.getStartLatest(), d.getEndEarliest(),
                    d.getProvenance()).withEndLatest(asOf, TherapyRecords.plannedEndOf(d, records, asOf)));
        }
        return out;
    }

    /**
     * Where the line's final phase starts: its last transplant when drug therapy follows it (consolidation or
     * maintenance), otherwise the line's start (the whole line is one phase).
     */
    private static LocalDate finalPhaseStart(Line line) {
        LocalDate transplant = line.lastTransplant();
        if (transplant == null) return line.start;
        boolean after = line.segments.stream().anyMatch(s -> s.from().isAfter(transplant));
        return after ? transplant : line.start;
    }

    /** One course per drug of a line: its first to last dose in that line, with every record that gave it. */
    private static List<DosingPeriod> courses(List<Segment> segments, int line, LocalDate finalPhaseStart) {
        Map<Drug, List<Segment>> byDrug = new TreeMap<>();
        for (Segment s : segments) byDrug.computeIfAbsent(s.drug(), d -> new ArrayList<>()).add(s);
        List<DosingPeriod> out = new ArrayList<>();
        for (Map.Entry<Drug, List<Segment>> e : byDrug.entrySet()) {
            LocalDate from = e.getValue().stream().map(Segment::from).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate to = e.getValue().stream().map(Segment::to).max(Comparator.naturalOrder()).orElseThrow();
            Set<Provenance> provenance = new TreeSet<>();
            e.getValue().forEach(s -> provenance.addAll(s.record().getProvenance()));
            boolean toxicity = e.getValue().stream().anyMatch(s -> s.record().isStoppedForToxicity());
            boolean endRecorded = e.getValue().stream().filter(s -> s.to().equals(to)).anyMatch(s -> s.ongoing()
                    || (s.record().getEnd() != null && s.record().getEnd().isAfter(s.record().getStart())));
            // The course ends on an open request whose end is unknown: the drug may have been given long after.
            boolean endUnknown = e.getValue().stream().filter(s -> s.to().equals(to)).anyMatch(Segment::endUnknown);
            // A partial date widens a course: it surely ran from its latest possible start to its earliest possible end.
            LocalDate startLatest = e.getValue().stream().map(LineOfTherapyDeriver::latestFrom)
                    .min(Comparator.naturalOrder()).orElse(from);
            LocalDate endEarliest = e.getValue().stream().map(LineOfTherapyDeriver::earliestTo)
                    .max(Comparator.naturalOrder()).orElse(to);
            out.add(new DosingPeriod(e.getKey(), from, to, line, e.getValue().size(), !to.isBefore(finalPhaseStart),
                    toxicity, endRecorded, endUnknown, startLatest, endEarliest, new ArrayList<>(provenance)));
        }
        return out;
    }

    /** The latest day a segment can have started: its record's latest start unless the segment was split later. */
    private static LocalDate latestFrom(Segment s) {
        LocalDate latest = s.record().getStartLatest();
        return s.from().equals(s.record().getStart()) && latest != null && latest.isAfter(s.from()) ? latest : s.from();
    }

    /** The earliest day a segment can have ended: its record's earliest end when the segment ends where the record does. */
    private static LocalDate earliestTo(Segment s) {
        MedicationRecord r = s.record();
        // Dated only by dateAsserted: the drug was taken on that day (its latest start), so the course ran at least to it.
        if (r.isPlacedByAssertion() && s.to().equals(r.getStartLatest())) return s.to();
        // A one-day record with a partial date ("2023-01"): its dose fell on some day of that interval, at the earliest
        // on the first.
        if (!s.ongoing() && (r.getEnd() == null || r.getEnd().isBefore(r.getStart())) && s.to().equals(r.getStartLatest())) {
            return s.from();
        }
        LocalDate earliest = r.getEndEarliest();
        if (s.ongoing() || earliest == null || !s.to().equals(s.record().getEnd())) return s.to();
        return earliest.isBefore(s.to()) ? (earliest.isBefore(s.from()) ? s.from() : earliest) : s.to();
    }

    /** The lines being built, and the dated progression events that force a new line after them. */
    private static final class Timeline {
        final List<Line> lines = new ArrayList<>();
        final List<DiseaseStatus> progressions;
        /** Every anti-myeloma segment and every other drug's segment: to see which regimen a resumption starts. */
        final List<Segment> drugSegments;
        final List<Segment> supportive;

        Timeline(List<DiseaseStatus> progressions, List<Segment> drugSegments, List<Segment> supportive) {
            this.progressions = progressions;
            this.drugSegments = drugSegments;
            this.supportive = supportive;
        }

        /**
         * The drugs of the regimen that starts on {@code day}: those starting that day and within
         * {@value #INITIAL_REGIMEN_WINDOW_DAYS} days after it (staggered starts of one combination), unless a documented
         * progression after {@code day} comes first. {@code antiMyeloma}: anti-myeloma drugs only, else the others.
         */
        Set<Drug> regimenStarting(LocalDate day, boolean antiMyeloma) {
            LocalDate until = day.plusDays(INITIAL_REGIMEN_WINDOW_DAYS);
            for (DiseaseStatus p : progressions) {
                if (p.getDate().isAfter(day) && !p.getDate().isAfter(until)) until = p.getDate().minusDays(1);
            }
            LocalDate last = until;
            Set<Drug> out = new TreeSet<>();
            for (Segment s : antiMyeloma ? drugSegments : supportive) {
                if (!s.from().isBefore(day) && !s.from().isAfter(last)) out.add(s.drug());
            }
            return out;
        }

        /** The first documented progression after the current line started and on or before {@code day}. */
        DiseaseStatus progressionBefore(Line cur, LocalDate day) {
            for (DiseaseStatus p : progressions) {
                if (p.getDate().isAfter(cur.start) && !p.getDate().isAfter(day)) return p;
            }
            return null;
        }

        void startDrugs(List<Segment> batch, LocalDate day) { LineOfTherapyDeriver.startDrugs(this, batch, day); }

        void transplant(Transplant t) { LineOfTherapyDeriver.transplant(this, t); }
    }

    static String describe(DiseaseStatus p) {
        return "progression " + p.onDate() + " (" + reference(p) + ")";
    }

    /** Anti-myeloma drugs starting on {@code day}: join the current line or open a new one. */
    private static void startDrugs(Timeline timeline, List<Segment> batch, LocalDate day) {
        List<Line> lines = timeline.lines;
        Line cur = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        if (cur == null) {
            Line first = new Line(day, LineOpening.FIRST_THERAPY, "first therapy");
            batch.forEach(first::add);
            lines.add(first);
            return;
        }
        int n = lines.size();
        // A supply of N days from day D covers D..D+N-1 (MedicationMapper): a new drug starting on that last day took
        // over from it, so the old drug is not carried into a new regimen by the supply's last day alone (sweep s11
        // accept A9: lenalidomide's supply ending on the day bortezomib was ordered made line 2 "VRd").
        if (batch.stream().anyMatch(s -> !cur.hasDrug(s.drug()))) {
            cur.segments.replaceAll(s -> s.to().equals(day) && s.from().isBefore(day) && !s.ongoing()
                    && endsOnSupply(s.record()) ? s.part(s.from(), day.minusDays(1), false) : s);
        }
        LocalDate lastDose = cur.lastDose();
        boolean running = lastDose != null && !lastDose.isBefore(day);
        DiseaseStatus progression = timeline.progressionBefore(cur, day);
        if (running) {
            boolean inInitialWindow = days(cur.start, day) <= INITIAL_REGIMEN_WINDOW_DAYS;
            List<Segment> added = batch.stream()
                    .filter(s -> !cur.hasDrug(s.drug()) && (progression != null
                            || cur.planConflict(s.groupRef()) || (!inInitialWindow && !cur.planMatch(s.groupRef()))))
                    .toList();
            if (added.isEmpty()) {
                batch.forEach(cur::add);
                return;
            }
            boolean conflict = added.stream().anyMatch(s -> cur.planConflict(s.groupRef()));
            String change = (progression != null ? "addition of " : "unplanned addition of ") + names(added) + " on " + day
                    + " while line " + n + " was running";
            String reason = progression != null ? "new therapy after " + describe(progression) + ": " + change
                    : change + (conflict ? " (under a different treatment plan)" : "");
            Line next = split(cur, day, progression != null ? LineOpening.PROGRESSION
                    : conflict ? LineOpening.PLAN_CHANGE : LineOpening.UNPLANNED_ADDITION, reason);
            batch.forEach(next::add);
            lines.add(next);
            return;
        }

        // All anti-myeloma drugs of the current line have stopped (or it holds only a transplant).
        String after = lastDose == null
                ? "after the stem-cell transplant of line " + n + " on " + cur.lastTransplant()
                : cur.endUnknown()
                ? "after all drugs of line " + n + " stopped (on an unknown day from " + lastDose + " to "
                        + day.minusDays(1) + ": the records give no end)"
                : "after all drugs of line " + n + " stopped on " + lastDose;
        if (progression != null) {
            open(lines, day, LineOpening.PROGRESSION, "new therapy after " + describe(progression) + ", " + after, batch);
            return;
        }
        // The line's last records are one-day records (single administrations, orders with only their date): nothing
        // shows its drugs stopped, so drugs ordered within the initial window are still its initial regimen (lenalidomide
        // ordered on 10 January and bortezomib on 20 January are one VRd, not two lines).
        if (lastDose != null && !cur.stoppedStated(lastDose) && days(cur.start, day) <= INITIAL_REGIMEN_WINDOW_DAYS
                && batch.stream().noneMatch(s -> cur.planConflict(s.groupRef()))) {
            batch.forEach(cur::add);
            return;
        }
        if (batch.stream().allMatch(s -> cur.planMatch(s.groupRef()))) {
            batch.forEach(cur::add);
            return;
        }
        if (batch.stream().anyMatch(s -> cur.planConflict(s.groupRef()))) {
            open(lines, day, LineOpening.PLAN_CHANGE, "new regimen under a different treatment plan " + after, batch);
            return;
        }
        LocalDate lastTransplant = cur.lastTransplant();
        if (lastTransplant != null && (lastDose == null || !lastTransplant.isBefore(lastDose))
                && days(lastTransplant, day) <= POST_TRANSPLANT_MAINTENANCE_WINDOW_DAYS) {
            // A drug the line never gave before its transplant joins it only by the window heuristic: say so in the
            // line's reason, so a board sees a consolidation that may have been salvage (a new line, LOT-B15 rule 2).
            Set<Drug> fresh = new TreeSet<>();
            for (Segment s : batch) {
                if (!cur.hasDrug(s.drug()) && !cur.planMatch(s.groupRef()) && s.drug().getDrugClass().isAntiMyelomaTherapy()) {
                    fresh.add(s.drug());
                }
            }
            if (!fresh.isEmpty()) {
                cur.joined.add(String.join(", ", fresh.stream().map(Drug::displayName).toList()) + " started on " + day
                        + ", " + days(lastTransplant, day) + " days after the transplant of " + lastTransplant
                        + ", read as post-transplant consolidation/maintenance of this line (a regimen starting within "
                        + POST_TRANSPLANT_MAINTENANCE_WINDOW_DAYS + " days after the line's transplant, CDS-POLICY-THERAPY-GAP)"
                        + " although the line had not given it before: if it was started for relapse, it is a new line");
            }
            batch.forEach(cur::add);
            return;
        }
        // The same drugs (or some of them) resuming with no progression documented in between: not a different
        // regimen, so the same line (§1.1). A record with holes (outside pharmacy, samples, drug holiday) looks just
        // like this; a long interval is named (CDS-POLICY-THERAPY-GAP), never counted as a line.
        boolean allKnown = batch.stream().allMatch(s -> cur.hasDrug(s.drug()) || cur.planMatch(s.groupRef()));
        if (allKnown) {
            LocalDate last = cur.lastActivity();
            // LOT-B15 rule 1: after a stop longer than an ordinary break, a different set of the line's drugs (a part of
            // the regimen that was stopped, e.g. Rd after IRd) is a different regimen started after the previous one
            // was discontinued: a new line. Only the same drugs resumed stay in the line (CDS-POLICY-THERAPY-GAP). After
            // the line's transplant a drug of its induction is the planned sequence's maintenance, however late.
            Set<Drug> resumed = timeline.regimenStarting(day, true);
            Set<Drug> stopped = cur.lastRegimen();
            boolean afterTransplant = lastTransplant != null && (lastDose == null || !lastTransplant.isBefore(lastDose));
            if (lastDose != null && !afterTransplant && days(last, day) > RESUMPTION_WINDOW_DAYS && !stopped.isEmpty()
                    && !resumed.equals(stopped)) {
                Set<Drug> named = new TreeSet<>(resumed);
                named.addAll(timeline.regimenStarting(day, false));
                open(lines, day, LineOpening.NEW_REGIMEN, "different regimen (" + String.join(", ",
                        named.stream().map(Drug::displayName).toList()) + ") started " + days(last, day)
                        + " days " + after + " (its last regimen: "
                        + String.join(", ", stopped.stream().map(Drug::displayName).toList()) + "; LOT-B15: a regimen is discontinued when all its drugs are stopped, and a different"
                        + " regimen started after that is a new line)", batch);
                return;
            }
            if (days(last, day) > RESUMPTION_WINDOW_DAYS) {
                cur.gaps.add(new TherapyGap(0, batch.stream().map(Segment::drug).distinct().sorted().toList(), last,
                        lastDose == null || last.isAfter(lastDose), day, provenance(batch)));
            }
            batch.forEach(cur::add);
            return;
        }
        open(lines, day, LineOpening.NEW_REGIMEN, "new regimen " + after, batch);
    }

    /** The record's last day is the end of an order's plan or of a dispensed supply, not a recorded last dose. */
    private static boolean endsOnSupply(MedicationRecord r) {
        return (r.getSource() == org.myelomacds.facts.MedicationSource.REQUEST
                || r.getSource() == org.myelomacds.facts.MedicationSource.DISPENSE)
                && r.getEnd() != null && r.getStart() != null && r.getEnd().isAfter(r.getStart());
    }

    private static List<Provenance> provenance(List<Segment> segments) {
        Set<Provenance> out = new TreeSet<>();
        segments.forEach(s -> out.addAll(s.record().getProvenance()));
        return new ArrayList<>(out);
    }

    /** A performed transplant: part of the current line's planned sequence, or a new line. */
    private static void transplant(Timeline timeline, Transplant t) {
        List<Line> lines = timeline.lines;
        LocalDate day = t.date();
        Line cur = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        String kind = t.procedure().getKind().displayName();
        // A transplant recorded by month or year is placed on its first day but named as recorded ("in 2025").
        String when = t.procedure().isDateImprecise() ? " in " + t.procedure().getDateText() : " on " + day;
        if (cur == null) {
            Line first = new Line(lineStart(t), LineOpening.FIRST_THERAPY, "first therapy: " + kind + when);
            first.add(t);
            lines.add(first);
            return;
        }
        DiseaseStatus progression = timeline.progressionBefore(cur, day);
        if (progression != null) {
            Line next = split(cur, lineStart(t), LineOpening.PROGRESSION,
                    kind + when + " after " + describe(progression));
            next.add(t);
            lines.add(next);
            if (cur.isEmpty()) lines.remove(cur);
            return;
        }
        boolean joins;
        String why = "";
        LocalDate previous = cur.lastTransplant();
        if (cur.planMatch(t.groupRef())) {
            joins = true;
        } else if (cur.planConflict(t.groupRef())) {
            joins = false;
            why = " (under a different treatment plan)";
        } else if (previous != null) {
            long gap = days(previous, day);
            joins = gap <= TANDEM_TRANSPLANT_WINDOW_DAYS;
            why = " (" + gap + " days after the previous transplant on " + previous + ")";
        } else {
            LocalDate lastDose = cur.lastDose();
            joins = lastDose != null && days(lastDose, day) <= TRANSPLANT_AFTER_INDUCTION_DAYS;
            if (lastDose != null && !joins) why = " (" + days(lastDose, day) + " days after the last dose of line "
                    + lines.size() + ")";
        }
        if (joins) {
            cur.add(t);
            return;
        }
        LocalDate start = lineStart(t);
        Line next = split(cur, start, LineOpening.TRANSPLANT, kind + when + " outside a planned sequence" + why);
        next.add(t);
        lines.add(next);
        if (cur.isEmpty()) lines.remove(cur);
    }

    /** Opens a new line holding the batch (the current line has stopped, nothing to split). */
    private static void open(List<Line> lines, LocalDate day, LineOpening opening, String reason, List<Segment> batch) {
        Line next = new Line(day, opening, reason);
        batch.forEach(next::add);
        lines.add(next);
    }

    /**
     * Starts a new line on {@code at}: the current line's drugs still running on that day continue in the new line (their
     * segments are split), and the current line keeps what was given before.
     */
    private static Line split(Line cur, LocalDate at, LineOpening opening, String reason) {
        Line next = new Line(at, opening, reason);
        List<Segment> kept = new ArrayList<>();
        for (Segment s : cur.segments) {
            if (s.to().isBefore(at)) {
                kept.add(s);
            } else if (!s.from().isBefore(at)) {
                next.add(s);
            } else {
                kept.add(s.part(s.from(), at.minusDays(1), false));
                next.add(s.part(at, s.to(), s.ongoing()));
            }
        }
        cur.segments.clear();
        cur.segments.addAll(kept);
        // An interval whose resumption falls in the new line goes with it.
        List<TherapyGap> moved = cur.gaps.stream().filter(g -> !g.getResumed().isBefore(at)).toList();
        cur.gaps.removeAll(moved);
        next.gaps.addAll(moved);
        return next;
    }

    private static Transplant conditioningFor(Segment s, List<Transplant> transplants) {
        if (!s.drug().equals(Drug.MELPHALAN)) return null;
        for (Transplant t : transplants) {
            long before = days(s.from(), t.date());
            if (before >= 0 && before <= CONDITIONING_WINDOW_DAYS && !s.to().isAfter(t.date().plusDays(1))) return t;
        }
        return null;
    }

    private static LocalDate lineStart(Transplant t) {
        LocalDate start = t.date();
        for (Segment c : t.conditioning()) if (c.from().isBefore(start)) start = c.from();
        return start;
    }

    private static String names(List<Segment> segments) {
        List<String> names = segments.stream().map(Segment::drug).distinct().sorted()
                .map(Drug::displayName).collect(Collectors.toList());
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static long days(LocalDate from, LocalDate to) { return ChronoUnit.DAYS.between(from, to); }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    /** Therapy the engine cannot name, as rules/derive/prior-lines.drl reads it (unnamedTherapy). */
    private static boolean unnamedTherapy(MedicationRecord r) {
        return !r.isPlanned() && r.getDrug().getDrugClass() == DrugClass.OTHER;
    }

    private static String reference(MedicationRecord r) {
        return r.getProvenance().isEmpty() ? "" : r.getProvenance().get(0).getReference();
    }

    private static String reference(DiseaseStatus p) {
        return p.getProvenance().isEmpty() ? "" : p.getProvenance().get(0).getReference();
    }

    private static String reference(ProcedureRecord p) {
        return p.getProvenance().isEmpty() ? "" : p.getProvenance().get(0).getReference();
    }
}
