package org.myelomacds.engine;

import org.drools.model.Model;
import org.kie.api.KieBase;
import org.myelomacds.evidence.CatalogueException;
import org.myelomacds.evidence.EvidenceCatalogue;
import org.myelomacds.evidence.RegimenCatalogue;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.evidence.terminology.TerminologyException;
import org.myelomacds.evidence.terminology.TerminologyProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled rulebase with everything needed to explain what it decides: the catalogues, the terminology (every code
 * the FHIR reader recognises), the rule index (rule → file and line), the version and the sha256 of the files it was
 * built from. Immutable; a reload makes a new one.
 */
public final class Rulebase {
    private final KieBase kieBase;
    private final CompileMode mode;
    private final String version;
    private final String sha256;
    private final RuleIndex ruleIndex;
    private final EvidenceCatalogue evidence;
    private final RegimenCatalogue regimens;
    private final Terminology terminology;
    private final org.kie.api.runtime.KieSessionsPool sessions;

    private Rulebase(KieBase kieBase, CompileMode mode, RuleFiles files, EvidenceCatalogue evidence, RegimenCatalogue regimens,
                     Terminology terminology) {
        this.kieBase = kieBase;
        this.mode = mode;
        this.version = files.version();
        this.sha256 = files.sha256();
        this.ruleIndex = RuleIndex.of(files.drl());
        this.evidence = evidence;
        this.regimens = regimens;
        this.terminology = terminology;
        // Reset sessions are reused: building a session's memory costs more than evaluating a patient.
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    private static Rulebase checked(Rulebase rb, RuleFiles files) throws RulebaseException {
        List<RuleProblem> problems = RulebaseChecks.check(rb.kieBase, rb.ruleIndex, rb.evidence, rb.regimens);
        problems.addAll(DrugReferences.check(files.drl(), rb.terminology.drugs(), "rules/"));
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
        try {
            // The catalogues first: their errors are found in milliseconds, the compile takes seconds.
            EvidenceCatalogue evidence = evidence(files);
            Terminology terminology = terminology(files);
            RegimenCatalogue regimens = regimens(files, terminology);
            return checked(new Rulebase(RulebaseCompiler.compile(files, mode), mode, files, evidence, regimens, terminology), files);
        } catch (RulebaseException e) {
            throw e.locatedUnder(files.displayPrefix());
        }
    }

    /** The terminology a rulebase is finished with, loaded by the caller while the rules compile. */
    @FunctionalInterface
    public interface TerminologySource {
        Terminology get() throws RulebaseException;
    }

    /**
     * Compiles, asking for the terminology only once the KieBase is built, so a caller can load it (and read a bundle
     * with it) on another thread meanwhile.
     */
    public static Rulebase compile(RuleFiles files, CompileMode mode, TerminologySource terminology) throws RulebaseException {
        try {
            KieBase kieBase = RulebaseCompiler.compile(files, mode);
            return assemble(kieBase, mode, files, terminology.get());
        } catch (RulebaseException e) {
            throw e.locatedUnder(files.displayPrefix());
        }
    }

    /** The rulebase compiled at build time: its executable-model classes and the rule files, from the classpath. */
    public static Rulebase shipped() throws RulebaseException {
        RuleFiles files = shippedFiles();
        Terminology terminology = terminology(files);
        return shipped(files, () -> terminology);
    }

    /** The rule files shipped in the jar, without compiling anything (cheap: the terminology can be read from them first). */
    public static RuleFiles shippedFiles() throws RulebaseException {
        try {
            return RuleFiles.fromClasspath();
        } catch (IOException e) {
            throw new RulebaseException("no usable build-time rulebase on the classpath (" + e
                    + "); rebuild with mvn process-classes", List.of());
        }
    }

    /**
     * The shipped rulebase from its files; the terminology (loaded from the same files) is asked for once the KieBase is
     * built from the generated classes, so a caller can load it on another thread meanwhile.
     */
    public static Rulebase shipped(RuleFiles files, TerminologySource terminology) throws RulebaseException {
        List<Model> models;
        try {
            models = GeneratedModel.loadShipped();
        } catch (IOException | ReflectiveOperationException | LinkageError e) {
            throw new RulebaseException("no usable build-time rulebase on the classpath (" + e
                    + "); rebuild with mvn process-classes", List.of());
        }
        KieBase kieBase = RulebaseCompiler.fromModels(models);
        if (!files.verifiedAtBuild()) return assemble(kieBase, CompileMode.EXECUTABLE_MODEL, files, terminology.get());
        // The build step ran every check on exactly these files (same sha256): repeating them cost each start-up ~0.1 s.
        EvidenceCatalogue evidence = evidence(files);
        Terminology terms = terminology.get();
        return new Rulebase(kieBase, CompileMode.EXECUTABLE_MODEL, files, evidence, regimens(files, terms), terms);
    }

    private static Rulebase assemble(KieBase kieBase, CompileMode mode, RuleFiles files, Terminology terminology)
            throws RulebaseException {
        return checked(new Rulebase(kieBase, mode, files, evidence(files), regimens(files, terminology), terminology), files);
    }

    /** The value sets of rules/terminology/, loaded and checked; any error refuses the rulebase with file:line. */
    public static Terminology terminology(RuleFiles files) throws RulebaseException {
        try {
            return files.verifiedAtBuild() ? Terminology.loadChecked(files.all()) : Terminology.load(files.all());
        } catch (TerminologyException e) {
            List<RuleProblem> problems = new java.util.ArrayList<>();
            for (TerminologyProblem p : e.problems()) problems.add(new RuleProblem("rules/" + p.file(), p.line(), p.column(), "ERROR", p.message()));
            throw new RulebaseException("rules/terminology/ cannot be used", problems);
        }
    }

    private static EvidenceCatalogue evidence(RuleFiles files) throws RulebaseException {
        try {
            return EvidenceCatalogue.parse(files.require("evidence.yaml"), "rules/evidence.yaml");
        } catch (IOException | CatalogueException e) {
            throw new RulebaseException(e.getMessage(), List.of(new RuleProblem("rules/evidence.yaml", 0, 0, "ERROR", e.getMessage())));
        }
    }

    private static RegimenCatalogue regimens(RuleFiles files, Terminology terminology) throws RulebaseException {
        try {
            return RegimenCatalogue.parse(files.require("regimens.yaml"), "rules/regimens.yaml", terminology.drugs());
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
    /** Every code this rulebase recognises: read bundles for it with this terminology. */
    public Terminology terminology() { return terminology; }

    /** Every rule name in the compiled KieBase, for coverage and validation. */
    public List<String> ruleNames() {
        List<String> out = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> out.add(r.getName())));
        out.sort(null);
        return out;
    }
}
