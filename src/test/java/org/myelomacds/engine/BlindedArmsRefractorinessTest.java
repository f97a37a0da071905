package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep R W6 (qa-bundles/FINDINGS.md; CDS-POLICY-BLINDED-STUDY-DRUG): D-Rd (last certain daratumumab 2023-01-09), then a
 * blinded "daratumumab or placebo" maintenance to 2023-12-04, progression 2024-02-19, 406 and 77 days after: neither
 * study arm is refractory, so anti-CD38 refractoriness is decided (DERIVE-REFRACTORY-88) and no undecided caution caps the
 * options. A progression inside the window of the blinded records only (refractory if the arm was active) keeps the arm
 * undecided, as does a blinded product with no certain course of its drug (s19x-09).
 */
class BlindedArmsRefractorinessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOTH_OUTSIDE = "s19w-13-d-rd-then-blinded-daratumumab-or-placebo-maintenance-trial-same-band";
    private static final String NO_CERTAIN_COURSE = "s19x-09-kd-plus-daratumumab-or-placebo-blinded-then-pd-refractory-band";

    private static ObjectNode bundle(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile());
    }

    private static Findings.Exposure daratumumab(Assessment a) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals("DARATUMUMAB")).findFirst().orElseThrow();
    }

    private static boolean refractorinessUndecidedFlag(Assessment a) {
        return a.flags().stream().anyMatch(f -> f.code().equals("ANTI_CD38_REFRACTORY_UNKNOWN"));
    }

    private static String antiCd38Refractoriness(Assessment a) {
        return a.findings().drugClasses().stream().filter(c -> c.drugClass().equals("ANTI_CD38")).findFirst()
                .orElseThrow().refractoriness();
    }

    @Test
    void progressionOutsideTheWindowOfBothLastDosesIsNotRefractoryWhicheverArm() throws Exception {
        Assessment a = Samples.evaluate(bundle(BOTH_OUTSIDE));
        assertFalse(daratumumab(a).refractory());
        assertFalse(daratumumab(a).refractoryUnknown());
        assertFalse(refractorinessUndecidedFlag(a));
        assertTrue(antiCd38Refractoriness(a).equals("NOT_REFRACTORY"), antiCd38Refractoriness(a));
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.rule().equals("GAP-THERAPY-105")));
    }

    @Test
    void nearMissProgressionInsideTheWindowOfTheBlindedRecordsOnlyKeepsTheArmUndecided() throws Exception {
        ObjectNode b = bundle(BOTH_OUTSIDE);
        b.withArray("entry").forEach(e -> {
            ObjectNode r = (ObjectNode) e.get("resource");
            if (r.path("id").asText().equals("pd-2")) r.put("effectiveDateTime", "2024-01-20"); // 47 days after 2023-12-04
        });
        Assessment a = Samples.evaluate(b);
        // the line (D-Rd and the blinded maintenance) progressed within 60 days of its last record, so the line rule
        // (DERIVE-REFRACTORY-03) already reads its daratumumab as refractory; nothing decides "not refractory"
        assertFalse(antiCd38Refractoriness(a).equals("NOT_REFRACTORY"), antiCd38Refractoriness(a));
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.rule().equals("GAP-THERAPY-105")));
    }

    @Test
    void nearMissNoCertainCourseOfTheDrugKeepsExposureAndRefractorinessUndecided() throws Exception {
        Assessment a = Samples.evaluate(bundle(NO_CERTAIN_COURSE));
        assertTrue(refractorinessUndecidedFlag(a));
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.rule().equals("GAP-THERAPY-105")));
    }
}
