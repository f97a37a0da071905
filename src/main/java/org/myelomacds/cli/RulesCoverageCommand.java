package org.myelomacds.cli;

import org.myelomacds.authoring.Coverage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Run every scenario (US and EU) and rule unit case and report what they exercise: rules that fired "
                + "nowhere, regimen statuses, flag and data-gap codes never reached, evidence ids no rule cites."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every rule fired in at least one scenario or case", "1:some rule fired in no scenario or case (CI fails)",
                "2:usage error", "3:a case file or samples directory cannot be read", "4:the rule directory does not compile"})
final class RulesCoverageCommand implements Callable<Integer> {
    enum Format { text, json }

    @CommandLine.Mixin
    RulesDirectory rules;

    @CommandLine.Mixin
    SamplesDirectory samples;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return samples.withSuite(rules.path(), name -> true, err, run -> {
            Coverage coverage = Coverage.of(run);
            out.print(format == Format.json ? coverage.json() : coverage.text());
            out.flush();
            return coverage.complete() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        });
    }
}
