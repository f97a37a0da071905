package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessor.Assessor;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseSource;
import org.myelomacds.evidence.RegimenDefinition;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.fhir.DraftOrders;
import org.myelomacds.render.CardRenderer;
import org.myelomacds.render.cards.Card;
import org.myelomacds.render.cards.CdsResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The CDS Hooks routes: discovery (GET /cds-services) and the hook call (POST /cds-services/{id}) of each service
 * declared in {@link CdsServices}. A call is checked, its prefetch completed, the patient assessed, the cards drawn,
 * recorded and answered; one audit line per call, without patient data or tokens.
 */
final class HookRoutes {
    private static final Logger AUDIT = LoggerFactory.getLogger("org.myelomacds.audit");
    /** Refusals of a mistyped field worded as the service words them when the field is checked by hand. */
    private static final java.util.Map<String, Supplier<ApiException>> REFUSALS = java.util.Map.of(
            "prefetch", () -> ApiException.of(400, "structure", "prefetch must be an object of prefetch key to resource or Bundle", "prefetch"),
            "fhirAuthorization", () -> ApiException.of(400, "required",
                    "fhirAuthorization.access_token is required when fhirAuthorization is given", "fhirAuthorization.access_token"));

    private final Requests requests;
    private final RulebaseSource rules;
    private final Assessor assessor;
    private final ServerAssessments assessments;
    private final PrefetchResolver prefetch;
    private final ReportStore reports;
    private final IssuedCardRecorder issuedCards;
    private final Jurisdiction jurisdiction;
    private final Clock clock;
    private final Supplier<URI> baseUrl;

    HookRoutes(Requests requests, RulebaseSource rules, Assessor assessor, ServerAssessments assessments,
               PrefetchResolver prefetch, ReportStore reports, IssuedCardRecorder issuedCards, Jurisdiction jurisdiction,
               Clock clock, Supplier<URI> baseUrl) {
        this.requests = requests;
        this.rules = rules;
        this.assessor = assessor;
        this.assessments = assessments;
        this.prefetch = prefetch;
        this.reports = reports;
        this.issuedCards = issuedCards;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    void register(Javalin app) {
        app.get("/cds-services", ctx -> ctx.json(CdsServices.discovery()));
        app.post("/cds-services/{id}", this::hook);
    }

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
            CdsServices.Service declared = CdsServices.byId(service).orElseThrow(() -> ApiException.of(404, "not-found",
                    "no CDS service '" + service + "'; discovery at /cds-services lists " + CdsServices.idsInWords(),
                    "cds-services/" + service));
            issuer = requests.authenticate(ctx).issuer();
            Rulebase rulebase = rules.current();
            sha = rulebase.sha256();
            HookRequest request = requests.readHook(ctx, rulebase.terminology(), REFUSALS).validated();
            hookInstance = request.hookInstance();
            hook = request.hook();
            JsonNode context = request.context();
            String patientId = request.patientId();
            boolean orderService = declared.isOrderCheck();
            if (!declared.answers().contains(hook)) {
                throw ApiException.of(400, "not-supported", "service " + service + " answers "
                        + String.join(" and ", declared.answers()) + ", not '" + hook + "'", "hook");
            }
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
            JsonNode bundle = Prefetch.bundle(requests.json(), prefetch.resolve(request, rulebase.terminology()), patientId);
            LocalDate asOf = LocalDate.now(clock);
            Assessment assessment = assessments.evaluate(() -> assessor.assess(rulebase, bundle, asOf, jurisdiction, true));
            String reportUrl = baseUrl.get() + "/cases/" + reports.put(assessment);
            List<Card> issued = new ArrayList<>();
            if (orderService) {
                Set<Drug> drugs = new LinkedHashSet<>();
                orders.forEach(o -> drugs.add(o.drug()));
                List<CardRenderer.OrderedDrug> ordered = new ArrayList<>();
                for (Drug d : drugs) {
                    Set<String> regimens = new TreeSet<>();
                    for (RegimenDefinition r : rulebase.regimens().regimens().values()) if (d.equals(r.antiCd38())) regimens.add(r.id());
                    ordered.add(new CardRenderer.OrderedDrug(d.name().toLowerCase(Locale.ROOT), regimens));
                }
                // The uuids are derived from the request: the service, the hook instance and the orders it is about.
                String key = service + "|" + hookInstance + "|" + orders.stream().map(o -> o.reference() + "=" + o.drug().name()).sorted()
                        .collect(java.util.stream.Collectors.joining(","));
                issued.addAll(CardRenderer.orderCheck(assessment, ordered, new CardRenderer.Context(reportUrl,
                        rulebase.terminology().observations(), rulebase.regimens().shortNames(), key)));
            } else {
                issued.addAll(CardRenderer.patientView(assessment, new CardRenderer.Context(reportUrl,
                        rulebase.terminology().observations(), rulebase.regimens().shortNames(), service + "|" + hookInstance)));
            }
            issuedCards.record(service, hookInstance, issued, sha);
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
        } catch (MemoryBudget.Exhausted e) {
            outcome = "memory-budget";
            status = 503;
            throw e;
        } catch (MemoryBudget.TooLarge e) {
            outcome = "memory-budget";
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
}
