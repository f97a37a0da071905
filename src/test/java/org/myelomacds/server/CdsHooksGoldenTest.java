package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelomacds.scenario.Samples;
import org.myelomacds.server.security.ClientAuthenticator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden CDS Hooks exchanges: for three samples, the request an EHR sends (stored) and the response this service gives
 * (stored), compared as a whole, so any change to what a clinician sees on a card — wording, order, indicators,
 * suggestions, sources — shows up as a reviewed diff. Volatile fields are replaced before comparing: card and
 * suggestion uuids (derived from the rulebase's sha256, which every rule edit changes; their stability is tested in
 * CdsServerTest) and the report links (random ids). Run with {@code -Dgolden.update=true} to rewrite the stored
 * responses (and create missing requests) after reviewing the printed differences.
 */
class CdsHooksGoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A fixed hook instance, so a stored request is the same request every run. */
    private static final String HOOK_INSTANCE = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea";
    private static CdsServer server;

    @BeforeAll
    static void start() {
        server = CdsServerTest.startServer(ServerConfig.defaults(), ClientAuthenticator.disabled(), new InMemoryFeedbackStore());
    }

    @AfterAll
    static void stop() { server.close(); }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rrmm-copd-patient-view, rrmm-copd, myeloma-anti-cd38, ",
            "rrmm-hypersensitivity-isatuximab-patient-view, rrmm-hypersensitivity-isatuximab, myeloma-anti-cd38, ",
            "rrmm-copd-daratumumab-order-sign, rrmm-copd, anti-cd38-order-check-sign, Darzalex Faspro (daratumumab and hyaluronidase-fihj) 1800 mg SC"})
    void theResponseToAStoredRequestIsTheStoredResponse(String name, String sample, String service, String draftOrder) throws Exception {
        Path dir = Samples.projectDir().resolve("src/test/resources/cds-hooks-golden");
        Path requestFile = dir.resolve(name + ".request.json");
        Path responseFile = dir.resolve(name + ".response.json");
        if (!Files.exists(requestFile)) {
            if (!UPDATE) fail("missing " + requestFile + " (generate with -Dgolden.update=true and review it)");
            Files.createDirectories(dir);
            JsonNode bundle = JSON.readTree(Files.readAllBytes(Samples.samplesDir().resolve(sample + ".json")));
            ObjectNode request = draftOrder == null ? HookRequestBuilder.patientView(JSON, bundle)
                    : CdsServerTest.orderRequest("order-sign", bundle, draftOrder);
            request.put("hookInstance", HOOK_INSTANCE);
            Files.writeString(requestFile, JSON.writeValueAsString(request) + "\n");
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/cds-services/" + service))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Files.readString(requestFile))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        CdsHooksConformance.response(body);
        String actual = JSON.writeValueAsString(stable(body)) + "\n";
        String expected = Files.exists(responseFile) ? Files.readString(responseFile, StandardCharsets.UTF_8) : null;
        if (UPDATE) {
            if (!actual.equals(expected)) {
                System.out.println("[golden.update] " + responseFile.getFileName() + (expected == null ? " created" : " rewritten"));
                Files.writeString(responseFile, actual);
            }
            return;
        }
        if (expected == null) fail("missing " + responseFile + " (generate with -Dgolden.update=true and review it)");
        assertEquals(expected, actual, name + ": the cards changed; review and rewrite with -Dgolden.update=true");
    }

    /** The response with its volatile fields replaced by placeholders. */
    private static JsonNode stable(JsonNode body) {
        JsonNode copy = body.deepCopy();
        for (JsonNode card : copy.path("cards")) {
            if (card.has("uuid")) ((ObjectNode) card).put("uuid", "<uuid>");
            for (JsonNode s : card.path("suggestions")) if (s.has("uuid")) ((ObjectNode) s).put("uuid", "<uuid>");
            for (JsonNode l : card.path("links")) if (l.has("url")) ((ObjectNode) l).put("url", "<report url>");
        }
        return copy;
    }
}
