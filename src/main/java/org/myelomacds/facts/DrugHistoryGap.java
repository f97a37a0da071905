package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The drug history cannot support "naive" or "not refractory": a stem-cell transplant with no recorded induction, or a
 * refractoriness window that depends on the unknown part of a partial date or of an unknown end, or a therapy record
 * with no date. Derived in rules/derive/ (DERIVE-HISTORY-*, DERIVE-REFRACTORY-04, -05); a trial population is UNKNOWN while a gap about the whole history, or about a drug the
 * population is defined by, exists (ELIG-COMMON-03, trialPopulationGap in rules/eligibility/common.drl), and the gap
 * rules name the record. {@code drug} is the drug concerned, or null when the whole history is incomplete.
 */
public final class DrugHistoryGap implements HasProvenance {
    public enum Kind {
        TRANSPLANT_WITHOUT_INDUCTION, IMPRECISE_DATE, THERAPY_END_UNKNOWN, LINE_COUNT_UNCERTAIN,
        /** a disease-status assessment that may be a progression cannot be read (an unknown answer, a preliminary one) */
        UNREADABLE_ASSESSMENT,
        /** relapse is documented only by an undated code or status, so it cannot be placed against the last dose */
        RELAPSE_UNDATED,
        /** a given anti-myeloma therapy record without any date: it may be the last line */
        UNDATED_THERAPY,
        /** a drug whose every record is undated: given, but whether the disease progressed on it cannot be read */
        UNDATED_EXPOSURE,
        /**
         * therapy the engine cannot name (an unclassified antineoplastic, an unidentified medication) in the treatment
         * period: it may be any drug, so exposures, naivety and refractoriness are unsure (CDS-POLICY-UNIDENTIFIED-MEDICATION)
         */
        UNKNOWN_THERAPY,
        /**
         * a MedicationStatement with status "unknown" (FHIR R4: the state of the medication use is not currently known):
         * whether the drug was taken is undecided, so exposure, refractoriness and washout counted from it are
         * (CDS-POLICY-HISTORY-STATUS-UNKNOWN)
         */
        USE_UNKNOWN,
        /**
         * R14-1: statements with status "unknown" that, read as taken, change placed lines (a line split by an unplanned
         * addition, a line more): refractoriness to the drugs of the lines that differ is judged by windows that depend on
         * them, so it is undecided; the lines both readings share stay decided (CDS-POLICY-HISTORY-STATUS-UNKNOWN)
         */
        LINES_CHANGED_BY_USE_UNKNOWN,
        /**
         * finding I2: the partial date of a progression or a transplant that, on another day it can stand for, changes
         * placed lines (splits one, joins two, a line more or fewer): refractoriness to the drugs of the lines that differ
         * is judged by windows that depend on the day, so it is undecided; the lines every reading holds stay decided
         * (CDS-POLICY-RANGE-SCOPE)
         */
        LINES_CHANGED_BY_PARTIAL_DATE,
        /**
         * finding N4: therapy that joined a line only by a day-count window (CDS-POLICY-WINDOW-NEW-DRUG) that, read as a
         * new line, changes placed lines: refractoriness to a drug of the lines that differ is undecided only when the
         * readings may answer it differently (a progression falls in its line's window in some reading); the other drugs
         * stay decided (CDS-POLICY-RANGE-SCOPE)
         */
        LINES_CHANGED_BY_WINDOW_JOIN,
        /**
         * finding J5: a progression within 60 days of a line's last dose that convicts a drug of the line (the line rule),
         * but more than 60 days after the recorded end of another drug of its final phase: by its own last dose (§1.2)
         * that drug is not refractory, by its line it is; the record does not settle which, so it is undecided
         * (CDS-POLICY-LINE-OWN-END-DISAGREE)
         */
        LINE_AND_OWN_END_DISAGREE,
        /**
         * an order not known to have been started (CDS-POLICY-ORDERS-NOT-STARTED) that, read as given, would only add a
         * line of its own: whether its drug was given, and so naivety to it and refractoriness to it, is undecided; the
         * rest of the history is not (sweep s12-partial3 P3-1)
         */
        ORDER_NOT_STARTED,
        /**
         * a line followed by a new regimen with no progression recorded between them and no disease-status assessment
         * while the line ran or within 60 days after it: the switch is a sign of relapse or intolerance, the record not
         * saying which, so refractoriness to the line's final drugs is undecided (CDS-POLICY-SWITCH-UNASSESSED)
         */
        SWITCH_UNASSESSED,
        /**
         * a blinded trial product ("X or placebo", "double-blind") not unblinded by a record of the drug itself: the
         * patient received the drug or a placebo, so exposure to it, naivety to it and refractoriness to it are undecided;
         * its line stands (CDS-POLICY-BLINDED-STUDY-DRUG)
         */
        BLINDED_STUDY_DRUG,
        /**
         * a drug charted once per cycle (an oral cycle pack, CDS-POLICY-CYCLE-CHARTED-ORAL, or carfilzomib infusions,
         * CDS-POLICY-CYCLE-CHARTED-INFUSION) whose last dose fell some day of its last cycle, and a progression within
         * 60 days of some of those days and not of others
         */
        CYCLE_CHARTED_END,
        /**
         * the first myeloma diagnosis, with no dated disease-status assessment of the progression, on a drug given for a
         * precursor or within 60 days of its last dose: the timing of the IMWG refractory definition, but whether
         * progression from a precursor makes the myeloma refractory the evidence does not settle, so it is undecided
         * (CDS-POLICY-RELCODE-PRECURSOR-PROGRESSION, -PRECURSOR-ANTI-CD38-PROGRESSION, -PRECURSOR-BORTEZOMIB-PROGRESSION)
         */
        PRECURSOR_PROGRESSION,
        /** as {@link #PRECURSOR_PROGRESSION} when the dates allow the diagnosis on the drug or more than 60 days after it */
        PRECURSOR_PROGRESSION_DATES_UNSETTLED;

