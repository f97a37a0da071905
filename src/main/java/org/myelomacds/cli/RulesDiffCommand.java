package org.myelomacds.cli;

import org.myelomacds.authoring.RulebaseDiff;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Run every scenario (US and EU) under two rule directories and report, per patient and jurisdiction, "
                + "which settings, statuses, ranks, scores, flags and data gaps change."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report printed (differences are not errors)", "2:usage error",
                "3:the samples directory cannot be read", "4:either rule directory fails to compile"})
final class RulesDiffCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "OLD_DIR", description = "rule directory before the change")
    Path oldRules;

    @Parameters(index = "1", paramLabel = "NEW_DIR", description = "rule directory after the change")
    Path newRules;

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
        return samples.withSuite(oldRules, name -> true, err, before -> samples.withSuite(newRules, name -> true, err, after -> {
            RulebaseDiff diff = RulebaseDiff.of(before, after);
            out.print(format == Format.json ? diff.json(oldRules.toString(), newRules.toString()) : diff.text(oldRules.toString(), newRules.toString()));
            out.flush();
            return ExitCode.OK;
        }));
    }
}
