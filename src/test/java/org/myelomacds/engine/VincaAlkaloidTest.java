package org.myelomacds.engine;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CDS-POLICY-VINCA-IFOSFAMIDE: vincristine is a named cytotoxic of known class (a vinca alkaloid), so it adds its line
 * like any salvage cytotoxic and is never therapy the engine cannot name that may have been an anti-CD38 antibody;
 * beside an unabated lymphoma it is shared chemotherapy (CDS-POLICY-CHEMO-OTHER-CANCER) and the R-CHOP range stays,
 * named once per course. Near misses: a study drug of unknown identity still may have been an anti-CD38 antibody; a
 * single undecided record keeps its own text.
 */
class VincaAlkaloidTest {
    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static Findings.DrugClassStatus antiCd38(Assessment a) {
        return a.findings().drugClasses().stream().filter(c -> c.drugClass().equals("ANTI_CD38")).findFirst().orElseThrow();
    }

    @Test
    void vincristineWithDexamethasoneAfterAProgressionIsALineOfKnownDrugs() {
        Assessment a = evaluate("outside-vincristine-line4");
        assertEquals(4, a.findings().priorTherapy().priorLines());
        assertEquals(List.of("DEXAMETHASONE", "VINCRISTINE"), a.findings().priorTherapy().lines().get(3).drugs());
        Findings.Exposure vincristine = a.findings().exposures().stream().filter(e -> e.drug().equals("VINCRISTINE"))
                .findFirst().orElseThrow();
        assertEquals("VINCA_ALKALOID", vincristine.drugClass());
        assertEquals(List.of(), Samples.gapTexts(a, "THERAPY_UNCLASSIFIED"));
        assertEquals("NOT_EXPOSED", antiCd38(a).exposure());
        assertNull(antiCd38(a).possiblyGiven());
    }

    @Test
    void nearMissAStudyDrugOfUnknownIdentityStillMayHaveBeenAnAntiCd38Antibody() {
        Assessment a = evaluate("novel-study-drug-unknown-rxnorm");
        assertFalse(Samples.gapTexts(a, "THERAPY_UNCLASSIFIED").isEmpty());
        assertEquals("UNKNOWN", antiCd38(a).exposure());
        assertTrue(antiCd38(a).text().contains("an anti-CD38 antibody included"), antiCd38(a).text());
    }

    @Test
    void rchopBesideAnUnabatedLymphomaKeepsItsRangeWithVincristineNamedAndEachCourseListedOnce() {
        Assessment a = evaluate("s19x-03-rchop-from-cycle-1-no-reason-dlbcl-active-after-two-myeloma-lines");
        Findings.PriorTherapy prior = a.findings().priorTherapy();
        assertEquals(2, prior.linesMin());
        assertEquals(3, prior.linesMax());
        assertEquals(List.of("CYCLOPHOSPHAMIDE", "PREDNISONE", "DOXORUBICIN", "VINCRISTINE"), prior.lines().get(2).drugs());
        assertEquals("NOT_EXPOSED", antiCd38(a).exposure(), "vincristine is no possible anti-CD38 antibody");
        String text = prior.linesUndecided();
        for (String drug : List.of("cyclophosphamide", "doxorubicin", "vincristine")) {
            assertTrue(text.contains(drug + " (6 records from 2024-02-05 to 2024-05-20: MedicationAdministration/"),
                    drug + ": " + text);
        }
        assertEquals(3, text.split("is chemotherapy for other cancers too").length - 1, text);
        assertFalse(text.contains("MedicationAdministration/cy-2024-02-26"), "no record listed one by one: " + text);
    }

    @Test
    void nearMissASingleUndecidedRecordKeepsItsOwnText() {
        Assessment a = evaluate("s20b-09-breast-cancer-2009-clinicalstatus-recurrence-metronomic-cyclophosphamide-alone");
        String text = a.findings().priorTherapy().linesUndecided();
        assertTrue(text.contains("MedicationStatement/cy-metro (cyclophosphamide from 2024-06-17): no stated reason"), text);
        assertFalse(text.contains(" records from "), text);
    }
}
