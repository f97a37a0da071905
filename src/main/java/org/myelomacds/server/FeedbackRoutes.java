package org.myelomacds.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.myelomacds.server.feedback.FeedbackEntry;
import org.myelomacds.server.feedback.GuardedFeedbackStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feedback on issued cards (POST /cds-services/{id}/feedback, CDS Hooks 2.0 "Feedback") for a declared service,
 * and the override rates per rule it adds up to (GET /feedback/override-rates).
 */
final class FeedbackRoutes {
    private static final Logger AUDIT = LoggerFactory.getLogger("org.myelomacds.audit");

    /** A feedback field that is not an array is refused as a missing one is. */
    private static final Map<String, java.util.function.Supplier<ApiException>> REFUSALS = Map.of("feedback", FeedbackRoutes::notFeedback);

    private final Requests requests;
    private final GuardedFeedbackStore guarded;

    FeedbackRoutes(Requests requests, GuardedFeedbackStore guarded) {
        this.requests = requests;
        this.guarded = guarded;
    }

    void register(Javalin app) {
        app.post("/cds-services/{id}/feedback", this::feedback);
        app.get("/feedback/override-rates", this::overrideRates);
    }

    private void feedback(Context ctx) {
        String service = ctx.pathParam("id");
        if (CdsServices.byId(service).isEmpty()) {
            throw ApiException.of(404, "not-found", "no CDS service '" + service + "'", "cds-services/" + service);
        }
        requests.authenticate(ctx);
        FeedbackRequest request = requests.bind(requests.readJson(ctx), FeedbackRequest.class, REFUSALS);
        List<FeedbackRequest.Item> items = request.feedback();
        if (items == null || items.isEmpty()) throw notFeedback();
        List<FeedbackEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            FeedbackRequest.Item f = items.get(i) == null ? new FeedbackRequest.Item(null, null, null, null, null) : items.get(i);
            String at = "feedback[" + i + "]";
            String card = Requests.requiredText(f.card(), at + ".card");
            String outcome = Requests.requiredText(f.outcome(), at + ".outcome");
            if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
                throw ApiException.of(400, "value", at + ".outcome must be 'accepted' or 'overridden', not '" + outcome + "'", at + ".outcome");
            }
            String ts = Requests.requiredText(f.outcomeTimestamp(), at + ".outcomeTimestamp");
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
            FeedbackRequest.OverrideReason reason = f.overrideReason();
            if ("accepted".equals(outcome) && reason != null) {
                throw ApiException.of(400, "invariant", at + ": an accepted card carries no overrideReason", at + ".overrideReason");
            }
            FeedbackRequest.Coding coding = reason == null ? null : reason.reason();
            List<String> accepted = new ArrayList<>();
            if (f.acceptedSuggestions() != null) {
                for (FeedbackRequest.AcceptedSuggestion s : f.acceptedSuggestions()) if (s != null) accepted.add(s.id());
            }
            entries.add(new FeedbackEntry(service, card, outcome, when, coding == null ? null : coding.code(),
                    coding == null ? null : coding.display(), reason == null ? null : reason.userComment(), accepted));
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

    private static ApiException notFeedback() {
        return ApiException.of(400, "required", "feedback must be a non-empty array of Feedback objects", "feedback");
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
}
