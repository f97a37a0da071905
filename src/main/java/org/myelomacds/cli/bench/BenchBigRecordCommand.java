package org.myelomacds.cli.bench;

import org.myelomacds.cli.Main;

import org.myelomacds.cli.ExitCode;
import org.myelomacds.cli.ServeStartup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Prints what one big record costs the server, alone and several at once: for each round a fresh {@code serve --dev}
 * child process with the launcher's server options (G1, 10 ms pause goal, 488 MiB heap), the record posted to
 * {@code /api/assessment} from a file (the client holds nothing in memory), and per round the answers, their wall
 * times and the server's heap peak from {@code /health} (the largest before-collection snapshot since start-up),
 * next to the peak after start-up and warm-up alone.
 */
@Command(name = "bench-big-record", mixinStandardHelpOptions = true,
        description = "Measure peak server heap and time for one big patient record on /api/assessment (or as hook prefetch), alone and several at once.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:figures printed (whatever the answers were)", "2:usage error", "3:the record cannot be read",
                "4:the server did not start"})
public final class BenchBigRecordCommand implements Callable<Integer> {
    /** The launcher's options for `serve` (see the launcher script). */
    static final String SERVE_JAVA_OPTS = "-XX:+UseG1GC -XX:MaxGCPauseMillis=10 -Xmx488m";

    @Option(names = "--record", paramLabel = "FILE",
            description = "the record to post (e.g. a Synthea patient); default: fhir-samples/rrmm-isa-pd-candidate.json padded to --size-mb")
    Path record;

    @Option(names = "--size-mb", paramLabel = "MB", defaultValue = "41",
            description = "size of the padded record when no --record is given (default: ${DEFAULT-VALUE})")
    int sizeMb;

    @Option(names = "--concurrent", paramLabel = "N", defaultValue = "3",
            description = "requests at once in the second round (default: ${DEFAULT-VALUE})")
    int concurrent;

    @Option(names = "--gzip", description = "send the record gzip-compressed (Content-Encoding: gzip)")
    boolean gzip;

    @Option(names = "--hook", description = "send the record as the prefetch of a patient-view CDS Hooks call "
            + "(POST /cds-services/myeloma-anti-cd38) instead of a bundle to /api/assessment")
    boolean hook;

    @Option(names = "--server-java-opts", paramLabel = "OPTS", defaultValue = SERVE_JAVA_OPTS,
            description = "JVM options of the server process (default: the launcher's for serve: ${DEFAULT-VALUE})")
    String serverJavaOpts;

