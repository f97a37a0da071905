package org.myelomacds.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelomacds.scenario.Samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every exit code of the contract (ARCHITECTURE.md §7), with what stdout and stderr carry. */
class CliTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A patient with ranked options, by name: the alphabetically first sample may have none. */
    static String sample() { return Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json").toString(); }

    @Test
    void evaluatePrintsTheAssessmentJsonAndExitsZero() throws IOException {
        Run r = run("evaluate", sample(), "--as-of", "2026-11-01");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("2026-11-01", json.get("asOf").asText());
        assertEquals("US", json.get("jurisdiction").asText());
        assertEquals(64, json.get("rulebase").get("sha256").asText().length());
        assertEquals(11, json.get("recommendations").size() + json.get("notRecommended").size());
        assertEquals("", r.err().strip(), "nothing on stderr for a clean run");
    }

    @Test
    void dashReadsTheBundleFromStandardInput() throws IOException {
        java.io.InputStream original = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(Path.of(sample()))));
            Run fromStdin = run("evaluate", "-", "--as-of", "2026-11-01");
            assertEquals(0, fromStdin.code(), fromStdin.err());
            assertEquals(run("evaluate", sample(), "--as-of", "2026-11-01").out(), fromStdin.out());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void markdownFormatIsTheTumourBoardReportAsReportWritesIt() {
        Run r = run("evaluate", sample(), "--as-of", "2026-11-01", "--format", "markdown", "--jurisdiction", "EU");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# Tumour-board report: patient "), r.out());
        assertTrue(r.out().contains("; jurisdiction EU._"), r.out());
        assertTrue(r.out().contains("Decision support for clinicians; not a prescription."));
        Run report = run("report", sample(), "--as-of", "2026-11-01", "--format", "markdown", "--jurisdiction", "EU");
        assertEquals(report.out(), r.out(), "one Markdown document for the same patient");
    }

    @Test
    void htmlFormatIsTheTumourBoardReportOfTheSameAssessment() throws IOException {
        Run json = run("evaluate", sample(), "--as-of", "2026-11-01");
        Run html = run("evaluate", sample(), "--as-of", "2026-11-01", "--format", "html");
        assertEquals(0, html.code(), html.err());
        assertTrue(html.out().startsWith("<!DOCTYPE html>"), html.out().substring(0, 40));
        String sha = new ObjectMapper().readTree(json.out()).get("rulebase").get("sha256").asText();
        assertTrue(html.out().contains(sha), "the report names the rulebase it was made with");
        assertTrue(html.out().contains("Decision support for clinicians; not a prescription."));
    }

    @Test
    void cardsFormatIsThePatientViewResponseTheServerWouldSend() throws IOException {
        Run r = run("evaluate", sample(), "--as-of", "2026-11-01", "--format", "cards");
        assertEquals(0, r.code(), r.err());
        JsonNode cards = new ObjectMapper().readTree(r.out()).get("cards");
        JsonNode assessment = new ObjectMapper().readTree(run("evaluate", sample(), "--as-of", "2026-11-01").out());
        // The summary card names the top option; the same run prints the same cards (uuids derived, not random).
        JsonNode top = assessment.get("recommendations").get(0);
        assertTrue(cards.get(0).get("summary").asText().startsWith("Anti-CD38 options: 1 "), cards.get(0).toString());
        assertEquals(top.get("regimen").asText(), cards.get(0).get("source").get("topic").get("code").asText());
        assertEquals(r.out(), run("evaluate", sample(), "--as-of", "2026-11-01", "--format", "cards").out());
        for (JsonNode card : cards) {
            assertTrue(card.get("summary").asText().length() < 140, card.toString());
            assertTrue(card.hasNonNull("uuid") && card.hasNonNull("indicator") && card.get("source").hasNonNull("label"), card.toString());
            assertFalse(card.has("links"), "no report to link to from the command line");
        }
        assertFalse(r.out().contains("null"), "CDS Hooks responses never carry null");
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run().code());
        assertEquals(2, run("evaluate").code());
        assertEquals(2, run("evaluate", sample(), "--as-of", "21/11/2026").code());
        assertEquals(2, run("evaluate", sample(), "--jurisdiction", "JP").code());
        assertEquals(2, run("evaluate", sample(), "--format", "pdf").code());
        assertEquals(2, run("frobnicate").code());
    }

    @Test
    void theUsageAndTypoSuggestionsKnowEveryCommand() {
        for (Run r : new Run[] {run("--help"), run("help")}) {
            String text = r.out() + r.err();
            for (String command : new String[] {"evaluate", "report", "serve", "hook-request", "load", "rules", "bench"}) {
                assertTrue(text.contains("  " + command + " "), command + " missing from:\n" + text);
            }
        }
        assertTrue(run("evalute").err().contains("Did you mean: myeloma-cds evaluate?"));
        Run help = run("evaluate", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: myeloma-cds evaluate"), help.out());
    }

    @Test
    void missingFileExitsThreeAndNamesIt() {
        Run r = run("evaluate", "/nonexistent/bundle.json");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("/nonexistent/bundle.json"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void malformedJsonExitsThreeWithLineAndColumn(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"resourceType\": \"Bundle\",\n \"entry\": [ {\"resource\": }\n");
        Run r = run("evaluate", f.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().toLowerCase(java.util.Locale.ROOT).contains("line"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "the refusal is said once:\n" + r.err());
        assertEquals("", r.out());
    }

    @Test
    void notABundleExitsThree(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("patient.json");
        Files.writeString(f, "{\"resourceType\": \"Patient\", \"id\": \"p1\"}");
        Run r = run("evaluate", f.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("Patient"), r.err());
    }

    @Test
    void bundleWithoutPatientExitsThree(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("nopatient.json");
        Files.writeString(f, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"109989006\"}]}}}]}");
        Run r = run("evaluate", f.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().toLowerCase(java.util.Locale.ROOT).contains("patient"), r.err());
    }

    @Test
    void aDeceasedPatientExitsThreeAndIsNeverAssessed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("deceased.json");
        Files.writeString(f, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"1950-01-01\",\"deceasedDateTime\":\"2024-05-01\"}},"
                + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/p1\"},\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"109989006\"}]}}}]}");
        Run r = run("evaluate", f.toString(), "--as-of", "2026-11-01");
        assertEquals(3, r.code(), r.err());
        assertEquals("", r.out(), "no assessment is printed");
        assertTrue(r.err().contains("deceased on 2024-05-01"), r.err());
        Run report = run("report", f.toString(), "--as-of", "2026-11-01", "--output", dir.resolve("report.html").toString());
        assertEquals(3, report.code(), report.err());
        assertTrue(report.err().contains("deceased"), report.err());
        Run replay = run("evaluate", f.toString(), "--as-of", "2024-04-30");
        assertEquals(0, replay.code(), "a replay before the death assesses the living patient: " + replay.err());
    }

    @Test
    void unconvertibleUnitExitsThreeUnlessPartialEvaluationIsAsked(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("stone.json");
        Files.writeString(f, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"male\",\"birthDate\":\"1955-01-01\"}},"
                + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"mm\",\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"109989006\"}]}}},"
                + "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"wt\",\"status\":\"final\",\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"29463-7\"}]},\"effectiveDateTime\":\"2026-10-01\","
                + "\"valueQuantity\":{\"value\":12,\"unit\":\"stone\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"[stone_av]\"}}}]}");
        Run refused = run("evaluate", f.toString(), "--as-of", "2026-11-01");
        assertEquals(3, refused.code(), refused.err());
        assertTrue(refused.err().contains("Observation/wt"), refused.err());
        assertTrue(refused.err().contains("Bundle.entry[2]"), refused.err());
        assertEquals("", refused.out());

        Run partial = run("evaluate", f.toString(), "--as-of", "2026-11-01", "--allow-partial");
        assertEquals(0, partial.code(), partial.err());
        assertTrue(partial.out().contains("\"UNREADABLE_INPUT\""), partial.out());
    }

    @Test
    void brokenRuleFileExitsFourWithFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Path drl = rules.resolve("eligibility/isa-kd.drl");
        String original = Files.readString(drl);
        String text = original.replace("TherapyHistory( priorLines >= 1, priorLines <= linesIsaKdUsMax() )",
                "TherapyHistory( priorLines >= 1, priorLines <== linesIsaKdUsMax() )");
        assertTrue(!text.equals(original), "test setup: the constraint to break is no longer in isa-kd.drl");
        Files.writeString(drl, text);
        Run r = run("evaluate", sample(), "--rules", rules.toString());
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().matches("(?s).*rules/eligibility/isa-kd\\.drl:\\d+.*"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void serveWithABrokenRuleFileExitsFourAndNamesEachProblemOnce(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Path samples = Files.createDirectories(dir.resolve("fhir-samples"));
        try (Stream<Path> s = Files.list(Samples.samplesDir())) {
            for (Path p : (Iterable<Path>) s::iterator) Files.copy(p, samples.resolve(p.getFileName().toString()));
        }
        Path drl = rules.resolve("flags/renal.drl");
        Files.writeString(drl, Files.readString(drl).replaceFirst("(?m)^then$", "thenx ("));
        Run r = run("serve", "--rules", rules.toString(), "--port", "0", "--dev");
        assertEquals(4, r.code(), r.err());
        String located = rules + "/flags/renal.drl:";
        assertEquals(1, r.err().split(java.util.regex.Pattern.quote(located), -1).length - 1,
                "the problem is printed once, under the directory given: " + r.err());
        assertTrue(r.err().startsWith("myeloma-cds: rulebase from "), r.err());
    }

    @Test
    void ruleCitingUnknownEvidenceExitsFour(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Path drl = rules.resolve("eligibility/isa-kd.drl");
        Files.writeString(drl, Files.readString(drl).replaceFirst("@evidence\\(SARC-USPI\\)", "@evidence(NO-SUCH-TRIAL)"));
        Run r = run("evaluate", sample(), "--rules", rules.toString());
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains("NO-SUCH-TRIAL"), r.err());
        assertTrue(r.err().contains(rules + "/eligibility/isa-kd.drl:"), "the directory given, not rules/: " + r.err());
    }

    @Test
    void runtimeRulesDirectoryIsUsedWhenGiven(@TempDir Path dir) throws IOException {
        Run r = run("evaluate", sample(), "--as-of", "2026-11-01", "--rules", copyRules(dir).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"mode\" : \"DRL\""), "run-time compiled rulebase reported");
    }

    static Path copyRules(Path dir) throws IOException {
        Path src = Samples.projectDir().resolve("rules");
        Path dst = dir.resolve("rules");
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return dst;
    }

    /**
     * Every command and subcommand, found by walking the command tree (so a new one is covered): --version answers
     * with the project's version, --help has an "Exit codes" section, and every placeholder is an upper-case word such
     * as FILE or DIR, never picocli's default <fieldName>.
     */
    @Test
    void everyCommandHasVersionExitCodesAndConsistentPlaceholders() {
        picocli.CommandLine root = new picocli.CommandLine(new Main(), new Main.StreamFactory(System.out, System.err));
        for (Class<?> c : Main.COMMANDS) root.addSubcommand(c);
        java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
        collect(root, new java.util.ArrayList<>(), paths);
        assertTrue(paths.size() >= 15, "the walk found the commands: " + paths);
        for (java.util.List<String> path : paths) {
            if (path.equals(java.util.List.of("help"))) continue;
            java.util.List<String> args = new java.util.ArrayList<>(path);
            args.add("--version");
            Run v = run(args.toArray(String[]::new));
            assertEquals(0, v.code(), path + " --version: " + v.err());
            assertTrue(v.out().startsWith("myeloma-cds "), path + " --version: " + v.out());
            args.set(args.size() - 1, "--help");
            Run h = run(args.toArray(String[]::new));
            assertEquals(0, h.code(), path + " --help: " + h.err());
            assertTrue(h.out().contains("Exit codes"), path + " --help has no Exit codes section:\n" + h.out());
            assertTrue(!h.out().matches("(?s).*<[A-Za-z][A-Za-z0-9-]*>.*"), path + " --help has a default <placeholder>:\n" + h.out());
            assertTrue(!h.out().contains("\u001b["), path + " --help has ANSI escape codes");
        }
    }

    private static void collect(picocli.CommandLine cli, java.util.List<String> prefix, java.util.List<java.util.List<String>> out) {
        for (var e : cli.getSubcommands().entrySet()) {
            java.util.List<String> path = new java.util.ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path);
            collect(e.getValue(), path, out);
        }
    }
}
