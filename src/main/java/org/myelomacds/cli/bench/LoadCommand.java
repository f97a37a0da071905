package org.myelomacds.cli.bench;

import org.myelomacds.cli.ExitCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load test of a running server: CDS Hooks patient-view calls with full prefetch (a ~50-entry patient) at each
 * concurrency level, from a fixed pool of client threads. Every level is bounded by a request count and a time limit
 * and stops by itself. Prints throughput, latency percentiles, errors, the server's peak heap (from its health
 * endpoint, when it reports one) and this client's memory; exits 1 when any request failed.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load-test a running myeloma-cds server with patient-view calls (full prefetch) at several concurrency levels.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every request answered", "1:some request failed", "2:usage error",
                "3:unreadable input (a bundle or key file)"})
public final class LoadCommand implements Callable<Integer> {
    static final String SERVICE = "myeloma-anti-cd38";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where the server's health JSON reports its peak heap, under "memory" (heapPeakBytes; an earlier server said peakHeapBytes). */
    private static final List<String> HEAP_PEAK_FIELDS = List.of("heapPeakBytes", "peakHeapBytes");
    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");

    @Option(names = "--url", required = true, paramLabel = "URL", description = "server base URL, e.g. http://127.0.0.1:8085")
    URI url;

    @Option(names = "--concurrency", split = ",", defaultValue = "1,8,32", paramLabel = "N[,N...]",
            description = "concurrency levels, each run in turn (default: ${DEFAULT-VALUE})")
    int[] concurrency;

    @Option(names = "--requests", defaultValue = "2000", paramLabel = "N", description = "requests per level (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--max-seconds", defaultValue = "30", paramLabel = "S", description = "time limit per level (default: ${DEFAULT-VALUE})")
    int maxSeconds;

    // A fresh server's JIT compiler is still busy after a few thousand calls (it took a whole core for the first
    // minute here), so the warm-up is bounded mainly by time.
    @Option(names = "--warmup", defaultValue = "20000", paramLabel = "N", description = "warm-up requests before measuring, so the server's JIT has compiled its hot paths (default: ${DEFAULT-VALUE}, or --warmup-seconds, whichever ends first)")
    int warmup;

    @Option(names = "--warmup-seconds", defaultValue = "60", paramLabel = "S", description = "time limit of the warm-up (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--bundle", paramLabel = "FILE", defaultValue = "fhir-samples/rrmm-isa-pd-candidate.json",
            description = "patient bundle the prefetch is built from (default: ${DEFAULT-VALUE}), padded to --entries")
    Path bundle;

    @Option(names = "--entries", defaultValue = "50", paramLabel = "N", description = "pad the patient to this many entries with older results (default: ${DEFAULT-VALUE})")
    int entries;

    @Option(names = "--token", paramLabel = "JWT", description = "one bearer token sent with every call (a server verifying JWTs refuses its jti after the first call; see --sign-key)")
    String token;

    @Option(names = "--sign-key", paramLabel = "FILE", description = "private JWK to sign a fresh client JWT for every call (aud = service URL, new jti); "
            + "generated, with FILE.jwks.json holding its public JWK Set, when FILE does not exist")
    Path signKey;

    @Option(names = "--issuer", paramLabel = "ISS", defaultValue = "https://load-test.myeloma-cds.invalid",
            description = "iss of the JWTs signed with --sign-key (default: ${DEFAULT-VALUE})")
    String issuer;

