package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep N2 (qa-bundles/FINDINGS.md, CDS-POLICY-BLINDED-STUDY-DRUG): an unblinding written as a note on the blinded
 * records is quoted in the blinded-product gap (GAP-THERAPY-105) so the board sees it, and is not read as the arm:
 * anti-CD38 refractoriness stays undecided.
 */
class BlindedNoteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String name) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile()));
    }

    private static String blindedGap(Assessment a) {
        return Samples.gapTexts(a, "PRIOR_THERAPY_UNKNOWN").stream().filter(t -> t.contains("possibly given"))
                .findFirst().orElseThrow();
    }

    @Test
    void anUnblindingNoteIsQuotedAndNotRead() throws Exception {
        Assessment a = evaluate("s18n-03-blinded-dara-or-placebo-with-unblinding-note-active-arm");
        String gap = blindedGap(a);
        assertTrue(gap.contains("a note on MedicationAdministration/study-2022-03-15 says 'Unblinded by the sponsor at"
                + " study close (2024-06-12): patient was randomised to the ACTIVE arm (daratumumab).': notes are free"
                + " text and are not read as the arm"), gap);
        assertTrue(a.findings().exposures().stream().noneMatch(e -> e.drug().equals("DARATUMUMAB")),
                "the note decides no exposure");
        assertTrue(a.flags().stream().anyMatch(f -> f.code().equals("ANTI_CD38_REFRACTORY_UNKNOWN")));
    }

    @Test
    void nearMissNoNoteLeavesTheGapAsBefore() throws Exception {
        String gap = blindedGap(evaluate("s18n-01-blinded-dara-or-placebo-vd-pd-then-open-isa-pd-pd-off-isa"));
        assertFalse(gap.contains("a note on"), gap);
        assertTrue(gap.contains("no record says which"), gap);
    }
}
