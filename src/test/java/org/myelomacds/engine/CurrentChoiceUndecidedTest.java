package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 item 3 for FEV1 and ECOG (DERIVE-CURRENT-02): a result dated only "2026-10" may be later than one of
 * 2026-10-20 with a different value, so which is current is undecided; it is never chosen by the month's first day.
 * Near misses: the same rival on a day certainly earlier, or with the same value, leaves the 2026-10-20 result current.
 */
class CurrentChoiceUndecidedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** rrmm-isa-pd-candidate (ECOG 1 on 2026-10-20) with a second ECOG {@code grade} dated {@code date}. */
    private static ObjectNode ecogBundle(String date, int grade) throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json").toFile());
        b.withArray("entry").add(JSON.readTree("""
                {"resource":{"resourceType":"Observation","id":"ecog-month","status":"final",
                 "subject":{"reference":"Patient/pt-isapd"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"89247-1"}]},
                 "effectiveDateTime":"%s","valueInteger":%d}}""".formatted(date, grade)));
        return b;
    }

    /** rrmm-copd (COPD) with FEV1 % predicted 45 % moved to 2026-10-20 and a second one, 62 %, dated {@code date}. */
    private static ObjectNode fev1Bundle(String date) throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Samples.samplesDir().resolve("rrmm-copd.json").toFile());
        String subject = null;
        for (var e : b.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals("fev1-pct-1")) {
                ((ObjectNode) e.get("resource")).put("effectiveDateTime", "2026-10-20");
                subject = e.path("resource").path("subject").path("reference").asText();
            }
        }
        b.withArray("entry").add(JSON.readTree("""
                {"resource":{"resourceType":"Observation","id":"fev1-pct-month","status":"final",
                 "subject":{"reference":"%s"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"20152-5"}]},
                 "effectiveDateTime":"%s","valueQuantity":{"value":62,"unit":"%%","system":"http://unitsofmeasure.org","code":"%%"}}}"""
                .formatted(subject, date)));
        return b;
    }

    private static Findings.Item item(java.util.List<Findings.Item> items, String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void anEcogDatedOnlyByMonthWithAnotherGradeLeavesTheCurrentEcogUndecided() throws Exception {
        Findings.Item ecog = item(Samples.evaluate(ecogBundle("2026-10", 3)).findings().labs(), "ECOG");
        assertNull(ecog.value(), "no grade is current");
        assertTrue(ecog.text().contains("ECOG performance status 3 in 2026-10") && ecog.text().contains("which value is current is unknown"), ecog.text());
        assertEquals(2, ecog.facts().size(), "both records named");
    }

    @Test
    void nearMissTheOtherEcogCertainlyEarlierOrAgreeingLeavesGradeOneCurrent() throws Exception {
        for (ObjectNode b : new ObjectNode[] { ecogBundle("2026-10-05", 3), ecogBundle("2026-10", 1) }) {
            Findings.Item ecog = item(Samples.evaluate(b).findings().labs(), "ECOG");
            assertEquals("1", ecog.value());
            assertFalse(ecog.text().contains("unknown"), ecog.text());
        }
    }

    @Test
    void anFev1DatedOnlyByMonthWithAnotherValueLeavesTheCopdExclusionUnknown() throws Exception {
        Assessment a = Samples.evaluate(fev1Bundle("2026-10"));
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("PULMONARY_FUNCTION_UNKNOWN")
                && g.text().contains("FEV1 % predicted 62 % in 2026-10")), a.dataGaps().toString());
        assertTrue(a.flags().stream().noneMatch(f -> f.code().equals("PULMONARY_TRIAL_EXCLUSION") && f.regimens().contains("DARA_KD")),
                "45 % is not known to be current");
    }

    @Test
    void nearMissAnFev1CertainlyEarlierLeaves45PercentCurrentAndTheExclusionFlagged() throws Exception {
        Assessment a = Samples.evaluate(fev1Bundle("2026-10-05"));
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.code().equals("PULMONARY_FUNCTION_UNKNOWN")));
        assertTrue(a.flags().stream().anyMatch(f -> f.code().equals("PULMONARY_TRIAL_EXCLUSION") && f.regimens().contains("DARA_KD")));
    }
}