        /**
         * Whether the gap leaves only refractoriness to its drug undecided: the drug was given (its record is read, only
         * the day of its last dose, the progression or the line it belongs to is not settled). The other kinds leave
         * exposure itself in doubt (an order not known to be started, a statement of unknown use, a blinded product,
         * therapy the engine cannot name) or the whole history (an undated therapy, a transplant with no induction).
         */
        public boolean leavesExposureCertain() {
            switch (this) {
                case IMPRECISE_DATE: case THERAPY_END_UNKNOWN: case UNREADABLE_ASSESSMENT: case RELAPSE_UNDATED:
                case UNDATED_EXPOSURE: case LINE_AND_OWN_END_DISAGREE: case SWITCH_UNASSESSED: case CYCLE_CHARTED_END:
                case PRECURSOR_PROGRESSION: case PRECURSOR_PROGRESSION_DATES_UNSETTLED:
                    return true;
                default:
                    return false;
            }
        }
    }

    private final Kind kind;
    private final Drug drug;
    private final String text;
    private final List<Provenance> provenance;
    private final String action;
    /** {@link Kind#ORDER_NOT_STARTED}: read as given, the order would form the last line. */
    private final boolean mayBeLastLine;
    /** {@link Kind#UNKNOWN_THERAPY}: the record was taken by mouth, so it hides no drug given only by injection. */
    private final boolean oralOnly;

    public DrugHistoryGap(Kind kind, Drug drug, String text, List<Provenance> provenance) {
        this(kind, drug, text, provenance, null);
    }

    private DrugHistoryGap(Kind kind, Drug drug, String text, List<Provenance> provenance, String action) {
        this(kind, drug, text, provenance, action, false);
    }

    private DrugHistoryGap(Kind kind, Drug drug, String text, List<Provenance> provenance, String action,
                           boolean mayBeLastLine) {
        this(kind, drug, text, provenance, action, mayBeLastLine, false);
    }

    private DrugHistoryGap(Kind kind, Drug drug, String text, List<Provenance> provenance, String action,
                           boolean mayBeLastLine, boolean oralOnly) {
        this.oralOnly = oralOnly;
        this.mayBeLastLine = mayBeLastLine;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.drug = drug;
        this.text = Objects.requireNonNull(text, "text");
        this.provenance = List.copyOf(provenance);
        this.action = action;
    }

    /**
     * {@link Kind#BLINDED_STUDY_DRUG}: {@code records} (in date order) give {@code drug} as a blinded study product,
     * {@code when} their span in words, {@code words} what says they are blinded.
     */
    public static DrugHistoryGap blindedStudyDrug(Drug drug, List<MedicationRecord> records, String when, String words) {
        return blindedStudyDrug(drug, records, when, words, null);
    }

