package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.myelomacds.server.CdsServerTest.HTTP;
import static org.myelomacds.server.CdsServerTest.JSON;

/**
 * A 200 means stored: a real serve process on its default embedded H2 database is killed with SIGKILL right after a
 * stream of hook and feedback calls was answered, and restarted on the same directory. Every card it issued must
 * still be known (feedback on it is accepted, not 404) and every feedback item it acknowledged must still count.
 */
class FeedbackDurabilityTest {

    static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String feedback(String card, String outcome) {
        String reason = outcome.equals("overridden") ? ",\"overrideReason\":{\"reason\":{\"code\":\"clinical-judgement\",\"system\":\"https://myeloma-cds.org/fhir/CodeSystem/override-reason\"}}" : "";
        return "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"" + outcome + "\"" + reason
                + ",\"outcomeTimestamp\":\"2026-11-01T10:00:00Z\"}]}";
    }

    static int totalFeedback(JsonNode rates) {
        int n = 0;
        for (JsonNode r : rates.get("rules")) n += r.get("accepted").asInt() + r.get("overridden").asInt();
        return n;
    }

    @Test
    void acknowledgedCardsAndFeedbackSurviveSigkill(@TempDir Path dir) throws Exception {
        String hook = JSON.writeValueAsString(HookRequestBuilder.patientView(JSON, CdsServerTest.sample("rrmm-copd")));
        List<String> cards = new ArrayList<>();
        JsonNode ratesBefore;
        try (ServeProcess serve = new ServeProcess(dir, "--dev")) {
            String service = serve.base() + "/cds-services/myeloma-anti-cd38";
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> r = post(service, hook.replaceFirst("\"hookInstance\":\"[^\"]+\"",
                        "\"hookInstance\":\"" + java.util.UUID.randomUUID() + "\""));
                assertEquals(200, r.statusCode(), r.body());
                JsonNode issued = JSON.readTree(r.body()).get("cards");
                issued.forEach(c -> cards.add(c.get("uuid").asText()));
                // feedback on the first card of every other call, acknowledged before the next call
                if (i % 2 == 0) assertEquals(200, post(service + "/feedback", feedback(issued.get(0).get("uuid").asText(), "overridden")).statusCode());
            }
            ratesBefore = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(serve.base() + "/feedback/override-rates")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            serve.kill();
        }
        try (ServeProcess restarted = new ServeProcess(dir, "--dev")) {
            JsonNode ratesAfter = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(restarted.base() + "/feedback/override-rates")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(totalFeedback(ratesBefore), totalFeedback(ratesAfter), "every acknowledged feedback item is still counted");
            assertEquals(ratesBefore, ratesAfter);
            List<String> unknown = new ArrayList<>();
            for (String card : cards) {
                HttpResponse<String> r = post(restarted.base() + "/cds-services/myeloma-anti-cd38/feedback", feedback(card, "accepted"));
                if (r.statusCode() != 200) unknown.add(card + " " + r.statusCode());
            }
            assertEquals(List.of(), unknown, "every card answered before the kill is known after the restart (" + cards.size() + " cards)");
            assertFalse(cards.isEmpty());
        }
    }
}
