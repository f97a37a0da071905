package org.myelomacds.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessor.Assessor;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseSource;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.render.JsonRenderer;
import org.myelomacds.render.report.HtmlReport;
import org.myelomacds.render.report.MarkdownReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The REST API: POST /api/assessment (a Bundle in, the Assessment JSON out, as {@code evaluate} prints it) and
 * GET /cases/{reportId}, the report a card links to (HTML, Markdown or JSON), kept for a while after the hook call.
 */
final class AssessmentRoutes {
    private static final Logger AUDIT = LoggerFactory.getLogger("org.myelomacds.audit");

    private final Requests requests;
    private final RulebaseSource rules;
    private final Assessor assessor;
    private final ServerAssessments assessments;
    private final ReportStore reports;
    private final Jurisdiction defaultJurisdiction;
    private final Clock clock;
    private final int reportTtlMinutes;
    private final int reportCapacity;

    AssessmentRoutes(Requests requests, RulebaseSource rules, Assessor assessor, ServerAssessments assessments,
                     ReportStore reports, ServerConfig config, Clock clock) {
        this.requests = requests;
        this.rules = rules;
        this.assessor = assessor;
        this.assessments = assessments;
        this.reports = reports;
        this.defaultJurisdiction = config.jurisdiction();
        this.clock = clock;
        this.reportTtlMinutes = config.reportTtlMinutes();
        this.reportCapacity = config.reportCapacity();
    }

    void register(Javalin app) {
        app.post("/api/assessment", this::assessment);
        app.get("/cases/{reportId}", this::report);
    }

    /** The Assessment JSON for a posted Bundle, byte for byte what {@code evaluate --format json} prints. */
    private void assessment(Context ctx) {
        long t0 = System.nanoTime();
        String outcome = "error";
        Rulebase rulebase = rules.current();
        try {
            requests.authenticate(ctx);
            LocalDate asOf = LocalDate.now(clock);
            String asOfParam = ctx.queryParam("asOf");
            if (asOfParam != null) {
                try {
                    asOf = LocalDate.parse(asOfParam);
                } catch (DateTimeParseException e) {
                    throw ApiException.of(400, "value", "asOf must be a date YYYY-MM-DD, not '" + asOfParam + "'", "asOf");
                }
            }
            Jurisdiction jurisdiction = defaultJurisdiction;
            String j = ctx.queryParam("jurisdiction");
            if (j != null) {
                try {
                    jurisdiction = Jurisdiction.valueOf(j.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiException.of(400, "value", "jurisdiction must be US or EU, not '" + j + "'", "jurisdiction");
                }
            }
            boolean allowPartial = "true".equalsIgnoreCase(ctx.queryParam("allowPartial"));
            // Read as it arrives, before this call's turn to evaluate: a slow upload holds no evaluation slot, and what is
            // held grows with the entries the engine reads, not with the size of the record.
            Assessor.Prepared bundle = requests.prepareBundle(ctx, assessor, rulebase);
            LocalDate on = asOf;
            Jurisdiction in = jurisdiction;
            Assessment a = assessments.evaluate(() -> assessor.assess(bundle, on, in, allowPartial));
            outcome = "assessment";
            ctx.contentType("application/json").result(JsonRenderer.render(a));
        } catch (ApiException e) {
            outcome = e.outcome().issue().isEmpty() ? "refused" : e.outcome().issue().get(0).code();
            throw e;
        } catch (EvaluationGate.AtCapacity e) {
            outcome = "at-capacity";
            throw e;
        } catch (MemoryBudget.Exhausted | MemoryBudget.TooLarge e) {
            outcome = "memory-budget";
            throw e;
        } finally {
            AUDIT.info("api-assessment rulebase={} outcome={} durationMs={}", rulebase.sha256(), outcome, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private void report(Context ctx) {
        Assessment a = reports.get(ctx.pathParam("reportId")).orElseThrow(() -> ApiException.of(404, "not-found",
                "no report under this id: reports are kept for " + reportTtlMinutes + " minutes after the cards that link to them (at most "
                        + reportCapacity + " at once, the oldest dropped first)", "cases/{reportId}"));
        // A clinician follows the card's link in a browser, so the default is the tumour-board report itself.
        String format = ctx.queryParam("format") == null ? "html" : ctx.queryParam("format");
        // Patient data behind a capability link: no browser or proxy cache may keep a copy.
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        switch (format) {
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(HtmlReport.render(a));
            case "markdown" -> ctx.contentType("text/markdown; charset=utf-8").result(MarkdownReport.render(a));
            case "json" -> ctx.contentType("application/json").result(JsonRenderer.render(a));
            default -> throw ApiException.of(400, "value", "format must be html, markdown or json, not " + format, "format");
        }
    }
}
