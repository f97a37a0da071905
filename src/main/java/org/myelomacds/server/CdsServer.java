package org.myelomacds.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.engine.EvaluationException;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.ReloadAttempt;
import org.myelomacds.engine.RulebaseSource;
import org.myelomacds.evidence.RegimenDefinition;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.UnreadableInput;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.fhir.DraftOrders;
import org.myelomacds.fhir.FhirFetchException;
import org.myelomacds.fhir.FhirServerFetcher;
import org.myelomacds.fhir.InvalidBundleException;
import org.myelomacds.render.CardRenderer;
import org.myelomacds.render.JsonRenderer;
import org.myelomacds.render.report.HtmlReport;
import org.myelomacds.render.MarkdownRenderer;
import org.myelomacds.render.cards.Card;
import org.myelomacds.render.cards.CdsResponse;
import org.myelomacds.server.feedback.FeedbackEntry;
import org.myelomacds.server.feedback.FeedbackStore;
import org.myelomacds.server.feedback.GuardedFeedbackStore;
import org.myelomacds.server.feedback.IssuedCard;
import org.myelomacds.server.review.ReviewRoutes;
import org.myelomacds.server.security.AuthenticatedClient;
import org.myelomacds.server.security.AuthenticationException;
import org.myelomacds.server.security.ClientAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CDS Hooks service (CDS Hooks 2.0 on the wire, ready for 3.0) and the REST API, on Javalin (Jetty).
 * Its parts come in by constructor so tests and {@code serve} choose them: who is trusted
 * ({@link ClientAuthenticator}), where feedback goes ({@link FeedbackStore}), which rulebase answers
 * ({@link RulebaseSource}; a request takes the current rulebase once, so a reload never changes a request in flight).
 * Every refusal is an OperationOutcome naming what and where. One audit line per invocation, without patient data
 * or tokens.
 */
