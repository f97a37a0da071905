package org.myelomacds.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myelomacds.scenario.Samples;
import org.myelomacds.server.security.ClientAuthenticator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The case-review routes over HTTP: the page and its assets, the sample list, the report fragment and its errors. */
class ReviewRoutesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CdsServer server;
    private static String base;

    @BeforeAll
    static void start() {
        server = CdsServerTest.startServer(ServerConfig.defaults(), ClientAuthenticator.disabled(), new InMemoryFeedbackStore());
        base = server.baseUrl().toString();
    }

    @AfterAll
    static void stop() { server.close(); }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pageAndAssetsComeFromTheApplicationOnly() throws Exception {
        HttpResponse<String> page = get("/review");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(page.body()).find(), "nothing from another origin");
        for (String asset : new String[]{"review.js", "review.css", "report.css"}) {
            HttpResponse<String> r = get("/review/assets/" + asset);
            assertEquals(200, r.statusCode(), asset);
            assertFalse(r.body().contains("http://") || r.body().contains("https://"), asset + " fetches nothing");
        }
        assertEquals(404, get("/review/assets/secret.properties").statusCode());
    }

    @Test
    void samplesAreListedAndOnlyListedFilesServed() throws Exception {
        HttpResponse<String> list = get("/review/samples");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("{\"name\":\"rrmm-copd.json\",\"title\":\"rrmm-copd\",\"asOf\":\"2026-11-01\"}"),
                "each sample with the date its story is written for: " + list.body());
        assertFalse(list.body().contains("expected.json"), "scenario expectations are not bundles");
        assertEquals(200, get("/review/samples/rrmm-copd.json").statusCode());
        assertEquals(404, get("/review/samples/..%2Fpom.xml").statusCode());
        assertEquals(404, get("/review/samples/rrmm-copd.expected.json").statusCode());
    }

    @Test
    void reportFragmentFollowsAsOfAndJurisdictionAndErrorsAreExplained() throws Exception {
        byte[] bundle = Files.readAllBytes(Samples.samplesDir().resolve("rrmm-prior-dara-short-washout.json"));
        HttpResponse<String> us = post("/review/report?asOf=2026-11-01&jurisdiction=US", bundle);
        assertEquals(200, us.statusCode(), us.body());
        assertTrue(us.body().startsWith("<article class=\"report\""), "a fragment, not a document");
        assertTrue(us.body().contains("data-jurisdiction=\"US\"") && !us.body().contains("id=\"option-DARA_MONO\""));
        HttpResponse<String> eu = post("/review/report?asOf=2026-11-01&jurisdiction=eu", bundle);
        assertTrue(eu.body().contains("data-jurisdiction=\"EU\"") && eu.body().contains("id=\"option-DARA_MONO\""));

        assertEquals(400, post("/review/report?asOf=01/11/2026", bundle).statusCode());
        HttpResponse<String> deceased = post("/review/report?asOf=2026-11-01", new String(bundle, StandardCharsets.UTF_8)
                .replaceFirst("\"resourceType\"\\s*:\\s*\"Patient\",", "\"resourceType\":\"Patient\",\"deceasedBoolean\":true,")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(422, deceased.statusCode(), deceased.body());
        assertTrue(deceased.body().contains("deceased"), deceased.body());
        assertEquals(400, post("/review/report?jurisdiction=UK", bundle).statusCode());
        HttpResponse<String> empty = post("/review/report?asOf=2026-11-01", new byte[0]);
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("no bundle"));
        HttpResponse<String> broken = post("/review/report?asOf=2026-11-01", "{\"resourceType\": \"Bundle\", ".getBytes());
        assertEquals(400, broken.statusCode());
        assertTrue(broken.body().startsWith("The bundle could not be read"), broken.body());
    }

    @Test
    void thePageIsServedOnlyWhereTheNetworkLimitsWhoReachesIt() {
        assertTrue(org.myelomacds.server.review.ReviewRoutes.servedOn("127.0.0.1", false));
        assertTrue(org.myelomacds.server.review.ReviewRoutes.servedOn("::1", false));
        assertTrue(org.myelomacds.server.review.ReviewRoutes.servedOn("localhost", false));
        assertFalse(org.myelomacds.server.review.ReviewRoutes.servedOn("0.0.0.0", false), "no login: not on every interface");
        assertTrue(org.myelomacds.server.review.ReviewRoutes.servedOn("0.0.0.0", true), "--dev serves it anywhere, with its warning");
    }
}
