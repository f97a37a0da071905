package org.myelomacds.fhir;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.scenario.Samples;

/** Test helper: builds small bundles around one Patient and reads them with a shared BundleReader. */
final class Bundles {
    private Bundles() { }

    static final BundleReader READER = new BundleReader();
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 15);
    /** The value sets of rules/terminology/ on disk. */
    static final Terminology TERMS = Samples.terminology();

    static final String PATIENT = """
            {"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1950-10-16"}""";

    /**
     * A Bundle whose first entry is the Patient (fullUrl urn:uuid:p1) followed by the given resources, each about that
     * Patient: a resource of a type whose subject R4 requires, written without one, gets {"reference":"urn:uuid:p1"}
     * (the reader does not read a record it cannot attribute). {@link #bundleAsWritten} leaves them as they are.
     */
    static byte[] bundle(String... resources) {
        String[] about = new String[resources.length];
        for (int i = 0; i < resources.length; i++) about[i] = aboutThePatient(resources[i]);
        return bundleAsWritten(about);
    }

    /** The same bundle with the resources exactly as given (no subject added). */
    static byte[] bundleAsWritten(String... resources) {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        b.append("{\"fullUrl\":\"urn:uuid:p1\",\"resource\":").append(PATIENT).append('}');
        for (String r : resources) b.append(",{\"resource\":").append(r).append('}');
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = BundleReader.jsonMapper();
    private static final java.util.Set<String> SUBJECT_REQUIRED = java.util.Set.of("Condition", "MedicationStatement",
            "MedicationAdministration", "MedicationRequest", "Procedure", "AdverseEvent");

    private static String aboutThePatient(String resource) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(resource);
            if (!node.isObject()) return resource;
            String type = node.path("resourceType").asText("");
            String field = type.equals("AllergyIntolerance") ? "patient" : SUBJECT_REQUIRED.contains(type) ? "subject" : null;
            if (field == null || node.has(field)) return resource;
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).putObject(field).put("reference", "urn:uuid:p1");
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            return resource; // not JSON: the test is about that
        }
    }

    /** Raw entries (each a complete entry object with fullUrl/resource), Patient first. */
    static byte[] bundleOfEntries(String... entries) {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        b.append("{\"fullUrl\":\"urn:uuid:p1\",\"resource\":").append(PATIENT).append('}');
        for (String e : entries) b.append(',').append(e);
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static PatientRecord read(String... resources) {
        try {
            return READER.read(bundle(resources), AS_OF, TERMS);
        } catch (InvalidBundleException e) {
            throw new AssertionError("bundle unexpectedly refused: " + e.getMessage(), e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = Bundles.class.getResourceAsStream("/fhir/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource /fhir/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Observation with one LOINC code and the given value element (e.g. "\"valueQuantity\":{...}"). */
    static String loincObservation(String id, String loinc, String valueJson) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2026-10-02T09:30:00+02:00\""
                + (valueJson == null || valueJson.isEmpty() ? "" : "," + valueJson) + "}";
    }

    static String quantity(String value, String unit) {
        return "\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"" + unit + "\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + unit + "\"}";
    }
}
