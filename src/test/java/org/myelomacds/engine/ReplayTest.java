package org.myelomacds.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.fhir.InvalidBundleException;
import org.myelomacds.render.JsonRenderer;
import org.myelomacds.scenario.Samples;

/**
 * Replay: one patient's whole chart (2022 diagnosis to 2026), evaluated at several dates, gives byte for byte the
 * Assessment of the chart as it stood on each date — built here independently, event by event, the way the record
 * looked then (what had not happened is absent; a course still running has no end and an ongoing status; a condition
 * not yet resolved is active).
 */
class ReplayTest {
    private static final LocalDate FAR_FUTURE = LocalDate.of(2100, 1, 1);

    /** The chart as it stood on {@code on}; {@link #FAR_FUTURE} gives the whole chart. */
    static byte[] chartOn(LocalDate on) {
        List<String> r = new ArrayList<>();
        r.add("""
                {"resourceType":"Patient","id":"replay","gender":"male","birthDate":"1956-04-02"}""");
        if (!on.isBefore(LocalDate.of(2022, 1, 20))) r.add("""
                {"resourceType":"Condition","id":"mm","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                 "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]},
                 "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"C90.00"}]},"subject":{"reference":"Patient/replay"},"onsetDateTime":"2022-01-20"}""");
        if (!on.isBefore(LocalDate.of(2022, 1, 25))) r.add(obs("elig-1", "transplant", "2022-01-25", null));
        r.add(statement("vrd-v", "358258", "bortezomib", "2022-02-01", "2022-06-20", on));
        r.add(statement("vrd-r", "342369", "lenalidomide", "2022-02-01", "2022-06-20", on));
        if (!on.isBefore(LocalDate.of(2022, 8, 10))) r.add("""
                {"resourceType":"Procedure","id":"asct","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct","code":"709115004"}]},
                 "subject":{"reference":"Patient/replay"},"performedDateTime":"2022-08-10"}""");
        r.add(statement("maint-r", "342369", "lenalidomide", "2022-10-01", "2024-05-30", on));
        if (!on.isBefore(LocalDate.of(2024, 5, 28))) r.add(progression("pd-1", "2024-05-28"));
        r.add(statement("dkd-d", "1721947", "daratumumab", "2024-06-15", "2025-09-01", on));
        r.add(statement("dkd-k", "1302966", "carfilzomib", "2024-06-15", "2025-09-01", on));
        if (!on.isBefore(LocalDate.of(2025, 8, 20))) r.add(progression("pd-2", "2025-08-20"));
        if (!on.isBefore(LocalDate.of(2023, 3, 1))) r.add(egfr("egfr-2023", "2023-03-01", "72"));
        if (!on.isBefore(LocalDate.of(2025, 9, 10))) r.add(egfr("egfr-2025", "2025-09-10", "41"));
        if (!on.isBefore(LocalDate.of(2026, 2, 1))) r.add(egfr("egfr-2026", "2026-02-01", "24"));
        if (!on.isBefore(LocalDate.of(2025, 11, 3))) r.add("""
                {"resourceType":"Condition","id":"copd","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"13645005"}]},"subject":{"reference":"Patient/replay"},"onsetDateTime":"2025-11-03"}""");
        if (!on.isBefore(LocalDate.of(2025, 12, 1))) r.add("""
                {"resourceType":"AllergyIntolerance","id":"dara-allergy","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},
                 "code":{"text":"daratumumab"},"criticality":"high","patient":{"reference":"Patient/replay"},"recordedDate":"2025-12-01"}""");
        // A neuropathy that resolved in 2023: active in the chart before then.
        if (!on.isBefore(LocalDate.of(2022, 4, 1))) r.add(on.isBefore(LocalDate.of(2023, 6, 1)) ? """
                {"resourceType":"Condition","id":"pn","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"302226006"}]},"subject":{"reference":"Patient/replay"},"onsetDateTime":"2022-04-01"}""" : """
                {"resourceType":"Condition","id":"pn","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]},
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"302226006"}]},"subject":{"reference":"Patient/replay"},"onsetDateTime":"2022-04-01","abatementDateTime":"2023-06-01"}""");
        r.removeIf(java.util.Objects::isNull);
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < r.size(); i++) b.append(i == 0 ? "" : ",").append("{\"resource\":").append(r.get(i)).append('}');
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A course: absent before it starts; running (no end, status active) until it ends; completed after. */
    private static String statement(String id, String rxnorm, String name, String start, String end, LocalDate on) {
        if (on.isBefore(LocalDate.parse(start))) return null;
        boolean finished = !on.isBefore(LocalDate.parse(end));
        return "{\"resourceType\":\"MedicationStatement\",\"id\":\"" + id + "\",\"status\":\"" + (finished ? "completed" : "active") + "\","
                + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"" + rxnorm
                + "\"}],\"text\":\"" + name + "\"},\"subject\":{\"reference\":\"Patient/replay\"},\"effectivePeriod\":{\"start\":\"" + start + "\""
                + (finished ? ",\"end\":\"" + end + "\"" : "") + "}}";
    }

