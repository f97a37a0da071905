package org.myelomacds.server.review;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessor.AssessmentResult;
import org.myelomacds.assessor.Assessor;
import org.myelomacds.server.EvaluationGate;
import org.myelomacds.server.MemoryBudget;
import org.myelomacds.server.RequestBodies;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.facts.UnreadableInput;
import org.myelomacds.render.report.HtmlReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The case-review page: a plain HTML/CSS/JS page served from the application's resources (nothing from a CDN),
 * where a clinician opens or pastes a patient Bundle, or picks a sample, chooses asOf and jurisdiction, and reads
 * the tumour-board report, with every line expandable to its rule, evidence and patient data.
 *
 * <p>Routes: GET /review (the page), GET /review/assets/{name} (its script and stylesheets), GET /review/samples
 * (the sample bundles shipped with the project), GET /review/samples/{name} (one of them), and
 * POST /review/report?asOf=&amp;jurisdiction=&amp;allowPartial= with the Bundle as body, answering the report's HTML
 * fragment (or a plain-text error naming the problem). The page evaluates only what the browser sends it; it reads
 * no patient data from anywhere else.
 */
public final class ReviewRoutes {
    private static final String BASE = "org/myelomacds/server/review/";
    private static final Map<String, String> ASSETS = Map.of(
            "review.js", "text/javascript; charset=utf-8",
            "review.css", "text/css; charset=utf-8");
    /** The page's own files only: no inline script, nothing from another origin. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final Assessor assessor;
    private final EvaluationGate gate;
    private final java.time.Clock clock;
    private final long maxRequestBytes;
    private final Path samplesDir;

    /** @param assessor the server's assessor: the page answers what the hooks and the REST API would answer */
    public ReviewRoutes(Assessor assessor, EvaluationGate gate, java.time.Clock clock, long maxRequestBytes, Path samplesDir) {
        this.assessor = assessor;
        this.gate = gate;
        this.clock = clock;
        this.maxRequestBytes = maxRequestBytes;
        this.samplesDir = samplesDir;
    }

