package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.scenario.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hot reload on a copy of rules/ in a temporary directory, gated by the project's fhir-samples scenarios. */
class WatchingRulebaseSourceTest {
    private static final String PROBE_NAME = "HOTRELOAD-PROBE-01: a rule added while the server runs";
    private static final String PROBE = """

            rule "%s"
                @evidence("LELEU22")
            when
                eval(false)
            then
            end
            """.formatted(PROBE_NAME);

    @TempDir
    Path tmp;

    private Path copyOfRules() throws IOException {
        Path source = Samples.projectDir().resolve("rules");
        Path target = tmp.resolve("rules");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return target;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    private static void waitFor(BooleanSupplier condition, Duration max, String what) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    /**
     * Long against the 60 ms between the burst's writes: a busy CI machine can stall the test thread for a few hundred
     * ms between two writes, and with a short interval (300 ms) such a stall split the burst into two reloads.
     */
    private static final Duration BURST_DEBOUNCE = Duration.ofSeconds(2);

    @Test
    void aBurstOfGoodEditsIsDebouncedIntoOneSwapAndCloseStopsTheWatcher() throws Exception {
        Path rules = copyOfRules();
        Path logistics = rules.resolve("flags/logistics.drl");
        try (WatchingRulebaseSource source = WatchingRulebaseSource.start(rules, org.myelomacds.scenario.ScenarioGate.in(Samples.samplesDir()), BURST_DEBOUNCE)) {
            String before = source.current().sha256();
            assertTrue(source.lastReload().isEmpty());
            assertFalse(source.current().ruleNames().contains(PROBE_NAME));

            // An editor saving in several writes, each well inside the debounce interval.
            append(logistics, "\n// edited while serving");
            for (int i = 0; i < 4; i++) {
                Thread.sleep(60);
                append(logistics, i == 3 ? PROBE : "\n// edit " + i);
            }
            waitFor(() -> source.lastReload().isPresent(), Duration.ofMinutes(3), "the reload after the edits");
            ReloadAttempt attempt = source.lastReload().orElseThrow();
            assertTrue(attempt.swapped(), () -> "problems: " + attempt.problems());
            assertEquals(List.of(), attempt.problems());
            assertNotEquals(before, source.current().sha256());
            assertEquals(attempt.candidateSha256(), source.current().sha256());
            assertEquals(RuleFiles.fromDirectory(rules).sha256(), source.current().sha256(), "the swapped rulebase has the final edit");
            assertTrue(source.current().ruleNames().contains(PROBE_NAME), "the new rule is in the served rulebase");
            // Nothing pending may fire later: a second attempt would come at the latest one interval after the last event.
            Thread.sleep(BURST_DEBOUNCE.plusSeconds(1).toMillis());
            assertEquals(1, source.attemptCount(), "five writes within the debounce interval make one reload attempt");

            assertTrue(source.watching());
            source.close();
            assertFalse(source.watching(), "close() stops the watcher thread");
            append(logistics, "\n// edited after close");
            Thread.sleep(BURST_DEBOUNCE.plusSeconds(1).toMillis());
            assertEquals(1, source.attemptCount(), "no reload after close");
        }
    }

    @Test
    void badEditsKeepTheLastGoodRulebaseAndInFlightEvaluationsKeepTheirs() throws Exception {
        Path rules = copyOfRules();
        Path logistics = rules.resolve("flags/logistics.drl");
        String original = Files.readString(logistics);
        try (WatchingRulebaseSource source = WatchingRulebaseSource.start(rules, org.myelomacds.scenario.ScenarioGate.in(Samples.samplesDir()), Duration.ofHours(1))) {
            Rulebase good = source.current();

            // A syntax error: refused, with the file and line of the problem.
            int brokenLine = (int) original.lines().count() + 3;
            append(logistics, "\n\nrule \"BROKEN-01: half-typed\" @evidence(\"LELEU22\")\nwhen\n    CurrentResult( kind == )\nthen\nend\n");
            ReloadAttempt broken = source.reloadNow();
            assertFalse(broken.swapped());
            assertFalse(broken.problems().isEmpty());
            assertTrue(broken.problems().stream().anyMatch(p -> p.matches("(?s).*logistics\\.drl:\\d+.*")), () -> "problems: " + broken.problems());
            int reported = broken.problems().stream().filter(p -> p.matches("(?s).*logistics\\.drl:\\d+.*"))
                    .mapToInt(p -> Integer.parseInt(p.replaceFirst("(?s).*?logistics\\.drl:(\\d+).*", "$1"))).min().orElseThrow();
            assertTrue(reported >= brokenLine && reported <= brokenLine + 4, "error reported at line " + reported + ", rule starts at " + brokenLine);
            assertEquals(good.sha256(), source.current().sha256());
            assertTrue(source.current() == good, "the last good rulebase keeps serving");
            assertEquals(broken, source.lastReload().orElseThrow());

            // Compiles, but changes what the scenarios expect: refused, with the scenario diff.
            Files.writeString(logistics, original.replaceFirst("\"TYPE_AND_SCREEN\"", "\"TYPE_AND_SCREEN_RENAMED\""));
            ReloadAttempt scenarioBreaking = source.reloadNow();
            assertFalse(scenarioBreaking.swapped());
            assertNotEquals(good.sha256(), scenarioBreaking.candidateSha256());
            String all = String.join("\n", scenarioBreaking.problems());
            assertTrue(all.contains("no longer gives its expected result"), all);
            assertTrue(all.contains(".flags.TYPE_AND_SCREEN: expected {") && all.contains("TYPE_AND_SCREEN_RENAMED"), all);
            assertTrue(source.current() == good);

            // Compiles and keeps every flag code, but downgrades a safety flag from WARNING to INFO: refused too, because
            // the scenarios pin each flag's severity and the regimens it is raised for.
            Path safety = rules.resolve("flags/safety.drl");
            String safetyOriginal = Files.readString(safety);
            Files.writeString(logistics, original);
            Files.writeString(safety, safetyOriginal.replace("\"HBV_SCREENING\", FlagSeverity.WARNING", "\"HBV_SCREENING\", FlagSeverity.INFO"));
            ReloadAttempt downgraded = source.reloadNow();
            assertFalse(downgraded.swapped());
            String downgradeProblems = String.join("\n", downgraded.problems());
            assertTrue(downgradeProblems.contains(".flags.HBV_SCREENING.WARNING: expected [") && downgradeProblems.contains(".flags.HBV_SCREENING.INFO: expected null"),
                    downgradeProblems);
            assertTrue(source.current() == good);
            Files.writeString(safety, safetyOriginal);

            // A good edit swaps, and an evaluation that took the old rulebase before the swap finishes with it.
            byte[] bundle = Files.readAllBytes(Samples.samplesDir().resolve("rrmm-copd.json"));
            PatientRecord record = new BundleReader().read(bundle, Samples.AS_OF, good.terminology());
            EvaluationContext ctx = new EvaluationContext(Samples.AS_OF, Jurisdiction.US);
            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicReference<String> mismatch = new AtomicReference<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread requests = new Thread(() -> {
                while (!stop.get()) {
                    Rulebase taken = source.current();
                    Assessment a = new Evaluator(taken).evaluate(record, ctx);
                    seen.add(a.rulebase().sha256());
                    if (!a.rulebase().sha256().equals(taken.sha256())) mismatch.set(a.rulebase().sha256() + " != " + taken.sha256());
                }
            });
            requests.setDaemon(true);
            requests.start();
            final ReloadAttempt swapped;
            try {
                // The swap must come after a request has run on the old rulebase; a starved request thread might not get there first.
                waitFor(() -> seen.contains(good.sha256()), Duration.ofSeconds(30), "a request on the old rulebase");
                Rulebase inFlight = source.current();
                Files.writeString(logistics, original + PROBE);
                swapped = source.reloadNow();
                assertTrue(swapped.swapped(), () -> "problems: " + swapped.problems());
                Assessment finished = new Evaluator(inFlight).evaluate(record, ctx);
                assertEquals(good.sha256(), finished.rulebase().sha256(), "an evaluation holding the old rulebase completes with it");
                waitFor(() -> seen.contains(swapped.candidateSha256()), Duration.ofSeconds(30), "a request on the new rulebase");
            } finally {
                // Also on a failed assertion: a request loop left spinning would slow every later test in this JVM.
                stop.set(true);
                requests.join(30_000);
            }
            assertNull(mismatch.get(), "no evaluation mixed two rulebases");
            assertTrue(seen.contains(good.sha256()) && seen.contains(swapped.candidateSha256()));
            assertEquals(swapped.candidateSha256(), source.current().sha256());
            assertTrue(source.current().ruleNames().contains(PROBE_NAME));

            // Touching a file without changing its content is not a new rulebase.
            ReloadAttempt same = source.reloadNow();
            assertFalse(same.swapped());
            assertEquals(List.of(), same.problems());
            assertEquals(swapped.candidateSha256(), source.current().sha256());
        }
    }

    @Test
    void aTerminologyEditIsReadThroughTheScenarioGate() throws Exception {
        Path rules = copyOfRules();
        Path copd = rules.resolve("terminology/condition-copd.json");
        String original = Files.readString(copd);
        byte[] bundle = Files.readAllBytes(Samples.samplesDir().resolve("rrmm-copd.json"));
        String code = "\"code\": \"13645005\"";
        try (WatchingRulebaseSource source = WatchingRulebaseSource.start(rules, org.myelomacds.scenario.ScenarioGate.in(Samples.samplesDir()), Duration.ofHours(1))) {
            Rulebase good = source.current();

            // Malformed: refused with the file and line, the last good rulebase keeps serving.
            Files.writeString(copd, original.replace("\"compose\": {", "\"compose\": {,"));
            ReloadAttempt malformed = source.reloadNow();
            assertFalse(malformed.swapped());
            assertTrue(malformed.problems().stream().anyMatch(p -> p.matches(".*rules/terminology/condition-copd\\.json:\\d+:\\d+: error: not valid JSON.*")),
                    () -> "problems: " + malformed.problems());
            assertTrue(source.current() == good);

            // Well-formed, but the COPD patient's J44.9 is no longer COPD: the scenarios refuse it.
            Files.writeString(copd, original.replace("\"value\": \"J44\"", "\"value\": \"J44.0\""));
            ReloadAttempt moved = source.reloadNow();
            assertFalse(moved.swapped());
            assertTrue(String.join("\n", moved.problems()).contains("rrmm-copd"), () -> "problems: " + moved.problems());
            assertTrue(source.current() == good);

            // A code added to a concept: swapped, and bundles are read with it from then on.
            String extra = "{\"code\": \"999000001\", \"display\": \"test code\", \"extension\": [{\"url\": "
                    + "\"https://myeloma-cds.org/fhir/StructureDefinition/verification\", \"valueCode\": \"U\"}]},\n          {\n            " + code;
            Files.writeString(copd, original.replaceFirst("\\{\\s*" + java.util.regex.Pattern.quote(code), java.util.regex.Matcher.quoteReplacement(extra)));
            assertFalse(good.terminology().contains("condition-copd", "http://snomed.info/sct", "999000001"));
            ReloadAttempt added = source.reloadNow();
            assertTrue(added.swapped(), () -> "problems: " + added.problems());
            assertNotEquals(good.sha256(), source.current().sha256(), "the sha256 covers the terminology");
            assertTrue(source.current().terminology().contains("condition-copd", "http://snomed.info/sct", "999000001"));
            com.fasterxml.jackson.databind.JsonNode tree = BundleReader.jsonMapper().readTree(bundle);
            for (com.fasterxml.jackson.databind.JsonNode e : tree.path("entry")) {
                if ("copd-1".equals(e.path("resource").path("id").asText())) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) e.path("resource").path("code").path("coding").get(0))
                            .put("system", "http://snomed.info/sct").put("code", "999000001");
                }
            }
            PatientRecord record = new BundleReader().read(tree, Samples.AS_OF, source.current().terminology());
            assertTrue(record.conditions().stream().anyMatch(c -> c.getKind() == org.myelomacds.facts.ConditionKind.COPD
                    && c.getCode().endsWith("|999000001")), () -> "conditions: " + record.conditions().stream().map(c -> c.getCode()).toList());
        }
    }

    @Test
    void anInitialLoadThatDoesNotCompileFailsLoudly() throws Exception {
        Path rules = copyOfRules();
        append(rules.resolve("flags/logistics.drl"), "\nrule \"BROKEN-02: x\"\nwhen\n    this is not DRL\nthen\nend\n");
        RulebaseException e = assertThrows(RulebaseException.class, () -> WatchingRulebaseSource.start(rules, org.myelomacds.scenario.ScenarioGate.in(Samples.samplesDir())));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().endsWith("logistics.drl") && p.line() > 0), () -> "problems: " + e.problems());
    }

    @Test
    void anInitialLoadThatFailsAScenarioFailsLoudly() throws Exception {
        Path rules = copyOfRules();
        Path logistics = rules.resolve("flags/logistics.drl");
        Files.writeString(logistics, Files.readString(logistics).replaceFirst("\"TYPE_AND_SCREEN\"", "\"TYPE_AND_SCREEN_RENAMED\""));
        RulebaseException e = assertThrows(RulebaseException.class, () -> WatchingRulebaseSource.start(rules, org.myelomacds.scenario.ScenarioGate.in(Samples.samplesDir())));
        assertTrue(e.getMessage().contains("scenario"), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("TYPE_AND_SCREEN_RENAMED")), () -> "problems: " + e.problems());
    }
}
