package org.myelomacds.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (run by Maven in process-classes): compiles rules/ to an executable-model kjar and writes it, with a
 * copy of the rule files it was built from, into target/classes/rulebase so the CLI and server load it without
 * compiling DRL. A compile error fails the build with file and line.
 */
public final class ShippedRulebaseBuilder {
    private ShippedRulebaseBuilder() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ShippedRulebaseBuilder RULES_DIR OUTPUT_DIR");
            System.exit(2);
        }
        Path rules = Path.of(args[0]);
        Path out = Path.of(args[1]);
        RuleFiles files = RuleFiles.fromDirectory(rules);
        try {
            byte[] kjar = RulebaseCompiler.compileToKjar(files);
            // Load the very kjar that ships and apply the run-time checks (ids, evidence), so a bad rulebase fails the
            // build, not the CLI.
            Rulebase.fromKjar(kjar, files);
            Files.createDirectories(out);
            Files.write(out.resolve("rulebase.kjar"), kjar);
            files.writeShippedCopy(out);
            System.err.println("[rulebase] compiled " + files.drl().size() + " DRL files from " + rules
                    + " (executable model), sha256 " + files.sha256());
        } catch (RulebaseException e) {
            System.err.println(e.getMessage());
            throw e;
        }
    }
}
