package org.myelomacds.authoring;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule unit case of rules/tests/, under the build-time rulebase the jar ships (rules test runs them on the DRL). */
class RuleCasesTest {
    @TestFactory
    Stream<DynamicTest> everyRuleCasePasses() throws Exception {
        Path project = Samples.projectDir();
        List<RuleCase> cases = RuleCaseSuite.load(project.resolve("rules"), project.resolve("fhir-samples"));
        assertFalse(cases.isEmpty(), "no rule cases found under rules/tests");
        RuleCaseRunner runner = new RuleCaseRunner(Rulebase.shipped());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.where(), () -> {
            RuleCaseRunner.Outcome o = runner.run(c);
            assertTrue(o.passed(), c.where() + ": " + (o.error() != null ? o.error() : String.join("\n", o.failures())));
        }));
    }
}
