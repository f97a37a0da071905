package org.myelomacds.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HISTORY-ELIG-04/-05: relapsed myeloma (coded C90.02) with no line counted lacks the therapy the relapse implies, so
 * the isatuximab label line criteria (US Isa-Kd 1 to 3, US Isa-Pd at least 1 SC line, EU Isa-Pd at least 2) are
 * undecided, as the daratumumab ones already are, not failed on "0 prior lines"; an unidentified course is named as a
 * possible line (-04). Near miss: with a line counted the criteria are decided on the count (EU Isa-Pd, 1 line: failed).
 */
class UnnamedTherapyWithoutLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> THERAPY = Set.of("MedicationStatement", "MedicationAdministration", "MedicationRequest",
            "Procedure", "CarePlan");

    /** rrmm-one-prior-line (myeloma coded as relapsed) with every therapy record removed, plus an unidentified course. */
    private static ObjectNode bundle(boolean withUnidentifiedCourse) throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Samples.samplesDir().resolve("rrmm-one-prior-line.json").toFile());
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode e : b.withArray("entry")) {
            if (!THERAPY.contains(e.path("resource").path("resourceType").asText())) kept.add(e);
        }
        if (withUnidentifiedCourse) {
            kept.add(JSON.readTree("""
                    {"resource":{"resourceType":"MedicationStatement","id":"unknown-course","status":"completed",
                     "subject":{"reference":"urn:uuid:f0de80c5-3562-57ea-ba3b-838eb0ffeb53"},
                     "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"9999992"}]},
                     "effectivePeriod":{"start":"2023-02-01","end":"2026-09-20"}}}"""));
        }
        b.set("entry", kept);
        return b;
    }

    private static Assessment evaluate(ObjectNode bundle, Jurisdiction j) {
        return Samples.evaluate(bundle, j);
    }

    private static NotRecommended notRecommended(Assessment a, String regimen) {
        return a.notRecommended().stream().filter(n -> n.regimen().equals(regimen)).findFirst()
                .orElseThrow(() -> new AssertionError(regimen + " is recommended: " + a.recommendations()));
    }

    private static boolean undecidedByUnnamedTherapy(NotRecommended n) {
        return n.reasons().stream().anyMatch(s -> s.criterion().equals("prior-lines") && s.outcome().equals("UNKNOWN")
                && "HISTORY-ELIG-04".equals(s.rule()) && s.text().contains("MedicationStatement/unknown-course"));
    }

    @Test
    void anUnidentifiedCourseWithNoLineCountedLeavesTheUsIsatuximabLineMinimumsUndecided() throws Exception {
        Assessment a = evaluate(bundle(true), Jurisdiction.US);
        for (String regimen : new String[] {"ISA_KD", "ISA_PD"}) {
            NotRecommended n = notRecommended(a, regimen);
            assertEquals("INSUFFICIENT_DATA", n.status(), regimen + " " + n.reasons());
            assertTrue(undecidedByUnnamedTherapy(n), n.reasons().toString());
        }
        // D-Kd already leaves its line count undecided by its own rule: stated once
        assertTrue(notRecommended(a, "DARA_KD").reasons().stream().noneMatch(s -> "HISTORY-ELIG-04".equals(s.rule())));
    }

    @Test
    void theEuIsaPdMinimumOfTwoIsUndecidedToo() throws Exception {
        Assessment a = evaluate(bundle(true), Jurisdiction.EU);
        NotRecommended isaPd = notRecommended(a, "ISA_PD");
        assertEquals("INSUFFICIENT_DATA", isaPd.status(), isaPd.reasons().toString());
        assertTrue(undecidedByUnnamedTherapy(isaPd), isaPd.reasons().toString());
        assertEquals(notRecommended(a, "DARA_PD").status(), isaPd.status());
    }

    @Test
    void withNoTherapyRecordedTheLineCriteriaAreUndecidedWithoutNamingARecord() throws Exception {
        Assessment a = evaluate(bundle(false), Jurisdiction.US);
        for (String regimen : new String[] {"ISA_KD", "ISA_PD"}) {
            NotRecommended n = notRecommended(a, regimen);
            assertEquals("INSUFFICIENT_DATA", n.status(), regimen + " " + n.reasons());
            assertTrue(n.reasons().stream().anyMatch(s -> "HISTORY-ELIG-05".equals(s.rule()) && s.outcome().equals("UNKNOWN")));
            assertTrue(!undecidedByUnnamedTherapy(n));
        }
    }

    @Test
    void nearMissWithALineCountedTheEuIsaPdMinimumFailsOnTheCount() throws Exception {
        Assessment a = Samples.evaluate(Samples.samplesDir().resolve("rrmm-one-prior-line.json"), Jurisdiction.EU,
                CompileMode.EXECUTABLE_MODEL);
        NotRecommended isaPd = notRecommended(a, "ISA_PD");
        assertEquals("NOT_ELIGIBLE", isaPd.status());
        assertTrue(isaPd.reasons().stream().noneMatch(s -> s.rule() != null && s.rule().startsWith("HISTORY-ELIG-0")),
                isaPd.reasons().toString());
    }
}
