package org.myelomacds.cli;

import org.myelomacds.engine.CompileMode;
import org.myelomacds.engine.RuleFiles;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.engine.ShippedRulebase;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.facts.Jurisdiction;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The options that decide an evaluation (date, jurisdiction, rulebase, partial input), shared as a picocli mixin
 * by evaluate and report so both mean the same thing by them.
 */
final class EvaluationOptions {
    @Option(names = "--as-of", paramLabel = "DATE", description = "evaluation date (YYYY-MM-DD); default: today")
    LocalDate asOf;

    @Option(names = "--jurisdiction", paramLabel = "US|EU", defaultValue = "US",
            description = "whose labels decide 'on label' (default: ${DEFAULT-VALUE})")
    Jurisdiction jurisdiction;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "compile this rule directory at run time instead of using the build-time rulebase")
    Path rules;

    @Option(names = "--allow-partial",
            description = "go on with a bundle that has unreadable parts, listing them as UNREADABLE_INPUT data gaps "
                    + "(default: refuse with exit 3)")
    boolean allowPartial;

    LocalDate date() {
        return asOf == null ? LocalDate.now() : asOf;
    }

    /** The rule files, read but not compiled. */
    RuleFiles files() throws RulebaseException {
        if (rules == null) return ShippedRulebase.files();
        try {
            return RuleFiles.fromDirectory(rules);
        } catch (java.io.IOException e) {
            throw new RulebaseException("cannot read rules: " + e.getMessage(), java.util.List.of());
        }
    }

    /** The terminology of these files (for the shipped rules, the one the shipped rulebase holds). */
    Terminology terminology(RuleFiles files) throws RulebaseException {
        return rules == null ? ShippedRulebase.terminology() : Rulebase.terminology(files);
    }

    /** The rulebase of these files; {@code terminology} is asked for only once the rules are compiled. */
    Rulebase rulebase(RuleFiles files, Rulebase.TerminologySource terminology) throws RulebaseException {
        return rules == null ? ShippedRulebase.rulebase(terminology)
                : Rulebase.compile(files, CompileMode.DRL, terminology);
    }

    Rulebase rulebase() throws RulebaseException {
        RuleFiles files = files();
        Terminology terminology = terminology(files);
        return rulebase(files, () -> terminology);
    }
}