    private static String progression(String id, String date) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"97509-4\"}]},"
                + "\"subject\":{\"reference\":\"Patient/replay\"},\"effectiveDateTime\":\"" + date + "\","
                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"271299001\"}]}}";
    }

    private static String egfr(String id, String date, String value) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"98979-8\"}]},"
                + "\"subject\":{\"reference\":\"Patient/replay\"},\"effectiveDateTime\":\"" + date + "\","
                + "\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"mL/min/1.73m2\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mL/min/{1.73_m2}\"}}";
    }

    private static String obs(String id, String kind, String date, String unused) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"https://myeloma-cds.org/fhir/CodeSystem/cds\",\"code\":\"transplant-eligibility\"}]},"
                + "\"subject\":{\"reference\":\"Patient/replay\"},\"effectiveDateTime\":\"" + date + "\",\"valueBoolean\":true}";
    }

    private static String evaluate(byte[] bundle, LocalDate asOf, CompileMode mode) {
        try {
            var rulebase = Samples.rulebase(mode);
            var record = Samples.reader().read(bundle, asOf, rulebase.terminology());
            Assessment a = new Evaluator(rulebase).evaluate(record, new EvaluationContext(asOf, Jurisdiction.US));
            return JsonRenderer.render(a);
        } catch (InvalidBundleException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @ParameterizedTest
    // 2022-01-10 lies before the diagnosis (2022-01-20): the chart that day holds the patient only (sweep s11 RL5)
    @ValueSource(strings = {"2022-01-10", "2022-01-22", "2022-03-15", "2022-09-01", "2023-01-10", "2024-05-29", "2024-07-01",
            "2025-08-25", "2025-11-10", "2026-01-15", "2026-11-01"})
    void theWholeChartReplayedAtADateIsTheChartAsItStoodThen(String date) {
        LocalDate asOf = LocalDate.parse(date);
        String whole = evaluate(chartOn(FAR_FUTURE), asOf, CompileMode.EXECUTABLE_MODEL);
        String thatDay = evaluate(chartOn(asOf), asOf, CompileMode.EXECUTABLE_MODEL);
        assertEquals(thatDay, whole, "replay at " + asOf + " read something dated after it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-03-15", "2025-11-10"})
    void theSameUnderTheRunTimeCompiledRules(String date) {
        LocalDate asOf = LocalDate.parse(date);
        assertEquals(evaluate(chartOn(asOf), asOf, CompileMode.DRL), evaluate(chartOn(FAR_FUTURE), asOf, CompileMode.DRL));
    }

    @org.junit.jupiter.api.Test
    void aReplayBeforeTheDiagnosisIsTheChartThatHeldNoDiagnosisYet() {
        // Sweep s11 RL5: the setting text named the diagnosis dated after asOf, which the chart of that day did not hold.
        LocalDate asOf = LocalDate.of(2022, 1, 10);
        String whole = evaluate(chartOn(FAR_FUTURE), asOf, CompileMode.EXECUTABLE_MODEL);
        assertEquals(evaluate(chartOn(asOf), asOf, CompileMode.EXECUTABLE_MODEL), whole);
        assertTrue(whole.contains("diagnosis recorded in the bundle on or before the evaluation date (2022-01-10)"), whole);
        assertTrue(!whole.contains("2022-01-20"), "the replay names the later diagnosis: " + whole);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-03-15", "2025-11-10"})
    void nearMissTheReplaysDifferFromTheWholeChartReadAsOfToday(String date) {
        // Guards the test itself: the chart changes between the dates, so equal assessments are not trivially equal.
        LocalDate asOf = LocalDate.parse(date);
        String thatDay = evaluate(chartOn(asOf), asOf, CompileMode.EXECUTABLE_MODEL);
        String latest = evaluate(chartOn(FAR_FUTURE), LocalDate.of(2026, 11, 1), CompileMode.EXECUTABLE_MODEL);
        assertNotEquals(thatDay, latest);
        assertTrue(thatDay.contains("\"asOf\" : \"" + asOf + "\""), thatDay.substring(0, 200));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The Assessment as JSON, or the refusal's words when the bundle is refused (a deceased patient, say). */
    private static String evaluateOrRefusal(com.fasterxml.jackson.databind.node.ObjectNode bundle, LocalDate asOf) throws Exception {
        var rulebase = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        try {
            var record = Samples.reader().read(JSON.writeValueAsBytes(bundle), asOf, rulebase.terminology());
            return JsonRenderer.render(new Evaluator(rulebase).evaluate(record, new EvaluationContext(asOf, Jurisdiction.US)));
        } catch (InvalidBundleException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode qaBundle(String name) throws Exception {
        return (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Samples.projectDir().resolve("qa-bundles").resolve(name).toFile());
    }

    private static java.util.Map<String, Integer> skipped(com.fasterxml.jackson.databind.node.ObjectNode bundle, LocalDate asOf) throws Exception {
        var rulebase = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        return Samples.reader().read(JSON.writeValueAsBytes(bundle), asOf, rulebase.terminology()).skippedResources();
    }

    /**
     * Issue 10 item 10, counts included: rrmm-one-prior-line with CarePlans, Encounters, DiagnosticReports,
     * Immunizations, unread Observations, another patient's Conditions, unknown drugs stated and dispensed, allergies
     * (dated 2026-10-20 and 2026-11-20), a duplicate, and undated resources (qa-bundles/s13y-skipped-types-after-asof),
     * replayed at dates across its history equals the chart truncated at each.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2023-01-01", "2023-03-01", "2024-06-01", "2026-09-16", "2026-10-20", "2026-11-01", "2026-11-19",
            "2026-11-20", "2026-12-01"})
    void aChartWithTypesTheEngineOnlyCountsReplaysAsTheChartTruncated(String date) throws Exception {
        LocalDate asOf = LocalDate.parse(date);
        var whole = qaBundle("s13y-skipped-types-after-asof.json");
        assertEquals(evaluateOrRefusal(ChartAsItStood.on(whole, asOf), asOf), evaluateOrRefusal(whole, asOf),
                "replay at " + asOf + " read or counted something dated after it");
    }

    @org.junit.jupiter.api.Test
    void nothingDatedAfterAsOfIsCountedAsSkippedNearMissEverythingIsOnceItIsDated() throws Exception {
        var whole = qaBundle("s13y-skipped-types-after-asof.json");
        var onAsOf = skipped(whole, LocalDate.of(2026, 11, 1));
        // careplan-line1, cp-before, cp-undated; not cp-after (created 2026-11-20)
        assertEquals(3, onAsOf.get("CarePlan"), onAsOf.toString());
        for (String type : List.of("Encounter", "DiagnosticReport", "Immunization", "Observation (unrecognised code)",
                "Condition (subject is another patient)", "MedicationStatement (supportive care)",
                "MedicationDispense (supportive care)", "Practitioner")) {
            assertEquals(1, onAsOf.get(type), type + " " + onAsOf);
        }
        assertEquals(null, onAsOf.get("MedicationStatement (same resource sent twice, read once)"), onAsOf.toString());
        // The control the generator truncated itself gives the same counts and the same Assessment.
        var truncated = qaBundle("s13y-skipped-types-truncated.json");
        assertEquals(skipped(truncated, LocalDate.of(2026, 11, 1)), onAsOf);
        assertEquals(evaluateOrRefusal(truncated, LocalDate.of(2026, 11, 1)), evaluateOrRefusal(whole, LocalDate.of(2026, 11, 1)));
        // Near miss: a day after the later ones, all are counted.
        var later = skipped(whole, LocalDate.of(2026, 11, 20));
        assertEquals(4, later.get("CarePlan"), later.toString());
        for (String type : List.of("Encounter", "DiagnosticReport", "Immunization", "Observation (unrecognised code)",
                "Condition (subject is another patient)", "MedicationStatement (supportive care)",
                "MedicationDispense (supportive care)")) {
            assertEquals(2, later.get(type), type + " " + later);
        }
        assertEquals(1, later.get("MedicationStatement (same resource sent twice, read once)"), later.toString());
        // A plan with no record date is dated by its start: the sample's first-line CarePlan (period from 2023-01-23)
        // is not counted in the chart of 2022-12-01; the undated one is.
        assertEquals(1, skipped(whole, LocalDate.of(2022, 12, 1)).get("CarePlan"));
    }

    /**
     * Every fhir-sample replayed at three dates of its own history (the first, second and third quartile of the days
     * it records) equals the sample truncated at each date. One test per sample: a failure names the sample and date.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("samples")
    void everySampleReplaysAtThreeDatesOfItsHistoryAsTheSampleTruncated(java.nio.file.Path sample) throws Exception {
        var whole = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(sample.toFile());
        List<LocalDate> dates = quartileDays(whole);
        for (LocalDate asOf : dates) {
            assertEquals(evaluateOrRefusal(ChartAsItStood.on(whole, asOf), asOf), evaluateOrRefusal(whole, asOf),
                    sample.getFileName() + " replayed at " + asOf + " read or counted something dated after it");
        }
    }

    static List<java.nio.file.Path> samples() { return Samples.bundles(); }

    /** The first, second and third quartile of the distinct days a bundle's resources are dated by (birth dates aside). */
    static List<LocalDate> quartileDays(com.fasterxml.jackson.databind.JsonNode bundle) {
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
        for (var e : bundle.path("entry")) {
            if (e.path("resource").path("resourceType").asText().equals("Patient")) continue;
            collectDays(e.path("resource"), days);
        }
        List<LocalDate> sorted = new ArrayList<>(days);
        if (sorted.isEmpty()) return List.of(Samples.AS_OF);
        return List.of(sorted.get(sorted.size() / 4), sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 3 / 4)).stream()
                .distinct().toList();
    }

    private static void collectDays(com.fasterxml.jackson.databind.JsonNode n, java.util.Set<LocalDate> days) {
        if (n.isObject() || n.isArray()) {
            n.forEach(child -> collectDays(child, days));
        } else if (n.isTextual() && n.asText().matches("\\d{4}(-\\d{2}(-\\d{2})?)?(T.*)?")) {
            LocalDate d = ChartAsItStood.firstDay(n);
            if (d != null && d.getYear() >= 1900 && d.getYear() <= 2100) days.add(d);
        }
    }

    // Labels as of the evaluation date: the same newly diagnosed transplant-ineligible bundle before and after the US
    // approvals of Faspro D-VRd (CEPHEUS, 27 Jan 2026) and Isa-VRd (IMROZ, 20 Sep 2024).
    private static Assessment ndmmTiShifted(String monthPrefix, LocalDate asOf) throws Exception {
        String bundle = java.nio.file.Files.readString(Samples.samplesDir().resolve("ndmm-transplant-ineligible.json"))
                .replace("\"2026-10-", "\"" + monthPrefix);
        var rulebase = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        var record = Samples.reader().read(bundle.getBytes(StandardCharsets.UTF_8), asOf, rulebase.terminology());
        return new Evaluator(rulebase).evaluate(record, new EvaluationContext(asOf, Jurisdiction.US));
    }

    private static String statusOf(Assessment a, String regimen) {
        for (var r : a.recommendations()) if (r.regimen().equals(regimen)) return r.status();
        for (var r : a.notRecommended()) if (r.regimen().equals(regimen)) return r.status();
        return null;
    }

    private static String reasons(Assessment a, String regimen) {
        return a.notRecommended().stream().filter(r -> r.regimen().equals(regimen))
                .flatMap(r -> r.reasons().stream()).map(s -> s.text()).reduce("", (x, y) -> x + " | " + y);
    }

    @org.junit.jupiter.api.Test
    void fasproDvrdForTransplantIneligibleMyelomaIsOffLabelBeforeItsApprovalAndOnLabelAfter() throws Exception {
        Assessment before = ndmmTiShifted("2025-11-", LocalDate.of(2025, 12, 1));
        assertEquals("NOT_ELIGIBLE", statusOf(before, "DARA_VRD"));
        assertTrue(reasons(before, "DARA_VRD").contains("Not on label on 2025-12-01: Darzalex Faspro (SC), US: NDMM ineligible for ASCT (CEPHEUS) was approved on 2026-01-27, after the assessment date"),
                reasons(before, "DARA_VRD"));
        assertEquals("labels in force on 2025-12-01 (US)", before.labels().version());
        assertTrue(before.labels().applied().stream().anyMatch(i -> i.regimen().equals("DARA_VRD") && i.status().equals("NOT_YET_APPROVED")));
        // Near miss: the day before the approval, and the day of it.
        assertEquals("NOT_ELIGIBLE", statusOf(ndmmTiShifted("2025-11-", LocalDate.of(2026, 1, 26)), "DARA_VRD"));
        assertTrue(statusOf(ndmmTiShifted("2025-11-", LocalDate.of(2026, 1, 27)), "DARA_VRD").startsWith("ELIGIBLE"));
        Assessment after = ndmmTiShifted("2025-11-", LocalDate.of(2026, 2, 1));
        assertTrue(statusOf(after, "DARA_VRD").startsWith("ELIGIBLE"), statusOf(after, "DARA_VRD"));
        var label = after.recommendations().stream().filter(r -> r.regimen().equals("DARA_VRD")).findFirst().orElseThrow()
                .scoreComponents().stream().filter(l -> l.rule().equals("RANK-LABEL-01")).findFirst().orElseThrow();
        assertEquals("On label in the US: Darzalex Faspro (SC) since 2026-01-27", label.label());
        assertEquals(List.of("DFASPRO-PI", "CEPHEUS-FDA26"), label.evidence());
        // The regimens whose labels did not change are the same on both dates.
        for (String regimen : List.of("DARA_RD", "DARA_VMP", "ISA_VRD")) assertEquals(statusOf(after, regimen), statusOf(before, regimen), regimen);
    }

    @org.junit.jupiter.api.Test
    void isaVrdForTransplantIneligibleMyelomaIsOffLabelBeforeTwentySeptember2024() throws Exception {
        Assessment june = ndmmTiShifted("2024-06-", LocalDate.of(2024, 6, 30));
        assertEquals("NOT_ELIGIBLE", statusOf(june, "ISA_VRD"));
        assertTrue(reasons(june, "ISA_VRD").contains("Sarclisa (IV), US: NDMM not eligible for ASCT (IMROZ) was approved on 2024-09-20, after the assessment date"),
                reasons(june, "ISA_VRD"));
        assertTrue(reasons(june, "ISA_VRD").contains("Sarclisa Escena (SC), US: NDMM not eligible for ASCT was not yet approved on 2024-06-30"),
                reasons(june, "ISA_VRD"));
        assertEquals("NOT_ELIGIBLE", statusOf(ndmmTiShifted("2024-06-", LocalDate.of(2024, 9, 19)), "ISA_VRD"));
        assertTrue(statusOf(ndmmTiShifted("2024-06-", LocalDate.of(2024, 9, 20)), "ISA_VRD").startsWith("ELIGIBLE"));
        Assessment october = ndmmTiShifted("2024-06-", LocalDate.of(2024, 10, 1));
        assertTrue(statusOf(october, "ISA_VRD").startsWith("ELIGIBLE"), statusOf(october, "ISA_VRD"));
        assertTrue(october.labels().assumedInForce().isEmpty(), october.labels().assumedInForce().toString());
    }
}