    /**
     * The same, quoting {@code noteQuote} ("a note on MedicationAdministration/x says '...'"), a free-text note on the
     * records that may say the arm: it is shown so the board sees it, and not read (CDS-POLICY-BLINDED-STUDY-DRUG).
     */
    public static DrugHistoryGap blindedStudyDrug(Drug drug, List<MedicationRecord> records, String when, String words,
                                                  String noteQuote) {
        String name = drug.displayName();
        String first = records.get(0).getProvenance().isEmpty() ? "" : records.get(0).getProvenance().get(0).getReference();
        String named = records.size() == 1 ? first : first + " and " + (records.size() - 1) + " more";
        return new DrugHistoryGap(Kind.BLINDED_STUDY_DRUG, drug, name + " possibly given: " + named + " (" + when
                + ") record a blinded study product (" + words + "): the patient received " + name + " or a placebo and"
                + " no record says which, so exposure to " + name + ", naivety to it and refractoriness to it are"
                + " undecided; the line these records belong to stands (project policy CDS-POLICY-BLINDED-STUDY-DRUG)"
                + (noteQuote == null ? "" : "; " + noteQuote + ": notes are free text and are not read as the arm"
                        + " (project policy CDS-POLICY-BLINDED-STUDY-DRUG)"),
                Provenances.of(records));
    }

    /** {@link Kind#CYCLE_CHARTED_END}: the course charted once per cycle, and the progression its last cycle leaves open. */
    public static DrugHistoryGap cycleChartedEnd(DosingPeriod course, DiseaseStatus progression) {
        String name = course.getDrug().displayName();
        return new DrugHistoryGap(Kind.CYCLE_CHARTED_END, course.getDrug(), name
                + " refractoriness unknown: the progression " + progression.onDate() + " (" + Provenances.references(progression)
                + ") is within 60 days of some days its last dose may have fallen on and not of others: "
                + course.getCycleText() + " (" + lastOf(course) + ")", Provenances.of(course, progression));
    }

    /** "MedicationAdministration/pom-2026-06-29, the last of 15 records": the record a cycle-charted course ends on. */
    private static String lastOf(DosingPeriod course) {
        List<Provenance> p = course.getProvenance();
        Provenance last = p.stream().filter(x -> x.getDate() != null).max(java.util.Comparator.comparing(Provenance::getDate)
                .thenComparing(Provenance::getReference)).orElse(p.isEmpty() ? null : p.get(0));
        if (last == null) return "no record";
        return last.getReference() + (p.size() > 1 ? ", the last of " + p.size() + " records" : "");
    }

    /**
     * {@link Kind#PRECURSOR_PROGRESSION} ({@code surely}) or {@link Kind#PRECURSOR_PROGRESSION_DATES_UNSETTLED}: the
     * record given for the precursor and the first myeloma diagnosis, the only record of the progression.
     */
    public static DrugHistoryGap precursorProgression(OtherTherapy therapy, ClinicalCondition myeloma, boolean surely) {
        MedicationRecord r = therapy.getRecord();
        String name = r.getDrug().displayName();
        String precursor = therapy.getPrecursorText() == null ? "a plasma-cell precursor" : therapy.getPrecursorText();
        String course = "(" + Provenances.references(r) + ", " + PrecursorProgression.span(r) + ")";
        String open = "whether " + (surely ? "that" : "such a progression") + " makes the myeloma " + name
                + "-refractory is not settled by the evidence (project policy " + PrecursorProgression.policyFor(r.getDrug()) + ")";
        String text = surely
                ? name + " refractoriness unknown: progression to myeloma from " + precursor + " on " + name
                        + " or within 60 days of its last dose " + course + ", recorded only by "
                        + PrecursorProgression.diagnosis(myeloma) + ": " + open
                : name + " refractoriness unknown: progression to myeloma from " + precursor + ", recorded only by "
                        + PrecursorProgression.diagnosis(myeloma) + ", may have come on " + name + " or within 60 days of"
                        + " its last dose " + course + " or later, the dates do not settle which; and " + open;
        return new DrugHistoryGap(surely ? Kind.PRECURSOR_PROGRESSION : Kind.PRECURSOR_PROGRESSION_DATES_UNSETTLED,
                r.getDrug(), text, Provenances.of(therapy, myeloma));
    }

    /** A transplant line with no recorded drug therapy: the induction (and maintenance) is missing from the record. */
    public static DrugHistoryGap transplantWithoutInduction(PriorLine line) {
        String kinds = String.join(", ", line.getTransplants().stream().map(ProcedureKind::displayName).toList());
        // FINDINGS H4: the record as the line holds it (a mobilisation, each transplant on its own day), when given
        String holds = line.getTransplantRecordText() != null ? line.getTransplantRecordText()
                : "a transplant (" + kinds + ") on " + line.getStart();
        return new DrugHistoryGap(Kind.TRANSPLANT_WITHOUT_INDUCTION, null, "line " + line.getNumber() + " holds only " + holds
                + ", with no induction or other regimen recorded: the drugs given before"
                + " it, and so the number of lines, exposures and refractoriness, are unknown ("
                + Provenances.references(line) + ")", line.getProvenance());
    }

