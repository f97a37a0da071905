package org.myelomacds.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/**
 * {@code myeloma-cds rules …}: the rule author's tools. Each works on a rule directory on disk (default {@code rules/}),
 * compiled at run time, so an edit can be checked without rebuilding the jar.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Rule authoring tools: validate, test, coverage, docs, diff.",
        subcommands = {RulesValidateCommand.class, RulesTestCommand.class, RulesCoverageCommand.class,
                RulesDocsCommand.class, RulesDiffCommand.class},
        exitCodeListHeading = "%nExit codes (of the subcommands):%n",
        exitCodeList = {"0:success", "1:a check failed (rules test, rules coverage)", "2:usage error",
                "3:unreadable input (a case file, the samples directory, an unwritable output)",
                "4:the rule directory does not compile or fails its checks"})
final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a rules subcommand is required (validate, test, coverage, docs, diff)");
    }

    /**
     * How a rule directory's files are printed: as the user named it, relative to the working directory when it lies
     * inside it, so "rules/eligibility/isa-kd.drl:12:5" can be pasted into an editor.
     */
    static String displayPrefix(Path dir) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = dir.toAbsolutePath().normalize();
        String shown = abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.equals(cwd) ? "" : dir.toString();
        shown = shown.replace('\\', '/');
        return shown.isEmpty() || shown.endsWith("/") ? shown : shown + "/";
    }
}
