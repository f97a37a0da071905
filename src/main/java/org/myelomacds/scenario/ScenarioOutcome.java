package org.myelomacds.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.facts.Jurisdiction;

import java.util.Map;
import java.util.Optional;

/**
 * What one scenario gave under one rulebase: the expected-result view of the assessments (per jurisdiction), the
 * file's expected result if there is one, their field-by-field differences, and the full assessments for tools that
 * need more than the pinned fields (coverage, rule diffs). {@code error} is set when the scenario could not run.
 */
public record ScenarioOutcome(Scenario scenario, JsonNode actual, JsonNode expected, String diff, String error,
                              Map<Jurisdiction, Assessment> assessments) {

    public boolean passed() {
        return error == null && expected != null && diff.isEmpty();
    }

    public Optional<String> problem() {
        if (error != null) return Optional.of(error);
        if (expected == null) return Optional.of("no expected result at " + scenario.expectedFile().getFileName());
        if (!diff.isEmpty()) return Optional.of(diff);
        return Optional.empty();
    }
}