    /**
     * The first line begins at a transplant and its drugs all start on or after it (maintenance after an induction given
     * elsewhere): the induction that precedes a transplant (LOT-B15) is missing, so which drugs the patient had before,
     * and naivety to and refractoriness to them, are unknown. The line count itself stands: the induction belongs to the
     * transplant's line.
     */
    public static DrugHistoryGap inductionNotRecorded(PriorLine line) {
        String kinds = String.join(", ", line.getTransplants().stream().map(ProcedureKind::displayName).toList());
        String drugs = String.join(", ", line.getDrugs().stream().map(Drug::displayName).toList());
        return new DrugHistoryGap(Kind.TRANSPLANT_WITHOUT_INDUCTION, null, "line " + line.getNumber() + " begins at the "
                + kinds + " on " + line.getStart() + ": its drugs (" + drugs + ") all start on or after it, and no"
                + " induction is recorded before it, although a transplant follows induction in one planned sequence;"
                + " the drugs given before it, and so exposures, naivety and refractoriness to them, are unknown ("
                + Provenances.references(line) + ")", line.getProvenance());
    }

    /**
     * A given record of an anti-myeloma drug with no date (no effective[x], authoredOn or dispense date): it is in no
     * line, yet it may be the last line or lie between two recorded ones, so "refractory to the last line", the line
     * count and the drugs of each line are unsure.
     */
    public static DrugHistoryGap undatedTherapy(MedicationRecord record) {
        return new DrugHistoryGap(Kind.UNDATED_THERAPY, record.getDrug(), record.getDrug().displayName()
                + " was given at an unknown time (" + Provenances.references(record) + " " + record.getNoDateWords()
                + "): it may be the last"
                + " line of therapy or lie between two recorded lines, so refractoriness to the last line and the line"
                + " count are undecided", record.getProvenance());
    }

    /**
     * A drug given only at unknown times (every record of it undated, an undated {@link DrugExposure}): the patient is
     * exposed to it, but whether the disease progressed on it or within 60 days of its last dose (IMWG-C11) cannot be
     * read, so refractoriness to it is unknown, never "not refractory".
     */
    public static DrugHistoryGap undatedExposure(DrugExposure exposure) {
        if (exposure.isDated()) throw new IllegalArgumentException("dated exposure: " + exposure.getDrug());
        return new DrugHistoryGap(Kind.UNDATED_EXPOSURE, exposure.getDrug(), exposure.getDrug().displayName()
                + " refractoriness unknown: it was given " + exposure.getFromTo() + ", so whether the"
                + " disease progressed on it or within 60 days of its last dose cannot be read", exposure.getProvenance());
    }

    /**
     * A record of therapy the engine cannot name (THERAPY_UNCLASSIFIED, MEDICATION_UNIDENTIFIED): it may have been any
     * anti-myeloma drug, an anti-CD38 antibody included, so "naive to X", "not refractory to X" and the trial populations
     * defined by them are unsure. It cannot un-expose a recorded drug, so exposures already documented still stand.
     */
    public static DrugHistoryGap unknownTherapy(MedicationRecord record) {
        String named = Provenances.references(record) + " is therapy the engine cannot name" + (record.getStart() == null
                ? " (undated)" : " (from " + PartialDateText.of(record.getStart(), record.getStartLatest()) + ")");
        if (oralDoseFormOnly(record)) {
            return new DrugHistoryGap(Kind.UNKNOWN_THERAPY, null, named + ": its own words give an oral dose form, so it"
                    + " cannot have been an anti-CD38 antibody or another drug given only by infusion or injection"
                    + " (bortezomib, carfilzomib, elotuzumab, a bispecific antibody, CAR-T cells, belantamab), whose"
                    + " exposure and naivety stand as recorded; it may have been an oral anti-myeloma drug (an IMiD,"
                    + " ixazomib, selinexor, venetoclax, panobinostat, an oral alkylator), so naivety to and refractoriness"
                    + " to those are undecided (project policy CDS-POLICY-NO-DRUG-ORAL-FORM)",
                    record.getProvenance(), null, false, true);
        }
        return new DrugHistoryGap(Kind.UNKNOWN_THERAPY, null, named
                + ": it may have been any anti-myeloma drug, an anti-CD38 antibody included, so naivety to and"
                + " refractoriness to the drugs it could be are undecided", record.getProvenance());
    }