public final class CdsServer implements AutoCloseable {
    public static final String PATIENT_VIEW_SERVICE = "myeloma-anti-cd38";
    public static final String ORDER_CHECK_SERVICE = "anti-cd38-order-check";
    /** The same order check announced for order-sign: discovery allows one hook per service id. */
    public static final String ORDER_SIGN_SERVICE = "anti-cd38-order-check-sign";
    public static final String SERVICE_VERSION = "1.0.0";
    private static final Set<String> ORDER_HOOKS = Set.of("order-select", "order-sign");
    /** Issued-card records held in memory while the feedback database is down (about 50 hook calls' worth per 250). */
    static final int ISSUED_CARDS_WAITING_LIMIT = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(CdsServer.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("org.myelomacds.audit");

    private final ServerConfig config;
    private final ClientAuthenticator authenticator;
    private final FeedbackStore feedback;
    private final RulebaseSource rules;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().build();
    /**
     * Reads request bodies as the engine reads a bundle (decimals exactly as written), so the prefetch tree goes to
     * the engine as it is instead of being written out and parsed again; a key given twice is refused.
     */
    private final ObjectMapper requestJson = RequestBodies.strictMapper();
    /** A hookInstance is a UUID (CDS Hooks 2.0); anything else is refused before it can reach a log line. */
    private static final java.util.regex.Pattern UUID_LIKE =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private final BundleReader reader = new BundleReader();
    private final FhirServerFetcher fetcher;
    private final ReportStore reports;
    /**
     * The feedback store with its failure modes made explicit: issued cards are written before the hook call is
     * answered, or queued (bounded, in order) while the database is down; feedback fails fast with 503 then.
     */
    private final GuardedFeedbackStore guarded;
    /** Bounded: at most this many FHIR-server fetches run at once across all requests; the rest queue. */
    private final java.util.concurrent.ExecutorService fetchPool = java.util.concurrent.Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "fhir-fetch");
        t.setDaemon(true);
        return t;
    });
    private final EvaluationGate gate;
    private final HeapPeak heapPeak = new HeapPeak();
    private final Instant started;
    private final Javalin app;
    private final ReceivingSlots receiving = new ReceivingSlots();
    /** 1 KiB/s on average: any EHR link carries a body far faster; a trickling client does not. */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;
    private final CorsPolicy cors;
    private volatile URI baseUrl;

    public CdsServer(ServerConfig config, ClientAuthenticator authenticator, FeedbackStore feedback,
                     RulebaseSource rules, Clock clock) {
        this.config = config;
        this.authenticator = authenticator;
        this.feedback = feedback;
        this.guarded = new GuardedFeedbackStore(feedback, clock, ISSUED_CARDS_WAITING_LIMIT, Duration.ofSeconds(5));
        this.rules = rules;
        this.clock = clock;
        this.fetcher = new FhirServerFetcher(Duration.ofSeconds(config.fhirTimeoutSeconds()));
        this.reports = new ReportStore(config.reportCapacity(), Duration.ofMinutes(config.reportTtlMinutes()), clock);
        this.gate = new EvaluationGate(config.maxConcurrentEvaluations(), Duration.ofSeconds(config.evaluationQueueSeconds()));
        this.started = clock.instant();
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = config.maxRequestBytes();
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
            JsonNode prefetch = WarmUp.prefetch(requestJson);
            LocalDate asOf = LocalDate.now(clock);
            for (int i = 0; i < WarmUp.EVALUATIONS; i++) {
                Map<String, JsonNode> values = new LinkedHashMap<>();
                prefetch.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().deepCopy()));
                JsonNode bundle = Prefetch.bundle(requestJson, values, "warm-up");
                Assessment a = readAndEvaluate(rb, () -> reader.read(bundle, asOf, rb.terminology()), asOf, config.jurisdiction(), true);
                json.writeValueAsBytes(new CdsResponse(CardRenderer.patientView(a, "http://127.0.0.1/cases/warm-up", rb.terminology().observations())));
                done++;
            }
            WarmUp.fhirClientRound(fetcher);
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
        fetchPool.shutdownNow();
        guarded.close();
    }

    /**
     * Cards are recorded before their hook call is answered, so there is nothing to wait for unless the database is
     * down (then they wait in the guarded store's queue); kept for callers that want to be sure.
     */
    public void flushIssued() {
        guarded.probe();
    }

    private void routes() {
        // First, before any work: a disallowed origin is refused before the body is read, a token checked or a jti spent.
        app.before(ctx -> cors.apply(ctx, baseUrl));
        receiving.install(app);
        app.get("/cds-services", ctx -> ctx.json(discovery()));
        app.post("/cds-services/{id}", this::hook);
        app.post("/cds-services/{id}/feedback", this::feedback);
        app.get("/feedback/override-rates", this::overrideRates);
        app.post("/api/assessment", this::assessment);
        app.get("/cases/{reportId}", this::report);
        app.get("/health", ctx -> ctx.json(health()));
        if (ReviewRoutes.servedOn(config.bind(), config.dev())) {
            new ReviewRoutes(rules, reader, gate, clock, config.maxRequestBytes(), ReviewRoutes.defaultSamplesDir()).register(app);
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

    // ---------------------------------------------------------------- discovery

    ServiceDescriptor.Discovery discovery() {
        String usage = "Send a client JWT (Authorization: Bearer) signed by a trusted issuer unless the service runs with --dev. "
                + "Prefetch all keys, or give fhirServer and fhirAuthorization so missing ones can be fetched. "
                + "Decision support for clinicians; not a prescription.";
        Map<String, String> prefetch = Prefetch.TEMPLATES;
        String orderDescription = "When a draft MedicationRequest orders isatuximab or daratumumab, checks this patient for "
                + "the anti-CD38 cautions (washout, COPD prophylaxis, type and screen, renal function, hypersensitivity, "
                + "HBV) and whether any regimen with that drug is recommended. Returns no cards for other orders.";
        return new ServiceDescriptor.Discovery(List.of(
                new ServiceDescriptor(PATIENT_VIEW_SERVICE, "patient-view", "Anti-CD38 therapy options in multiple myeloma",
                        "Ranks the isatuximab and daratumumab regimens this patient is eligible for, with rationale, why-not "
                                + "reasons, safety flags and data gaps, each citing its evidence.",
                        prefetch, usage, SERVICE_VERSION, "1.0"),
                new ServiceDescriptor(ORDER_CHECK_SERVICE, "order-select", "Anti-CD38 order check", orderDescription,
                        prefetch, usage + " Also accepts order-sign.", SERVICE_VERSION, "1.0"),
                new ServiceDescriptor(ORDER_SIGN_SERVICE, "order-sign", "Anti-CD38 order check (signing)", orderDescription,
                        prefetch, usage, SERVICE_VERSION, "1.0")));
    }

    // ---------------------------------------------------------------- hooks

    private void hook(Context ctx) {
        long t0 = System.nanoTime();
        String service = ctx.pathParam("id");
        String hookInstance = null;
        String hook = null;
        String outcome = "error";
        String sha = null;
        int cards = 0;
        int status = 500;
        String issuer = null;
        try {
            if (!Set.of(PATIENT_VIEW_SERVICE, ORDER_CHECK_SERVICE, ORDER_SIGN_SERVICE).contains(service)) {
                throw ApiException.of(404, "not-found", "no CDS service '" + service + "'; discovery at /cds-services lists "
                        + PATIENT_VIEW_SERVICE + ", " + ORDER_CHECK_SERVICE + " and " + ORDER_SIGN_SERVICE, "cds-services/" + service);
            }
            issuer = authenticate(ctx).issuer();
            JsonNode body = readJson(ctx);
            String instance = requiredText(body, "hookInstance");
            if (!UUID_LIKE.matcher(instance).matches()) {
                throw ApiException.of(400, "value", "hookInstance must be a UUID (e.g. d1577c69-dfbe-44ad-ba6d-3e05e953b2ea)", "hookInstance");
            }
            hookInstance = instance;
            hook = requiredText(body, "hook");
            JsonNode context = body.get("context");
            if (context == null || !context.isObject()) throw ApiException.of(400, "required", "context is required and must be an object", "context");
            String patientId = requiredText(context, "patientId", "context.patientId");
            boolean orderService = !PATIENT_VIEW_SERVICE.equals(service);
            if (orderService ? !ORDER_HOOKS.contains(hook) : !"patient-view".equals(hook)) {
                throw ApiException.of(400, "not-supported", "service " + service + " answers "
                        + (orderService ? "order-select and order-sign" : "patient-view") + ", not '" + hook + "'", "hook");
            }
            Rulebase rulebase = rules.current();
            sha = rulebase.sha256();
            List<DraftOrders.AntiCd38Order> orders = List.of();
            if (orderService) {
                orders = DraftOrders.antiCd38Orders(context.get("draftOrders"), selections(context), rulebase.terminology().drugs());
                if (orders.isEmpty()) {
                    outcome = "no-anti-cd38-order";
                    status = 200;
                    ctx.json(CdsResponse.none());
                    return;
                }
            }
            JsonNode bundle = Prefetch.bundle(requestJson, prefetched(body, context, patientId), patientId);
            LocalDate asOf = LocalDate.now(clock);
            Assessment assessment = evaluate(rulebase, () -> reader.read(bundle, asOf, rulebase.terminology()), asOf, config.jurisdiction(), true);
            String reportUrl = baseUrl + "/cases/" + reports.put(assessment);
            List<Card> issued = new ArrayList<>();
            if (orderService) {
                Set<Drug> drugs = new LinkedHashSet<>();
                orders.forEach(o -> drugs.add(o.drug()));
                for (Drug d : drugs) {
                    Set<String> regimens = new TreeSet<>();
                    for (RegimenDefinition r : rulebase.regimens().regimens().values()) if (d.equals(r.antiCd38())) regimens.add(r.id());
                    issued.addAll(CardRenderer.orderCheck(assessment, d.name().toLowerCase(Locale.ROOT), regimens, reportUrl,
                            rulebase.terminology().observations()));
                }
            } else {
                issued.addAll(CardRenderer.patientView(assessment, reportUrl, rulebase.terminology().observations()));
            }
            Instant now = clock.instant();
            String inst = hookInstance;
            String rulebaseSha = sha;
            List<IssuedCard> records = issued.stream().map(c -> new IssuedCard(c.uuid(), service, inst, c.ruleIds(), rulebaseSha, now)).toList();
            // Recorded before the answer, so a 200 means a later feedback on these cards finds them (a crash right after
            // the response loses nothing); while the database is down they wait in memory instead (see GuardedFeedbackStore).
            guarded.recordIssued(records);
            cards = issued.size();
            outcome = "cards";
            status = 200;
            ctx.json(new CdsResponse(issued));
        } catch (ApiException e) {
            outcome = e.outcome().issue().isEmpty() ? "refused" : e.outcome().issue().get(0).code();
            status = e.status();
            throw e;
        } catch (EvaluationGate.AtCapacity e) {
            outcome = "at-capacity";
            status = 503;
            throw e;
        } finally {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            AUDIT.info("cds-hook service={} hook={} hookInstance={} client={} rulebase={} outcome={} status={} cards={} durationMs={}",
                    LogSafe.value(service), LogSafe.value(hook), hookInstance, LogSafe.value(issuer), sha, outcome, status, cards, ms);
        }
    }

    private static List<String> selections(JsonNode context) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : context.path("selections")) if (s.isTextual()) out.add(s.asText());
        return out;
    }

    /**
     * The prefetch values the engine needs: what the client sent (absent or null keys tolerated), the rest fetched
     * from its FHIR server with its token; 412 naming the keys when neither is possible.
     */
    private Map<String, JsonNode> prefetched(JsonNode body, JsonNode context, String patientId) {
        JsonNode prefetch = body.get("prefetch");
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            throw ApiException.of(400, "structure", "prefetch must be an object of prefetch key to resource or Bundle", "prefetch");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : Prefetch.TEMPLATES.keySet()) {
            JsonNode v = prefetch == null || prefetch.isNull() ? null : prefetch.get(key);
            if (Prefetch.usable(v)) values.put(key, v);
            else missing.add(key);
        }
        if (missing.isEmpty()) return values;
        JsonNode server = body.get("fhirServer");
        if (server == null || !server.isTextual() || server.asText().isBlank()) {
            List<OperationOutcome.Issue> issues = new ArrayList<>();
            for (String key : missing) {
                issues.add(new OperationOutcome.Issue("error", "incomplete", "prefetch key '" + key + "' ("
                        + Prefetch.TEMPLATES.get(key) + ") is missing and no fhirServer was given to fetch it", List.of("prefetch." + key)));
            }
            throw ApiException.of(412, issues);
        }
        String base = server.asText();
        if (!base.startsWith("https://") && !base.startsWith("http://")) {
            throw ApiException.of(400, "value", "fhirServer must be an http(s) URL", "fhirServer");
        }
        JsonNode auth = body.get("fhirAuthorization");
        String token = null;
        if (auth != null && !auth.isNull()) {
            if (!auth.isObject() || !auth.path("access_token").isTextual()) {
                throw ApiException.of(400, "required", "fhirAuthorization.access_token is required when fhirAuthorization is given", "fhirAuthorization.access_token");
            }
            String type = auth.path("token_type").asText("Bearer");
            if (!"bearer".equalsIgnoreCase(type)) {
                throw ApiException.of(400, "value", "fhirAuthorization.token_type must be Bearer", "fhirAuthorization.token_type");
            }
            token = auth.get("access_token").asText();
        }
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
                    values.put(key, requestJson.readTree(p.getValue().get()));
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

    // ---------------------------------------------------------------- feedback

    private void feedback(Context ctx) {
        String service = ctx.pathParam("id");
        if (!Set.of(PATIENT_VIEW_SERVICE, ORDER_CHECK_SERVICE, ORDER_SIGN_SERVICE).contains(service)) {
            throw ApiException.of(404, "not-found", "no CDS service '" + service + "'", "cds-services/" + service);
        }
        authenticate(ctx);
        JsonNode body = readJson(ctx);
        JsonNode items = body.get("feedback");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw ApiException.of(400, "required", "feedback must be a non-empty array of Feedback objects", "feedback");
        }
        List<FeedbackEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode f = items.get(i);
            String at = "feedback[" + i + "]";
            String card = requiredText(f, "card", at + ".card");
            String outcome = requiredText(f, "outcome", at + ".outcome");
            if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
                throw ApiException.of(400, "value", at + ".outcome must be 'accepted' or 'overridden', not '" + outcome + "'", at + ".outcome");
            }
            String ts = requiredText(f, "outcomeTimestamp", at + ".outcomeTimestamp");
            Instant when;
            try {
                when = Instant.parse(ts);
            } catch (DateTimeParseException e) {
                try {
                    when = java.time.OffsetDateTime.parse(ts).toInstant();
                } catch (DateTimeParseException e2) {
                    throw ApiException.of(400, "value", at + ".outcomeTimestamp is not an ISO 8601 instant: " + ts, at + ".outcomeTimestamp");
                }
            }
            JsonNode reason = f.path("overrideReason");
            String code = reason.path("reason").path("code").asText(null);
            String display = reason.path("reason").path("display").asText(null);
            String comment = reason.path("userComment").asText(null);
            if ("accepted".equals(outcome) && !reason.isMissingNode() && !reason.isNull()) {
                throw ApiException.of(400, "invariant", at + ": an accepted card carries no overrideReason", at + ".overrideReason");
            }
            List<String> accepted = new ArrayList<>();
            for (JsonNode s : f.path("acceptedSuggestions")) accepted.add(s.path("id").asText(s.asText()));
            entries.add(new FeedbackEntry(service, card, outcome, when, code, display, comment, accepted));
        }
        List<OperationOutcome.Issue> unknown = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!guarded.recordFeedback(entries.get(i))) {
                unknown.add(new OperationOutcome.Issue("warning", "not-found", "card " + entries.get(i).cardUuid()
                        + " was not issued by this service; feedback not recorded", List.of("feedback[" + i + "].card")));
            }
        }
        AUDIT.info("cds-feedback service={} items={} unknownCards={}", LogSafe.value(service), entries.size(), unknown.size());
        if (unknown.size() == entries.size()) throw ApiException.of(404, unknown);
        ctx.status(200);
        if (!unknown.isEmpty()) ctx.json(OperationOutcome.of(unknown));
    }

    private void overrideRates(Context ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        guarded.overrideRates().forEach(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rule", r.ruleId());
            row.put("accepted", r.accepted());
            row.put("overridden", r.overridden());
            row.put("overrideRate", Math.round(r.rate() * 1000) / 1000.0);
            row.put("overrideReasons", new java.util.TreeMap<>(r.overrideReasons()));
            rows.add(row);
        });
        rows.sort((a, b) -> Double.compare((double) b.get("overrideRate"), (double) a.get("overrideRate")));
        ctx.json(Map.of("rules", rows));
    }

    // ---------------------------------------------------------------- REST assessment and report

    /** The Assessment JSON for a posted Bundle, byte for byte what {@code evaluate --format json} prints. */
    private void assessment(Context ctx) {
        long t0 = System.nanoTime();
        String outcome = "error";
        Rulebase rulebase = rules.current();
        try {
            authenticate(ctx);
            LocalDate asOf = LocalDate.now(clock);
            String asOfParam = ctx.queryParam("asOf");
            if (asOfParam != null) {
                try {
                    asOf = LocalDate.parse(asOfParam);
                } catch (DateTimeParseException e) {
                    throw ApiException.of(400, "value", "asOf must be a date YYYY-MM-DD, not '" + asOfParam + "'", "asOf");
                }
            }
            Jurisdiction jurisdiction = config.jurisdiction();
            String j = ctx.queryParam("jurisdiction");
            if (j != null) {
                try {
                    jurisdiction = Jurisdiction.valueOf(j.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiException.of(400, "value", "jurisdiction must be US or EU, not '" + j + "'", "jurisdiction");
                }
            }
            boolean allowPartial = "true".equalsIgnoreCase(ctx.queryParam("allowPartial"));
            JsonNode tree = readBundleTree(ctx);
            LocalDate on = asOf;
            Assessment a = evaluate(rulebase, () -> reader.read(tree, on, rulebase.terminology()), on, jurisdiction, allowPartial);
            outcome = "assessment";
            ctx.contentType("application/json").result(JsonRenderer.render(a));
        } catch (ApiException e) {
            outcome = e.outcome().issue().isEmpty() ? "refused" : e.outcome().issue().get(0).code();
            throw e;
        } catch (EvaluationGate.AtCapacity e) {
            outcome = "at-capacity";
            throw e;
        } finally {
            AUDIT.info("api-assessment rulebase={} outcome={} durationMs={}", rulebase.sha256(), outcome, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private void report(Context ctx) {
        Assessment a = reports.get(ctx.pathParam("reportId")).orElseThrow(() -> ApiException.of(404, "not-found",
                "no report under this id: reports are kept for " + config.reportTtlMinutes() + " minutes after the cards that link to them (at most "
                        + config.reportCapacity() + " at once, the oldest dropped first)", "cases/{reportId}"));
        // A clinician follows the card's link in a browser, so the default is the tumour-board report itself.
        String format = ctx.queryParam("format") == null ? "html" : ctx.queryParam("format");
        // Patient data behind a capability link: no browser or proxy cache may keep a copy.
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        switch (format) {
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(HtmlReport.render(a));
            case "markdown" -> ctx.contentType("text/markdown; charset=utf-8").result(MarkdownRenderer.render(a));
            case "json" -> ctx.contentType("application/json").result(JsonRenderer.render(a));
            default -> throw ApiException.of(400, "value", "format must be html, markdown or json, not " + format, "format");
        }
    }

    /** How the bundle is read: from request bytes (REST API) or from the prefetch tree (hooks). */
    private interface RecordRead {
        PatientRecord read() throws InvalidBundleException;
    }

    private Assessment evaluate(Rulebase rulebase, RecordRead read, LocalDate asOf, Jurisdiction jurisdiction, boolean allowPartial) {
        return gate.run(() -> readAndEvaluate(rulebase, read, asOf, jurisdiction, allowPartial));
    }

    private Assessment readAndEvaluate(Rulebase rulebase, RecordRead read, LocalDate asOf, Jurisdiction jurisdiction, boolean allowPartial) {
        PatientRecord record;
        try {
            record = read.read();
        } catch (InvalidBundleException e) {
            // Unreadable input is the client's malformed request (400); a readable bundle whose patient must not be
            // assessed (deceased) is well-formed but unprocessable (422, a business rule).
            String code = e.isUnprocessable() ? "business-rule" : "invalid";
            List<OperationOutcome.Issue> issues = new ArrayList<>();
            issues.add(new OperationOutcome.Issue("error", code, e.getMessage(), List.of()));
            for (String d : e.details()) issues.add(new OperationOutcome.Issue("error", code, d, List.of()));
            throw ApiException.of(e.isUnprocessable() ? 422 : 400, issues);
        }
        if (!record.isComplete() && !allowPartial) {
            List<OperationOutcome.Issue> issues = new ArrayList<>();
            issues.add(new OperationOutcome.Issue("error", "invalid", record.unreadable().size()
                    + " part(s) of the bundle could not be read; refusing to answer on incomplete data (allowPartial=true "
                    + "evaluates with them listed as data gaps)", List.of()));
            for (UnreadableInput p : record.unreadable()) issues.add(new OperationOutcome.Issue("error", "invalid", p.describe(), List.of()));
            throw ApiException.of(422, issues);
        }
        try {
            return new Evaluator(rulebase).evaluate(record, new EvaluationContext(asOf, jurisdiction));
        } catch (EvaluationException e) {
            throw ApiException.of(500, "exception", "the rulebase could not evaluate this patient: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- health

    /** The admission gate, for tests that need every evaluation slot taken. */
    EvaluationGate gate() { return gate; }

    private static Map<String, Object> describe(ReloadAttempt r, List<String> problems) {
        Map<String, Object> reload = new LinkedHashMap<>();
        reload.put("at", r.at().toString());
        reload.put("swapped", r.swapped());
        if (r.candidateSha256() != null) reload.put("candidateSha256", r.candidateSha256());
        reload.put("problemCount", r.problems().size());
        reload.put("problems", problems);
        return reload;
    }

    Map<String, Object> health() {
        Rulebase rb = rules.current();
        Map<String, Object> h = new LinkedHashMap<>();
        // DEGRADED: hooks are answered, but feedback is refused and issued cards wait in memory.
        h.put("status", guarded.isUp() ? "UP" : "DEGRADED");
        h.put("rulebase", Map.of("version", rb.version(), "sha256", rb.sha256(), "mode", rb.mode().name()));
        rules.lastReload().ifPresent(r -> h.put("lastReload", describe(r, r.problems())));
        List<ReloadAttempt> history = rules.recentReloads();
        if (!history.isEmpty()) {
            // The full problems of the last attempt are above; older ones keep their first few, enough to tell why.
            h.put("reloadHistory", history.stream()
                    .map(r -> describe(r, r.problems().subList(0, Math.min(3, r.problems().size())))).toList());
        }
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heapUsedBytes", rt.totalMemory() - rt.freeMemory());
        memory.put("heapCommittedBytes", rt.totalMemory());
        memory.put("heapMaxBytes", rt.maxMemory());
        memory.put("heapPeakBytes", heapPeak.bytes());
        h.put("memory", memory);
        h.put("evaluations", gate.describe());
        h.put("receiving", receiving.describe());
        h.put("uptimeSeconds", Duration.between(started, clock.instant()).toSeconds());
        h.put("warmUp", warmUpReport);
        h.put("devMode", config.dev());
        h.put("reports", reports.describe());
        h.put("feedbackDatabase", guarded.describe());
        h.put("disclaimer", Assessment.DISCLAIMER);
        return h;
    }

    // ---------------------------------------------------------------- request plumbing

    private AuthenticatedClient authenticate(Context ctx) {
        URI called = URI.create(baseUrl + ctx.path());
        try {
            return authenticator.authenticate(ctx.header("Authorization"), called);
        } catch (AuthenticationException e) {
            // The message says which check failed; it never contains the token.
            AUDIT.info("auth-refused path={} reason={}", LogSafe.value(ctx.path()), LogSafe.value(e.getMessage()));
            ctx.header("WWW-Authenticate", "Bearer");
            throw ApiException.of(401, "login", "client authentication failed: " + e.getMessage(), "Authorization");
        }
    }

    /** Reads the body, refusing more than the configured limit even when the client sends no Content-Length. */
    private byte[] readBody(Context ctx) {
        try {
            return RequestBodies.read(ctx, config.maxRequestBytes());
        } catch (RequestBodies.Refused e) {
            throw ApiException.of(e.status(), e.code(), e.getMessage());
        }
    }

    private JsonNode readJson(Context ctx) {
        JsonNode node;
        try {
            node = RequestBodies.json(requestJson, readBody(ctx));
        } catch (RequestBodies.Refused e) {
            throw ApiException.of(e.status(), e.code(), e.getMessage());
        }
        if (!node.isObject()) throw ApiException.of(400, "structure", "request body must be a JSON object");
        return node;
    }

    /** A bundle body as a tree read strictly; what is not JSON is refused here as the reader would refuse it. */
    private JsonNode readBundleTree(Context ctx) {
        try {
            return RequestBodies.json(requestJson, readBody(ctx));
        } catch (RequestBodies.Refused e) {
            throw ApiException.of(e.status(), e.status() == 400 ? "invalid" : e.code(), e.getMessage());
        }
    }

    private static String requiredText(JsonNode node, String field) {
        return requiredText(node, field, field);
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw ApiException.of(400, "required", where + " is required", where);
        if (!v.isTextual() || v.asText().isBlank()) throw ApiException.of(400, "value", where + " must be a non-empty string", where);
        return v.asText();
    }
}
