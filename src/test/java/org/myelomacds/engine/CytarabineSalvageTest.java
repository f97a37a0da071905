package org.myelomacds.engine;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CDS-POLICY-RECORDS5-CYTARABINE: cytarabine is a catalogued drug (a pyrimidine analogue), so an ESHAP-like salvage cycle
 * after a progression is a line of known drugs, cytarabine refractory with its line when the disease progresses within
 * 60 days, and no THERAPY_UNCLASSIFIED. Near miss: gemcitabine, a pyrimidine analogue the catalogue does not list, in its
 * place still raises THERAPY_UNCLASSIFIED naming it.
 */
class CytarabineSalvageTest {
    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    @Test
    void aSalvageCycleWithCytarabineIsALineOfKnownDrugs() {
        Assessment a = evaluate("s15r-02-vrd-asct-r-pd-then-eshap-like-salvage-with-cytarabine");
        assertEquals(2, a.findings().priorTherapy().priorLines());
        Findings.Line salvage = a.findings().priorTherapy().lines().get(1);
        assertEquals(List.of("METHYLPREDNISOLONE", "CISPLATIN", "ETOPOSIDE", "CYTARABINE"), salvage.drugs());
        assertEquals("PROGRESSION", salvage.openedBy());
        Findings.Exposure cytarabine = a.findings().exposures().stream().filter(e -> e.drug().equals("CYTARABINE"))
                .findFirst().orElseThrow();
        assertEquals("PYRIMIDINE_ANALOGUE", cytarabine.drugClass());
        assertTrue(cytarabine.refractory(), "progression 40 days after the cycle");
        assertEquals(List.of(), Samples.gapTexts(a, "THERAPY_UNCLASSIFIED"));
    }

    @Test
    void nearMissGemcitabineInItsPlaceIsStillTherapyTheEngineCannotName() {
        Assessment a = evaluate("s15r-03-vrd-asct-r-pd-then-salvage-with-gemcitabine-not-catalogued");
        List<String> unclassified = Samples.gapTexts(a, "THERAPY_UNCLASSIFIED");
        assertEquals(1, unclassified.size(), unclassified.toString());
        assertTrue(unclassified.get(0).contains("gemcitabine 1000 mg/m2 IV (day 5)"), unclassified.get(0));
        assertTrue(a.findings().exposures().stream().noneMatch(e -> e.drug().equals("CYTARABINE")));
    }
}
