package org.myelomacds.facts;

import java.time.LocalDate;

/**
 * The first myeloma diagnosis set beside a drug given for a precursor (smouldering myeloma, MGUS or AL amyloidosis:
 * {@link OtherTherapy.Decision#PRECURSOR}, an exposure that counts for refractoriness, issue 10 bullet 6). When no dated
 * disease-status assessment records the progression, the diagnosis is its only record: an onset while the drug ran or
 * within 60 days of its last dose is the timing of the IMWG refractory definition (IMWG-C11, clinical-evidence.md §1.2),
 * but whether progression from a precursor makes the myeloma refractory to the drug the evidence does not settle
 * (CDS-POLICY-RELCODE-PRECURSOR-PROGRESSION, CDS-POLICY-PRECURSOR-ANTI-CD38-PROGRESSION,
 * CDS-POLICY-PRECURSOR-BORTEZOMIB-PROGRESSION). The refractoriness rules (rules/derive/refractoriness.drl) and the partner
 * cautions (rules/flags/partner-drug.drl) read the same window from here, so the gap and the caution never disagree.
 */
public final class PrecursorProgression {
    private PrecursorProgression() {}

    /** A drug record given (not only planned) for a precursor. */
    public static boolean given(OtherTherapy o) {
        return o.getDecision() == OtherTherapy.Decision.PRECURSOR && o.getDrug() != null && o.getRecord() != null
                && !o.getRecord().isPlanned();
    }

    /**
     * Every day the dates allow puts the diagnosis within the surely given span of the record (its latest start to its
     * earliest end) or within {@value RefractoryWindow#DAYS} days of its last dose.
     */
    public static boolean surelyOnDrug(ClinicalCondition c, MedicationRecord r) {
        if (c.getOnset() == null || r.getStart() == null || r.getEnd() == null) return false;
        LocalDate from = r.getStartLatest() == null ? r.getStart() : r.getStartLatest();
        LocalDate to = r.getEndEarliest() == null ? r.getEnd() : r.getEndEarliest();
        return !c.getOnset().isBefore(from) && !c.getOnsetLatest().isAfter(to.plusDays(RefractoryWindow.DAYS));
    }

    /**
     * Some day the dates allow puts the diagnosis on the drug or within {@value RefractoryWindow#DAYS} days of its last dose, or the record lacks a
     * date needed to tell (no onset, no start, no end).
     */
    public static boolean possiblyOnDrug(ClinicalCondition c, MedicationRecord r) {
        if (c.getOnset() == null || r.getStart() == null || r.getEnd() == null) return true;
        return !c.getOnsetLatest().isBefore(r.getStart()) && !c.getOnset().isAfter(r.getEnd().plusDays(RefractoryWindow.DAYS));
    }

    /** The first myeloma diagnosis decides: {@code other} dated earlier than {@code c} is the one the precursor progressed to. */
    public static boolean diagnosedEarlier(ClinicalCondition other, ClinicalCondition c) {
        return other.getOnset() != null && c.getOnset() != null && other.getOnset().isBefore(c.getOnset());
    }

    /** One answer per drug when several of its records were given for the precursor: the first by reference speaks. */
    public static boolean recordBefore(OtherTherapy a, OtherTherapy b) {
        return Provenances.references(a.getRecord()).compareTo(Provenances.references(b.getRecord())) < 0;
    }

    /** The project policy that states the open question for this drug. */
    public static String policyFor(Drug drug) {
        if (drug.isAntiCd38()) return "CDS-POLICY-PRECURSOR-ANTI-CD38-PROGRESSION";
        if (Drug.BORTEZOMIB.equals(drug)) return "CDS-POLICY-PRECURSOR-BORTEZOMIB-PROGRESSION";
        return "CDS-POLICY-RELCODE-PRECURSOR-PROGRESSION";
    }

    /** "2022-01-10 to 2024-03-06", the record's span as the partner cautions print it. */
    public static String span(MedicationRecord r) {
        return PartialDateText.of(r.getStart(), r.getStartLatest()) + " to "
                + (r.getEnd() == null ? "an end not recorded"
                        : PartialDateText.of(r.getEndEarliest() == null ? r.getEnd() : r.getEndEarliest(), r.getEnd()));
    }

    /** "the diagnosis on 2024-03-08 (Condition/mm)", "in 2026-10", or "with no date". */
    public static String diagnosis(ClinicalCondition c) {
        return "the diagnosis " + (c.getOnset() == null ? "with no date"
                : (c.getOnset().equals(c.getOnsetLatest()) ? "on " : "in ") + c.getOnsetText())
                + " (" + Provenances.references(c) + ")";
    }
}
