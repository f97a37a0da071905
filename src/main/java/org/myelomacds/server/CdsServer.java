package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessor.Assessor;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseSource;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.render.CardRenderer;
import org.myelomacds.render.cards.CdsResponse;
import org.myelomacds.server.feedback.FeedbackStore;
import org.myelomacds.server.feedback.GuardedFeedbackStore;
import org.myelomacds.server.review.ReviewRoutes;
import org.myelomacds.server.security.ClientAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CDS Hooks service (CDS Hooks 2.0 on the wire, ready for 3.0) and the REST API, on Javalin (Jetty), as route
 * groups: {@link HookRoutes} (discovery and hook calls), {@link FeedbackRoutes}, {@link AssessmentRoutes} (REST API and
 * the reports cards link to), {@link HealthRoutes} and, where it may be served, the review page ({@link ReviewRoutes}).
 * This class builds the parts they share, starts and stops the server, and maps refusals to OperationOutcomes.
 * Its parts come in by constructor so tests and {@code serve} choose them: who is trusted
 * ({@link ClientAuthenticator}), where feedback goes ({@link FeedbackStore}), which rulebase answers
 * ({@link RulebaseSource}; a request takes the current rulebase once, so a reload never changes a request in flight).
 * Every refusal is an OperationOutcome naming what and where. One audit line per invocation, without patient data
 * or tokens.
 */
public final class CdsServer implements AutoCloseable {
    public static final String PATIENT_VIEW_SERVICE = CdsServices.PATIENT_VIEW;
    public static final String ORDER_CHECK_SERVICE = CdsServices.ORDER_CHECK;
    /** The same order check announced for order-sign: discovery allows one hook per service id. */
    public static final String ORDER_SIGN_SERVICE = CdsServices.ORDER_SIGN;
    public static final String SERVICE_VERSION = CdsServices.VERSION;
    /** Issued-card records held in memory while the feedback database is down (about 50 hook calls' worth per 250). */
    static final int ISSUED_CARDS_WAITING_LIMIT = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(CdsServer.class);

    private final ServerConfig config;
    private final RulebaseSource rules;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().build();
    /** Every assessment the server gives (hooks, REST API, review page) comes through this one path. */
    private final Assessor assessor;
    private final Requests requests;
    private final PrefetchResolver prefetch;
    private final ReportStore reports;
    /**
     * The feedback store with its failure modes made explicit: issued cards are written before the hook call is
     * answered, or queued (bounded, in order) while the database is down; feedback fails fast with 503 then.
     */
    private final GuardedFeedbackStore guarded;
    private final EvaluationGate gate;
    private final Javalin app;
    private final ReceivingSlots receiving = new ReceivingSlots();
    /** Heap for request bodies: a big record queues or is refused instead of running the server out of memory. */
    private final MemoryBudget memory;
    /** 1 KiB/s on average: any EHR link carries a body far faster; a trickling client does not. */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;
    private final CorsPolicy cors;
    private volatile URI baseUrl;