    /**
     * A record naming no drug whose own words give an oral dose form (read as taken by mouth, fhir/MedicationMapper;
     * CDS-POLICY-NO-DRUG-ORAL-FORM): it cannot hide a drug given only by infusion or injection.
     */
    public static boolean oralDoseFormOnly(MedicationRecord record) {
        return UnlistedNamedMedication.NAMES_NO_DRUG.equals(record.getDrug()) && record.getRoute() == Route.ORAL;
    }

    /**
     * Whether this gap may hide a drug of the class (a gap that hides drugs at all, {@code drug} null): one from a record
     * taken by mouth cannot hide a class given only by infusion or injection (CDS-POLICY-NO-DRUG-ORAL-FORM).
     */
    public boolean mayHideClass(DrugClass c) {
        return !oralOnly || !GivenOnlyByInjection.wholeClass(c);
    }

    /** As {@link #mayHideClass} for one drug. */
    public boolean mayHideDrug(Drug d) {
        return !oralOnly || !GivenOnlyByInjection.drug(d);
    }

    /** Whether the therapy this gap is about was taken by mouth (CDS-POLICY-NO-DRUG-ORAL-FORM). */
    public boolean isOralOnly() { return oralOnly; }

    /**
     * A statement of {@code record}'s drug with status "unknown": it may or may not have been taken, so it opens no line
     * and makes no exposure, and "naive to", "refractory to" and (for an anti-CD38 antibody) the washout from it are
     * undecided. {@code lastDose}: its latest possible last dose in words ("2026-08-20, 73 days before 2026-11-01"), or
     * null when it is undated.
     */
    public static DrugHistoryGap useUnknown(MedicationRecord record, String lastDose) {
        Drug d = record.getDrug();
        String when = record.getStart() == null ? "without a date"
                : PartialDateText.of(record.getStart(), record.getStartLatest())
                        + (record.getEnd() == null ? " (no end recorded)" : " to " + PartialDateText.of(record.getEndEarliest(), record.getEnd()));
        return new DrugHistoryGap(Kind.USE_UNKNOWN, d, d.displayName() + " use undecided: " + Provenances.references(record)
                + " records " + d.displayName() + " " + when + " with status 'unknown' (FHIR R4: the state of the medication"
                + " use is not currently known), so whether it was taken is undecided: it opens no line and makes no exposure,"
                + " and naivety to " + d.displayName() + " and refractoriness to it cannot be decided"
                + (d.isAntiCd38() && lastDose != null ? "; if it was taken, its last dose was on " + lastDose
                        + ", and the anti-CD38 washout would count from that day" : "")
                + " (project policy CDS-POLICY-HISTORY-STATUS-UNKNOWN)", record.getProvenance());
    }

    /**
     * A drug of a line that the statements whose use is unknown change when read as taken ({@link LineCountUncertain#isUseUnknownOnly}):
     * its line's window, and so refractoriness to it, is undecided; when the last line differs, so is refractoriness to
     * the last line ({@link #isMayBeLastLine}). The drugs of the lines both readings share are not named.
     */
    public static DrugHistoryGap useUnknownChangesLines(LineCountUncertain u, Drug drug) {
        LineCountUncertain.UseUnknownScope scope = Objects.requireNonNull(u.getUseUnknownScope(), "scope");
        String name = drug.displayName();
        return new DrugHistoryGap(Kind.LINES_CHANGED_BY_USE_UNKNOWN, drug, name + " refractoriness undecided: read as taken, "
                + String.join("; ", u.getUseUnknown()) + ", recorded with status 'unknown', would change "
                + String.join("; ", scope.changedLines()) + ", which gave " + name + ", so the line window its"
                + " refractoriness is judged by is undecided; the lines both readings share stay as placed (project policy"
                + " CDS-POLICY-HISTORY-STATUS-UNKNOWN)", u.getProvenance(), null, scope.lastLineChanged());
    }

    /**
     * A drug of a line that the other days a partial date can stand for change ({@link LineCountUncertain#isPartialDateOnly}):
     * its line's window, and so refractoriness to it, is undecided; when the last line differs, so is refractoriness to
     * the last line ({@link #isMayBeLastLine}). The drugs of the lines every reading holds are not named.
     */
    public static DrugHistoryGap partialDateChangesLines(LineCountUncertain u, Drug drug) {
        LineCountUncertain.UseUnknownScope scope = Objects.requireNonNull(u.getPartialDateScope(), "scope");
        String name = drug.displayName();
        return new DrugHistoryGap(Kind.LINES_CHANGED_BY_PARTIAL_DATE, drug, name + " refractoriness undecided: on another"
                + " day the partial date of " + String.join(", ", u.getRecords()) + " can stand for, the lines would change ("
                + String.join("; ", scope.changedLines()) + "), and one of them gave " + name + ", so the line window its"
                + " refractoriness is judged by is undecided; the lines every reading holds stay as placed (project policy"
                + " CDS-POLICY-RANGE-SCOPE)", u.getProvenance(), null, scope.lastLineChanged());
    }

