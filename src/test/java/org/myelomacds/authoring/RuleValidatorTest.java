package org.myelomacds.authoring;

import org.junit.jupiter.api.Test;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.engine.RuleFiles;
import org.myelomacds.engine.RuleProblem;
import org.myelomacds.scenario.Samples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Locating problems the executable-model compiler reports without a usable position. */
class RuleValidatorTest {
    private static RuleFiles shippedWith(String file, String from, String to) throws Exception {
        RuleFiles files = RuleFiles.fromDirectory(Samples.projectDir().resolve("rules"));
        Map<String, byte[]> copy = new TreeMap<>(files.all());
        String text = new String(copy.get(file), StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "test setup: " + file + " no longer contains " + from);
        copy.put(file, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return RuleFiles.of("test", copy);
    }

    /** The 1-based line of {@code needle} in a rule file of the set, so rules added above it do not move the expectation. */
    private static int lineOf(RuleFiles files, String file, String needle) {
        String[] lines = new String(files.all().get(file), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        throw new AssertionError("test setup: " + file + " no longer contains " + needle);
    }

    private static RuleValidator validator() {
        return new RuleValidator(new PrintWriter(new StringWriter()));
    }

    @Test
    void aLineMinusOneProblemIsPlacedOnTheConstraintItQuotes() throws Exception {
        RuleFiles files = shippedWith("eligibility/isa-kd.drl", "TherapyHistory( priorLines > linesIkemaMax() )",
                "TherapyHistory( priorLinez > linesIkemaMax() )");
        DrlSource source = DrlSource.parse(files, "rules/");
        RuleProblem located = validator().locate(new RuleProblem("rules/eligibility/isa-kd.drl", -1, 0, "ERROR",
                "Unable to parse left part of expression: priorLinez > linesIkemaMax()"), CompileMode.EXECUTABLE_MODEL, source, "rules/", Map.of());
        assertEquals("rules/eligibility/isa-kd.drl:" + lineOf(files, "eligibility/isa-kd.drl", "priorLinez")
                + ":26: error: executable model: Unable to parse left part of expression: "
                + "priorLinez > linesIkemaMax()", located.toString());
    }

    @Test
    void aProblemInGeneratedJavaIsPlacedOnTheDrlTextItCameFrom() throws Exception {
        RuleFiles files = shippedWith("eligibility/isa-kd.drl", "$e.getPeriod()", "$e.getPeriodd()");
        DrlSource source = DrlSource.parse(files, "rules/");
        String generated = "package myeloma.P1;\n\npublic class LambdaConsequence1 {\n    void execute() { x($e.getPeriodd()); }\n}\n";
        RuleProblem located = validator().locate(new RuleProblem("rules/P1/LambdaConsequence1.java", 4, 28, "ERROR",
                        "The method getPeriodd() is undefined for the type DrugExposure"), CompileMode.EXECUTABLE_MODEL, source, "rules/",
                Map.of("rules/P1/LambdaConsequence1.java", generated));
        assertTrue(located.toString().startsWith("rules/eligibility/isa-kd.drl:" + lineOf(files, "eligibility/isa-kd.drl", "getPeriodd") + ":"),
                located.toString());
        assertTrue(located.toString().contains("getPeriodd() is undefined"), located.toString());
    }

    @Test
    void anExecutableModelCrashWithoutAnyLocationIsTracedToTheRuleAndConstraint() throws Exception {
        // DRL accepts this (it coerces at run time); the executable-model generator throws a NumberFormatException that
        // names no rule. Validation must still point at the constraint.
        RuleFiles files = shippedWith("eligibility/isa-kd.drl", "TherapyHistory( priorLines > linesIkemaMax() )",
                "TherapyHistory( priorLines > \"x\" )");
        RuleValidator.Report report = validator().validate(files, "rules/");
        String out = report.problems().toString();
        assertTrue(out.contains("rules/eligibility/isa-kd.drl:" + lineOf(files, "eligibility/isa-kd.drl", "priorLines > \"x\"")
                + ":26: error: executable model: the compiler failed (NumberFormatException) "
                + "in rule ISA-KD-TRIAL-03, constraint 'priorLines > \"x\"' of TherapyHistory"), out);
    }

    /** Front ends find a finding's rule by its @concept: a misspelt concept would silently drop the "derived by" line. */
    @Test
    void aConceptThatIsNotADerivedConceptIsAnError() throws Exception {
        RuleFiles files = shippedWith("derive/washout.drl", "@concept(ANTI_CD38_WASHOUT)", "@concept(ANTICD38_WASHOUT)");
        RuleValidator.Report report = validator().validate(files, "rules/");
        String out = report.problems().toString();
        assertTrue(out.contains("declares @concept ANTICD38_WASHOUT, which is not a derived concept"), out);
    }

    /** A decision is written once: a second function with the same body, or a limit a threshold function already holds. */
    @Test
    void aFunctionDefinedTwiceAndALimitWrittenTwiceAreErrors() throws Exception {
        RuleFiles files = shippedWith("derive/safety-limits.drl", "package myeloma;\n", "package myeloma;\n"
                + "function boolean safetyOutsideCassiopeiaAge(int age) { return age < 18 || age > 65; }\n"
                + "function boolean safetyFirstOf(String x, String y) {\n    return x.compareTo(y) < 0;\n}\n");
        java.util.List<String> problems = new AuthoringChecks(DrlSource.parse(files, "rules/"), null, null).run().stream()
                .map(RuleProblem::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.contains("has the same body as") && p.contains("safetyFirstOf") && p.contains("sortsBefore")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("function safetyOutsideCassiopeiaAge compares with 18, a limit ndmmTrialMinAge()")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("function safetyOutsideCassiopeiaAge compares with 65, a limit ndmmCassiopeiaMaxAge() (derive/ndmm-limits.drl:")),
                problems.toString());
        // Two trials with the same cut-off are two limits: constant functions may share a value.
        assertTrue(problems.stream().noneMatch(p -> p.contains("subgroupApolloRenalImpairedCrClMax")), problems.toString());
    }
}
