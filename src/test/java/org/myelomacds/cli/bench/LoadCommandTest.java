package org.myelomacds.cli.bench;

import org.myelomacds.cli.ExitCode;
import org.myelomacds.cli.Main;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.scenario.ExpectedResult;
import org.myelomacds.scenario.Samples;
import org.myelomacds.server.PrefetchKeys;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load generator's statistics and request building, and its loop against a loopback test server. */
class LoadCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private java.util.concurrent.ExecutorService handlers;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
        if (handlers != null) handlers.shutdownNow();
    }

    @Test
    void percentilesAreNearestRank() {
        long[] oneToHundred = new long[100];
        for (int i = 0; i < 100; i++) oneToHundred[99 - i] = (i + 1) * 1_000_000L; // unsorted on purpose
        LatencyStats s = LatencyStats.of(oneToHundred, 3, 2_000_000_000L);
        assertEquals(50_000_000L, s.p50Nanos());
        assertEquals(95_000_000L, s.p95Nanos());
        assertEquals(99_000_000L, s.p99Nanos());
        assertEquals(100_000_000L, s.maxNanos());
        assertEquals(50.0, s.throughput(), 1e-9);
        assertEquals(3, s.errors());

        long[] three = {30, 10, 20};
        LatencyStats t = LatencyStats.of(three, 0, 1);
        assertEquals(20, t.p50Nanos());
        assertEquals(30, t.p95Nanos(), "with three samples the 95th percentile is the slowest");
        assertEquals(0, LatencyStats.of(new long[0], 0, 0).p99Nanos());
        assertEquals(0.0, LatencyStats.of(new long[0], 0, 0).throughput());
    }

    @Test
    void prefetchHoldsTheWholePaddedPatientUnderTheSharedKeys() throws Exception {
        byte[] original = Files.readAllBytes(Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json"));
        byte[] padded = PatientViewRequest.padWithHistory(original, 50);
        assertEquals(51, JSON.readTree(padded).path("entry").size());
        PatientViewRequest request = PatientViewRequest.fromBundle(padded);
        assertEquals(1, request.skipped(), "the CarePlan is not a prefetch resource");
        assertEquals(50, request.totalEntries());

        JsonNode body = JSON.readTree(request.body(UUID.randomUUID()));
        assertEquals("patient-view", body.path("hook").asText());
        assertEquals("pt-isapd", body.path("context").path("patientId").asText());
        List<String> keys = new ArrayList<>();
        body.path("prefetch").fieldNames().forEachRemaining(keys::add);
        assertEquals(PrefetchKeys.ALL, keys);
        assertEquals("Patient", body.path("prefetch").path("patient").path("resourceType").asText());
        for (String key : PrefetchKeys.ALL.subList(1, PrefetchKeys.ALL.size())) {
            JsonNode set = body.path("prefetch").path(key);
            assertEquals("searchset", set.path("type").asText(), key);
            for (JsonNode e : set.path("entry")) {
                assertEquals(PrefetchKeys.RESOURCE_TYPES.get(key), e.path("resource").path("resourceType").asText(), key);
                assertEquals("match", e.path("search").path("mode").asText());
            }
            assertEquals(set.path("total").asInt(), set.path("entry").size());
        }
        assertEquals(37, body.path("prefetch").path("observations").path("total").asInt(), "7 observations plus 30 older results");
    }

    @Test
    void thePrefetchCarriesEverythingTheEngineDecidesOn() throws Exception {
        // The padded patient, sent as prefetch and put back together, gets the assessment of the original bundle.
        for (String sample : List.of("rrmm-isa-pd-candidate.json", "rrmm-missing-renal.json", "rrmm-one-prior-line.json")) {
            byte[] original = Files.readAllBytes(Samples.samplesDir().resolve(sample));
            PatientViewRequest request = PatientViewRequest.fromBundle(PatientViewRequest.padWithHistory(original, 50));
            JsonNode prefetch = JSON.readTree(request.body(UUID.randomUUID())).path("prefetch");
            ObjectNode collection = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
            ArrayNode entries = collection.putArray("entry");
            // What a server does with the bare Patient: it has no fullUrl, references to it are relative.
            entries.addObject().put("fullUrl", org.myelomacds.server.HookRequestBuilder.FHIR_BASE + "Patient/" + prefetch.path("patient").path("id").asText()).set("resource", prefetch.path("patient"));
            Set<String> seen = new HashSet<>();
            for (String key : PrefetchKeys.ALL.subList(1, PrefetchKeys.ALL.size())) {
                for (JsonNode e : prefetch.path(key).path("entry")) {
                    if (seen.add(e.path("fullUrl").asText())) entries.addObject().put("fullUrl", e.path("fullUrl").asText()).set("resource", e.path("resource"));
                }
            }
            org.myelomacds.engine.Rulebase rulebase = Samples.rulebase(org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL);
            Evaluator evaluator = new Evaluator(rulebase);
            EvaluationContext ctx = new EvaluationContext(Samples.AS_OF, Jurisdiction.EU);
            BundleReader reader = new BundleReader();
            JsonNode expected = ExpectedResult.of(evaluator.evaluate(reader.read(original, Samples.AS_OF, rulebase.terminology()), ctx));
            JsonNode fromPrefetch = ExpectedResult.of(evaluator.evaluate(reader.read(JSON.writeValueAsBytes(collection), Samples.AS_OF, rulebase.terminology()), ctx));
            assertEquals("", ExpectedResult.diff(expected, fromPrefetch, ""), sample);
        }
    }

    @Test
    void referencedMedicationsTravelAsIncludes() throws Exception {
        byte[] bundle = Files.readAllBytes(Samples.samplesDir().resolve("rrmm-missing-renal.json"));
        JsonNode prefetch = JSON.readTree(PatientViewRequest.fromBundle(bundle).body(UUID.randomUUID())).path("prefetch");
        Set<String> included = new HashSet<>();
        for (String key : PrefetchKeys.ALL.subList(1, PrefetchKeys.ALL.size())) {
            Set<String> referenced = new HashSet<>();
            for (JsonNode e : prefetch.path(key).path("entry")) {
                if (e.path("search").path("mode").asText().equals("include")) {
                    assertEquals("Medication", e.path("resource").path("resourceType").asText());
                    String ref = "Medication/" + e.path("resource").path("id").asText();
                    included.add(ref);
                    assertTrue(referenced.contains(ref), key + " includes " + ref + " only after an entry that references it");
                } else {
                    referenced.add(e.path("resource").path("medicationReference").path("reference").asText(""));
                }
            }
        }
        assertEquals(3, included.size(), "the three bundled Medications, each in the searchsets that reference them: " + included);
    }

    @Test
    void eachRequestHasItsOwnHookInstance() throws Exception {
        PatientViewRequest request = PatientViewRequest.fromBundle(Files.readAllBytes(Samples.samplesDir().resolve("rrmm-copd.json")));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertEquals(a.toString(), JSON.readTree(request.body(a)).path("hookInstance").asText());
        assertEquals(b.toString(), JSON.readTree(request.body(b)).path("hookInstance").asText());
    }

    @Test
    void cardsAreCheckedForWhatAClientRenders() {
        assertNull(LoadCommand.checkCards(bytes("{\"cards\":[]}")));
        assertNull(LoadCommand.checkCards(bytes("{\"cards\":[{\"summary\":\"Isa-Pd eligible\",\"indicator\":\"info\",\"source\":{\"label\":\"ICARIA-MM\"}}]}")));
        assertEquals("response has no cards array", LoadCommand.checkCards(bytes("{}")));
        assertTrue(LoadCommand.checkCards(bytes("<html>")).startsWith("response is not JSON"));
        assertEquals("cards[0].indicator is not info, warning or critical",
                LoadCommand.checkCards(bytes("{\"cards\":[{\"summary\":\"x\",\"indicator\":\"hard-stop\",\"source\":{\"label\":\"y\"}}]}")));
        assertEquals("cards[0].summary is empty or 140 characters or longer",
                LoadCommand.checkCards(bytes("{\"cards\":[{\"summary\":\"" + "x".repeat(140) + "\",\"indicator\":\"info\",\"source\":{\"label\":\"y\"}}]}")));
        assertEquals("cards[0].source.label is missing", LoadCommand.checkCards(bytes("{\"cards\":[{\"summary\":\"x\",\"indicator\":\"info\"}]}")));
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    /** A loopback server answering patient-view with a fixed card, failing every `failEvery`-th call (0: never). */
    private String startServer(int failEvery, AtomicInteger calls, Set<String> hookInstances, List<String> authorizations) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        handlers = java.util.concurrent.Executors.newFixedThreadPool(8);
        server.setExecutor(handlers);
        server.createContext("/cds-services/myeloma-anti-cd38", exchange -> {
            int n = calls.incrementAndGet();
            JsonNode req = JSON.readTree(exchange.getRequestBody());
            hookInstances.add(req.path("hookInstance").asText());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            // Check and add under one lock: two concurrent calls could otherwise both see room for a third entry.
            if (auth != null) synchronized (authorizations) { if (authorizations.size() < 3) authorizations.add(auth); }
            boolean fail = failEvery > 0 && n % failEvery == 0;
            byte[] body = bytes(fail ? "{\"resourceType\":\"OperationOutcome\"}"
                    : "{\"cards\":[{\"uuid\":\"" + UUID.randomUUID() + "\",\"summary\":\"Isa-Pd eligible\",\"indicator\":\"info\",\"source\":{\"label\":\"ICARIA-MM\"}}]}");
            exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) { out.write(body); }
        });
        server.createContext("/health", exchange -> {
            byte[] body = bytes("{\"status\":\"UP\",\"memory\":{\"peakHeapBytes\":134217728}}");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) { out.write(body); }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void runsEachLevelToItsBudgetAndReportsFigures() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Set<String> hookInstances = ConcurrentHashMap.newKeySet();
        List<String> auths = new java.util.concurrent.CopyOnWriteArrayList<>();
        String url = startServer(0, calls, hookInstances, auths);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"load", "--url", url, "--concurrency", "1,4", "--requests", "40", "--warmup", "10",
                "--bundle", Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json").toString(), "--token", "test-token"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, report + err);
        assertEquals(90, calls.get(), "10 warm-up requests and 40 per level, no more");
        assertEquals(90, hookInstances.size(), "every call has its own hookInstance");
        assertEquals(List.of("Bearer test-token", "Bearer test-token", "Bearer test-token"), auths);
        assertTrue(report.contains("50 entries"), report);
        List<String> rows = report.lines().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\s+\\d+\\s.*")).toList();
        assertEquals(2, rows.size(), report);
        assertTrue(rows.get(0).matches("\\s+1\\s+40\\s+0\\s.*128 MiB.*MiB\\s*"), rows.get(0));
        assertTrue(rows.get(1).matches("\\s+4\\s+40\\s+0\\s.*"), rows.get(1));
    }

    @Test
    void signsAFreshClientJwtForEveryCallThatTheServersVerifierAccepts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> auths = new java.util.concurrent.CopyOnWriteArrayList<>();
        String url = startServer(0, calls, ConcurrentHashMap.newKeySet(), auths);
        java.nio.file.Path key = dir.resolve("client.jwk");
        // The key is generated on first use, with its public JWK Set written next to it for the server to fetch.
        List<String> notes = new ArrayList<>();
        ClientTokenMinter.loadOrCreate(key, notes);
        assertTrue(notes.get(0).contains("client.jwk.jwks.json"), notes.toString());
        byte[] jwks = Files.readAllBytes(dir.resolve("client.jwk.jwks.json"));
        assertTrue(!new String(jwks, StandardCharsets.UTF_8).contains("\"d\""), "the public JWK Set holds no private part");
        server.createContext("/jwks.json", exchange -> {
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) { out.write(jwks); }
        });
        String iss = "https://ehr.test";
        org.myelomacds.server.security.JwtClientAuthenticator verifier = new org.myelomacds.server.security.JwtClientAuthenticator(
                List.of(org.myelomacds.server.security.TrustedIssuer.of(iss, url + "/jwks.json")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"load", "--url", url, "--concurrency", "2", "--requests", "6", "--warmup", "0",
                "--bundle", Samples.samplesDir().resolve("rrmm-copd.json").toString(), "--sign-key", key.toString(), "--issuer", iss},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out + "\n" + err);
        assertEquals(3, auths.size());
        java.net.URI service = java.net.URI.create(url + "/cds-services/myeloma-anti-cd38");
        Set<String> jtis = new HashSet<>();
        for (String auth : auths) jtis.add(verifier.authenticate(auth, service).jti());
        assertEquals(3, jtis.size(), "each call carries its own jti, so none is refused as a replay");
    }

    @Test
    void countsErrorsAndExitsNonZero() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String url = startServer(5, calls, ConcurrentHashMap.newKeySet(), new ArrayList<>());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"load", "--url", url, "--concurrency", "2", "--requests", "50", "--warmup", "0",
                "--bundle", Samples.samplesDir().resolve("rrmm-copd.json").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.CHECK_FAILED, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).lines().anyMatch(l -> l.matches("\\s+2\\s+50\\s+10\\s.*")), out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("10 request(s) failed"), err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("HTTP 500"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnreachableServerStopsAfterTheWarmUp() throws Exception {
        // Bound but never listening: connections are refused, and while it is held no other process can take the port
        // (a port closed before the call could be reused by a server of another job on the same machine).
        try (java.net.Socket closed = new java.net.Socket()) {
            closed.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[]{"load", "--url", "http://127.0.0.1:" + closed.getLocalPort(), "--warmup", "3",
                    "--bundle", Samples.samplesDir().resolve("rrmm-copd.json").toString()},
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(ExitCode.CHECK_FAILED, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("every warm-up request failed"), err.toString(StandardCharsets.UTF_8));
        }
    }
}
