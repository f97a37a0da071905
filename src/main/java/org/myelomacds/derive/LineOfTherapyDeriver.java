package org.myelomacds.derive;

import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
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
import java.util.LinkedHashMap;
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
 * ({@link LineOpening#PROGRESSION}). The windows below apply only when no progression lies between. The one exception:
 * after all its drugs stopped, the drugs the line was giving, starting again within its own largest dosing interval
 * after its last dose, are that line going on (treatment beyond progression, doses while the next line is arranged;
 * CDS-POLICY-CONTINUE-AFTER-PD, FINDINGS F3). For a progression early in the line that interval is measured over the
 * regimen's whole course, and the line's corticosteroid given on through the progression shows it going on
 * (CDS-POLICY-CONTINUE-EARLY-PD, FINDINGS I1).
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
 *       and never opens a line itself; so are busulfan, treosulfan, thiotepa, carmustine and fludarabine
 *       (CDS-POLICY-ORAL-CONDITIONING).</li>
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
     * Drugs the compendium's planned sequences give as maintenance after the transplant (clinical-evidence.md: R after
     * RVd or Isa-RVd in GMMG-HD7, daratumumab after D-VTd in CASSIOPEIA, D-R in PERSEUS): started within the window
     * they are the line's maintenance even when its induction did not give them (lenalidomide after VTd), so they leave
     * no line-count range; any other drug the line had not given does (CDS-POLICY-WINDOW-NEW-DRUG).
     */
    static final Set<Drug> POST_TRANSPLANT_MAINTENANCE_AGENTS = Set.of(Drug.LENALIDOMIDE, Drug.DARATUMUMAB, Drug.ISATUXIMAB);
    /**
     * Project policy (CDS-POLICY-THERAPY-GAP, not IMWG): drugs already in a line that resume with no progression
     * documented in between stay in that line however long the interval (§1.1 needs a different regimen for a new
     * line); an interval longer than this many days from the line's last dose or transplant is named in the line's
     * reason and as a THERAPY_GAP data gap. Shorter ones (cycle breaks, a drug holiday, a refill a few weeks late) are
     * ordinary and not named.
     */
    public static final int RESUMPTION_WINDOW_DAYS = 180;
    /**
     * CDS-POLICY-MOBILISATION: a short course of cyclophosphamide given alone (no other anti-myeloma drug within a week of
     * it) ending more than {@value #CONDITIONING_WINDOW_DAYS} and at most this many days before a transplant is its
     * stem-cell mobilisation, a step of the planned sequence induction, mobilisation, high-dose melphalan and ASCT
     * (GMMG-HD7, HD7-JCO25; LOT-B15), not a new regimen (FINDINGS E1). Project heuristic.
     */
    public static final int MOBILISATION_WINDOW_DAYS = 60;
    /** CDS-POLICY-MOBILISATION: the longest cyclophosphamide course (first to last recorded day) read as mobilisation. */
    public static final int MOBILISATION_COURSE_MAX_DAYS = 5;

    /** Project heuristic: melphalan starting up to this many days before a transplant is its high-dose conditioning. */
    public static final int CONDITIONING_WINDOW_DAYS = 7;

    private LineOfTherapyDeriver() {}

    /**
     * One drug given over [from, to] from one record (a record can be split between two lines). {@code endStated}: the
     * record says when the drug stopped, or that it still runs ({@link TherapyRecords#statesEnd}); {@code endUnknown}: an
     * open request whose end is unknown ({@link TherapyRecords#hasUnknownEnd}). {@code toEarliest}: the earliest day
     * the part can end when it was cut where a line with a partial start (a month) began, {@code fromLatest} the latest
     * day the part after the cut can have started (null otherwise).
     */
    private record Segment(Drug drug, LocalDate from, LocalDate to, boolean ongoing, MedicationRecord record,
                           boolean endStated, boolean endUnknown, LocalDate toEarliest, LocalDate fromLatest) {
        Segment(Drug drug, LocalDate from, LocalDate to, boolean ongoing, MedicationRecord record, boolean endStated,
                boolean endUnknown) {
            this(drug, from, to, ongoing, record, endStated, endUnknown, null, null);
        }

        String groupRef() { return record.getGroupRef(); }

        Segment part(LocalDate newFrom, LocalDate newTo, boolean newOngoing) {
            return new Segment(drug, newFrom, newTo, newOngoing, record, endStated, endUnknown);
        }

        /** The part before a line that started on an unknown day from {@code earliest} to {@code latest} + 1. */
        Segment cut(LocalDate earliest, LocalDate latest) {
            return new Segment(drug, from, latest, false, record, endStated, endUnknown, earliest, null);
        }

        /** The part from a line's start known as a day from {@code from} to {@code latest} (a month) on. */
        Segment startingBy(LocalDate latest) {
            return new Segment(drug, from, to, ongoing, record, endStated, endUnknown, toEarliest, latest);
        }
    }

    /**
     * {@code conditioning} holds every drug that goes with the transplant; {@code mobilisation} those of it read as
     * mobilisation; {@code copies} the other records of the same transplant (CDS-POLICY-SAME-DAY-TRANSPLANT: two
     * hospitals' exports, a SNOMED and a CPT coding of one procedure); {@code prophylaxis} those of {@code conditioning}
     * given after an allogeneic transplant as its GVHD prophylaxis (CDS-POLICY-GVHD-PROPHYLAXIS).
     */
    private record Transplant(ProcedureRecord procedure, List<Segment> conditioning, List<Segment> mobilisation,
                              List<ProcedureRecord> copies, List<Segment> prophylaxis) {
        Transplant(ProcedureRecord procedure) {
            this(procedure, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
        LocalDate date() { return procedure.getDate(); }
        String groupRef() { return procedure.getGroupRef(); }

        /**
         * Whether {@code other} records this transplant again: the same kind on the same day, both dated to the day. A
         * tandem needs an interval (§1.1, LOT-B15: a second transplant at a predefined interval), so a second transplant
         * of one kind on one day is the same procedure recorded twice, not a second one.
         */
        boolean sameAs(ProcedureRecord other) {
            return !procedure.isDateImprecise() && !other.isDateImprecise() && procedure.getDate().equals(other.getDate())
                    && procedure.getKind() == other.getKind();
        }

        /** Every record of the transplant, this one first. */
        List<ProcedureRecord> records() {
            List<ProcedureRecord> all = new ArrayList<>();
            all.add(procedure);
            all.addAll(copies);
            return all;
        }

        /** The other records of it, for the line's reason: " (recorded 2 times: Procedure/a, Procedure/b; one transplant ...)". */
        String copiesText() {
            if (copies.isEmpty()) return "";
            List<String> refs = new ArrayList<>();
            for (ProcedureRecord r : records()) refs.add(reference(r));
            return " (recorded " + refs.size() + " times, the same kind on the same day: " + String.join(", ", refs)
                    + "; one transplant, project policy CDS-POLICY-SAME-DAY-TRANSPLANT)";
        }
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
        /**
         * Drugs whose course ends on a partial date reaching into the next line, read as running into it because that
         * line gives the drug from its first day (CDS-POLICY-PARTIAL-END-BEFORE-NEXT-LINE, FINDINGS M2): why, for the
         * course's refractoriness text.
         */
        final Map<Drug, String> partialEndContinued = new LinkedHashMap<>();
        /**
         * Stem-cell mobilisation given as a step of the line's planned sequence with no transplant that took it
         * (CDS-POLICY-MOBILISATION-STEP, -UNCHARTED): part of the line's drugs, courses and end, but not of the regimen
         * it gives ({@link #lastDose}, {@link #lastRegimen}, {@link #hasDrug}), so drugs of the line resumed after it
         * continue the line and a later cyclophosphamide regimen is still a different one.
         */
        final List<Segment> steps = new ArrayList<>();

        /**
         * T7: the latest day the line can have started when its first records give only a month or a year and it did
         * not cut the line before it (the start may lie after that line stopped): the line before ends at the latest
         * the day before it, a progression counts as after this line only when later, and records of the line before
         * count among its drugs only from {@link #sharedFrom}. The start otherwise.
         */
        LocalDate startBound;
        LocalDate sharedFrom;
        /**
         * Finding AA5: in the reading where an uncharted short cyclophosphamide course (CDS-POLICY-MOBILISATION-UNCHARTED)
         * is a line of its own, the transplant of the line it followed; null otherwise. Therapy that would have joined
         * that line by the post-transplant window continues this line, so the course adds at most one line (the
         * maintenance after it is not read as a further line).
         */
        LocalDate splitFromTransplant;

        Line(LocalDate start, LineOpening opening, String reason) {
            this.start = start;
            this.opening = opening;
            this.reason = reason;
            this.startBound = start;
            this.sharedFrom = start;
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

        /** The last day of a mobilisation step of the line; null when it has none. */
        LocalDate lastStep() { return steps.stream().map(Segment::to).max(Comparator.naturalOrder()).orElse(null); }

        LocalDate end() {
            LocalDate end = later(lastActivity(), lastStep());
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

        /**
         * The latest dateAsserted of the stopped or completed statements whose unknown end ends their drug's course in this
         * line (CDS-POLICY-STOPPED-BY-ASSERTION): every drug had stopped by then. Null when one such end has no such day.
         */
        LocalDate stoppedBy() {
            Map<Drug, LocalDate> last = new TreeMap<>();
            for (Segment s : segments) last.merge(s.drug(), s.to(), (a, b) -> a.isAfter(b) ? a : b);
            LocalDate out = null;
            for (Segment s : segments) {
                if (!s.endUnknown() || !s.to().equals(last.get(s.drug()))) continue;
                LocalDate by = s.record().getStoppedBy();
                if (by == null) return null;
                if (out == null || by.isAfter(out)) out = by;
            }
            return out;
        }

        /** Some segment ending on the line's last dose says its drug stopped then (a period with a stated end). */
        boolean stoppedStated(LocalDate lastDose) {
            return segments.stream().anyMatch(s -> s.to().equals(lastDose) && s.endStated());
        }

        boolean isEmpty() { return segments.isEmpty() && transplants.isEmpty() && steps.isEmpty(); }

        boolean planMatch(String groupRef) { return groupRef != null && groupRefs.contains(groupRef); }

        boolean planConflict(String groupRef) {
            return groupRef != null && !groupRefs.isEmpty() && !groupRefs.contains(groupRef);
        }
    }

    /**
     * The latest day a line whose end is unknown can have stopped before {@code day}, in words: the day before, or the
     * dateAsserted of the stopped statements that end it when earlier (CDS-POLICY-STOPPED-BY-ASSERTION).
     */
    private static String stoppedWithin(Line cur, LocalDate day) {
        LocalDate by = cur.stoppedBy();
        if (by == null || !by.isBefore(day.minusDays(1))) return day.minusDays(1) + ": the records give no end";
        return by + ": the records give no end, and a statement asserted that day says it had stopped,"
                + " CDS-POLICY-STOPPED-BY-ASSERTION";
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
        return timeline(records, procedures, statuses, asOf, undecided, List.of());
    }

    /**
     * As above, with the patient's conditions: a myeloma relapse code (ICD-10-CM C90.02) whose onset lies between a
     * line's last therapy and therapy that joins the line by a day-count window makes that join undecided
     * (CDS-POLICY-WINDOW-RELAPSE-CODE), as a drug the line had not given does (CDS-POLICY-WINDOW-NEW-DRUG): the line's
     * reason names it and {@link LineCountUncertain} gives the count with each such therapy read as a new line.
     */
    public static TherapyTimeline timeline(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                           List<DiseaseStatus> statuses, LocalDate asOf,
                                           List<TherapyPurpose.Undecided> undecided, List<ClinicalCondition> conditions) {
        return timeline(records, procedures, statuses, asOf, undecided, conditions, List.of());
    }

    /**
     * As above, with possible progressions ({@link DiseaseStatus#isPossibleProgression}, e.g. an unconfirmed serum
     * M-protein rise or one that partial dates may or may not order as IMWG progression, rules/derive/relapse.drl): the
     * timeline does not open a line at them, but when reading one as a progression gives other lines, the count is
     * uncertain ({@link LineCountUncertain#ofPossibleProgressions}).
     */
    public static TherapyTimeline timeline(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                           List<DiseaseStatus> statuses, LocalDate asOf,
                                           List<TherapyPurpose.Undecided> undecided, List<ClinicalCondition> conditions,
                                           List<DiseaseStatus> possibleProgressions) {
        TherapyTimeline t = timelineWithoutPossible(records, procedures, statuses, asOf, undecided, conditions);
        LineCountUncertain possible = possibleProgressionUncertain(records, procedures, statuses, asOf, t,
                possibleProgressions == null ? List.of() : possibleProgressions);
        if (possible == null) return t;
        return new TherapyTimeline(t.lines(), t.courses(),
                t.lineCountUncertain() == null ? possible : t.lineCountUncertain().and(possible));
    }

    /**
     * Whether reading {@code progression} (a progression the rules derived, e.g. a confirmed serum M-protein rise) as a
     * dated progression changes the lines the records form with {@code statuses}: then it must be fed back to the
     * timeline ({@link TimelineDerivation#next}), since therapy started after a documented progression is a new line.
     */
    public static boolean changesLines(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                       List<DiseaseStatus> statuses, LocalDate asOf, DiseaseStatus progression) {
        List<ProcedureRecord> procs = procedures == null ? List.of() : procedures.stream().filter(Objects::nonNull).toList();
        List<DiseaseStatus> stats = statuses == null ? List.of() : statuses.stream().filter(Objects::nonNull).toList();
        List<DiseaseStatus> with = new ArrayList<>(stats);
        with.add(progression);
        return !signature(place(records, procs, with, asOf)).equals(signature(place(records, procs, stats, asOf)));
    }

    /**
     * FINDINGS F8: whether {@code progression}, read with the others, changes which rule opens some line while the lines
     * stay the same (a different regimen the 180-day rule opened first becomes new therapy after that progression), so
     * the line names the progression whichever rule came first.
     */
    public static boolean changesOpenings(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                          List<DiseaseStatus> statuses, LocalDate asOf, DiseaseStatus progression) {
        List<ProcedureRecord> procs = procedures == null ? List.of() : procedures.stream().filter(Objects::nonNull).toList();
        List<DiseaseStatus> stats = statuses == null ? List.of() : statuses.stream().filter(Objects::nonNull).toList();
        List<DiseaseStatus> with = new ArrayList<>(stats);
        with.add(progression);
        return !place(records, procs, with, asOf).lines().stream().map(PriorLine::getOpenedBy).toList()
                .equals(place(records, procs, stats, asOf).lines().stream().map(PriorLine::getOpenedBy).toList());
    }

    /**
     * The count range when possible progressions, each read as a progression (on the first and on the last day it can
     * stand for), give other lines. Null when none does.
     */
    private static LineCountUncertain possibleProgressionUncertain(List<MedicationRecord> records,
                                                                   List<ProcedureRecord> procedures,
                                                                   List<DiseaseStatus> statuses, LocalDate asOf,
                                                                   TherapyTimeline placed,
                                                                   List<DiseaseStatus> possible) {
        if (possible.isEmpty()) return null;
        List<ProcedureRecord> procs = procedures == null ? List.of() : procedures.stream().filter(Objects::nonNull).toList();
        List<DiseaseStatus> stats = statuses == null ? List.of() : statuses.stream().filter(Objects::nonNull).toList();
        List<List<String>> base = signature(place(records, procs, stats, asOf));
        int counted = placed.lines().size();
        int min = counted;
        int max = counted;
        List<String> movers = new ArrayList<>();
        Set<Provenance> provenance = new TreeSet<>();
        for (DiseaseStatus p : possible) {
            if (p == null || !p.isDated() || p.getDate().isAfter(asOf)) continue;
            boolean moves = false;
            LocalDate last = p.getLatest().isAfter(asOf) ? asOf : p.getLatest();
            for (LocalDate day : new TreeSet<>(List.of(p.getDate(), last))) {
                List<DiseaseStatus> with = new ArrayList<>(stats);
                with.add(DiseaseStatus.derivedProgression(day, p.getProvenance().isEmpty() ? null : p.getProvenance().get(0),
                        p.isDerived() ? p.getDerivation() : "possible progression"));
                TherapyTimeline alt = place(records, procs, with, asOf);
                if (signature(alt).equals(base)) continue;
                moves = true;
                min = Math.min(min, alt.lines().size());
                max = Math.max(max, alt.lines().size());
            }
            if (moves) {
                movers.add(p.describeUncertainty());
                provenance.addAll(p.getProvenance());
            }
        }
        if (movers.isEmpty()) return null;
        return LineCountUncertain.ofPossibleProgressions(counted, min, max, movers, new ArrayList<>(provenance));
    }

    private static TherapyTimeline timelineWithoutPossible(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                                           List<DiseaseStatus> statuses, LocalDate asOf,
                                                           List<TherapyPurpose.Undecided> undecided,
                                                           List<ClinicalCondition> conditions) {
        Objects.requireNonNull(asOf, "asOf");
        List<ProcedureRecord> procs = procedures == null ? List.of() : procedures.stream().filter(Objects::nonNull).toList();
        List<DiseaseStatus> stats = statuses == null ? List.of() : statuses.stream().filter(Objects::nonNull).toList();
        List<ClinicalCondition> codes = relapseCodes(conditions, asOf);
        WindowJoins joins = new WindowJoins(false);
        TherapyTimeline placed = place(records, procs, stats, asOf, Map.of(), codes, joins);
        LineCountUncertain uncertain = lineCountUncertain(records, procs, stats, asOf, placed);
        LineCountUncertain joined = windowJoinUncertain(records, procs, stats, asOf, placed, codes, joins);
        if (joined != null) uncertain = uncertain == null ? joined : uncertain.and(joined);
        LineCountUncertain starts = startUncertain(records, procs, stats, asOf, placed);
        if (starts != null) uncertain = uncertain == null ? starts : uncertain.and(starts);
        LineCountUncertain ends = unknownEndUncertain(records, procs, stats, asOf, placed);
        if (ends != null) uncertain = uncertain == null ? ends : uncertain.and(ends);
        LineCountUncertain asserted = assertedUncertain(records, asOf, placed);
        if (asserted != null) uncertain = uncertain == null ? asserted : uncertain.and(asserted);
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
        if (onlyContinuesLastLine(placed, started, stats)) return placed;
        int counted = placed.lines().size();
        List<String> named = new ArrayList<>();
        Set<Provenance> provenance = new TreeSet<>();
        for (MedicationRecord r : notStarted.stream().sorted(Comparator.comparing(MedicationRecord::getStart)
                .thenComparing(LineOfTherapyDeriver::reference)).toList()) {
            named.add(reference(r) + " (" + r.getDrug().displayName() + ", " + r.getStatusText() + ", ordered on "
                    + PartialDateText.of(r.getStart(), r.getStartLatest()) + ")");
            provenance.addAll(r.getProvenance());
        }
        int min = Math.min(counted, started.lines().size());
        int max = Math.max(counted, started.lines().size());
        // Sweep s12-partial3 P3-1: orders that only add lines of their own leave the placed lines (their records, dates
        // and so line-level refractoriness) as they are, so only the history of the ordered drugs is undecided.
        Set<String> orderRefs = new TreeSet<>();
        notStarted.forEach(r -> r.getProvenance().forEach(p -> orderRefs.add(p.getReference())));
        List<PriorLine> orderLines = new ArrayList<>();
        List<PriorLine> otherLines = new ArrayList<>();
        boolean own = true;
        for (PriorLine l : started.lines()) {
            long ordered = l.getProvenance().stream().filter(p -> orderRefs.contains(p.getReference())).count();
            if (ordered == l.getProvenance().size()) orderLines.add(l);
            else if (ordered == 0) otherLines.add(l);
            else own = false;
        }
        if (own && otherLines.size() == placed.lines().size()) {
            for (int i = 0; i < otherLines.size() && own; i++) {
                PriorLine a = otherLines.get(i);
                PriorLine b = placed.lines().get(i);
                own = signatureOf(a).equals(signatureOf(b)) && a.getStart().equals(b.getStart())
                        && a.getEnd().equals(b.getEnd()) && a.getEndLatest().equals(b.getEndLatest())
                        && a.isOngoing() == b.isOngoing();
            }
        } else {
            own = false;
        }
        LineCountUncertain u;
        if (own && !orderLines.isEmpty()) {
            Map<Drug, List<String>> byDrug = new java.util.TreeMap<>();
            List<MedicationRecord> sorted = notStarted.stream().sorted(Comparator.comparing(MedicationRecord::getStart)
                    .thenComparing(LineOfTherapyDeriver::reference)).toList();
            for (int i = 0; i < sorted.size(); i++) {
                byDrug.computeIfAbsent(sorted.get(i).getDrug(), k -> new ArrayList<>()).add(named.get(i));
            }
            boolean mayBeLast = !started.lines().isEmpty()
                    && orderLines.contains(started.lines().get(started.lines().size() - 1));
            u = LineCountUncertain.ofNotStartedOwnLines(counted, min, max, named, new ArrayList<>(provenance), byDrug,
                    mayBeLast);
        } else {
            u = LineCountUncertain.ofNotStarted(counted, min, max, named, new ArrayList<>(provenance));
        }
        LineCountUncertain merged = placed.lineCountUncertain() == null ? u : placed.lineCountUncertain().and(u);
        return new TherapyTimeline(placed.lines(), placed.courses(), merged);
    }

    /**
     * FINDINGS V6: orders not known to be started that, read as given, only lengthen the last line with the drugs it
     * already gives (the next cycle of the running regimen) cannot open a line: the lines before it keep their records,
     * the last line its start and its drugs, so the count and the drugs of every line are the same either way and no
     * range is raised. Only with no progression recorded (or possible) since the last line started: then the later
     * last day the order would give cannot turn the last line's drugs refractory (IMWG-C11 counts from the last dose).
     */
    private static boolean onlyContinuesLastLine(TherapyTimeline placed, TherapyTimeline started, List<DiseaseStatus> stats) {
        List<PriorLine> was = placed.lines();
        List<PriorLine> now = started.lines();
        if (was.isEmpty() || was.size() != now.size()) return false;
        for (int i = 0; i < was.size() - 1; i++) {
            if (!signatureOf(was.get(i)).equals(signatureOf(now.get(i)))) return false;
        }
        PriorLine last = was.get(was.size() - 1);
        PriorLine lengthened = now.get(now.size() - 1);
        if (!last.getStart().equals(lengthened.getStart())
                || !new java.util.HashSet<>(last.getDrugs()).equals(new java.util.HashSet<>(lengthened.getDrugs()))) return false;
        for (DiseaseStatus s : stats) {
            if (s.getTrend() == DiseaseTrend.PROGRESSION && s.isDated()
                    && !(s.getLatest() == null ? s.getDate() : s.getLatest()).isBefore(last.getStart())) return false;
        }
        return true;
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
        return LineCountUncertain.ofPurpose(counted, min, max, UndecidedCourses.texts(movers, placed),
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
        List<List<PriorLine>> readings = new ArrayList<>();
        for (Object event : imprecise) {
            boolean moves = false;
            for (LocalDate day : candidateDays(event, anchors, asOf)) {
                TherapyTimeline alt = place(records, placedOn(procedures, event, day), placedOn(statuses, event, day), asOf);
                if (signature(alt).equals(base)) continue;
                readings.add(alt.lines());
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
            readings.add(all.lines());
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
        LineCountUncertain u = LineCountUncertain.ofPartialDates(counted, min, max, movers, new ArrayList<>(provenance));
        // Finding I2 (CDS-POLICY-RANGE-SCOPE): with one partial date, every day it can stand for was tried, so the lines
        // that differ are known and only their drugs' refractoriness is undecided. With two or more, only each alone
        // and all on their last day were tried, not every mix of days: the whole history stays undecided.
        if (imprecise.size() == 1) {
            java.util.Optional<LineCountUncertain.UseUnknownScope> scope = PartialDateLines.scope(placed.lines(), readings);
            if (scope.isPresent()) u = u.withPartialDateScope(scope.get());
        }
        return u;
    }

    /**
     * W6 (CDS-POLICY-DATE-ASSERTED): given anti-myeloma statements dated only by dateAsserted that the timeline did not
     * place (asserted between two dated lines, before the first, completed, or with a month or year only) may each
     * have been a line of their own, or an unplanned change inside a dated line: either adds a line. Statements made
     * on one day count as one regimen. The count lies from the lines counted to one more per asserted day; null when
     * there is none. (A statement asserted after asOf is never read; an intended one is no exposure.)
     */
    private static LineCountUncertain assertedUncertain(List<MedicationRecord> records, LocalDate asOf,
                                                        TherapyTimeline placed) {
        Map<LocalDate, List<MedicationRecord>> byDay = new TreeMap<>();
        for (MedicationRecord r : records == null ? List.<MedicationRecord>of() : records) {
            if (r == null || r.getStart() != null || r.getAssertedOn() == null || !TherapyRecords.isGiven(r)
                    || r.getAssertedOn().isAfter(asOf) || !r.getDrug().getDrugClass().isAntiMyelomaTherapy()) continue;
            byDay.computeIfAbsent(r.getAssertedOn(), k -> new ArrayList<>()).add(r);
        }
        if (byDay.isEmpty()) return null;
        int counted = placed.lines().size();
        List<String> named = new ArrayList<>();
        Set<Provenance> provenance = new TreeSet<>();
        for (List<MedicationRecord> rs : byDay.values()) {
            for (MedicationRecord r : rs) {
                named.add(reference(r) + " (" + r.getDrug().displayName() + ", " + r.getAssertedText() + ")");
                provenance.addAll(r.getProvenance());
            }
        }
        return LineCountUncertain.ofAsserted(counted, counted + byDay.size(), named, new ArrayList<>(provenance));
    }

    /**
     * T7: whether the start of therapy recorded only by month or year ("2024", "2024-03") could change how many lines
     * there are. Records sharing one partial start (the drugs of one regimen) move together to each day of their
     * interval where a decision can turn (as {@link #lineCountUncertain} moves a progression), then all to their last
     * day; only the count is compared (which line a drug of a running line belongs to on each reading is said in the
     * line's reason). Records placed by their dateAsserted are left out: their placement does not depend on the start
     * (CDS-POLICY-DATE-ASSERTED). Null when the count does not change.
     */
    private static LineCountUncertain startUncertain(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                                     List<DiseaseStatus> statuses, LocalDate asOf, TherapyTimeline placed) {
        List<MedicationRecord> all = records == null ? List.of() : records;
        Map<List<LocalDate>, List<MedicationRecord>> groups = new TreeMap<>(
                Comparator.<List<LocalDate>, LocalDate>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        for (MedicationRecord r : all) {
            if (r == null || !TherapyRecords.isDatedAndStarted(r, asOf) || r.isPlacedByAssertion()
                    || !r.getDrug().getDrugClass().isAntiMyelomaTherapy()
                    || r.getStartLatest() == null || !r.getStartLatest().isAfter(r.getStart())) continue;
            groups.computeIfAbsent(List.of(r.getStart(), r.getStartLatest()), k -> new ArrayList<>()).add(r);
        }
        if (groups.isEmpty()) return null;
        TreeSet<LocalDate> anchors = new TreeSet<>();
        for (MedicationRecord r : all) {
            if (r == null || !TherapyRecords.isDatedAndStarted(r, asOf)) continue;
            anchors.add(r.getStart());
            anchors.add(TherapyRecords.lastDay(r, asOf));
        }
        for (ProcedureRecord p : procedures) if (p.getDate() != null) anchors.add(p.getDate());
        for (DiseaseStatus d : statuses) if (d.isDated()) anchors.add(d.getDate());
        int counted = placed.lines().size();
        int min = counted;
        int max = counted;
        List<String> movers = new ArrayList<>();
        Set<Provenance> provenance = new TreeSet<>();
        Map<MedicationRecord, LocalDate> lastDays = new java.util.IdentityHashMap<>();
        for (Map.Entry<List<LocalDate>, List<MedicationRecord>> g : groups.entrySet()) {
            LocalDate first = g.getKey().get(0);
            LocalDate last = g.getKey().get(1).isAfter(asOf) ? asOf : g.getKey().get(1);
            g.getValue().forEach(r -> lastDays.put(r, last));
            TreeSet<LocalDate> days = daysWhereAWindowTurns(first, last, anchors);
            boolean moves = false;
            for (LocalDate day : days) {
                int n = place(startingOn(all, Map.of(), g.getValue(), day), procedures, statuses, asOf).lines().size();
                if (n == counted) continue;
                moves = true;
                min = Math.min(min, n);
                max = Math.max(max, n);
            }
            if (moves) {
                for (MedicationRecord r : g.getValue()) {
                    movers.add(reference(r) + " (" + r.getDrug().displayName() + " started in "
                            + PartialDateText.of(r.getStart(), r.getStartLatest()) + ")");
                    provenance.addAll(r.getProvenance());
                }
            }
        }
        int together = place(startingOn(all, lastDays, List.of(), null), procedures, statuses, asOf).lines().size();
        if (together != counted) {
            min = Math.min(min, together);
            max = Math.max(max, together);
            if (movers.isEmpty()) {
                groups.values().forEach(rs -> rs.forEach(r -> {
                    movers.add(reference(r) + " (" + r.getDrug().displayName() + " started in "
                            + PartialDateText.of(r.getStart(), r.getStartLatest()) + ")");
                    provenance.addAll(r.getProvenance());
                }));
            }
        }
        if (movers.isEmpty()) return null;
        return LineCountUncertain.ofPartialDates(counted, min, max, movers, new ArrayList<>(provenance));
    }

    /** The records with those in {@code moved} started on {@code day}, and those in {@code days} on their day. */
    private static List<MedicationRecord> startingOn(List<MedicationRecord> records, Map<MedicationRecord, LocalDate> days,
                                                     List<MedicationRecord> moved, LocalDate day) {
        List<MedicationRecord> out = new ArrayList<>();
        for (MedicationRecord r : records) {
            if (r != null && moved.stream().anyMatch(m -> m == r)) out.add(r.startingOn(day));
            else if (r != null && days.containsKey(r)) out.add(r.startingOn(days.get(r)));
            else out.add(r);
        }
        return out;
    }

    /**
     * The window lengths the line rules compare day counts with; a decision can turn at each. (The resumption window
     * only decides whether an interval is named, not the lines.)
     */
    private static final int[] WINDOWS = {0, CONDITIONING_WINDOW_DAYS, INITIAL_REGIMEN_WINDOW_DAYS,
            TRANSPLANT_AFTER_INDUCTION_DAYS, POST_TRANSPLANT_MAINTENANCE_WINDOW_DAYS, TANDEM_TRANSPLANT_WINDOW_DAYS};

    private static List<LocalDate> candidateDays(Object event, TreeSet<LocalDate> anchors, LocalDate asOf) {
        LocalDate first = event instanceof ProcedureRecord p ? p.getDate() : ((DiseaseStatus) event).getDate();
        return new ArrayList<>(daysWhereAWindowTurns(first, latest(event, asOf), anchors));
    }

    /**
     * The days of (first, last] where a line decision can turn: one window length (and a day either side) before or
     * after an anchor date, and the last day; the first day is the placed reading itself.
     */
    private static TreeSet<LocalDate> daysWhereAWindowTurns(LocalDate first, LocalDate last, TreeSet<LocalDate> anchors) {
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
        return days;
    }

    private static LocalDate latest(Object event, LocalDate asOf) {
        LocalDate last = event instanceof ProcedureRecord p ? p.getLatest() : ((DiseaseStatus) event).getLatest();
        return last.isAfter(asOf) ? asOf : last;
    }

    /** The lines as the records each holds, in line order: two timelines with equal signatures group the same records. */
    /** The references of one line, as {@link #signature} lists them. */
    private static List<String> signatureOf(PriorLine l) {
        return l.getProvenance().stream().map(Provenance::getReference).distinct().sorted().toList();
    }

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
            LocalDate last = TherapyRecords.lastDayAmong(r, records, asOf);
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

    /**
     * Therapy that joined a line only by a day-count window although the line had not given one of its drugs, or after a
     * relapse code dated between (see {@link #timeline(List, List, List, LocalDate, List, List)}): collected while the
     * timeline is placed ({@code split} false), or each opening a new line ({@code split} true) to count the lines
     * that reading gives.
     */
    private static final class WindowJoins {
        final boolean split;
        final List<String> texts = new ArrayList<>();
        final Set<Provenance> provenance = new TreeSet<>();

        WindowJoins(boolean split) { this.split = split; }
    }

    /**
     * The dated myeloma relapse codes (ICD-10-CM C90.02, not a possible diagnosis) with an onset on or before asOf. An
     * undated code says nothing about when the relapse was.
     */
    private static List<ClinicalCondition> relapseCodes(List<ClinicalCondition> conditions, LocalDate asOf) {
        if (conditions == null) return List.of();
        return conditions.stream()
                .filter(c -> c != null && c.getKind() == ConditionKind.MULTIPLE_MYELOMA_IN_RELAPSE && !c.isPossible()
                        && c.getOnset() != null && !c.getOnset().isAfter(asOf))
                .sorted(Comparator.comparing(ClinicalCondition::getOnset)
                        .thenComparing(c -> String.valueOf(c.sourceReference())))
                .toList();
    }

    /**
     * Whether the lines change when each therapy that joined a line only by a day-count window and is undecided
     * (a drug the line had not given, CDS-POLICY-WINDOW-NEW-DRUG; a relapse code dated between,
     * CDS-POLICY-WINDOW-RELAPSE-CODE) opens a new line instead. Null when none joined so, or the lines do not change.
     */
    private static LineCountUncertain windowJoinUncertain(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                                          List<DiseaseStatus> statuses, LocalDate asOf,
                                                          TherapyTimeline placed, List<ClinicalCondition> codes,
                                                          WindowJoins joins) {
        if (joins.texts.isEmpty()) return null;
        TherapyTimeline alt = place(records, procedures, statuses, asOf, Map.of(), codes, new WindowJoins(true));
        if (signature(alt).equals(signature(placed))) return null;
        int counted = placed.lines().size();
        LineCountUncertain u = LineCountUncertain.ofWindowJoins(counted, Math.min(counted, alt.lines().size()),
                Math.max(counted, alt.lines().size()), joins.texts, new ArrayList<>(joins.provenance));
        // Finding N4 (CDS-POLICY-RANGE-SCOPE): both readings use the same records, so only the drugs of the lines that
        // differ and that some reading may make refractory are undecided; the others have one answer in both.
        java.util.Optional<LineCountUncertain.UseUnknownScope> scope = WindowJoinLines.scope(placed, alt,
                statuses, codes);
        return scope.isPresent() ? u.withWindowJoinScope(scope.get()) : u;
    }

    /**
     * CDS-POLICY-HISTORY-STATUS-UNKNOWN: the timeline {@code placed} is formed without the statements whose use is
     * unknown ({@link TherapyRecords#isUseUnknown}); {@code withThem} is the myeloma therapy as it would be if they were
     * taken. When the lines the other records form differ (a line more, or other records regrouped), the count is
     * uncertain and {@link LineCountUncertain} names them. Null when they change nothing but their own line's drugs.
     */
    public static LineCountUncertain useUnknownUncertain(List<MedicationRecord> withThem, List<ProcedureRecord> procedures,
                                                         List<DiseaseStatus> statuses, LocalDate asOf,
                                                         TherapyTimeline placed, List<MedicationRecord> useUnknown) {
        if (useUnknown == null || useUnknown.isEmpty()) return null;
        List<ProcedureRecord> procs = procedures == null ? List.of() : procedures.stream().filter(Objects::nonNull).toList();
        List<DiseaseStatus> stats = statuses == null ? List.of() : statuses.stream().filter(Objects::nonNull).toList();
        TherapyTimeline alt = place(withThem, procs, stats, asOf);
        Set<String> refs = new TreeSet<>();
        useUnknown.forEach(r -> r.getProvenance().forEach(p -> refs.add(p.getReference())));
        int counted = placed.lines().size();
        if (alt.lines().size() == counted && signatureWithout(alt, refs).equals(signature(placed))) return null;
        List<String> named = new ArrayList<>();
        Set<Provenance> provenance = new TreeSet<>();
        for (MedicationRecord r : useUnknown) {
            named.add(String.join(", ", r.getProvenance().stream().map(Provenance::getReference).distinct().toList())
                    + " (" + r.getDrug().displayName() + (r.getStart() == null ? ", undated" : " from "
                    + org.myelomacds.facts.PartialDateText.of(r.getStart(), r.getStartLatest())) + ")");
            provenance.addAll(r.getProvenance());
        }
        return LineCountUncertain.ofUseUnknown(counted, Math.min(counted, alt.lines().size()),
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
        return place(records, procedures, statuses, asOf, lastDays, List.of(), null);
    }

    /**
     * As above, with the dated relapse codes and the therapy joining a line only by a window ({@code joins}: collected,
     * or opening new lines; null: neither).
     */
    private static TherapyTimeline place(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                                         List<DiseaseStatus> statuses, LocalDate asOf,
                                         Map<MedicationRecord, LocalDate> lastDays, List<ClinicalCondition> relapseCodes,
                                         WindowJoins joins) {
        List<MedicationRecord> given = (records == null ? List.<MedicationRecord>of() : records).stream()
                .filter(r -> r != null && TherapyRecords.isDatedAndStarted(r, asOf)).toList();
        List<ProcedureRecord> transplantProcs = (procedures == null ? List.<ProcedureRecord>of() : procedures).stream()
                .filter(p -> p != null && TherapyRecords.isPerformedTransplant(p) && p.getDate() != null
                        && !p.getDate().isAfter(asOf))
                .sorted(Comparator.comparing(ProcedureRecord::getDate).thenComparing(LineOfTherapyDeriver::reference))
                .toList();
        List<ProcedureRecord> carTCollections = (procedures == null ? List.<ProcedureRecord>of() : procedures).stream()
                .filter(p -> p != null && p.getKind() == ProcedureKind.CAR_T_CELL_COLLECTION && !p.isPlanned()
                        && p.getDate() != null && !p.getDate().isAfter(asOf))
                .sorted(Comparator.comparing(ProcedureRecord::getDate).thenComparing(LineOfTherapyDeriver::reference))
                .toList();
        List<DiseaseStatus> progressions = (statuses == null ? List.<DiseaseStatus>of() : statuses).stream()
                .filter(p -> p != null && p.isProgression() && p.isDated() && !p.getDate().isAfter(asOf))
                .sorted(Comparator.comparing(DiseaseStatus::getDate).thenComparing(LineOfTherapyDeriver::reference))
                .toList();

        List<Segment> drugSegments = new ArrayList<>();
        List<Segment> supportive = new ArrayList<>();
        List<Transplant> transplants = new ArrayList<>();
        for (ProcedureRecord p : transplantProcs) {
            Transplant same = transplants.stream().filter(t -> t.sameAs(p)).findFirst().orElse(null);
            if (same != null) same.copies().add(p);
            else transplants.add(new Transplant(p));
        }
        for (MedicationRecord r : given) {
            LocalDate lastDay = lastDays.isEmpty() ? null : lastDays.get(r);
            // An old open order filled after it was written: given up to the last supply, its end unknown after that
            // (CDS-POLICY-ORDERS2-FILLS-UNDER-OPEN-ORDER).
            if (lastDay == null) lastDay = TherapyRecords.dispensedThrough(r, given, asOf);
            Segment s = new Segment(r.getDrug(), r.getStart(), lastDay != null ? lastDay : TherapyRecords.lastDay(r, asOf),
                    TherapyRecords.isOngoing(r, asOf), r, TherapyRecords.statesEnd(r, asOf),
                    TherapyRecords.hasUnknownEnd(r, asOf));
            if (!r.getDrug().getDrugClass().isAntiMyelomaTherapy()) {
                supportive.add(s);
                continue;
            }
            Transplant conditioned = conditioningFor(s, transplants);
            Transplant prophylaxisOf = conditioned == null ? gvhdProphylaxisFor(s, transplants, progressions) : null;
            if (conditioned != null) conditioned.conditioning().add(s);
            else if (prophylaxisOf != null) {
                // Part of the allogeneic transplant, as its conditioning is: no line, no range, no mobilisation reading.
                prophylaxisOf.conditioning().add(s);
                prophylaxisOf.prophylaxis().add(s);
            } else drugSegments.add(s);
        }
        drugSegments.sort(Comparator.comparing(Segment::from).thenComparing(Segment::drug)
                .thenComparing(s -> reference(s.record())));
        List<Segment> mobilising = new ArrayList<>();
        for (Segment s : drugSegments) {
            Transplant t = mobilisationFor(s, transplants, drugSegments);
            if (t == null) continue;
            t.conditioning().add(s);
            t.mobilisation().add(s);
            mobilising.add(s);
        }
        drugSegments.removeAll(mobilising);
        // Replayed between a mobilisation and its transplant, the transplant is not yet in the record
        // (CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING): such a dose joins the line it follows (startDrugs).
        Set<Segment> pendingMobilisation = new java.util.HashSet<>();
        // Mobilisation no transplant took (FINDINGS F1, F2): charted as such it is a step of the line it follows
        // (CDS-POLICY-MOBILISATION-STEP); of its shape but with nothing in the chart saying so, the count is undecided
        // (CDS-POLICY-MOBILISATION-UNCHARTED).
        Set<Segment> mobilisationSteps = new java.util.HashSet<>();
        Set<Segment> unchartedMobilisation = new java.util.HashSet<>();
        for (Segment s : drugSegments) {
            if (pendingMobilisation(s, transplants, drugSegments, asOf)) pendingMobilisation.add(s);
            if (chartedMobilisation(s, drugSegments)) mobilisationSteps.add(s);
            else if (mobilisationShape(s, drugSegments) && carTAfter(s, drugSegments) == null) unchartedMobilisation.add(s);
        }
        unchartedMobilisation.removeAll(recurringWithARegimen(unchartedMobilisation, mobilisationSteps, drugSegments));
        unchartedMobilisation.removeIf(s -> cyclophosphamideCycle(s, drugSegments));

        TreeSet<LocalDate> dates = new TreeSet<>();
        drugSegments.forEach(s -> dates.add(s.from()));
        transplants.forEach(t -> dates.add(t.date()));

        Timeline timeline = new Timeline(progressions, drugSegments, supportive, relapseCodes, joins, pendingMobilisation,
                mobilisationSteps, unchartedMobilisation, transplants, carTCollections, asOf);
        for (LocalDate day : dates) {
            List<Segment> batch = drugSegments.stream().filter(s -> s.from().equals(day)).toList();
            if (!batch.isEmpty()) timeline.startDrugs(batch, day);
            for (Transplant t : transplants) if (t.date().equals(day)) timeline.transplant(t);
        }
        List<Line> lines = timeline.lines;
        lines.removeIf(Line::isEmpty);

        for (Segment s : supportive) {
            for (Line line : lines) {
                if (!s.from().isAfter(line.end()) && !s.to().isBefore(line.sharedFrom)) {
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
            given_.addAll(line.steps);
            for (Segment s : given_) {
                drugs.add(s.drug());
                provenance.addAll(s.record().getProvenance());
            }
            List<ProcedureKind> kinds = new ArrayList<>();
            for (Transplant t : line.transplants) {
                kinds.add(t.procedure().getKind());
                for (ProcedureRecord r : t.records()) provenance.addAll(r.getProvenance());
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
                if (!sg.from().isAfter(line.end()) && !sg.to().isBefore(line.sharedFrom)) withSupportive.add(sg);
            }
            for (Segment sg : withSupportive) {
                if (!sg.record().isPlacedByAssertion()) continue;
                asserted.computeIfAbsent(sg.record().getAssertedNote(), k -> new TreeSet<>()).add(reference(sg.record()));
            }
            asserted.forEach((note, refs) -> reason.append("; ").append(String.join(", ", refs)).append(" ").append(note));
            for (String u : line.earlierUnnamed) reason.append("; ").append(u);
            for (String j : line.joined) reason.append("; ").append(j);
            for (String n : lymphodepletionWithoutCells(line)) reason.append("; ").append(n);
            // CDS-POLICY-UNKNOWN-END: a course whose end is not recorded ended at the latest the day before the next
            // line started (a new line is a change of regimen), else by asOf.
            LocalDate endBound = i + 1 < lines.size() ? lines.get(i + 1).startBound.minusDays(1) : asOf;
            // The line ends when its last course does: a course with an unknown end leaves the line's end unknown too.
            LocalDate endLatest = ongoing ? asOf : line.end();
            List<MedicationRecord> lineRecords = given_.stream().map(Segment::record).toList();
            for (DosingPeriod c : courses(given_, number, finalPhaseStart(line))) {
                // A stopped or completed statement had stopped by the day it was asserted (CDS-POLICY-STOPPED-BY-ASSERTION).
                DosingPeriod bounded = lastCycleCharted(c.withEndLatest(endBound, TherapyRecords.plannedEndOf(c,
                        lineRecords, asOf)).withStoppedBy(TherapyRecords.stoppedByOf(c, lineRecords, asOf)),
                        given_, supportive, endBound);
                String continued = line.partialEndContinued.get(c.getDrug());
                if (continued != null) bounded = bounded.withContinuedNote(continued);
                String authorised = authorisationNote(bounded, lineRecords);
                if (authorised != null) bounded = bounded.withAuthorisationNote(authorised);
                courses.add(bounded);
                endLatest = later(endLatest, bounded.getEndLatest());
                // a drug stopped while the line went on says so (CDS-POLICY-LINEREFR-STOP-EVIDENT)
                if (bounded.getStopEvidentText() != null) reason.append("; ").append(bounded.getStopEvidentText());
            }
            // J7: the line is shown to the last dose of its steroid given on after its other drugs, before the next line
            LocalDate nextStart = i + 1 < lines.size() ? lines.get(i + 1).start : asOf.plusDays(1);
            SteroidAfterLine after = ongoing ? SteroidAfterLine.NONE : steroidAfterLine(line, supportive, nextStart, progressions);
            List<Segment> steroidOn = after.givenOn();
            // FINDINGS V7: a steroid begun after the progression is named, so the shown end does not silently pass it
            if (after.bridge() != null) reason.append("; ").append(after.bridgeText(number));
            for (Segment sg : steroidOn) provenance.addAll(sg.record().getProvenance());
            Segment steroid = steroidOn.isEmpty() ? null : lastOf(steroidOn);
            out.add(new PriorLine(number, line.start, ongoing ? asOf : line.end(), startLatest, endEarliest, endLatest,
                    new ArrayList<>(drugs), kinds,
                    !line.segments.isEmpty(), ongoing, i == lines.size() - 1, line.opening, reason.toString(),
                    new ArrayList<>(provenance), gaps, i == 0 && beginsAtTransplant(line))
                    .withTransplantRecordText(transplantRecordText(line))
                    .withSteroidEnd(steroid == null ? null : steroid.to(), steroid == null ? null : earliestTo(steroid),
                            steroid == null ? null : steroid.drug()));
            // CDS-POLICY-LINE-UNDER-WAY (FINDINGS G6): the last line whose next dose is not yet due at asOf
            if (i == lines.size() - 1 && !ongoing && !line.endUnknown()) {
                Map.Entry<Drug, Long> rhythm = largestDosingInterval(line);
                LocalDate lastDose = line.lastDose();
                if (rhythm != null && lastDose != null && !line.end().isAfter(lastDose)
                        && days(lastDose, asOf) <= rhythm.getValue()) {
                    out.set(out.size() - 1, out.get(out.size() - 1).withUnderWay(rhythm.getValue().intValue(), rhythm.getKey()));
                }
            }
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
                    d.getProvenance()).withEndLatest(asOf, TherapyRecords.plannedEndOf(d, records, asOf))
                    .withStoppedBy(TherapyRecords.stoppedByOf(d, records, asOf)));
        }
        return out;
    }

    /**
     * Where the line's final phase starts: its last transplant when drug therapy follows it (consolidation or
     * maintenance), or the day after its last mobilisation step when that came later and drug therapy follows it (a
     * collection that failed or cells stored for later: the drugs after it are the planned sequence's maintenance,
     * CDS-POLICY-MOBILISATION-STEP), otherwise the line's start (the whole line is one phase).
     */
    private static LocalDate finalPhaseStart(Line line) {
        LocalDate transplant = line.lastTransplant();
        LocalDate step = line.lastStep();
        LocalDate divider = step != null && (transplant == null || step.isAfter(transplant)) ? step.plusDays(1) : transplant;
        if (divider == null) return line.start;
        boolean after = line.segments.stream().anyMatch(s -> !s.from().isBefore(divider) && !s.from().equals(transplant));
        return after ? divider : line.start;
    }

    /** One course per drug of a line: its first to last dose in that line, with every record that gave it. */
    private static List<DosingPeriod> courses(List<Segment> segments, int line, LocalDate finalPhaseStart) {
        Map<Drug, List<Segment>> byDrug = new TreeMap<>();
        // A blinded trial product still blinded is therapy of its line but no dose of its drug
        // (CDS-POLICY-BLINDED-STUDY-DRUG): an open-label record of the drug later in the line must not make the blinded
        // records part of its course (sweep s17 M1: the course then ran from the first blinded capsule and the drug was
        // refractory to a progression before its first open-label dose).
        for (Segment s : segments) {
            if (!s.record().isBlinded()) byDrug.computeIfAbsent(s.drug(), d -> new ArrayList<>()).add(s);
        }
        List<DosingPeriod> out = new ArrayList<>();
        for (Map.Entry<Drug, List<Segment>> e : byDrug.entrySet()) {
            LocalDate from = e.getValue().stream().map(Segment::from).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate to = e.getValue().stream().map(Segment::to).max(Comparator.naturalOrder()).orElseThrow();
            Set<Provenance> provenance = new TreeSet<>();
            e.getValue().forEach(s -> provenance.addAll(s.record().getProvenance()));
            boolean toxicity = e.getValue().stream().anyMatch(s -> s.record().isStoppedForToxicity());
            // An open order's authorisation end is no recorded end (CDS-POLICY-OPEN-REQUEST).
            boolean endRecorded = e.getValue().stream().filter(s -> s.to().equals(to)).anyMatch(s -> s.ongoing()
                    || (s.record().getEnd() != null && s.record().getEnd().isAfter(s.record().getStart())
                            && !s.record().isAuthorisationEndOpen()));
            // The course ends on an open request whose end is unknown: the drug may have been given long after.
            boolean endUnknown = e.getValue().stream().filter(s -> s.to().equals(to)).anyMatch(Segment::endUnknown);
            // A partial date widens a course: it surely ran from its latest possible start to its earliest possible end.
            LocalDate startLatest = e.getValue().stream().map(LineOfTherapyDeriver::latestFrom)
                    .min(Comparator.naturalOrder()).orElse(from);
            LocalDate endEarliest = e.getValue().stream().map(LineOfTherapyDeriver::earliestTo)
                    .max(Comparator.naturalOrder()).orElse(to);
            DosingPeriod course = new DosingPeriod(e.getKey(), from, to, line, e.getValue().size(),
                    !to.isBefore(finalPhaseStart), toxicity, endRecorded, endUnknown, startLatest, endEarliest,
                    new ArrayList<>(provenance));
            // An order's authorised supply (validity end, supply x repeats) ends the course, not a dose date
            // (CDS-POLICY-AUTHORISED-END-LINE-DISAGREE; sweep s19 V4).
            boolean authorised = endRecorded && e.getValue().stream().filter(s -> s.to().equals(to))
                    .allMatch(s -> s.record().getSource() == org.myelomacds.facts.MedicationSource.REQUEST && s.record().isEndFromAuthorisation());
            if (authorised) course = course.withAuthorisedEnd();
            out.add(line > 0 ? evidentStop(course, e.getValue(), segments) : course);
        }
        return out;
    }

    /**
     * Project policy (CDS-POLICY-LINEREFR-STOP-EVIDENT): a hole longer than this in a drug's records, while the line's
     * other drugs go on being recorded, is a stop, not a gap in the charting. The interval CDS-POLICY-THERAPY-GAP treats
     * as an ordinary hole in a record (a drug holiday, a refill late, doses charted elsewhere), so it is also well past
     * §1.2's 60-day window.
     */
    static final int EVIDENT_STOP_DAYS = RESUMPTION_WINDOW_DAYS;

    /**
     * The course with its evident stop, when its record shows one (CDS-POLICY-LINEREFR-STOP-EVIDENT): recorded doses
     * (one dose only under CDS-POLICY-TIMELINE4-STOP-EVIDENT-SINGLE-DOSE, a CAR-T infusion never), an end the record does not state (a stated end is judged by its own
     * window already), and the line's other anti-myeloma drugs (corticosteroids aside) recorded without a hole longer
     * than 60 days from its last dose on, for longer than the largest interval between its own recorded doses and
     * longer than {@value #EVIDENT_STOP_DAYS} days. KRd x8 then three years of lenalidomide: carfilzomib stopped. Four
     * daratumumab administrations in February to April while bortezomib is recorded to August (126 days): sparse
     * charting cannot be told from a stop, so the line decides (DERIVE-REFRACTORY-03), as issue 10 item 2 requires.
     */
    private static DosingPeriod evidentStop(DosingPeriod course, List<Segment> own, List<Segment> lineSegments) {
        if (course.isEndRecorded() || course.isEndUnknown() || own.isEmpty()
                || course.getDrug().getDrugClass() == DrugClass.CORTICOSTEROID) return course;
        // One recorded dose (CDS-POLICY-TIMELINE4-STOP-EVIDENT-SINGLE-DOSE): no interval of its own to compare with, so
        // only the 180 days decide, as they do for two doses given close together. A CAR-T infusion is one dose by
        // design and its cells act for months: its line decides, as before.
        boolean single = own.size() == 1;
        if (single && course.getDrug().getDrugClass() == DrugClass.CAR_T) return course;
        List<Segment> sorted = own.stream().sorted(Comparator.comparing(Segment::from)).toList();
        long largest = 0;
        LocalDate reached = sorted.get(0).to();
        for (Segment s : sorted.subList(1, sorted.size())) {
            largest = Math.max(largest, days(reached, s.from()));
            reached = later(reached, s.to());
        }
        LocalDate last = course.getEnd();
        // how long the other drugs go on being recorded from its last dose, across holes of at most 60 days (§1.2)
        LocalDate covered = last;
        Set<Drug> others = new TreeSet<>();
        List<Segment> other = lineSegments.stream().filter(s -> !s.drug().equals(course.getDrug())
                        && s.drug().getDrugClass() != DrugClass.CORTICOSTEROID
                        && s.drug().getDrugClass().isAntiMyelomaTherapy())
                .sorted(Comparator.comparing(Segment::from)).toList();
        // CDS-POLICY-BREAK-RESUMED-SUBSET (FINDINGS H1): after a break of more than 60 days with nothing of the line
        // recorded (a planned break after induction, a collection with no transplant), the count starts again where the
        // line's therapy resumed without this drug: a progression is judged by its own last dose only when the resumed
        // therapy has gone on being recorded as long as the stop-evident policy asks, so sparse charting (a last dose
        // weeks before the progression after a hole) stays with the line.
        LocalDate from = last;
        LocalDate breakFrom = null;
        for (Segment s : other) {
            if (!s.to().isAfter(covered)) continue;
            if (s.from().isAfter(covered.plusDays(60))) {
                if (lineSegments.stream().anyMatch(Segment::endUnknown)) continue;
                breakFrom = covered;
                from = s.from();
                // the drugs named as resumed are those recorded from the resumption on, not those before the break
                // (melphalan given as transplant conditioning before it is no resumed drug; FINDINGS s15h-04)
                others.clear();
            }
            covered = s.to();
            others.add(s.drug());
        }
        long absence = days(from, covered);
        long needed = Math.max(largest, EVIDENT_STOP_DAYS);
        if (absence <= needed) return course;
        if (breakFrom != null) {
            String names = others.stream().map(Drug::displayName).collect(java.util.stream.Collectors.joining(", "));
            String text = course.getDrug().displayName() + " stopped on " + last + ": no therapy of the line is recorded"
                    + " from " + breakFrom.plusDays(1) + " to " + from.minusDays(1) + " (" + (days(breakFrom, from) - 1)
                    + " days, more than the 60 days of §1.2), and " + names + " resumed without it on " + from + " and went"
                    + " on being recorded to " + covered + " (" + absence + " days, longer than " + needed + " days); a"
                    + " progression from " + from.plusDays(needed + 1) + " on is judged by its own last dose, not by the"
                    + " line's: not " + course.getDrug().displayName() + "-refractory (§1.2, IMWG-C11;"
                    + " CDS-POLICY-LINEREFR-STOP-EVIDENT, CDS-POLICY-BREAK-RESUMED-SUBSET)";
            return course.withEvidentStop(from.plusDays(needed + 1), text);
        }
        String names = others.stream().map(Drug::displayName).collect(java.util.stream.Collectors.joining(", "));
        String text = course.getDrug().displayName() + " stopped on " + last + ": its " + (single
                ? "one record (a single dose) ends there" : own.size() + " records end there") + " while " + names
                + " went on being recorded to " + covered + " (" + absence + " days, " + (single
                ? "longer than " + EVIDENT_STOP_DAYS + " days; a single recorded dose has no interval of its own to"
                        + " compare with"
                : "longer than the largest interval between its own recorded doses, " + largest + " days, and than "
                        + EVIDENT_STOP_DAYS + " days") + "); a progression from " + last.plusDays(needed + 1)
                + " on is judged by its own last dose, not by the line's: more than 60 days after it, so not "
                + course.getDrug().displayName() + "-refractory (§1.2, IMWG-C11; CDS-POLICY-LINEREFR-STOP-EVIDENT"
                + (single ? ", CDS-POLICY-TIMELINE4-STOP-EVIDENT-SINGLE-DOSE" : "") + ")";
        return course.withEvidentStop(last.plusDays(needed + 1), text);
    }

    /** The latest day a segment can have started: its record's latest start unless the segment was split later. */
    private static LocalDate latestFrom(Segment s) {
        if (s.fromLatest() != null) return s.fromLatest();
        LocalDate latest = s.record().getStartLatest();
        return s.from().equals(s.record().getStart()) && latest != null && latest.isAfter(s.from()) ? latest : s.from();
    }

    /** The earliest day a segment can have ended: its record's earliest end when the segment ends where the record does. */
    private static LocalDate earliestTo(Segment s) {
        if (s.toEarliest() != null) return s.toEarliest();
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
        /** Dated myeloma relapse codes (C90.02), by onset: a weak signal that makes a window join undecided. */
        final List<ClinicalCondition> relapseCodes;
        /** Therapy that joined a line only by a window and is undecided: collected, or opening new lines; null: neither. */
        final WindowJoins joins;
        /** Cyclophosphamide read as mobilisation for a transplant not yet recorded (CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING). */
        final Set<Segment> pendingMobilisation;
        /** Cyclophosphamide charted as mobilisation and taken by no transplant (CDS-POLICY-MOBILISATION-STEP). */
        final Set<Segment> mobilisationSteps;
        /** Cyclophosphamide of the mobilisation shape with no sign in the chart (CDS-POLICY-MOBILISATION-UNCHARTED). */
        final Set<Segment> unchartedMobilisation;
        final List<Transplant> transplants;
        /** Performed T-cell collections for CAR-T manufacture, by date: the plan of a CAR-T (CDS-POLICY-CART-COLLECTION). */
        final List<ProcedureRecord> carTCollections;
        final LocalDate asOf;

        Timeline(List<DiseaseStatus> progressions, List<Segment> drugSegments, List<Segment> supportive,
                 List<ClinicalCondition> relapseCodes, WindowJoins joins, Set<Segment> pendingMobilisation,
                 Set<Segment> mobilisationSteps, Set<Segment> unchartedMobilisation, List<Transplant> transplants,
                 List<ProcedureRecord> carTCollections, LocalDate asOf) {
            this.carTCollections = carTCollections;
            this.mobilisationSteps = mobilisationSteps;
            this.unchartedMobilisation = unchartedMobilisation;
            this.transplants = transplants;
            this.progressions = progressions;
            this.drugSegments = drugSegments;
            this.supportive = supportive;
            this.relapseCodes = relapseCodes == null ? List.of() : relapseCodes;
            this.joins = joins;
            this.pendingMobilisation = pendingMobilisation;
            this.asOf = asOf;
        }

        /** The first relapse code whose onset may lie after {@code after} and on or before {@code day}; null when none. */
        ClinicalCondition relapseCodeBetween(LocalDate after, LocalDate day) {
            if (after == null) return null;
            for (ClinicalCondition c : relapseCodes) {
                LocalDate latest = c.getOnsetLatest() != null ? c.getOnsetLatest() : c.getOnset();
                if (latest.isAfter(after) && !c.getOnset().isAfter(day)) return c;
            }
            return null;
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
                if (p.getDate().isAfter(cur.startBound) && !p.getDate().isAfter(day)) return p;
            }
            return null;
        }

        void startDrugs(List<Segment> batch, LocalDate day) { LineOfTherapyDeriver.startDrugs(this, batch, day); }

        void transplant(Transplant t) { LineOfTherapyDeriver.transplant(this, t); }
    }

    static String describe(DiseaseStatus p) {
        // a progression the rules derived from the serum M-protein says so: no disease-status record names it
        return "progression " + p.onDate() + " (" + reference(p) + (p.isDerived() ? ", a serum M-protein rise meeting the"
                + " IMWG progression criteria" : "") + ")";
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
            // The same hand-over for a supply running a few days past the new start, when the new regimen follows a
            // documented progression and the old drug is not given again after that supply (CDS-POLICY-SUPPLY-HANDOVER-AFTER-PD;
            // sweep s17 accept K6: an auto-refill handed over after the progression made line 2 "lenalidomide,
            // carfilzomib, dexamethasone").
            if (timeline.progressionBefore(cur, day) != null) {
                cur.segments.replaceAll(s -> supplyHandedOverAfterProgression(timeline, s, batch, day)
                        ? s.part(s.from(), day.minusDays(1), false) : s);
                // A course whose end is known only to the month or year, with the new regimen starting inside that
                // interval after a documented progression, ended on an unknown day before it: its end stays an interval
                // up to the day before, and it is not carried into the new line (CDS-POLICY-PARTIAL-END-BEFORE-NEXT-LINE;
                // sweep s17 accept L2: "carfilzomib 2023 to 2024" made Pd of 2024-12-10 "PKd" and carfilzomib
                // refractory on treatment to a progression 268 days after its last charted dose).
                cur.segments.replaceAll(s -> partialEndReachingInto(s, batch, day)
                        ? s.cut(earliestTo(s), day.minusDays(1)) : s);
            } else if (newRegimenSharingNoDrug(cur, batch, day)) {
                // With no progression documented, the same hand-over when the new regimen shares none of the line's
                // non-steroid drugs and goes on being recorded past the day a refill of the old supply would have been
                // due, with none recorded: a switch, not an addition (CDS-POLICY-SUPPLY-HANDOVER-AFTER-PD; sweep s17
                // accept L6: "unplanned addition of carfilzomib while line 1 was running" for a lenalidomide fill
                // running four days into Kd).
                cur.segments.replaceAll(s -> supplyHandedOverAfterProgression(timeline, s, batch, day)
                        && refillWasDue(timeline, s, batch) ? s.part(s.from(), day.minusDays(1), false) : s);
            }
        }
        LocalDate lastDose = cur.lastDose();
        boolean running = lastDose != null && !lastDose.isBefore(day);
        DiseaseStatus progression = timeline.progressionBefore(cur, day);
        // Mobilisation no transplant took is a step of the line's planned sequence; after a documented progression it
        // is salvage like any other therapy (CDS-POLICY-MOBILISATION-STEP, -UNCHARTED).
        if (progression == null && mobilisationStep(timeline, cur, batch, day, running)) return;
        // High-dose melphalan for a transplant not yet recorded likewise (CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING).
        if (progression == null && batch.stream().allMatch(timeline.pendingMobilisation::contains)) {
            batch.forEach(cur::add);
            for (Segment s : batch) cur.joined.add(pendingMobilisationText(s, timeline.asOf));
            return;
        }
        if (progression == null && lastDose != null && joinsCarT(timeline, cur, batch, day, running)) return;
        if (running) {
            boolean inInitialWindow = days(cur.start, day) <= INITIAL_REGIMEN_WINDOW_DAYS;
            List<Segment> added = batch.stream()
                    .filter(s -> !cur.hasDrug(s.drug()) && (progression != null
                            || cur.planConflict(s.groupRef()) || (!inInitialWindow && !cur.planMatch(s.groupRef()))))
                    .toList();
            if (added.isEmpty()) {
                if (progression == null && substitutionJoin(timeline, cur, batch, day)) return;
                batch.forEach(cur::add);
                return;
            }
            boolean conflict = added.stream().anyMatch(s -> cur.planConflict(s.groupRef()));
            // T7 (issue 10 #3): a start known only to the month or year is an interval, not its first day. When every
            // added drug may have started after all drugs of the running line stopped, the start does not cut that
            // line's recorded courses: the new line holds the new records only and the line before keeps its end.
            LocalDate latestStart = added.stream().map(LineOfTherapyDeriver::latestFrom).min(Comparator.naturalOrder())
                    .orElse(day);
            if (latestStart.isAfter(lastDose)) {
                openUndecided(timeline, cur, n, batch, added, day, latestStart, progression, conflict);
                return;
            }
            // A start known to the month is named as recorded ("in 2024-03"), not as its first day.
            String on = latestStart.isAfter(day) ? " in " + PartialDateText.of(day, latestStart) : " on " + day;
            String change = (progression != null ? "addition of " : "unplanned addition of ") + names(added) + on
                    + " while line " + n + " was running";
            String reason = progression != null ? "new therapy after " + describe(progression) + ": " + change
                    : change + (conflict ? " (under a different treatment plan)" : "");
            if (progression != null) notePartialEndsContinued(cur, batch, day, n + 1);
            Line next = split(cur, day, progression != null ? LineOpening.PROGRESSION
                    : conflict ? LineOpening.PLAN_CHANGE : LineOpening.UNPLANNED_ADDITION, reason, latestStart);
            batch.forEach(next::add);
            lines.add(next);
            return;
        }

        // All anti-myeloma drugs of the current line have stopped (or it holds only a transplant).
        // J7: "all drugs" includes the line's steroid given on after its other drugs (the decisions below read lastDose)
        LocalDate shownLast = lastDose == null ? null : shownLastDose(cur, timeline.supportive, day, timeline.progressions);
        String after = lastDose == null
                ? "after the stem-cell transplant of line " + n + " on " + cur.lastTransplant()
                : cur.endUnknown()
                ? "after all drugs of line " + n + " stopped (on an unknown day from " + shownLast + " to "
                        + stoppedWithin(cur, day) + ")"
                : "after all drugs of line " + n + " stopped on " + shownLast;
        if (progression != null) {
            String continued = continuesAfterProgression(timeline, cur, batch, day, lastDose, progression);
            if (continued != null) {
                // CDS-POLICY-CONTINUE-AFTER-PD (FINDINGS F3): named once per line and progression, at its first dose
                if (cur.joined.stream().noneMatch(j -> j.contains(CONTINUE_POLICY) && j.contains(reference(progression)))) {
                    cur.joined.add(continued);
                }
                batch.forEach(cur::add);
                return;
            }
            open(lines, day, LineOpening.PROGRESSION, "new therapy after " + describe(progression) + ", " + after, batch);
            return;
        }
        // The line's last records are one-day records (single administrations, orders with only their date): nothing
        // shows its drugs stopped, so drugs ordered within the initial window are still its initial regimen (lenalidomide
        // ordered on 10 January and bortezomib on 20 January are one VRd, not two lines).
        if (lastDose != null && !cur.stoppedStated(lastDose) && days(cur.start, day) <= INITIAL_REGIMEN_WINDOW_DAYS
                && batch.stream().noneMatch(s -> cur.planConflict(s.groupRef()))) {
            if (substitutionJoin(timeline, cur, batch, day)) return;
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
        if (cur.splitFromTransplant != null && days(cur.splitFromTransplant, day) <= POST_TRANSPLANT_MAINTENANCE_WINDOW_DAYS) {
            // Finding AA5: the uncharted course read as a line of its own took the transplant line's place; what would
            // have been that line's consolidation or maintenance continues it (one course adds at most one line).
            batch.forEach(cur::add);
            return;
        }
        LocalDate lastTransplant = cur.lastTransplant();
        if (lastTransplant != null && (lastDose == null || !lastTransplant.isBefore(lastDose))
                && days(lastTransplant, day) <= POST_TRANSPLANT_MAINTENANCE_WINDOW_DAYS) {
            // A drug the line never gave before its transplant joins it only by the window heuristic: say so in the
            // line's reason, so a board sees a consolidation that may have been salvage (a new line, LOT-B15 rule 2).
            // A line that is its transplant alone (no drug before it) has no regimen to compare with: its first drug
            // after the transplant is its consolidation/maintenance, not a new drug.
            Set<Drug> fresh = new TreeSet<>();
            for (Segment s : batch) {
                if (lastDose != null && !cur.hasDrug(s.drug()) && !cur.planMatch(s.groupRef()) && s.drug().getDrugClass().isAntiMyelomaTherapy()
                        && !POST_TRANSPLANT_MAINTENANCE_AGENTS.contains(s.drug())) {
                    fresh.add(s.drug());
                }
            }
            // A relapse code dated after the transplant and by this start: a weak signal (§1.6 E), so it opens no line by
            // itself, but the consolidation reading is undecided (CDS-POLICY-WINDOW-RELAPSE-CODE).
            ClinicalCondition code = timeline.relapseCodeBetween(lastTransplant, day);
            if (!fresh.isEmpty()) {
                cur.joined.add(String.join(", ", fresh.stream().map(Drug::displayName).toList()) + " started on " + day
                        + ", " + days(lastTransplant, day) + " days after the transplant of " + lastTransplant
                        + ", read as post-transplant consolidation/maintenance of this line (a regimen starting within "
                        + POST_TRANSPLANT_MAINTENANCE_WINDOW_DAYS + " days after the line's transplant, CDS-POLICY-THERAPY-GAP)"
                        + " although the line had not given it before: if it was started for relapse, it is a new line"
                        + " (CDS-POLICY-WINDOW-NEW-DRUG: the line count is undecided)");
            }
            if (code != null) cur.joined.add(relapseCodeJoin(code, batch, day, "the transplant of " + lastTransplant,
                    "post-transplant consolidation/maintenance of this line (a regimen starting within "
                            + POST_TRANSPLANT_MAINTENANCE_WINDOW_DAYS + " days after the line's transplant)"));
            if (!fresh.isEmpty() || code != null) {
                List<Segment> named = fresh.isEmpty() ? batch
                        : batch.stream().filter(s -> fresh.contains(s.drug())).toList();
                if (undecidedJoin(timeline, lines, batch, day, windowJoinText(named, day, lastTransplant, fresh, code),
                        provenance(named), code, cur.transplants.stream()
                                .filter(t -> t.date().equals(lastTransplant)).findFirst().orElse(null))) return;
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
            // the line's transplant, or its stem-cell mobilisation when no transplant took it (a failed collection,
            // cells stored for later: CDS-POLICY-MOBILISATION-STEP), a drug of its induction is the planned sequence's
            // maintenance, however late.
            Set<Drug> resumed = timeline.regimenStarting(day, true);
            Set<Drug> stopped = cur.lastRegimen();
            LocalDate lastStep = cur.lastStep();
            boolean afterPlannedStep = (lastTransplant != null && (lastDose == null || !lastTransplant.isBefore(lastDose)))
                    || (lastStep != null && lastDose != null && lastStep.isAfter(lastDose));
            if (lastDose != null && !afterPlannedStep && days(last, day) > RESUMPTION_WINDOW_DAYS && !stopped.isEmpty()
                    && !resumed.equals(stopped)) {
                Set<Drug> named = new TreeSet<>(resumed);
                named.addAll(timeline.regimenStarting(day, false));
                // R10: with no recorded end, the day count is from the line's last record, an upper bound.
                // the days are counted to the day the text names (J7: the line's steroid given on after its drugs)
                LocalDate shownActivity = later(last, shownLast);
                String when = cur.endUnknown()
                        ? "started on " + day + ", at most " + days(shownActivity, day) + " days after all drugs of line "
                                + n + " stopped: its last record is dated " + shownActivity + " and gives no end, so they"
                                + " stopped on an unknown day from " + shownActivity + " to " + day.minusDays(1)
                        : "started " + days(shownActivity, day) + " days " + after;
                open(lines, day, LineOpening.NEW_REGIMEN, "different regimen (" + String.join(", ",
                        named.stream().map(Drug::displayName).toList()) + ") " + when + " (its last regimen: "
                        + String.join(", ", stopped.stream().map(Drug::displayName).toList()) + "; LOT-B15: a regimen is discontinued when all its drugs are stopped, and a different"
                        + " regimen started after that is a new line)", batch);
                return;
            }
            // The same drugs resuming after a relapse code dated in the interval: re-treatment for relapse is a new line,
            // but a relapse code is a weak signal (§1.6 E), so the count is undecided (CDS-POLICY-WINDOW-RELAPSE-CODE).
            ClinicalCondition code = timeline.relapseCodeBetween(last, day);
            if (code != null) {
                cur.joined.add(relapseCodeJoin(code, batch, day, "the line's last therapy on " + last,
                        "the same drugs resumed in this line"));
                if (undecidedJoin(timeline, lines, batch, day, windowJoinText(batch, day, null, Set.of(), code),
                        provenance(batch), code, null)) return;
            }
            if (days(last, day) > RESUMPTION_WINDOW_DAYS) {
                boolean fromTransplant = lastDose == null || last.isAfter(lastDose);
                // R10: measured from a record with no recorded end, the interval is at most this long, not a gap.
                cur.gaps.add(new TherapyGap(0, batch.stream().map(Segment::drug).distinct().sorted().toList(), last,
                        fromTransplant, day, provenance(batch), cur.endUnknown()));
            }
            batch.forEach(cur::add);
            return;
        }
        open(lines, day, LineOpening.NEW_REGIMEN, "new regimen " + after, batch);
    }

    /** The policy that keeps the running line's own doses after a progression in that line (FINDINGS F3). */
    static final String CONTINUE_POLICY = "CDS-POLICY-CONTINUE-AFTER-PD";
    /**
     * CDS-POLICY-CONTINUE-AFTER-PD: the longest interval between two recorded doses of one drug that is read as its
     * dosing interval (q4w daratumumab, a 28-day cycle or supply, a 6-week VMP cycle); a longer one is a hold or a
     * break, not the regimen's rhythm. The §1.2 refractoriness window, so a dose read as the line going on is one a
     * progression before it would count against anyway. Project heuristic.
     */
    public static final int CONTINUE_INTERVAL_MAX_DAYS = 60;

    /**
     * After a documented progression in the current line, therapy that starts when all its drugs had stopped is a new
     * line unless it is the line going on (treatment beyond progression, or doses while the next line is arranged): only
     * drugs of the regimen the line was giving ({@link Line#lastRegimen}), under no other treatment plan, starting no
     * later after the line's last dose (the end of a supply, for dispenses) than the line's own largest dosing interval
     * (the largest interval between consecutive recorded doses of one of its drugs, holds longer than
     * {@value #CONTINUE_INTERVAL_MAX_DAYS} days left out), or the day after a supply ran out. LOT-B15 (§1.1) opens a line
     * for a different regimen after all drugs stopped, an unplanned addition or substitution, or a transplant; the next
     * dose at the regimen's own rhythm is none of them (IMWG-C11: a line is one or more cycles of a planned programme).
     * A progression early in a line (FINDINGS I1: three weeks into Pd, pomalidomide charted on day 1 of each cycle)
     * leaves one dose before it and so no interval: the interval is measured over the regimen's whole course, its doses
     * after the progression included, and the line's corticosteroid given on through the progression at its own
     * interval shows the line was never stopped (CDS-POLICY-CONTINUE-EARLY-PD).
     * The line's reason text, or null when the batch opens a new line.
     */
    private static String continuesAfterProgression(Timeline timeline, Line cur, List<Segment> batch, LocalDate day,
                                                    LocalDate lastDose, DiseaseStatus progression) {
        // Records that give no end (open orders) show no rhythm; the reading that runs them to the next therapy
        // (CDS-POLICY-UNKNOWN-END) would otherwise make any later start "the next day".
        if (lastDose == null || cur.endUnknown()) return null;
        // A drug that came into the line in place of one of its drugs (FINDINGS J1) is the start of a different regimen,
        // not the regimen the line was giving: the progression does not carry it through.
        Set<Drug> giving = cur.lastRegimen();
        giving.removeAll(substitutedIn(cur));
        if (batch.stream().anyMatch(s -> !giving.contains(s.drug()) || cur.planConflict(s.groupRef()))) return null;
        // The doses after this one count up to the first start of a drug the line was not giving (a new regimen).
        LocalDate horizon = timeline.drugSegments.stream().filter(s -> s.from().isAfter(day) && !giving.contains(s.drug()))
                .map(Segment::from).min(Comparator.naturalOrder()).orElse(timeline.asOf.plusDays(1));
        long interval = 0;
        Drug pacing = null;
        boolean measuredAfter = false;
        for (Drug d : giving) {
            // The line's own doses before this start, and the drug's doses from it on: its whole course.
            TreeSet<LocalDate> starts = new TreeSet<>();
            cur.segments.stream().filter(s -> s.drug().equals(d)).forEach(s -> starts.add(s.from()));
            timeline.drugSegments.stream().filter(s -> s.drug().equals(d) && !s.from().isBefore(day)
                    && s.from().isBefore(horizon)).forEach(s -> starts.add(s.from()));
            LocalDate prev = null;
            for (LocalDate next : starts) {
                // the interval being judged (from the last dose before this start to the first on or after it) is no
                // measure of the regimen's rhythm
                if (prev != null && !(prev.isBefore(day) && !next.isBefore(day))) {
                    long step = days(prev, next);
                    if (step <= CONTINUE_INTERVAL_MAX_DAYS && step > interval) {
                        interval = step;
                        pacing = d;
                        measuredAfter = !next.isBefore(day);
                    }
                }
                prev = next;
            }
        }
        long gap = days(lastDose, day);
        String rhythm;
        if (gap <= Math.max(interval, 1)) {
            rhythm = pacing == null ? "the day after the line's last supply ran out on " + lastDose
                    : gap + (gap == 1 ? " day" : " days") + " after the line's last dose on " + lastDose
                            + ", within its own largest dosing interval (" + interval + " days between "
                            + pacing.displayName() + " doses" + (measuredAfter ? ", measured over its whole course, the"
                            + " doses after the progression included; " + CONTINUE_EARLY_POLICY : "") + ")";
        } else {
            String steroid = gap <= CONTINUE_INTERVAL_MAX_DAYS ? steroidGivenOn(timeline, cur, progression, day) : null;
            if (steroid != null) {
                rhythm = gap + " days after the line's last dose on " + lastDose + " (within " + CONTINUE_INTERVAL_MAX_DAYS
                        + " days), " + steroid + " (" + CONTINUE_EARLY_POLICY + ")";
            } else if (resumedAfterHold(cur, batch, gap, interval, progression, day)) {
                rhythm = gap + " days after the line's last dose on " + lastDose + ", a hold of no more than "
                        + CONTINUE_INTERVAL_MAX_DAYS + " days through the progression, and " + days(progression.getDate(), day)
                        + " days after the progression's date, within the line's own largest dosing interval (" + interval
                        + " days between " + pacing.displayName() + " doses): the held line's next dose (" + HOLD_POLICY + ")";
            } else {
                return null;
            }
        }
        return names(batch) + " given on " + day + " after " + describe(progression) + ", " + rhythm + ": the drugs the"
                + " line was giving, going on (treatment beyond progression, or while the next line is arranged), not"
                + " a new line (LOT-B15, IMWG-C11: no different regimen, addition or substitution; " + CONTINUE_POLICY + ")";
    }

    /** The policy that keeps a held line's own next dose after a progression in that line (Sweep U, B4). */
    static final String HOLD_POLICY = "CDS-POLICY-CONTINUE-AFTER-HOLD";

    /**
     * CDS-POLICY-CONTINUE-AFTER-HOLD: the line's own drugs (no new drug: {@link #continuesAfterProgression} has checked)
     * resumed after a hold of no more than {@value #CONTINUE_INTERVAL_MAX_DAYS} days (a pause, not a stop, by the bound
     * that separates a dosing interval from a break), no later after the progression's date than the line's own largest
     * dosing interval: the next dose of the held line, given before the progression was acted on, as charts record a
     * failing line (Sweep T, Y3 and Sweep U, B4: a Kd held for a cycle, progression on 2024-05-03, carfilzomib on
     * 2024-05-10/11 was a line of its own). LOT-B15 opens a line for a different regimen, an unplanned addition or
     * substitution; the same drugs at their own rhythm are none of them. The progression stays in the line, so it is
     * still the progression on that line for refractoriness. A resumption later than one interval after the progression's
     * date, or after a longer stop, opens a line as before; so does an open-label drug the line gave only as a blinded
     * product (CDS-POLICY-BLINDED-STUDY-DRUG: no dose of its drug; sweep s17 L7, the placebo arm's crossover to
     * open-label ixazomib at progression).
     */
    private static boolean resumedAfterHold(Line cur, List<Segment> batch, long gap, long interval,
                                            DiseaseStatus progression, LocalDate day) {
        if (gap > CONTINUE_INTERVAL_MAX_DAYS || interval < 1 || progression.getDate() == null) return false;
        boolean givenOpenly = batch.stream().allMatch(b -> cur.segments.stream()
                .anyMatch(s -> s.drug().equals(b.drug()) && !s.record().isBlinded()));
        if (!givenOpenly) return false;
        long sinceProgression = days(progression.getDate(), day);
        return sinceProgression >= 0 && sinceProgression <= interval;
    }

    /** The policy that leaves the count undecided for a drug replacing the line's drug within its window (FINDINGS J2). */
    static final String SUBSTITUTION_POLICY = "CDS-POLICY-WINDOW-SUBSTITUTION";

    /**
     * CDS-POLICY-WINDOW-SUBSTITUTION: the drugs of the line (its corticosteroid is not a line drug here) that had their
     * last recorded dose, over the whole record, before {@code day}, when the batch starting on {@code day} brings an
     * anti-myeloma drug the line had not given under no plan it shares: the new drug replaces them. Empty when the batch
     * brings no new drug, or all of the line's drugs go on (daratumumab joining Rd at cycle 2, bortezomib a week after
     * lenalidomide), or a drug's record gives no end (nothing shows it stopped), or the new drug starts within
     * {@value #CONDITIONING_WINDOW_DAYS} days of the stopped drug's last dose (one course given drug after drug).
     */
    private static Set<Drug> replacedBy(Timeline timeline, Line cur, List<Segment> batch, LocalDate day) {
        boolean fresh = batch.stream().anyMatch(s -> !cur.hasDrug(s.drug()) && !cur.planMatch(s.groupRef())
                && s.drug().getDrugClass().isAntiMyelomaTherapy());
        Set<Drug> replaced = new TreeSet<>();
        if (!fresh) return replaced;
        for (Segment s : cur.segments) {
            Drug d = s.drug();
            // the line's steroid is no drug a new one replaces (pulses of dexamethasone stop and start by design)
            if (d.getDrugClass() == DrugClass.CORTICOSTEROID) continue;
            boolean stopped = timeline.drugSegments.stream().filter(o -> o.drug().equals(d))
                    .allMatch(o -> o.to().isBefore(day) && !o.ongoing() && !o.endUnknown());
            // a drug starting within a week of the other's last dose is the regimen's own schedule (ESHAP's cytarabine
            // on day 5 after cisplatin and etoposide on days 1-4), not a replacement
            LocalDate last = timeline.drugSegments.stream().filter(o -> o.drug().equals(d)).map(Segment::to)
                    .max(Comparator.naturalOrder()).orElse(s.to());
            if (stopped && days(last, day) > CONDITIONING_WINDOW_DAYS
                    && cur.segments.stream().filter(o -> o.drug().equals(d)).noneMatch(Segment::endUnknown)) {
                replaced.add(d);
            }
        }
        return replaced;
    }

    /**
     * A batch joining the line by its initial window in place of a drug of the line ({@link #replacedBy}): LOT-B15 makes
     * an unplanned substitution a new line and the record does not say whether it was planned, so the join is undecided
     * (CDS-POLICY-WINDOW-SUBSTITUTION; FINDINGS J2), as a new drug after a transplant is (CDS-POLICY-WINDOW-NEW-DRUG).
     * True when the batch was placed here (opened as a new line in the reading that splits window joins).
     */
    private static boolean substitutionJoin(Timeline timeline, Line cur, List<Segment> batch, LocalDate day) {
        Set<Drug> replaced = replacedBy(timeline, cur, batch, day);
        if (replaced.isEmpty()) return false;
        List<Segment> named = batch.stream().filter(s -> !cur.hasDrug(s.drug()) && !cur.planMatch(s.groupRef())
                && s.drug().getDrugClass().isAntiMyelomaTherapy()).toList();
        List<String> stops = new ArrayList<>();
        for (Drug d : replaced) {
            LocalDate last = cur.segments.stream().filter(s -> s.drug().equals(d)).map(Segment::to)
                    .max(Comparator.naturalOrder()).orElseThrow();
            stops.add(d.displayName() + " (last dose " + last + ")");
        }
        int n = timeline.lines.size();
        String text = names(named) + " from " + day + ", " + days(cur.start, day) + " days after line " + n + " began on "
                + cur.start + ", in place of " + String.join(", ", stops) + ", which the record shows stopped before it:"
                + " read as line " + n + "'s initial regimen (a drug added within " + INITIAL_REGIMEN_WINDOW_DAYS
                + " days of a line's start); if it was an unplanned substitution, it is a new line (LOT-B15; "
                + SUBSTITUTION_POLICY + ": the line count is undecided)";
        cur.joined.add(text);
        Set<String> refs = new TreeSet<>();
        named.forEach(s -> refs.add(reference(s.record())));
        List<String> shown = new ArrayList<>(refs);
        String records = shown.size() <= 2 ? String.join(", ", shown) : shown.get(0) + " and " + (shown.size() - 1) + " more";
        String count = names(named) + " from " + day + " (" + records + "): in place of "
                + String.join(", ", replaced.stream().map(Drug::displayName).toList()) + ", stopped before it ("
                + SUBSTITUTION_POLICY + ")";
        List<Provenance> provenance = new ArrayList<>(provenance(named));
        cur.segments.stream().filter(s -> replaced.contains(s.drug())).forEach(s -> provenance.addAll(s.record().getProvenance()));
        if (undecidedJoin(timeline, timeline.lines, batch, day, count, provenance, null, null)) return true;
        batch.forEach(cur::add);
        return true;
    }

    /**
     * The drugs that came into the line within its initial window after another drug of the line (its corticosteroid
     * aside) had its last dose in the line, under no plan they share: a substitution (LOT-B15), not the regimen the line
     * was giving (FINDINGS J1; CDS-POLICY-CONTINUE-EARLY-PD, CDS-POLICY-CONTINUE-AFTER-PD).
     */
    private static Set<Drug> substitutedIn(Line cur) {
        Map<Drug, LocalDate> first = new TreeMap<>();
        Map<Drug, LocalDate> last = new TreeMap<>();
        for (Segment s : cur.segments) {
            // the line's steroid neither replaces nor is replaced (CDS-POLICY-WINDOW-SUBSTITUTION: its steroid aside)
            if (s.drug().getDrugClass() == DrugClass.CORTICOSTEROID) continue;
            first.merge(s.drug(), s.from(), (a, b) -> a.isBefore(b) ? a : b);
            last.merge(s.drug(), s.to(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Set<Drug> out = new TreeSet<>();
        for (Map.Entry<Drug, LocalDate> in : first.entrySet()) {
            LocalDate joined = in.getValue();
            if (!joined.isAfter(cur.start) || days(cur.start, joined) > INITIAL_REGIMEN_WINDOW_DAYS) continue;
            for (Map.Entry<Drug, LocalDate> out2 : last.entrySet()) {
                if (!out2.getKey().equals(in.getKey()) && days(out2.getValue(), joined) > CONDITIONING_WINDOW_DAYS
                        && !samePlan(cur, in.getKey(), out2.getKey())) {
                    out.add(in.getKey());
                }
            }
        }
        return out;
    }

    /** Two drugs of the line recorded under one treatment plan (a shared group reference). */
    private static boolean samePlan(Line cur, Drug a, Drug b) {
        Set<String> plans = new TreeSet<>();
        cur.segments.stream().filter(s -> s.drug().equals(a) && s.groupRef() != null).forEach(s -> plans.add(s.groupRef()));
        return cur.segments.stream().anyMatch(s -> s.drug().equals(b) && s.groupRef() != null && plans.contains(s.groupRef()));
    }

    /** The policy that reads a line as going on after a progression early in it (FINDINGS I1). */
    static final String CONTINUE_EARLY_POLICY = "CDS-POLICY-CONTINUE-EARLY-PD";

    /**
     * FINDINGS J7: the doses of the line's corticosteroid given on after its other drugs' last dose and before
     * {@code before} (the next line's first day, else the day after asOf; or therapy the engine cannot name started
     * after the line, when earlier), or none when it was not given on. Its steroid
     * is one given during the line's span (the one listed among its drugs); its later doses count while each follows the
     * one before by no more than the line's rhythm: its own largest dosing interval as CDS-POLICY-CONTINUE-AFTER-PD
     * measures it, or the steroid's own within the line when larger (intervals over {@value #CONTINUE_INTERVAL_MAX_DAYS}
     * days are holds), and {@value #CONTINUE_INTERVAL_MAX_DAYS} days when the line shows no interval (Pd charted once:
     * pomalidomide on day 1, its dexamethasone weekly). A pulse weeks after a weekly regimen stopped is not the regimen
     * going on (FINDINGS s13a-08: a bridge while the next drug is approved). A record still running at asOf, running into the next line or with an
     * unknown end shows no last dose, so it moves nothing. Only the line's shown end and the "stopped on" texts read it:
     * the steroid opens, continues and ends no line, and the refractoriness windows read the other drugs' last dose.
     */
    private static SteroidAfterLine steroidAfterLine(Line line, List<Segment> supportive, LocalDate before,
                                                     List<DiseaseStatus> progressions) {
        LocalDate end = line.end();
        if (end == null || before == null) return SteroidAfterLine.NONE;
        // therapy the engine cannot name, started after the line, may be the next regimen with this steroid: it bounds
        // the line as the next line's first day does (a study drug with its dexamethasone)
        LocalDate bound = supportive.stream().filter(s -> unnamedTherapy(s.record()) && s.from().isAfter(end))
                .map(Segment::from).filter(before::isAfter).min(Comparator.naturalOrder()).orElse(before);
        List<Segment> steroids = supportive.stream()
                .filter(s -> s.drug().getDrugClass() == DrugClass.CORTICOSTEROID && !s.ongoing() && !s.endUnknown()
                        && s.to().isBefore(bound) && !s.to().isBefore(line.sharedFrom))
                .sorted(Comparator.comparing(Segment::from).thenComparing(Segment::to))
                .toList();
        Map.Entry<Drug, Long> lineRhythm = largestDosingInterval(line);
        List<Segment> best = List.of();
        SteroidAfterLine bridged = SteroidAfterLine.NONE;
        for (Drug drug : steroids.stream().map(Segment::drug).collect(Collectors.toCollection(TreeSet::new))) {
            // its rhythm: the line's own largest dosing interval, or the steroid's within the line when larger
            long rhythm = lineRhythm == null ? 0 : lineRhythm.getValue();
            List<LocalDate> inLine = steroids.stream().filter(s -> s.drug().equals(drug) && !s.from().isAfter(end))
                    .map(Segment::from).sorted().toList();
            for (int k = 1; k < inLine.size(); k++) {
                long step = days(inLine.get(k - 1), inLine.get(k));
                if (step <= CONTINUE_INTERVAL_MAX_DAYS) rhythm = Math.max(rhythm, step);
            }
            if (rhythm == 0) rhythm = CONTINUE_INTERVAL_MAX_DAYS;
            List<Segment> given = new ArrayList<>();
            LocalDate reach = null;
            for (Segment s : steroids) {
                if (!s.drug().equals(drug)) continue;
                boolean during = !s.from().isAfter(end);
                boolean chained = reach != null && days(reach, s.from()) <= rhythm;
                if (!during && !chained) break;
                // CDS-POLICY-STEROID-BRIDGE-AFTER-PD (FINDINGS V7): begun after a progression it was not being given up
                // to, the steroid is no longer the line going on; its course is named instead of stretching the line
                DiseaseStatus progression = progressionNotGivenThrough(line, s, reach, rhythm, progressions);
                if (progression != null) {
                    List<Segment> course = steroidCourseFrom(s, steroids, rhythm);
                    if (lastOf(course).to().isAfter(end) && (bridged.bridge() == null
                            || lastOf(course).to().isAfter(lastOf(bridged.bridge()).to()))) {
                        bridged = new SteroidAfterLine(List.of(), course, progression);
                    }
                    break;
                }
                given.add(s);
                reach = later(reach, s.to());
            }
            if (reach != null && reach.isAfter(end) && (best.isEmpty() || reach.isAfter(lastOf(best).to()))) best = given;
        }
        return new SteroidAfterLine(best, bridged.bridge(), bridged.progression());
    }

    /**
     * The progression after which {@code s}, a dose of the line's corticosteroid, was begun without the steroid being
     * given up to it (no earlier dose within its rhythm before the progression), or null. A progression the steroid was
     * given through (s16j-06: weekly dexamethasone of Pd on to the day after the progression) keeps it the line's.
     */
    private static DiseaseStatus progressionNotGivenThrough(Line line, Segment s, LocalDate reach, long rhythm,
                                                           List<DiseaseStatus> progressions) {
        for (DiseaseStatus p : progressions) {
            LocalDate day = p.getDate();
            if (!day.isAfter(line.start) || !s.from().isAfter(day)) continue;
            if (reach == null || days(reach, day) > rhythm) return p;
        }
        return null;
    }

    /** The doses of {@code first}'s steroid from it on, each following the one before by no more than {@code rhythm}. */
    private static List<Segment> steroidCourseFrom(Segment first, List<Segment> steroids, long rhythm) {
        List<Segment> course = new ArrayList<>();
        LocalDate reach = null;
        for (Segment s : steroids) {
            if (!s.drug().equals(first.drug()) || s.from().isBefore(first.from())) continue;
            if (reach != null && days(reach, s.from()) > rhythm) break;
            course.add(s);
            reach = later(reach, s.to());
        }
        return course;
    }

    /**
     * What follows a line's other drugs: the doses of its steroid given on after them (J7), and a steroid course begun
     * after a progression it was not given through (V7), with that progression; the bridge is null when there is none.
     */
    private record SteroidAfterLine(List<Segment> givenOn, List<Segment> bridge, DiseaseStatus progression) {
        static final SteroidAfterLine NONE = new SteroidAfterLine(List.of(), null, null);

        String bridgeText(int line) {
            LocalDate from = bridge.get(0).from();
            LocalDate to = lastOf(bridge).to();
            return bridge.get(0).drug().displayName() + " from " + from + " to " + to + " (" + bridge.size()
                    + (bridge.size() == 1 ? " record" : " records") + "), begun after the progression on " + progression.getDateText()
                    + " (" + reference(progression) + ") without being given up to it, is not shown as line " + line
                    + " going on: a corticosteroid begun after a progression is bridging to the next therapy, and a"
                    + " steroid alone makes no line (LOT-B15; CDS-POLICY-STEROID-BRIDGE-AFTER-PD)";
        }
    }

    /** The segment of {@code given} that ends last. */
    private static Segment lastOf(List<Segment> given) {
        return given.stream().max(Comparator.comparing(Segment::to)).orElseThrow();
    }

    /** The line's last dose as the texts show it: its steroid's last dose when given on after the others (J7). */
    private static LocalDate shownLastDose(Line line, List<Segment> supportive, LocalDate before,
                                           List<DiseaseStatus> progressions) {
        List<Segment> steroid = steroidAfterLine(line, supportive, before, progressions).givenOn();
        LocalDate last = line.lastDose();
        return steroid.isEmpty() || last == null ? last : later(last, lastOf(steroid).to());
    }

    /**
     * CDS-POLICY-CONTINUE-EARLY-PD: the line's corticosteroid (dexamethasone of Pd, Kd, Rd) given on through a
     * progression with no interval between its doses longer than its own rhythm shows the regimen was never stopped, even
     * when its other drug is charted once a cycle and the progression came in the first cycle. Its rhythm is the largest
     * interval (at most {@value #CONTINUE_INTERVAL_MAX_DAYS} days) between its consecutive doses in the line outside the
     * stretch judged: from its last dose before the progression to {@code day}. It must have been given before the
     * progression in the line and at least once from the progression to the day before {@code day}. The text naming it,
     * or null when the steroid does not show the line going on.
     */
    private static String steroidGivenOn(Timeline timeline, Line cur, DiseaseStatus progression, LocalDate day) {
        LocalDate pd = progression.getDate();
        Map<Drug, TreeSet<LocalDate>> byDrug = new TreeMap<>();
        for (Segment s : timeline.supportive) {
            if (s.drug().getDrugClass() != DrugClass.CORTICOSTEROID || s.endUnknown() || s.from().isBefore(cur.start)) continue;
            byDrug.computeIfAbsent(s.drug(), k -> new TreeSet<>()).add(s.from());
        }
        for (Map.Entry<Drug, TreeSet<LocalDate>> e : byDrug.entrySet()) {
            TreeSet<LocalDate> starts = e.getValue();
            LocalDate before = starts.lower(pd);
            LocalDate after = starts.ceiling(pd);
            if (before == null || after == null || !after.isBefore(day)) continue;
            long rhythm = 0;
            long widest = 0;
            LocalDate prev = null;
            for (LocalDate next : starts) {
                if (prev != null) {
                    long step = days(prev, next);
                    // only intervals wholly before the stretch judged or wholly after it measure the rhythm
                    boolean outside = !next.isAfter(before) || !prev.isBefore(day);
                    if (outside && step <= CONTINUE_INTERVAL_MAX_DAYS) rhythm = Math.max(rhythm, step);
                }
                prev = next;
            }
            // the stretch judged: its doses from the last before the progression, up to the therapy starting on day
            prev = null;
            for (LocalDate next : starts.subSet(before, true, day, false)) {
                if (prev != null) widest = Math.max(widest, days(prev, next));
                prev = next;
            }
            widest = Math.max(widest, days(prev, day));
            if (rhythm == 0 || widest > rhythm) continue;
            return e.getKey().displayName() + ", the line's steroid, given on through the progression (last before it on "
                    + before + ", again on " + after + ") with no interval longer than its own " + rhythm + " days";
        }
        return null;
    }

    /**
     * The course with the unknown day of its last dose when its oral drug is charted once per cycle
     * (CDS-POLICY-CYCLE-CHARTED-ORAL, {@link CycleCharting}): its records in the line all one-day records, by mouth (or,
     * with no route recorded, an IMiD, taken only by mouth), or of a drug no schedule gives once a cycle (carfilzomib,
     * CDS-POLICY-CYCLE-CHARTED-INFUSION), recurring at a cycle interval. The line's doses of that cycle are its own drugs'
     * and its corticosteroid's (charted dose by dose when the oral drug is not). Unchanged otherwise: an infusion given
     * once a cycle by its schedule (a 4-weekly daratumumab dose) is one dose on its day.
     */
    private static DosingPeriod lastCycleCharted(DosingPeriod course, List<Segment> lineSegments, List<Segment> supportive,
                                                 LocalDate bound) {
        if (course.getLine() <= 0 || course.isEndRecorded() || course.isEndUnknown()) return course;
        Drug drug = course.getDrug();
        List<Segment> own = lineSegments.stream().filter(s -> s.drug().equals(drug)).toList();
        boolean charted = !own.isEmpty() && own.stream().allMatch(s -> s.from().equals(s.to()) && !s.ongoing()
                && !s.endUnknown() && (takenByMouth(s.record()) || CycleCharting.dosedWeeklyOrMore(drug)));
        if (!charted) return course;
        List<CycleCharting.LineDose> doses = new ArrayList<>();
        for (Segment s : lineSegments) doses.add(new CycleCharting.LineDose(s.to(), s.drug().displayName()));
        for (Segment s : supportive) {
            if (s.drug().getDrugClass() == DrugClass.CORTICOSTEROID && !s.endUnknown()) {
                doses.add(new CycleCharting.LineDose(s.to(), s.drug().displayName()));
            }
        }
        return CycleCharting.lastCycle(drug.displayName(), own.stream().map(Segment::from).toList(), doses, bound)
                .map(c -> course.withCycleEnd(c.latest(), c.text())).orElse(course);
    }

    /** Recorded as taken by mouth, or with no route recorded an IMiD (lenalidomide, pomalidomide, thalidomide: capsules). */
    private static boolean takenByMouth(MedicationRecord r) {
        return r.getRoute() == org.myelomacds.facts.Route.ORAL
                || (r.getRoute() == org.myelomacds.facts.Route.UNKNOWN && r.getDrug().getDrugClass() == DrugClass.IMID);
    }

    /**
     * The line's own largest dosing interval, as {@link #continuesAfterProgression} measures it: the longest interval
     * between consecutive recorded starts of one drug of the regimen it was giving, holds over
     * {@value #CONTINUE_INTERVAL_MAX_DAYS} days left out; the drug that sets it. Null when no drug has two doses.
     */
    private static Map.Entry<Drug, Long> largestDosingInterval(Line cur) {
        long interval = 0;
        Drug pacing = null;
        for (Drug d : cur.lastRegimen()) {
            List<LocalDate> starts = cur.segments.stream().filter(s -> s.drug().equals(d)).map(Segment::from).sorted()
                    .toList();
            for (int i = 1; i < starts.size(); i++) {
                long step = days(starts.get(i - 1), starts.get(i));
                if (step <= CONTINUE_INTERVAL_MAX_DAYS && step > interval) {
                    interval = step;
                    pacing = d;
                }
            }
        }
        return pacing == null ? null : Map.entry(pacing, interval);
    }

    /**
     * CAR-T given after therapy of the current line with no progression documented between (CDS-POLICY-CART-BRIDGING).
     * Its lymphodepletion starts a few days before the cells: therapy starting on {@code day} with a CAR-T product
     * starting within {@value #CONDITIONING_WINDOW_DAYS} days (the window that ties high-dose melphalan to its
     * transplant) goes with it. The CAR-T joining a line whose therapy started within that window before it is its
     * lymphodepletion: one line, no doubt. Otherwise the line before it, running or stopped at most
     * {@value #TRANSPLANT_AFTER_INDUCTION_DAYS} days before (the window that ties induction to its transplant), may be
     * bridging therapy of one planned sequence (LOT-B15), or a regimen of its own: the CAR-T joins it, and the count is a
     * range (sweep D2). True when the batch was placed here.
     */
    private static boolean joinsCarT(Timeline timeline, Line cur, List<Segment> batch, LocalDate day, boolean running) {
        if (cur.segments.stream().anyMatch(s -> s.drug().getDrugClass() == DrugClass.CAR_T)) return false;
        LocalDate conditioning = day.plusDays(CONDITIONING_WINDOW_DAYS);
        Segment cells = timeline.drugSegments.stream()
                .filter(s -> s.drug().getDrugClass() == DrugClass.CAR_T && !s.from().isBefore(day)
                        && !s.from().isAfter(conditioning))
                .min(Comparator.comparing(Segment::from)).orElse(null);
        if (cells == null) return false;
        boolean itsLymphodepletion = cur.segments.stream()
                .anyMatch(s -> !s.from().isAfter(day) && days(s.from(), day) <= CONDITIONING_WINDOW_DAYS);
        if (itsLymphodepletion) {
            batch.forEach(cur::add);
            return true;
        }
        if (!running && days(cur.lastActivity(), day) > TRANSPLANT_AFTER_INDUCTION_DAYS) return false;
        // A treatment plan the records share settles the reading either way.
        if (batch.stream().anyMatch(s -> cur.planConflict(s.groupRef()))) return false;
        if (batch.stream().allMatch(s -> cur.planMatch(s.groupRef()))) {
            batch.forEach(cur::add);
            return true;
        }
        int n = timeline.lines.size();
        ProcedureRecord collection = collectionBefore(timeline, cur, cells);
        if (collection != null) {
            cur.joined.add(names(batch) + " from " + day + " (" + reference(batch.get(0).record()) + ")"
                    + (batch.contains(cells) ? "" : ", the lymphodepletion of " + cells.drug().displayName() + " on "
                            + cells.from())
                    + ": the T-cell collection for CAR-T manufacture on " + collection.getDateText() + " ("
                    + reference(collection) + "), before line " + n + "'s therapy began on " + cur.start
                    + ", states the plan: line " + n + " is bridging therapy, and bridging, lymphodepletion and CAR-T"
                    + " are one planned sequence (LOT-B15; CDS-POLICY-CART-BRIDGING, CDS-POLICY-CART-COLLECTION)");
            batch.forEach(cur::add);
            return true;
        }
        String since = running ? "while line " + n + " was running" : days(cur.lastActivity(), day)
                + " days after line " + n + "'s therapy stopped on " + cur.lastActivity();
        String text = names(batch) + " from " + day + " (" + reference(batch.get(0).record()) + ")"
                + (batch.contains(cells) ? "" : ", the lymphodepletion of " + cells.drug().displayName() + " on "
                        + cells.from())
                + ", " + since + " with no progression documented between: read as bridging therapy, lymphodepletion"
                + " and CAR-T, one planned sequence (LOT-B15), which the record does not state; if line " + n
                + " was a regimen of its own, the CAR-T is a new line (CDS-POLICY-CART-BRIDGING: the line count is"
                + " undecided)";
        cur.joined.add(text);
        if (undecidedJoin(timeline, timeline.lines, batch, day, text, provenance(batch), null, null)) return true;
        batch.forEach(cur::add);
        return true;
    }

    /**
     * CDS-POLICY-CART-COLLECTION: a performed T-cell collection for CAR-T manufacture on or before the first day of
     * {@code cur}, and not before the therapy of the line before it stopped (so no other line's therapy lies between
     * the collection and this one), with no other CAR-T given between it and {@code cells}: the record states that
     * the line's therapy was the bridging to those cells. Null when none.
     */
    private static ProcedureRecord collectionBefore(Timeline timeline, Line cur, Segment cells) {
        int at = timeline.lines.indexOf(cur);
        LocalDate previousStopped = at > 0 ? timeline.lines.get(at - 1).lastActivity() : null;
        for (ProcedureRecord c : timeline.carTCollections) {
            if (c.getLatest().isAfter(cur.start)) continue;
            if (previousStopped != null && c.getDate().isBefore(previousStopped)) continue;
            boolean otherCarT = timeline.drugSegments.stream().anyMatch(s -> s != cells
                    && s.drug().getDrugClass() == DrugClass.CAR_T && !s.from().isBefore(c.getDate())
                    && s.from().isBefore(cells.from()));
            if (!otherCarT) return c;
        }
        return null;
    }

    /**
     * The CAR-T product first given after cyclophosphamide {@code s} stopped and at most
     * {@value #TRANSPLANT_AFTER_INDUCTION_DAYS} days after it (the bridging window of CDS-POLICY-CART-BRIDGING); null
     * when none. Cyclophosphamide so followed is bridging or lymphodepletion for those cells, not a stem-cell
     * mobilisation whose transplant is missing (CDS-POLICY-CART-COLLECTION; FINDINGS H5).
     */
    private static Segment carTAfter(Segment s, List<Segment> segments) {
        return segments.stream()
                .filter(c -> c.drug().getDrugClass() == DrugClass.CAR_T && !c.from().isBefore(s.to())
                        && days(s.to(), c.from()) <= TRANSPLANT_AFTER_INDUCTION_DAYS)
                .min(Comparator.comparing(Segment::from)).orElse(null);
    }

    /**
     * Therapy joining a line only by a window, undecided: collected (false, the caller adds it to the line), or, when the
     * timeline is read with each such therapy as a new line, opened as one (true).
     */
    private static boolean undecidedJoin(Timeline timeline, List<Line> lines, List<Segment> batch, LocalDate day,
                                         String text, List<Provenance> provenance, ClinicalCondition code,
                                         Transplant transplant) {
        if (timeline.joins == null) return false;
        if (timeline.joins.split) {
            open(lines, day, LineOpening.NEW_REGIMEN, "therapy read as a new line although it joined line " + lines.size()
                    + " by a window", batch);
            return true;
        }
        timeline.joins.texts.add(text);
        timeline.joins.provenance.addAll(provenance);
        if (code != null) timeline.joins.provenance.addAll(code.getProvenance());
        if (transplant != null) for (ProcedureRecord r : transplant.records()) timeline.joins.provenance.addAll(r.getProvenance());
        return false;
    }

    /** The therapy that joined by a window and why it may be a new line, for the line-count text. */
    private static String windowJoinText(List<Segment> named, LocalDate day, LocalDate transplant, Set<Drug> fresh,
                                         ClinicalCondition code) {
        Set<String> refs = new TreeSet<>();
        named.forEach(s -> refs.add(reference(s.record())));
        List<String> shown = new ArrayList<>(refs);
        String records = shown.size() <= 2 ? String.join(", ", shown)
                : shown.get(0) + " and " + (shown.size() - 1) + " more";
        StringBuilder text = new StringBuilder(names(named) + " from " + day + " (" + records + ")");
        if (transplant != null) text.append(", ").append(days(transplant, day)).append(" days after the transplant of ")
                .append(transplant);
        List<String> why = new ArrayList<>();
        if (!fresh.isEmpty()) why.add("a drug the line had not given (CDS-POLICY-WINDOW-NEW-DRUG)");
        if (code != null) why.add("after " + codeText(code) + " (CDS-POLICY-WINDOW-RELAPSE-CODE)");
        return text + ": " + String.join(", and ", why);
    }

    private static String codeText(ClinicalCondition code) {
        return code.sourceReference() + " coded the myeloma as in relapse (" + codeOnly(code.getCode()) + ") from "
                + code.getOnsetText();
    }

    /** "C90.02" from "http://hl7.org/fhir/sid/icd-10-cm|C90.02". */
    private static String codeOnly(String code) {
        if (code == null) return "C90.02";
        int bar = code.lastIndexOf('|');
        return bar < 0 ? code : code.substring(bar + 1);
    }

    /** The line's reason for therapy that joined it by a window after a relapse code dated between. */
    private static String relapseCodeJoin(ClinicalCondition code, List<Segment> batch, LocalDate day, String since,
                                          String readAs) {
        return names(batch) + " started on " + day + " after " + codeText(code) + ", between " + since
                + " and this start: read as " + readAs + ", because a relapse code is a weak signal (provider"
                + " documentation, not IMWG criteria; clinical-evidence §1.6 E) and opens no line by itself; if the therapy"
                + " was started for that relapse, it is a new line (CDS-POLICY-WINDOW-RELAPSE-CODE: the line count is"
                + " undecided)";
    }

    /** The record's last day is the end of an order's plan or of a dispensed supply, not a recorded last dose. */
    /**
     * A supply (an order's or a dispense's days) begun before {@code day} and running past it, of a drug the new batch
     * does not give, with no later record of that drug: read as handed over to the new regimen on {@code day}, as a
     * supply ending that day is. The caller applies it only after a documented progression in the line, so the count and
     * the refractoriness to that progression stay as they were; the drug's exposure still ends on the supply's last day.
     */
    private static boolean supplyHandedOverAfterProgression(Timeline timeline, Segment s, List<Segment> batch, LocalDate day) {
        if (s.ongoing() || !s.from().isBefore(day) || !s.to().isAfter(day) || !endsOnSupply(s.record())) return false;
        if (batch.stream().anyMatch(b -> b.drug().equals(s.drug()))) return false;
        return timeline.drugSegments.stream().noneMatch(o -> o != s && o.drug().equals(s.drug()) && o.from().isAfter(s.from()));
    }

    /**
     * A new regimen starting on {@code day} after the line's initial-regimen window (a drug added inside it belongs to
     * the initial regimen) whose non-steroid drugs are none of the line's, and which gives at least one.
     */
    private static boolean newRegimenSharingNoDrug(Line cur, List<Segment> batch, LocalDate day) {
        if (days(cur.start, day) <= INITIAL_REGIMEN_WINDOW_DAYS) return false;
        List<Segment> drugs = batch.stream().filter(b -> b.drug().getDrugClass() != DrugClass.CORTICOSTEROID).toList();
        return !drugs.isEmpty() && drugs.stream().noneMatch(b -> cur.hasDrug(b.drug()));
    }

    /**
     * The new regimen's drugs are recorded past the day a refill of supply {@code s} would have been due (its end plus
     * its own length): no refill came, so the old drug stopped, as far as the record shows.
     */
    private static boolean refillWasDue(Timeline timeline, Segment s, List<Segment> batch) {
        LocalDate due = s.to().plusDays(days(s.from(), s.to()));
        Set<Drug> started = new TreeSet<>();
        batch.forEach(b -> started.add(b.drug()));
        return timeline.drugSegments.stream().anyMatch(o -> started.contains(o.drug())
                && o.drug().getDrugClass() != DrugClass.CORTICOSTEROID && o.to().isAfter(due));
    }

    /** A course with an imprecise end that may reach past {@code day}, of a drug the new batch does not give. */
    private static boolean partialEndReachingInto(Segment s, List<Segment> batch, LocalDate day) {
        if (s.ongoing() || s.endUnknown() || !s.from().isBefore(day) || s.to().isBefore(day)) return false;
        if (batch.stream().anyMatch(b -> b.drug().equals(s.drug()))) return false;
        return earliestTo(s).isBefore(day);
    }

    /**
     * The other side of CDS-POLICY-PARTIAL-END-BEFORE-NEXT-LINE (FINDINGS M2): a course whose end, known only to the month
     * or year, may lie before the new line started on {@code day}, of a drug the new regimen gives from that day, is read
     * as running into it, so the line before ends the day before with no interval. The line's reason and the course's
     * refractoriness text say so, naming the partial end and the record inside the new regimen: a reader sees the sure
     * end is a reading of the policy, not a recorded date.
     */
    private static void notePartialEndsContinued(Line cur, List<Segment> batch, LocalDate day, int next) {
        for (Segment s : cur.segments) {
            if (s.ongoing() || s.endUnknown() || !s.from().isBefore(day) || s.to().isBefore(day)) continue;
            LocalDate earliest = earliestTo(s);
            if (!earliest.isBefore(day)) continue;
            Segment given = batch.stream().filter(b -> b.drug().equals(s.drug())).findFirst().orElse(null);
            if (given == null) continue;
            String drug = s.drug().displayName();
            String end = PartialDateText.of(earliest, s.to());
            String why = "its end recorded only as " + end + ", read as running into line " + next + ", which gives " + drug
                    + " from its first day, " + day + ", by " + reference(given.record())
                    + " (project policy CDS-POLICY-PARTIAL-END-BEFORE-NEXT-LINE)";
            if (cur.partialEndContinued.putIfAbsent(s.drug(), why) == null) {
                cur.joined.add(reference(s.record()) + " (" + drug + ") has " + why + ", so this line's " + drug
                        + " is shown to " + day.minusDays(1) + ", the day before line " + next + " started, although the"
                        + " record allows any day from " + earliest);
            }
        }
    }

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

    /**
     * The line's first transplant comes before every drug recorded in it (its conditioning aside, which belongs to the
     * transplant): the record starts at the transplant, and the induction given before it (LOT-B15) is missing.
     */
    private static boolean beginsAtTransplant(Line line) {
        if (line.transplants.isEmpty() || line.segments.isEmpty()) return false;
        LocalDate first = null;
        for (Transplant t : line.transplants) first = earlier(first, t.date());
        LocalDate transplantDay = first;
        return line.segments.stream().noneMatch(s -> s.from().isBefore(transplantDay));
    }

    /** A performed transplant: part of the current line's planned sequence, or a new line. */
    private static void transplant(Timeline timeline, Transplant t) {
        List<Line> lines = timeline.lines;
        LocalDate day = t.date();
        Line cur = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        String kind = t.procedure().getKind().displayName()
                + (t.procedure().getKindBasis() == null ? "" : " (" + t.procedure().getKindBasis() + ")");
        // A transplant recorded by month or year is placed on its first day but named as recorded ("in 2025").
        String when = (t.procedure().isDateImprecise() ? " in " + t.procedure().getDateText() : " on " + day) + t.copiesText();
        if (cur == null) {
            Line first = new Line(lineStart(t), LineOpening.FIRST_THERAPY, "first therapy: " + kind + when
                    + mobilisationText(t) + conditioningText(t));
            first.add(t);
            lines.add(first);
            return;
        }
        DiseaseStatus progression = timeline.progressionBefore(cur, day);
        if (progression != null) {
            Line next = split(cur, lineStart(t), LineOpening.PROGRESSION,
                    kind + when + " after " + describe(progression) + conditioningText(t));
            next.add(t);
            lines.add(next);
            if (cur.isEmpty()) lines.remove(cur);
            return;
        }
        boolean joins;
        String why = "";
        // Why a transplant joined the line, for the line's reason (FINDINGS A6): a reader must see which rule decided.
        String joinedBy;
        LocalDate previous = cur.lastTransplant();
        if (cur.planMatch(t.groupRef())) {
            joins = true;
            joinedBy = "under the line's treatment plan (the same basedOn)";
        } else if (cur.planConflict(t.groupRef())) {
            joins = false;
            joinedBy = null;
            why = " (under a different treatment plan)";
        } else if (previous != null) {
            long gap = days(previous, day);
            joins = gap <= TANDEM_TRANSPLANT_WINDOW_DAYS;
            why = " (" + gap + " days after the previous transplant on " + previous + ")";
            joinedBy = "as a planned tandem, " + gap + " days after the previous transplant on " + previous + " (within "
                    + TANDEM_TRANSPLANT_WINDOW_DAYS + " days; LOT-B15 and project heuristic)";
        } else {
            LocalDate lastDose = cur.lastDose();
            // The line's mobilisation step, when it came after its drugs stopped, is the step the transplant follows
            // (CDS-POLICY-MOBILISATION-STEP: a transplant delayed after the collection, FINDINGS F2).
            LocalDate step = cur.lastStep();
            boolean fromStep = step != null && (lastDose == null || step.isAfter(lastDose)) && !step.isAfter(day);
            LocalDate since = fromStep ? step : lastDose;
            joins = since != null && days(since, day) <= TRANSPLANT_AFTER_INDUCTION_DAYS;
            if (since != null && !joins) why = " (" + days(since, day) + (fromStep ? " days after the stem-cell"
                    + " mobilisation of line " : " days after the last dose of line ") + lines.size() + ")";
            joinedBy = since == null ? null : fromStep ? days(step, day) + " days after the line's stem-cell mobilisation on "
                    + step + ", read as the transplant it prepared (within " + TRANSPLANT_AFTER_INDUCTION_DAYS
                    + " days after it; project policy CDS-POLICY-MOBILISATION-STEP)"
                    : (day.isAfter(lastDose) ? days(lastDose, day) + " days after the line's last"
                    + " dose on " + lastDose : "while the line's drugs ran") + ", read as the transplant of its planned sequence"
                    + " (within " + TRANSPLANT_AFTER_INDUCTION_DAYS + " days after the last dose; project heuristic)";
        }
        if (joins) {
            cur.add(t);
            cur.joined.add(kind + when + " joined line " + lines.size() + (joinedBy == null ? "" : " " + joinedBy)
                    + mobilisationText(t) + conditioningText(t));
            return;
        }
        LocalDate start = lineStart(t);
        Line next = split(cur, start, LineOpening.TRANSPLANT, kind + when + " outside a planned sequence" + why
                + conditioningText(t));
        next.add(t);
        lines.add(next);
        if (cur.isEmpty()) lines.remove(cur);
    }

    /**
     * T7: drugs whose record gives only a month or a year, added while line {@code n} was running, and which may all
     * have started after its drugs stopped ({@code latestStart} after its last dose). Read on the first day they are an
     * addition or substitution while the line ran (or therapy after a progression already documented); read after the
     * line stopped they are a new regimen, or new therapy after a progression documented up to their latest start. The
     * new line holds the batch only, starts on the first day (its start shown as recorded, "2024") and the line before
     * keeps its recorded courses and end. When one reading is a progression and the other not, the opening is
     * {@link LineOpening#UNDECIDED} and the reason names both; a line count that the start could change is left to
     * {@link #lineCountUncertain}.
     */
    private static void openUndecided(Timeline timeline, Line cur, int n, List<Segment> batch, List<Segment> added,
                                      LocalDate day, LocalDate latestStart, DiseaseStatus progression, boolean conflict) {
        LocalDate lastDose = shownLastDose(cur, timeline.supportive, day, timeline.progressions);
        DiseaseStatus progressionAfter = timeline.progressionBefore(cur, latestStart);
        LineOpening during = progression != null ? LineOpening.PROGRESSION
                : conflict ? LineOpening.PLAN_CHANGE : LineOpening.UNPLANNED_ADDITION;
        LineOpening after = progressionAfter != null ? LineOpening.PROGRESSION
                : conflict ? LineOpening.PLAN_CHANGE : LineOpening.NEW_REGIMEN;
        String recorded = added.stream().map(s -> PartialDateText.of(s.from(), latestFrom(s))).distinct().sorted()
                .collect(Collectors.joining(", "));
        String duringText = (progression != null ? "new therapy after " + describe(progression) + ": addition of "
                : "unplanned addition of ") + names(added) + " while line " + n + " was running"
                + (conflict ? " (under a different treatment plan)" : "");
        String afterText = progressionAfter != null ? "new therapy after " + describe(progressionAfter)
                + ", after all drugs of line " + n + " stopped on " + lastDose
                : (conflict ? "new regimen under a different treatment plan" : "new regimen")
                + " after all drugs of line " + n + " stopped on " + lastDose;
        LineOpening opening;
        String reason;
        String start = names(added) + " started in " + recorded + " (the record gives no day), on or before "
                + latestStart + ": ";
        // The running line's drugs this line's records do not give stay in that line only (no split on a first day).
        Set<Drug> stays = new TreeSet<>();
        for (Segment s : cur.segments) {
            if (!s.to().isBefore(day) && batch.stream().noneMatch(b -> b.drug().equals(s.drug()))) stays.add(s.drug());
        }
        String kept = "; line " + n + " keeps its recorded courses and end" + (stays.isEmpty() ? ""
                : " (" + String.join(", ", stays.stream().map(Drug::displayName).toList()) + " given in line " + n
                        + " only)");
        if (during == after) {
            opening = during;
            reason = (during == LineOpening.PROGRESSION ? duringText.substring(0, duringText.indexOf(':'))
                    : during.rule()) + "; " + start + "while line " + n + " was running or after its drugs stopped on "
                    + lastDose + kept + " (CDS-POLICY-PARTSTART-LINE-START)";
        } else if (during == LineOpening.PROGRESSION || after == LineOpening.PROGRESSION) {
            opening = LineOpening.UNDECIDED;
            reason = start + "if it started before all drugs of line " + n + " stopped (" + lastDose + "), "
                    + duringText + "; if after, " + afterText + ": which rule opened the line is undecided" + kept
                    + " (CDS-POLICY-PARTSTART-LINE-START)";
        } else {
            // Both readings open the line without a progression: the earlier reading is printed, the other named.
            opening = during;
            reason = start + "if before all drugs of line " + n + " stopped (" + lastDose + "), " + duringText
                    + "; if after, " + afterText + kept + " (CDS-POLICY-PARTSTART-LINE-START)";
        }
        Line next = new Line(day, opening, reason);
        next.startBound = latestStart;
        next.sharedFrom = lastDose.plusDays(1).isAfter(latestStart) ? latestStart : lastDose.plusDays(1);
        batch.forEach(next::add);
        timeline.lines.add(next);
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
        return split(cur, at, opening, reason, at);
    }

    /**
     * As above, for a line whose start is known only as a day from {@code at} to {@code latest} (a month): a course cut
     * there ended on an unknown day from the day before {@code at} to the day before {@code latest} (T7: the line before
     * does not end on the day before the month's first day).
     */
    private static Line split(Line cur, LocalDate at, LineOpening opening, String reason, LocalDate latest) {
        Line next = new Line(at, opening, reason);
        List<Segment> kept = new ArrayList<>();
        for (Segment s : cur.segments) {
            if (s.to().isBefore(at)) {
                kept.add(s);
            } else if (!s.from().isBefore(at)) {
                next.add(s);
            } else {
                LocalDate cutLatest = latest.isAfter(at) && s.to().isAfter(latest.minusDays(1)) ? latest.minusDays(1) : null;
                kept.add(cutLatest == null ? s.part(s.from(), at.minusDays(1), false) : s.cut(at.minusDays(1), cutLatest));
                Segment after = s.part(at, s.to(), s.ongoing());
                next.add(latest.isAfter(at) ? after.startingBy(latest.isAfter(s.to()) ? s.to() : latest) : after);
            }
        }
        cur.segments.clear();
        cur.segments.addAll(kept);
        List<Segment> laterSteps = cur.steps.stream().filter(s -> !s.from().isBefore(at)).toList();
        cur.steps.removeAll(laterSteps);
        next.steps.addAll(laterSteps);
        // An interval whose resumption falls in the new line goes with it.
        List<TherapyGap> moved = cur.gaps.stream().filter(g -> !g.getResumed().isBefore(at)).toList();
        cur.gaps.removeAll(moved);
        next.gaps.addAll(moved);
        return next;
    }

    /**
     * A purine analogue (fludarabine) is given in myeloma care as the lymphodepletion of CAR-T cells, with which it goes
     * (joinsCarT), or as the conditioning of an allogeneic transplant. Given in a line with neither a CAR-T product nor a
     * transplant within {@value #CONDITIONING_WINDOW_DAYS} days after its first dose, it is counted as therapy of that
     * line, and the line's reason says so (CDS-POLICY-TERMS3-FLUDARABINE, sweep D4): it never vanishes, and a reader sees
     * the line may rest on it.
     */
    /**
     * FINDINGS H4: what a line holding only transplants shows of its record, so the gap saying its drugs are missing
     * describes the record: a stem-cell mobilisation it holds (the transplant's, or a step of the line), and each
     * transplant dated by its own Procedure (the line starts at the mobilisation) with its conditioning. Null for a line
     * with drug therapy.
     */
    private static String transplantRecordText(Line line) {
        if (!line.segments.isEmpty() || line.transplants.isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        List<Segment> mobilisation = new ArrayList<>(line.steps);
        for (Transplant t : line.transplants) mobilisation.addAll(t.mobilisation());
        if (!mobilisation.isEmpty()) parts.add("a stem-cell mobilisation (" + doses(mobilisation) + ")");
        for (Transplant t : line.transplants) {
            List<Segment> conditioning = t.conditioning().stream().filter(c -> !t.mobilisation().contains(c))
                    .filter(c -> !t.prophylaxis().contains(c)).toList();
            parts.add("a transplant (" + t.procedure().getKind().displayName() + " on "
                    + PartialDateText.of(t.procedure().getDate(), t.procedure().getLatest())
                    + (conditioning.isEmpty() ? "" : ", conditioning: " + doses(conditioning))
                    + (t.prophylaxis().isEmpty() ? "" : ", GVHD prophylaxis: " + doses(t.prophylaxis())) + ")");
        }
        return String.join(" and ", parts);
    }

    /** "cyclophosphamide on 2025-05-12", one per segment in date order (the gap lists the records themselves). */
    private static String doses(List<Segment> segments) {
        return String.join(", ", segments.stream().sorted(Comparator.comparing(Segment::from))
                .map(s -> s.drug().displayName() + (s.from().equals(s.to()) ? " on " + s.from()
                        : " from " + s.from() + " to " + s.to())).toList());
    }

    private static List<String> lymphodepletionWithoutCells(Line line) {
        List<String> out = new ArrayList<>();
        Map<Drug, Segment> first = new TreeMap<>();
        for (Segment s : line.segments) {
            if (s.drug().getDrugClass() == DrugClass.PURINE_ANALOGUE) first.merge(s.drug(), s, (a, b) -> b.from().isBefore(a.from()) ? b : a);
        }
        for (Segment s : first.values()) {
            LocalDate until = s.from().plusDays(CONDITIONING_WINDOW_DAYS);
            boolean cells = line.segments.stream().anyMatch(c -> c.drug().getDrugClass() == DrugClass.CAR_T
                    && !c.from().isBefore(s.from()) && !c.from().isAfter(until));
            boolean transplant = line.transplants.stream().anyMatch(t -> !t.date().isBefore(s.from()) && !t.date().isAfter(until));
            if (cells || transplant) continue;
            out.add(s.drug().displayName() + " from " + PartialDateText.of(s.from(), s.record().getStartLatest()) + " ("
                    + reference(s.record()) + ") is given in myeloma care as the lymphodepletion before CAR-T cells or the"
                    + " conditioning of an allogeneic transplant, and neither follows within " + CONDITIONING_WINDOW_DAYS
                    + " days: it is counted as therapy of this line (project policy, CDS-POLICY-TERMS3-FLUDARABINE);"
                    + " record the CAR-T product or transplant it prepared, or the reason it was given");
        }
        return out;
    }

    /**
     * Cyclophosphamide recorded over at most {@value #MOBILISATION_COURSE_MAX_DAYS} days with no other anti-myeloma drug
     * (corticosteroids aside) within {@value #CONDITIONING_WINDOW_DAYS} days of it: the shape of a mobilisation dose
     * (CDS-POLICY-MOBILISATION). With bortezomib (CyBorD) or any other drug it is a regimen.
     */
    private static boolean mobilisationShape(Segment s, List<Segment> segments) {
        if (!s.drug().equals(Drug.CYCLOPHOSPHAMIDE) || days(s.from(), s.to()) > MOBILISATION_COURSE_MAX_DAYS) return false;
        return segments.stream().noneMatch(o -> o != s && !o.drug().equals(Drug.CYCLOPHOSPHAMIDE)
                && o.drug().getDrugClass() != DrugClass.CORTICOSTEROID
                && !o.from().isAfter(s.to().plusDays(CONDITIONING_WINDOW_DAYS))
                && !o.to().isBefore(s.from().minusDays(CONDITIONING_WINDOW_DAYS)));
    }

    /**
     * CDS-POLICY-MOBILISATION-RECURRING (FINDINGS J4): of the mobilisation-shaped cyclophosphamide {@code candidates},
     * those that recur with a running regimen: a cyclophosphamide dose within {@value #CONDITIONING_WINDOW_DAYS} days of
     * another cyclophosphamide dose that is given with another anti-myeloma drug (not of the mobilisation shape), and so
     * on along the chain (weekly cyclophosphamide on days 1, 8 and 15 of pomalidomide cycles given on day 1). Such a dose
     * is a drug of that regimen, read as the timeline reads any other dose, not an uncharted mobilisation
     * (CDS-POLICY-MOBILISATION-UNCHARTED is for a lone course). A bare dose with no cyclophosphamide of a regimen beside
     * it keeps its range; a dose charted as mobilisation is never the anchor.
     */
    private static Set<Segment> recurringWithARegimen(Set<Segment> candidates, Set<Segment> mobilisationSteps,
                                                      List<Segment> segments) {
        Set<Segment> anchored = new java.util.HashSet<>();
        for (Segment o : segments) {
            if (o.drug().equals(Drug.CYCLOPHOSPHAMIDE) && !candidates.contains(o) && !mobilisationSteps.contains(o)
                    && o.record().getMobilisationSign() == null && !mobilisationShape(o, segments)) anchored.add(o);
        }
        Set<Segment> out = new java.util.HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Segment c : candidates) {
                if (out.contains(c)) continue;
                boolean beside = anchored.stream().anyMatch(a -> !a.from().isAfter(c.to().plusDays(CONDITIONING_WINDOW_DAYS))
                        && !a.to().isBefore(c.from().minusDays(CONDITIONING_WINDOW_DAYS)));
                if (beside) { out.add(c); anchored.add(c); grew = true; }
            }
        }
        return out;
    }

    /**
     * Cyclophosphamide {@code s} recurring on a cycle of its own (CDS-POLICY-ISOLATED-ALKYLATOR-DOSE): another
     * cyclophosphamide record starting more than {@value #MOBILISATION_COURSE_MAX_DAYS} days from it (so not the same
     * short course) and within {@value #MOBILISATION_WINDOW_DAYS} days of it. Weekly oral cyclophosphamide with only a
     * steroid beside it is a regimen, not a string of uncharted mobilisations each leaving the count undecided.
     */
    private static boolean cyclophosphamideCycle(Segment s, List<Segment> segments) {
        return segments.stream().anyMatch(o -> o != s && o.drug().equals(Drug.CYCLOPHOSPHAMIDE)
                && Math.abs(days(s.from(), o.from())) > MOBILISATION_COURSE_MAX_DAYS
                && !o.from().isAfter(s.to().plusDays(MOBILISATION_WINDOW_DAYS))
                && !o.to().isBefore(s.from().minusDays(MOBILISATION_WINDOW_DAYS)));
    }

    /**
     * CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING: a mobilisation-shaped cyclophosphamide dose that its chart says is
     * mobilisation (its own words or reason, or G-CSF or plerixafor given with it: {@link MedicationRecord#getMobilisationSign}),
     * ending at most {@value #MOBILISATION_WINDOW_DAYS} days before asOf with no transplant recorded on or after it: the
     * transplant it prepares is still to come (a replay between the two, FINDINGS E1), so it opens no line. Later than
     * that with no transplant, or with no sign, it is a regimen of its own, as before.
     */
    private static boolean pendingMobilisation(Segment s, List<Transplant> transplants, List<Segment> segments,
                                               LocalDate asOf) {
        if (s.record().getMobilisationSign() == null) return false;
        if (transplants.stream().anyMatch(t -> !t.date().isBefore(s.from()))) return false;
        if (mobilisationShape(s, segments)) return days(s.to(), asOf) <= MOBILISATION_WINDOW_DAYS;
        // High-dose melphalan charted as the conditioning, the transplant due within days: as conditioningFor reads it
        // once the transplant is recorded.
        return conditioningShape(s, segments) && days(s.from(), asOf) <= CONDITIONING_WINDOW_DAYS;
    }

    /**
     * CDS-POLICY-MOBILISATION-STEP: cyclophosphamide recorded over at most {@value #MOBILISATION_COURSE_MAX_DAYS} days
     * whose chart says it is stem-cell mobilisation (its own words or reason, G-CSF or plerixafor given with it, or an
     * apheresis or harvest recorded after it: {@link MedicationRecord#getMobilisationSign}), with no other anti-myeloma
     * drug (corticosteroids aside) given on its days. Unlike {@link #mobilisationShape} an induction drug stopped a few
     * days before it does not make it a regimen: mobilisation straight after the last induction cycle is everyday
     * (FINDINGS F2).
     */
    private static boolean chartedMobilisation(Segment s, List<Segment> segments) {
        if (!s.drug().equals(Drug.CYCLOPHOSPHAMIDE) || s.record().getMobilisationSign() == null
                || days(s.from(), s.to()) > MOBILISATION_COURSE_MAX_DAYS) return false;
        return segments.stream().noneMatch(o -> o != s && !o.drug().equals(Drug.CYCLOPHOSPHAMIDE)
                && o.drug().getDrugClass() != DrugClass.CORTICOSTEROID
                && !o.from().isAfter(s.to()) && !o.to().isBefore(s.from()));
    }

    /**
     * Cyclophosphamide of a mobilisation taken by no transplant (CDS-POLICY-MOBILISATION: none 8 to 60 days after it),
     * with no progression documented since the line began (the caller checks): charted as mobilisation, a step of the
     * running line's planned sequence, whether or not a transplant follows later (FINDINGS F1, F2;
     * CDS-POLICY-MOBILISATION-STEP); of the mobilisation shape with nothing in the chart saying so, within
     * {@value #RESUMPTION_WINDOW_DAYS} days after the line's therapy stopped (the ordinary break of
     * CDS-POLICY-THERAPY-GAP; FINDINGS H2: a dose 146 days after induction), it may be mobilisation or a regimen
     * of its own: read as the step, with the line count undecided (CDS-POLICY-MOBILISATION-UNCHARTED). Corticosteroids
     * started the same day go with it. True when the batch was placed here.
     */
    private static boolean mobilisationStep(Timeline timeline, Line cur, List<Segment> batch, LocalDate day,
                                            boolean running) {
        List<Segment> cyclophosphamide = batch.stream().filter(s -> s.drug().equals(Drug.CYCLOPHOSPHAMIDE)).toList();
        if (cyclophosphamide.isEmpty() || batch.stream().anyMatch(s -> !cyclophosphamide.contains(s)
                && s.drug().getDrugClass() != DrugClass.CORTICOSTEROID)) return false;
        if (cyclophosphamide.stream().allMatch(timeline.mobilisationSteps::contains)) {
            // A replay between the mobilisation and its transplant keeps the wording of that policy.
            boolean pending = cyclophosphamide.stream().allMatch(timeline.pendingMobilisation::contains);
            cur.steps.addAll(batch);
            for (Segment s : cyclophosphamide) {
                cur.joined.add(pending ? pendingMobilisationText(s, timeline.asOf) : stepText(timeline, s));
            }
            return true;
        }
        if (cyclophosphamide.stream().allMatch(timeline.unchartedMobilisation::contains)
                && continuesUnchartedCourse(timeline, cur, day)) {
            // The next day's record of the same short course is that course, not another possible line: the course is
            // read once (its first record named), so the upper bound of the count grows by one per course, not per record.
            if (cur.steps.isEmpty() || cur.segments.stream().anyMatch(s -> timeline.unchartedMobilisation.contains(s))) {
                batch.forEach(cur::add);
            } else {
                cur.steps.addAll(batch);
            }
            return true;
        }
        LocalDate last = cur.lastActivity();
        if (running || last == null
                || !cyclophosphamide.stream().allMatch(timeline.unchartedMobilisation::contains)) return false;
        if (days(last, day) > RESUMPTION_WINDOW_DAYS) {
            return isolatedDoseBeyondBreak(timeline, cur, batch, cyclophosphamide, day, last);
        }
        Segment first = cyclophosphamide.get(0);
        int n = timeline.lines.size();
        String text = "cyclophosphamide on " + PartialDateText.of(first.from(), first.record().getStartLatest()) + " ("
                + reference(first.record()) + "), a course of at most " + MOBILISATION_COURSE_MAX_DAYS + " days given"
                + " alone " + days(last, day) + " days after line " + n + "'s therapy stopped on " + last + ", with no"
                + " transplant 8 to " + MOBILISATION_WINDOW_DAYS + " days after it and nothing in the record saying what it"
                + " was for (no mobilisation words, G-CSF, plerixafor or apheresis): read as a stem-cell mobilisation, a"
                + " step of line " + n + "'s planned sequence; if it was a regimen of its own, it is a new line"
                + " (CDS-POLICY-MOBILISATION-UNCHARTED: the line count is undecided)";
        cur.joined.add(text);
        LocalDate transplant = cur.lastTransplant();
        if (undecidedJoin(timeline, timeline.lines, batch, day, "cyclophosphamide from " + day + " ("
                + reference(first.record()) + ", CDS-POLICY-MOBILISATION-UNCHARTED)", provenance(batch), null, null)) {
            if (transplant != null && !transplant.isBefore(last)) {
                timeline.lines.get(timeline.lines.size() - 1).splitFromTransplant = transplant;
            }
            return true;
        }
        cur.steps.addAll(batch);
        return true;
    }

    /**
     * Whether line {@code cur} already holds an uncharted cyclophosphamide dose (CDS-POLICY-MOBILISATION-UNCHARTED or
     * -ISOLATED-ALKYLATOR-DOSE) begun at most {@value #MOBILISATION_COURSE_MAX_DAYS} days before {@code day}: a dose on
     * {@code day} is then the same short course (the shape those policies read is one course of at most that many days).
     */
    private static boolean continuesUnchartedCourse(Timeline timeline, Line cur, LocalDate day) {
        List<Segment> held = new ArrayList<>(cur.steps);
        held.addAll(cur.segments);
        return held.stream().anyMatch(s -> s.drug().equals(Drug.CYCLOPHOSPHAMIDE)
                && timeline.unchartedMobilisation.contains(s) && !s.from().isAfter(day)
                && days(s.from(), day) <= MOBILISATION_COURSE_MAX_DAYS);
    }

    /**
     * CDS-POLICY-ISOLATED-ALKYLATOR-DOSE (FINDINGS H2 remainder): the uncharted mobilisation shape more than
     * {@value #RESUMPTION_WINDOW_DAYS} days after the line's therapy stopped, beyond the ordinary break of
     * CDS-POLICY-MOBILISATION-UNCHARTED. A lone cyclophosphamide course of at most {@value #MOBILISATION_COURSE_MAX_DAYS}
     * days with no partner drug, no other cyclophosphamide within {@value #MOBILISATION_WINDOW_DAYS} days (no cycle:
     * {@link #cyclophosphamideCycle}, which also keeps a cycle from the uncharted reading within the break) and no stated reason is no regimen a haematologist counts with confidence: it may be a mobilisation for a collection,
     * therapy of another condition or a line of its own. Read as no new line, the line count a range naming the dose and
     * asking its purpose. A stated myeloma reason, or cyclophosphamide recurring around it, keeps today's new line.
     */
    private static boolean isolatedDoseBeyondBreak(Timeline timeline, Line cur, List<Segment> batch,
                                                   List<Segment> cyclophosphamide, LocalDate day, LocalDate last) {
        if (cyclophosphamide.stream().anyMatch(s -> !s.record().getReasons().isEmpty())) return false;
        Segment first = cyclophosphamide.get(0);
        int n = timeline.lines.size();
        String dose = "cyclophosphamide on " + PartialDateText.of(first.from(), first.record().getStartLatest()) + " ("
                + reference(first.record()) + ")";
        cur.joined.add(dose + ", a single course of at most " + MOBILISATION_COURSE_MAX_DAYS + " days given alone "
                + days(last, day) + " days after line " + n + "'s therapy stopped on " + last + ", with no partner drug,"
                + " no other cyclophosphamide within " + MOBILISATION_WINDOW_DAYS + " days, no transplant 8 to "
                + MOBILISATION_WINDOW_DAYS + " days after it and no stated reason: it may be a stem-cell mobilisation, therapy"
                + " of another condition or a line of its own, and the record does not say which; counted as no new line"
                + " (CDS-POLICY-ISOLATED-ALKYLATOR-DOSE: the line count is undecided)");
        if (undecidedJoin(timeline, timeline.lines, batch, day, dose + ", a single cyclophosphamide course given alone "
                + days(last, day) + " days after line " + n + "'s therapy stopped, with no partner drug, no cycle and no"
                + " stated reason: record what it was for (a mobilisation, another condition, or a line of its own)"
                + " (CDS-POLICY-ISOLATED-ALKYLATOR-DOSE)", provenance(batch), null, null)) {
            return true;
        }
        cur.steps.addAll(batch);
        return true;
    }

    /** The line's reason for a charted mobilisation step (CDS-POLICY-MOBILISATION-STEP). */
    private static String stepText(Timeline timeline, Segment s) {
        Transplant next = timeline.transplants.stream().filter(t -> !t.date().isBefore(s.from()))
                .min(Comparator.comparing(Transplant::date)).orElse(null);
        String after = next == null ? "no transplant is recorded after it (a collection that failed, or cells stored for"
                + " a later transplant)"
                : "the next transplant is recorded " + days(s.to(), next.date()) + " days after it" + (days(s.to(),
                        next.date()) > CONDITIONING_WINDOW_DAYS && days(s.to(), next.date()) <= MOBILISATION_WINDOW_DAYS
                        ? " with another anti-myeloma drug given within " + CONDITIONING_WINDOW_DAYS + " days of the"
                                + " mobilisation (its induction's last doses)"
                        : ", outside the 8 to " + MOBILISATION_WINDOW_DAYS + " days that tie a mobilisation to its"
                                + " transplant") + " (CDS-POLICY-MOBILISATION does not tie them)";
        return "cyclophosphamide on " + PartialDateText.of(s.from(), s.record().getStartLatest()) + " ("
                + reference(s.record()) + ", " + s.record().getMobilisationSign() + "), read as stem-cell mobilisation, a"
                + " step of the line's planned sequence and not a new regimen, although " + after
                + " (project policy CDS-POLICY-MOBILISATION-STEP)";
    }

    /** Melphalan over at most {@value #CONDITIONING_WINDOW_DAYS} days with no other anti-myeloma drug (steroids aside) beside it. */
    private static boolean conditioningShape(Segment s, List<Segment> segments) {
        if (!s.drug().equals(Drug.MELPHALAN) || days(s.from(), s.to()) > CONDITIONING_WINDOW_DAYS) return false;
        return segments.stream().noneMatch(o -> o != s && !o.drug().equals(Drug.MELPHALAN)
                && o.drug().getDrugClass() != DrugClass.CORTICOSTEROID
                && !o.from().isAfter(s.to().plusDays(CONDITIONING_WINDOW_DAYS))
                && !o.to().isBefore(s.from().minusDays(CONDITIONING_WINDOW_DAYS)));
    }

    private static String pendingMobilisationText(Segment s, LocalDate asOf) {
        boolean conditioning = s.drug().equals(Drug.MELPHALAN);
        return s.drug().displayName() + " on " + PartialDateText.of(s.from(), s.record().getStartLatest()) + " ("
                + reference(s.record()) + "), given alone " + (days(s.to(), asOf) == 0 ? "on " + asOf
                : days(s.to(), asOf) + (days(s.to(), asOf) == 1 ? " day" : " days") + " before " + asOf) + " ("
                + s.record().getMobilisationSign() + "), read as " + (conditioning ? "the high-dose conditioning"
                : "stem-cell mobilisation") + " for a transplant not yet recorded, a step of the planned sequence and not"
                + " a new regimen (project policy CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING; with no transplant recorded"
                + " within " + (conditioning ? CONDITIONING_WINDOW_DAYS : MOBILISATION_WINDOW_DAYS) + " days of it, it is"
                + " read as a regimen of its own)";
    }

    /** The transplant {@code s} mobilised stem cells for (CDS-POLICY-MOBILISATION), or null. */
    private static Transplant mobilisationFor(Segment s, List<Transplant> transplants, List<Segment> segments) {
        if (!mobilisationShape(s, segments)) return null;
        for (Transplant t : transplants) {
            long before = days(s.to(), t.date());
            if (before > CONDITIONING_WINDOW_DAYS && before <= MOBILISATION_WINDOW_DAYS) return t;
        }
        return null;
    }

    /**
     * The conditioning drugs other than melphalan that went with the transplant, for the line's reason: a reader sees the
     * alkylator was read as conditioning, not as a regimen (CDS-POLICY-ORAL-CONDITIONING); "" when there are none.
     */
    private static String conditioningText(Transplant t) {
        List<Segment> other = t.conditioning().stream().filter(c -> !t.mobilisation().contains(c))
                .filter(c -> !t.prophylaxis().contains(c))
                .filter(c -> !c.drug().equals(Drug.MELPHALAN)).toList();
        if (other.isEmpty()) return prophylaxisText(t);
        Segment first = other.stream().min(Comparator.comparing(Segment::from)).orElseThrow();
        return "; " + names(other) + " from " + first.from() + " (" + reference(first.record()) + "), given in the "
                + CONDITIONING_WINDOW_DAYS + " days before it, read as its conditioning, as high-dose melphalan is, not as a"
                + " regimen of its own (project policy CDS-POLICY-ORAL-CONDITIONING)" + prophylaxisText(t);
    }

    /** The drugs read as the transplant's GVHD prophylaxis, for the line's reason; "" when there are none. */
    private static String prophylaxisText(Transplant t) {
        if (t.prophylaxis().isEmpty()) return "";
        List<String> refs = t.prophylaxis().stream().sorted(Comparator.comparing(Segment::from))
                .map(s -> reference(s.record())).distinct().toList();
        return "; " + doses(t.prophylaxis()) + " (" + String.join(", ", refs) + ") read as the allogeneic transplant's"
                + " GVHD prophylaxis, part of the transplant as its conditioning is, not a regimen of its own (project policy"
                + " CDS-POLICY-GVHD-PROPHYLAXIS)";
    }

    /**
     * The allogeneic transplant {@code s} is the GVHD prophylaxis of, or null (project policy CDS-POLICY-GVHD-PROPHYLAXIS):
     * cyclophosphamide starting on day +1 to +{@value #CONDITIONING_WINDOW_DAYS} after it and ending by day
     * +{@value #CONDITIONING_WINDOW_DAYS} (post-transplant cyclophosphamide, given on days +3 and +4), or a drug whose
     * record states GVHD prophylaxis ({@code medication-gvhd-prophylaxis}) starting from {@value #CONDITIONING_WINDOW_DAYS}
     * days before it to {@value #POST_TRANSPLANT_MAINTENANCE_WINDOW_DAYS} days after it. Words never fold in a drug of a
     * myeloma class, nor cyclophosphamide outside the post-transplant window: given after an allograft, those treat a
     * relapse or maintain the graft's effect, and nothing in the policy's sources makes them prophylaxis (sweep U, B1/B2).
     * An autologous transplant has no GVHD, so nothing is read so beside one. Finding AA7: the day count yields to the
     * record's own myeloma reason, or to a progression recorded after the transplant and by the dose's first day: then
     * the cyclophosphamide treats the relapse (a line's start), as its record or the chart says.
     */
    private static Transplant gvhdProphylaxisFor(Segment s, List<Transplant> transplants,
                                                 List<DiseaseStatus> progressions) {
        boolean saysGvhd = s.record().getGvhdProphylaxisSign() != null && !MYELOMA_DRUG_CLASSES.contains(s.drug().getDrugClass());
        for (Transplant t : transplants) {
            if (t.procedure().getKind() != ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT || t.procedure().isDateImprecise()) continue;
            long after = days(t.date(), s.from());
            boolean cyclophosphamide = s.drug().equals(Drug.CYCLOPHOSPHAMIDE);
            boolean postTransplantCyclophosphamide = cyclophosphamide && after >= 1
                    && after <= CONDITIONING_WINDOW_DAYS && days(t.date(), s.to()) <= CONDITIONING_WINDOW_DAYS
                    && !forMyelomaRelapse(s, t, progressions);
            boolean statedProphylaxis = saysGvhd && !cyclophosphamide && after >= -CONDITIONING_WINDOW_DAYS
                    && after <= POST_TRANSPLANT_MAINTENANCE_WINDOW_DAYS;
            if (postTransplantCyclophosphamide || statedProphylaxis) return t;
        }
        return null;
    }

    /**
     * Finding AA7: cyclophosphamide after the allogeneic transplant {@code t} whose record gives myeloma as its reason, or
     * that starts on or after a progression recorded after the transplant: the relapse it treats, not the graft's
     * prophylaxis, whatever the day count (CDS-POLICY-GVHD-PROPHYLAXIS reads the day count only with nothing saying so).
     */
    private static boolean forMyelomaRelapse(Segment s, Transplant t, List<DiseaseStatus> progressions) {
        if (s.record().getReasons().stream().anyMatch(org.myelomacds.facts.TherapyReason::isMyeloma)) return true;
        return progressions.stream().anyMatch(p -> p.getDate().isAfter(t.date()) && !p.getDate().isAfter(s.from()));
    }

    /**
     * Drug classes given to treat myeloma (proteasome inhibitors, IMiDs, the myeloma antibodies, bispecifics, CAR-T, XPO1
     * and HDAC inhibitors, antibody-drug conjugates): whatever their record says of GVHD, none is read as GVHD prophylaxis
     * (CDS-POLICY-GVHD-PROPHYLAXIS).
     */
    private static final Set<DrugClass> MYELOMA_DRUG_CLASSES = java.util.EnumSet.of(DrugClass.PROTEASOME_INHIBITOR,
            DrugClass.IMID, DrugClass.ANTI_CD38, DrugClass.ANTI_SLAMF7, DrugClass.BISPECIFIC_ANTIBODY, DrugClass.CAR_T,
            DrugClass.XPO1_INHIBITOR, DrugClass.ANTIBODY_DRUG_CONJUGATE, DrugClass.HDAC_INHIBITOR);

    private static String mobilisationText(Transplant t) {
        if (t.mobilisation().isEmpty()) return "";
        Segment first = t.mobilisation().get(0);
        return "; cyclophosphamide from " + first.from() + " (" + reference(first.record()) + "), given alone "
                + days(first.to(), t.date()) + " days before it, read as its stem-cell mobilisation, a step of the planned"
                + " sequence and not a new regimen (project policy CDS-POLICY-MOBILISATION)";
    }

    /**
     * The transplant {@code s} is the high-dose conditioning of, or null: melphalan, and the other conditioning drugs
     * (busulfan, treosulfan, thiotepa, carmustine, fludarabine: CDS-POLICY-ORAL-CONDITIONING, sweep E5), starting up to
     * {@value #CONDITIONING_WINDOW_DAYS} days before it and ending by the day after it.
     */
    private static Transplant conditioningFor(Segment s, List<Transplant> transplants) {
        if (!Drug.TRANSPLANT_CONDITIONING.contains(s.drug())) return null;
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

    /**
     * FINDINGS P7: a course that ends on a request's validityPeriod end, when the supply the request authorises
     * (expectedSupplyDuration x (1 + numberOfRepeatsAllowed)) runs out earlier. The validity end is the last day a fill
     * could be handed over, not a dose; the course keeps it as its end (the later end: a progression is counted as on or
     * near the drug for longer, never less cautious), and the text shows both ends and which one is used.
     */
    private static String authorisationNote(DosingPeriod c, List<MedicationRecord> records) {
        for (MedicationRecord r : records) {
            if (!c.getDrug().equals(r.getDrug()) || r.getAuthorisedSupplyEnd() == null || r.getEnd() == null
                    || !r.getEnd().equals(c.getEnd())) continue;
            return "its end the validityPeriod end of " + reference(r) + " (the last day a fill could be handed over; the"
                    + " supply it authorised covers " + PartialDateText.of(r.getStart(), r.getStartLatest()) + " to "
                    + r.getAuthorisedSupplyEnd() + "): the later end, "
                    + c.getEnd() + ", is used, the cautious reading";
        }
        return null;
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
