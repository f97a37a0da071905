package org.myelomacds.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.fhir.BundleReader;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs scenarios through the whole engine (read, map, evaluate) under a given rulebase, in every jurisdiction, and
 * compares each with its expected result. The same runner serves the scenario tests, {@code rules test} and
 * {@code rules diff}, and the gate a hot reload must pass, so all of them mean the same thing by "the scenarios pass".
 */
public final class ScenarioRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Rulebase rulebase;
    private final BundleReader reader;

    public ScenarioRunner(Rulebase rulebase) {
        this(rulebase, new BundleReader());
    }

    public ScenarioRunner(Rulebase rulebase, BundleReader reader) {
        this.rulebase = rulebase;
        this.reader = reader;
    }

    public List<ScenarioOutcome> runAll(List<Scenario> scenarios) {
        List<ScenarioOutcome> out = new ArrayList<>();
        for (Scenario s : scenarios) out.add(run(s));
        return out;
    }

    public ScenarioOutcome run(Scenario scenario) {
        JsonNode expected = null;
        try {
            if (Files.exists(scenario.expectedFile())) expected = JSON.readTree(scenario.expectedFile().toFile());
            LocalDate asOf = asOf(expected);
            byte[] bundle = Files.readAllBytes(scenario.bundle());
            Evaluator evaluator = new Evaluator(rulebase);
            ObjectNode actual = JSON.createObjectNode();
            actual.put("asOf", asOf.toString());
            Map<Jurisdiction, Assessment> assessments = new EnumMap<>(Jurisdiction.class);
            for (Jurisdiction j : Jurisdiction.values()) {
                Assessment a = evaluator.evaluate(reader.read(bundle, asOf, rulebase.terminology()), new EvaluationContext(asOf, j));
                assessments.put(j, a);
                actual.set(j.name(), ExpectedResult.of(a));
            }
            String diff = expected == null ? "" : ExpectedResult.diff(expected, actual, "");
            return new ScenarioOutcome(scenario, actual, expected, diff, null, Map.copyOf(assessments));
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ScenarioOutcome(scenario, null, expected, "", scenario.bundle().getFileName() + ": " + message, Map.of());
        }
    }

    /** Writes the actual result as the scenario's expected file, in the layout the tests and reviewers read. */
    public static void writeExpected(ScenarioOutcome outcome) throws IOException {
        if (outcome.actual() == null) throw new IOException("cannot write an expected result for a scenario that failed to run: " + outcome.error());
        Files.writeString(outcome.scenario().expectedFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(outcome.actual()) + "\n");
    }

    private static LocalDate asOf(JsonNode expected) {
        if (expected != null && expected.hasNonNull("asOf")) return LocalDate.parse(expected.get("asOf").asText());
        return ScenarioSuite.DEFAULT_AS_OF;
    }
}
