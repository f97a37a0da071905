package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The CDS Hooks 2.0 rules for what a service sends (discovery, card responses, errors), checked on the JSON as a
 * client receives it. Every test runs every response it gets through here. The rules, from the specification:
 * a response has a {@code cards} array; a card has a summary under 140 characters, an indicator of info, warning or
 * critical, and a source with a label; suggestions need a label and a selectionBehavior on the card, actions a type
 * of create/update/delete and a description, a create or update a resource; links a label, an absolute URL and a
 * type of absolute or smart; overrideReasons are Codings with code, system and display. On top, this service's
 * own promises: every card has a uuid (feedback needs it), no value is null, no optional array is sent empty, and no
 * attribute outside the spec appears (a misspelt attribute is silently dropped by clients). And this service's card
 * design (README, "Card design"): uuids unique within a response; each proposed order once per response (accepting
 * two suggestions must never create the same order twice); every suggested resource coded (system and code), so an EHR
 * can act on it; summaries and details in names and words, free of internal codes (regimen ids, flag codes, rule ids);
 * details at most {@link #MAX_DETAIL} characters; for patient-view at most two cards besides the critical ones.
 */
final class CdsHooksConformance {
    private static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Set<String> CARD_FIELDS = Set.of("uuid", "summary", "detail", "indicator", "source", "suggestions",
            "selectionBehavior", "overrideReasons", "links", "extension");
    private static final Set<String> SERVICE_FIELDS = Set.of("id", "hook", "title", "description", "prefetch", "usageRequirements",
            "version", "hookVersion", "extension");

    static final int MAX_DETAIL = 600;
    /** Codes that must never reach a clinician's text: regimen ids and flag codes (UPPER_SNAKE), rule ids. */
    private static final Pattern INTERNAL_CODE = Pattern.compile(
            "\\b[A-Z][A-Z0-9]+(?:\\\\?_[A-Z0-9]+)+\\b|\\b(?:FLAG|ELIG|RANK|GAP|DERIVE|HISTORY|DARA|ISA)-[A-Z0-9-]*\\d{2}\\b");

    private CdsHooksConformance() {}

    /** A patient-view response: the general rules, then at most two cards (summary, pre-dose) besides the critical ones. */
    static void patientView(JsonNode body) {
        response(body);
        List<String> errors = new ArrayList<>();
        int other = 0;
        for (JsonNode c : body.path("cards")) if (!"critical".equals(c.path("indicator").asText())) other++;
        if (other > 2) errors.add("$.cards: " + other + " non-critical cards (at most 2: the summary and the pre-dose tasks)");
        report(errors, body);
    }

    /** A hook response: {"cards": [...]} and optionally systemActions. */
    static void response(JsonNode body) {
        List<String> errors = new ArrayList<>();
        noNulls(body, "$", errors);
        if (!body.isObject()) errors.add("$: response is not a JSON object");
        else {
            onlyFields(body, Set.of("cards", "systemActions", "extension"), "$", errors);
            JsonNode cards = body.get("cards");
            if (cards == null || !cards.isArray()) errors.add("$.cards: required array missing");
            else {
                for (int i = 0; i < cards.size(); i++) card(cards.get(i), "$.cards[" + i + "]", errors);
                acrossCards(cards, errors);
            }
            JsonNode sys = body.get("systemActions");
            if (sys != null) {
                if (!sys.isArray()) errors.add("$.systemActions: not an array");
                else for (int i = 0; i < sys.size(); i++) action(sys.get(i), "$.systemActions[" + i + "]", errors);
            }
        }
        report(errors, body);
    }

    static void discovery(JsonNode body) {
        List<String> errors = new ArrayList<>();
        noNulls(body, "$", errors);
        JsonNode services = body.get("services");
        if (services == null || !services.isArray()) errors.add("$.services: required array missing");
        else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < services.size(); i++) {
                JsonNode s = services.get(i);
                String at = "$.services[" + i + "]";
                onlyFields(s, SERVICE_FIELDS, at, errors);
                for (String f : List.of("id", "hook", "description")) requiredString(s, f, at, errors);
                optionalString(s, "title", at, errors);
                optionalString(s, "usageRequirements", at, errors);
                if (s.hasNonNull("id") && !ids.add(s.get("id").asText())) errors.add(at + ".id: duplicate service id " + s.get("id"));
                JsonNode p = s.get("prefetch");
                if (p != null) {
                    if (!p.isObject()) errors.add(at + ".prefetch: not an object");
                    else p.fields().forEachRemaining(e -> {
                        if (!e.getValue().isTextual()) errors.add(at + ".prefetch." + e.getKey() + ": template is not a string");
                    });
                }
            }
        }
        report(errors, body);
    }

    /** An error body: a FHIR OperationOutcome with at least one issue saying what went wrong. */
    static void operationOutcome(JsonNode body) {
        List<String> errors = new ArrayList<>();
        noNulls(body, "$", errors);
        if (!"OperationOutcome".equals(body.path("resourceType").asText())) errors.add("$.resourceType: not OperationOutcome");
        JsonNode issues = body.get("issue");
        if (issues == null || !issues.isArray() || issues.isEmpty()) errors.add("$.issue: at least one issue is required");
        else for (int i = 0; i < issues.size(); i++) {
            JsonNode is = issues.get(i);
            String at = "$.issue[" + i + "]";
            if (!Set.of("fatal", "error", "warning", "information").contains(is.path("severity").asText())) errors.add(at + ".severity: invalid");
            requiredString(is, "code", at, errors);
            requiredString(is, "diagnostics", at, errors);
        }
        report(errors, body);
    }

    private static void card(JsonNode c, String at, List<String> errors) {
        if (!c.isObject()) { errors.add(at + ": card is not an object"); return; }
        onlyFields(c, CARD_FIELDS, at, errors);
        String uuid = c.path("uuid").asText("");
        if (!UUID.matcher(uuid).matches()) errors.add(at + ".uuid: missing or not a UUID: '" + uuid + "'");
        requiredString(c, "summary", at, errors);
        if (c.path("summary").asText().length() >= 140) errors.add(at + ".summary: " + c.path("summary").asText().length() + " characters (must be < 140)");
        if (!Set.of("info", "warning", "critical").contains(c.path("indicator").asText())) errors.add(at + ".indicator: '" + c.path("indicator").asText() + "' is not info|warning|critical");
        optionalString(c, "detail", at, errors);
        noInternalCodes(c, "summary", at, errors);
        noInternalCodes(c, "detail", at, errors);
        if (c.path("detail").asText().length() > MAX_DETAIL) errors.add(at + ".detail: " + c.path("detail").asText().length() + " characters (at most " + MAX_DETAIL + ")");
        JsonNode source = c.get("source");
        if (source == null || !source.isObject()) errors.add(at + ".source: required object missing");
        else {
            onlyFields(source, Set.of("label", "url", "icon", "topic"), at + ".source", errors);
            requiredString(source, "label", at + ".source", errors);
            if (source.has("url")) absoluteUrl(source.get("url"), at + ".source.url", errors);
            if (source.has("icon")) absoluteUrl(source.get("icon"), at + ".source.icon", errors);
            if (source.has("topic")) coding(source.get("topic"), at + ".source.topic", false, errors);
        }
        JsonNode suggestions = c.get("suggestions");
        if (suggestions != null) {
            nonEmptyArray(suggestions, at + ".suggestions", errors);
            String sb = c.path("selectionBehavior").asText("");
            if (!Set.of("at-most-one", "any").contains(sb)) errors.add(at + ".selectionBehavior: required with suggestions, must be at-most-one|any");
            Set<String> suggestionIds = new HashSet<>();
            for (int i = 0; i < suggestions.size(); i++) {
                JsonNode s = suggestions.get(i);
                String sat = at + ".suggestions[" + i + "]";
                onlyFields(s, Set.of("label", "uuid", "isRecommended", "actions", "extension"), sat, errors);
                requiredString(s, "label", sat, errors);
                noInternalCodes(s, "label", sat, errors);
                if (s.has("uuid") && (!UUID.matcher(s.get("uuid").asText()).matches() || !suggestionIds.add(s.get("uuid").asText()))) {
                    errors.add(sat + ".uuid: not a unique UUID");
                }
                if (s.has("isRecommended") && !s.get("isRecommended").isBoolean()) errors.add(sat + ".isRecommended: not a boolean");
                JsonNode actions = s.get("actions");
                if (actions != null) {
                    nonEmptyArray(actions, sat + ".actions", errors);
                    for (int j = 0; j < actions.size(); j++) action(actions.get(j), sat + ".actions[" + j + "]", errors);
                }
            }
        } else if (c.has("selectionBehavior")) {
            errors.add(at + ".selectionBehavior: present without suggestions");
        }
        JsonNode reasons = c.get("overrideReasons");
        if (reasons != null) {
            nonEmptyArray(reasons, at + ".overrideReasons", errors);
            for (int i = 0; i < reasons.size(); i++) coding(reasons.get(i), at + ".overrideReasons[" + i + "]", true, errors);
        }
        JsonNode links = c.get("links");
        if (links != null) {
            nonEmptyArray(links, at + ".links", errors);
            for (int i = 0; i < links.size(); i++) {
                JsonNode l = links.get(i);
                String lat = at + ".links[" + i + "]";
                onlyFields(l, Set.of("label", "url", "type", "appContext", "autolaunchable", "extension"), lat, errors);
                requiredString(l, "label", lat, errors);
                if (!Set.of("absolute", "smart").contains(l.path("type").asText())) errors.add(lat + ".type: must be absolute|smart");
                absoluteUrl(l.get("url"), lat + ".url", errors);
            }
        }
    }

    /** What holds for the response as a whole: unique uuids, each proposed order once, no two cards alike. */
    private static void acrossCards(JsonNode cards, List<String> errors) {
        Set<String> uuids = new HashSet<>();
        Set<String> orders = new HashSet<>();
        Set<String> summaries = new HashSet<>();
        for (int i = 0; i < cards.size(); i++) {
            JsonNode c = cards.get(i);
            String at = "$.cards[" + i + "]";
            if (c.hasNonNull("uuid") && !uuids.add(c.get("uuid").asText())) errors.add(at + ".uuid: used twice in the response");
            if (!summaries.add(c.path("summary").asText())) errors.add(at + ".summary: the same summary twice in the response");
            JsonNode suggestions = c.path("suggestions");
            for (int j = 0; j < suggestions.size(); j++) {
                JsonNode sg = suggestions.get(j);
                String sat = at + ".suggestions[" + j + "]";
                if (sg.hasNonNull("uuid") && !uuids.add(sg.get("uuid").asText())) errors.add(sat + ".uuid: used twice in the response");
                JsonNode actions = sg.path("actions");
                for (int k = 0; k < actions.size(); k++) {
                    JsonNode r = actions.get(k).path("resource");
                    if (!r.isObject()) continue;
                    String what = r.path("resourceType").asText() + " " + codes(r);
                    if (!orders.add(what)) errors.add(sat + ".actions[" + k + "]: " + what + " proposed twice in the response");
                }
            }
        }
    }

    /** The codings that say what a proposed resource orders: code, or a medication's medicationCodeableConcept. */
    private static String codes(JsonNode resource) {
        JsonNode concept = resource.has("medicationCodeableConcept") ? resource.get("medicationCodeableConcept") : resource.path("code");
        List<String> out = new ArrayList<>();
        for (JsonNode c : concept.path("coding")) out.add(c.path("system").asText() + "|" + c.path("code").asText());
        return out.toString();
    }

    private static void noInternalCodes(JsonNode node, String field, String at, List<String> errors) {
        if (!node.hasNonNull(field)) return;
        var m = INTERNAL_CODE.matcher(node.get(field).asText());
        if (m.find()) errors.add(at + "." + field + ": internal code '" + m.group() + "' in text a clinician reads (name it in words)");
    }

    private static void action(JsonNode a, String at, List<String> errors) {
        onlyFields(a, Set.of("type", "description", "resource", "resourceId", "extension"), at, errors);
        String type = a.path("type").asText("");
        if (!Set.of("create", "update", "delete").contains(type)) errors.add(at + ".type: must be create|update|delete");
        requiredString(a, "description", at, errors);
        if (type.equals("create") || type.equals("update")) {
            JsonNode r = a.get("resource");
            if (r == null || !r.isObject() || !r.path("resourceType").isTextual()) errors.add(at + ".resource: a " + type + " needs a FHIR resource");
            else if (Set.of("ServiceRequest", "MedicationRequest").contains(r.get("resourceType").asText())) {
                // An order without a code is an order an EHR cannot act on: text alone is not enough.
                JsonNode concept = r.has("medicationCodeableConcept") ? r.get("medicationCodeableConcept") : r.path("code");
                boolean coded = false;
                for (JsonNode c : concept.path("coding")) coded |= c.path("system").isTextual() && c.path("code").isTextual();
                if (!coded) errors.add(at + ".resource: a proposed " + r.get("resourceType").asText() + " without a coding (system and code)");
            }
        }
        if (type.equals("delete") && !a.has("resourceId")) errors.add(at + ".resourceId: a delete needs resourceId");
    }

    private static void coding(JsonNode c, String at, boolean displayRequired, List<String> errors) {
        if (!c.isObject()) { errors.add(at + ": not a Coding object"); return; }
        requiredString(c, "code", at, errors);
        requiredString(c, "system", at, errors);
        if (displayRequired) requiredString(c, "display", at, errors);
    }

    private static void absoluteUrl(JsonNode v, String at, List<String> errors) {
        if (v == null || !v.isTextual()) { errors.add(at + ": required URL missing"); return; }
        try {
            URI u = URI.create(v.asText());
            if (!u.isAbsolute() || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) errors.add(at + ": not an absolute http(s) URL: " + v.asText());
        } catch (IllegalArgumentException e) {
            errors.add(at + ": not a URL: " + v.asText());
        }
    }

    private static void nonEmptyArray(JsonNode v, String at, List<String> errors) {
        if (!v.isArray()) errors.add(at + ": not an array");
        else if (v.isEmpty()) errors.add(at + ": empty array sent (omit empty optional fields)");
    }

    private static void requiredString(JsonNode node, String field, String at, List<String> errors) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) errors.add(at + "." + field + ": required non-empty string missing");
    }

    private static void optionalString(JsonNode node, String field, String at, List<String> errors) {
        JsonNode v = node.get(field);
        if (v != null && (!v.isTextual() || v.asText().isEmpty())) errors.add(at + "." + field + ": must be a non-empty string when present");
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String at, List<String> errors) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) errors.add(at + "." + f + ": not a CDS Hooks attribute");
        }
    }

    private static void noNulls(JsonNode node, String at, List<String> errors) {
        if (node.isNull()) errors.add(at + ": null sent (omit the attribute instead)");
        else if (node.isObject()) for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            noNulls(e.getValue(), at + "." + e.getKey(), errors);
        }
        else if (node.isArray()) for (int i = 0; i < node.size(); i++) noNulls(node.get(i), at + "[" + i + "]", errors);
    }

    private static void report(List<String> errors, JsonNode body) {
        if (!errors.isEmpty()) {
            String shown = body.toString();
            fail("CDS Hooks conformance: " + errors.size() + " problem(s):\n  " + String.join("\n  ", errors)
                    + "\nin: " + (shown.length() > 2000 ? shown.substring(0, 2000) + "…" : shown));
        }
    }
}