    @Option(names = "--timeout-seconds", defaultValue = "30", paramLabel = "S", description = "per-request timeout (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    private final PrintStream out;
    private final PrintStream err;
    private ClientTokenMinter minter;

    public LoadCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || maxSeconds < 1 || warmup < 0 || warmupSeconds < 1 || entries < 1 || timeoutSeconds < 1
                || Arrays.stream(concurrency).anyMatch(c -> c < 1 || c > 1024)) {
            err.println("myeloma-cds load: --requests, --max-seconds, --entries, --timeout-seconds and every --concurrency level must be positive (concurrency at most 1024)");
            return ExitCode.USAGE;
        }
        PatientViewRequest request;
        try {
            request = PatientViewRequest.fromBundle(PatientViewRequest.padWithHistory(Files.readAllBytes(bundle), entries));
        } catch (IOException | IllegalArgumentException e) {
            err.println("myeloma-cds load: cannot build the request from " + bundle + ": " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        URI service = url.resolve("/cds-services/" + SERVICE);
        if (token != null && signKey != null) {
            err.println("myeloma-cds load: give either --token or --sign-key, not both");
            return ExitCode.USAGE;
        }
        if (signKey != null) {
            List<String> notes = new ArrayList<>();
            try {
                minter = new ClientTokenMinter(ClientTokenMinter.loadOrCreate(signKey, notes), issuer, java.time.Clock.systemUTC());
            } catch (IOException | IllegalArgumentException | com.nimbusds.jose.JOSEException e) {
                err.println("myeloma-cds load: cannot use the signing key: " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            notes.forEach(n -> out.println("myeloma-cds load: " + n));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        out.printf(Locale.ROOT, "myeloma-cds load: POST %s, patient-view with full prefetch (%d entries from %s, %d KiB; %s)%n",
                service, request.totalEntries(), bundle.getFileName(), request.bodyBytes() / 1024, request.entriesPerKey());
        out.printf(Locale.ROOT, "%d requests and at most %d s per level; %d cores, java %s%n", requests, maxSeconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        Level warm = run(client, service, request, Math.min(8, Arrays.stream(concurrency).max().orElse(1)), warmup, warmupSeconds);
        if (warmup > 0 && warm.stats.errors() == warm.stats.requests()) {
            err.println("myeloma-cds load: every warm-up request failed; first error: " + warm.firstErrors.stream().findFirst().orElse("(none)"));
            return ExitCode.CHECK_FAILED;
        }
        out.printf(Locale.ROOT, "warm-up: %d requests in %.0f s at concurrency %d, %d errors%n", warm.stats.requests(),
                warm.stats.wallSeconds(), Math.min(8, Arrays.stream(concurrency).max().orElse(1)), warm.stats.errors());
        out.printf(Locale.ROOT, "%11s %9s %7s %9s %8s %8s %8s %8s %17s %15s%n", "concurrency", "requests", "errors", "req/s",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "server heap peak", "client RSS peak");
        int totalErrors = warm.stats.errors();
        List<String> errorSamples = new ArrayList<>(warm.firstErrors);
        for (int c : concurrency) {
            Level level = run(client, service, request, c, requests, maxSeconds);
            LatencyStats s = level.stats;
            totalErrors += s.errors();
            errorSamples.addAll(level.firstErrors);
            out.printf(Locale.ROOT, "%11d %9d %7d %9.1f %8.2f %8.2f %8.2f %8.2f %17s %15s%n", c, s.requests(), s.errors(), s.throughput(),
                    LatencyStats.millis(s.p50Nanos()), LatencyStats.millis(s.p95Nanos()), LatencyStats.millis(s.p99Nanos()),
                    LatencyStats.millis(s.maxNanos()), serverHeapPeak(client).map(LoadCommand::mib).orElse("n/a"), clientRssPeak());
        }
        if (totalErrors > 0) {
            err.println("myeloma-cds load: " + totalErrors + " request(s) failed; first errors:");
            errorSamples.stream().limit(5).forEach(e -> err.println("  " + e));
            return ExitCode.CHECK_FAILED;
        }
        return ExitCode.OK;
    }

    private record Level(LatencyStats stats, List<String> firstErrors) {}

    /** One level: `threads` workers share a budget of `count` requests and a deadline; each keeps its own latencies. */
    private Level run(HttpClient client, URI service, PatientViewRequest request, int threads, int count, int seconds) throws Exception {
        if (count == 0) return new Level(LatencyStats.of(new long[0], 0, 0), List.of());
        AtomicInteger budget = new AtomicInteger(count);
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long[] latencies = new long[count];
                    int n = 0;
                    while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                        HttpRequest call = build(service, request); // signing a JWT is the client's cost, not the server's
                        long t0 = System.nanoTime();
                        String problem = send(client, call);
                        latencies[n++] = System.nanoTime() - t0;
                        if (problem != null) {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 5) firstErrors.add(problem);
                        }
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : workers) all.add(f.get());
            long wall = System.nanoTime() - start;
            long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
            return new Level(LatencyStats.of(merged, errors.get(), wall), List.copyOf(firstErrors));
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpRequest build(URI service, PatientViewRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(service).timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.body(UUID.randomUUID())));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (minter != null) b.header("Authorization", "Bearer " + minter.mint(service));
        return b.build();
    }

    /** Sends one call; null when the answer is a 200 with a well-formed cards array, else what was wrong. */
    private static String send(HttpClient client, HttpRequest call) {
        try {
            HttpResponse<byte[]> response = client.send(call, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode() + ": " + abbreviate(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return checkCards(response.body());
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The minimum a CDS client needs to render the answer: a cards array of cards with summary, indicator, source. */
    static String checkCards(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return "response is not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
        }
        if (root == null || !root.path("cards").isArray()) return "response has no cards array";
        int i = 0;
        for (JsonNode card : root.get("cards")) {
            String summary = card.path("summary").asText("");
            if (summary.isBlank() || summary.length() >= 140) return "cards[" + i + "].summary is empty or 140 characters or longer";
            if (!INDICATORS.contains(card.path("indicator").asText())) return "cards[" + i + "].indicator is not info, warning or critical";
            if (card.path("source").path("label").asText("").isBlank()) return "cards[" + i + "].source.label is missing";
            i++;
        }
        return null;
    }

    /** memory.heapPeakBytes (or peakHeapBytes) from the server's GET /health, when the server reports it. */
    private java.util.Optional<Long> serverHeapPeak(HttpClient client) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve("/health")).timeout(Duration.ofSeconds(5)).GET();
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) return java.util.Optional.empty();
            JsonNode memory = JSON.readTree(r.body()).path("memory");
            for (String field : HEAP_PEAK_FIELDS) {
                if (memory.path(field).canConvertToLong()) return java.util.Optional.of(memory.path(field).asLong());
            }
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /** This JVM's peak resident set (VmHWM from /proc/self/status), or n/a off Linux. */
    static String clientRssPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return mib(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or an unexpected format: the figure is optional
        }
        return "n/a";
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
