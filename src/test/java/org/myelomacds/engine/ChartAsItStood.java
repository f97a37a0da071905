package org.myelomacds.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A bundle truncated at a date, the way an export of the chart made that day would look, written for the replay tests
 * apart from the engine's own cut (fhir.AsOfCut): what was recorded or began after the date is absent; a course, order
 * or procedure under way that day has no end and its ongoing status; a condition abated later is active. Plans (intent
 * plan/proposal/option, status draft/proposed/planned/preparation, an intended statement) are dated by when they were
 * recorded, or by the start they plan for when they state no record date (a MedicationRequest plan without authoredOn
 * is kept). Undated resources are kept. A partial date is after the day only when its first possible day is.
 */
final class ChartAsItStood {
    private ChartAsItStood() { }

    private static final Set<String> PLAN_INTENTS = Set.of("plan", "proposal", "option");
    private static final Set<String> PLAN_STATUSES = Set.of("draft", "proposed", "planned", "preparation");

    /** A copy of {@code bundle} as it stood on {@code on}. */
    static ObjectNode on(ObjectNode bundle, LocalDate on) {
        ObjectNode copy = bundle.deepCopy();
        ArrayNode entries = (ArrayNode) copy.get("entry");
        for (Iterator<JsonNode> it = entries.iterator(); it.hasNext(); ) {
            JsonNode entry = it.next();
            JsonNode resource = entry.get("resource");
            if (resource == null || !resource.isObject()) continue;
            if (later((ObjectNode) resource, on)) it.remove();
            else asItStood((ObjectNode) resource, on);
        }
        return copy;
    }

    private static boolean later(ObjectNode r, LocalDate on) {
        String status = r.path("status").asText();
        String intent = r.path("intent").asText();
        return switch (r.path("resourceType").asText()) {
            case "Patient", "Medication" -> false;
            case "Condition", "AllergyIntolerance" -> after(on, start(r, "onset"), r.get("recordedDate"));
            case "Observation" -> after(on, start(r, "effective"),
                    status.equals("amended") || status.equals("corrected") ? null : r.get("issued"));
            case "MedicationStatement" -> after(on, r.get("dateAsserted")) || !status.equals("intended") && after(on, start(r, "effective"));
            case "MedicationAdministration" -> after(on, start(r, "effective"));
            case "MedicationDispense" -> after(on, r.get("whenPrepared"), r.get("whenHandedOver"));
            case "MedicationRequest" -> {
                boolean plan = status.equals("draft") || intent.equals("proposal") || intent.equals("plan");
                JsonNode bounds = null;
                for (JsonNode d : r.path("dosageInstruction")) {
                    JsonNode s = d.path("timing").path("repeat").path("boundsPeriod").get("start");
                    if (s != null && bounds == null) bounds = s;
                }
                yield after(on, r.get("authoredOn"))
                        || !plan && after(on, bounds, r.path("dispenseRequest").path("validityPeriod").get("start"));
            }
            case "Procedure" -> !status.equals("preparation") && after(on, start(r, "performed"));
            case "AdverseEvent" -> after(on, r.get("date"), r.get("detected"), r.get("recordedDate"));
            default -> { // a type the engine only counts: its record dates, else (not a plan) its starts
                List<JsonNode> recorded = new ArrayList<>();
                for (String f : List.of("created", "authoredOn", "recorded", "recordedDate", "issued", "date", "dateAsserted")) {
                    if (r.hasNonNull(f)) recorded.add(r.get(f));
                }
                if (after(on, recorded.toArray(JsonNode[]::new))) yield true;
                if (!recorded.isEmpty() && (PLAN_INTENTS.contains(intent) || PLAN_STATUSES.contains(status))) yield false;
                yield after(on, start(r, "effective"), start(r, "occurrence"), start(r, "performed"), start(r, "onset"),
                        r.path("period").get("start"), r.path("billablePeriod").get("start"), r.get("started"));
            }
        };
    }

    /** What ended after {@code on} had not ended that day. */
    private static void asItStood(ObjectNode r, LocalDate on) {
        switch (r.path("resourceType").asText()) {
            case "Condition" -> {
                if (!after(on, start(r, "abatement"))) return;
                List<String> abatement = new ArrayList<>();
                r.fieldNames().forEachRemaining(f -> { if (f.startsWith("abatement")) abatement.add(f); });
                abatement.forEach(r::remove);
                for (JsonNode c : r.path("clinicalStatus").path("coding")) {
                    String code = c.path("code").asText();
                    if (code.equals("resolved") || code.equals("inactive") || code.equals("remission")) {
                        ((ObjectNode) c).put("code", "active");
                        ((ObjectNode) c).remove("display");
                    }
                }
            }
            case "MedicationStatement" -> endAfter(r, "effectivePeriod", on, "active");
            case "MedicationAdministration" -> endAfter(r, "effectivePeriod", on, "in-progress");
            case "Procedure" -> {
                JsonNode p = r.get("performedPeriod");
                if (p != null && after(on, p.get("end"))) {
                    ((ObjectNode) p).remove("end");
                    if (r.path("status").asText().equals("completed")) r.put("status", "in-progress");
                }
            }
            case "MedicationRequest" -> {
                String intent = r.path("intent").asText();
                if (r.path("status").asText().equals("draft") || intent.equals("plan") || intent.equals("proposal")) return;
                boolean clipped = false;
                for (JsonNode d : r.path("dosageInstruction")) {
                    JsonNode b = d.path("timing").path("repeat").path("boundsPeriod");
                    if (b.isObject() && after(on, b.get("end"))) { ((ObjectNode) b).remove("end"); clipped = true; }
                }
                JsonNode v = r.path("dispenseRequest").path("validityPeriod");
                if (v.isObject() && after(on, v.get("end"))) { ((ObjectNode) v).remove("end"); clipped = true; }
                if (clipped) ongoing(r, "active");
            }
            default -> { }
        }
    }

    private static void endAfter(ObjectNode r, String periodField, LocalDate on, String ongoingStatus) {
        JsonNode p = r.get(periodField);
        if (p == null || !after(on, p.get("end"))) return;
        ((ObjectNode) p).remove("end");
        ongoing(r, ongoingStatus);
    }

    private static void ongoing(ObjectNode r, String status) {
        String now = r.path("status").asText();
        if (now.equals("completed") || now.equals("stopped")) r.put("status", status);
        r.remove("statusReason");
    }

    private static JsonNode start(ObjectNode r, String choice) {
        if (r.has(choice + "DateTime")) return r.get(choice + "DateTime");
        if (r.has(choice + "Instant")) return r.get(choice + "Instant");
        if (r.has(choice + "Period")) return r.get(choice + "Period").get("start");
        return null;
    }

    private static boolean after(LocalDate on, JsonNode... dates) {
        for (JsonNode d : dates) {
            LocalDate first = firstDay(d);
            if (first != null && first.isAfter(on)) return true;
        }
        return false;
    }

    /** The first day a FHIR date(Time) may denote; null when it is none. */
    static LocalDate firstDay(JsonNode d) {
        if (d == null || !d.isTextual()) return null;
        String s = d.asText();
        try {
            if (s.length() >= 10) return LocalDate.parse(s.substring(0, 10));
            if (s.length() == 7) return YearMonth.parse(s).atDay(1);
            if (s.length() == 4) return LocalDate.of(Integer.parseInt(s), 1, 1);
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
