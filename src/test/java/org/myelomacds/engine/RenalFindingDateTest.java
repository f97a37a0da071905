package org.myelomacds.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.FactRef;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.ConditionSeverity;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.facts.Measurement;
import org.myelomacds.facts.MeasurementKind;
import org.myelomacds.facts.PatientDemographics;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Sex;
import org.myelomacds.render.report.RenalChart;
import org.myelomacds.scenario.Samples;

/** findings.renal[].date and its sources keep the precision the record holds: "2026-10", never 2026-10-01. */
class RenalFindingDateTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private static Assessment evaluate(Measurement... labs) {
        PatientDemographics patient = new PatientDemographics("p1", Sex.FEMALE, LocalDate.of(1956, 5, 1), 70,
                new Provenance("Patient/p1", null));
        ClinicalCondition mm = new ClinicalCondition(ConditionKind.MULTIPLE_MYELOMA, ConditionSeverity.UNSPECIFIED, null,
                true, LocalDate.of(2020, 1, 1), "http://snomed.info/sct|109989006", "Multiple myeloma",
                new Provenance("Condition/mm", LocalDate.of(2020, 1, 1)));
        PatientRecord record = new PatientRecord(patient, List.of(mm), List.of(labs), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), Map.of());
        return new Evaluator(Samples.rulebase(CompileMode.EXECUTABLE_MODEL)).evaluate(record, new EvaluationContext(AS_OF, Jurisdiction.US));
    }

    private static Measurement egfr(String id, double value, LocalDate first, LocalDate last) {
        return new Measurement(MeasurementKind.EGFR, value, null, "CKD-EPI 2021", false, first,
                List.of(new Provenance("Observation/" + id, first))).withEffectiveLatest(last);
    }

    private static Findings.Renal byReference(Assessment a, String reference) {
        return a.findings().renal().stream().filter(r -> r.facts().stream().anyMatch(f -> f.reference().equals(reference)))
                .findFirst().orElseThrow(() -> new AssertionError(a.findings().renal().toString()));
    }

    @Test
    void partialDatesAreKeptAsRecordedInTheMachineFields() {
        Assessment a = evaluate(egfr("egfr-oct", 52, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
                egfr("egfr-2025", 61, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        Findings.Renal current = byReference(a, "Observation/egfr-oct");
        assertTrue(current.current());
        assertEquals("2026-10", current.date());
        assertEquals(List.of(new FactRef("Observation/egfr-oct", "2026-10")), current.facts());
        Findings.Renal earlier = byReference(a, "Observation/egfr-2025");
        assertEquals("2025", earlier.date());
        assertEquals("2025", earlier.facts().get(0).date());
        // the trend chart places them on the axis and prints them as recorded
        List<RenalChart> charts = RenalChart.of(a.findings().renal());
        assertEquals(1, charts.size());
        assertTrue(charts.get(0).svg().desc().contains("61 on 2025; 52 on 2026-10"), charts.get(0).svg().desc());
    }

    @Test
    void nearMissAFullDateIsPrintedAsTheDay() {
        Assessment a = evaluate(egfr("egfr-day", 52, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 5)));
        Findings.Renal r = byReference(a, "Observation/egfr-day");
        assertEquals("2026-10-05", r.date());
        assertEquals("2026-10-05", r.facts().get(0).date());
    }
}
