package org.myelomacds.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Pads a patient bundle to a Synthea-sized record (about a thousand entries, narratives included) with the kinds of
 * resources a real chart carries and the engine mostly does not read: encounters, vital signs, unrelated labs,
 * immunizations, claims. Deterministic, so benchmark figures are comparable run to run.
 */
final class LargeBundleSynthesizer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] VITALS = {
            {"8867-4", "Heart rate", "/min"}, {"8480-6", "Systolic blood pressure", "mm[Hg]"},
            {"8462-4", "Diastolic blood pressure", "mm[Hg]"}, {"8310-5", "Body temperature", "Cel"},
            {"9279-1", "Respiratory rate", "/min"}, {"718-7", "Hemoglobin", "g/dL"},
            {"6690-2", "Leukocytes", "10*3/uL"}, {"777-3", "Platelets", "10*3/uL"}};

    private LargeBundleSynthesizer() {}

    static byte[] pad(byte[] bundle, int targetEntries) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(bundle);
        ArrayNode entries = (ArrayNode) root.get("entry");
        String patientRef = null;
        for (JsonNode e : entries) {
            JsonNode r = e.get("resource");
            if ("Patient".equals(r.path("resourceType").asText())) patientRef = "Patient/" + r.path("id").asText();
        }
        LocalDate day = LocalDate.of(2020, 1, 6);
        int i = 0;
        while (entries.size() < targetEntries) {
            i++;
            day = day.plusDays(3);
            ObjectNode r;
            switch (i % 6) {
                case 0 -> r = encounter(i, patientRef, day);
                case 5 -> r = immunization(i, patientRef, day);
                default -> r = vital(i, patientRef, day);
            }
            entries.addObject().put("fullUrl", "urn:uuid:pad-" + i).set("resource", r);
        }
        return JSON.writeValueAsBytes(root);
    }

    private static ObjectNode narrative(ObjectNode r, String summary) {
        StringBuilder div = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>")
                .append(summary).append("</p><table><tr><th>Field</th><th>Value</th></tr>");
        for (int k = 0; k < 6; k++) div.append("<tr><td>item&nbsp;").append(k).append("</td><td>").append(summary).append("</td></tr>");
        r.putObject("text").put("status", "generated").put("div", div.append("</table></div>").toString());
        return r;
    }

    private static ObjectNode vital(int i, String patient, LocalDate day) {
        String[] v = VITALS[i % VITALS.length];
        ObjectNode r = JSON.createObjectNode().put("resourceType", "Observation").put("id", "pad-obs-" + i).put("status", "final");
        r.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", v[0]).put("display", v[1]);
        r.putObject("subject").put("reference", patient);
        r.put("effectiveDateTime", day.toString());
        r.putObject("valueQuantity").put("value", 50 + (i * 7) % 90).put("unit", v[2]).put("system", "http://unitsofmeasure.org").put("code", v[2]);
        return narrative(r, v[1] + " on " + day);
    }

    private static ObjectNode encounter(int i, String patient, LocalDate day) {
        ObjectNode r = JSON.createObjectNode().put("resourceType", "Encounter").put("id", "pad-enc-" + i).put("status", "finished");
        r.putObject("class").put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode").put("code", "AMB");
        r.putObject("subject").put("reference", patient);
        r.putObject("period").put("start", day + "T09:00:00Z").put("end", day + "T09:30:00Z");
        return narrative(r, "Outpatient haematology visit on " + day);
    }

    private static ObjectNode immunization(int i, String patient, LocalDate day) {
        ObjectNode r = JSON.createObjectNode().put("resourceType", "Immunization").put("id", "pad-imm-" + i).put("status", "completed");
        r.putObject("vaccineCode").putArray("coding").addObject().put("system", "http://hl7.org/fhir/sid/cvx").put("code", "140");
        r.putObject("patient").put("reference", patient);
        r.put("occurrenceDateTime", day.toString());
        return narrative(r, "Influenza vaccine on " + day);
    }
}