    public CdsServer(ServerConfig config, ClientAuthenticator authenticator, FeedbackStore feedback,
                     RulebaseSource rules, Clock clock) {
        this.config = config;
        this.guarded = new GuardedFeedbackStore(feedback, clock, ISSUED_CARDS_WAITING_LIMIT, Duration.ofSeconds(5));
        this.rules = rules;
        this.assessor = new Assessor(new BundleReader(), rules);
        this.clock = clock;
        this.requests = new Requests(authenticator, () -> baseUrl, config.maxRequestBytes(), config.bundleLimitBytes());
        this.prefetch = new PrefetchResolver(requests.json(), Duration.ofSeconds(config.fhirTimeoutSeconds()));
        this.reports = new ReportStore(config.reportCapacity(), Duration.ofMinutes(config.reportTtlMinutes()), clock);
        this.gate = new EvaluationGate(config.maxConcurrentEvaluations(), Duration.ofSeconds(config.evaluationQueueSeconds()));
        this.memory = new MemoryBudget(config.requestMemoryBudgetBytes(), Duration.ofSeconds(config.evaluationQueueSeconds()));
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = config.bundleLimitBytes();
            cfg.http.defaultContentType = "application/json";
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.router.ignoreTrailingSlashes = true;
            cfg.jetty.defaultHost = config.bind();
            cfg.jetty.defaultPort = config.port();
            cfg.jetty.threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(ReceivingSlots.THREADS, 8, 60_000);
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(config.maxRequestHeaderBytes());
                // A body arriving slower than this on average is cut off (408) instead of holding its thread until the
                // idle timeout, which a client sending one byte every few seconds never reaches.
                http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
                http.setSendServerVersion(false);
            });
            cfg.jetty.modifyServer(server -> {
                // Errors Jetty answers itself (431 headers too large, 400 malformed request line, …) never reach the
                // routes: without this their body is Jetty's HTML page.
                server.setErrorHandler(new OperationOutcomeErrorHandler());
            });
        });
        this.cors = new CorsPolicy(config.corsOrigins());
        routes();
    }

    public CdsServer start() {
        if (config.warmUp()) warmUp();
        app.start();
        for (org.eclipse.jetty.server.Connector c : app.jettyServer().server().getConnectors()) {
            // A stalled or trickling client holds a thread while the server waits on it; bound that wait.
            if (c instanceof org.eclipse.jetty.server.AbstractConnector ac) ac.setIdleTimeout(config.idleTimeoutSeconds() * 1000L);
        }
        baseUrl = config.baseUrl(app.port());
        LOG.info("CDS Hooks service listening on {}:{} as {} (rulebase {} sha256 {})", config.bind(), app.port(), baseUrl,
                rules.current().version(), rules.current().sha256());
        return this;
    }

    private volatile Map<String, Object> warmUpReport = Map.of("done", false);

    /**
     * Before the port opens (so /health cannot say UP before it is done): synthetic evaluations through the hook path
     * and a FHIR client round. A failure here is logged and the server starts anyway, only colder.
     */
    private void warmUp() {
        long t0 = System.nanoTime();
        int done = 0;
        try {
            Rulebase rb = rules.current();
            JsonNode prefetched = WarmUp.prefetch(requests.json());
            LocalDate asOf = LocalDate.now(clock);
            for (int i = 0; i < WarmUp.EVALUATIONS; i++) {
                Map<String, JsonNode> values = new LinkedHashMap<>();
                prefetched.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().deepCopy()));
                JsonNode bundle = Prefetch.bundle(requests.json(), values, "warm-up");
                Assessment a = ServerAssessments.assessmentOrRefusal(assessor.assess(rb, bundle, asOf, config.jurisdiction(), true));
                json.writeValueAsBytes(new CdsResponse(CardRenderer.patientView(a, new CardRenderer.Context("http://127.0.0.1/cases/warm-up", rb.terminology().observations(), rb.regimens().shortNames(), "warm-up"))));
                done++;
            }
            WarmUp.fhirClientRound(prefetch.fetcher());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            warmUpReport = Map.of("done", true, "evaluations", done, "durationMs", ms);
            LOG.info("warmed up in {} ms ({} synthetic evaluations, one FHIR client round)", ms, done);
        } catch (Exception e) {
            warmUpReport = Map.of("done", false, "evaluations", done, "error", String.valueOf(e));
            LOG.warn("warm-up incomplete after {} evaluation(s): {}", done, e.toString());
        }
    }

    public int port() { return app.port(); }

    public URI baseUrl() { return baseUrl; }

    @Override
    public void close() {
        app.stop();
        prefetch.close();
        guarded.close();
    }

    /**
     * Cards are recorded before their hook call is answered, so there is nothing to wait for unless the database is
     * down (then they wait in the guarded store's queue); kept for callers that want to be sure.
     */
    public void flushIssued() {
        guarded.probe();
    }

    /** The admission gate, for tests that need every evaluation slot taken. */
    EvaluationGate gate() { return gate; }

    private void routes() {
        // First, before any work: a disallowed origin is refused before the body is read, a token checked or a jti spent.
        app.before(ctx -> cors.apply(ctx, baseUrl));
        receiving.install(app);
        memory.install(app);
        ServerAssessments assessments = new ServerAssessments(gate);
        new HookRoutes(requests, rules, assessor, assessments, prefetch, reports, new IssuedCardRecorder(guarded, clock),
                config.jurisdiction(), clock, () -> baseUrl).register(app);
        new FeedbackRoutes(requests, guarded).register(app);
        new AssessmentRoutes(requests, rules, assessor, assessments, reports, config, clock).register(app);
        new HealthRoutes(rules, guarded, gate, receiving, memory, reports, clock, config.dev(), () -> warmUpReport).register(app);
        if (ReviewRoutes.servedOn(config.bind(), config.dev())) {
            new ReviewRoutes(assessor, gate, clock, config.bundleLimitBytes(), ReviewRoutes.defaultSamplesDir()).register(app);
        } else {
            LOG.warn("case-review page (/review) is off: it has no user login of its own, so it is served only on a loopback "
                    + "bind (put a reverse proxy with your sign-on in front) or with --dev; bind is {}", config.bind());
        }
        app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.outcome()));
        app.exception(EvaluationGate.AtCapacity.class, (e, ctx) -> {
            // Tell the client when trying again makes sense (RFC 9110 §10.2.3).
            ctx.header("Retry-After", "1");
            ctx.status(503).json(OperationOutcome.error("transient", e.getMessage(), ctx.path()));
        });
        app.exception(ReceivingSlots.Full.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            ctx.status(503).json(OperationOutcome.error("transient", e.getMessage(), ctx.path()));
        });
        app.exception(MemoryBudget.Exhausted.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            ctx.status(503).json(OperationOutcome.error("transient", e.getMessage(), ctx.path()));
        });
        app.exception(MemoryBudget.TooLarge.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            ctx.status(503).json(OperationOutcome.error("too-costly", e.getMessage(), ctx.path()));
        });
        app.exception(GuardedFeedbackStore.Unavailable.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            ctx.status(503).json(OperationOutcome.error("transient", e.getMessage(), ctx.path()));
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            String code = switch (e.getStatus()) {
                case 404 -> "not-found";
                case 413 -> "too-costly";
                case 405 -> "not-supported";
                default -> "processing";
            };
            ctx.status(e.getStatus()).json(OperationOutcome.error(code, e.getMessage() + " (" + ctx.method() + " " + ctx.path() + ")", ctx.path()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("internal error on {} {}", ctx.method(), LogSafe.value(ctx.path()), e);
            ctx.status(500).json(OperationOutcome.error("exception", "internal error: " + e.getClass().getSimpleName()
                    + " (details in the server log)", ctx.path()));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(OperationOutcome.error("not-found", "no endpoint " + ctx.method() + " " + ctx.path(), ctx.path()));
            }
        });
    }
}