    /**
     * A drug whose refractoriness the two readings of a window join may answer differently
     * ({@link LineCountUncertain#isWindowJoinOnly}): with the window-joined therapy part of its line, or a line of its own.
     */
    public static DrugHistoryGap windowJoinChangesLines(LineCountUncertain u, Drug drug) {
        LineCountUncertain.UseUnknownScope scope = Objects.requireNonNull(u.getWindowJoinScope(), "scope");
        String name = drug.displayName();
        return new DrugHistoryGap(Kind.LINES_CHANGED_BY_WINDOW_JOIN, drug, name + " refractoriness undecided: read as a"
                + " new line, the therapy that joined a line only by a day-count window would change the lines ("
                + String.join("; ", scope.changedLines()) + "), and a progression falls in the window of a line that gave "
                + name + " in some reading, so whether it is refractory depends on the reading; the drugs no reading can"
                + " make refractory stay decided (project policy CDS-POLICY-RANGE-SCOPE)", u.getProvenance(), null,
                scope.lastLineChanged());
    }

    /** A line count that depends on the partial date of a progression or a transplant: lines and line phases are unsure. */
    public static DrugHistoryGap lineCountUncertain(LineCountUncertain u) {
        return new DrugHistoryGap(Kind.LINE_COUNT_UNCERTAIN, null, u.describe(), u.getProvenance());
    }

    /**
     * The orders of {@code drug} not known to have been started that only add lines of their own
     * ({@link LineCountUncertain#isOrdersOnly}): whether the drug was given is undecided, so naivety to it and
     * refractoriness to it are; the other drugs' history is as the placed lines show it.
     */
    public static DrugHistoryGap orderNotStarted(LineCountUncertain u, Drug drug) {
        List<String> orders = u.ordersOf(drug);
        List<Provenance> mine = u.getProvenance().stream()
                .filter(p -> orders.stream().anyMatch(o -> o.startsWith(p.getReference() + " "))).toList();
        String name = drug.displayName();
        return new DrugHistoryGap(Kind.ORDER_NOT_STARTED, drug, name + " ordered, not known to be started ("
                + String.join("; ", orders) + ": not recorded as given, so counted as not started, project policy"
                + " CDS-POLICY-ORDERS-NOT-STARTED): whether " + name + " was given, and so naivety to " + name
                + " and refractoriness to it, is undecided"
                + (u.isOrderedMayBeLast() ? "; given, it would be a line of its own after the lines placed, the last line" : "")
                + "; the drugs of the placed lines are not changed by it",
                mine.isEmpty() ? u.getProvenance() : mine, null, u.isOrderedMayBeLast());
    }

    /**
     * {@link Kind#ORDER_NOT_STARTED}: read as given, the order would be the last line; {@link Kind#LINES_CHANGED_BY_USE_UNKNOWN}:
     * read as taken, the statements change the last line; {@link Kind#LINES_CHANGED_BY_PARTIAL_DATE}: on another day of
     * the partial date the last line differs (refractoriness to the last line undecided in each case).
     */
    public boolean isMayBeLastLine() { return mayBeLastLine; }

    /** A progression that may or may not fall in a course's refractory window, depending on a partial date. */
    public static DrugHistoryGap impreciseRefractoryWindow(DosingPeriod course, DiseaseStatus progression) {
        return new DrugHistoryGap(Kind.IMPRECISE_DATE, course.getDrug(), course.getDrug().displayName()
                + " refractoriness unknown: the progression " + progression.onDate() + " falls inside or outside"
                + " the 60-day window of the course " + PartialDateText.of(course.getStart(), course.getStartLatest())
                + " to " + PartialDateText.of(course.getEndEarliest(), course.getEnd())
                + (course.getSupplyNote() != null ? " depending on which supply figure of its last dispense holds: "
                        + course.getSupplyNote() : " depending on the day a partial date stands for")
                + " (" + Provenances.references(course) + "; " + Provenances.references(progression) + ")",
                Provenances.of(course, progression));
    }

