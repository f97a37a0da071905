package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep s19 V3: 84 administrations of one uncoded study drug (one text, every 14 days) with its dexamethasone are one
 * course of one medication, so they may add one line, not 84: with 1 line counted, the US D-Kd and Isa-Kd labels (1 to
 * 3 prior lines) are met on every reading. Records whose texts differ are not shown to be one drug.
 */
class StudyDrugOneMedicationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = "s19v-03-trial-investigational-drug-in-line2";

    private static ObjectNode bundle() throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("qa-bundles", BUNDLE + ".json").toFile());
    }

    private static boolean linesUndecided(Assessment a, String regimen) {
        return a.notRecommended().stream().anyMatch(n -> n.toString().contains(regimen)
                && n.toString().contains("Prior lines undecided"));
    }

    @Test
    void oneStudyDrugByOneTextAddsAtMostOneLine() throws Exception {
        Assessment a = Samples.evaluate(bundle());
        assertTrue(a.recommendations().stream().anyMatch(r -> r.regimen().equals("DARA_KD")));
        assertTrue(a.recommendations().stream().anyMatch(r -> r.regimen().equals("ISA_KD")));
        assertTrue(!linesUndecided(a, "DARA_KD"));
    }

    @Test
    void nearMissRecordsNamedByDifferentTextsEachMayBeALine() throws Exception {
        ObjectNode b = bundle();
        b.withArray("entry").forEach(e -> {
            ObjectNode r = (ObjectNode) e.get("resource");
            if (!r.path("id").asText().startsWith("trial-20")) return;
            ((ObjectNode) r.get("medicationCodeableConcept")).put("text", "Investigational product " + r.path("id").asText());
        });
        Assessment a = Samples.evaluate(b);
        assertTrue(a.recommendations().stream().noneMatch(r -> r.regimen().equals("DARA_KD")));
        assertTrue(linesUndecided(a, "DARA_KD"));
    }
}
