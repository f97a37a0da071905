package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FINDINGS I4, CDS-POLICY-PARTIAL-ENTRY-CHARTED-COURSE: s16a-15 (s16a-01's history with the outside hospital's
 * "carfilzomib (Kd), 2023 to 2024" statements beside the charted Kd) reads as s16a-01: carfilzomib not refractory, D-Vd
 * 80 with the CASTOR population met, no REFRACTORY_STATUS_UNKNOWN. Near miss: T7's year-only carfilzomib, never
 * charted, keeps its partial start (qa-bundles/partial-line3-start-year: IRd listed from "2024", line 3 starts "2024").
 */
class ChartedCourseEntryBundleTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private static Assessment evaluate(String name) throws Exception {
        Rulebase rb = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        byte[] bytes = Files.readAllBytes(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"));
        return new Evaluator(rb).evaluate(Samples.reader().read(bytes, AS_OF, rb.terminology()),
                new EvaluationContext(AS_OF, Jurisdiction.US));
    }

    @Test
    void aYearOnlyListEntryOfTheChartedKdIsThatKd() throws Exception {
        Assessment a = evaluate("s16a-15-two-hospitals-kd-at-b-as-statement-year-only-overlapping-admins");
        Findings.Line kd = a.findings().priorTherapy().lines().get(1);
        assertEquals("2023-06-05", kd.start());
        assertEquals("between 2024-02-26 and 2024-12-31", kd.endText());
        assertTrue(kd.reason().contains("(CDS-POLICY-PARTIAL-ENTRY-CHARTED-COURSE)"), kd.reason());
        Findings.Exposure carfilzomib = a.findings().exposures().stream().filter(e -> e.drug().equals("CARFILZOMIB"))
                .findFirst().orElseThrow();
        assertFalse(carfilzomib.refractory());
        assertFalse(carfilzomib.refractoryUnknown());
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.code().equals("REFRACTORY_STATUS_UNKNOWN")), a.dataGaps().toString());
        assertEquals(80, a.recommendations().stream().filter(r -> r.regimen().equals("DARA_VD")).findFirst()
                .orElseThrow().score());
        assertEquals("NOT_ELIGIBLE", a.notRecommended().stream().filter(r -> r.regimen().equals("DARA_MONO")).findFirst()
                .orElseThrow().status());
    }

    @Test
    void nearMissAYearOnlyStartOfDrugsNeverChartedStaysPartial() throws Exception {
        Assessment a = evaluate("partial-line3-start-year");
        Findings.Line irD = a.findings().priorTherapy().lines().get(2);
        assertEquals("2024", irD.startText());
        assertFalse(irD.reason().contains("CDS-POLICY-PARTIAL-ENTRY-CHARTED-COURSE"), irD.reason());
    }
}
