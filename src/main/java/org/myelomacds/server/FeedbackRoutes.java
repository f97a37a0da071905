package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
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
        JsonNode body = requests.readJson(ctx);
        JsonNode items = body.get("feedback");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw ApiException.of(400, "required", "feedback must be a non-empty array of Feedback objects", "feedback");
        }
        List<FeedbackEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode f = items.get(i);
            String at = "feedback[" + i + "]";
            String card = Requests.requiredText(f, "card", at + ".card");
            String outcome = Requests.requiredText(f, "outcome", at + ".outcome");
            if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
                throw ApiException.of(400, "value", at + ".outcome must be 'accepted' or 'overridden', not '" + outcome + "'", at + ".outcome");
            }
            String ts = Requests.requiredText(f, "outcomeTimestamp", at + ".outcomeTimestamp");
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
}
