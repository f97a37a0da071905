package org.myelomacds.engine;

import org.myelomacds.facts.TestDrugs;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.ConditionSeverity;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.facts.Measurement;
import org.myelomacds.facts.MeasurementKind;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.PatientDemographics;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.Sex;
import org.myelomacds.scenario.Samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The derive/ rules on hand-built facts: refractoriness windows, washout days and bands, renal bands. */
class DerivedConceptRulesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private static MedicationRecord course(Drug drug, String id, LocalDate start, LocalDate end) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.STATEMENT, "completed", false, start, end,
                null, false, new Provenance("MedicationStatement/" + id, start));
    }

    private static DiseaseStatus progression(String id, LocalDate date) {
        return new DiseaseStatus(DiseaseTrend.PROGRESSION, date, new Provenance("Observation/" + id, date));
    }

    private static Assessment evaluate(List<MedicationRecord> meds, List<DiseaseStatus> statuses, List<Measurement> labs) {
        return evaluate(new PatientDemographics("p1", Sex.FEMALE, LocalDate.of(1956, 5, 1), 70,
                new Provenance("Patient/p1", null)), meds, statuses, labs);
    }

    private static Assessment evaluate(PatientDemographics patient, List<MedicationRecord> meds, List<DiseaseStatus> statuses,
                                       List<Measurement> labs) {
        ClinicalCondition mm = new ClinicalCondition(ConditionKind.MULTIPLE_MYELOMA, ConditionSeverity.UNSPECIFIED, null,
                true, LocalDate.of(2020, 1, 1), "http://snomed.info/sct|109989006", "Multiple myeloma",
                new Provenance("Condition/mm", LocalDate.of(2020, 1, 1)));
        PatientRecord record = new PatientRecord(patient, List.of(mm), labs, statuses, List.of(), meds, List.of(),
                List.of(), List.of(), List.of(), List.of(), Map.of());
        return new Evaluator(Samples.rulebase(CompileMode.DRL)).evaluate(record, new EvaluationContext(AS_OF, Jurisdiction.US));
    }

    private static List<String> refractoryDrugs(Assessment a) {
        List<String> out = new ArrayList<>();
        a.findings().refractoriness().forEach(i -> out.add(i.code()));
        return out;
    }

    @Test
    void progressionFiftyNineDaysAfterTheLastDoseIsRefractory() {
        LocalDate end = LocalDate.of(2025, 1, 1);
        Assessment a = evaluate(List.of(course(TestDrugs.LENALIDOMIDE, "len", LocalDate.of(2024, 1, 1), end)),
                List.of(progression("pd", end.plusDays(59))), List.of());
        assertEquals(List.of("LENALIDOMIDE"), refractoryDrugs(a));
        assertTrue(a.findings().refractoriness().get(0).text().contains("59 days after"), a.findings().refractoriness().get(0).text());
    }

    @Test
    void progressionSixtyOneDaysAfterTheLastDoseIsNotRefractory() {
        LocalDate end = LocalDate.of(2025, 1, 1);
        Assessment a = evaluate(List.of(course(TestDrugs.LENALIDOMIDE, "len", LocalDate.of(2024, 1, 1), end)),
                List.of(progression("pd", end.plusDays(61))), List.of());
        assertEquals(List.of(), refractoryDrugs(a));
    }

    @Test
    void aProgressionBetweenTwoSeparateCoursesOfADrugIsNotRefractoryToIt() {
        Assessment a = evaluate(List.of(
                        course(TestDrugs.BORTEZOMIB, "vrd", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 1)),
                        course(TestDrugs.LENALIDOMIDE, "rd", LocalDate.of(2022, 1, 1), LocalDate.of(2023, 5, 1)),
                        course(TestDrugs.BORTEZOMIB, "dvd", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1))),
                List.of(progression("pd-on-rd", LocalDate.of(2023, 4, 1))), List.of());
        assertEquals(List.of("LENALIDOMIDE"), refractoryDrugs(a), "the 2023 progression was on lenalidomide, not bortezomib");
    }

    @Test
    void washoutIsDaysFromTheLastAntiCd38DoseToAsOfInItsBand() {
        LocalDate last = AS_OF.minusDays(89);
        Findings.Washout w = evaluate(List.of(course(TestDrugs.DARATUMUMAB, "dara", LocalDate.of(2025, 1, 1), last)),
                List.of(), List.of()).findings().antiCd38Washout();
        assertEquals(89, w.days());
        assertEquals("SHORT", w.band());
        Findings.Washout w90 = evaluate(List.of(course(TestDrugs.ISATUXIMAB, "isa", LocalDate.of(2025, 1, 1), AS_OF.minusDays(90))),
                List.of(), List.of()).findings().antiCd38Washout();
        assertEquals("INTERMEDIATE", w90.band());
        Findings.Washout w180 = evaluate(List.of(course(TestDrugs.ISATUXIMAB, "isa", LocalDate.of(2025, 1, 1), AS_OF.minusDays(180))),
                List.of(), List.of()).findings().antiCd38Washout();
        assertEquals("ADEQUATE", w180.band());
        assertNull(evaluate(List.of(), List.of(), List.of()).findings().antiCd38Washout());
    }

    @Test
    void renalFunctionIsBandedAndAMissingResultIsAGapNotNormal() {
        Measurement egfr = new Measurement(MeasurementKind.EGFR, 29.0, null, "MDRD", false, AS_OF.minusDays(10),
                List.of(new Provenance("Observation/egfr", AS_OF.minusDays(10))));
        Assessment a = evaluate(List.of(), List.of(), List.of(egfr));
        assertEquals("SEVERE", a.findings().renal().get(0).category());
        assertFalse(a.findings().renal().get(0).stale());
        Assessment none = evaluate(List.of(), List.of(), List.of());
        assertTrue(none.dataGaps().stream().anyMatch(g -> g.code().equals("RENAL_FUNCTION_UNKNOWN")));
        Measurement old = new Measurement(MeasurementKind.EGFR, 70.0, null, "MDRD", false, AS_OF.minusDays(91),
                List.of(new Provenance("Observation/egfr-old", AS_OF.minusDays(91))));
        Assessment stale = evaluate(List.of(), List.of(), List.of(old));
        assertTrue(stale.findings().renal().get(0).stale());
        assertTrue(stale.dataGaps().stream().anyMatch(g -> g.code().equals("RENAL_RESULT_STALE")));
    }

    @Test
    void aMissingBirthDateIsADataGapAndTransplantEligibilityStaysUndetermined() {
        PatientDemographics noBirthDate = new PatientDemographics("p2", Sex.MALE, null, null, new Provenance("Patient/p2", null));
        Assessment a = evaluate(noBirthDate, List.of(), List.of(), List.of());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("AGE_UNKNOWN") && g.wouldAffect().size() == 11));
        assertEquals("UNKNOWN", a.setting(), "newly diagnosed with no age and no transplant statement");
        assertTrue(a.findings().transplantEligibility().value().startsWith("UNKNOWN"));
    }

    private static MedicationRecord dose(Drug drug, String id, LocalDate day) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.ADMINISTRATION, "completed", false, day, day,
                null, false, new Provenance("MedicationAdministration/" + id, day));
    }

    @Test
    void sparseDaratumumabDosesInADvdLineThatProgressedAreAntiCd38RefractoryByTheLine() {
        // D-Vd: bortezomib to 2025-06-30; daratumumab recorded only three times, the last 2025-03-03; progression on
        // 2025-07-15 is 15 days after the line's last dose but 134 days after the last recorded daratumumab dose
        List<MedicationRecord> meds = List.of(course(TestDrugs.BORTEZOMIB, "v", LocalDate.of(2025, 1, 6), LocalDate.of(2025, 6, 30)),
                dose(TestDrugs.DARATUMUMAB, "dara-1", LocalDate.of(2025, 1, 6)),
                dose(TestDrugs.DARATUMUMAB, "dara-2", LocalDate.of(2025, 2, 3)),
                dose(TestDrugs.DARATUMUMAB, "dara-3", LocalDate.of(2025, 3, 3)));
        Assessment a = evaluate(meds, List.of(progression("pd", LocalDate.of(2025, 7, 15))), List.of());
        assertEquals(List.of("DARATUMUMAB", "BORTEZOMIB"), refractoryDrugs(a));
        String dara = a.findings().refractoriness().stream().filter(i -> i.code().equals("DARATUMUMAB")).findFirst()
                .orElseThrow().text();
        assertTrue(dara.contains("15 days after the last dose of line 1"), dara);
        assertTrue(a.flags().stream().anyMatch(f -> f.code().equals("ANTI_CD38_REFRACTORY")));

        // near miss: the line's last dose more than 60 days before the progression
        Assessment late = evaluate(meds, List.of(progression("pd", LocalDate.of(2025, 8, 30))), List.of());
        assertEquals(List.of(), refractoryDrugs(late));
    }

    @Test
    void progressionOnLenalidomideMaintenanceDoesNotMakeTheBortezomibInductionRefractory() {
        // induction recorded as administrations (no stated end): only the final phase is refractory by the line
        List<MedicationRecord> meds = List.of(
                dose(TestDrugs.BORTEZOMIB, "v-1", LocalDate.of(2023, 1, 9)),
                dose(TestDrugs.BORTEZOMIB, "v-2", LocalDate.of(2023, 5, 20)),
                dose(TestDrugs.LENALIDOMIDE, "r-1", LocalDate.of(2023, 1, 9)),
                dose(TestDrugs.LENALIDOMIDE, "r-2", LocalDate.of(2023, 5, 20)),
                course(TestDrugs.LENALIDOMIDE, "r-maint", LocalDate.of(2023, 10, 2), LocalDate.of(2025, 9, 1)));
        org.myelomacds.facts.ProcedureRecord asct = new org.myelomacds.facts.ProcedureRecord(
                org.myelomacds.facts.ProcedureKind.AUTOLOGOUS_STEM_CELL_TRANSPLANT, LocalDate.of(2023, 7, 10), false, null,
                new Provenance("Procedure/asct", LocalDate.of(2023, 7, 10)));
        Assessment a = evaluateWithProcedures(meds, List.of(asct), List.of(progression("pd", LocalDate.of(2025, 8, 20))));
        assertEquals(List.of("LENALIDOMIDE"), refractoryDrugs(a));
        // near miss: progression within 60 days of the transplant, before maintenance: the whole line is refractory
        List<MedicationRecord> noMaint = meds.subList(0, 4);
        Assessment early = evaluateWithProcedures(noMaint, List.of(asct), List.of(progression("pd", LocalDate.of(2023, 8, 20))));
        assertEquals(List.of("LENALIDOMIDE", "BORTEZOMIB"), refractoryDrugs(early));
    }

    @Test
    void aDrugWhoseRecordStatesItStoppedLongBeforeTheProgressionIsJudgedByItsOwnCourse() {
        // VRd, bortezomib stopped by its record after 6 months, lenalidomide continued for years without a transplant
        List<MedicationRecord> stated = List.of(
                course(TestDrugs.BORTEZOMIB, "v", LocalDate.of(2022, 2, 21), LocalDate.of(2022, 8, 1)),
                course(TestDrugs.LENALIDOMIDE, "r", LocalDate.of(2022, 2, 21), LocalDate.of(2026, 9, 14)));
        Assessment a = evaluate(stated, List.of(progression("pd", LocalDate.of(2026, 9, 10))), List.of());
        assertEquals(List.of("LENALIDOMIDE"), refractoryDrugs(a));
        // the same as administrations: four years of lenalidomide after the last bortezomib dose make its stop evident
        // (CDS-POLICY-LINEREFR-STOP-EVIDENT), so the answer no longer flips with the record type (FINDINGS E3)
        List<MedicationRecord> sparse = List.of(dose(TestDrugs.BORTEZOMIB, "v-1", LocalDate.of(2022, 2, 21)),
                dose(TestDrugs.BORTEZOMIB, "v-2", LocalDate.of(2022, 8, 1)), stated.get(1));
        Assessment b = evaluate(sparse, List.of(progression("pd", LocalDate.of(2026, 9, 10))), List.of());
        assertEquals(List.of("LENALIDOMIDE"), refractoryDrugs(b));
        // near miss: progression 136 days after the last recorded bortezomib dose: not long enough to tell a stop from
        // sparse charting, so the line decides (issue 10 item 2)
        Assessment c = evaluate(sparse, List.of(progression("pd", LocalDate.of(2022, 12, 15))), List.of());
        assertEquals(List.of("LENALIDOMIDE", "BORTEZOMIB"), refractoryDrugs(c));
    }

    @Test
    void aDrugWhoseAdministrationsStopWhileTheLineGoesOnForYearsIsJudgedByItsOwnLastDose() {
        // KRd x8 charted as carfilzomib administrations every 14 days, then lenalidomide maintenance for three years and a
        // progression on it: §1.2 judges carfilzomib by its own last dose (FINDINGS E3, CDS-POLICY-LINEREFR-STOP-EVIDENT)
        List<MedicationRecord> meds = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            meds.add(dose(TestDrugs.CARFILZOMIB, "k-" + i, LocalDate.of(2023, 1, 9).plusDays(14L * i)));
        }
        meds.add(course(TestDrugs.LENALIDOMIDE, "r", LocalDate.of(2023, 1, 9), LocalDate.of(2026, 8, 25)));
        Assessment a = evaluate(meds, List.of(progression("pd", LocalDate.of(2026, 8, 20))), List.of());
        assertEquals(List.of("LENALIDOMIDE"), refractoryDrugs(a));
        String reason = a.findings().priorTherapy().lines().get(0).reason();
        assertTrue(reason.contains("carfilzomib stopped on 2023-08-07") && reason.contains("CDS-POLICY-LINEREFR-STOP-EVIDENT")
                && reason.contains("§1.2"), reason);

        // near miss: its own recorded doses are as far apart as its absence (two doses 400 days apart): the record cannot
        // tell a stop from sparse charting, and the line decides
        List<MedicationRecord> wide = List.of(dose(TestDrugs.CARFILZOMIB, "k-a", LocalDate.of(2023, 1, 9)),
                dose(TestDrugs.CARFILZOMIB, "k-b", LocalDate.of(2024, 2, 13)),
                course(TestDrugs.LENALIDOMIDE, "r", LocalDate.of(2023, 1, 9), LocalDate.of(2025, 2, 25)));
        Assessment b = evaluate(wide, List.of(progression("pd", LocalDate.of(2025, 2, 20))), List.of());
        assertEquals(List.of("LENALIDOMIDE", "CARFILZOMIB"), refractoryDrugs(b));
        assertTrue(b.findings().priorTherapy().lines().get(0).reason().indexOf("stopped on") < 0);
    }

    @Test
    void aDrugStoppedForToxicityLongBeforeTheLineProgressedIsNotRefractoryByTheLine() {
        MedicationRecord isa = new MedicationRecord(TestDrugs.ISATUXIMAB, Route.UNKNOWN, MedicationSource.ADMINISTRATION,
                "stopped", false, LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 6), null, true,
                new Provenance("MedicationAdministration/isa-1", LocalDate.of(2025, 1, 6)));
        List<MedicationRecord> meds = List.of(isa,
                // the line recorded 165 days after the single dose: no evident stop (CDS-POLICY-TIMELINE4-STOP-EVIDENT-SINGLE-DOSE)
                course(TestDrugs.CARFILZOMIB, "k", LocalDate.of(2025, 1, 6), LocalDate.of(2025, 6, 20)));
        Assessment a = evaluate(meds, List.of(progression("pd", LocalDate.of(2025, 6, 1))), List.of());
        assertEquals(List.of("CARFILZOMIB"), refractoryDrugs(a));
        // near miss: without the toxicity stop the same dose is refractory by the line
        Assessment b = evaluate(List.of(course(TestDrugs.ISATUXIMAB, "isa", LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 6)),
                meds.get(1)), List.of(progression("pd", LocalDate.of(2025, 6, 1))), List.of());
        assertEquals(List.of("ISATUXIMAB", "CARFILZOMIB"), refractoryDrugs(b));
    }

    private static Assessment evaluateWithProcedures(List<MedicationRecord> meds, List<org.myelomacds.facts.ProcedureRecord> procs,
                                                     List<DiseaseStatus> statuses) {
        PatientDemographics patient = new PatientDemographics("p1", Sex.FEMALE, LocalDate.of(1956, 5, 1), 70,
                new Provenance("Patient/p1", null));
        ClinicalCondition mm = new ClinicalCondition(ConditionKind.MULTIPLE_MYELOMA, ConditionSeverity.UNSPECIFIED, null,
                true, LocalDate.of(2020, 1, 1), "http://snomed.info/sct|109989006", "Multiple myeloma",
                new Provenance("Condition/mm", LocalDate.of(2020, 1, 1)));
        PatientRecord record = new PatientRecord(patient, List.of(mm), List.of(), statuses, List.of(), meds, procs,
                List.of(), List.of(), List.of(), List.of(), Map.of());
        return new Evaluator(Samples.rulebase(CompileMode.DRL)).evaluate(record, new EvaluationContext(AS_OF, Jurisdiction.US));
    }

    @Test
    void aProgressionThatAPartialEndDateMayPutInsideOrOutsideTheWindowLeavesRefractorinessUnknown() {
        // lenalidomide ended "2026-07": 2026-07-01 .. 2026-07-31; progression 2026-09-15 is 46 to 76 days after
        MedicationRecord len = new MedicationRecord(TestDrugs.LENALIDOMIDE, Route.UNKNOWN, MedicationSource.STATEMENT,
                "completed", false, LocalDate.of(2024, 2, 5), LocalDate.of(2026, 7, 31), LocalDate.of(2024, 2, 5),
                LocalDate.of(2026, 7, 1), null, false, new Provenance("MedicationStatement/len", LocalDate.of(2024, 2, 5)));
        Assessment a = evaluate(List.of(len), List.of(progression("pd", LocalDate.of(2026, 9, 15))), List.of());
        assertEquals(List.of(), refractoryDrugs(a));
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("REFRACTORY_STATUS_UNKNOWN")
                && g.text().contains("MedicationStatement/len")), a.dataGaps().toString());
        // one prior line: ICARIA-MM is failed by its own line count (ISA-PD-TRIAL-04), so the incomplete drug history
        // is stated for the trial populations that line count admits
        assertTrue(a.notRecommended().stream().flatMap(n -> n.reasons().stream())
                .anyMatch(r -> r.criterion().equals("icaria-population") && "FAILED".equals(r.outcome())
                        && r.rule().equals("ISA-PD-TRIAL-04")), a.notRecommended().toString());
        assertTrue(java.util.stream.Stream.concat(a.notRecommended().stream().flatMap(n -> n.reasons().stream()),
                        a.recommendations().stream().flatMap(r -> r.rationale().stream()))
                .anyMatch(r -> r.criterion().endsWith("-population") && "UNKNOWN".equals(r.outcome())
                        && r.text().contains("incomplete")));

        // near miss: a progression within 60 days of the earliest possible end is refractory whatever the day
        Assessment sure = evaluate(List.of(len), List.of(progression("pd", LocalDate.of(2026, 8, 25))), List.of());
        assertEquals(List.of("LENALIDOMIDE"), refractoryDrugs(sure));
        assertFalse(sure.dataGaps().stream().anyMatch(g -> g.code().equals("REFRACTORY_STATUS_UNKNOWN")));
    }

    @Test
    void aTransplantWithoutRecordedInductionLeavesTheHistoryIncompleteAndTrialPopulationsUndecided() {
        org.myelomacds.facts.ProcedureRecord allo = new org.myelomacds.facts.ProcedureRecord(
                org.myelomacds.facts.ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT, LocalDate.of(2022, 9, 14), false, null,
                new Provenance("Procedure/allo", LocalDate.of(2022, 9, 14)));
        Assessment a = evaluateWithProcedures(List.of(), List.of(allo), List.of(progression("pd", LocalDate.of(2026, 8, 20))));
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("PRIOR_THERAPY_UNKNOWN")
                && g.text().contains("allogeneic stem-cell transplant")), a.dataGaps().toString());
        assertTrue(a.recommendations().stream().filter(r -> r.regimen().equals("DARA_RD"))
                .flatMap(r -> r.rationale().stream()).noneMatch(s -> s.text().startsWith("Matches the POLLUX")));
        assertEquals("first therapy: allogeneic stem-cell transplant on 2022-09-14",
                a.findings().priorTherapy().lines().get(0).reason());

        // near miss: with the induction recorded, the history is complete
        Assessment b = evaluateWithProcedures(List.of(course(TestDrugs.BORTEZOMIB, "v", LocalDate.of(2022, 4, 1), LocalDate.of(2022, 7, 30))),
                List.of(allo), List.of(progression("pd", LocalDate.of(2026, 8, 20))));
        assertFalse(b.dataGaps().stream().anyMatch(g -> g.code().equals("PRIOR_THERAPY_UNKNOWN")));
    }

    @Test
    void aRenalResultDatedByAMonthThatStraddlesTheWindowIsNotUsedAndItsFreshnessIsUnknown() {
        // "2026-08" against 2026-11-01: 62 to 92 days old, on both sides of the 90-day window
        Measurement egfr = new Measurement(MeasurementKind.EGFR, 29.0, null, "MDRD", false, LocalDate.of(2026, 8, 1),
                List.of(new Provenance("Observation/egfr-aug", LocalDate.of(2026, 8, 1)))).withEffectiveLatest(LocalDate.of(2026, 8, 31));
        Assessment a = evaluate(List.of(), List.of(), List.of(egfr));
        assertTrue(a.findings().renal().get(0).stale());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RENAL_RESULT_STALE")
                && g.text().contains("dated only 2026-08, so 62 to 92 days old: whether it is within the 90-day window is unknown")
                && g.text().contains("Observation/egfr-aug")), a.dataGaps().toString());
        assertTrue(a.flags().stream().noneMatch(f -> f.code().equals("RENAL_BELOW_TRIAL_THRESHOLD")), a.flags().toString());

        // near miss: "2026-09" is 31 to 61 days old, fresh whatever the day: used, no gap
        Measurement sep = new Measurement(MeasurementKind.EGFR, 29.0, null, "MDRD", false, LocalDate.of(2026, 9, 1),
                List.of(new Provenance("Observation/egfr-sep", LocalDate.of(2026, 9, 1)))).withEffectiveLatest(LocalDate.of(2026, 9, 30));
        Assessment fresh = evaluate(List.of(), List.of(), List.of(sep));
        assertFalse(fresh.findings().renal().get(0).stale());
        assertFalse(fresh.dataGaps().stream().anyMatch(g -> g.code().equals("RENAL_RESULT_STALE")));
        // and "2026-07" (93 to 123 days) is stale whatever the day, said as before
        Measurement jul = new Measurement(MeasurementKind.EGFR, 29.0, null, "MDRD", false, LocalDate.of(2026, 7, 1),
                List.of(new Provenance("Observation/egfr-jul", LocalDate.of(2026, 7, 1)))).withEffectiveLatest(LocalDate.of(2026, 7, 31));
        Assessment stale = evaluate(List.of(), List.of(), List.of(jul));
        assertTrue(stale.dataGaps().stream().anyMatch(g -> g.code().equals("RENAL_RESULT_STALE")
                && g.text().startsWith("The latest renal result is 123 days old")), stale.dataGaps().toString());
    }

    private static Measurement egfr(String id, double value, LocalDate first, LocalDate last) {
        Measurement m = new Measurement(MeasurementKind.EGFR, value, null, "CKD-EPI 2021", false, first,
                List.of(new Provenance("Observation/" + id, first)));
        return last == null ? m : m.withEffectiveLatest(last);
    }

    private static Measurement mProtein(String id, double value, LocalDate first, LocalDate last) {
        Measurement m = new Measurement(MeasurementKind.SERUM_M_PROTEIN, value, null, null, false, first,
                List.of(new Provenance("Observation/" + id, first)));
        return last == null ? m : m.withEffectiveLatest(last);
    }

    @Test
    void aLowestMProteinDatedByAMonthThatMayFollowTheRiseMakesTheProgressionPossibleOnly() {
        MedicationRecord len = course(TestDrugs.LENALIDOMIDE, "len", LocalDate.of(2025, 1, 10), LocalDate.of(2026, 10, 5));
        Measurement before = mProtein("mp-1", 0.5, LocalDate.of(2025, 9, 15), null);
        Measurement rise = mProtein("mp-3", 0.9, LocalDate.of(2026, 7, 13), null);
        Measurement confirm = mProtein("mp-4", 1.2, LocalDate.of(2026, 8, 24), null);
        Measurement julyNadir = mProtein("mp-2", 0.4, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31));
        Assessment a = evaluate(List.of(len), List.of(), List.of(before, julyNadir, rise, confirm));
        assertEquals(List.of(), refractoryDrugs(a));
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("REFRACTORY_STATUS_UNKNOWN")
                && g.text().contains("Observation/mp-2")), a.dataGaps().toString());

        // near miss: the lowest value dated 2026-07-01 is certainly before the rise: lenalidomide-refractory as before
        Measurement firstJuly = mProtein("mp-2", 0.4, LocalDate.of(2026, 7, 1), null);
        Assessment sure = evaluate(List.of(len), List.of(), List.of(before, firstJuly, rise, confirm));
        assertEquals(List.of("LENALIDOMIDE"), refractoryDrugs(sure));
    }

    @Test
    void whichOfTwoDifferingRenalResultsIsLatestDependsOnAMonthDateSoNeitherIsUsed() {
        // eGFR 25 "2026-10" may be before or after eGFR 52 on 2026-10-15: by its first day the 52 would be current
        Measurement month = egfr("egfr-oct", 25, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        Measurement day = egfr("egfr-15", 52, LocalDate.of(2026, 10, 15), null);
        Assessment a = evaluate(List.of(), List.of(), List.of(month, day));
        assertTrue(a.findings().renal().stream().allMatch(r -> !r.current() || r.stale()), a.findings().renal().toString());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RENAL_RESULT_STALE")
                && g.text().contains("Observation/egfr-15") && g.text().contains("Observation/egfr-oct")
                && g.text().contains("which value is current is unknown")), a.dataGaps().toString());
        assertTrue(a.flags().stream().noneMatch(f -> f.code().equals("RENAL_DOSE_ADJUSTMENT")), a.flags().toString());

        // near miss: both dated by day (2026-10-05 and 2026-10-15): the later one is current, fresh, no gap
        Measurement fifth = egfr("egfr-5", 25, LocalDate.of(2026, 10, 5), null);
        Assessment decided = evaluate(List.of(), List.of(), List.of(fifth, day));
        assertTrue(decided.findings().renal().stream().anyMatch(r -> r.current() && !r.stale() && r.value() == 52.0),
                decided.findings().renal().toString());
        assertFalse(decided.dataGaps().stream().anyMatch(g -> g.code().equals("RENAL_RESULT_STALE")), decided.dataGaps().toString());

        // near miss: the month result reads the same (52): whichever is latest, the value is the same, so it is used
        Measurement same = egfr("egfr-oct", 52, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        Assessment agree = evaluate(List.of(), List.of(), List.of(same, day));
        assertFalse(agree.dataGaps().stream().anyMatch(g -> g.code().equals("RENAL_RESULT_STALE")), agree.dataGaps().toString());

        // near miss: a month wholly before the day ("2026-09") is certainly earlier: decided by the dates
        Measurement sep = egfr("egfr-sep", 25, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));
        Assessment earlier = evaluate(List.of(), List.of(), List.of(sep, day));
        assertFalse(earlier.dataGaps().stream().anyMatch(g -> g.code().equals("RENAL_RESULT_STALE")), earlier.dataGaps().toString());
    }

    @Test
    void aProgressionDatedByAMonthThatMayPrecedeTheLastLineLeavesRelapseUndecided() {
        // the only line starts 2026-03-10; a progression "2026-03" may be before or after it
        MedicationRecord len = course(TestDrugs.LENALIDOMIDE, "len", LocalDate.of(2026, 3, 10), LocalDate.of(2026, 10, 1));
        DiseaseStatus march = new DiseaseStatus(DiseaseTrend.PROGRESSION, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                new Provenance("Observation/pd-march", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        Assessment a = evaluate(List.of(len), List.of(march), List.of());
        assertEquals("UNDETERMINED", a.findings().relapse().status(), a.findings().relapse().toString());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RELAPSE_NOT_DOCUMENTED")
                && g.text().contains("in 2026-03 (Observation/pd-march)")), a.dataGaps().toString());
        assertTrue(a.recommendations().stream().noneMatch(r -> r.regimen().equals("DARA_KD")));

        // near miss: "2026-04" is after the start whatever the day: relapse documented
        DiseaseStatus april = new DiseaseStatus(DiseaseTrend.PROGRESSION, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30),
                new Provenance("Observation/pd-april", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)));
        Assessment b = evaluate(List.of(len), List.of(april), List.of());
        assertEquals("DOCUMENTED", b.findings().relapse().status());
    }

    @Test
    void anAssessmentWithoutProgressionDatedByAMonthThatMayFollowTheProgressionLeavesRelapseUndecided() {
        MedicationRecord len = course(TestDrugs.LENALIDOMIDE, "len", LocalDate.of(2024, 3, 10), LocalDate.of(2026, 10, 1));
        DiseaseStatus pd = progression("pd", LocalDate.of(2026, 9, 18));
        DiseaseStatus stableSep = new DiseaseStatus(DiseaseTrend.STABLE, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30),
                new Provenance("Observation/sd", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)));
        Assessment a = evaluate(List.of(len), List.of(pd, stableSep), List.of());
        assertEquals("CONFLICTING", a.findings().relapse().status());
        assertTrue(a.findings().relapse().text().contains("do not say which came last"), a.findings().relapse().text());

        // near miss: stable "2026-08" is wholly before the progression, which then documents relapse
        DiseaseStatus stableAug = new DiseaseStatus(DiseaseTrend.STABLE, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31),
                new Provenance("Observation/sd", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31)));
        assertEquals("DOCUMENTED", evaluate(List.of(len), List.of(pd, stableAug), List.of()).findings().relapse().status());
    }

    private static MedicationRecord courseEndingInMonth(Drug drug, String id, LocalDate start, int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.STATEMENT, "completed", false, start,
                first.withDayOfMonth(first.lengthOfMonth()), start, first, null, false, new Provenance("MedicationStatement/" + id, start));
    }

    @Test
    void aLastLineEndingInAMonthThatStraddlesTheSixtyDayBoundLeavesProgressionOnTheLastTherapyUndecided() {
        // QA sweep-a T2: the line ends "2026-07", the progression is 2026-09-12: within 60 days of an end on 07-14 or
        // later, not of an earlier one. Decided on 31 July before (DERIVE-REFRACTORY-02 read the line's latest end).
        DiseaseStatus pd = progression("pd", LocalDate.of(2026, 9, 12));
        Assessment a = evaluate(List.of(courseEndingInMonth(TestDrugs.LENALIDOMIDE, "len", LocalDate.of(2024, 8, 26), 2026, 7)),
                List.of(pd), List.of());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("REFRACTORY_STATUS_UNKNOWN")
                && g.text().startsWith("Progression on the last therapy undecided: line 1 (2024-08-26 to 2026-07) is dated by month or year only")),
                a.dataGaps().toString());

        // near miss: an end "2026-08" is within 60 days of the progression on every day it can stand for
        Assessment b = evaluate(List.of(courseEndingInMonth(TestDrugs.LENALIDOMIDE, "len", LocalDate.of(2024, 8, 26), 2026, 8)),
                List.of(pd), List.of());
        assertTrue(b.dataGaps().stream().noneMatch(g -> g.text().startsWith("Progression on the last therapy undecided")),
                b.dataGaps().toString());
        assertEquals(List.of("LENALIDOMIDE"), refractoryDrugs(b));
    }
}
