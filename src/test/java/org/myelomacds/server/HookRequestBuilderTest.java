package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HookRequestBuilderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode bundle(String... entries) throws Exception {
        return JSON.readTree("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + String.join(",", entries) + "]}");
    }

    private static final String PATIENT = "{\"fullUrl\":\"urn:uuid:p1\",\"resource\":{\"resourceType\":\"Patient\",\"id\":\"pt-1\"}}";
    private static final String MEDICATION = "{\"fullUrl\":\"urn:uuid:m1\",\"resource\":{\"resourceType\":\"Medication\",\"id\":\"med-1\"}}";
    private static final String STATEMENT = "{\"fullUrl\":\"urn:uuid:s1\",\"resource\":{\"resourceType\":\"MedicationStatement\",\"id\":\"ms-1\","
            + "\"medicationReference\":{\"reference\":\"urn:uuid:m1\"},\"subject\":{\"reference\":\"urn:uuid:p1\"}}}";
    private static final String CAREPLAN = "{\"resource\":{\"resourceType\":\"CarePlan\",\"id\":\"cp-1\"}}";

    @Test
    void everyDiscoveryKeyIsFilledAsAFhirServerAnswersIt() throws Exception {
        ObjectNode req = HookRequestBuilder.patientView(JSON, bundle(PATIENT, MEDICATION, STATEMENT, CAREPLAN));
        List<String> keys = new ArrayList<>();
        req.get("prefetch").fieldNames().forEachRemaining(keys::add);
        assertEquals(PrefetchKeys.ALL, keys, "the keys of discovery, in its order, none missing");
        assertEquals("pt-1", req.at("/context/patientId").asText());
        JsonNode statements = req.at("/prefetch/medicationStatements");
        assertEquals(1, statements.get("total").asInt(), "total counts matches, not the included Medication");
        assertEquals("match", statements.at("/entry/0/search/mode").asText());
        assertEquals("Patient/pt-1", statements.at("/entry/0/resource/subject/reference").asText(), "urn:uuid rewritten to Type/id");
        assertEquals("Medication/med-1", statements.at("/entry/0/resource/medicationReference/reference").asText());
        assertEquals("include", statements.at("/entry/1/search/mode").asText());
        assertEquals(HookRequestBuilder.FHIR_BASE + "Medication/med-1", statements.at("/entry/1/fullUrl").asText());
        assertEquals(0, req.at("/prefetch/medicationAdministrations/entry").size(),
                "a Medication travels only with the searchset whose resources reference it");
        assertEquals(1, HookRequestBuilder.notPrefetched(bundle(PATIENT, CAREPLAN)));
    }

    @Test
    void whatCannotBeARequestIsNamed() throws Exception {
        IllegalArgumentException notBundle = assertThrows(IllegalArgumentException.class,
                () -> HookRequestBuilder.patientView(JSON, JSON.readTree("{\"resourceType\":\"Patient\"}")));
        assertTrue(notBundle.getMessage().contains("not a FHIR Bundle"), notBundle.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> HookRequestBuilder.patientView(JSON, bundle(STATEMENT)));
        assertTrue(none.getMessage().contains("no Patient"), none.getMessage());
        String second = PATIENT.replace("p1", "p2").replace("pt-1", "pt-2");
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> HookRequestBuilder.patientView(JSON, bundle(PATIENT, second)));
        assertTrue(two.getMessage().contains("more than one Patient"), two.getMessage());
    }
}
