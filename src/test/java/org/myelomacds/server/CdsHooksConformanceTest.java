package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker itself: it accepts a conformant card and catches each kind of violation it promises to catch. */
class CdsHooksConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = """
            {"uuid":"5b8cbb1e-0d5d-4bd1-8a43-0a3c4a6f6b1e","summary":"Option 1: Isa-Pd","indicator":"warning",
             "source":{"label":"ICARIA-MM","url":"https://doi.org/10.1016/x","topic":{"system":"https://x","code":"ISA_PD"}},
             "suggestions":[{"label":"Order type and screen","uuid":"0f7e2a8b-6d8e-4f43-9a56-3c1e5b9d7a21","isRecommended":true,
               "actions":[{"type":"create","description":"ServiceRequest","resource":{"resourceType":"ServiceRequest","code":{"coding":[{"system":"http://loinc.org","code":"890-4"}]}}}]}],
             "selectionBehavior":"any",
             "overrideReasons":[{"system":"https://x","code":"c","display":"Clinical judgement"}],
             "links":[{"label":"Report","url":"http://127.0.0.1:8085/cases/1","type":"absolute"}]}""";

    private static JsonNode response(String card) throws Exception {
        return JSON.readTree("{\"cards\":[" + card + "]}");
    }

    private static void rejects(String card, String expectedPart) throws Exception {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> CdsHooksConformance.response(response(card)));
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    }

    @Test
    void acceptsAConformantCard() throws Exception {
        assertDoesNotThrow(() -> CdsHooksConformance.response(response(GOOD)));
        assertDoesNotThrow(() -> CdsHooksConformance.response(JSON.readTree("{\"cards\":[]}")));
    }

    @Test
    void catchesEachViolation() throws Exception {
        rejects(GOOD.replace("\"Option 1: Isa-Pd\"", "\"" + "x".repeat(140) + "\""), "must be < 140");
        rejects(GOOD.replace("\"warning\"", "\"hard-stop\""), "indicator");
        rejects(GOOD.replace("\"label\":\"ICARIA-MM\",", ""), "source.label");
        rejects(GOOD.replace("\"selectionBehavior\":\"any\",", ""), "selectionBehavior");
        rejects(GOOD.replace("\"type\":\"create\"", "\"type\":\"insert\""), "create|update|delete");
        rejects(GOOD.replace(",\"resource\":{\"resourceType\":\"ServiceRequest\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"890-4\"}]}}", ""), "needs a FHIR resource");
        rejects(GOOD.replace("{\"system\":\"http://loinc.org\",\"code\":\"890-4\"}", "{\"display\":\"antibody screen\"}"), "without a coding");
        rejects(GOOD.replace("\"Option 1: Isa-Pd\"", "\"Option 1: ISA_PD\""), "internal code 'ISA_PD'");
        rejects(GOOD.replace("\"indicator\"", "\"detail\":\"Rule `FLAG-PULM-01`\",\"indicator\""), "internal code 'FLAG-PULM-01'");
        rejects(GOOD.replace("\"indicator\"", "\"detail\":\"**DARA\\\\_RD** caution\",\"indicator\""), "internal code");
        rejects(GOOD.replace("\"indicator\"", "\"detail\":\"" + "x".repeat(601) + "\",\"indicator\""), "at most 600");
        // Two cards proposing the same order: accepting both would create it twice.
        String twin = GOOD.replace("5b8cbb1e-0d5d-4bd1-8a43-0a3c4a6f6b1e", "6b8cbb1e-0d5d-4bd1-8a43-0a3c4a6f6b1e")
                .replace("0f7e2a8b-6d8e-4f43-9a56-3c1e5b9d7a21", "1f7e2a8b-6d8e-4f43-9a56-3c1e5b9d7a21").replace("Option 1: Isa-Pd", "Option 2: Isa-Kd");
        rejects(GOOD + "," + twin, "proposed twice");
        assertDoesNotThrow(() -> CdsHooksConformance.response(response(GOOD + "," + twin.replace("890-4", "882-1"))));
        rejects(GOOD.replace("5b8cbb1e-0d5d-4bd1-8a43-0a3c4a6f6b1e", "card-1"), "uuid");
        rejects(GOOD.replace("\"type\":\"absolute\"", "\"type\":\"relative\""), "absolute|smart");
        rejects(GOOD.replace("http://127.0.0.1:8085/cases/1", "/cases/1"), "absolute http(s) URL");
        rejects(GOOD.replace("\"display\":\"Clinical judgement\"", "\"display\":null"), "null sent");
        rejects(GOOD.replace("\"indicator\"", "\"detail\":\"d\",\"indicatr\":\"info\",\"indicator\""), "not a CDS Hooks attribute");
        rejects(GOOD.replace("[{\"label\":\"Report\",\"url\":\"http://127.0.0.1:8085/cases/1\",\"type\":\"absolute\"}]", "[]"), "empty array");
        assertThrows(AssertionFailedError.class, () -> CdsHooksConformance.response(JSON.readTree("{}")));
        assertThrows(AssertionFailedError.class, () -> CdsHooksConformance.operationOutcome(JSON.readTree("{\"resourceType\":\"OperationOutcome\",\"issue\":[]}")));
        assertThrows(AssertionFailedError.class, () -> CdsHooksConformance.discovery(JSON.readTree("{\"services\":[{\"id\":\"a\",\"hook\":\"patient-view\"}]}")));
    }
}
