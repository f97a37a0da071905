package org.myelomacds.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.myelomacds.fhir.FhirFetchException;
import org.myelomacds.fhir.FhirServerFetcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prefetch a hook call needs: each key the client sent, the rest fetched from the client's FHIR server with
 * its token, all at once through a bounded pool.
 */
final class PrefetchResolver implements AutoCloseable {
    private final ObjectMapper json;
    private final FhirServerFetcher fetcher;
    /** Bounded: at most this many FHIR-server fetches run at once across all requests; the rest queue. */
    private final java.util.concurrent.ExecutorService fetchPool = java.util.concurrent.Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "fhir-fetch");
        t.setDaemon(true);
        return t;
    });

    PrefetchResolver(ObjectMapper json, Duration fetchTimeout) {
        this.json = json;
        this.fetcher = new FhirServerFetcher(fetchTimeout);
    }

    /** The FHIR client, for the warm-up round. */
    FhirServerFetcher fetcher() { return fetcher; }

    /**
     * The prefetch values the engine needs: what the client sent (absent or null keys tolerated), the rest fetched
     * from its FHIR server with its token; 412 naming the keys when neither is possible.
     */
    Map<String, JsonNode> resolve(HookRequest request, org.myelomacds.evidence.terminology.Terminology terminology) {
        Map<String, JsonNode> sent = request.prefetchOrNone();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : Prefetch.TEMPLATES.keySet()) {
            JsonNode v = sent.get(key);
            if (Prefetch.usable(v)) values.put(key, v);
            else missing.add(key);
        }
        if (missing.isEmpty()) return values;
        String base = request.fhirServer();
        if (base == null || base.isBlank()) {
            List<OperationOutcome.Issue> issues = new ArrayList<>();
            for (String key : missing) {
                issues.add(new OperationOutcome.Issue("error", "incomplete", "prefetch key '" + key + "' ("
                        + Prefetch.TEMPLATES.get(key) + ") is missing and no fhirServer was given to fetch it", List.of("prefetch." + key)));
            }
            throw ApiException.of(412, issues);
        }
        if (!base.startsWith("https://") && !base.startsWith("http://")) {
            throw ApiException.of(400, "value", "fhirServer must be an http(s) URL", "fhirServer");
        }
        String token = request.fhirAuthorization() == null ? null : request.fhirAuthorization().bearerToken();
        JsonNode context = request.context();
        // The missing keys are fetched at the same time: in a clinician's click path, six round trips to the EHR's
        // FHIR server one after another would cost more than the evaluation.
        Map<String, java.util.concurrent.Future<String>> pending = new LinkedHashMap<>();
        String bearer = token;
        for (String key : missing) {
            String query = Prefetch.resolve(Prefetch.TEMPLATES.get(key), context);
            pending.put(key, fetchPool.submit(() -> fetcher.fetch(base, bearer, query)));
        }
        try {
            for (Map.Entry<String, java.util.concurrent.Future<String>> p : pending.entrySet()) {
                String key = p.getKey();
                try {
                    JsonNode fetched = json.readTree(p.getValue().get());
                    // Held until the evaluation, like a prefetch the client sent: only what the engine reads is kept whole.
                    for (JsonNode entry : fetched.path("entry")) org.myelomacds.fhir.BundleReader.slimEntry(entry, terminology);
                    values.put(key, fetched);
                } catch (java.util.concurrent.ExecutionException e) {
                    String why = e.getCause() instanceof FhirFetchException f ? f.getMessage() : String.valueOf(e.getCause());
                    throw ApiException.of(412, "incomplete", "prefetch key '" + key + "' was missing and fetching it from fhirServer failed: "
                            + why, "prefetch." + key);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("HAPI produced unreadable JSON", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(503, "transient", "interrupted while fetching prefetch from fhirServer");
        } finally {
            pending.values().forEach(f -> f.cancel(true));
        }
        return values;
    }

    @Override
    public void close() {
        fetchPool.shutdownNow();
    }
}
