package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Bundle built from prefetch values (FINDINGS G3): a resource two searches both return goes in once; two versions
 * of one resource both go in, so the reader decides between them as it does for a bundle sent to the CLI, never the
 * order of a searchset.
 */
class PrefetchBundleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode searchset(String... resources) throws Exception {
        return JSON.readTree("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + String.join(",", java.util.Arrays.stream(resources).map(r -> "{\"resource\":" + r + "}").toList()) + "]}");
    }

    private static final String PD = "{\"resourceType\":\"Observation\",\"id\":\"ds\",\"meta\":{\"versionId\":\"1\"},"
            + "\"status\":\"final\",\"valueString\":\"PD\"}";
    private static final String SD = "{\"resourceType\":\"Observation\",\"id\":\"ds\",\"meta\":{\"versionId\":\"2\"},"
            + "\"status\":\"amended\",\"valueString\":\"SD\"}";

    private static JsonNode bundle(Map<String, JsonNode> values) {
        ObjectNode b = Prefetch.bundle(JSON, values, "pt-1");
        return b.path("entry");
    }

    @Test
    void theSameResourceFromTwoSearchesGoesInOnce() throws Exception {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("observations", searchset(PD));
        values.put("diseaseStatus", searchset(PD));
        assertEquals(1, bundle(values).size());
    }

    @Test
    void twoVersionsOfOneResourceBothGoIn() throws Exception {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("observations", searchset(PD, SD));
        JsonNode entries = bundle(values);
        assertEquals(2, entries.size());
        assertEquals("Observation/ds", entries.get(1).path("fullUrl").asText());
        assertEquals("SD", entries.get(1).path("resource").path("valueString").asText());
    }
}
