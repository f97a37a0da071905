package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelomacds.engine.WatchingRulebaseSource;
import org.myelomacds.scenario.Samples;
import org.myelomacds.server.security.ClientAuthenticator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.myelomacds.server.CdsServerTest.HTTP;
import static org.myelomacds.server.CdsServerTest.JSON;

/**
 * Hot reload seen from outside: a rule file is edited under a running server, and the health endpoint shows what
 * happened. A broken edit is reported and the last good rulebase keeps answering; a good edit is swapped in.
 */
class CdsServerHotReloadTest {

    @Test
    void aBadEditIsReportedAndAGoodOneSwappedIn(@TempDir Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        copy(Samples.projectDir().resolve("rules"), rules);
        try (WatchingRulebaseSource source = WatchingRulebaseSource.start(rules, org.myelomacds.scenario.ScenarioGate.in(Samples.samplesDir()), Duration.ofMillis(200));
             CdsServer server = new CdsServer(ServerConfig.defaults().with(new ServerConfig.Settings(0, "127.0.0.1", null, null,
                     null, null, null, null, null, null, null, null, null, null, null, null)), ClientAuthenticator.disabled(),
                     new InMemoryFeedbackStore(), source, CdsServerTest.AS_OF_CLOCK).start()) {
            String base = server.baseUrl().toString();
            JsonNode before = health(base);
            String goodSha = before.get("rulebase").get("sha256").asText();
            assertEquals("DRL", before.get("rulebase").get("mode").asText());
            assertFalse(before.has("lastReload"));

            Path file;
            try (Stream<Path> drl = Files.walk(rules.resolve("flags"))) {
                file = drl.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
            }
            String original = Files.readString(file);
            Files.writeString(file, "\nrule \"BROKEN-01: no closing\"\nwhen\n    this is not DRL\nthen\n", StandardOpenOption.APPEND);
            JsonNode bad = waitFor(base, h -> h.has("lastReload"));
            assertFalse(bad.get("lastReload").get("swapped").asBoolean());
            assertFalse(bad.get("lastReload").get("problems").isEmpty(), bad.toString());
            assertTrue(bad.get("lastReload").get("problems").toString().contains(file.getFileName().toString()), bad.toString());
            assertEquals(goodSha, bad.get("rulebase").get("sha256").asText(), "the last good rulebase keeps serving");
            HttpResponse<String> still = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cds-services/myeloma-anti-cd38"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            HookRequestBuilder.patientView(JSON, CdsServerTest.sample("rrmm-copd"))))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, still.statusCode());
            CdsHooksConformance.response(JSON.readTree(still.body()));

            Files.writeString(file, original + "\n// reviewed: no change in meaning\n");
            JsonNode good = waitFor(base, h -> h.path("lastReload").path("swapped").asBoolean());
            String newSha = good.get("rulebase").get("sha256").asText();
            assertNotEquals(goodSha, newSha);
            assertEquals(newSha, good.get("lastReload").get("candidateSha256").asText());
            assertTrue(good.get("lastReload").get("problems").isEmpty());

            // The refused attempt stays visible after the good one: the history lists both, newest first.
            JsonNode history = good.get("reloadHistory");
            assertTrue(history.size() >= 2, good.toString());
            assertTrue(history.get(0).get("swapped").asBoolean(), history.toString());
            JsonNode refused = history.get(history.size() - 1);
            assertFalse(refused.get("swapped").asBoolean(), history.toString());
            assertTrue(refused.get("problemCount").asInt() > 0, history.toString());
            assertTrue(refused.get("problems").toString().contains(file.getFileName().toString()), history.toString());
        }
    }

    private static JsonNode health(String base) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Polls the health endpoint (bounded: 3 minutes) until the condition holds. */
    private static JsonNode waitFor(String base, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode h = health(base);
        while (!condition.test(h)) {
            if (Instant.now().isAfter(deadline)) fail("health never showed the reload: " + h);
            Thread.sleep(250);
            h = health(base);
        }
        return h;
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
