package org.myelomacds.cli;

import org.myelomacds.authoring.RuleCaseRunner;
import org.myelomacds.authoring.SuiteRun;
import org.myelomacds.scenario.ScenarioOutcome;
import org.myelomacds.scenario.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run every scenario of the samples directory (both jurisdictions) and every rule unit case "
                + "(rules/tests/DIR/FILE.yaml holds the cases of rules/DIR/FILE.drl) against the rule directory on disk, compiled now (no jar rebuild).",
                "Prints a field-level diff for each failure and a summary line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every scenario and case passes (or --update rewrote the expected files)",
                "1:a scenario or case failed", "2:usage error", "3:a case file or samples directory cannot be read",
                "4:the rule directory does not compile or fails its checks"})
final class RulesTestCommand implements Callable<Integer> {
    @CommandLine.Mixin
    RulesDirectory rules;

    @CommandLine.Mixin
    SamplesDirectory samples;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "run only scenarios and cases whose name contains NAME")
    String only;

    @Option(names = "--update", description = "print what changes, then rewrite the scenarios' .expected.json files "
            + "(rule unit cases are written by hand and are never rewritten)")
    boolean update;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return samples.withSuite(rules.path(), name -> only == null || name.contains(only), err, run -> report(run, out));
    }

    private int report(SuiteRun run, PrintWriter out) {
        int updated = 0;
        for (ScenarioOutcome o : run.scenarios()) {
            if (o.passed()) continue;
            String name = o.scenario().name();
            if (o.error() != null) {
                out.println("FAIL scenario " + name + ": " + o.error());
                continue;
            }
            if (update) {
                out.println((o.expected() == null ? "NEW  scenario " + name + " (no expected result yet):" : "UPDATE scenario " + name + ":"));
                out.print(o.expected() == null ? indent(o.actual().toPrettyString()) : o.diff());
                try {
                    ScenarioRunner.writeExpected(o);
                    updated++;
                } catch (IOException e) {
                    out.println("  cannot write " + o.scenario().expectedFile() + ": " + e.getMessage());
                }
            } else {
                out.println("FAIL scenario " + name + (o.expected() == null ? ": no expected result (" + o.scenario().expectedFile().getFileName()
                        + "); run with --update, then review it" : ":"));
                if (o.expected() != null) out.print(o.diff());
            }
        }
        for (RuleCaseRunner.Outcome o : run.cases()) {
            if (o.passed()) continue;
            out.println("FAIL case " + o.ruleCase().where() + (o.error() != null ? ": " + o.error() : ":"));
            for (String f : o.failures()) out.println("  " + f);
        }
        long scenarioFailures = update ? run.scenarios().stream().filter(o -> o.error() != null).count() : run.scenarioFailures();
        out.println("scenarios: " + (run.scenarios().size() - run.scenarioFailures()) + " passed, " + run.scenarioFailures() + " failed"
                + (update ? " (" + updated + " expected file(s) rewritten; review them with git diff)" : "")
                + "; rule cases: " + (run.cases().size() - run.caseFailures()) + " passed, " + run.caseFailures() + " failed"
                + " (rulebase " + run.rulebase().version() + " from " + rules.path() + ", sha256 " + run.rulebase().sha256().substring(0, 12) + ")");
        out.flush();
        return scenarioFailures == 0 && run.caseFailures() == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private static String indent(String s) {
        return s.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
    }
}
