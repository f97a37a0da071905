package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.myelomacds.fhir.FhirServerFetcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * What a fresh server does once before it listens, so the first clinician's call does not pay for class loading and
 * the first compilations: a few evaluations of a synthetic patient through the hook path (prefetch tree, read,
 * evaluate, cards, JSON), and one FHIR client round (HAPI's client, its parser and HTTP stack) against a throwaway
 * loopback endpoint. The patient is made up and nothing of it is kept, logged or stored.
 */
final class WarmUp {
    /** Enough for the class loading and the first tier of compilation of the hook path; about a second of CPU. */
    static final int EVALUATIONS = 20;

    /** A synthetic patient: demographics, a myeloma diagnosis and one renal result, as prefetch would carry them. */
    static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"warm-up\",\"gender\":\"female\",\"birthDate\":\"1960-01-01\"}";
    static final String EMPTY = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}";
    static final String CONDITIONS = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
            + "{\"resourceType\":\"Condition\",\"id\":\"warm-up-mm\",\"subject\":{\"reference\":\"Patient/warm-up\"},"
            + "\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},"
            + "\"verificationStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-ver-status\",\"code\":\"confirmed\"}]},"
            + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"109989006\"}]},\"onsetDateTime\":\"2024-01-15\"}}]}";
    static final String OBSERVATIONS = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"warm-up-egfr\",\"status\":\"final\",\"subject\":{\"reference\":\"Patient/warm-up\"},"
            + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"33914-3\"}]},\"effectiveDateTime\":\"2026-01-10\","
            + "\"valueQuantity\":{\"value\":72,\"unit\":\"mL/min/{1.73_m2}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mL/min/{1.73_m2}\"}}}]}";

    private WarmUp() { }

    /** A prefetch object with every key: the Patient, the synthetic searchset for every search key. */
    static JsonNode prefetch(ObjectMapper json) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode p = json.createObjectNode();
        for (String key : Prefetch.TEMPLATES.keySet()) {
            String template = Prefetch.TEMPLATES.get(key);
            p.set(key, json.readTree(template.startsWith("Patient/") ? PATIENT : template.startsWith("Condition?") ? CONDITIONS
                    : template.startsWith("Observation?") ? OBSERVATIONS : EMPTY));
        }
        return p;
    }

    /** One FHIR read and one search through the fetcher, against a loopback endpoint that lives for this call only. */
    static void fhirClientRound(FhirServerFetcher fetcher) throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/fhir", exchange -> {
            byte[] body = (exchange.getRequestURI().getPath().contains("/Patient/") ? PATIENT : CONDITIONS).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        try {
            String base = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + http.getAddress().getPort() + "/fhir";
            fetcher.fetch(base, "warm-up", "Patient/warm-up");
            fetcher.fetch(base, "warm-up", "Condition?patient=warm-up");
        } finally {
            http.stop(0);
        }
    }
}