    /**
     * A progression whose partial date ("2026-07") lies partly inside and partly outside the 60-day window of the line
     * that gave the drug: whether the line progressed on therapy, and so the drug is refractory, is unknown.
     */
    /** {@link Kind#LINE_AND_OWN_END_DISAGREE}: {@code convicted} is a drug the same progression makes refractory by the line. */
    public static DrugHistoryGap lineAndOwnEndDisagree(DosingPeriod course, PriorLine line, DiseaseStatus progression,
                                                       Drug convicted) {
        String name = course.getDrug().displayName();
        return new DrugHistoryGap(Kind.LINE_AND_OWN_END_DISAGREE, course.getDrug(), name + " refractoriness undecided: the"
                + " progression " + progression.onDate() + " falls within 60 days of the last dose of line "
                + line.getNumber() + " (" + line.getStart() + " to " + line.getShownEnd() + line.getDecidingEndNote()
                + "), which makes "
                + convicted.displayName() + " of the same line refractory, but " + (progression.getDay()
                - course.getEndDay()) + " days after " + name + "'s own recorded end on " + course.getEnd() + ": by its own"
                + " last dose it is not refractory (§1.2), by its line it is, and the record does not say which reading"
                + " holds (" + Provenances.references(course) + "; " + Provenances.references(progression) + ")",
                Provenances.of(course, line, progression));
    }

    /**
     * {@link Kind#LINE_AND_OWN_END_DISAGREE} for a course that ends on an order's authorised supply
     * (CDS-POLICY-AUTHORISED-END-LINE-DISAGREE): {@code convicted} is a drug of the same line refractory to the
     * progression by its own last dose, so the line progressed within 60 days of its last dose (issue 10: refractory by
     * the line), while the order's end lies more than 60 days before it (§1.2 by that end: not refractory). The text
     * names both readings and says that neither decided.
     */
    public static DrugHistoryGap authorisedEndAndLineDisagree(DosingPeriod course, PriorLine line, DiseaseStatus progression,
                                                            Drug convicted, LocalDate convictedLastDose) {
        String name = course.getDrug().displayName();
        return new DrugHistoryGap(Kind.LINE_AND_OWN_END_DISAGREE, course.getDrug(), name + " refractoriness undecided:"
                + " the drug-level reading (§1.2, its own last dose + 60 days) and the line-level reading (every drug of a"
                + " line that progressed within 60 days of the line's last dose) disagree, and neither decides. Line "
                + line.getNumber() + " (" + line.getStart() + " to " + line.getShownEnd() + ") progressed "
                + progression.onDate() + ", " + (progression.getDay() - convictedLastDose.toEpochDay()) + " days after its"
                + " last " + convicted.displayName() + " dose (" + convictedLastDose + "; " + convicted.displayName()
                + " refractory): by the line " + name + " is refractory. " + name + "'s record ends on "
                + course.getEnd() + ", " + (progression.getDay() - course.getEndDay()) + " days before the progression,"
                + " but that day is the end of its order's dispense authorisation (validity period or supply), not a"
                + " dose date, and nothing records that " + name + " was stopped: its last dose is not known ("
                + Provenances.references(course) + "; " + Provenances.references(progression)
                + "; project policy CDS-POLICY-AUTHORISED-END-LINE-DISAGREE)", Provenances.of(course, line, progression));
    }

    public static DrugHistoryGap impreciseLineWindow(DosingPeriod course, PriorLine line, DiseaseStatus progression) {
        return new DrugHistoryGap(Kind.IMPRECISE_DATE, course.getDrug(), course.getDrug().displayName()
                + " refractoriness unknown: the progression " + progression.onDate() + " falls during or within"
                + " 60 days after line " + line.getNumber() + " (" + line.getStart() + " to " + line.getShownEnd()
                + line.getDecidingEndNote() + "), which gave " + course.getDrug().displayName() + ", or later, depending on the day a partial date"
                + " stands for (" + Provenances.references(progression) + ")", Provenances.of(course, line, progression));
    }

    /**
     * A progression that may fall in the window of a course whose end is unknown (it ends on an open request the policy
     * does not read as ongoing, or on a completed or stopped record with only its date): whether the drug was still
     * given, or stopped within 60 days, when the disease progressed is unknown.
     */
    public static DrugHistoryGap therapyEndUnknown(DosingPeriod course, DiseaseStatus progression) {
        return new DrugHistoryGap(Kind.THERAPY_END_UNKNOWN, course.getDrug(), course.getDrug().displayName()
                + " refractoriness unknown: its course from " + PartialDateText.of(course.getStart(), course.getStartLatest())
                + " ends on a record that does not say when it stopped (its last dose fell on some day from "
                + course.getEndEarliest() + " to " + course.getEndLatest() + "), so whether it was still given, or stopped"
                + " within 60 days, at the progression " + progression.onDate() + " is not recorded ("
                + Provenances.references(course) + "; " + Provenances.references(progression) + ")",
                Provenances.of(course, progression));
    }

