package org.myelomacds.engine;

import org.drools.model.Model;
import org.kie.api.KieBase;
import org.myelomacds.evidence.CatalogueException;
import org.myelomacds.evidence.EvidenceCatalogue;
import org.myelomacds.evidence.RegimenCatalogue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled rulebase with everything needed to explain what it decides: the catalogues, the rule index
 * (rule → file and line), the version and the sha256 of the files it was built from. Immutable; a reload makes a new one.
 */
public final class Rulebase {
    private final KieBase kieBase;
    private final CompileMode mode;
    private final String version;
    private final String sha256;
    private final RuleIndex ruleIndex;
    private final EvidenceCatalogue evidence;
    private final RegimenCatalogue regimens;
    private final org.kie.api.runtime.KieSessionsPool sessions;

    private Rulebase(KieBase kieBase, CompileMode mode, RuleFiles files, EvidenceCatalogue evidence, RegimenCatalogue regimens) {
        this.kieBase = kieBase;
        this.mode = mode;
        this.version = files.version();
        this.sha256 = files.sha256();
        this.ruleIndex = RuleIndex.of(files.drl());
        this.evidence = evidence;
        this.regimens = regimens;
        // Reset sessions are reused: building a session's memory costs more than evaluating a patient.
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    private static Rulebase checked(Rulebase rb) throws RulebaseException {
        List<RuleProblem> problems = RulebaseChecks.check(rb.kieBase, rb.ruleIndex, rb.evidence);
        if (!problems.isEmpty()) throw new RulebaseException("rulebase failed its checks", problems);
        return rb;
    }

    /** Compiles a rule directory on disk at run time (authoring, --rules, hot reload). */
    public static Rulebase compileDirectory(Path dir) throws RulebaseException {
        RuleFiles files;
        try {
            files = RuleFiles.fromDirectory(dir);
        } catch (IOException e) {
            throw new RulebaseException("cannot read rules: " + e.getMessage(), List.of());
        }
        return compile(files, CompileMode.DRL);
    }

    public static Rulebase compile(RuleFiles files, CompileMode mode) throws RulebaseException {
        EvidenceCatalogue evidence = evidence(files);
        RegimenCatalogue regimens = regimens(files);
        return checked(new Rulebase(RulebaseCompiler.compile(files, mode), mode, files, evidence, regimens));
    }

    /** The rulebase compiled at build time: its executable-model classes and the rule files, from the classpath. */
    public static Rulebase shipped() throws RulebaseException {
        List<Model> models;
        RuleFiles files;
        try {
            models = GeneratedModel.loadShipped();
            files = RuleFiles.fromClasspath();
        } catch (IOException | ReflectiveOperationException | LinkageError e) {
            throw new RulebaseException("no usable build-time rulebase on the classpath (" + e
                    + "); rebuild with mvn process-classes", List.of());
        }
        return checked(new Rulebase(RulebaseCompiler.fromModels(models), CompileMode.EXECUTABLE_MODEL, files,
                evidence(files), regimens(files)));
    }

    private static EvidenceCatalogue evidence(RuleFiles files) throws RulebaseException {
        try {
            return EvidenceCatalogue.parse(files.require("evidence.yaml"), "rules/evidence.yaml");
        } catch (IOException | CatalogueException e) {
            throw new RulebaseException(e.getMessage(), List.of(new RuleProblem("rules/evidence.yaml", 0, 0, "ERROR", e.getMessage())));
        }
    }

    private static RegimenCatalogue regimens(RuleFiles files) throws RulebaseException {
        try {
            return RegimenCatalogue.parse(files.require("regimens.yaml"), "rules/regimens.yaml");
        } catch (IOException | CatalogueException e) {
            throw new RulebaseException(e.getMessage(), List.of(new RuleProblem("rules/regimens.yaml", 0, 0, "ERROR", e.getMessage())));
        }
    }

    public KieBase kieBase() { return kieBase; }

    /** A session from the pool; dispose() resets it and returns it (thread-safe). */
    org.kie.api.runtime.KieSession newSession() { return sessions.newKieSession(); }
    public CompileMode mode() { return mode; }
    public String version() { return version; }
    public String sha256() { return sha256; }
    public RuleIndex ruleIndex() { return ruleIndex; }
    public EvidenceCatalogue evidence() { return evidence; }
    public RegimenCatalogue regimens() { return regimens; }

    /** Every rule name in the compiled KieBase, for coverage and validation. */
    public List<String> ruleNames() {
        List<String> out = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> out.add(r.getName())));
        out.sort(null);
        return out;
    }
}