    @Option(names = "--as-of", paramLabel = "DATE", defaultValue = "2026-11-01", description = "evaluation date (default: ${DEFAULT-VALUE})")
    String asOf;

    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public BenchBigRecordCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (concurrent < 1) throw ExitCode.CommandFailure.usage("--concurrent must be at least 1");
        Path dir = Files.createTempDirectory("myeloma-cds-bench-big");
        try {
            Path body = body(dir);
            out.printf(Locale.ROOT, "myeloma-cds bench-big-record: %s, %.1f MB%s%s; server: %s; %d cores, java %s%n",
                    record != null ? record : "padded sample", Files.size(body) / 1e6, gzip ? " gzip-compressed" : "",
                    hook ? " as the prefetch of a patient-view hook call" : "",
                    serverJavaOpts, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            out.printf(Locale.ROOT, "%-12s %-22s %-28s %16s %16s %18s%n", "round", "answers", "wall s (each)",
                    "heap peak MiB", "after start MiB", "budget charged MiB");
            round("alone", 1, body, dir);
            round(concurrent + " at once", concurrent, body, dir);
            return ExitCode.OK;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The file posted: the record as it is or padded, compressed when asked. */
    private Path body(Path dir) throws IOException {
        byte[] bytes;
        if (record != null) {
            if (!Files.isRegularFile(record)) throw ExitCode.CommandFailure.invalidInput("cannot read " + record + ": no such file");
            if (!gzip && !hook) return record;
            bytes = Files.readAllBytes(record);
        } else {
            byte[] small = Files.readAllBytes(Path.of("fhir-samples", "rrmm-isa-pd-candidate.json"));
            int perEntry = Math.max(1, LargeBundleSynthesizer.pad(small, 1000).length / 1000);
            bytes = LargeBundleSynthesizer.pad(small, (int) ((long) sizeMb * 1_000_000 / perEntry));
        }
        if (hook) {
            // What an EHR sends for this patient: every resource the prefetch templates ask for, as searchset Bundles.
            ObjectMapper reading = org.myelomacds.fhir.BundleReader.jsonMapper();
            try {
                bytes = reading.writeValueAsBytes(org.myelomacds.server.HookRequestBuilder.patientView(reading, reading.readTree(bytes)));
            } catch (IllegalArgumentException e) {
                throw ExitCode.CommandFailure.invalidInput("cannot make a hook call of " + (record != null ? record : "the padded sample") + ": " + e.getMessage());
            }
        }
        Path file = dir.resolve((hook ? "hook" : "record") + (gzip ? ".json.gz" : ".json"));
        try (OutputStream o = Files.newOutputStream(file)) {
            if (gzip) {
                try (GZIPOutputStream z = new GZIPOutputStream(o, 64 * 1024)) {
                    z.write(bytes);
                }
            } else {
                o.write(bytes);
            }
        }
        return file;
    }

    private void round(String name, int n, Path body, Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("serve-" + n));
        Process server = startServer(work);
        try {
            String base = waitForUrl(server);
            long afterStart = heapPeak(base);
            List<CompletableFuture<String>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) calls.add(CompletableFuture.supplyAsync(() -> post(base, body)));
            List<String> answers = new ArrayList<>();
            List<String> walls = new ArrayList<>();
            for (CompletableFuture<String> c : calls) {
                String[] r = c.get().split(" ");
                answers.add(r[0]);
                walls.add(r[1]);
            }
            JsonNode health = json.readTree(get(base + "/health"));
            long peak = health.path("memory").path("heapPeakBytes").asLong();
            long charged = health.path("requestMemory").path("peakInUseBytes").asLong();
            out.printf(Locale.ROOT, "%-12s %-22s %-28s %16d %16d %18d%n", name, String.join(",", answers), String.join(", ", walls),
                    peak >> 20, afterStart >> 20, charged >> 20);
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }

    private Process startServer(Path work) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String o : serverJavaOpts.trim().split("\\s+")) if (!o.isEmpty()) cmd.add(o);
        cmd.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dmyeloma.samples=" + Path.of("fhir-samples").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--dev", "--port", "0"));
        return new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
    }

    private String waitForUrl(Process server) throws Exception {
        List<String> lines = new ArrayList<>();
        String found = ServeStartup.awaitBaseUrl(server, lines, 50, Duration.ofSeconds(300));
        if (found == null) {
            synchronized (lines) {
                throw ExitCode.CommandFailure.of(ExitCode.RULEBASE_ERROR, "the server did not start:", List.copyOf(lines));
            }
        }
        return found;
    }

    /** One call: "status wall-seconds". */
    private String post(String base, Path body) {
        try {
            String path = hook ? "/cds-services/myeloma-anti-cd38" : "/api/assessment?asOf=" + asOf;
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofMinutes(5)).header("Content-Type", hook ? "application/json" : "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofFile(body));
            if (gzip) b.header("Content-Encoding", "gzip");
            long t0 = System.nanoTime();
            HttpResponse<Void> r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() + " " + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            return "failed(" + e.getClass().getSimpleName() + ") -";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted -";
        }
    }

    private long heapPeak(String base) throws Exception {
        return json.readTree(get(base + "/health")).path("memory").path("heapPeakBytes").asLong();
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
