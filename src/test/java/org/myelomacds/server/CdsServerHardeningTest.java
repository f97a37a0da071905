package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelomacds.scenario.Samples;
import org.myelomacds.server.security.ClientAuthenticator;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelomacds.server.CdsServerTest.HTTP;
import static org.myelomacds.server.CdsServerTest.JSON;
import static org.myelomacds.server.CdsServerTest.refused;
import static org.myelomacds.server.CdsServerTest.sample;

/**
 * What a hostile or careless client sends, over HTTP against the real server on loopback: JSON nested too deep,
 * duplicate keys, control characters meant for the log, gzip bodies.
 */
class CdsServerHardeningTest {
    static CdsServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = CdsServerTest.startServer(ServerConfig.defaults(), ClientAuthenticator.disabled(), new InMemoryFeedbackStore());
        base = server.baseUrl().toString();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    static String patientView() throws Exception {
        return JSON.writeValueAsString(HookRequestBuilder.patientView(JSON, sample("rrmm-copd")));
    }

    static String deep(int depth) {
        return "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    /**
     * Opens a POST whose headers promise a body whose end never comes: the server holds a thread reading it. The part
     * sent (90 KB of JSON whitespace) keeps the request above the minimum data rate (1 KiB/s from its first byte) for
     * about 88 s, so on a busy machine no stalled request is cut off (408, its slot freed) before the last one is
     * open; a single byte fell below that rate as soon as the server's first read came more than a second late.
     */
    private static java.net.Socket stalledPost(String server, String path) throws Exception {
        URI u = URI.create(server);
        java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort());
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000\r\n\r\n{" + " ".repeat(90_000)).getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static JsonNode health(String server) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void slowBodiesTakeOnlyTheirOwnSlotsSoHealthAndHooksStillAnswer() throws Exception {
        // Its own server with a long idle timeout: on a busy machine opening 100 connections can take longer than the
        // default 15 s, and the first stalled requests must not be closed before the last one takes its slot.
        ServerConfig patient = ServerConfig.defaults().with(new ServerConfig.Settings(0, "127.0.0.1", null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, 600, null, false));
        try (CdsServer slowServer = CdsServerTest.startServer(patient, ClientAuthenticator.disabled(), new InMemoryFeedbackStore())) {
            String at = slowServer.baseUrl().toString();
            List<java.net.Socket> stalled = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < ReceivingSlots.OTHER_SLOTS; i++) stalled.add(stalledPost(at, "/api/assessment"));
                // Wait until the server has taken every slot (each stalled request is inside its route, reading).
                long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
                while (health(at).path("receiving").path("otherBodySlotsInUse").asInt() < ReceivingSlots.OTHER_SLOTS) {
                    assertTrue(System.nanoTime() < until, "the stalled requests never took their slots: " + health(at));
                    Thread.sleep(50);
                }
                // One more body-carrying request is refused at once, before its body is read …
                HttpResponse<String> refusedBusy = HTTP.send(HttpRequest.newBuilder(URI.create(at + "/api/assessment"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(503, refusedBusy.statusCode(), refusedBusy.body());
                assertEquals("1", refusedBusy.headers().firstValue("Retry-After").orElse(null));
                assertEquals("transient", JSON.readTree(refusedBusy.body()).at("/issue/0/code").asText(), refusedBusy.body());
                // … while /health and the hook, which have threads and slots of their own, still answer.
                assertEquals("UP", health(at).path("status").asText());
                HttpResponse<String> hook = HTTP.send(HttpRequest.newBuilder(URI.create(at + "/cds-services/myeloma-anti-cd38"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(patientView())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, hook.statusCode(), hook.body());
            } finally {
                for (java.net.Socket socket : stalled) socket.close();
            }
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
            while (health(at).path("receiving").path("otherBodySlotsInUse").asInt() > 0) {
                assertTrue(System.nanoTime() < until, "slots were not given back: " + health(at));
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aBodyTricklingInSlowerThanTheMinimumRateIsCutOffWith408() throws Exception {
        URI u = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort())) {
            socket.setSoTimeout(120_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/assessment HTTP/1.1\r\nHost: " + u.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = "";
            // One byte a second, far below the minimum rate but well inside the idle timeout, until the server answers.
            for (int i = 0; i < 60 && answer.isEmpty(); i++) {
                try {
                    out.write('{');
                    out.flush();
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(1000);
                if (socket.getInputStream().available() > 0) answer = new String(socket.getInputStream().readNBytes(socket.getInputStream().available()), StandardCharsets.UTF_8);
            }
            if (answer.isEmpty()) answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("OperationOutcome") && answer.contains("too slowly"), answer);
        }
    }

    @Test
    void jsonNestedBeyondTheParsersLimitIs400OnEveryPostRoute() throws Exception {
        for (String path : List.of("/cds-services/myeloma-anti-cd38", "/cds-services/anti-cd38-order-check",
                "/cds-services/myeloma-anti-cd38/feedback", "/api/assessment")) {
            JsonNode issues = refused(post(path, deep(5_000)), 400);
            assertTrue(issues.get(0).get("diagnostics").asText().contains("nesting depth"), path + ": " + issues);
        }
        HttpResponse<String> review = post("/review/report?asOf=2026-11-01", deep(5_000));
        assertEquals(400, review.statusCode(), review.body());
        assertTrue(review.body().contains("nesting depth"), review.body());
    }

    @Test
    void aKeyGivenTwiceIsRefusedInEveryRequestBody() throws Exception {
        String hook = patientView();
        String twice = hook.replaceFirst("\"patientId\":\"pt-copd\"", "\"patientId\":\"other\",\"patientId\":\"pt-copd\"");
        assertTrue(twice.contains("\"other\""), "the test body has the duplicate");
        JsonNode issues = refused(post("/cds-services/myeloma-anti-cd38", twice), 400);
        assertTrue(issues.get(0).get("diagnostics").asText().contains("Duplicate field 'patientId'"), issues.toString());

        String feedback = "{\"feedback\":[{\"card\":\"a\",\"card\":\"b\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-01T10:00:00Z\"}]}";
        assertTrue(refused(post("/cds-services/myeloma-anti-cd38/feedback", feedback), 400).get(0).get("diagnostics").asText().contains("Duplicate field 'card'"));

        String bundle = Files.readString(Samples.samplesDir().resolve("rrmm-copd.json"));
        String dupBundle = bundle.replaceFirst("\"resourceType\"\\s*:\\s*\"Bundle\"", "\"resourceType\":\"Bundle\",\"type\":\"collection\",\"type\":\"collection\"");
        assertTrue(refused(post("/api/assessment?asOf=" + Samples.AS_OF, dupBundle), 400).get(0).get("diagnostics").asText().contains("Duplicate field 'type'"));
        HttpResponse<String> review = post("/review/report?asOf=2026-11-01", dupBundle);
        assertEquals(400, review.statusCode());
        assertTrue(review.body().contains("Duplicate field 'type'"), review.body());
        // the same body without the duplicate is answered
        assertEquals(200, post("/api/assessment?asOf=" + Samples.AS_OF, bundle).statusCode());
    }

    @Test
    void aHookInstanceThatIsNotAUuidIsRefused() throws Exception {
        ObjectNode req = (ObjectNode) JSON.readTree(patientView());
        req.put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\n2026-12-03 INFO org.myelomacds.audit - cds-hook forged=1");
        JsonNode issues = refused(post("/cds-services/myeloma-anti-cd38", JSON.writeValueAsString(req)), 400);
        assertEquals("hookInstance", issues.get(0).get("expression").get(0).asText());
        assertFalse(issues.toString().contains("forged"), "the refused value is not echoed");
        req.put("hookInstance", "not-a-uuid");
        refused(post("/cds-services/myeloma-anti-cd38", JSON.writeValueAsString(req)), 400);
    }

    @Test
    void gzipBodiesAreDecodedOnEveryPostRouteWithinTheLimit() throws Exception {
        byte[] hook = gzip(patientView().getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = post("/cds-services/myeloma-anti-cd38", hook, "Content-Encoding", "gzip");
        CdsServerTest.cards(r);
        byte[] bundle = gzip(Files.readAllBytes(Samples.samplesDir().resolve("rrmm-copd.json")));
        assertEquals(200, post("/api/assessment?asOf=" + Samples.AS_OF, bundle, "Content-Encoding", "gzip").statusCode());
        assertEquals(200, post("/review/report?asOf=2026-11-01", bundle, "Content-Encoding", "gzip").statusCode());
        // a small gzip body that expands beyond the route's limit is refused while decoding: maxRequestBytes for
        // feedback, maxBundleBytes for a hook call (its prefetch may be a whole record) and for a bundle (whitespace,
        // so the streaming readers read on until the limit)
        byte[] feedbackBomb = gzip(" ".repeat((int) ServerConfig.DEFAULT_MAX_REQUEST_BYTES + 1024).getBytes(StandardCharsets.UTF_8));
        assertTrue(feedbackBomb.length < 100_000);
        assertTrue(refused(post("/cds-services/myeloma-anti-cd38/feedback", feedbackBomb, "Content-Encoding", "gzip"), 413).get(0)
                .get("diagnostics").asText().contains("maxRequestBytes"));
        byte[] hookBomb = gzip(" ".repeat((int) ServerConfig.DEFAULT_MAX_BUNDLE_BYTES + 1024).getBytes(StandardCharsets.UTF_8));
        assertTrue(refused(post("/cds-services/myeloma-anti-cd38", hookBomb, "Content-Encoding", "gzip"), 413).get(0)
                .get("diagnostics").asText().contains("once decompressed exceeds the limit of " + ServerConfig.DEFAULT_MAX_BUNDLE_BYTES + " bytes (maxBundleBytes)"));
        byte[] bomb = gzip(" ".repeat((int) ServerConfig.DEFAULT_MAX_BUNDLE_BYTES + 1024).getBytes(StandardCharsets.UTF_8));
        assertTrue(bomb.length < 200_000);
        assertTrue(refused(post("/api/assessment", bomb, "Content-Encoding", "gzip"), 413).get(0)
                .get("diagnostics").asText().contains("once decompressed exceeds the limit of " + ServerConfig.DEFAULT_MAX_BUNDLE_BYTES + " bytes (maxBundleBytes)"));
        refused(post("/api/assessment", "not gzip".getBytes(), "Content-Encoding", "gzip"), 400);
        refused(post("/api/assessment", hook, "Content-Encoding", "br"), 415);
    }

    static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    /** The audit log of a real serve process: one line per call, whatever the client put in its values. */
    @Test
    void clientValuesCannotForgeAuditLines(@TempDir Path dir) throws Exception {
        try (ServeProcess serve = new ServeProcess(dir, "--dev")) {
            String forged = "2026-12-03 INFO org.myelomacds.audit - cds-hook service=myeloma-anti-cd38 outcome=cards forged=yes";
            ObjectNode req = (ObjectNode) JSON.readTree(patientView());
            req.put("hook", "patient-view\n" + forged);
            req.put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\r\n" + forged);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(serve.base() + "/cds-services/myeloma-anti-cd38"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(req))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode());
            req.put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
            HttpResponse<String> r2 = HTTP.send(HttpRequest.newBuilder(URI.create(serve.base() + "/cds-services/myeloma-anti-cd38"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(req))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r2.statusCode(), "hook names patient-view plus a forged line: not a hook this service answers");
            HttpResponse<String> r3 = HTTP.send(HttpRequest.newBuilder(URI.create(serve.base() + "/cds-services/x%0A" + forged.replace(" ", "%20")))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r3.statusCode());
            Thread.sleep(300);
            List<String> lines = serve.lines();
            assertTrue(lines.stream().noneMatch(l -> l.startsWith("2026-12-03 INFO")), "no line starts as the forged one: " + lines);
            assertTrue(lines.stream().filter(l -> l.contains("org.myelomacds.audit")).filter(l -> l.contains("forged=yes")).allMatch(l -> l.contains("\\n")),
                    "where the forged text appears it is inside one escaped value: " + lines);
            assertEquals(3, lines.stream().filter(l -> l.contains("cds-hook service=")).count(), "one audit line per call: " + lines);
        }
    }

    // ------------------------------------------------------------------ CORS, oversized headers, report links

    static final String SANDBOX = "https://sandbox.cds-hooks.org";

    static HttpResponse<String> send(CdsServer target, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDisallowedOriginIsRefusedBeforeAnyWorkAndAListedOneGetsCorsHeaders() throws Exception {
        java.util.concurrent.atomic.AtomicInteger authenticated = new java.util.concurrent.atomic.AtomicInteger();
        ClientAuthenticator counting = (header, url) -> {
            authenticated.incrementAndGet();
            return ClientAuthenticator.disabled().authenticate(header, url);
        };
        InMemoryFeedbackStore store = new InMemoryFeedbackStore();
        ServerConfig listed = ServerConfig.defaults().with(new ServerConfig.Settings(null, null, null, null, null, null, null,
                null, null, null, null, List.of(SANDBOX), null, null, null, null));
        CdsServer restricted = CdsServerTest.startServer(listed, counting, store);
        try {
            String hook = patientView();
            HttpResponse<String> foreign = send(restricted, "POST", "/cds-services/myeloma-anti-cd38", hook, "Origin", "https://evil.example.net");
            JsonNode issues = refused(foreign, 403);
            assertTrue(issues.get(0).get("diagnostics").asText().contains("not allowed"), issues.toString());
            assertFalse(foreign.body().contains("cards"), "no cards in the refusal");
            assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
            assertEquals(0, authenticated.get(), "refused before the token was looked at (no jti spent)");
            assertTrue(store.issued.isEmpty(), "nothing was evaluated or issued");
            refused(send(restricted, "OPTIONS", "/cds-services/myeloma-anti-cd38", null, "Origin", "https://evil.example.net",
                    "Access-Control-Request-Method", "POST"), 403);

            HttpResponse<String> preflight = send(restricted, "OPTIONS", "/cds-services/myeloma-anti-cd38", null, "Origin", SANDBOX,
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
            assertEquals(204, preflight.statusCode());
            assertEquals(SANDBOX, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
            HttpResponse<String> allowed = send(restricted, "POST", "/cds-services/myeloma-anti-cd38", hook, "Origin", SANDBOX);
            CdsServerTest.cards(allowed);
            assertEquals(SANDBOX, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertEquals("Origin", allowed.headers().firstValue("Vary").orElse(""));
            // a page of this server itself (the review page posts with its own Origin) is same-origin, not cross-origin
            CdsServerTest.cards(send(restricted, "POST", "/cds-services/myeloma-anti-cd38", hook, "Origin", restricted.baseUrl().toString()));
            // no Origin: not a browser; answered as always
            CdsServerTest.cards(send(restricted, "POST", "/cds-services/myeloma-anti-cd38", hook));
        } finally {
            restricted.close();
        }
    }

    @Test
    void oversizedHeadersGetAnOperationOutcomeNotJettysPage() throws Exception {
        HttpResponse<String> r = send(server, "POST", "/cds-services/myeloma-anti-cd38", patientView(),
                "Authorization", "Bearer " + "a".repeat(100 * 1024));
        JsonNode issues = refused(r, 431);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(issues.get(0).get("diagnostics").asText().contains("maxRequestHeaderBytes"), issues.toString());
        assertFalse(r.body().contains("<html"), r.body());
        // a JWT-sized header is fine
        CdsServerTest.cards(send(server, "POST", "/cds-services/myeloma-anti-cd38", patientView(), "Authorization", "Bearer " + "a".repeat(4000)));
    }

    @Test
    void reportLinksAreNeverCachedAndTheirLifetimeAndStoreSizeAreConfigured() throws Exception {
        ServerConfig small = ServerConfig.defaults().with(new ServerConfig.Settings(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, 5, 2, null, null, null, null));
        CdsServer s = CdsServerTest.startServer(small, ClientAuthenticator.disabled(), new InMemoryFeedbackStore());
        try {
            List<String> links = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                JsonNode cards = CdsServerTest.cards(send(s, "POST", "/cds-services/myeloma-anti-cd38", patientView()));
                links.add(cards.get(0).get("links").get(0).get("url").asText());
            }
            for (String format : List.of("", "?format=json", "?format=markdown")) {
                HttpResponse<String> report = HTTP.send(HttpRequest.newBuilder(URI.create(links.get(2) + format)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, report.statusCode());
                assertEquals("no-store", report.headers().firstValue("Cache-Control").orElse(""), format);
            }
            HttpResponse<String> evicted = HTTP.send(HttpRequest.newBuilder(URI.create(links.get(0))).GET().build(), HttpResponse.BodyHandlers.ofString());
            refused(evicted, 404);
            JsonNode health = JSON.readTree(send(s, "GET", "/health", null).body());
            assertEquals(5, health.get("reports").get("ttlMinutes").asInt());
            assertEquals(2, health.get("reports").get("capacity").asInt());
            assertEquals(2, health.get("reports").get("held").asInt());
        } finally {
            s.close();
        }
    }

    // ------------------------------------------------------------------ feedback database outage

    /** A feedback store whose database can be switched off: every call then fails as a refused connection does. */
    static final class SwitchableStore extends InMemoryFeedbackStore {
        volatile boolean down;

        private void check() {
            if (down) throw new org.myelomacds.server.feedback.FeedbackStoreException(
                    "feedback database jdbc:postgresql://db:5432/cds: cannot reach the database: Connection refused", null);
        }

        @Override public void recordIssued(List<org.myelomacds.server.feedback.IssuedCard> cards) { check(); super.recordIssued(cards); }
        @Override public boolean recordFeedback(org.myelomacds.server.feedback.FeedbackEntry e) { check(); return super.recordFeedback(e); }
        @Override public List<org.myelomacds.server.feedback.OverrideRate> overrideRates() { check(); return super.overrideRates(); }
        @Override public void ping() { check(); }
    }

    @Test
    void aFeedbackDatabaseOutageIs503QuicklyShowsInHealthAndIssuedCardsWaitForIt() throws Exception {
        SwitchableStore store = new SwitchableStore();
        CdsServer s = CdsServerTest.startServer(ServerConfig.defaults(), ClientAuthenticator.disabled(), store);
        try {
            store.down = true;
            JsonNode cards = CdsServerTest.cards(send(s, "POST", "/cds-services/myeloma-anti-cd38", patientView()));
            String card = cards.get(0).get("uuid").asText();
            String fb = "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-01T10:00:00Z\"}]}";
            long t0 = System.nanoTime();
            HttpResponse<String> refusedFeedback = send(s, "POST", "/cds-services/myeloma-anti-cd38/feedback", fb);
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 3_000, "answered quickly");
            JsonNode issues = refused(refusedFeedback, 503);
            assertEquals("transient", issues.get(0).get("code").asText());
            assertTrue(refusedFeedback.headers().firstValue("Retry-After").isPresent());
            refused(send(s, "GET", "/feedback/override-rates", null), 503);

            JsonNode health = JSON.readTree(send(s, "GET", "/health", null).body());
            assertEquals("DEGRADED", health.get("status").asText());
            JsonNode db = health.get("feedbackDatabase");
            assertEquals("DOWN", db.get("status").asText());
            assertTrue(db.get("lastError").asText().contains("Connection refused"), db.toString());
            assertEquals(cards.size(), db.get("issuedCardsWaiting").asInt(), "the cards of the call made during the outage wait, none dropped");
            assertTrue(store.issued.isEmpty());

            store.down = false;
            s.flushIssued(); // what the probe does every few seconds
            assertEquals(cards.size(), store.issued.size(), "written once the database is back");
            assertEquals(200, send(s, "POST", "/cds-services/myeloma-anti-cd38/feedback", fb).statusCode());
            JsonNode after = JSON.readTree(send(s, "GET", "/health", null).body());
            assertEquals("UP", after.get("status").asText());
            assertEquals(0, after.get("feedbackDatabase").get("issuedCardsWaiting").asInt());
        } finally {
            s.close();
        }
    }

    @Test
    void theServerWarmsUpBeforeItListens() throws Exception {
        JsonNode warm = JSON.readTree(send(server, "GET", "/health", null).body()).get("warmUp");
        assertTrue(warm.get("done").asBoolean(), warm.toString());
        assertEquals(WarmUp.EVALUATIONS, warm.get("evaluations").asInt());
        assertTrue(warm.get("durationMs").asLong() > 0);
    }
}
