package org.myelomacds.scenario;

import org.myelomacds.engine.ReloadGate;
import org.myelomacds.engine.Rulebase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hot-reload gate of the server: every scenario of a samples directory (bundle + expected result) must still
 * give its expected result with the candidate rulebase, read and evaluated as evaluate would.
 */
public final class ScenarioGate implements ReloadGate {
    private final Path samplesDir;

    private ScenarioGate(Path samplesDir) {
        this.samplesDir = samplesDir.toAbsolutePath().normalize();
    }

    public static ScenarioGate in(Path samplesDir) {
        return new ScenarioGate(samplesDir);
    }

    @Override
    public List<String> failures(Rulebase candidate) throws IOException {
        List<Scenario> scenarios = ScenarioSuite.in(samplesDir);
        List<String> failures = new ArrayList<>();
        for (ScenarioOutcome o : new ScenarioRunner(candidate).runAll(scenarios)) {
            if (o.passed()) continue;
            failures.add(o.error() == null && o.expected() != null
                    ? "scenario " + o.scenario().name() + " no longer gives its expected result:\n" + o.diff().stripTrailing()
                    : "scenario " + o.scenario().name() + ": " + o.problem().orElse("failed"));
        }
        return failures;
    }

    @Override public Path location() { return samplesDir; }

    @Override public String kind() { return "scenario"; }
}