    /**
     * The sample bundles: the directory named by the system property {@code myeloma.samples} (the launcher sets it to
     * the project's fhir-samples), else ./fhir-samples.
     */
    /**
     * The page evaluates whatever bundle a browser sends and has no login of its own (EHR clients authenticate with
     * a JWT; people at a tumour board do not have one). So it is served only where the network already limits who
     * can reach it: a loopback bind, which a site exposes through its own reverse proxy and sign-on, or --dev.
     */
    public static boolean servedOn(String bind, boolean dev) {
        if (dev) return true;
        try {
            return java.net.InetAddress.getByName(bind).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public static Path defaultSamplesDir() {
        return Path.of(System.getProperty("myeloma.samples", "fhir-samples"));
    }

    public void register(Javalin app) {
        app.get("/review", ctx -> page(ctx, resource("review.html")));
        app.get("/review/assets/{name}", this::asset);
        app.get("/review/samples", ctx -> ctx.json(samples()));
        app.get("/review/regimens", this::regimenNames);
        app.get("/review/samples/{name}", this::sample);
        app.post("/review/report", this::report);
    }

    private static void page(Context ctx, String html) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("name");
        if ("report.css".equals(name)) {
            ctx.contentType("text/css; charset=utf-8").result(HtmlReport.css());
            return;
        }
        String type = ASSETS.get(name);
        if (type == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no asset " + name);
            return;
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(type).result(resource(name));
    }

    /**
     * One sample as listed on the page: file name, title, and the evaluation date its story is written for (the
     * {@code asOf} of its scenario expectation; null when it has none), so the page evaluates a sample on the date
     * its story assumes instead of today, when its washouts and result ages would read differently.
     */
    public record Sample(String name, String title, String asOf) {}

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    List<Sample> samples() throws IOException {
        if (!Files.isDirectory(samplesDir)) return List.of();
        List<Sample> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(samplesDir)) {
            for (Path p : s.sorted().toList()) {
                String f = p.getFileName().toString();
                if (!f.endsWith(".json") || f.endsWith(".expected.json")) continue;
                String stem = f.substring(0, f.length() - ".json".length());
                out.add(new Sample(f, stem, storyDate(samplesDir.resolve(stem + ".expected.json"))));
            }
        }
        return out;
    }

    /** The asOf a scenario expectation records, if it is a valid date; null otherwise (the page then keeps its date). */
    private static String storyDate(Path expected) {
        if (!Files.isRegularFile(expected)) return null;
        try {
            String asOf = JSON.readTree(expected.toFile()).path("asOf").asText("");
            return LocalDate.parse(asOf).toString();
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }

    private void sample(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        // Only a listed file name: no path separators, so nothing outside the samples directory can be read.
        if (samples().stream().noneMatch(s -> s.name().equals(name))) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no sample named " + name);
            return;
        }
        ctx.contentType("application/fhir+json; charset=utf-8").result(Files.readAllBytes(samplesDir.resolve(name)));
    }

    private void report(Context ctx) throws IOException {
        // Today as the server sees it, like the hooks, so a test or a site clock gives the same date to both.
        LocalDate asOf = LocalDate.now(clock);
        String asOfParam = ctx.queryParam("asOf");
        if (asOfParam != null && !asOfParam.isBlank()) {
            try {
                asOf = LocalDate.parse(asOfParam);
            } catch (DateTimeParseException e) {
                problem(ctx, 400, "asOf must be a date YYYY-MM-DD, not '" + asOfParam + "'");
                return;
            }
        }
        Jurisdiction jurisdiction = Jurisdiction.US;
        String j = ctx.queryParam("jurisdiction");
        if (j != null && !j.isBlank()) {
            try {
                jurisdiction = Jurisdiction.valueOf(j.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(ctx, 400, "jurisdiction must be US or EU, not '" + j + "'");
                return;
            }
        }
        boolean allowPartial = "true".equalsIgnoreCase(ctx.queryParam("allowPartial"));
        // The bundle is read as it arrives, before its turn to be evaluated, and charged to the server's request memory
        // budget by what the scan keeps: a big record costs its kept facts, not its size.
        AssessmentResult result;
        try {
            java.io.PushbackInputStream body = new java.io.PushbackInputStream(
                    RequestBodies.open(ctx, maxRequestBytes, "maxBundleBytes", n -> { }), 1);
            int first = body.read();
            if (first < 0) {
                problem(ctx, 400, "no bundle: open a file, paste a FHIR R4 Bundle or pick a sample");
                return;
            }
            body.unread(first);
            Assessor.Prepared bundle = assessor.prepare(body, true, MemoryBudget.of(ctx).perHeldEntry());
            // The assessment shares the admission gate with the hooks and the REST API.
            LocalDate on = asOf;
            Jurisdiction in = jurisdiction;
            result = gate.run(() -> assessor.assess(bundle, on, in, allowPartial));
        } catch (RequestBodies.Refused e) {
            problem(ctx, e.status(), e.status() == 413
                    ? "the bundle is larger than the server's limit of " + maxRequestBytes + " bytes" : "The bundle could not be read: " + e.getMessage());
            return;
        } catch (MemoryBudget.TooLarge e) {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            problem(ctx, 503, e.getMessage());
            return;
        } catch (MemoryBudget.Exhausted e) {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            problem(ctx, 503, e.getMessage());
            return;
        } catch (EvaluationGate.AtCapacity e) {
            ctx.header("Retry-After", "1");
            problem(ctx, 503, e.getMessage());
            return;
        }
        if (result instanceof AssessmentResult.Unreadable u) {
            StringBuilder b = new StringBuilder(u.mustNotBeAssessed() ? "No report is given: " + u.message()
                    : "The bundle could not be read: " + u.message());
            for (String d : u.details()) b.append("\n").append(d);
            problem(ctx, u.mustNotBeAssessed() ? 422 : 400, b.toString());
            return;
        }
        if (result instanceof AssessmentResult.Incomplete i) {
            StringBuilder b = new StringBuilder(i.problems().size() + " part(s) of the bundle could not be read; "
                    + "no report is given on incomplete data unless 'report with unreadable parts listed' is ticked:");
            for (UnreadableInput p : i.problems()) b.append("\n").append(p.describe());
            problem(ctx, 422, b.toString());
            return;
        }
        if (result instanceof AssessmentResult.RulebaseFailure f) {
            problem(ctx, 500, "the rulebase could not evaluate this patient: " + f.message());
            return;
        }
        Assessment a = ((AssessmentResult.Assessed) result).assessment();
        ctx.header("X-Patient", a.patient().id());
        ctx.contentType("text/html; charset=utf-8").result(HtmlReport.fragment(a));
    }

    /**
     * Regimen id → short name (ISA_KD → Isa-Kd) from the rulebase's catalogue, so the page's regimen switch fits one
     * row; the full names stay in the report and in each button's title.
     */
    private void regimenNames(Context ctx) {
        try {
            ctx.json(assessor.currentRulebase().regimens().shortNames());
        } catch (org.myelomacds.engine.RulebaseException e) {
            problem(ctx, 503, "the rulebase is not available: " + e.getMessage());
        }
    }

    private static void problem(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
    }

    private static String resource(String name) {
        try (InputStream in = ReviewRoutes.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + BASE + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
