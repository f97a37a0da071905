package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.Statement;
import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.ConditionSeverity;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.PatientDemographics;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.Sex;
import org.myelomacds.facts.TestDrugs;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One outcome per trial population (issue 12 item 1): a population whose inclusion fails is shown FAILED with its reason
 * (FINDINGS W7), and no rationale says "Matches the … population" beside a score line that puts the patient outside it
 * or leaves it undecided (FINDINGS W10).
 */
class TrialPopulationOutcomeTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private static MedicationRecord course(Drug drug, String id, String start, String end) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.STATEMENT, "completed", false,
                LocalDate.parse(start), LocalDate.parse(end), null, false,
                new Provenance("MedicationStatement/" + id, LocalDate.parse(start)));
    }

    private static DiseaseStatus progression(String id, String date) {
        return new DiseaseStatus(DiseaseTrend.PROGRESSION, LocalDate.parse(date), new Provenance("Observation/" + id, LocalDate.parse(date)));
    }

    /** Three lines (VRd, KRd, IRd) with progression on the first two; the last line ends on {@code lastLineEnd}. */
    private static Assessment threeLines(String lastLineEnd) {
        List<MedicationRecord> meds = List.of(
                course(TestDrugs.BORTEZOMIB, "l1-v", "2019-03-04", "2019-05-27"),
                course(TestDrugs.LENALIDOMIDE, "l1-r", "2019-03-04", "2022-09-27"),
                course(TestDrugs.CARFILZOMIB, "l2-k", "2022-10-10", "2024-08-12"),
                course(TestDrugs.LENALIDOMIDE, "l2-r", "2022-10-10", "2024-08-12"),
                course(TestDrugs.IXAZOMIB, "l3-i", "2024-08-26", lastLineEnd),
                course(TestDrugs.LENALIDOMIDE, "l3-r", "2024-08-26", lastLineEnd));
        List<DiseaseStatus> statuses = List.of(progression("pd-1", "2022-09-20"), progression("pd-2", "2024-08-05"),
                progression("pd-3", "2026-09-12"));
        PatientDemographics patient = new PatientDemographics("p1", Sex.MALE, LocalDate.of(1952, 3, 1), 74,
                new Provenance("Patient/p1", null));
        ClinicalCondition mm = new ClinicalCondition(ConditionKind.MULTIPLE_MYELOMA, ConditionSeverity.UNSPECIFIED, null,
                true, LocalDate.of(2019, 1, 28), "http://snomed.info/sct|109989006", "Multiple myeloma",
                new Provenance("Condition/mm", LocalDate.of(2019, 1, 28)));
        PatientRecord record = new PatientRecord(patient, List.of(mm), List.of(), statuses, List.of(), meds, List.of(),
                List.of(), List.of(), List.of(), List.of(), Map.of());
        return new Evaluator(Samples.rulebase(CompileMode.DRL)).evaluate(record, new EvaluationContext(AS_OF, Jurisdiction.US));
    }

    private static Recommendation recommendation(Assessment a, String regimen) {
        return a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).findFirst()
                .orElseThrow(() -> new AssertionError(regimen + " not recommended"));
    }

    private static List<Statement> population(Recommendation r, String criterion) {
        return r.rationale().stream().filter(s -> s.criterion().equals(criterion)).toList();
    }

    @Test
    void lastLineStoppedLongBeforeTheProgressionIsOutsideIcariaWithTheReason() {
        Recommendation isaPd = recommendation(threeLines("2024-11-10"), "ISA_PD");
        List<Statement> icaria = population(isaPd, "icaria-population");
        assertEquals(1, icaria.size(), isaPd.rationale().toString());
        assertEquals("FAILED", icaria.get(0).outcome());
        assertEquals("ISA-PD-TRIAL-05", icaria.get(0).rule());
        assertTrue(icaria.get(0).text().contains("not refractory to the last line"), icaria.get(0).text());
        // counted as a trial that excluded the patient, not as a regimen without one
        assertTrue(isaPd.scoreComponents().stream().anyMatch(s -> s.rule().equals("RANK-POPULATION-01")), isaPd.scoreComponents().toString());
        assertTrue(isaPd.scoreComponents().stream().noneMatch(s -> s.rule().equals("RANK-TRIAL-ICARIA")));
    }

    /**
     * Near miss: progression 3 days before the end of the last line is refractory to it, so the ICARIA-MM inclusion is
     * met. This record holds no renal result (ICARIA-MM has a renal floor, TRIAL-RENAL-01), so the one outcome is
     * "undecided", stated once and never as "Matches".
     */
    @Test
    void nearMissProgressionOnTheLastLineMeetsTheIcariaInclusion() {
        Recommendation isaPd = recommendation(threeLines("2026-09-15"), "ISA_PD");
        List<Statement> icaria = population(isaPd, "icaria-population");
        assertEquals(1, icaria.size(), isaPd.rationale().toString());
        assertEquals("UNKNOWN", icaria.get(0).outcome());
        assertEquals("RANK-POPULATION-05", icaria.get(0).rule());
        assertTrue(icaria.get(0).text().startsWith("ICARIA-MM population undecided"), icaria.get(0).text());
        assertTrue(icaria.get(0).text().contains("inclusion criteria read here are met"), icaria.get(0).text());
        assertTrue(isaPd.scoreComponents().stream().anyMatch(s -> s.rule().equals("RANK-POPULATION-02")), isaPd.scoreComponents().toString());
    }

    /**
     * Across every sample and both jurisdictions: a met trial population and a score line saying the patient is outside
     * it (or that it is undecided) never stand side by side, and each population id is stated once per regimen.
     */
    @Test
    void noSampleSaysMatchesBesideOutsideOrUndecided() {
        List<String> contradictions = new ArrayList<>();
        for (Path bundle : Samples.bundles()) {
            for (Jurisdiction j : Jurisdiction.values()) {
                Assessment a = Samples.evaluate(bundle, j, CompileMode.DRL);
                for (Recommendation r : a.recommendations()) {
                    boolean outside = r.scoreComponents().stream().anyMatch(s -> s.rule().startsWith("RANK-POPULATION-"));
                    for (Statement s : r.rationale()) {
                        if (!"TRIAL_POPULATION".equals(s.kind())) continue;
                        if ("MET".equals(s.outcome()) && outside) {
                            contradictions.add(bundle.getFileName() + " " + j + " " + r.regimen() + ": " + s.text());
                        }
                        if (s.criterion().endsWith("-population") && population(r, s.criterion()).size() != 1) {
                            contradictions.add(bundle.getFileName() + " " + j + " " + r.regimen() + ": " + s.criterion() + " stated more than once");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), contradictions);
    }
}
