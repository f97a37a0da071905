package org.myelomacds.authoring;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static RuleCase isaPdCandidate(RuleCase.Expect expect) {
        Path samples = Samples.projectDir().resolve("fhir-samples");
        return new RuleCase("probe", samples.resolve("probe.yaml"), 1, samples.resolve("rrmm-isa-pd-candidate.json"),
                LocalDate.parse("2026-11-01"), List.of(Jurisdiction.US), Map.of(), List.of(), List.of(), expect);
    }

    private static RuleCase.Expect expect(List<String> fired, List<String> notFired, List<RuleCase.Score> scores) {
        return new RuleCase.Expect(null, fired, notFired, List.of(), List.of(), List.of(), List.of(), Map.of(), List.of(), scores);
    }

    /** fired: means in the result: FLAG-LOGISTICS-TS-01 fires for this patient and is withdrawn, so it did not fire. */
    @Test
    void aWithdrawnFiringIsNotFired() throws Exception {
        RuleCaseRunner runner = new RuleCaseRunner(Rulebase.shipped());
        RuleCaseRunner.Outcome hit = runner.run(isaPdCandidate(expect(List.of("FLAG-LOGISTICS-TS-01"), List.of(), List.of())));
        assertEquals(List.of("US rule FLAG-LOGISTICS-TS-01: expected to fire, did not"), hit.failures());
        assertTrue(runner.run(isaPdCandidate(expect(List.of(), List.of("FLAG-LOGISTICS-TS-01"), List.of()))).passed());
    }

    /** A score line is checked by regimen, rule, points and words of its label, and a miss says what was there. */
    @Test
    void scoreLinesAreCheckedByRulePointsAndLabel() throws Exception {
        RuleCaseRunner runner = new RuleCaseRunner(Rulebase.shipped());
        assertTrue(runner.run(isaPdCandidate(expect(List.of(), List.of(),
                List.of(new RuleCase.Score("ISA_PD", "RANK-TRIAL-ICARIA", 30, "Matches the ICARIA-MM population"))))).passed());
        RuleCaseRunner.Outcome wrongPoints = runner.run(isaPdCandidate(expect(List.of(), List.of(),
                List.of(new RuleCase.Score("ISA_PD", "RANK-TRIAL-ICARIA", 20, null)))));
        assertEquals(1, wrongPoints.failures().size());
        assertTrue(wrongPoints.failures().get(0).startsWith("US score line of ISA_PD by RANK-TRIAL-ICARIA: expected +20, got [30 'Matches the ICARIA-MM"),
                wrongPoints.failures().toString());
        RuleCaseRunner.Outcome wrongWords = runner.run(isaPdCandidate(expect(List.of(), List.of(),
                List.of(new RuleCase.Score("ISA_PD", "RANK-TRIAL-ICARIA", 30, "APOLLO")))));
        assertFalse(wrongWords.passed());
        RuleCaseRunner.Outcome noLine = runner.run(isaPdCandidate(expect(List.of(), List.of(),
                List.of(new RuleCase.Score("ISA_PD", "RANK-TRIAL-APOLLO", 30, null)))));
        assertEquals(List.of("US score line of ISA_PD by RANK-TRIAL-APOLLO: expected +30, got no line by that rule"), noLine.failures());
    }
}
