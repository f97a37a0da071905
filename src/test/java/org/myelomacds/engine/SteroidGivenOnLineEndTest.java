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
 * FINDINGS J7: a line is shown to the last dose of any of its drugs, its steroid included, before the next line's first
 * day, while refractoriness keeps reading the last dose of the other drugs. s11a-s2: line 4 Kd, carfilzomib charted to
 * 2026-06-02, its dexamethasone statement to 2026-08-10, progression 2026-09-14: 104 days after carfilzomib, 35 after
 * the steroid. The line is shown to 2026-08-10 and carfilzomib stays not refractory, as before the shown end moved.
 * s16j-06: line 3 Pd (pomalidomide once, dexamethasone weekly) is shown to 2025-10-06, pomalidomide refractory.
 */
class SteroidGivenOnLineEndTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private static Assessment evaluate(String name) throws Exception {
        Rulebase rb = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        byte[] bytes = Files.readAllBytes(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"));
        return new Evaluator(rb).evaluate(Samples.reader().read(bytes, AS_OF, rb.terminology()),
                new EvaluationContext(AS_OF, Jurisdiction.US));
    }

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    @Test
    void aLineWhoseSteroidWentOnAfterItsPartnerDrugKeepsItsRefractoriness() throws Exception {
        Assessment a = evaluate("s11a-s2-belrapzo-line3-of-4");
        Findings.Line kd = a.findings().priorTherapy().lines().get(3);
        assertEquals("2026-08-10", kd.end(), "shown to its steroid's last dose");
        Findings.Exposure carfilzomib = exposure(a, "CARFILZOMIB");
        assertFalse(carfilzomib.refractory(), "a progression 104 days after carfilzomib is not on it");
        assertFalse(carfilzomib.refractoryUnknown());
        String icaria = a.recommendations().stream().filter(r -> r.regimen().equals("ISA_PD")).findFirst()
                .map(r -> r.rationale().stream().map(t -> t.text()).filter(t -> t.startsWith("Outside the ICARIA-MM population")).findFirst()
                        .orElse("")).orElse("");
        assertTrue(icaria.contains("line 4 (2023-09-11 to 2026-08-10; its last dose other than its steroid (dexamethasone,"
                + " given on to 2026-08-10) on 2026-06-02, the day the 60-day window of §1.2 counts from)"), icaria);
    }

    @Test
    void anEarlyProgressionLineIsShownToItsSteroidAndTheNextLineSaysSo() throws Exception {
        Assessment a = evaluate("s16j-06-early-pd-in-pd-cycle1-pom-stopped-dex-on-then-svd");
        assertEquals(4, a.findings().priorTherapy().lines().size());
        Findings.Line pd = a.findings().priorTherapy().lines().get(2);
        assertEquals("2025-10-06", pd.end());
        assertTrue(a.findings().priorTherapy().lines().get(3).reason()
                .endsWith("after all drugs of line 3 stopped on 2025-10-06"), a.findings().priorTherapy().lines().get(3).reason());
        assertTrue(exposure(a, "POMALIDOMIDE").refractory());
        // near miss of V7: the dexamethasone was given up to the progression (09-29, PD 10-05) and on after it
        assertFalse(pd.reason().contains("CDS-POLICY-STEROID-BRIDGE-AFTER-PD"), pd.reason());
    }

    /**
     * FINDINGS V7 (CDS-POLICY-STEROID-BRIDGE-AFTER-PD): s19v-09, lenalidomide maintenance to 2023-01-29, PD 2023-01-16,
     * dexamethasone 40 mg weekly alone 2023-01-20 to 2023-03-03 while carfilzomib was approved, Kd from 2023-03-13. The
     * dexamethasone was not being given at the progression (its last dose before it was VRd's, 2019-09-16), so it does not
     * stretch line 1 to 2023-03-03; the line's reason names it, and the count and refractoriness stay.
     */
    @Test
    void dexamethasoneBegunAfterTheProgressionIsNamedAndDoesNotStretchTheLine() throws Exception {
        Assessment a = evaluate("s19v-09-dexamethasone-alone-bridging-between-lines");
        assertEquals(2, a.findings().priorTherapy().lines().size(), "bridging makes no line");
        Findings.Line first = a.findings().priorTherapy().lines().get(0);
        assertEquals("2023-01-29", first.end(), "shown to lenalidomide's last dose, not the bridge's");
        assertTrue(first.reason().contains("dexamethasone from 2023-01-20 to 2023-03-03 (7 records), begun after the"
                + " progression on 2023-01-16 (Observation/pd-1) without being given up to it, is not shown as line 1 going on"),
                first.reason());
        assertTrue(first.reason().contains("CDS-POLICY-STEROID-BRIDGE-AFTER-PD"), first.reason());
        assertTrue(a.findings().priorTherapy().lines().get(1).reason()
                .endsWith("after all drugs of line 1 stopped on 2023-01-29"), a.findings().priorTherapy().lines().get(1).reason());
        assertTrue(exposure(a, "LENALIDOMIDE").refractory());
        assertTrue(exposure(a, "CARFILZOMIB").refractory());
    }
}
