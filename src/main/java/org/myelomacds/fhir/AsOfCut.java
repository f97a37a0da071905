package org.myelomacds.fhir;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The record as it stood on the evaluation date: a replay with {@code --as-of} reads nothing dated after it. Applied
 * to each kept entry before any mapper sees it, so every fact, flag and count — "therapy recorded", exposures, lines,
 * current results, allergies — is built from the same chart a clinician had that day.
 * <ul>
 * <li>An entry that came into being after asOf is left out: a Condition whose onset or recordedDate, an Observation
 *     whose effective[x] or issued (unless amended or corrected), a MedicationStatement whose effective start or dateAsserted, a
 *     MedicationAdministration whose effective start, a MedicationRequest whose authoredOn or dosage/validity start,
 *     a MedicationDispense whose whenPrepared or whenHandedOver, a Procedure whose performed start, an
 *     AllergyIntolerance whose onset or recordedDate, an AdverseEvent whose date, detected or recordedDate is after
 *     asOf.</li>
 * <li>An entry that began on or before asOf but ended after it is read as it stood then: the end is removed (the
 *     drug was still being given, the condition had not abated, the procedure was under way), a finished status
 *     becomes the ongoing one, and a stop reason dated by that end goes with it.</li>
 * <li>A partial date ("2026", "2026-11") is after asOf only when its first possible day is: one that may fall on or
 *     before asOf is kept, and its imprecision is judged where the date is used.</li>
 * <li>Undated entries are kept: nothing shows they are later, and the rules treat undated facts as such.</li>
 * <li>A resource the engine does not read (a CarePlan, an Encounter, a DiagnosticReport, an Observation of a code it does
 *     not read, another patient's record, a duplicate) is only counted, and counted only when it was in the chart on
 *     asOf, by the dates FHIR R4 resources commonly carry ({@link #datesOnly}): left out when a record date
 *     (created, authoredOn, recorded, recordedDate, issued, date, dateAsserted) or a start (effective[x], occurrence[x],
 *     performed[x], onset[x], period, billablePeriod, started) is after asOf; a plan (intent plan, proposal or option;
 *     status draft, proposed, planned or preparation) only by its record dates when it has one, as a planned request
 *     is, else by its start.</li>
 * <li>Plans are kept whatever date they plan for (a Procedure in preparation, an intended MedicationStatement, a
 *     draft, proposed or planned MedicationRequest): a plan made by asOf for a later date was in the chart that day.
 *     A request authored, or a statement asserted, after asOf was not.</li>
 * </ul>
 * The entry's tree is copied before an end is removed, so a caller's tree (CDS Hooks prefetch) is never changed.
 */
final class AsOfCut {
    private AsOfCut() { }

    private static final Set<String> FINISHED_MEDICATION = Set.of("completed", "stopped");

    /** The entry as it stood on asOf, or empty when it did not exist yet. */
    static Optional<ScannedEntry> asOf(ScannedEntry entry, LocalDate asOf) {
        ObjectNode r = entry.resource();
        return switch (entry.resourceType()) {
            case "Condition" -> after(asOf, startOfChoice(r, "onset"), r.get("recordedDate")) ? Optional.empty()
                    : Optional.of(clip(entry, asOf, "abatement", AsOfCut::conditionOngoing));
            case "Observation" -> {
                // issued: when this version was made available to providers. A result issued after asOf was not in the
                // chart that day, whatever day it was taken (a progression drawn on 28 October and reported on
                // 4 November). An amended or corrected version replaces one that was: it is kept, as read today.
                yield inChart(countedFrom("Observation", r), asOf) ? Optional.of(entry) : Optional.empty();
            }
            case "MedicationStatement" -> after(asOf, r.get("dateAsserted"))
                    || !"intended".equals(r.path("status").asText()) && after(asOf, startOfChoice(r, "effective")) ? Optional.empty()
                    : Optional.of(clip(entry, asOf, "effective", res -> medicationOngoing(res, "active")));
            case "MedicationAdministration" -> after(asOf, startOfChoice(r, "effective")) ? Optional.empty()
                    : Optional.of(clip(entry, asOf, "effective", res -> medicationOngoing(res, "in-progress")));
            case "MedicationRequest" -> after(asOf, r.get("authoredOn"))
                    || !plannedRequest(r) && after(asOf, boundsStart(r), r.path("dispenseRequest").path("validityPeriod").get("start"))
                    ? Optional.empty() : Optional.of(plannedRequest(r) ? entry : clipRequest(entry, asOf));
            case "MedicationDispense" -> after(asOf, r.get("whenPrepared"), r.get("whenHandedOver")) ? Optional.empty() : Optional.of(entry);
            case "Procedure" -> "preparation".equals(r.path("status").asText()) ? Optional.of(entry)
                    : after(asOf, startOfChoice(r, "performed")) ? Optional.empty()
                    : Optional.of(clip(entry, asOf, "performed", res -> {
                        if ("completed".equals(res.path("status").asText())) res.put("status", "in-progress");
                    }));
            case "AllergyIntolerance" -> after(asOf, startOfChoice(r, "onset"), r.get("recordedDate")) ? Optional.empty() : Optional.of(entry);
            case "AdverseEvent" -> after(asOf, r.get("date"), r.get("detected"), r.get("recordedDate")) ? Optional.empty() : Optional.of(entry);
            default -> inChart(countedFrom(entry.resourceType(), r), asOf) ? Optional.of(entry) : Optional.empty(); // only counted
        };
    }

    /** The record dates of a resource the engine does not read: when it was made, whatever it is about. */
    private static final List<String> RECORD_DATES = List.of("created", "authoredOn", "recorded", "recordedDate", "issued",
            "date", "dateAsserted");
    /** Its starts: choice elements ([x] as dateTime, instant or period) and periods. */
    private static final List<String> START_CHOICES = List.of("effective", "occurrence", "performed", "onset");
    private static final List<String> START_PERIODS = List.of("period", "billablePeriod");
    private static final Set<String> PLAN_INTENTS = Set.of("plan", "proposal", "option");
    private static final Set<String> PLAN_STATUSES = Set.of("draft", "proposed", "planned", "preparation");

    /**
     * The first day an Observation, or a resource of a type the engine does not read, was certainly in the chart: the
     * latest of the first possible days of the dates that place it (see the class comment); null when none does (then it
     * is in the chart whatever asOf). Worked out once per resource, so that a large record's counted entries are not
     * re-read for each evaluation date.
     */
    static LocalDate countedFrom(String type, ObjectNode r) {
        if (type.equals("Observation")) {
            // issued: when this version was made available to providers. A result issued after asOf was not in the
            // chart that day, whatever day it was taken (a progression drawn on 28 October and reported on
            // 4 November). An amended or corrected version replaces one that was: it is kept, as read today.
            String status = r.path("status").asText();
            boolean revised = "amended".equals(status) || "corrected".equals(status);
            return latest(latest(null, startOfChoice(r, "effective")), revised ? null : r.get("issued"));
        }
        LocalDate from = null;
        boolean recorded = false;
        for (String f : RECORD_DATES) {
            from = latest(from, r.get(f));
            recorded |= r.hasNonNull(f);
        }
        // A plan made by asOf for a later date was in the chart that day; a plan that states no record date is dated by
        // the start it plans for (the only date it gives).
        boolean plan = PLAN_INTENTS.contains(r.path("intent").asText()) || PLAN_STATUSES.contains(r.path("status").asText());
        if (plan && recorded) return from;
        for (String c : START_CHOICES) from = latest(from, startOfChoice(r, c));
        for (String p : START_PERIODS) from = latest(from, r.path(p).get("start"));
        return latest(from, r.get("started"));
    }

    /** Whether a resource first in the chart on {@code from} ({@link #countedFrom}) was in it on asOf. */
    static boolean inChart(LocalDate from, LocalDate asOf) {
        return from == null || !from.isAfter(asOf);
    }

    /** The later of a day and the first possible day of a written date (a date that is not one is ignored, as by {@link #after}). */
    private static LocalDate latest(LocalDate day, JsonNode written) {
        if (written == null || !written.isTextual()) return day;
        LocalDate earliest = PartialDates.earliestDay(written.asText());
        return earliest == null || day != null && !earliest.isAfter(day) ? day : earliest;
    }

    /**
     * What of a resource that is only counted must be held to tell whether it was in the chart on asOf: its type and
     * id, status and intent, and the dates {@link #asOf} reads for a type not read or an Observation (effective[x],
     * issued); the rest is dropped at once.
     */
    static ObjectNode datesOnly(ObjectNode r) {
        ObjectNode kept = r.objectNode();
        for (var it = r.fields(); it.hasNext(); ) {
            var f = it.next();
            String name = f.getKey();
            boolean dated = name.equals("resourceType") || name.equals("id") || name.equals("status") || name.equals("intent")
                    || name.equals("started") || RECORD_DATES.contains(name) || START_PERIODS.contains(name)
                    || isStartChoice(name);
            if (dated) kept.set(name, f.getValue());
        }
        return kept;
    }

    private static boolean isStartChoice(String name) {
        for (String c : START_CHOICES) {
            if (name.startsWith(c) && name.length() > c.length() && Character.isUpperCase(name.charAt(c.length()))) return true;
        }
        return false;
    }

    private interface Ongoing { void apply(ObjectNode resource); }

    /** A draft, proposed or planned order: its dates are the plan's, in the future by nature; authoredOn dates it. */
    private static boolean plannedRequest(ObjectNode r) {
        String intent = r.path("intent").asText();
        return "draft".equals(r.path("status").asText()) || "proposal".equals(intent) || "plan".equals(intent);
    }

    private static void conditionOngoing(ObjectNode res) {
        JsonNode status = res.path("clinicalStatus").path("coding");
        if (status.isArray()) {
            for (JsonNode c : status) {
                String code = c.path("code").asText();
                if (c.isObject() && (code.equals("resolved") || code.equals("inactive") || code.equals("remission"))) {
                    ((ObjectNode) c).put("code", "active");
                    ((ObjectNode) c).remove("display");
                }
            }
        }
    }

    /**
     * The extension a replay puts on a medication record whose finished status it replaced: the status as the chart holds
     * it, written after the evaluation date, so texts quote the record's own word with that note (FINDINGS V6). It is set
     * only here, on the replay's copy of the entry.
     */
    static final String STATUS_AS_RECORDED = "https://myeloma-cds.org/fhir/StructureDefinition/replay-status-as-recorded";

    private static void medicationOngoing(ObjectNode res, String ongoingStatus) {
        String recorded = res.path("status").asText();
        if (FINISHED_MEDICATION.contains(recorded)) {
            res.put("status", ongoingStatus);
            ObjectNode ext = res.withArray("extension").addObject();
            ext.put("url", STATUS_AS_RECORDED);
            ext.put("valueCode", recorded);
        }
        res.remove("statusReason"); // why it was stopped: said when it stopped, after asOf
    }

    /**
     * Removes the end of {@code choice}Period (or the whole {@code choice}[x] for an abatement) when it is after asOf,
     * on a copy of the entry.
     */
    private static ScannedEntry clip(ScannedEntry entry, LocalDate asOf, String choice, Ongoing ongoing) {
        ObjectNode r = entry.resource();
        if (choice.equals("abatement")) {
            // Abated after asOf: on asOf the condition had not abated. An abatement period straddling asOf is left as
            // recorded (whether it had abated that day is not known).
            JsonNode when = startOfChoice(r, "abatement");
            if (!after(asOf, when)) return entry;
            ObjectNode copy = r.deepCopy();
            copy.remove(choiceField(copy, "abatement"));
            ongoing.apply(copy);
            return with(entry, copy);
        }
        JsonNode period = r.get(choice + "Period");
        if (period == null || !after(asOf, period.get("end"))) return entry;
        ObjectNode copy = r.deepCopy();
        ((ObjectNode) copy.get(choice + "Period")).remove("end");
        ongoing.apply(copy);
        return with(entry, copy);
    }

    /** A request's dosage bounds or validity period ending after asOf: the order still ran that day. */
    private static ScannedEntry clipRequest(ScannedEntry entry, LocalDate asOf) {
        ObjectNode r = entry.resource();
        boolean boundsAfter = false;
        for (JsonNode d : iterable(r.get("dosageInstruction"))) {
            if (after(asOf, d.path("timing").path("repeat").path("boundsPeriod").get("end"))) boundsAfter = true;
        }
        boolean validityAfter = after(asOf, r.path("dispenseRequest").path("validityPeriod").get("end"));
        if (!boundsAfter && !validityAfter) return entry;
        ObjectNode copy = r.deepCopy();
        for (JsonNode d : iterable(copy.get("dosageInstruction"))) {
            JsonNode bounds = d.path("timing").path("repeat").path("boundsPeriod");
            if (bounds.isObject() && after(asOf, bounds.get("end"))) ((ObjectNode) bounds).remove("end");
        }
        JsonNode validity = copy.path("dispenseRequest").path("validityPeriod");
        if (validity.isObject() && after(asOf, validity.get("end"))) ((ObjectNode) validity).remove("end");
        medicationOngoing(copy, "active");
        return with(entry, copy);
    }

    private static ScannedEntry with(ScannedEntry entry, ObjectNode resource) {
        return new ScannedEntry(entry.index(), entry.resourceType(), entry.id(), entry.fullUrl(), resource);
    }

    private static JsonNode boundsStart(ObjectNode r) {
        for (JsonNode d : iterable(r.get("dosageInstruction"))) {
            JsonNode s = d.path("timing").path("repeat").path("boundsPeriod").get("start");
            if (s != null) return s;
        }
        return null;
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array != null && array.isArray() ? array : List.of();
    }

    private static boolean hasChoice(ObjectNode r, String choice) { return choiceField(r, choice) != null; }

    private static String choiceField(ObjectNode r, String choice) {
        for (var it = r.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.startsWith(choice) && f.length() > choice.length() && Character.isUpperCase(f.charAt(choice.length()))) return f;
        }
        return null;
    }

    /** The date a choice element (onset[x], effective[x], performed[x]) starts on: its dateTime, instant or period start. */
    private static JsonNode startOfChoice(ObjectNode r, String choice) {
        JsonNode dt = r.get(choice + "DateTime");
        if (dt != null) return dt;
        JsonNode instant = r.get(choice + "Instant");
        if (instant != null) return instant;
        JsonNode period = r.get(choice + "Period");
        if (period != null && period.isObject()) return period.get("start");
        return null;
    }

    /** True when any of the dates is certainly after asOf (its first possible day is). */
    static boolean after(LocalDate asOf, JsonNode... dates) {
        for (JsonNode d : dates) {
            if (d == null || !d.isTextual()) continue;
            LocalDate earliest = PartialDates.earliestDay(d.asText());
            if (earliest != null && earliest.isAfter(asOf)) return true;
        }
        return false;
    }
}
