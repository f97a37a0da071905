package org.myelomacds.fhir;

import org.myelomacds.scenario.Samples;
import org.myelomacds.facts.TestDrugs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.myelomacds.facts.Drug;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DraftOrdersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode bundle(String... resources) throws Exception {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < resources.length; i++) b.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources[i]).append('}');
        return JSON.readTree(b.append("]}").toString());
    }

    private static List<Drug> drugs(JsonNode draftOrders, List<String> selections) {
        return DraftOrders.antiCd38Orders(draftOrders, selections, Samples.terminology().drugs()).stream().map(DraftOrders.AntiCd38Order::drug).toList();
    }

    @Test
    void recognisesTheAntibodiesByCodeNameContainedOrBundledMedication() throws Exception {
        JsonNode orders = bundle(
                "{\"resourceType\":\"MedicationRequest\",\"id\":\"a\",\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"2375137\"}]}}",
                "{\"resourceType\":\"MedicationRequest\",\"id\":\"b\",\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.whocc.no/atc\",\"code\":\"L01FC02\"}]}}",
                "{\"resourceType\":\"MedicationRequest\",\"id\":\"c\",\"contained\":[{\"resourceType\":\"Medication\",\"id\":\"m\",\"code\":{\"text\":\"Sarclisa 500 mg\"}}],\"medicationReference\":{\"reference\":\"#m\"}}",
                "{\"resourceType\":\"Medication\",\"id\":\"dz\",\"code\":{\"coding\":[{\"display\":\"Darzalex 400 mg vial\"}]}}",
                "{\"resourceType\":\"MedicationRequest\",\"id\":\"d\",\"medicationReference\":{\"reference\":\"Medication/dz\"}}",
                "{\"resourceType\":\"MedicationRequest\",\"id\":\"e\",\"medicationCodeableConcept\":{\"text\":\"Lenalidomide 25 mg\"}}",
                "{\"resourceType\":\"ServiceRequest\",\"id\":\"f\",\"code\":{\"text\":\"daratumumab level\"}}");
        assertEquals(List.of(TestDrugs.DARATUMUMAB, TestDrugs.ISATUXIMAB, TestDrugs.ISATUXIMAB, TestDrugs.DARATUMUMAB), drugs(orders, List.of()));
        assertEquals(List.of(TestDrugs.ISATUXIMAB), drugs(orders, List.of("MedicationRequest/b", "MedicationRequest/e")));
        assertEquals(List.of(), drugs(null, List.of()));
    }
}
