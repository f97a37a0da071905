package org.myelomacds.cli;

import org.myelomacds.authoring.RuleValidator;
import org.myelomacds.engine.RuleProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Compile a rule directory as run time does (DRL) and as the build does (executable model), and check "
                + "ids, @evidence, regimen ids, deprecated DRL and threshold placement.",
                "Every problem is printed as file:line:column: severity: message."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings may be printed)", "2:usage error",
                "4:errors found (or warnings, with --strict)"})
final class RulesValidateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    RulesDirectory rules;

    @Option(names = "--strict", description = "warnings fail too (CI runs with --strict)")
    boolean strict;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleValidator.Report report;
        try {
            report = new RuleValidator(err).validate(rules.path(), rules.displayPrefix());
        } catch (IOException e) {
            err.println("myeloma-cds: cannot read rules: " + e.getMessage());
            return ExitCode.RULEBASE_ERROR;
        }
        for (RuleProblem p : report.problems()) out.println(p);
        int errors = report.errors().size();
        int warnings = report.warnings().size();
        out.println((errors == 0 && warnings == 0 ? "OK: " : "") + report.source().rules().size() + " rules in "
                + report.source().files().size() + " files"
                + (report.terminology() == null ? "" : ", " + report.terminology().valueSets().size() + " value sets") + ": " + errors + " error(s), " + warnings + " warning(s)"
                + (strict && warnings > 0 ? " (warnings fail with --strict)" : ""));
        out.flush();
        return report.passes(strict) ? ExitCode.OK : ExitCode.RULEBASE_ERROR;
    }
}
