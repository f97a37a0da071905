package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * qa-bundles/FINDINGS.md H2 remainder (CDS-POLICY-ISOLATED-ALKYLATOR-DOSE): one cyclophosphamide dose with no partner,
 * no cycle and no stated reason, 238 days after VRd stopped (beyond the 180 days of CDS-POLICY-MOBILISATION-UNCHARTED),
 * is no confident line: the count is a range and PRIOR_THERAPY_UNKNOWN names the dose and asks its purpose. A cycle of
 * cyclophosphamide, a transplant or a collection after the dose, or a stated myeloma reason keep what the timeline
 * decided before.
 */
class IsolatedAlkylatorDoseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICY = "CDS-POLICY-ISOLATED-ALKYLATOR-DOSE";

    private static Assessment evaluate(String name) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", "s17g-" + name + ".json").toFile()));
    }

    private static List<Findings.Line> lines(Assessment a) { return a.findings().priorTherapy().lines(); }

    private static String undecided(Assessment a) { return String.valueOf(a.findings().priorTherapy().linesUndecided()); }

    @Test
    void aLoneDoseBeyondTheOrdinaryBreakLeavesTheCountARangeNamingIt() throws Exception {
        Assessment a = evaluate("h2-01b-vrd-then-lone-cy-238-days-later-nothing-after-pd");
        var prior = a.findings().priorTherapy();
        assertEquals(1, lines(a).size(), lines(a).toString());
        assertEquals(1, prior.linesMin(), prior.toString());
        assertEquals(2, prior.linesMax(), prior.toString());
        assertTrue(undecided(a).contains(POLICY), undecided(a));
        assertTrue(Samples.gapTexts(a, "PRIOR_THERAPY_UNKNOWN").stream()
                .anyMatch(t -> t.contains("MedicationAdministration/cy-nov") && t.contains("record what it was for")),
                a.dataGaps().toString());
    }

    @Test
    void theResumedLenalidomideStaysInLineOneBesideTheUndecidedDose() throws Exception {
        Assessment a = evaluate("h2-01-vrd-then-lone-cy-238-days-later-r-resumed-pd");
        assertEquals(1, lines(a).size(), lines(a).toString());
        assertEquals(1, a.findings().priorTherapy().linesMin());
        assertTrue(undecided(a).contains(POLICY), undecided(a));
    }

    @Test
    void nearMissCyBorDOnACycleIsALine() throws Exception {
        Assessment a = evaluate("h2-02-near-miss-cybord-238-days-later");
        assertEquals(2, lines(a).size(), lines(a).toString());
        assertNull(a.findings().priorTherapy().linesMax(), a.findings().priorTherapy().toString());
    }

    /** Weekly cyclophosphamide with only dexamethasone: a cycle, not twelve uncharted mobilisations (was "2 to 13"). */
    @Test
    void nearMissWeeklyCyclophosphamideAloneIsALineWithNoRange() throws Exception {
        Assessment a = evaluate("h2-03-near-miss-cy-weekly-alone-238-days-later");
        assertEquals(2, lines(a).size(), lines(a).toString());
        assertNull(a.findings().priorTherapy().linesMax(), a.findings().priorTherapy().toString());
        assertFalse(undecided(a).contains("CDS-POLICY-MOBILISATION-UNCHARTED"), undecided(a));
    }

    @Test
    void nearMissATransplantAfterTheDoseTakesItAsMobilisation() throws Exception {
        Assessment a = evaluate("h2-04-near-miss-cy-then-asct-30-days-later");
        assertFalse(undecided(a).contains(POLICY), undecided(a));
        // the dose goes with the transplant it prepares (here a transplant outside a planned sequence, line 2)
        assertEquals(2, lines(a).size(), lines(a).toString());
        assertTrue(lines(a).get(1).includesTransplant() && lines(a).get(1).drugs().contains("CYCLOPHOSPHAMIDE"),
                lines(a).toString());
    }

    @Test
    void nearMissACollectionAfterTheDoseChartsItAsAStep() throws Exception {
        Assessment a = evaluate("h2-05-near-miss-cy-then-apheresis");
        assertEquals(1, lines(a).size(), lines(a).toString());
        assertFalse(undecided(a).contains(POLICY), undecided(a));
    }

    @Test
    void nearMissAStatedMyelomaReasonMakesTheDoseALine() throws Exception {
        Assessment a = evaluate("h2-06-near-miss-cy-with-myeloma-reason");
        assertEquals(2, lines(a).size(), lines(a).toString());
        assertFalse(undecided(a).contains(POLICY), undecided(a));
    }
}
