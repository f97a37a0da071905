package org.myelomacds.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.server.feedback.JdbcFeedbackStore;
import org.myelomacds.server.security.TrustedIssuer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How {@code serve} runs: where it listens, the URL clients know it by (each service's URL, which a client JWT's
 * {@code aud} must equal, and the base of card links), whom it trusts, where feedback is stored, which rules it
 * serves. Read from a YAML or JSON file ({@link #load}); command-line flags override the file
 * ({@link #with(Settings)}); anything left unset takes the defaults of {@link #defaults()}.
 */
public record ServerConfig(int port, String bind, URI publicBaseUrl, List<TrustedIssuer> trustedIssuers,
                           String feedbackJdbcUrl, String feedbackUser, String feedbackPassword, Path rulesDir,
                           boolean watchRules, boolean dev, long maxRequestBytes, List<String> corsOrigins,
                           Jurisdiction jurisdiction, int fhirTimeoutSeconds, int maxConcurrentEvaluations,
                           int evaluationQueueSeconds, int reportTtlMinutes, int reportCapacity,
                           int feedbackTimeoutSeconds, int idleTimeoutSeconds, int maxRequestHeaderBytes, boolean warmUp,
                           long maxBundleBytes, long requestMemoryBudgetBytes) {

    public static final int DEFAULT_PORT = 8085;
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Large enough for a patient's full prefetch (a few hundred resources), small enough to refuse abuse early. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 5L * 1024 * 1024;
    /**
     * A whole patient record posted as a Bundle (REST API, review page): a 50 MB export with room to spare. Read by the
     * streaming scan and admitted against the request memory budget, so its size is not what it costs in heap.
     */
    public static final long DEFAULT_MAX_BUNDLE_BYTES = 64L * 1024 * 1024;
    public static final String DEFAULT_JDBC_URL = JdbcFeedbackStore.DEFAULT_URL;
    /**
     * Evaluation is CPU-bound, so many more evaluations at once than cores only slows every one of them (see
     * EvaluationGate). Twice the cores, because one per core left cores idle while calls handed over (README "Load test":
     * about 20% fewer calls per second at concurrency 8 with 2 on this 2-core machine, the same throughput with 4).
     */
    public static final int DEFAULT_MAX_CONCURRENT_EVALUATIONS = 2 * Runtime.getRuntime().availableProcessors();
    /** Beyond this a CDS client has long given up on the answer, so the call is refused (503) instead. */
    public static final int DEFAULT_EVALUATION_QUEUE_SECONDS = 10;
    /** How long a card's report link works: long enough for a clinician to open it during the visit. */
    public static final int DEFAULT_REPORT_TTL_MINUTES = 30;
    public static final int DEFAULT_REPORT_CAPACITY = 500;
    /**
     * A feedback database that does not answer within this is treated as down (503, Retry-After) rather than holding
     * the caller: feedback clients retry, a clinician's hook call must not wait on it.
     */
    public static final int DEFAULT_FEEDBACK_TIMEOUT_SECONDS = 2;
    /** A connection that sends nothing for this long is closed (slow or stalled clients hold a thread meanwhile). */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 15;
    /** Request line plus headers; a client JWT and the usual headers fit with room to spare. */
    public static final int DEFAULT_MAX_REQUEST_HEADER_BYTES = 16 * 1024;

    /** The settings before reports, timeouts and warm-up were configurable: those take their defaults. */
    public ServerConfig(int port, String bind, URI publicBaseUrl, List<TrustedIssuer> trustedIssuers,
                        String feedbackJdbcUrl, String feedbackUser, String feedbackPassword, Path rulesDir,
                        boolean watchRules, boolean dev, long maxRequestBytes, List<String> corsOrigins,
                        Jurisdiction jurisdiction, int fhirTimeoutSeconds, int maxConcurrentEvaluations,
                        int evaluationQueueSeconds) {
        this(port, bind, publicBaseUrl, trustedIssuers, feedbackJdbcUrl, feedbackUser, feedbackPassword, rulesDir, watchRules,
                dev, maxRequestBytes, corsOrigins, jurisdiction, fhirTimeoutSeconds, maxConcurrentEvaluations,
                evaluationQueueSeconds, DEFAULT_REPORT_TTL_MINUTES, DEFAULT_REPORT_CAPACITY, DEFAULT_FEEDBACK_TIMEOUT_SECONDS,
                DEFAULT_IDLE_TIMEOUT_SECONDS, DEFAULT_MAX_REQUEST_HEADER_BYTES, true, DEFAULT_MAX_BUNDLE_BYTES,
                MemoryBudget.defaultBudgetBytes());
    }

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        trustedIssuers = trustedIssuers == null ? List.of() : List.copyOf(trustedIssuers);
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is not 0-65535");
        if (maxRequestBytes < 1024) throw new IllegalArgumentException("maxRequestBytes " + maxRequestBytes + " is below 1024");
        if (maxConcurrentEvaluations < 1) throw new IllegalArgumentException("maxConcurrentEvaluations " + maxConcurrentEvaluations + " is below 1");
        if (evaluationQueueSeconds < 1) throw new IllegalArgumentException("evaluationQueueSeconds " + evaluationQueueSeconds + " is below 1");
        if (reportTtlMinutes < 1) throw new IllegalArgumentException("reportTtlMinutes " + reportTtlMinutes + " is below 1");
        if (reportCapacity < 1) throw new IllegalArgumentException("reportCapacity " + reportCapacity + " is below 1");
        if (feedbackTimeoutSeconds < 1) throw new IllegalArgumentException("feedbackTimeoutSeconds " + feedbackTimeoutSeconds + " is below 1");
        if (idleTimeoutSeconds < 1) throw new IllegalArgumentException("idleTimeoutSeconds " + idleTimeoutSeconds + " is below 1");
        if (maxRequestHeaderBytes < 4096) throw new IllegalArgumentException("maxRequestHeaderBytes " + maxRequestHeaderBytes + " is below 4096");
        if (maxBundleBytes < 1024) throw new IllegalArgumentException("maxBundleBytes " + maxBundleBytes + " is below 1024");
        if (requestMemoryBudgetBytes < 16L * 1024 * 1024) {
            throw new IllegalArgumentException("requestMemoryBudgetMiB " + (requestMemoryBudgetBytes >> 20) + " is below 16");
        }
        if (publicBaseUrl != null && publicBaseUrl.getPath() != null && publicBaseUrl.getPath().endsWith("/")) {
            publicBaseUrl = URI.create(publicBaseUrl.toString().replaceAll("/+$", ""));
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_PORT, DEFAULT_BIND, null, List.of(), DEFAULT_JDBC_URL, null, null, null, true,
                false, DEFAULT_MAX_REQUEST_BYTES, List.of("*"), Jurisdiction.US, 10, DEFAULT_MAX_CONCURRENT_EVALUATIONS,
                DEFAULT_EVALUATION_QUEUE_SECONDS, DEFAULT_REPORT_TTL_MINUTES, DEFAULT_REPORT_CAPACITY, DEFAULT_FEEDBACK_TIMEOUT_SECONDS,
                DEFAULT_IDLE_TIMEOUT_SECONDS, DEFAULT_MAX_REQUEST_HEADER_BYTES, true, DEFAULT_MAX_BUNDLE_BYTES,
                MemoryBudget.defaultBudgetBytes());
    }

    /** The limit for a bundle body: never below the limit for any request body. */
    public long bundleLimitBytes() {
        return Math.max(maxBundleBytes, maxRequestBytes);
    }

    /** The URL clients call us at: the configured public base URL, else http://bind:port. */
    public URI baseUrl(int actualPort) {
        if (publicBaseUrl != null) return publicBaseUrl;
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        return URI.create("http://" + ("0.0.0.0".equals(bind) ? "127.0.0.1" : host) + ":" + actualPort);
    }

    /**
     * Every setting is optional: a file or a command line sets some of them. Field names are the file's keys.
     * Unknown keys are an error, so a misspelt setting is not silently ignored.
     */
    public record Settings(Integer port, String bind, URI publicBaseUrl, List<TrustedIssuer> trustedIssuers,
                           String feedbackJdbcUrl, String feedbackUser, String feedbackPassword, Path rulesDir,
                           Boolean watchRules, Boolean dev, Long maxRequestBytes, List<String> corsOrigins,
                           Jurisdiction jurisdiction, Integer fhirTimeoutSeconds, Integer maxConcurrentEvaluations,
                           Integer evaluationQueueSeconds, Integer reportTtlMinutes, Integer reportCapacity,
                           Integer feedbackTimeoutSeconds, Integer idleTimeoutSeconds, Integer maxRequestHeaderBytes,
                           Boolean warmUp, Long maxBundleBytes, Integer requestMemoryBudgetMiB) {
        /** The settings before bundle limits and the memory budget were configurable: those stay unset. */
        public Settings(Integer port, String bind, URI publicBaseUrl, List<TrustedIssuer> trustedIssuers,
                        String feedbackJdbcUrl, String feedbackUser, String feedbackPassword, Path rulesDir,
                        Boolean watchRules, Boolean dev, Long maxRequestBytes, List<String> corsOrigins,
                        Jurisdiction jurisdiction, Integer fhirTimeoutSeconds, Integer maxConcurrentEvaluations,
                        Integer evaluationQueueSeconds, Integer reportTtlMinutes, Integer reportCapacity,
                        Integer feedbackTimeoutSeconds, Integer idleTimeoutSeconds, Integer maxRequestHeaderBytes,
                        Boolean warmUp) {
            this(port, bind, publicBaseUrl, trustedIssuers, feedbackJdbcUrl, feedbackUser, feedbackPassword, rulesDir,
                    watchRules, dev, maxRequestBytes, corsOrigins, jurisdiction, fhirTimeoutSeconds, maxConcurrentEvaluations,
                    evaluationQueueSeconds, reportTtlMinutes, reportCapacity, feedbackTimeoutSeconds, idleTimeoutSeconds,
                    maxRequestHeaderBytes, warmUp, null, null);
        }

        /** The settings before reports, timeouts and warm-up were configurable: those stay unset. */
        public Settings(Integer port, String bind, URI publicBaseUrl, List<TrustedIssuer> trustedIssuers,
                        String feedbackJdbcUrl, String feedbackUser, String feedbackPassword, Path rulesDir,
                        Boolean watchRules, Boolean dev, Long maxRequestBytes, List<String> corsOrigins,
                        Jurisdiction jurisdiction, Integer fhirTimeoutSeconds, Integer maxConcurrentEvaluations,
                        Integer evaluationQueueSeconds) {
            this(port, bind, publicBaseUrl, trustedIssuers, feedbackJdbcUrl, feedbackUser, feedbackPassword, rulesDir,
                    watchRules, dev, maxRequestBytes, corsOrigins, jurisdiction, fhirTimeoutSeconds, maxConcurrentEvaluations,
                    evaluationQueueSeconds, null, null, null, null, null, null, null, null);
        }

        public static Settings none() {
            return new Settings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    public ServerConfig with(Settings s) {
        return new ServerConfig(
                s.port() != null ? s.port() : port,
                s.bind() != null ? s.bind() : bind,
                s.publicBaseUrl() != null ? s.publicBaseUrl() : publicBaseUrl,
                s.trustedIssuers() != null ? s.trustedIssuers() : trustedIssuers,
                s.feedbackJdbcUrl() != null ? s.feedbackJdbcUrl() : feedbackJdbcUrl,
                s.feedbackUser() != null ? s.feedbackUser() : feedbackUser,
                s.feedbackPassword() != null ? s.feedbackPassword() : feedbackPassword,
                s.rulesDir() != null ? s.rulesDir() : rulesDir,
                s.watchRules() != null ? s.watchRules() : watchRules,
                s.dev() != null ? s.dev() : dev,
                s.maxRequestBytes() != null ? s.maxRequestBytes() : maxRequestBytes,
                s.corsOrigins() != null ? s.corsOrigins() : corsOrigins,
                s.jurisdiction() != null ? s.jurisdiction() : jurisdiction,
                s.fhirTimeoutSeconds() != null ? s.fhirTimeoutSeconds() : fhirTimeoutSeconds,
                s.maxConcurrentEvaluations() != null ? s.maxConcurrentEvaluations() : maxConcurrentEvaluations,
                s.evaluationQueueSeconds() != null ? s.evaluationQueueSeconds() : evaluationQueueSeconds,
                s.reportTtlMinutes() != null ? s.reportTtlMinutes() : reportTtlMinutes,
                s.reportCapacity() != null ? s.reportCapacity() : reportCapacity,
                s.feedbackTimeoutSeconds() != null ? s.feedbackTimeoutSeconds() : feedbackTimeoutSeconds,
                s.idleTimeoutSeconds() != null ? s.idleTimeoutSeconds() : idleTimeoutSeconds,
                s.maxRequestHeaderBytes() != null ? s.maxRequestHeaderBytes() : maxRequestHeaderBytes,
                s.warmUp() != null ? s.warmUp() : warmUp,
                s.maxBundleBytes() != null ? s.maxBundleBytes() : maxBundleBytes,
                s.requestMemoryBudgetMiB() != null ? s.requestMemoryBudgetMiB() * 1024L * 1024 : requestMemoryBudgetBytes);
    }

    /** Reads a YAML or JSON settings file (YAML is a superset of JSON, so one parser reads both). */
    public static Settings load(Path file) throws ConfigException {
        ObjectMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try {
            Settings s = yaml.readValue(Files.readAllBytes(file), Settings.class);
            if (s == null) return Settings.none();
            if (s.rulesDir() != null && !s.rulesDir().isAbsolute()) {
                // A relative rules directory is relative to the file that names it, not to wherever serve was started.
                Path base = file.toAbsolutePath().getParent();
                s = new Settings(s.port(), s.bind(), s.publicBaseUrl(), s.trustedIssuers(), s.feedbackJdbcUrl(),
                        s.feedbackUser(), s.feedbackPassword(), base.resolve(s.rulesDir()).normalize(), s.watchRules(),
                        s.dev(), s.maxRequestBytes(), s.corsOrigins(), s.jurisdiction(), s.fhirTimeoutSeconds(),
                        s.maxConcurrentEvaluations(), s.evaluationQueueSeconds(), s.reportTtlMinutes(), s.reportCapacity(),
                        s.feedbackTimeoutSeconds(), s.idleTimeoutSeconds(), s.maxRequestHeaderBytes(), s.warmUp(),
                        s.maxBundleBytes(), s.requestMemoryBudgetMiB());
            }
            return s;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (UnrecognizedPropertyException e) {
            // Jackson's YAML locations point past the key, so the message names the key and its path instead of a line.
            throw new ConfigException(file + ": unknown setting '" + e.getPropertyName() + "' (at "
                    + e.getPathReference().replaceAll("^.*Settings", "") + "; known: "
                    + new java.util.TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList()) + ")");
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            if (root instanceof IllegalArgumentException iae) msg = iae.getMessage();
            throw new ConfigException(file + ": " + msg);
        }
    }

    /** A configuration file that cannot be used; the message names the file and the setting. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) { super(message); }
    }
}
