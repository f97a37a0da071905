package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelomacds.cli.Main;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.engine.RulebaseSource;
import org.myelomacds.scenario.Samples;
import org.myelomacds.server.feedback.FeedbackStore;
import org.myelomacds.server.feedback.JdbcFeedbackStore;
import org.myelomacds.server.security.AuthenticationException;
import org.myelomacds.server.security.ClientAuthenticator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CDS Hooks service over HTTP on a real loopback port. Every response body goes through
 * {@link CdsHooksConformance}: card responses, discovery and every OperationOutcome.
 */
class CdsServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "test-access-token-123";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The server's today is the date every sample's story is written against, not the day the tests run. */
    static final Clock AS_OF_CLOCK = Clock.fixed(Samples.AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static InMemoryFeedbackStore feedback;
    static CdsServer server;
    static String base;

    @BeforeAll
    static void start() {
        feedback = new InMemoryFeedbackStore();
        server = startServer(ServerConfig.defaults(), ClientAuthenticator.disabled(), feedback);
        base = server.baseUrl().toString();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static CdsServer startServer(ServerConfig defaults, ClientAuthenticator auth, FeedbackStore store) {
        ServerConfig config = defaults.with(new ServerConfig.Settings(0, "127.0.0.1", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null));
        return new CdsServer(config, auth, store, RulebaseSource.fixed(Samples.rulebase(CompileMode.EXECUTABLE_MODEL)), AS_OF_CLOCK).start();
    }

    // ------------------------------------------------------------------ helpers

    static JsonNode sample(String name) throws IOException {
        return JSON.readTree(Files.readAllBytes(Samples.samplesDir().resolve(name + ".json")));
    }

    static HttpResponse<String> post(String path, Object body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, Object body) throws Exception { return post(path, body, Map.of()); }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A hook response: 200, conformant; returns the cards. */
    static JsonNode cards(HttpResponse<String> r) throws IOException {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = JSON.readTree(r.body());
        CdsHooksConformance.response(body);
        return body.get("cards");
    }

    /** An error: the status, an OperationOutcome body; returns the issues. */
    static JsonNode refused(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        CdsHooksConformance.operationOutcome(body);
        return body.get("issue");
    }

    static List<String> summaries(JsonNode cards) {
        List<String> out = new ArrayList<>();
        cards.forEach(c -> out.add(c.get("summary").asText()));
        return out;
    }

    static ObjectNode orderRequest(String hook, JsonNode bundle, String drugText) {
        return HookRequestBuilder.withDraftOrder(HookRequestBuilder.patientView(JSON, bundle), hook, drugText);
    }

    // ------------------------------------------------------------------ discovery

    @Test
    void discoveryListsTheServicesWithPrefetchForEveryResourceTheEngineReads() throws Exception {
        HttpResponse<String> r = get("/cds-services");
        assertEquals(200, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        CdsHooksConformance.discovery(body);
        Map<String, String> hooks = new java.util.TreeMap<>();
        body.get("services").forEach(s -> hooks.put(s.get("id").asText(), s.get("hook").asText()));
        assertEquals(Map.of("myeloma-anti-cd38", "patient-view", "anti-cd38-order-check", "order-select",
                "anti-cd38-order-check-sign", "order-sign"), hooks);
        JsonNode first = body.get("services").get(0);
        assertTrue(first.has("version") && first.has("hookVersion") && first.has("usageRequirements") && first.has("title"));
        Set<String> queried = new java.util.TreeSet<>();
        first.get("prefetch").forEach(t -> {
            assertTrue(t.asText().contains("{{context.patientId}}"), t.asText());
            queried.add(t.asText().replaceAll("[/?].*", ""));
            if (t.asText().contains("_include=")) queried.add("Medication");
        });
        // every resource type the reader keeps is asked for, and nothing else: a type added to the reader without a
        // prefetch key would be read from bundles but never reach the service
        assertEquals(new java.util.TreeSet<>(org.myelomacds.fhir.BundleReader.readTypes()), queried);
    }

    // ------------------------------------------------------------------ patient-view

    static Stream<String> samples() {
        return Samples.bundles().stream().map(p -> p.getFileName().toString().replace(".json", ""));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void patientViewWithFullPrefetchGivesConformantCardsForEverySample(String name) throws Exception {
        JsonNode cards = cards(post("/cds-services/myeloma-anti-cd38", HookRequestBuilder.patientView(JSON, sample(name))));
        assertFalse(cards.isEmpty(), name + ": a patient always gets at least one card (options, why not, or gaps)");
        CdsHooksConformance.patientView(JSON.createObjectNode().set("cards", cards));
        for (JsonNode c : cards) {
            assertTrue(c.get("detail").asText().contains("not a prescription"), "disclaimer on every card");
            assertTrue(c.get("links").get(0).get("url").asText().startsWith(base + "/cases/"));
        }
    }

    @Test
    void aCardsLinkOpensTheTumourBoardReportOfThatAssessment() throws Exception {
        JsonNode cards = cards(post("/cds-services/myeloma-anti-cd38", HookRequestBuilder.patientView(JSON, sample("rrmm-copd"))));
        String path = cards.get(0).get("links").get(0).get("url").asText().substring(base.length());
        HttpResponse<String> html = get(path);
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.body().contains("Tumour-board report") && html.body().contains("not a prescription"), html.body().substring(0, 200));
        HttpResponse<String> json = get(path + "?format=json");
        assertEquals(200, json.statusCode());
        assertTrue(html.body().contains(JSON.readTree(json.body()).get("rulebase").get("sha256").asText()), "same assessment in both");
        assertEquals(400, get(path + "?format=docx").statusCode());
    }

    @Test
    void patientViewCardsFollowTheAssessment() throws Exception {
        JsonNode cards = cards(post("/cds-services/myeloma-anti-cd38", HookRequestBuilder.patientView(JSON, sample("rrmm-copd"))));
        List<String> summaries = summaries(cards);
        // One summary card naming the top options with their status in words, one card gathering the pre-dose tasks.
        assertEquals(2, cards.size(), summaries.toString());
        assertTrue(summaries.get(0).startsWith("Anti-CD38 options: 1 Isa-Kd (eligible; pre-dose tasks)"), summaries.toString());
        JsonNode summary = cards.get(0);
        assertTrue(summary.get("detail").asText().startsWith("**Bottom line.** Best supported: Isa-Kd"), summary.get("detail").asText());
        assertTrue(summary.get("detail").asText().contains("7 regimens not recommended"), summary.get("detail").asText());
        assertEquals("ISA_KD", summary.get("source").get("topic").get("code").asText(), "the code stays in the machine field");
        JsonNode preDose = cards.get(1);
        assertEquals("warning", preDose.get("indicator").asText(), "type and screen is a WARNING flag");
        assertFalse(preDose.get("detail").asText().contains("FLAG-"), "no rule ids in the detail: " + preDose.get("detail").asText());
        List<String> labels = new ArrayList<>();
        preDose.get("suggestions").forEach(s -> labels.add(s.get("label").asText()));
        assertTrue(labels.stream().noneMatch(l -> l.contains("bronchodilator")), "an uncoded medication is no suggestion: " + labels);
        assertTrue(labels.stream().anyMatch(l -> l.contains("antibody screen")), labels.toString());
        JsonNode ts = preDose.get("suggestions").findValues("resource").stream()
                .filter(res -> "ServiceRequest".equals(res.get("resourceType").asText()) && res.toString().contains("882-1")).findFirst().orElseThrow();
        assertEquals("Patient/pt-copd", ts.get("subject").get("reference").asText());
        assertTrue(preDose.get("source").has("url"), "the source links to the evidence: " + preDose.get("source"));
        // every issued card is remembered with the rules behind it, so feedback maps to rules
        server.flushIssued();
        for (JsonNode c : cards) assertFalse(feedback.issued.get(c.get("uuid").asText()).ruleIds().isEmpty());
        // the card's link opens the full report
        HttpResponse<String> report = HTTP.send(HttpRequest.newBuilder(URI.create(preDose.get("links").get(0).get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, report.statusCode());
        assertTrue(report.body().contains("Tumour-board report: patient pt-copd"), "the link opens the HTML report");
    }

    @Test
    void theSameRequestGetsTheSameUuidsAndARetryIsRecordedOnce() throws Exception {
        ObjectNode req = HookRequestBuilder.patientView(JSON, sample("rrmm-copd"));
        JsonNode first = cards(post("/cds-services/myeloma-anti-cd38", req));
        JsonNode again = cards(post("/cds-services/myeloma-anti-cd38", req));
        assertEquals(first.findValuesAsText("uuid"), again.findValuesAsText("uuid"));
        req.put("hookInstance", java.util.UUID.randomUUID().toString());
        JsonNode other = cards(post("/cds-services/myeloma-anti-cd38", req));
        assertTrue(java.util.Collections.disjoint(first.findValuesAsText("uuid"), other.findValuesAsText("uuid")));
    }

    @Test
    void hypersensitivityIsACriticalCardOfItsOwn() throws Exception {
        JsonNode cards = cards(post("/cds-services/myeloma-anti-cd38", HookRequestBuilder.patientView(JSON, sample("rrmm-hypersensitivity-isatuximab"))));
        assertTrue(stream(cards).anyMatch(c -> c.get("indicator").asText().equals("critical") && c.get("summary").asText().startsWith("Do not give isatuximab")),
                summaries(cards).toString());
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> l = new ArrayList<>();
        array.forEach(l::add);
        return l.stream();
    }

    @Test
    void nullAndAbsentPrefetchKeysAreFetchedFromTheFhirServer() throws Exception {
        JsonNode bundle = HookRequestBuilder.withServerReferences(JSON, sample("rrmm-copd"));
        try (FhirTestServer fhir = new FhirTestServer(bundle, TOKEN)) {
            ObjectNode full = HookRequestBuilder.patientView(JSON, bundle);
            List<String> expected = summaries(cards(post("/cds-services/myeloma-anti-cd38", full)));

            ObjectNode partial = full.deepCopy();
            ObjectNode prefetch = (ObjectNode) partial.get("prefetch");
            prefetch.putNull("observations");
            prefetch.remove("medicationStatements");
            prefetch.remove("procedures");
            partial.put("fhirServer", fhir.base());
            partial.putObject("fhirAuthorization").put("access_token", TOKEN).put("token_type", "Bearer")
                    .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "cds-service");
            assertEquals(expected, summaries(cards(post("/cds-services/myeloma-anti-cd38", partial))));
            assertEquals(List.of("Bearer " + TOKEN), fhir.authorizations.stream().distinct().toList());
            assertTrue(fhir.requests.stream().anyMatch(q -> q.startsWith("GET /fhir/Observation") && q.contains("_page=1")),
                    "observation results come in pages and every page is fetched: " + fhir.requests);
            assertTrue(fhir.requests.stream().anyMatch(q -> q.startsWith("GET /fhir/MedicationStatement") && q.contains("_include")), fhir.requests.toString());
            assertFalse(fhir.requests.stream().anyMatch(q -> q.contains("/Condition")), "only the missing keys are fetched");

            // no prefetch at all: everything comes from the server
            ObjectNode none = partial.deepCopy();
            none.putNull("prefetch");
            assertEquals(expected, summaries(cards(post("/cds-services/myeloma-anti-cd38", none))));
        }
    }

    @Test
    void pagingNeverFollowsANextLinkOffTheFhirServerSoTheTokenStaysThere() throws Exception {
        JsonNode bundle = HookRequestBuilder.withServerReferences(JSON, sample("rrmm-copd"));
        try (FhirTestServer fhir = new FhirTestServer(bundle, TOKEN); FhirTestServer elsewhere = new FhirTestServer(bundle, TOKEN)) {
            ObjectNode req = HookRequestBuilder.patientView(JSON, bundle);
            ((ObjectNode) req.get("prefetch")).remove("observations");
            req.put("fhirServer", fhir.base());
            req.putObject("fhirAuthorization").put("access_token", TOKEN).put("token_type", "Bearer");
            String port = fhir.base().replaceAll(".*:(\\d+)/fhir", "$1");
            for (String next : List.of(elsewhere.base(), "http://localhost:" + port + "/fhir", fhir.base().replace("/fhir", "/other"),
                    fhir.base() + "/../admin", fhir.base().replace("http:", "https:"))) {
                fhir.nextLinkBase = next;
                fhir.requests.clear();
                JsonNode issues = refused(post("/cds-services/myeloma-anti-cd38", req), 412);
                assertEquals("prefetch.observations", issues.get(0).get("expression").get(0).asText(), next);
                assertTrue(issues.get(0).get("diagnostics").asText().contains("refused to follow the searchset's next link"), issues.toString());
                assertFalse(issues.toString().contains(TOKEN), "the token is never echoed");
                assertEquals(1, fhir.requests.size(), "only the first page, from the fhirServer given: " + fhir.requests);
            }
            assertEquals(List.of(), elsewhere.requests, "nothing, and so no token, went to another server");
            // a next link on the same server and under its base path is still followed
            fhir.nextLinkBase = null;
            cards(post("/cds-services/myeloma-anti-cd38", req));
        }
    }

    @Test
    void aFhirServerThatRefusesTheTokenGives412NamingTheKey() throws Exception {
        JsonNode bundle = HookRequestBuilder.withServerReferences(JSON, sample("rrmm-copd"));
        try (FhirTestServer fhir = new FhirTestServer(bundle, TOKEN)) {
            ObjectNode req = HookRequestBuilder.patientView(JSON, bundle);
            ((ObjectNode) req.get("prefetch")).remove("conditions");
            req.put("fhirServer", fhir.base());
            req.putObject("fhirAuthorization").put("access_token", "wrong-token").put("token_type", "Bearer");
            JsonNode issues = refused(post("/cds-services/myeloma-anti-cd38", req), 412);
            assertEquals("prefetch.conditions", issues.get(0).get("expression").get(0).asText());
            assertTrue(issues.get(0).get("diagnostics").asText().contains("401"), issues.toString());
            assertFalse(issues.toString().contains("wrong-token"), "the token is never echoed");
        }
    }

    @Test
    void missingPrefetchWithoutFhirServerIs412NamingEveryMissingKey() throws Exception {
        ObjectNode req = HookRequestBuilder.patientView(JSON, sample("rrmm-copd"));
        ObjectNode prefetch = (ObjectNode) req.get("prefetch");
        prefetch.remove("observations");
        prefetch.putNull("allergies");
        JsonNode issues = refused(post("/cds-services/myeloma-anti-cd38", req), 412);
        List<String> where = new ArrayList<>();
        issues.forEach(i -> where.add(i.get("expression").get(0).asText()));
        assertEquals(List.of("prefetch.observations", "prefetch.allergies"), where);
        issues.forEach(i -> assertEquals("incomplete", i.get("code").asText()));
    }

    @Test
    void aPrefetchedPatientOtherThanTheContextPatientIsRefused() throws Exception {
        ObjectNode req = HookRequestBuilder.patientView(JSON, sample("rrmm-copd"));
        ((ObjectNode) req.get("context")).put("patientId", "someone-else");
        JsonNode issues = refused(post("/cds-services/myeloma-anti-cd38", req), 400);
        assertTrue(issues.get(0).get("diagnostics").asText().contains("someone-else"));
    }

    // ------------------------------------------------------------------ order-select / order-sign

    @Test
    void orderSelectForIsatuximabChecksTheAntiCd38Cautions() throws Exception {
        JsonNode cards = cards(post("/cds-services/anti-cd38-order-check", orderRequest("order-select", sample("rrmm-prior-dara-short-washout"), "Isatuximab 20 mg/mL IV")));
        List<String> s = summaries(cards);
        assertTrue(s.stream().allMatch(x -> x.startsWith("Isatuximab order") || x.startsWith("No isatuximab regimen")), s.toString());
        assertTrue(s.stream().anyMatch(x -> x.toLowerCase(java.util.Locale.ROOT).contains("washout")), s.toString());
    }

    @Test
    void orderSignForDaratumumabInCopdAdvisesProphylaxisAndOrdersOnlyCodedTests() throws Exception {
        JsonNode cards = cards(post("/cds-services/anti-cd38-order-check-sign", orderRequest("order-sign", sample("rrmm-copd"), "Darzalex (daratumumab) 1800 mg SC")));
        JsonNode copd = stream(cards).filter(c -> c.get("detail").asText().contains("Consider prescribing short- and long-acting bronchodilators"))
                .findFirst().orElseThrow(() -> new AssertionError(summaries(cards)));
        assertTrue(copd.get("summary").asText().startsWith("Daratumumab order, before the first dose"), copd.toString());
        assertEquals("warning", copd.get("indicator").asText());
        // The prophylaxis is a class of drugs, not a product an EHR can order: the action says it, no suggestion does.
        copd.path("suggestions").forEach(sg -> assertFalse(sg.get("label").asText().contains("bronchodilator"), copd.toString()));
        assertEquals(1, stream(cards).filter(c -> c.get("summary").asText().contains("lung disease the trials excluded")).count(),
                "the pulmonary trial exclusions of every daratumumab regimen on one card: " + summaries(cards));
        for (JsonNode resource : cards.findValues("resource")) {
            assertEquals("ServiceRequest", resource.get("resourceType").asText(), resource.toString());
            assertFalse(resource.get("code").get("coding").isEmpty(), "every proposed order is coded: " + resource);
        }
        assertFalse(stream(cards).anyMatch(c -> c.get("summary").asText().contains("Isatuximab")), "only the ordered drug's cautions");
    }

    @Test
    void orderCheckServiceAcceptsOrderSignToo() throws Exception {
        assertFalse(cards(post("/cds-services/anti-cd38-order-check", orderRequest("order-sign", sample("rrmm-copd"), "daratumumab"))).isEmpty());
    }

    @Test
    void ordersWithoutAnAntiCd38AntibodyGetNoCardsAndNeedNoPrefetch() throws Exception {
        ObjectNode req = orderRequest("order-select", sample("rrmm-copd"), "Lenalidomide 25 mg capsule");
        req.remove("prefetch");
        JsonNode cards = cards(post("/cds-services/anti-cd38-order-check", req));
        assertEquals(0, cards.size());
        ObjectNode unselected = orderRequest("order-select", sample("rrmm-copd"), "isatuximab");
        ((ObjectNode) unselected.get("context")).putArray("selections").add("MedicationRequest/another-order");
        assertEquals(0, cards(post("/cds-services/anti-cd38-order-check", unselected)).size(), "order-select acts on the selected orders");
    }

    @Test
    void theWrongHookForAServiceIsRefused() throws Exception {
        ObjectNode req = HookRequestBuilder.patientView(JSON, sample("rrmm-copd"));
        JsonNode issues = refused(post("/cds-services/anti-cd38-order-check", req), 400);
        assertEquals("hook", issues.get(0).get("expression").get(0).asText());
    }

    // ------------------------------------------------------------------ errors

    @Test
    void badJsonIs400WithAnOperationOutcome() throws Exception {
        JsonNode issues = refused(post("/cds-services/myeloma-anti-cd38", "{\"hook\": \"patient-view\", "), 400);
        assertTrue(issues.get(0).get("diagnostics").asText().contains("not valid JSON"), issues.toString());
        JsonNode missing = refused(post("/cds-services/myeloma-anti-cd38", "{\"hook\":\"patient-view\",\"context\":{}}"), 400);
        assertEquals("hookInstance", missing.get(0).get("expression").get(0).asText());
        JsonNode noPatient = refused(post("/cds-services/myeloma-anti-cd38",
                "{\"hook\":\"patient-view\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\",\"context\":{}}"), 400);
        assertEquals("context.patientId", noPatient.get(0).get("expression").get(0).asText());
    }

    @Test
    void hookRequestFieldsOfTheWrongTypeAreRefusedByName() throws Exception {
        ObjectNode numberInstance = HookRequestBuilder.patientView(JSON, sample("rrmm-copd"));
        numberInstance.put("hookInstance", 42);
        JsonNode issues = refused(post("/cds-services/myeloma-anti-cd38", numberInstance), 400);
        assertEquals("hookInstance", issues.get(0).get("expression").get(0).asText());
        assertTrue(issues.get(0).get("diagnostics").asText().contains("must be a non-empty string"), issues.toString());

        ObjectNode badToken = HookRequestBuilder.patientView(JSON, sample("rrmm-copd"));
        badToken.putObject("fhirAuthorization").put("access_token", "t").put("expires_in", "soon");
        JsonNode tokenIssues = refused(post("/cds-services/myeloma-anti-cd38", badToken), 400);
        assertEquals("fhirAuthorization.expires_in", tokenIssues.get(0).get("expression").get(0).asText());

        ObjectNode arrayPrefetch = HookRequestBuilder.patientView(JSON, sample("rrmm-copd"));
        arrayPrefetch.putArray("prefetch");
        JsonNode prefetchIssues = refused(post("/cds-services/myeloma-anti-cd38", arrayPrefetch), 400);
        assertEquals("prefetch", prefetchIssues.get(0).get("expression").get(0).asText());
        assertEquals("structure", prefetchIssues.get(0).get("code").asText());
    }

    @Test
    void fieldsTheServiceDoesNotKnowAreIgnoredAsTheSpecificationAsks() throws Exception {
        ObjectNode req = HookRequestBuilder.patientView(JSON, sample("rrmm-copd"));
        req.putArray("extension").addObject().put("url", "http://example.org/ehr-extension");
        req.put("someFutureField", true);
        ((ObjectNode) req.get("context")).put("encounterId", "enc-1");
        assertFalse(cards(post("/cds-services/myeloma-anti-cd38", req)).isEmpty());
    }

    @Test
    void unknownServiceAndPathAre404WithAnOperationOutcome() throws Exception {
        JsonNode issues = refused(post("/cds-services/no-such-service", HookRequestBuilder.patientView(JSON, sample("rrmm-copd"))), 404);
        assertTrue(issues.get(0).get("diagnostics").asText().contains("no-such-service"));
        refused(get("/no/such/path"), 404);
    }

    @Test
    void requestsOverTheSizeLimitAre413() throws Exception {
        // feedback: maxRequestBytes
        byte[] big = new byte[(int) ServerConfig.DEFAULT_MAX_REQUEST_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> declared = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cds-services/myeloma-anti-cd38/feedback"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(refused(declared, 413).get(0).get("diagnostics").asText().contains("maxRequestBytes"));
        // chunked, no Content-Length: the limit still holds while reading
        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cds-services/myeloma-anti-cd38/feedback"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(), HttpResponse.BodyHandlers.ofString());
        refused(chunked, 413);
        // a hook call may carry a whole record as prefetch: maxBundleBytes, counted while reading
        HttpResponse<String> hookChunked = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cds-services/myeloma-anti-cd38"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(new ByteArrayInputStream("{\"x\":".getBytes()),
                        new java.io.InputStream() {
                            long left = ServerConfig.DEFAULT_MAX_BUNDLE_BYTES + 10;
                            @Override public int read() { return left-- > 0 ? ' ' : -1; }
                            @Override public int read(byte[] b, int off, int len) {
                                if (left <= 0) return -1;
                                int n = (int) Math.min(len, left);
                                java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                                left -= n;
                                return n;
                            }
                        }))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, hookChunked.statusCode(), hookChunked.body());
    }

    @Test
    void corsPreflightAllowsAuthorizationAndContentType() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cds-services/myeloma-anti-cd38"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://sandbox.cds-hooks.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, "preflight status " + r.statusCode());
        String origin = r.headers().firstValue("Access-Control-Allow-Origin").orElse("");
        assertTrue(origin.equals("*") || origin.equals("https://sandbox.cds-hooks.org"), origin);
        String headers = r.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase(java.util.Locale.ROOT);
        assertTrue(headers.contains("authorization") && headers.contains("content-type"), headers);
        // and the actual request carries the origin header too
        HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cds-services"))
                .header("Origin", "https://sandbox.cds-hooks.org").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(discovery.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void aClientTheAuthenticatorRefusesGets401AndNoData() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ClientAuthenticator refuseAll = (header, url) -> {
            seen.add(url.toString());
            throw new AuthenticationException("token expired");
        };
        try (CdsServer strict = startServer(ServerConfig.defaults(), refuseAll, new InMemoryFeedbackStore())) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(strict.baseUrl() + "/cds-services/myeloma-anti-cd38"))
                    .header("Authorization", "Bearer abc").POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(HookRequestBuilder.patientView(JSON, sample("rrmm-copd"))))).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode issues = refused(r, 401);
            assertEquals("login", issues.get(0).get("code").asText());
            assertTrue(issues.get(0).get("diagnostics").asText().contains("token expired"));
            assertEquals(List.of(strict.baseUrl() + "/cds-services/myeloma-anti-cd38"), seen, "aud is checked against the service URL");
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(strict.baseUrl() + "/cds-services")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "discovery carries no patient data and needs no token");
        }
    }

    // ------------------------------------------------------------------ feedback

    @Test
    void feedbackRoundTripAndOverrideRatesPerRule() throws Exception {
        InMemoryFeedbackStore store = new InMemoryFeedbackStore();
        try (CdsServer own = startServer(ServerConfig.defaults(), ClientAuthenticator.disabled(), store)) {
            String url = own.baseUrl().toString();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/cds-services/myeloma-anti-cd38"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(HookRequestBuilder.patientView(JSON, sample("rrmm-copd"))))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode cards = cards(r);
            JsonNode first = cards.get(0);
            JsonNode second = cards.get(1);
            String fb = "{\"feedback\":[{\"card\":\"" + first.get("uuid").asText() + "\",\"outcome\":\"overridden\","
                    + "\"overrideReason\":{\"reason\":{\"system\":\"" + org.myelomacds.render.CardRenderer.OVERRIDE_SYSTEM
                    + "\",\"code\":\"clinical-judgement\",\"display\":\"x\"},\"userComment\":\"discussed at tumour board\"},"
                    + "\"outcomeTimestamp\":\"2026-11-01T10:00:00Z\"},"
                    + "{\"card\":\"" + second.get("uuid").asText() + "\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\""
                    + second.get("suggestions").get(0).get("uuid").asText() + "\"}],\"outcomeTimestamp\":\"2026-11-01T10:01:00Z\"}]}";
            HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/cds-services/myeloma-anti-cd38/feedback"))
                    .POST(HttpRequest.BodyPublishers.ofString(fb)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, posted.statusCode(), posted.body());
            assertEquals(2, store.feedback.size());
            assertEquals("discussed at tumour board", store.feedback.get(0).userComment());

            JsonNode rates = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url + "/feedback/override-rates")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("rules");
            String firstRule = store.issued.get(first.get("uuid").asText()).ruleIds().get(0);
            JsonNode row = stream(rates).filter(x -> x.get("rule").asText().equals(firstRule)).findFirst().orElseThrow();
            assertTrue(row.get("overridden").asLong() >= 1);
            assertEquals(1, row.get("overrideReasons").get("clinical-judgement").asLong());

            HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/cds-services/myeloma-anti-cd38/feedback"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"feedback\":[{\"card\":\"00000000-0000-0000-0000-000000000000\","
                            + "\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-01T10:00:00Z\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
            refused(unknown, 404);
            HttpResponse<String> badOutcome = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/cds-services/myeloma-anti-cd38/feedback"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"feedback\":[{\"card\":\"x\",\"outcome\":\"ignored\",\"outcomeTimestamp\":\"2026-11-01T10:00:00Z\"}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("feedback[0].outcome", refused(badOutcome, 400).get(0).get("expression").get(0).asText());
            HttpResponse<String> numberCode = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/cds-services/myeloma-anti-cd38/feedback"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"feedback\":[{\"card\":\"x\",\"outcome\":\"overridden\",\"outcomeTimestamp\":"
                            + "\"2026-11-01T10:00:00Z\",\"overrideReason\":{\"reason\":{\"code\":7}}}]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("feedback[0].overrideReason.reason.code", refused(numberCode, 400).get(0).get("expression").get(0).asText());
            HttpResponse<String> notArray = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/cds-services/myeloma-anti-cd38/feedback"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"feedback\":{\"card\":\"x\"}}")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode notArrayIssues = refused(notArray, 400);
            assertEquals("feedback", notArrayIssues.get(0).get("expression").get(0).asText());
            assertEquals("required", notArrayIssues.get(0).get("code").asText());
        }
    }

    @Test
    void feedbackGoesToTheDatabaseAndTheReportIsPerRule() throws Exception {
        try (JdbcFeedbackStore db = JdbcFeedbackStore.open("jdbc:h2:mem:cds-http-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
             CdsServer own = startServer(ServerConfig.defaults(), ClientAuthenticator.disabled(), db)) {
            String url = own.baseUrl().toString();
            JsonNode cards = cards(HTTP.send(HttpRequest.newBuilder(URI.create(url + "/cds-services/myeloma-anti-cd38"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(HookRequestBuilder.patientView(JSON, sample("rrmm-copd"))))).build(),
                    HttpResponse.BodyHandlers.ofString()));
            own.flushIssued();
            assertEquals(cards.size(), db.issuedCardCount());
            JsonNode overridden = cards.get(1);
            String fb = "{\"feedback\":[{\"card\":\"" + overridden.get("uuid").asText() + "\",\"outcome\":\"overridden\","
                    + "\"overrideReason\":{\"reason\":{\"system\":\"" + org.myelomacds.render.CardRenderer.OVERRIDE_SYSTEM
                    + "\",\"code\":\"already-addressed\",\"display\":\"Already addressed or ordered\"}},"
                    + "\"outcomeTimestamp\":\"2026-11-01T10:00:00Z\"}]}";
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(url + "/cds-services/myeloma-anti-cd38/feedback"))
                    .POST(HttpRequest.BodyPublishers.ofString(fb)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(1, db.feedbackCount());
            JsonNode rates = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url + "/feedback/override-rates")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("rules");
            assertFalse(rates.isEmpty());
            // The rules behind a card are kept off its text; each reported rule is one the card's assessment fired.
            String assessment = HTTP.send(HttpRequest.newBuilder(URI.create(overridden.get("links").get(0).get("url").asText() + "?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode row : rates) {
                assertTrue(assessment.contains("\"" + row.get("rule").asText() + "\""), "every rule reported is one the overridden card carried: " + row);
                assertEquals(1, row.get("overridden").asLong());
                assertEquals(1.0, row.get("overrideRate").asDouble());
                assertEquals(1, row.get("overrideReasons").get("already-addressed").asLong());
            }
        }
    }

    // ------------------------------------------------------------------ REST assessment, health

    @ParameterizedTest
    @MethodSource("samples")
    void restAssessmentIsByteForByteTheCliJson(String name) throws Exception {
        Path bundle = Samples.samplesDir().resolve(name + ".json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"evaluate", bundle.toString(), "--as-of", Samples.AS_OF.toString(), "--jurisdiction", "EU"},
                new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code);
        HttpResponse<String> r = post("/api/assessment?asOf=" + Samples.AS_OF + "&jurisdiction=EU", Files.readString(bundle));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(out.toString(StandardCharsets.UTF_8), r.body());
    }

    @Test
    void restAssessmentRefusesWhatTheCliRefuses() throws Exception {
        refused(post("/api/assessment", "{\"resourceType\":\"Patient\"}"), 400);
        refused(post("/api/assessment?asOf=yesterday", Files.readString(Samples.samplesDir().resolve("rrmm-copd.json"))), 400);
    }

    @Test
    void aDeceasedPatientIs422WithAnOperationOutcomeOnTheRestAndHookRoutes() throws Exception {
        ObjectNode bundle = (ObjectNode) sample("rrmm-copd");
        ObjectNode patient = null;
        for (JsonNode e : bundle.get("entry")) {
            if ("Patient".equals(e.path("resource").path("resourceType").asText())) patient = (ObjectNode) e.get("resource");
        }
        patient.put("deceasedDateTime", "2025-02-01");
        JsonNode issues = refused(post("/api/assessment?asOf=" + Samples.AS_OF, JSON.writeValueAsString(bundle)), 422);
        assertEquals("business-rule", issues.get(0).get("code").asText());
        assertTrue(issues.get(0).get("diagnostics").asText().contains("deceased on 2025-02-01"), issues.toString());
        JsonNode hookIssues = refused(post("/cds-services/myeloma-anti-cd38",
                HookRequestBuilder.patientView(JSON, bundle)), 422);
        assertTrue(hookIssues.get(0).get("diagnostics").asText().contains("deceased"), hookIssues.toString());
        patient.put("deceasedDateTime", "2099-01-01");
        assertEquals(200, post("/api/assessment?asOf=" + Samples.AS_OF, JSON.writeValueAsString(bundle)).statusCode(),
                "near miss: a death after asOf is not a refusal");
    }

    @Test
    void aCallThatFindsEveryEvaluationSlotTakenGets503WithRetryAfter() throws Exception {
        ServerConfig oneSlot = ServerConfig.defaults().with(new ServerConfig.Settings(null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, 1, 1));
        try (CdsServer busy = startServer(oneSlot, ClientAuthenticator.disabled(), new InMemoryFeedbackStore())) {
            String url = busy.baseUrl() + "/cds-services/" + CdsServer.PATIENT_VIEW_SERVICE;
            String request = JSON.writeValueAsString(HookRequestBuilder.patientView(JSON, sample("rrmm-isa-pd-candidate")));
            HttpResponse<String> refused = busy.gate().run(() -> send(url, request));
            JsonNode issues = refused(refused, 503);
            assertEquals("transient", issues.get(0).get("code").asText());
            assertTrue(issues.get(0).get("diagnostics").asText().contains("at capacity"), issues.toString());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
            JsonNode health = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(busy.baseUrl() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(1, health.path("evaluations").path("maxConcurrent").asInt());
            assertEquals(0, health.path("evaluations").path("running").asInt(), "the slot is free once the test lets go");
            cards(send(url, request));
        }
    }

    private static HttpResponse<String> send(String url, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void healthReportsRulebaseMemoryAndUptime() throws Exception {
        JsonNode h = JSON.readTree(get("/health").body());
        assertEquals("UP", h.get("status").asText());
        assertEquals(64, h.get("rulebase").get("sha256").asText().length());
        assertEquals("EXECUTABLE_MODEL", h.get("rulebase").get("mode").asText());
        assertTrue(h.get("memory").get("heapPeakBytes").asLong() > 0);
        assertNotNull(h.get("uptimeSeconds"));
    }
}
