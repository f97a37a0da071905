package org.myelomacds.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.myelomacds.facts.AllergyRecord;
import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.CytogeneticFinding;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.Measurement;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.ParaproteinIsotype;
import org.myelomacds.facts.PatientDemographics;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.ProcedureKind;
import org.myelomacds.facts.ProcedureRecord;
import org.myelomacds.facts.TransplantEligibilityAssertion;
import org.myelomacds.facts.UnreadableInput;
import org.myelomacds.facts.UnrecognisedCode;
import org.myelomacds.evidence.terminology.Terminology;

/**
 * Collects the facts of one read; mutable only while mapping, then frozen into a {@link PatientRecord}. Carries the
 * terminology the codes are read with.
 */
final class RecordBuilder {
    final Terminology terminology;
    final List<ClinicalCondition> conditions = new ArrayList<>();
    final List<Measurement> measurements = new ArrayList<>();
    final List<DiseaseStatus> diseaseStatuses = new ArrayList<>();
    final List<TransplantEligibilityAssertion> transplantAssertions = new ArrayList<>();
    final List<MedicationRecord> medications = new ArrayList<>();
    final List<ProcedureRecord> procedures = new ArrayList<>();
    final List<AllergyRecord> allergies = new ArrayList<>();
    final List<org.myelomacds.facts.DrugIntolerance> intolerances = new ArrayList<>();
    final List<CytogeneticFinding> cytogenetics = new ArrayList<>();
    final List<ParaproteinIsotype> isotypes = new ArrayList<>();
    final List<UnreadableInput> unreadable = new ArrayList<>();
    final Map<String, Integer> skipped = new TreeMap<>();
    final List<UnrecognisedCode> unrecognised = new ArrayList<>();
    /** Medications the engine does not read as therapy whose words say stem-cell mobilisation (G-CSF, plerixafor). */
    final List<MobilisationSign> mobilisationSigns = new ArrayList<>();

    /** A G-CSF or plerixafor dose (or a record saying "mobilisation") given on {@code day}; {@code text} names it. */
    record MobilisationSign(java.time.LocalDate day, String text) {}

    /**
     * CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING: G-CSF or plerixafor is given with mobilising cyclophosphamide, from its
     * first day until the cells are collected, typically within two weeks (project window: 14 days after its last day).
     */
    static final int MOBILISING_AGENT_DAYS = 14;

    RecordBuilder(Terminology terminology) { this.terminology = terminology; }

    void skip(String what) { skipped.merge(what, 1, Integer::sum); }

    PatientRecord build(PatientDemographics patient) {
        return new PatientRecord(patient, conditions, measurements, diseaseStatuses, transplantAssertions,
                OralDrugTiming.select(withMobilisationSigns(medications, mobilisationSigns), diseaseStatuses,
                        unrecognised, this::skip),
                withoutRestatedTransplants(procedures), allergies, cytogenetics, isotypes, unreadable, skipped, unrecognised, intolerances);
    }

    /**
     * Cyclophosphamide given with a G-CSF or plerixafor dose from its first day to {@value #MOBILISING_AGENT_DAYS} days
     * after its last carries that dose as its mobilisation sign (CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING); the
     * timeline reads it only for cyclophosphamide given alone with no transplant yet recorded after it.
     */
    static List<MedicationRecord> withMobilisationSigns(List<MedicationRecord> records, List<MobilisationSign> signs) {
        if (signs.isEmpty()) return records;
        List<MedicationRecord> out = new ArrayList<>();
        for (MedicationRecord r : records) {
            MedicationRecord marked = r;
            if (org.myelomacds.facts.Drug.CYCLOPHOSPHAMIDE.equals(r.getDrug()) && r.getStart() != null) {
                java.time.LocalDate last = r.getEnd() != null && r.getEnd().isAfter(r.getStart()) ? r.getEnd() : r.getStart();
                for (MobilisationSign sign : signs.stream().sorted(java.util.Comparator.comparing(MobilisationSign::day)
                        .thenComparing(MobilisationSign::text)).toList()) {
                    if (!sign.day().isBefore(r.getStart()) && !sign.day().isAfter(last.plusDays(MOBILISING_AGENT_DAYS))) {
                        marked = r.withMobilisationSign(sign.text());
                        break;
                    }
                }
            }
            out.add(marked);
        }
        return out;
    }

    /**
     * A transplant recorded as a Procedure and again as a "history of transplant" Condition on the same day is one
     * transplant: the Condition's record is dropped when a Procedure's transplant of the same kind (or either of
     * unstated kind) has the same date.
     */
    static List<ProcedureRecord> withoutRestatedTransplants(List<ProcedureRecord> all) {
        List<ProcedureRecord> kept = new ArrayList<>();
        for (ProcedureRecord p : all) {
            boolean restated = fromCondition(p) && all.stream().anyMatch(q -> q != p && !fromCondition(q) && !q.isPossibleTransplant()
                    && q.isStemCellTransplant() && p.isStemCellTransplant() && java.util.Objects.equals(q.getDate(), p.getDate())
                    && (q.getKind() == p.getKind() || q.getKind() == ProcedureKind.STEM_CELL_TRANSPLANT
                        || p.getKind() == ProcedureKind.STEM_CELL_TRANSPLANT));
            if (!restated) kept.add(p);
        }
        return kept;
    }

    private static boolean fromCondition(ProcedureRecord p) {
        return p.getProvenance().stream().anyMatch(pr -> pr.getReference() != null && pr.getReference().startsWith("Condition/"));
    }
}
