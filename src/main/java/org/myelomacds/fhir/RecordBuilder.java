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

    RecordBuilder(Terminology terminology) { this.terminology = terminology; }

    void skip(String what) { skipped.merge(what, 1, Integer::sum); }

    PatientRecord build(PatientDemographics patient) {
        return new PatientRecord(patient, conditions, measurements, diseaseStatuses, transplantAssertions, medications,
                withoutRestatedTransplants(procedures), allergies, cytogenetics, isotypes, unreadable, skipped, unrecognised, intolerances);
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