    /**
     * An assessment the engine cannot read as progression or not (DiseaseStatus#isPossibleProgression) that falls while
     * the drug was given, in its course or its line, or within 60 days after: if it says progression, the drug is
     * refractory. The text names the drug and the assessment only, so the course and the line rule give one gap.
     */
    public static DrugHistoryGap unreadableAssessment(Drug drug, DiseaseStatus status) {
        return new DrugHistoryGap(Kind.UNREADABLE_ASSESSMENT, drug, drug.displayName() + " refractoriness unknown: "
                + status.describeUncertainty() + ", falls while " + drug.displayName() + " was given or within 60 days"
                + " after its last dose; if it records progression the disease is refractory to it",
                status.getProvenance(), status.settleAction());
    }

    /**
     * Relapse documented only by an undated statement (myeloma coded in relapse, a Condition whose clinical status is
     * relapse) and no dated progression after the last line started: whether the relapse came on the drug of the last
     * line or within 60 days of its last dose (IMWG-C11) cannot be decided.
     */
    public static DrugHistoryGap relapseUndated(Drug drug, PriorLine line, java.util.Collection<?> signals) {
        return new DrugHistoryGap(Kind.RELAPSE_UNDATED, drug, drug.displayName() + " refractoriness unknown: relapse is"
                + " documented only without a date (" + RelapseSignal.texts(signals) + "), and no dated progression follows"
                + " the start of line " + line.getNumber() + " (from " + line.getStart() + "), which gave "
                + drug.displayName() + ": refractoriness needs the date of progression against the last dose plus 60 days",
                Provenances.of(line, signals));
    }

    /**
     * A line followed by another with no progression recorded between them and no disease-status assessment from the
     * line's start to 60 days after its last dose: the switch may have followed progression on the drug (refractory) or
     * intolerance (not), and the record shows neither (CDS-POLICY-SWITCH-UNASSESSED).
     */
    public static DrugHistoryGap switchUnassessed(DosingPeriod course, PriorLine line, PriorLine next,
                                                  java.util.Collection<ClinicalCondition> codedRelapses) {
        return new DrugHistoryGap(Kind.SWITCH_UNASSESSED, course.getDrug(), course.getDrug().displayName()
                + " refractoriness unknown: line " + line.getNumber() + " (" + line.getSpanText() + "), which gave "
                + course.getDrug().displayName() + ", was followed by line " + next.getNumber() + " from "
                + next.getStartText() + " with " + betweenLines(codedRelapses)
                + " and no disease-status assessment"
                + " while line " + line.getNumber() + " ran or within 60 days after its last dose, so whether the switch"
                + " followed progression on it or intolerance is not recorded (" + Provenances.references(course) + ")",
                Provenances.of(course, line));
    }

    /**
     * What lies between two lines when no progression is dated there: nothing, or a relapse coding written between them
     * (C90.02, a weak signal, §1.6 E) that says a relapse came but not when against the drug's last dose
     * (qa-bundles/FINDINGS.md G4).
     */
    public static String betweenLines(java.util.Collection<ClinicalCondition> codedRelapses) {
        if (codedRelapses == null || codedRelapses.isEmpty()) return "no progression recorded between them";
        ClinicalCondition first = codedRelapses.stream().min(java.util.Comparator.comparing(ClinicalCondition::getRecorded))
                .orElseThrow();
        return "no progression dated between them (myeloma was coded as in relapse by a record written on "
                + first.getRecordedText() + ", " + first.getCode() + ", " + Provenances.references(first) + ", which does"
                + " not date the relapse against the last dose)";
    }

    public Kind getKind() { return kind; }
    public Drug getDrug() { return drug; }
    public String getText() { return text; }
    /**
     * What would decide the gap, fitted to its cause (sweep s11 RL4): for an unreadable or preliminary assessment "record
     * the assessment with a coded, final answer", for a rise derived from the serum M-protein or the free light chains the
     * result that settles it ({@link DiseaseStatus#settleAction}); null when the gap rule words it itself.
     */
    public String getAction() { return action; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    @Override public boolean equals(Object o) {
        return o instanceof DrugHistoryGap g && kind == g.kind && Objects.equals(drug, g.drug) && text.equals(g.text);
    }
    @Override public int hashCode() { return Objects.hash(kind, drug, text); }
}
