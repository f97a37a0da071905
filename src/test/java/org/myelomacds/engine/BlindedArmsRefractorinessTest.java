package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep R W6 (qa-bundles/FINDINGS.md; CDS-POLICY-BLINDED-STUDY-DRUG): D-Rd (last certain daratumumab 2023-01-09), then a
 * blinded "daratumumab or placebo" maintenance to 2023-12-04, progression 2024-02-19, 406 and 77 days after: neither
 * study arm is refractory, so anti-CD38 refractoriness is decided (DERIVE-REFRACTORY-88) and no undecided caution caps the
 * options. A progression inside the window of the blinded records only (refractory if the arm was active) keeps the arm
 * undecided, as does a blinded product with no certain course of its drug (s19x-09).
 *
 * <p>Sweep U part 2 C2 (s20c-10): each reading is judged by its own doses, so a progression between the blinded course
 * (line 1) and the certain course (line 2), far from both, is on neither. C5 (s20c-12): a blinded product with no certain
 * course, its last record far before every progression, is not refractory whichever arm (DERIVE-REFRACTORY-90); exposure
 * stays undecided, so the blinded-product gap stands but the refractoriness caution does not.
 */
class BlindedArmsRefractorinessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOTH_OUTSIDE = "s19w-13-d-rd-then-blinded-daratumumab-or-placebo-maintenance-trial-same-band";
    private static final String NO_CERTAIN_COURSE = "s19x-09-kd-plus-daratumumab-or-placebo-blinded-then-pd-refractory-band";

    private static final String PD_BETWEEN_COURSES =
            "s20c-10-blinded-dara-or-placebo-l1-then-certain-dara-kd-stopped-pd-far-from-both";
    private static final String PD_40_DAYS_AFTER_BLINDED =
            "s20c-11-certain-dara-l1-then-blinded-dara-or-placebo-pd-40-days-after-last-blinded";
    private static final String BLINDED_ONLY_PD_FAR_AFTER = "s20c-12-blinded-dara-or-placebo-only-pd-far-after-then-pd-on-kd";

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

    private static ObjectNode withProgressionOn(String name, String id, String day) throws Exception {
        ObjectNode b = bundle(name);
        b.withArray("entry").forEach(e -> {
            ObjectNode r = (ObjectNode) e.get("resource");
            if (r.path("id").asText().equals(id)) r.put("effectiveDateTime", day);
        });
        return b;
    }

    private static boolean blindedProductGap(Assessment a) {
        return a.dataGaps().stream().anyMatch(g -> g.rule().equals("GAP-THERAPY-105"));
    }

    @Test
    void progressionBetweenTheBlindedAndTheCertainCourseFarFromBothIsNotRefractoryWhicheverArm() throws Exception {
        // PD 2023-08-14: 602 days after the last blinded record (2021-12-20), before the first certain dose (2023-08-28)
        Assessment a = Samples.evaluate(bundle(PD_BETWEEN_COURSES));
        assertFalse(daratumumab(a).refractory());
        assertFalse(daratumumab(a).refractoryUnknown());
        assertFalse(refractorinessUndecidedFlag(a));
        assertEquals("NOT_REFRACTORY", antiCd38Refractoriness(a));
        assertFalse(blindedProductGap(a));
    }

    @Test
    void nearMissProgressionBetweenTheCoursesWithinTheWindowOfTheBlindedRecordsKeepsTheArmUndecided() throws Exception {
        // 31 days after the last blinded record: refractory if the arm was active
        Assessment a = Samples.evaluate(withProgressionOn(PD_BETWEEN_COURSES, "pd-1", "2022-01-20"));
        assertNotEquals("NOT_REFRACTORY", antiCd38Refractoriness(a));
        assertTrue(blindedProductGap(a));
    }

    @Test
    void nearMissProgressionFortyDaysAfterTheLastBlindedRecordStaysUndecided() throws Exception {
        Assessment a = Samples.evaluate(bundle(PD_40_DAYS_AFTER_BLINDED));
        assertTrue(refractorinessUndecidedFlag(a));
        assertTrue(blindedProductGap(a));
    }

    @Test
    void blindedProductAloneFarBeforeEveryProgressionLeavesOnlyExposureUndecided() throws Exception {
        // PD 2024-02-19: 735 days after the last blinded record (2022-02-14); no certain daratumumab
        Assessment a = Samples.evaluate(bundle(BLINDED_ONLY_PD_FAR_AFTER));
        assertFalse(refractorinessUndecidedFlag(a));
        assertTrue(blindedProductGap(a), "exposure to daratumumab stays undecided");
        assertTrue(a.findings().exposures().stream().noneMatch(e -> e.drug().equals("DARATUMUMAB")));
    }

    @Test
    void nearMissBlindedProductAloneWithAProgressionInItsWindowKeepsRefractorinessUndecided() throws Exception {
        // 35 days after the last blinded record: refractory if the arm was active
        Assessment a = Samples.evaluate(withProgressionOn(BLINDED_ONLY_PD_FAR_AFTER, "pd-1", "2022-03-21"));
        assertTrue(refractorinessUndecidedFlag(a));
        assertTrue(blindedProductGap(a));
    }
}
