package org.myelomacds.cli;

import org.myelomacds.authoring.SuiteRun;
import org.myelomacds.engine.RulebaseException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * The scenario directory the {@code rules} subcommands run ({@code --samples}), as a picocli mixin, and the one place
 * that turns a suite that cannot be loaded into its exit code, so every subcommand reports it alike.
 */
final class SamplesDirectory {
    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "fhir-samples", description = "scenario directory (default: ${DEFAULT-VALUE})")
    Path samples;

    /** What a subcommand does with a loaded suite; returns its exit code. */
    interface WithSuite {
        int apply(SuiteRun run);
    }

    int withSuite(Path ruleDir, Predicate<String> only, PrintWriter err, WithSuite action) {
        SuiteRun run;
        try {
            run = SuiteRun.of(ruleDir, samples, only);
        } catch (RulebaseException e) {
            String m = e.getMessage();
            err.println("myeloma-cds: " + (m.contains(ruleDir.toString()) ? m : ruleDir + ": " + m));
            err.flush();
            return ExitCode.RULEBASE_ERROR;
        } catch (IOException e) {
            err.println("myeloma-cds: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID_INPUT;
        }
        return action.apply(run);
    }
}
