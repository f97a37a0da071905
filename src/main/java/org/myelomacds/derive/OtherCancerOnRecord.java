package org.myelomacds.derive;

import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.NoMyelomaUseMedication;
import org.myelomacds.facts.PartialDateText;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The other cancer whose therapy shared chemotherapy with no stated reason may be (CDS-POLICY-CHEMO-OTHER-CANCER): the
 * test that keeps such a record's purpose undecided, so the line count is a range rather than a confident line.
 * Surely on record: diagnosed by the record's start (every day the onset can stand for) and not abated before it (with
 * no abatement date, still recorded as active). Possibly on record, when none is surely, each read as an interval:
 * <ul>
 *   <li>recorded now as in remission, resolved or inactive with no abatement date: the status today does not say when
 *       it stopped, and a treated cancer is most often in remission because of that therapy (Sweep Q, U3), unless its own
 *       therapy, stated for it, had ended before the start ({@link #treatedAndOverBefore}), or it was diagnosed before
 *       the first myeloma or precursor diagnosis and no therapy of it is recorded since ({@link #remoteAndUntreatedSince});</li>
 *   <li>dated only by its recordedDate (no onset): the entry was written then, the diagnosis may have come any time
 *       before, so it may have been on record when a course started that was still running when the entry was written,
 *       or had stopped no more than the 60-day break of one course before (Sweep Q, U4: a lymphoma entered after R-CHOP
 *       cycle 2);</li>
 *   <li>a partial onset or abatement that allows either reading.</li>
 * </ul>
 * A cancer that surely abated before the start, or surely diagnosed after it, is not on record.
 */
final class OtherCancerOnRecord {
    /** The cancer, and the words that say how it was on record when the therapy started. */
    record OnRecord(ClinicalCondition cancer, String text) {}

    /**
     * The years after a cancer's diagnosis in which a course with no stated reason may still be its therapy although the
     * record holds nothing else of it (CDS-POLICY-OTHER-CANCER-FOLLOW-UP: project policy, the conventional follow-up of a
     * treated cancer, not evidence).
     */
    static final int FOLLOW_UP_YEARS = 5;

    /** A break longer than this ends a course of one drug (the 60-day break of CDS-POLICY-BREAK-RESUMED-SUBSET). */
    private static final int COURSE_BREAK_DAYS = 60;

    private OtherCancerOnRecord() {}

    /**
     * The other cancer surely, else possibly, on record when {@code r} started; the latest diagnosed; else null.
     * {@code plasmaCellDiagnosis}: the earliest day of the first myeloma or precursor diagnosis.
     */
    static OnRecord at(MedicationRecord r, List<MedicationRecord> all, List<ClinicalCondition> conditions,
                       LocalDate plasmaCellDiagnosis, LocalDate asOf) {
        LocalDate start = r.getStart();
        List<ClinicalCondition> cancers = conditions.stream()
                .filter(c -> c.getKind() == ConditionKind.OTHER_MALIGNANCY && c.getOnset() != null)
                .sorted(Comparator.comparing(ClinicalCondition::getOnset).reversed()).toList();
        for (ClinicalCondition c : cancers) {
            if (!c.getOnsetLatest().isAfter(start)
                    && (c.getAbatement() == null ? c.isActive() : !c.getAbatement().isBefore(start))) {
                return new OnRecord(c, describe(c) + " was on record and not abated");
            }
        }
        LocalDate courseEnd = null;
        for (ClinicalCondition c : cancers) {
            if (c.getAbatement() != null && c.getAbatementLatest().isBefore(start)) continue; // surely over by then
            boolean diagnosedBy = !c.getOnset().isAfter(start);
            if (!diagnosedBy && !c.isOnsetStated()) {
                if (courseEnd == null) courseEnd = courseEnd(r, all, asOf);
                diagnosedBy = !c.getOnset().isAfter(courseEnd.plusDays(COURSE_BREAK_DAYS));
            }
            if (!diagnosedBy || treatedAndOverBefore(c, start, all, asOf)) continue;
            boolean remote = remoteAndUntreatedSince(c, plasmaCellDiagnosis, all, asOf);
            // The follow-up is measured to the day the course began, not to this record's own day: otherwise the
            // doses of one course given after the 5 years still form a confident line when its first doses are set
            // apart (sweep V, AA1: AC every 3 weeks begun 4.9 years after the breast cancer, its last two cycles after 5).
            if (remote && beyondFollowUp(c, courseStart(r, all, asOf))) continue;
            return new OnRecord(c, describe(c) + " may have been on record and not abated then (" + why(c, start)
                    + (remote ? "; no therapy of it is recorded since the myeloma diagnosis, but this course began within "
                            + FOLLOW_UP_YEARS + " years of its diagnosis (CDS-POLICY-OTHER-CANCER-FOLLOW-UP)" : "") + ")");
        }
        return null;
    }

    /**
     * A cancer recorded now as in remission (or resolved, inactive) with no abatement date, surely diagnosed before the
     * start, whose own therapy (records stating that Condition as their reason) had all ended before the start: the record
     * shows that cancer treated, and its status today is most plainly the outcome of that therapy, so a course begun
     * after it is not read as possibly its therapy (Sweep O, s18o-02: Cd for a myeloma progression 23 days after the last
     * R-CHOP cycle given for the lymphoma stays a myeloma line). A status the record dates, or therapy of it still going
     * on, is read as before.
     */
    private static boolean treatedAndOverBefore(ClinicalCondition c, LocalDate start, List<MedicationRecord> all, LocalDate asOf) {
        if (c.isActive() || c.getAbatement() != null || c.getOnsetLatest().isAfter(start)) return false;
        List<MedicationRecord> own = all.stream().filter(m -> m.getStart() != null && !m.getStart().isAfter(asOf)
                && TherapyRecords.isGiven(m) && m.getReasons().stream().anyMatch(t -> t.referenced()
                        && c.sourceReference().equals(t.reference()))).toList();
        return !own.isEmpty() && own.stream().allMatch(m -> TherapyRecords.lastDay(m, asOf).isBefore(start));
    }

    /**
     * A cancer recorded now as in remission (or resolved, inactive) with no abatement date, surely diagnosed before the
     * first myeloma or precursor diagnosis, with no therapy of it recorded on or after that diagnosis: the record shows a
     * cancer of the time before the plasma-cell disease and nothing of it since, so its status today is not read as
     * possibly under way when a myeloma salvage began (sweep s19 W4: a breast cancer of 2009 "remission" and a childhood
     * leukaemia of 1968 "inactive" made a 2024 cyclophosphamide salvage a range). The bound is what the record shows, not
     * a number of years: a cancer diagnosed on or after the plasma-cell diagnosis (Sweep Q, U3: a lymphoma diagnosed two
     * weeks before R-CHOP), or treated since it, is read as before. Such a cancer is set aside only for a course begun
     * beyond its follow-up ({@link #beyondFollowUp}).
     */
    private static boolean remoteAndUntreatedSince(ClinicalCondition c, LocalDate plasmaCellDiagnosis,
                                                   List<MedicationRecord> all, LocalDate asOf) {
        if (plasmaCellDiagnosis == null || c.isActive() || c.getAbatement() != null
                || !c.getOnsetLatest().isBefore(plasmaCellDiagnosis)) return false;
        return all.stream().noneMatch(m -> m.getStart() != null && !m.getStart().isAfter(asOf) && TherapyRecords.isGiven(m)
                && !TherapyRecords.lastDay(m, asOf).isBefore(plasmaCellDiagnosis) && therapyOf(m, c));
    }

    /**
     * Whether {@code start} falls more than {@link #FOLLOW_UP_YEARS} years after every day the cancer's onset can stand
     * for (CDS-POLICY-OTHER-CANCER-FOLLOW-UP). Within them, the status today does not say the cancer was over, and shared
     * chemotherapy with no reason given so soon after its diagnosis may be its own, whatever else the record holds of it
     * (Sweep U, B3: a breast cancer of 2018 "remission", its AC given in 2019 after the myeloma diagnosis, was a confident
     * first myeloma line).
     */
    private static boolean beyondFollowUp(ClinicalCondition c, LocalDate start) {
        return start.isAfter(c.getOnsetLatest().plusYears(FOLLOW_UP_YEARS));
    }

    /**
     * Whether the record is therapy of {@code c} as the record shows it: it states that Condition as its reason, or it is
     * an antineoplastic with no use in myeloma that states no reason or a code read as another cancer (CDS-POLICY-NO-MYELOMA-USE:
     * tamoxifen with no reason after a breast cancer is that cancer's therapy). Only other stated reasons (rituximab for an
     * ITP, a code the engine does not classify) say it was given for something else.
     */
    private static boolean therapyOf(MedicationRecord m, ClinicalCondition c) {
        boolean statedForIt = m.getReasons().stream().anyMatch(t -> t.referenced() && c.sourceReference().equals(t.reference()));
        return statedForIt || (NoMyelomaUseMedication.is(m.getDrug()) && (m.getReasons().isEmpty() || m.getReasons().stream()
                .anyMatch(t -> !t.referenced() && t.kind() == org.myelomacds.facts.ConditionKind.OTHER_MALIGNANCY)));
    }

    private static String why(ClinicalCondition c, LocalDate start) {
        List<String> why = new java.util.ArrayList<>();
        if (!c.isOnsetStated() && c.getOnset().isAfter(start)) {
            why.add("its entry was written while the course was given or soon after, so it may have been diagnosed"
                    + " before the course began");
        } else if (c.getOnsetLatest().isAfter(start)) {
            why.add("its onset " + c.getOnsetText() + " may fall before or after the start");
        }
        if (c.getAbatement() == null && !c.isActive()) {
            why.add("recorded now as " + (c.getClinicalStatus() == null ? "inactive" : c.getClinicalStatus())
                    + " with no abatement date, which does not say when it stopped");
        } else if (c.getAbatement() != null && c.getAbatement().isBefore(start)) {
            why.add("its abatement " + PartialDateText.of(c.getAbatement(), c.getAbatementLatest())
                    + " may fall before or after the start");
        }
        return String.join("; ", why);
    }

    private static String describe(ClinicalCondition c) {
        return (c.getDisplay() == null ? "another cancer" : c.getDisplay()) + " (" + c.sourceReference()
                + (c.isOnsetStated() ? ", diagnosed " + c.getOnsetText() : ", recorded " + c.getOnsetText() + " with no onset date")
                + ")";
    }

    /**
     * The first day of the course {@code r} belongs to: going back through the given records of its drug, each ending no
     * more than {@link #COURSE_BREAK_DAYS} before the course's first day so far (the mirror of {@link #courseEnd}).
     */
    static LocalDate courseStart(MedicationRecord r, List<MedicationRecord> all, LocalDate asOf) {
        List<MedicationRecord> same = all.stream().filter(m -> m.getDrug().equals(r.getDrug()) && m.getStart() != null
                        && m.getStart().isBefore(r.getStart()) && TherapyRecords.isGiven(m))
                .sorted(Comparator.comparing(MedicationRecord::getStart).reversed()).toList();
        LocalDate start = r.getStart();
        for (MedicationRecord m : same) {
            if (TherapyRecords.lastDay(m, asOf).plusDays(COURSE_BREAK_DAYS).isBefore(start)) break;
            start = m.getStart();
        }
        return start;
    }

    /**
     * The last day of the course {@code r} belongs to: going forward through the given records of its drug, each
     * starting no more than {@link #COURSE_BREAK_DAYS} after the course's last day so far.
     */
    private static LocalDate courseEnd(MedicationRecord r, List<MedicationRecord> all, LocalDate asOf) {
        List<MedicationRecord> same = all.stream().filter(m -> m.getDrug().equals(r.getDrug()) && m.getStart() != null
                        && !m.getStart().isBefore(r.getStart()) && !m.getStart().isAfter(asOf) && TherapyRecords.isGiven(m))
                .sorted(Comparator.comparing(MedicationRecord::getStart)).toList();
        LocalDate end = TherapyRecords.lastDay(r, asOf);
        for (MedicationRecord m : same) {
            if (m.getStart().isAfter(end.plusDays(COURSE_BREAK_DAYS))) break;
            LocalDate last = TherapyRecords.lastDay(m, asOf);
            if (last.isAfter(end)) end = last;
        }
        return end;
    }
}
