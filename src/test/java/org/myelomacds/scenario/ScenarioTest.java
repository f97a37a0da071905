package org.myelomacds.scenario;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.render.JsonRenderer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every bundle in fhir-samples/ through the whole engine, in both jurisdictions and under both the build-time
 * (executable model) and the run-time compiled rulebase, compared with its &lt;name&gt;.expected.json.
 * Run with -Dscenarios.update=true to rewrite the expected files after reviewing the printed differences.
 */
class ScenarioTest {
    private static final boolean UPDATE = Boolean.getBoolean("scenarios.update");

    @TestFactory
    List<DynamicTest> everySampleMatchesItsExpectedResult() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> bundles = Samples.bundles();
        assertFalse(bundles.isEmpty(), "no sample bundles found in " + Samples.samplesDir());
        for (Path bundle : bundles) {
            for (CompileMode mode : CompileMode.values()) {
                tests.add(DynamicTest.dynamicTest(bundle.getFileName() + " [" + mode + "]", () -> check(bundle, mode)));
            }
        }
        return tests;
    }

    private void check(Path bundle, CompileMode mode) throws Exception {
        ScenarioOutcome outcome = new ScenarioRunner(Samples.rulebase(mode)).run(Scenario.of(bundle));
        if (outcome.error() != null) fail(outcome.error());
        if (UPDATE && mode == CompileMode.DRL) {
            String before = outcome.expected() == null ? "(new file)" : outcome.diff();
            if (!before.isEmpty()) System.out.println("[scenarios.update] " + outcome.scenario().expectedFile().getFileName() + ":\n" + before);
            ScenarioRunner.writeExpected(outcome);
            return;
        }
        if (outcome.expected() == null) fail("missing " + outcome.scenario().expectedFile() + " (generate with -Dscenarios.update=true and review it)");
        assertEquals(Samples.AS_OF.toString(), outcome.actual().get("asOf").asText(), "sample stories are written for " + Samples.AS_OF);
        if (!outcome.passed()) fail(bundle.getFileName() + " differs from " + outcome.scenario().expectedFile().getFileName() + " [" + mode + "]:\n" + outcome.diff());
    }

    @TestFactory
    List<DynamicTest> bothRulebasesGiveIdenticalAssessments() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path bundle : Samples.bundles()) {
            tests.add(DynamicTest.dynamicTest(bundle.getFileName().toString(), () -> {
                for (Jurisdiction j : Jurisdiction.values()) {
                    String shipped = JsonRenderer.render(Samples.evaluate(bundle, j, CompileMode.EXECUTABLE_MODEL));
                    String onDisk = JsonRenderer.render(Samples.evaluate(bundle, j, CompileMode.DRL));
                    assertEquals(onDisk.replace("\"mode\" : \"DRL\"", "\"mode\" : \"EXECUTABLE_MODEL\""), shipped,
                            "build-time and run-time rulebases disagree on " + bundle.getFileName() + " (" + j + ")");
                }
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyStatementCarriesItsRuleAndResolvableEvidence() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path bundle : Samples.bundles()) {
            tests.add(DynamicTest.dynamicTest(bundle.getFileName().toString(), () -> {
                Assessment a = Samples.evaluate(bundle, Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
                a.recommendations().forEach(r -> {
                    assertFalse(r.rationale().isEmpty(), r.regimen() + " has no rationale");
                    r.rationale().forEach(s -> assertCited(a, s.rule(), s.evidence()));
                    r.scoreComponents().forEach(s -> assertCited(a, s.rule(), s.evidence()));
                });
                a.notRecommended().forEach(n -> {
                    assertFalse(n.reasons().isEmpty(), n.regimen() + " is " + n.status() + " without a reason");
                    n.reasons().forEach(s -> assertCited(a, s.rule(), s.evidence()));
                });
                a.flags().forEach(f -> assertCited(a, f.rule(), f.evidence()));
                a.dataGaps().forEach(g -> assertCited(a, g.rule(), g.evidence()));
                assertEquals(11, a.recommendations().size() + a.notRecommended().size(), "every regimen is evaluated");
                assertEquals("Decision support for clinicians; not a prescription.", a.disclaimer());
            }));
        }
        return tests;
    }

    private static void assertCited(Assessment a, String rule, List<String> evidence) {
        assertTrue(rule != null && !rule.isBlank(), "statement without a rule");
        assertFalse(evidence.isEmpty(), rule + " carries no citation");
        evidence.forEach(id -> assertTrue(a.evidence().containsKey(id), rule + " cites " + id + " missing from the evidence table"));
    }
}
