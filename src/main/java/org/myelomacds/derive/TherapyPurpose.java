package org.myelomacds.derive;

import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.NoMyelomaUseMedication;
import org.myelomacds.facts.OtherTherapy;
import org.myelomacds.facts.OtherTherapy.Decision;
import org.myelomacds.facts.PartialDateText;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.TherapyReason;
import org.myelomacds.facts.UnidentifiedMedication;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which medication records and stem-cell transplants are therapy of the myeloma (project policy CDS-POLICY-OTHER-THERAPY; IMWG lines count
 * therapy of myeloma, LOT-B15). In this order:
 * <ol>
 *   <li>a record naming myeloma (any phase), plasma-cell leukaemia or plasmacytoma among its stated reasons is myeloma
 *       therapy, whatever else it names;</li>
 *   <li>{@link Decision#PRECURSOR}: its reasons name smouldering myeloma, MGUS or AL amyloidosis — an exposure (the drug
 *       counts for the anti-CD38 washout, refractoriness and prior-exposure criteria) but not a line;</li>
 *   <li>{@link Decision#STATED_REASON}: its reasons name another condition (a referenced Condition that is no
 *       plasma-cell disorder, or a code the terminology reads as one) — other therapy, no line;</li>
 *   <li>{@link Decision#BEFORE_DIAGNOSIS}: no stated reason, given and ended before the earliest dated diagnosis of
 *       myeloma or a precursor, while another cancer had been diagnosed by its last day — therapy of that cancer.
 *       Partial dates (an onset "2019", an end "2018-06") are intervals: decided only when every day they can stand
 *       for agrees; otherwise the record stays on the timeline and is {@link Undecided} (the timeline says whether
 *       the lines depend on it);</li>
 *   <li>{@link Decision#PRECURSOR} by dates: no stated reason, given while smouldering myeloma, MGUS or AL
 *       amyloidosis was on record and over before the first myeloma diagnosis — precursor therapy, an exposure
 *       (CDS-POLICY-PRECURSOR-DATES-01, {@link #precursorByDates}); undecided when that depends on a partial date;</li>
 *   <li>anything else (no reason, or only a bare code the engine does not recognise, such as "chemotherapy") is read
 *       as myeloma therapy, as before.</li>
 * </ol>
 * Transplants follow the same order, except that a reason the engine cannot classify leaves a transplant
 * {@link Undecided} rather than other therapy (see {@link #split(List, List, List, LocalDate)}).
 * Other therapy with an anti-CD38 antibody stays an exposure (project decision): the antibody's washout and its effect
 * on the indirect antiglobulin test do not depend on why it was given.
 */
public final class TherapyPurpose {
    /** The catalogue entry every decision cites. */
    public static final String POLICY = "CDS-POLICY-OTHER-THERAPY";

    /**
     * {@code myeloma}: records that make lines and exposures; {@code exposureOnly}: records that make exposures but no
     * line; {@code other}: every record or transplant that is not myeloma therapy, with its decision (exposure-only
     * ones included); {@code procedures}: the procedures the timeline reads (dialysis, planned and myeloma transplants,
     * and transplants whose purpose is undecided); {@code undecided}: records and transplants kept on the timeline whose
     * purpose the record leaves open — the timeline says whether the lines depend on them.
     */
    public record Split(List<MedicationRecord> myeloma, List<MedicationRecord> exposureOnly, List<OtherTherapy> other,
                        List<ProcedureRecord> procedures, List<Undecided> undecided) {
        public Split {
            myeloma = List.copyOf(myeloma);
            exposureOnly = List.copyOf(exposureOnly);
            other = List.copyOf(other);
            procedures = List.copyOf(procedures);
            undecided = List.copyOf(undecided);
        }

        public Split(List<MedicationRecord> myeloma, List<MedicationRecord> exposureOnly, List<OtherTherapy> other) {
            this(myeloma, exposureOnly, other, List.of(), List.of());
        }

        /** The records that describe exposure to a drug: myeloma therapy and exposure-only records. */
        public List<MedicationRecord> exposed() {
            List<MedicationRecord> all = new ArrayList<>(myeloma);
            all.addAll(exposureOnly);
            return List.copyOf(all);
        }
    }

    /**
     * A medication record or a transplant that may or may not be myeloma therapy: its stated reason is a condition the
     * engine cannot classify, or whether it came before the myeloma diagnosis depends on the day a partial date stands
     * for. It stays on the timeline as myeloma therapy; {@code text} names it and says why it is undecided.
     * {@code courseReason} is that why alone when it is the same for every record of the drug's course (shared
     * chemotherapy beside another cancer), so that a course is named once, not once per administration
     * ({@link UndecidedCourses}); null when the text is the record's own.
     */
    public record Undecided(MedicationRecord medication, ProcedureRecord procedure, String text,
                            List<Provenance> provenance, String courseReason) {
        public Undecided {
            provenance = List.copyOf(provenance);
        }

        public Undecided(MedicationRecord medication, ProcedureRecord procedure, String text, List<Provenance> provenance) {
            this(medication, procedure, text, provenance, null);
        }
    }

    private TherapyPurpose() {}

    public static Split split(List<MedicationRecord> records, List<ClinicalCondition> conditions, LocalDate asOf) {
        return split(records, List.of(), conditions, asOf);
    }

    /**
     * Medication records and procedures. A performed stem-cell transplant is judged as a medication record is, by
     * its stated reasons first: myeloma → a myeloma transplant; smouldering myeloma, MGUS or AL amyloidosis, or another
     * condition the terminology reads → other therapy (no line); only reasons the engine cannot classify (a
     * Condition it does not recognise, an unknown code) → undecided, since a transplant's purpose cannot be assumed;
     * no reason → done and its date over before the first plasma-cell diagnosis while another cancer was on record →
     * other therapy, otherwise a myeloma transplant.
     */
    public static Split split(List<MedicationRecord> records, List<ProcedureRecord> procedures,
                              List<ClinicalCondition> conditions, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<ClinicalCondition> confirmed = (conditions == null ? List.<ClinicalCondition>of() : conditions).stream()
                .filter(c -> c != null && !c.isPossible() && (c.getOnset() == null || !c.getOnset().isAfter(asOf)))
                .toList();
        Diagnosis first = Diagnosis.first(confirmed);
        List<MedicationRecord> myeloma = new ArrayList<>();
        List<MedicationRecord> exposureOnly = new ArrayList<>();
        List<OtherTherapy> other = new ArrayList<>();
        List<Undecided> undecided = new ArrayList<>();
        List<MedicationRecord> all = records == null ? List.of() : records.stream().filter(Objects::nonNull).toList();
        for (MedicationRecord r : all) {
            if (administrationOfRecordedDrug(r, all, asOf)) continue;
            if (unidentifiedBeforeDiagnosis(r, first, asOf)) continue;
            List<TherapyReason> reasons = r.getReasons();
            List<TherapyReason> precursors = reasons.stream().filter(TherapyReason::isPrecursor).toList();
            // A medication the engine cannot identify is decided by any reason that names another disease, a bare
            // ICD-10 code included (CDS-POLICY-UNIDENTIFIED-MEDICATION); a named drug only by a condition the
            // terminology reads or a referenced Condition (CDS-POLICY-OTHER-THERAPY).
            List<TherapyReason> others = reasons.stream().filter(UnidentifiedMedication.is(r.getDrug())
                    ? TherapyReason::isOtherConditionForUnidentified : TherapyReason::isOtherCondition).toList();
            boolean antiCd38 = r.getDrug().isAntiCd38();
            OtherTherapy decided = null;
            if (NoMyelomaUseMedication.is(r.getDrug())
                    && (others.isEmpty() || reasons.stream().anyMatch(TherapyReason::isMyeloma))) {
                // An antineoplastic with no use in myeloma is other therapy whatever else the record says: a myeloma
                // reason cannot make trastuzumab a line (CDS-POLICY-NO-MYELOMA-USE); another condition is decided below.
                decided = noMyelomaUse(r, reasons, confirmed, procedures);
            } else if (reasons.stream().anyMatch(TherapyReason::isMyeloma)) {
                decided = null;
            } else if (!precursors.isEmpty()) {
                decided = new OtherTherapy(r, Decision.PRECURSOR, true, "given for " + names(precursors)
                        + ": an exposure to " + r.getDrug().displayName() + " (washout, refractoriness), not a line of"
                        + " myeloma therapy", provenance(r.getProvenance(), reasons, List.of()), names(precursors));
            } else if (!others.isEmpty()) {
                decided = new OtherTherapy(r, Decision.STATED_REASON, antiCd38, "given for " + names(others)
                        + ", not for myeloma" + (antiCd38 ? "; as an anti-CD38 antibody it still counts for the anti-CD38"
                        + " washout" : ""), provenance(r.getProvenance(), reasons, List.of()));
            } else if (reasons.isEmpty() && first != null && r.getStart() != null && TherapyRecords.isGiven(r)
                    && !r.getStart().isAfter(asOf)) {
                Before before = before(TherapyRecords.earliestLastDay(r, asOf), TherapyRecords.lastDay(r, asOf), first, confirmed);
                if (before.surely() != null) {
                    ClinicalCondition c = before.surely();
                    decided = new OtherTherapy(r, Decision.BEFORE_DIAGNOSIS, antiCd38,
                            "given and ended before the first myeloma or precursor diagnosis (" + first.text()
                            + "), while " + cancer(c) + " was on record", provenance(r.getProvenance(), reasons, List.of(c)));
                } else if (before.possibly() != null) {
                    undecided.add(new Undecided(r, null, r.sourceReference() + " (" + r.getDrug().displayName() + " from "
                            + PartialDateText.of(r.getStart(), r.getStartLatest()) + "): " + before.why(first),
                            provenance(r.getProvenance(), reasons, List.of(before.possibly(), first.condition()))));
                } else {
                    // A transplant's conditioning is part of it, never asked about as another cancer's therapy (AA8).
                    OtherCancerOnRecord.OnRecord cancer = TransplantConditioning.of(r, procedures, asOf) ? null
                            : otherCancerOnRecord(r, first, confirmed, all, asOf);
                    PrecursorByDates precursor = cancer == null ? precursorByDates(r, confirmed, asOf) : null;
                    if (cancer != null) {
                        String why = "no stated reason; started after the myeloma diagnosis while " + cancer.text()
                                + ", and " + r.getDrug().displayName() + " is chemotherapy for other cancers"
                                + " too, so whether it was myeloma therapy is unknown (" + POLICY_UNDECIDED_CHEMO + ")";
                        undecided.add(new Undecided(r, null, r.sourceReference() + " (" + r.getDrug().displayName()
                                + " from " + PartialDateText.of(r.getStart(), r.getStartLatest()) + "): " + why,
                                provenance(r.getProvenance(), reasons, List.of(cancer.cancer(), first.condition())), why));
                    } else if (precursor != null && precursor.surely()) {
                        decided = new OtherTherapy(r, Decision.PRECURSOR, true, "no stated reason; given and ended before"
                                + " the first myeloma diagnosis (" + precursor.myelomaText() + ") while "
                                + precursor(precursor.precursor()) + " was on record: precursor therapy, an exposure to "
                                + r.getDrug().displayName() + " (washout, refractoriness), not a line of myeloma therapy ("
                                + POLICY_PRECURSOR_DATES + ")", provenance(r.getProvenance(), reasons,
                                List.of(precursor.precursor(), precursor.myeloma())), precursor(precursor.precursor()));
                    } else if (precursor != null) {
                        undecided.add(new Undecided(r, null, r.sourceReference() + " (" + r.getDrug().displayName()
                                + " from " + PartialDateText.of(r.getStart(), r.getStartLatest()) + "): no stated reason;"
                                + " whether it was given while " + precursor(precursor.precursor()) + " was on record and"
                                + " was over before the first myeloma diagnosis (" + precursor.myelomaText() + ") depends"
                                + " on the day a partial date stands for; if so it is precursor therapy, an exposure but"
                                + " not a line (" + POLICY_PRECURSOR_DATES + ")",
                                provenance(r.getProvenance(), reasons, List.of(precursor.precursor(), precursor.myeloma()))));
                    }
                }
            }
            if (decided == null) {
                myeloma.add(r);
            } else {
                other.add(decided);
                if (decided.isExposure()) exposureOnly.add(r);
            }
        }
        List<ProcedureRecord> kept = new ArrayList<>();
        for (ProcedureRecord p : procedures == null ? List.<ProcedureRecord>of() : procedures) {
            if (p == null) continue;
            if (!TherapyRecords.isPerformedTransplant(p)) {
                kept.add(p);
                continue;
            }
            List<TherapyReason> reasons = p.getReasons();
            List<TherapyReason> precursors = reasons.stream().filter(TherapyReason::isPrecursor).toList();
            List<TherapyReason> others = reasons.stream()
                    .filter(t -> !t.isMyeloma() && !t.isPrecursor() && t.kind() != null).toList();
            String what = p.sourceReference() + " (" + p.describe() + ")";
            // Only words suggest it was a transplant (sweep s12 RC3): kept on the timeline, its being a transplant
            // undecided, unless a stated reason makes it other therapy (the branches below).
            if (p.isPossibleTransplant() && precursors.isEmpty() && others.isEmpty()) {
                kept.add(p);
                undecided.add(new Undecided(null, p, what + ": whether it was a stem-cell transplant is unknown"
                        + " (project policy CDS-POLICY-RECORDS-TRANSPLANT-WORDS)", provenance(p.getProvenance(), reasons, List.of())));
                continue;
            }
            if (reasons.stream().anyMatch(TherapyReason::isMyeloma)) {
                kept.add(p);
            } else if (!precursors.isEmpty()) {
                other.add(new OtherTherapy(p, Decision.PRECURSOR, "done for " + names(precursors)
                        + ": not a line of myeloma therapy", provenance(p.getProvenance(), reasons, List.of())));
            } else if (!others.isEmpty()) {
                other.add(new OtherTherapy(p, Decision.STATED_REASON, "done for " + names(others)
                        + ", not for myeloma: not a myeloma transplant", provenance(p.getProvenance(), reasons, List.of())));
            } else if (!reasons.isEmpty()) {
                kept.add(p);
                undecided.add(new Undecided(null, p, what + ": its stated reason, " + names(reasons)
                        + ", is a condition the engine cannot classify, so whether it was a myeloma transplant is unknown",
                        provenance(p.getProvenance(), reasons, List.of())));
            } else if (first != null && p.getDate() != null && !p.getDate().isAfter(asOf)) {
                LocalDate latest = p.getLatest().isAfter(asOf) ? asOf : p.getLatest();
                Before before = before(p.getDate(), latest, first, confirmed);
                if (before.surely() != null) {
                    ClinicalCondition c = before.surely();
                    other.add(new OtherTherapy(p, Decision.BEFORE_DIAGNOSIS, "done before the first myeloma or precursor"
                            + " diagnosis (" + first.text() + "), while " + cancer(c) + " was on record: not a myeloma"
                            + " transplant", provenance(p.getProvenance(), reasons, List.of(c))));
                } else {
                    kept.add(p);
                    if (before.possibly() != null) {
                        undecided.add(new Undecided(null, p, what + ": " + before.why(first),
                                provenance(p.getProvenance(), reasons, List.of(before.possibly(), first.condition()))));
                    }
                }
            } else {
                kept.add(p);
            }
        }
        return new Split(myeloma, exposureOnly, other, kept, undecided);
    }

    /**
     * CDS-POLICY-NO-MYELOMA-USE: a record of an antineoplastic with no use in myeloma (its reason names no other
     * condition) is other therapy, no line and no exposure: of the other cancer on record and not abated when it started,
     * else of a condition the record does not state (the rules ask for it once per drug, GAP-THERAPY-120). Never
     * "possibly an anti-CD38 antibody": its name says what it is.
     */
    private static OtherTherapy noMyelomaUse(MedicationRecord r, List<TherapyReason> reasons, List<ClinicalCondition> conditions,
                                             List<ProcedureRecord> procedures) {
        // A stated reason the engine cannot classify (ITP coded D69.3) is still what the record says it was given for:
        // never that of a cancer that happens to be on record (sweep s19 W8).
        if (!reasons.isEmpty()) {
            return new OtherTherapy(r, Decision.NO_MYELOMA_USE, false, "given for its stated reason, " + names(reasons)
                    + " (a condition the engine does not classify): an antineoplastic with no use in myeloma, not myeloma therapy ("
                    + NoMyelomaUseMedication.POLICY + ")", provenance(r.getProvenance(), reasons, List.of()));
        }
        // Words on the record saying GVHD prophylaxis (mini-methotrexate after an allogeneic transplant) state what it was
        // given for as a reason does: nothing to ask (CDS-POLICY-GVHD-PROPHYLAXIS; sweep T part 2, Z2).
        if (r.getGvhdProphylaxisSign() != null) {
            return new OtherTherapy(r, Decision.NO_MYELOMA_USE, false, "its record says '" + r.getGvhdProphylaxisSign()
                    + "': prophylaxis of graft-versus-host disease after an allogeneic transplant, an antineoplastic with no"
                    + " use in myeloma, not myeloma therapy (" + NoMyelomaUseMedication.POLICY + ", CDS-POLICY-GVHD-PROPHYLAXIS)",
                    provenance(r.getProvenance(), reasons, List.of()));
        }
        // With no words, methotrexate dosed within days +1 to +11 after an allogeneic transplant dated to the day is
        // that transplant's GVHD prophylaxis by its schedule (CDS-POLICY-GVHD-PROPHYLAXIS; sweep U part 2, C6): nothing
        // to ask. On any other day it stays a drug whose reason is asked.
        ProcedureRecord allograft = allograftOfProphylaxisDay(r, procedures);
        if (allograft != null) {
            long day = ChronoUnit.DAYS.between(allograft.getDate(), r.getStart());
            return new OtherTherapy(r, Decision.NO_MYELOMA_USE, false, "given on day +" + day + " after the allogeneic"
                    + " transplant of " + allograft.getDateText() + ", within the days methotrexate is given as its GVHD"
                    + " prophylaxis (days +1, +3, +6 and +11): prophylaxis of graft-versus-host disease, part of the"
                    + " transplant, an antineoplastic with no use in myeloma, not myeloma therapy (" + NoMyelomaUseMedication.POLICY
                    + ", CDS-POLICY-GVHD-PROPHYLAXIS)", provenance(r.getProvenance(), reasons, List.of()));
        }
        ClinicalCondition cancer = r.getStart() == null ? null : cancerOnRecord(r.getStart(), conditions);
        String stated = "no stated reason; ";
        if (cancer != null) {
            return new OtherTherapy(r, Decision.NO_MYELOMA_USE, false, stated + "an antineoplastic with no use in myeloma,"
                    + " given while " + cancer(cancer) + " was on record and not abated: therapy of that cancer, not myeloma"
                    + " therapy (" + NoMyelomaUseMedication.POLICY + ")", provenance(r.getProvenance(), reasons, List.of(cancer)));
        }
        ClinicalCondition earlier = r.getStart() == null ? null : cancerDiagnosedBefore(r.getStart(), conditions);
        if (earlier != null) {
            // A cancer now in remission or resolved, with no abatement date, was diagnosed before the drug started: its
            // status today says nothing of when it stopped, and a drug of other cancers given after its diagnosis is
            // most plainly its therapy (qa-bundles/other-cancer-rchop-no-reason: rituximab for a DLBCL now in remission read as "no other cancer on record").
            return new OtherTherapy(r, Decision.NO_MYELOMA_USE, false, stated + "an antineoplastic with no use in myeloma,"
                    + " given after " + cancer(earlier) + " (recorded now as " + (earlier.getClinicalStatus() == null ? "of no status" : earlier.getClinicalStatus())
                    + ", no abatement date): therapy of that cancer, not myeloma therapy (" + NoMyelomaUseMedication.POLICY
                    + ")", provenance(r.getProvenance(), reasons, List.of(earlier)));
        }
        return new OtherTherapy(r, Decision.NO_MYELOMA_USE_REASON_UNKNOWN, false, stated + "an antineoplastic with no use in"
                + " myeloma and no other cancer on record when it started: other therapy, not a line of myeloma therapy and"
                + " no exposure of any myeloma class; what it was given for is not recorded (" + NoMyelomaUseMedication.POLICY
                + ")", provenance(r.getProvenance(), reasons, List.of()));
    }

    /**
     * The days after an allogeneic transplant within which methotrexate is given as its GVHD prophylaxis: the classic
     * schedule doses it on days +1, +3, +6 and +11, and a dose charted a day off still lies within day +1 to +11. Project
     * policy CDS-POLICY-GVHD-PROPHYLAXIS: clinical-evidence.md says nothing of GVHD prophylaxis, so the days are the
     * policy's, not a cited figure.
     */
    static final int GVHD_PROPHYLAXIS_FIRST_DAY = 1;
    static final int GVHD_PROPHYLAXIS_LAST_DAY = 11;

    /**
     * The allogeneic transplant, performed and dated to the day, within whose days +1 to +11 this one-day record of a
     * drug of {@code medication-gvhd-prophylaxis-by-schedule} (methotrexate) was given; null when there is none, when
     * the record spans more than one day or its day is imprecise (CDS-POLICY-GVHD-PROPHYLAXIS).
     */
    private static ProcedureRecord allograftOfProphylaxisDay(MedicationRecord r, List<ProcedureRecord> procedures) {
        if (!r.isGvhdProphylaxisByScheduleDrug() || procedures == null || r.getStart() == null) return null;
        if (r.getStartLatest() != null && !r.getStartLatest().equals(r.getStart())) return null;
        if (r.getEnd() != null && !r.getEnd().equals(r.getStart())) return null;
        for (ProcedureRecord p : procedures) {
            if (p == null || p.isPlanned() || p.isPossibleTransplant() || p.getDate() == null || p.isDateImprecise()
                    || p.getKind() != org.myelomacds.facts.ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT) continue;
            long day = ChronoUnit.DAYS.between(p.getDate(), r.getStart());
            if (day >= GVHD_PROPHYLAXIS_FIRST_DAY && day <= GVHD_PROPHYLAXIS_LAST_DAY) return p;
        }
        return null;
    }

    /** The catalogue entry for therapy with no stated reason read as precursor therapy by its dates. */
    public static final String POLICY_PRECURSOR_DATES = "CDS-POLICY-PRECURSOR-DATES-01";

    /**
     * A record read against a precursor by its dates: {@code precursor} the smouldering myeloma, MGUS or AL amyloidosis
     * on record, {@code myeloma} the first myeloma diagnosis; {@code surely} when every day the partial dates can stand
     * for agrees, otherwise the reading depends on them.
     */
    record PrecursorByDates(ClinicalCondition precursor, ClinicalCondition myeloma, LocalDate myelomaEarliest,
                            LocalDate myelomaLatest, boolean surely) {
        String myelomaText() {
            return (myelomaEarliest.equals(myelomaLatest) ? myelomaEarliest.toString()
                    : PartialDateText.of(myelomaEarliest, myelomaLatest)) + ", " + myeloma.sourceReference();
        }
    }

    /**
     * CDS-POLICY-PRECURSOR-DATES-01 (FINDINGS F4; issue 10 bullet 6): a given record of a catalogued anti-myeloma drug
     * or corticosteroid with no stated reason, started after smouldering myeloma, MGUS or AL amyloidosis was diagnosed
     * (and before that Condition abated) and over before the first myeloma diagnosis, is therapy of the precursor: an
     * exposure, not a line. Medication histories rarely carry a reason; the dates say it, as CDS-POLICY-CHEMO-OTHER-CANCER
     * reads them for another cancer. Partial dates are intervals: {@code surely} only when every day they can stand for
     * agrees; when only some do, the record stays on the timeline as undecided (the line count becomes a range). A
     * record running into the myeloma diagnosis, or with no dated myeloma or precursor diagnosis, is left as it was
     * (myeloma therapy). Null when no day the dates can stand for fits.
     */
    static PrecursorByDates precursorByDates(MedicationRecord r, List<ClinicalCondition> conditions, LocalDate asOf) {
        DrugClass c = r.getDrug().getDrugClass();
        if (!r.getDrug().isCatalogued() || !(c.isAntiMyelomaTherapy() || c == DrugClass.CORTICOSTEROID)) return null;
        List<ClinicalCondition> myeloma = conditions.stream().filter(k -> k.getOnset() != null
                && (k.getKind().isMultipleMyeloma() || k.getKind() == ConditionKind.PLASMA_CELL_LEUKEMIA
                    || k.getKind() == ConditionKind.PLASMACYTOMA)).toList();
        if (myeloma.isEmpty()) return null;
        ClinicalCondition firstMyeloma = myeloma.stream().min(Comparator.comparing(ClinicalCondition::getOnset)
                .thenComparing(ClinicalCondition::getOnsetLatest)).orElseThrow();
        LocalDate mmEarliest = firstMyeloma.getOnset();
        LocalDate mmLatest = myeloma.stream().map(ClinicalCondition::getOnsetLatest).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate lastLatest = TherapyRecords.lastDay(r, asOf);
        LocalDate lastEarliest = TherapyRecords.earliestLastDay(r, asOf);
        if (!lastEarliest.isBefore(mmLatest)) return null; // surely still given at (or after) the myeloma diagnosis
        boolean surelyBeforeMyeloma = lastLatest.isBefore(mmEarliest);
        ClinicalCondition surelyPrecursor = null;
        ClinicalCondition possiblyPrecursor = null;
        for (ClinicalCondition p : conditions.stream().filter(k -> k.getOnset() != null
                && (k.getKind() == ConditionKind.SMOLDERING_MYELOMA || k.getKind() == ConditionKind.MGUS
                    || k.getKind() == ConditionKind.AL_AMYLOIDOSIS)).sorted(Comparator.comparing(ClinicalCondition::getOnset)).toList()) {
            // An abatement before the drug started says the precursor was no longer on record then; a precursor
            // "resolved" with no date is most often the progression to myeloma, so it still counts.
            if (p.getAbatement() != null && p.getAbatementLatest().isBefore(r.getStart())) continue;
            boolean surely = !p.getOnsetLatest().isAfter(r.getStart()) && !p.getOnsetLatest().isAfter(mmEarliest)
                    && (p.getAbatement() == null || !p.getAbatement().isBefore(r.getStartLatest()));
            if (surely && surelyPrecursor == null) surelyPrecursor = p;
            if (possiblyPrecursor == null && !p.getOnset().isAfter(r.getStartLatest())) possiblyPrecursor = p;
        }
        if (surelyBeforeMyeloma && surelyPrecursor != null) {
            return new PrecursorByDates(surelyPrecursor, firstMyeloma, mmEarliest, mmLatest, true);
        }
        if (possiblyPrecursor == null) return null;
        return new PrecursorByDates(possiblyPrecursor, firstMyeloma, mmEarliest, mmLatest, false);
    }

    private static String precursor(ClinicalCondition c) {
        return (c.getDisplay() == null ? "a plasma-cell precursor" : c.getDisplay()) + " (" + c.sourceReference()
                + ", diagnosed " + c.getOnsetText() + ")";
    }

    /** The catalogue entry for chemotherapy of undecided purpose while another cancer is on record. */
    public static final String POLICY_UNDECIDED_CHEMO = "CDS-POLICY-CHEMO-OTHER-CANCER";

    /**
     * Cytotoxic classes given for many cancers (alkylators, anthracyclines, platinum, topoisomerase inhibitors, purine
     * analogues such as fludarabine, CDS-POLICY-TERMS3-FLUDARABINE, pyrimidine analogues such as cytarabine,
     * CDS-POLICY-RECORDS5-CYTARABINE, vinca alkaloids such as vincristine, CDS-POLICY-VINCA-IFOSFAMIDE), unlike
     * the classes the catalogue holds for myeloma alone (anti-CD38, IMiDs, proteasome inhibitors, ...): with no stated
     * reason, their purpose cannot be read from the drug while another cancer is being treated.
     */
    private static final java.util.Set<DrugClass> SHARED_CHEMOTHERAPY = java.util.EnumSet.of(DrugClass.ALKYLATOR,
            DrugClass.ANTHRACYCLINE, DrugClass.PLATINUM, DrugClass.TOPOISOMERASE_INHIBITOR, DrugClass.PURINE_ANALOGUE,
            DrugClass.PYRIMIDINE_ANALOGUE, DrugClass.VINCA_ALKALOID);

    /**
     * CDS-POLICY-CHEMO-OTHER-CANCER: a given record of shared chemotherapy with no stated reason, started on or after the
     * first myeloma or precursor diagnosis, while another cancer surely or possibly on record had not abated before it
     * started ({@link OtherCancerOnRecord}: a cancer in remission with no abatement date, or dated only by its
     * recordedDate, may have been): the other cancer whose therapy it may be; null otherwise. It stays on the timeline;
     * the timeline says whether the lines depend on it.
     */
    static OtherCancerOnRecord.OnRecord otherCancerOnRecord(MedicationRecord r, Diagnosis first,
                                                            List<ClinicalCondition> conditions,
                                                            List<MedicationRecord> all, LocalDate asOf) {
        if (!SHARED_CHEMOTHERAPY.contains(r.getDrug().getDrugClass()) || r.getStart().isBefore(first.earliest())) return null;
        return OtherCancerOnRecord.at(r, all, conditions, first.earliest(), asOf);
    }

    /**
     * Another cancer surely diagnosed by {@code start} with no abatement date, whatever its clinical status now (a
     * remission recorded today may have come after the drug); the latest diagnosed; else null.
     */
    private static ClinicalCondition cancerDiagnosedBefore(LocalDate start, List<ClinicalCondition> conditions) {
        return conditions.stream()
                .filter(c -> c.getKind() == ConditionKind.OTHER_MALIGNANCY && c.getOnset() != null
                        && !c.getOnsetLatest().isAfter(start) && c.getAbatement() == null)
                .max(Comparator.comparing(ClinicalCondition::getOnset)).orElse(null);
    }

    /** Another cancer diagnosed by {@code start} (surely) that had not abated before it; the latest diagnosed; else null. */
    private static ClinicalCondition cancerOnRecord(LocalDate start, List<ClinicalCondition> conditions) {
        return conditions.stream()
                .filter(c -> c.getKind() == ConditionKind.OTHER_MALIGNANCY && c.getOnset() != null
                        && !c.getOnsetLatest().isAfter(start)
                        && (c.getAbatement() == null ? c.isActive() : !c.getAbatement().isBefore(start)))
                .max(Comparator.comparing(ClinicalCondition::getOnset)).orElse(null);
    }

    /**
     * A medication the engine cannot identify ({@link UnidentifiedMedication}) with no stated reason that surely ended
     * before the first myeloma or precursor diagnosis (its latest possible last day before the diagnosis's earliest
     * possible day): outside the treatment period, so it cannot be myeloma therapy and is left off the timeline
     * (CDS-POLICY-UNIDENTIFIED-MEDICATION; it stays listed in findings.unrecognised). Undated, overlapping the diagnosis,
     * after it, or with no dated diagnosis: kept, since nothing shows it is not myeloma therapy.
     */
    static boolean unidentifiedBeforeDiagnosis(MedicationRecord r, Diagnosis first, LocalDate asOf) {
        // So is an unlisted drug read as possible anti-myeloma therapy only because it was given by infusion or injection
        // (CDS-POLICY-UNNAMED2-PARENTERAL) or taken on a regimen's schedule (CDS-POLICY-ORAL-REGIMEN): before the
        // diagnosis that says nothing of myeloma therapy.
        boolean unnamed = UnidentifiedMedication.is(r.getDrug())
                || org.myelomacds.facts.UnlistedNamedMedication.byRecordShape(r.getDrug());
        if (!unnamed || !r.getReasons().isEmpty() || first == null || r.getStart() == null
                || r.getStart().isAfter(asOf)) return false;
        return TherapyRecords.lastDay(r, asOf).isBefore(first.earliest());
    }

    /**
     * A chemotherapy Procedure that names no drug, on the day a recorded anti-myeloma drug was given (an administration
     * covering that day, or any record of the drug starting that day): the record of giving that drug (EHRs bill each
     * infusion as a procedure too), not therapy of unknown content. It is left out; the drug's own record places it.
     * A procedure inside a longer course (oral lenalidomide maintenance) is not absorbed: what was given that day is
     * not recorded.
     */
    static boolean administrationOfRecordedDrug(MedicationRecord r, List<MedicationRecord> all, LocalDate asOf) {
        if (r.getSource() != MedicationSource.PROCEDURE || r.getDrug().getDrugClass() != DrugClass.OTHER
                || r.getStart() == null || r.getStart().isAfter(asOf)) return false;
        LocalDate from = r.getStart();
        LocalDate to = r.getStartLatest();
        // CAR-T cells of unknown product are the record of a CAR-T given that day, never of its lymphodepletion or
        // another drug given the same day (CDS-POLICY-CART2-PROCEDURE).
        boolean cells = org.myelomacds.facts.CarTProductNotNamed.is(r.getDrug());
        return all.stream().anyMatch(o -> o.getSource() != MedicationSource.PROCEDURE && TherapyRecords.isGiven(o)
                && o.getDrug().getDrugClass().isAntiMyelomaTherapy()
                && (!cells || o.getDrug().getDrugClass() == DrugClass.CAR_T) && o.getStart() != null
                && !o.getStart().isAfter(asOf) && !o.getStart().isAfter(to)
                && (o.getSource() == MedicationSource.ADMINISTRATION ? !TherapyRecords.lastDay(o, asOf).isBefore(from)
                        : !o.getStartLatest().isBefore(from)));
    }

    /**
     * The first plasma-cell diagnosis as an interval: {@code earliest} the first day any onset can stand for,
     * {@code latest} the last day by which one surely happened (the smallest latest onset); {@code condition} the
     * diagnosis with the earliest onset.
     */
    private record Diagnosis(LocalDate earliest, LocalDate latest, ClinicalCondition condition) {
        static Diagnosis first(List<ClinicalCondition> confirmed) {
            List<ClinicalCondition> dated = confirmed.stream()
                    .filter(c -> plasmaCell(c.getKind()) && c.getOnset() != null).toList();
            if (dated.isEmpty()) return null;
            ClinicalCondition firstCondition = dated.stream().min(Comparator.comparing(ClinicalCondition::getOnset)
                    .thenComparing(ClinicalCondition::getOnsetLatest)).orElseThrow();
            LocalDate latest = dated.stream().map(ClinicalCondition::getOnsetLatest).min(Comparator.naturalOrder()).orElseThrow();
            return new Diagnosis(firstCondition.getOnset(), latest, firstCondition);
        }

        String text() { return earliest.equals(latest) ? earliest.toString() : PartialDateText.of(earliest, latest); }
    }

    /**
     * Whether therapy whose last day lies in [lastEarliest, lastLatest] came before the first diagnosis while another
     * cancer was on record: {@code surely} that cancer when every day the dates can stand for says so; otherwise
     * {@code possibly} the cancer when some days say so (the decision depends on a partial date); both null when no
     * day does.
     */
    private record Before(ClinicalCondition surely, ClinicalCondition possibly) {
        String why(Diagnosis first) {
            return "whether it was over before the first myeloma or precursor diagnosis (" + first.text() + ", "
                    + first.condition().sourceReference() + "), while " + cancer(possibly) + " was on record, depends on"
                    + " the day a partial date stands for; if so it is therapy of that cancer, not a line";
        }
    }

    private static Before before(LocalDate lastEarliest, LocalDate lastLatest, Diagnosis first,
                                 List<ClinicalCondition> conditions) {
        boolean surelyBefore = lastLatest.isBefore(first.earliest());
        boolean possiblyBefore = lastEarliest.isBefore(first.latest());
        if (!possiblyBefore) return new Before(null, null);
        List<ClinicalCondition> cancers = conditions.stream()
                .filter(c -> c.getKind() == ConditionKind.OTHER_MALIGNANCY && c.getOnset() != null)
                .sorted(Comparator.comparing(ClinicalCondition::getOnset)).toList();
        // Diagnosed by the therapy's last day on every reading, or on some.
        ClinicalCondition surelyOnRecord = cancers.stream().filter(c -> !c.getOnsetLatest().isAfter(lastEarliest))
                .findFirst().orElse(null);
        ClinicalCondition possiblyOnRecord = cancers.stream().filter(c -> !c.getOnset().isAfter(lastLatest))
                .findFirst().orElse(null);
        if (surelyBefore && surelyOnRecord != null) return new Before(surelyOnRecord, surelyOnRecord);
        return new Before(null, possiblyOnRecord);
    }

    private static String cancer(ClinicalCondition c) {
        return (c.getDisplay() == null ? "another cancer" : c.getDisplay()) + " (" + c.sourceReference() + ", diagnosed "
                + c.getOnsetText() + ")";
    }

    private static boolean plasmaCell(ConditionKind k) {
        return k.isMultipleMyeloma() || k.isPrecursorOrOtherPlasmaCellDisorder();
    }

    private static String names(List<TherapyReason> reasons) {
        return String.join(", ", reasons.stream().map(TherapyReason::describe).distinct().toList());
    }

    private static List<Provenance> provenance(List<Provenance> own, List<TherapyReason> reasons,
                                               List<ClinicalCondition> conditions) {
        TreeSet<Provenance> all = new TreeSet<>(own);
        for (ClinicalCondition c : conditions) all.addAll(c.getProvenance());
        for (TherapyReason reason : reasons) {
            if (reason.reference() != null) all.add(new Provenance(reason.reference(), null));
        }
        return List.copyOf(all);
    }
}
