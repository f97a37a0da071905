package org.myelomacds.authoring;

import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.scenario.Scenario;
import org.myelomacds.scenario.ScenarioOutcome;
import org.myelomacds.scenario.ScenarioRunner;
import org.myelomacds.scenario.ScenarioSuite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every scenario of a samples directory and every rule unit case of a rule directory, run under that rule directory
 * compiled at run time: what {@code rules test}, {@code rules coverage} and {@code rules diff} all start from.
 */
public record SuiteRun(Rulebase rulebase, List<ScenarioOutcome> scenarios, List<RuleCaseRunner.Outcome> cases) {

    public static SuiteRun of(Path rulesDir, Path samplesDir, Predicate<String> select) throws RulebaseException, IOException {
        Rulebase rulebase = Rulebase.compileDirectory(rulesDir);
        return of(rulebase, rulesDir, samplesDir, select);
    }

    public static SuiteRun of(Rulebase rulebase, Path rulesDir, Path samplesDir, Predicate<String> select) throws IOException {
        BundleReader reader = new BundleReader();
        List<Scenario> scenarios = ScenarioSuite.in(samplesDir).stream().filter(s -> select.test(s.name())).toList();
        List<RuleCase> cases = RuleCaseSuite.load(rulesDir, samplesDir).stream().filter(c -> select.test(c.name())).toList();
        return new SuiteRun(rulebase, new ScenarioRunner(rulebase, reader).runAll(scenarios),
                new RuleCaseRunner(rulebase, reader).runAll(cases));
    }

    public long scenarioFailures() { return scenarios.stream().filter(o -> !o.passed()).count(); }
    public long caseFailures() { return cases.stream().filter(o -> !o.passed()).count(); }
}
