package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * qa-bundles/FINDINGS.md A3 remainder (CDS-POLICY-ORAL-AFTER-PROGRESSION, GAP-THERAPY-94): an uncatalogued drug taken by
 * mouth once daily, with no other signal, first recorded 14 days after a documented progression with nothing else
 * started then, has the timing of a next line and raises THERAPY_UNCLASSIFIED naming it. Beside a regimen started
 * then, started before the progression, started beyond the 30-day window, or an ordinary oral drug: no gap.
 */
class OralAfterProgressionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String name) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", "s17g-" + name + ".json").toFile()));
    }

    private static List<String> unclassified(Assessment a) { return Samples.gapTexts(a, "THERAPY_UNCLASSIFIED"); }

    @Test
    void anUnlistedOralDrugStartedTwoWeeksAfterAProgressionWithNothingElseIsNamed() throws Exception {
        Assessment a = evaluate("a3-01-unlisted-oral-daily-from-14-days-after-pd-nothing-else");
        List<String> gaps = unclassified(a);
        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).contains("'NEXAVOR 20 mg tablet': MedicationStatement/oral-1 and 7 more records")
                && gaps.get(0).contains("within 30 days after a documented progression"), gaps.get(0));
        assertTrue(a.notRecommended().stream().anyMatch(r -> r.regimen().equals("DARA_MONO")
                && r.status().equals("INSUFFICIENT_DATA")), a.notRecommended().toString());
    }

    @Test
    void nearMissBesideANewRegimenStartedThenItRaisesNone() throws Exception {
        assertTrue(unclassified(evaluate("a3-02-near-miss-unlisted-oral-daily-beside-a-new-regimen")).isEmpty());
    }

    @Test
    void nearMissStartedBeforeTheProgressionAndRefilledAfterItRaisesNone() throws Exception {
        assertTrue(unclassified(evaluate("a3-03-near-miss-unlisted-oral-daily-started-before-pd")).isEmpty());
    }

    @Test
    void nearMissStartedBeyondTheThirtyDayWindowRaisesNone() throws Exception {
        assertTrue(unclassified(evaluate("a3-04-near-miss-unlisted-oral-daily-45-days-after-pd")).isEmpty());
    }

    @Test
    void nearMissOrdinaryOralDrugsStartedAfterTheProgressionRaiseNone() throws Exception {
        Assessment a = evaluate("a3-05-near-miss-ordinary-oral-drugs-after-pd");
        assertTrue(unclassified(a).isEmpty(), unclassified(a).toString());
        assertEquals(2, a.findings().priorTherapy().lines().size());
    }
}
