package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.scenario.Samples;
import org.myelomacds.server.security.ClientAuthenticator;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelomacds.server.CdsServerTest.HTTP;
import static org.myelomacds.server.CdsServerTest.JSON;

/**
 * Big records on a real server on a loopback port: bundles are read by the streaming scan as they arrive (gzip or
 * not) within {@code maxBundleBytes}, and admitted against the request memory budget, so a big record is answered,
 * queued or refused with a reason, never an OutOfMemoryError or an empty 500.
 */
class BigRecordServerTest {

    /** A server without warm-up; the memory budget in MiB, or null for the default (half the heap). */
    private static CdsServer server(Integer budgetMiB, Integer queueSeconds) {
        ServerConfig config = ServerConfig.defaults().with(new ServerConfig.Settings(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, queueSeconds, null, null, null, null, null, false, null, budgetMiB));
        return CdsServerTest.startServer(config, ClientAuthenticator.disabled(), new InMemoryFeedbackStore());
    }

    /**
     * The sample rrmm-copd padded to at least {@code bytes} with entries of {@code padding} (numbered with %d), as
     * one line of JSON the way an export writes it.
     */
    static byte[] padded(long bytes, String padding) throws Exception {
        JsonNode sample = JSON.readTree(Files.readAllBytes(Samples.samplesDir().resolve("rrmm-copd.json")));
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) bytes + 1_000_000);
        out.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[".getBytes(StandardCharsets.UTF_8));
        boolean first = true;
        for (JsonNode e : sample.get("entry")) {
            if (!first) out.write(',');
            out.write(JSON.writeValueAsBytes(e));
            first = false;
        }
        for (int i = 0; out.size() < bytes; i++) {
            out.write(',');
            out.write(String.format(padding, i, i).getBytes(StandardCharsets.UTF_8));
        }
        out.write("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** An encounter the engine does not read, with a narrative the size of a Synthea one. */
    static final String ENCOUNTER = "{\"fullUrl\":\"urn:uuid:enc-%d\",\"resource\":{\"resourceType\":\"Encounter\",\"id\":\"enc-%d\","
            + "\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/pt-copd\"},"
            + "\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">" + "Outpatient visit. ".repeat(60)
            + "</div>\"}}}";
    /** An old serum creatinine result: the engine reads it, so the scan keeps it. */
    static final String CREATININE = "{\"fullUrl\":\"urn:uuid:cr-%d\",\"resource\":{\"resourceType\":\"Observation\",\"id\":\"cr-%d\","
            + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"2160-0\"}]},"
            + "\"subject\":{\"reference\":\"Patient/pt-copd\"},\"effectiveDateTime\":\"2019-01-01\","
            + "\"valueQuantity\":{\"value\":0.9,\"unit\":\"mg/dL\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg/dL\"}}}";

    static HttpResponse<String> post(CdsServer s, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode requestMemory(CdsServer s) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("requestMemory");
    }

    @Test
    void aFiftyMegabyteRecordIsAcceptedPlainAndGzippedOnTheApiAndTheReviewPage() throws Exception {
        byte[] big = padded(50_000_000, ENCOUNTER);
        byte[] gzipped = CdsServerHardeningTest.gzip(big);
        try (CdsServer s = server(null, null)) {
            HttpResponse<String> plain = post(s, "/api/assessment?asOf=" + Samples.AS_OF, big);
            assertEquals(200, plain.statusCode(), plain.body());
            JsonNode assessment = JSON.readTree(plain.body());
            assertEquals("pt-copd", assessment.get("patient").get("id").asText());
            HttpResponse<String> zipped = post(s, "/api/assessment?asOf=" + Samples.AS_OF, gzipped, "Content-Encoding", "gzip");
            assertEquals(200, zipped.statusCode(), zipped.body());
            assertEquals(plain.body(), zipped.body(), "the same record, compressed or not, gives the same assessment");
            HttpResponse<String> review = post(s, "/review/report?asOf=" + Samples.AS_OF, gzipped, "Content-Encoding", "gzip");
            assertEquals(200, review.statusCode(), review.body());
            JsonNode memory = requestMemory(s);
            assertEquals(0, memory.get("inUseBytes").asLong(), "every answered request gave its memory back: " + memory);
            assertTrue(memory.get("peakInUseBytes").asLong() > MemoryBudget.BASE_CHARGE_BYTES, memory.toString());
        }
    }

    @Test
    void aBundleBreakingOffMidStreamIsA400NamingWhere() throws Exception {
        byte[] good = padded(3_000_000, ENCOUNTER);
        String text = new String(good, StandardCharsets.UTF_8);
        int cut = text.indexOf("enc-1500");
        byte[] broken = (text.substring(0, cut) + "\"}},{{" + text.substring(cut)).getBytes(StandardCharsets.UTF_8);
        try (CdsServer s = server(null, null)) {
            HttpResponse<String> r = post(s, "/api/assessment?asOf=" + Samples.AS_OF, broken);
            JsonNode issues = CdsServerTest.refused(r, 400);
            String diagnostics = issues.get(0).get("diagnostics").asText();
            assertTrue(diagnostics.matches("(?s)not JSON at line 1, column \\d{7}: .*"), diagnostics);
            // the same break in a gzip body, read while decoding
            HttpResponse<String> z = post(s, "/api/assessment?asOf=" + Samples.AS_OF, CdsServerHardeningTest.gzip(broken),
                    "Content-Encoding", "gzip");
            assertEquals(diagnostics, CdsServerTest.refused(z, 400).get(0).get("diagnostics").asText());
        }
    }

    @Test
    void aBundleThatKeepsMoreThanTheWholeBudgetIsToldToRetryNotCalledTooLargeNorRunOutOfMemory() throws Exception {
        // About 4 MB of results the engine keeps: more than a 16 MiB budget at six bytes of heap per kept byte alone. The
        // body is far under maxBundleBytes, so it is never a 413: the server's capacity falls short, 503.
        byte[] heavy = padded(4_000_000, CREATININE);
        try (CdsServer s = server(16, 1)) {
            HttpResponse<String> api = post(s, "/api/assessment?asOf=" + Samples.AS_OF, heavy);
            JsonNode issues = CdsServerTest.refused(api, 503);
            assertEquals("too-costly", issues.get(0).get("code").asText());
            assertTrue(issues.get(0).get("diagnostics").asText().contains("requestMemoryBudgetMiB"), issues.toString());
            assertTrue(api.headers().firstValue("Retry-After").isPresent(), "a 503 says when to retry");
            HttpResponse<String> review = post(s, "/review/report?asOf=" + Samples.AS_OF, heavy);
            assertEquals(503, review.statusCode(), review.body());
            assertTrue(review.headers().firstValue("Retry-After").isPresent());
            // the same record as a hook call's prefetch
            ObjectNode hook = HookRequestBuilder.patientView(JSON, JSON.readTree(heavy));
            HttpResponse<String> asHook = post(s, "/cds-services/myeloma-anti-cd38", JSON.writeValueAsBytes(hook));
            assertEquals("too-costly", CdsServerTest.refused(asHook, 503).get(0).get("code").asText());
            assertTrue(asHook.headers().firstValue("Retry-After").isPresent());
            assertEquals(0, requestMemory(s).get("inUseBytes").asLong());
            // a record that fits is still answered by the same server
            byte[] light = padded(200_000, ENCOUNTER);
            assertEquals(200, post(s, "/api/assessment?asOf=" + Samples.AS_OF, light).statusCode());
        }
    }

    @Test
    void threeBigRecordsAtOnceAreEachAnsweredOrToldToRetry() throws Exception {
        // Each keeps about 0.7 MB in about 2,100 results: about 15 MiB of a 24 MiB budget (6 bytes per kept byte and
        // 4 KiB per kept entry), so two do not fit at once.
        byte[] record = padded(700_000, CREATININE);
        try (CdsServer s = server(24, 1)) {
            List<CompletableFuture<HttpResponse<String>>> calls = atOnce(3, s, record);
            int answered = 0;
            int toldToRetry = 0;
            for (CompletableFuture<HttpResponse<String>> c : calls) {
                HttpResponse<String> r = c.get();
                if (r.statusCode() == 200) {
                    answered++;
                    assertEquals("pt-copd", JSON.readTree(r.body()).get("patient").get("id").asText());
                } else {
                    JsonNode issues = CdsServerTest.refused(r, 503);
                    assertEquals("transient", issues.get(0).get("code").asText());
                    assertTrue(r.headers().firstValue("Retry-After").isPresent(), "a 503 says when to retry");
                    toldToRetry++;
                }
            }
            assertEquals(3, answered + toldToRetry);
            assertTrue(answered >= 1, "the budget holds at least one such record at a time");
            JsonNode memory = requestMemory(s);
            assertEquals(0, memory.get("inUseBytes").asLong(), memory.toString());
            assertEquals(toldToRetry, memory.get("refused").asInt(), memory.toString());
        }
        // With the default budget (half the heap) all three are answered.
        try (CdsServer s = server(null, null)) {
            List<CompletableFuture<HttpResponse<String>>> calls = atOnce(3, s, record);
            for (CompletableFuture<HttpResponse<String>> c : calls) assertEquals(200, c.get().statusCode());
        }
    }

    /** {@code n} assessment calls with the same record, sent at once. */
    private static List<CompletableFuture<HttpResponse<String>>> atOnce(int n, CdsServer s, byte[] record) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return post(s, "/api/assessment?asOf=" + Samples.AS_OF, record);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        return calls;
    }

    /** A vital sign the engine does not read, with a Synthea-sized narrative: the bulk of a real record's Observations. */
    static final String HEART_RATE = "{\"fullUrl\":\"urn:uuid:hr-%d\",\"resource\":{\"resourceType\":\"Observation\",\"id\":\"hr-%d\","
            + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\",\"display\":\"Heart rate\"}]},"
            + "\"subject\":{\"reference\":\"Patient/pt-copd\"},\"effectiveDateTime\":\"2019-01-01\","
            + "\"valueQuantity\":{\"value\":72,\"unit\":\"/min\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"/min\"},"
            + "\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">" + "Heart rate 72 per minute. ".repeat(40)
            + "</div>\"}}}";

    @Test
    void aHookCallCarryingABigRecordAsPrefetchIsAnsweredAndChargedByWhatTheEngineReads() throws Exception {
        JsonNode small = JSON.readTree(Files.readAllBytes(Samples.samplesDir().resolve("rrmm-copd.json")));
        JsonNode big = JSON.readTree(padded(30_000_000, HEART_RATE));
        try (CdsServer s = server(null, null)) {
            List<String> expected = CdsServerTest.summaries(CdsServerTest.cards(post(s, "/cds-services/myeloma-anti-cd38",
                    JSON.writeValueAsBytes(HookRequestBuilder.patientView(JSON, small)))));
            byte[] body = JSON.writeValueAsBytes(HookRequestBuilder.patientView(JSON, big));
            assertTrue(body.length > 30_000_000, "six times the former 5 MB limit of a hook call");
            HttpResponse<String> plain = post(s, "/cds-services/myeloma-anti-cd38", body);
            assertEquals(expected, CdsServerTest.summaries(CdsServerTest.cards(plain)), "vital signs change no card");
            HttpResponse<String> zipped = post(s, "/cds-services/myeloma-anti-cd38", CdsServerHardeningTest.gzip(body), "Content-Encoding", "gzip");
            assertEquals(expected, CdsServerTest.summaries(CdsServerTest.cards(zipped)));
            JsonNode memory = requestMemory(s);
            assertEquals(MemoryBudget.defaultBudgetBytes(), memory.get("budgetBytes").asLong());
            assertEquals(0, memory.get("inUseBytes").asLong(), "every answered call gave its memory back: " + memory);
            // Charged by what is held (the sample's entries, the reduced vital signs), not by the 30 MB read.
            assertTrue(memory.get("peakInUseBytes").asLong() < body.length, memory.toString());
            assertTrue(memory.get("peakInUseBytes").asLong() > MemoryBudget.BASE_CHARGE_BYTES, memory.toString());
        }
    }
}
