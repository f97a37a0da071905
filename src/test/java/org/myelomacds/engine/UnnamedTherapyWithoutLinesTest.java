package org.myelomacds.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HISTORY-ELIG-04: with no line counted, a medication the engine cannot identify may itself be the first line, so a
 * label's line minimum that one more line reaches (US Isa-Kd 1 to 3, US Isa-Pd at least 1 SC line) is undecided, not
 * failed on "0 prior lines". Near misses: a minimum one more line cannot reach (EU Isa-Pd at least 2) stays failed, and
 * with no therapy recorded at all nothing changes.
 */
class UnnamedTherapyWithoutLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> THERAPY = Set.of("MedicationStatement", "MedicationAdministration", "MedicationRequest",
            "Procedure", "CarePlan");

    @TempDir Path dir;

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

    private Assessment evaluate(ObjectNode bundle, Jurisdiction j) throws Exception {
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, JSON.writeValueAsString(bundle));
        return Samples.evaluate(file, j, CompileMode.EXECUTABLE_MODEL);
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
    void oneMoreLineCannotReachTheEuIsaPdMinimumOfTwo() throws Exception {
        Assessment a = evaluate(bundle(true), Jurisdiction.EU);
        NotRecommended isaPd = notRecommended(a, "ISA_PD");
        assertEquals("NOT_ELIGIBLE", isaPd.status(), isaPd.reasons().toString());
        assertTrue(!undecidedByUnnamedTherapy(isaPd), isaPd.reasons().toString());
        assertEquals("INSUFFICIENT_DATA", notRecommended(a, "ISA_KD").status());
    }

    @Test
    void withNoTherapyRecordedTheLineMinimumStillFails() throws Exception {
        Assessment a = evaluate(bundle(false), Jurisdiction.US);
        for (String regimen : new String[] {"ISA_KD", "ISA_PD"}) {
            NotRecommended n = notRecommended(a, regimen);
            assertEquals("NOT_ELIGIBLE", n.status(), regimen + " " + n.reasons());
            assertTrue(!undecidedByUnnamedTherapy(n));
        }
    }
}
