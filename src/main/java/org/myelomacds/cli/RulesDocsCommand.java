package org.myelomacds.cli;

import org.myelomacds.authoring.Rulebook;
import org.myelomacds.authoring.RuleValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "docs", mixinStandardHelpOptions = true,
        description = {"Write the rulebook (Markdown) generated from the DRL and the catalogues: each regimen's criteria in "
                + "words with rule ids and citations per jurisdiction, each flag's trigger and action, data gaps, ranking, "
                + "evidence. The same rule files always give the same bytes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rulebook written", "2:usage error", "3:the output directory cannot be written",
                "4:the rule directory has errors (run rules validate)"})
final class RulesDocsCommand implements Callable<Integer> {
    @CommandLine.Mixin
    RulesDirectory rules;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "directory to write rulebook.md into")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleValidator.Report report;
        try {
            report = new RuleValidator(err).parseOnly(rules.path(), rules.displayPrefix());
        } catch (IOException e) {
            err.println("myeloma-cds: cannot read rules: " + e.getMessage());
            return ExitCode.RULEBASE_ERROR;
        }
        if (!report.errors().isEmpty()) {
            report.errors().forEach(p -> err.println(p));
            err.println("myeloma-cds: the rule directory has errors; fix them (rules validate) before generating the rulebook");
            return ExitCode.RULEBASE_ERROR;
        }
        try {
            Files.createDirectories(output);
            for (Map.Entry<String, String> e : Rulebook.render(report.files(), report.source(), report.evidence(), report.regimens(), report.terminology()).entrySet()) {
                Path target = output.resolve(e.getKey());
                Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
                out.println("wrote " + target);
            }
        } catch (IOException e) {
            err.println("myeloma-cds: cannot write " + output + ": " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        out.flush();
        return ExitCode.OK;
    }
}
