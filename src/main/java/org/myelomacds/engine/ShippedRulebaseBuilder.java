package org.myelomacds.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (run by Maven in process-classes): compiles rules/ to the executable model and writes its generated
 * classes into target/classes, with a copy of the rule files they were built from under target/classes/rulebase, so
 * the CLI and server load the rulebase from the classpath without compiling DRL. A compile error fails the build
 * with file and line.
 */
public final class ShippedRulebaseBuilder {
    private ShippedRulebaseBuilder() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ShippedRulebaseBuilder RULES_DIR CLASSES_DIR");
            System.exit(2);
        }
        Path rules = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        RuleFiles files = RuleFiles.fromDirectory(rules);
        try {
            GeneratedModel.removePrevious(classes);
            // Earlier builds shipped the model as a kjar; a leftover one would only bloat the jar.
            Files.deleteIfExists(classes.resolve("rulebase/rulebase.kjar"));
            GeneratedModel model = RulebaseCompiler.compileExecutableModel(files);
            model.writeTo(classes);
            files.writeShippedCopy(classes.resolve("rulebase"));
            Path verified = classes.resolve(RuleFiles.SHIPPED_VERIFIED.substring(1));
            Files.deleteIfExists(verified);
            // Load what ships exactly as the CLI does, from the classpath (target/classes is on this step's classpath),
            // and apply the run-time checks (ids, evidence), so a bad rulebase fails the build, not the CLI.
            Rulebase shipped = Rulebase.shipped();
            if (!shipped.sha256().equals(files.sha256())) {
                throw new IllegalStateException("the shipped copy of the rules differs from " + rules);
            }
            // Only now, with every check passed: the CLI and server then load these files without checking them again.
            Files.writeString(verified, files.sha256() + "\n");
            System.err.println("[rulebase] compiled " + files.drl().size() + " DRL files from " + rules
                    + " (executable model, " + model.classFiles().size() + " classes), sha256 " + files.sha256());
        } catch (RulebaseException e) {
            System.err.println(e.getMessage());
            throw e;
        }
    }
}
