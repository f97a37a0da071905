package org.myelomacds.authoring;

import org.myelomacds.engine.CompileMode;
import org.myelomacds.engine.RuleFiles;
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
public record SuiteRun(Rulebase rulebase, RuleFiles files, List<ScenarioOutcome> scenarios, List<RuleCaseRunner.Outcome> cases) {

    public static SuiteRun of(Path rulesDir, Path samplesDir, Predicate<String> select) throws RulebaseException, IOException {
        RuleFiles files;
        try {
            files = RuleFiles.fromDirectory(rulesDir);
        } catch (IOException e) {
            throw new RulebaseException("cannot read rules: " + e.getMessage(), List.of());
        }
        return of(Rulebase.compile(files, CompileMode.DRL), files, rulesDir, samplesDir, select);
    }

    public static SuiteRun of(Rulebase rulebase, RuleFiles files, Path rulesDir, Path samplesDir, Predicate<String> select) throws IOException {
        BundleReader reader = new BundleReader();
        List<Scenario> scenarios = ScenarioSuite.in(samplesDir).stream().filter(s -> select.test(s.name())).toList();
        List<RuleCase> cases = RuleCaseSuite.load(rulesDir, samplesDir).stream().filter(c -> select.test(c.name())).toList();
        return new SuiteRun(rulebase, files, new ScenarioRunner(rulebase, reader).runAll(scenarios),
                new RuleCaseRunner(rulebase, reader).runAll(cases));
    }

    public long scenarioFailures() { return scenarios.stream().filter(o -> !o.passed()).count(); }
    public long caseFailures() { return cases.stream().filter(o -> !o.passed()).count(); }
}
