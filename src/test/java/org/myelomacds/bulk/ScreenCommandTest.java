package org.myelomacds.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.myelomacds.scenario.Samples;

/**
 * screen, in-process, on an export generated from the samples (3 copies of each): every patient's Assessment is
 * what evaluate says of the same assembled bundle, every summary row matches the sample's expected result, patients
 * in = rows out + refused, and the output is the same with 1 or 2 threads and with a budget small enough to spill.
 */
class ScreenCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path tmp;
    static Path export;
    static Path out1;

    @BeforeAll
    static void screenOnce() throws Exception {
        export = ScreeningFixtures.export(tmp.resolve("export"), 48, 100);
        out1 = tmp.resolve("out1");
        ScreeningFixtures.Run run = ScreeningFixtures.cli("screen", "--input", export.toString(), "--output", out1.toString(),
                "--as-of", "2026-11-01", "--threads", "1", "--no-progress");
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void everyRowMatchesItsSampleExpectedResultAndTheCountsBalance() throws Exception {
        JsonNode runJson = JSON.readTree(out1.resolve("run.json").toFile());
        JsonNode counts = runJson.path("counts");
        assertEquals(48, counts.path("patientsInExport").asLong());
        assertEquals(48, counts.path("cohort").asLong());
        List<String> rows = ScreeningFixtures.csvRows(out1.resolve("summary.csv"));
        long errors = Files.readAllLines(out1.resolve("errors.ndjson")).stream().filter(l -> l.contains("\"REFUSED\"")
                || l.contains("NO_PATIENT_RESOURCE") || l.contains("RULEBASE_FAILURE")).count();
        assertEquals(counts.path("cohort").asLong(), rows.size() + errors, "patients in = rows out + refused");
        assertEquals(48, rows.size());

        Map<String, String> sources = ScreeningFixtures.sources(export);
        List<String> mismatches = new ArrayList<>();
        for (String line : Files.readAllLines(out1.resolve("assessments.ndjson"))) {
            JsonNode a = JSON.readTree(line);
            String pid = a.path("patient").path("id").asText();
            String template = sources.get(pid);
            JsonNode expected = JSON.readTree(Samples.samplesDir().resolve(template + ".expected.json").toFile()).path("US");
            ObjectNode actual = org.myelomacds.scenario.ExpectedResult.of(
                    org.myelomacds.render.JsonRenderer.mapper().treeToValue(a, org.myelomacds.assessment.Assessment.class));
            String diff = org.myelomacds.scenario.ExpectedResult.diff(expected, actual, "");
            if (!diff.isEmpty()) mismatches.add(pid + " (" + template + "):\n" + diff);
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void eachAssessmentIsWhatEvaluateSaysOfTheSameAssembledBundle() throws Exception {
        Map<String, JsonNode> screened = new HashMap<>();
        for (String line : Files.readAllLines(out1.resolve("assessments.ndjson"))) {
            JsonNode a = JSON.readTree(line);
            screened.put(a.path("patient").path("id").asText(), a);
        }
        Map<String, String> sources = ScreeningFixtures.sources(export);
        TreeSet<String> templatesDone = new TreeSet<>();
        for (Map.Entry<String, String> s : sources.entrySet()) {
            if (!templatesDone.add(s.getValue())) continue; // one patient per sample
            String pid = s.getKey();
            PatientBundleAssembler.AssembledPatient assembled = PatientBundleAssembler.assemble(pid, linesOf(pid));
            Path bundle = tmp.resolve("bundle-" + pid + ".json");
            Files.writeString(bundle, assembled.bundle().toPrettyString());
            ScreeningFixtures.Run run = ScreeningFixtures.cli("evaluate", bundle.toString(), "--as-of", "2026-11-01");
            assertEquals(0, run.exit(), run.err());
            assertEquals(JSON.readTree(run.out()), screened.get(pid), "patient " + pid + " (" + s.getValue() + ")");
        }
        assertEquals(Samples.bundles().size(), templatesDone.size(), "every sample checked once");
    }

    /** The patient's lines as routing picks them (the shared router), Medications joined by reference. */
    private static List<SourceLine> linesOf(String pid) throws Exception {
        List<SourceLine> lines = new ArrayList<>();
        List<String> meds = new ArrayList<>();
        ResourceRouter router = new ResourceRouter(pid::equals, k -> false, Samples.terminology());
        List<ExportFile> files = ExportDirectory.list(export, org.myelomacds.fhir.ResourceTriage.readTypes());
        for (ExportFile f : files) {
            if ("Medication".equals(f.resourceType()) || !org.myelomacds.fhir.ResourceTriage.readTypes().contains(f.resourceType())) continue;
            NdjsonLines.forEach(f, (n, b) -> {
                if (router.route(f, n, b) instanceof ResourceRouter.ToPatient t) {
                    lines.add(t.line());
                    meds.addAll(t.medicationKeys());
                }
            });
        }
        ResourceRouter medRouter = new ResourceRouter(p -> false, meds::contains, Samples.terminology());
        for (ExportFile f : files) {
            if (!"Medication".equals(f.resourceType())) continue;
            NdjsonLines.forEach(f, (n, b) -> {
                if (medRouter.route(f, n, b) instanceof ResourceRouter.ToMedication m) lines.add(m.line());
            });
        }
        return lines;
    }

    @Test
    void twoThreadsAndATinyMemoryBudgetThatSpillsGiveTheSameOutput() throws Exception {
        Path out2 = tmp.resolve("out2");
        ScreeningFixtures.Run run = ScreeningFixtures.cli("screen", "--input", export.toString(), "--output", out2.toString(),
                "--as-of", "2026-11-01", "--threads", "2", "--memory-budget", "64k", "--no-progress");
        assertEquals(0, run.exit(), run.err());
        JsonNode runJson = JSON.readTree(out2.resolve("run.json").toFile());
        assertTrue(runJson.path("spilled").asBoolean(), "a 64 KiB budget must spill: " + runJson);
        assertTrue(runJson.path("spilledBytes").asLong() > 64 * 1024);
        for (String f : List.of("assessments.ndjson", "errors.ndjson", "summary.csv")) {
            assertEquals(Files.readString(out1.resolve(f)), Files.readString(out2.resolve(f)), f);
        }
        assertEquals(ScreeningFixtures.query("SELECT * FROM " + ScreeningFixtures.parquetSource(out1.resolve("summary.parquet")) + " ORDER BY patient_id"),
                ScreeningFixtures.query("SELECT * FROM " + ScreeningFixtures.parquetSource(out2.resolve("summary.parquet")) + " ORDER BY patient_id"));
        assertFalse(Files.exists(out2.resolve(".spill")), "spill files are removed");
    }

    @Test
    void aDeceasedPatientIsAnErrorsRecordNeverAnAssessment() throws Exception {
        Path dead = tmp.resolve("deceased");
        ScreeningFixtures.export(dead, 3, 100);
        List<String> pids = new ArrayList<>(ScreeningFixtures.sources(dead).keySet());
        Path patients = dead.resolve("Patient.ndjson");
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(patients)) {
            ObjectNode p = (ObjectNode) JSON.readTree(l);
            if (p.path("id").asText().equals(pids.get(0))) p.put("deceasedDateTime", "2025-06-30");
            lines.add(JSON.writeValueAsString(p));
        }
        Files.write(patients, lines, StandardCharsets.UTF_8);

        Path out = tmp.resolve("deceased-out");
        ScreeningFixtures.Run run = ScreeningFixtures.cli("screen", "--input", dead.toString(), "--output", out.toString(),
                "--as-of", "2026-11-01", "--no-progress");
        assertEquals(0, run.exit(), run.err());
        List<JsonNode> errors = new ArrayList<>();
        for (String l : Files.readAllLines(out.resolve("errors.ndjson"))) errors.add(JSON.readTree(l));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(pids.get(0), errors.get(0).path("patient").asText());
        assertEquals("REFUSED", errors.get(0).path("outcome").asText());
        assertTrue(errors.get(0).path("reason").asText().contains("deceased on 2025-06-30"), errors.toString());
        for (String l : Files.readAllLines(out.resolve("assessments.ndjson"))) {
            assertFalse(l.contains("\"" + pids.get(0) + "\""), "the deceased patient has no assessment");
        }
        assertEquals(pids.size() - 1, Files.readAllLines(out.resolve("assessments.ndjson")).size());
    }

    @Test
    void aBrokenResourceIsListedWithItsFileLineAndFieldAndAPartialRunAssessesTheRest() throws Exception {
        Path broken = tmp.resolve("broken");
        ScreeningFixtures.export(broken, 4, 100);
        Map<String, String> sources = ScreeningFixtures.sources(broken);
        List<String> pids = new ArrayList<>(sources.keySet());
        Path obs = broken.resolve("Observation.ndjson");
        long before = Files.readAllLines(obs).size();
        String badValue = "{\"resourceType\":\"Observation\",\"id\":\"bad-egfr\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"33914-3\"}]},"
                + "\"subject\":{\"reference\":\"Patient/" + pids.get(0) + "\"},\"effectiveDateTime\":\"2026-10-01\",\"valueQuantity\":{\"value\":\"forty\",\"unit\":\"mL/min/1.73m2\"}}\n";
        String notJson = "{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/" + pids.get(1) + "\"},\"valueQuantity\":{\n";
        Files.writeString(obs, badValue + notJson, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Path out = tmp.resolve("broken-out");
        ScreeningFixtures.Run run = ScreeningFixtures.cli("screen", "--input", broken.toString(), "--output", out.toString(),
                "--as-of", "2026-11-01", "--no-progress");
        assertEquals(0, run.exit(), run.err());
        List<JsonNode> errors = new ArrayList<>();
        for (String l : Files.readAllLines(out.resolve("errors.ndjson"))) errors.add(JSON.readTree(l));
        assertEquals(2, errors.size(), errors.toString());
        JsonNode first = errors.stream().filter(e -> e.path("patient").asText().equals(pids.get(0))).findFirst().orElseThrow();
        assertEquals("REFUSED", first.path("outcome").asText());
        JsonNode p = first.path("problems").get(0);
        assertEquals("Observation.ndjson", p.path("file").asText());
        assertEquals(before + 1, p.path("line").asLong());
        assertEquals("Observation/bad-egfr", p.path("resource").asText());
        assertTrue(p.path("field").asText().startsWith("Observation.value"), p.toString());
        JsonNode second = errors.stream().filter(e -> e.path("patient").asText().equals(pids.get(1))).findFirst().orElseThrow();
        assertEquals(before + 2, second.path("problems").get(0).path("line").asLong());
        assertTrue(second.path("problems").get(0).path("message").asText().startsWith("not JSON"), second.toString());
        assertEquals(2, ScreeningFixtures.csvRows(out.resolve("summary.csv")).size(), "4 in = 2 rows + 2 refused");

        Path partial = tmp.resolve("broken-partial");
        run = ScreeningFixtures.cli("screen", "--input", broken.toString(), "--output", partial.toString(),
                "--as-of", "2026-11-01", "--allow-partial", "--no-progress");
        assertEquals(0, run.exit(), run.err());
        assertEquals(4, ScreeningFixtures.csvRows(partial.resolve("summary.csv")).size());
        List<String> partialErrors = Files.readAllLines(partial.resolve("errors.ndjson"));
        assertEquals(2, partialErrors.size());
        assertTrue(partialErrors.stream().allMatch(l -> l.contains("\"PARTIAL\"")), partialErrors.toString());
        for (String line : Files.readAllLines(partial.resolve("assessments.ndjson"))) {
            JsonNode a = JSON.readTree(line);
            boolean hit = pids.subList(0, 2).contains(a.path("patient").path("id").asText());
            boolean gap = a.path("dataGaps").findValuesAsText("code").contains("UNREADABLE_INPUT");
            assertEquals(hit, gap, "UNREADABLE_INPUT gap only for the patients with a broken line: " + a.path("patient"));
        }
    }

    @Test
    void theReadmeQuestionsAreAnsweredFromTheSummary() throws Exception {
        String summary = ScreeningFixtures.parquetSource(out1.resolve("summary.parquet"));
        List<String> isaKd = ScreeningFixtures.query("SELECT patient_id FROM " + summary
                + " WHERE isa_kd_status IN ('ELIGIBLE', 'ELIGIBLE_WITH_CAUTIONS') ORDER BY isa_kd_rank, patient_id");
        List<String> expected = new ArrayList<>();
        for (String row : ScreeningFixtures.csvRows(out1.resolve("summary.csv"))) {
            String[] f = row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            int col = org.myelomacds.bulk.SummaryColumns.names().indexOf("isa_kd_status");
            if (f[col].startsWith("ELIGIBLE")) expected.add(f[0].replace("\"", ""));
        }
        assertEquals(new TreeSet<>(expected), new TreeSet<>(isaKd));
        assertFalse(isaKd.isEmpty());
        List<String> washout = ScreeningFixtures.query("SELECT patient_id, washout_adequate_from FROM " + summary
                + " WHERE washout_adequate_from IS NOT NULL ORDER BY washout_adequate_from");
        assertFalse(washout.isEmpty(), "the short-washout sample has an adequate-from date");
        List<String> hbv = ScreeningFixtures.query("SELECT patient_id FROM " + summary
                + " WHERE (list_contains(flags_warning, 'HBV_SCREENING') OR list_contains(flags_warning, 'TYPE_AND_SCREEN'))"
                + " AND len(list_filter(recommended, r -> r LIKE 'DARA%')) > 0");
        assertFalse(hbv.isEmpty());
    }

    @Test
    void usageAndUnreadableInputFollowTheCliExitCodes() {
        assertEquals(2, ScreeningFixtures.cli("screen", "--output", tmp.resolve("x").toString()).exit(), "--input is required");
        assertEquals(2, ScreeningFixtures.cli("screen", "--input", export.toString(), "--output", tmp.resolve("x").toString(),
                "--memory-budget", "lots").exit());
        assertEquals(2, ScreeningFixtures.cli("screen", "--input", export.toString(), "--output", tmp.resolve("x").toString(),
                "--engine", "hadoop").exit());
        ScreeningFixtures.Run missing = ScreeningFixtures.cli("screen", "--input", tmp.resolve("nowhere").toString(),
                "--output", tmp.resolve("x").toString());
        assertEquals(3, missing.exit());
        assertTrue(missing.err().contains("is not a directory"), missing.err());
    }
}
