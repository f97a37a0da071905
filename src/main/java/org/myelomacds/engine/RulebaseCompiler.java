package org.myelomacds.engine;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.modelcompiler.KieBaseBuilder;
import org.drools.modelcompiler.KiePackagesBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EqualityBehaviorOption;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Compiles the rule directory into a KieBase, in either compile mode, reporting problems as file:line. */
public final class RulebaseCompiler {
    // All DRL files share the package "myeloma"; Drools warns when a file's folder differs from its package, so the
    // in-memory copies live flat in myeloma/ with "/" encoded, and error paths are decoded back to rules/...
    private static final String RESOURCE_ROOT = "src/main/resources/myeloma/";
    private static final String SLASH = "~";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String KIE_BASE = "myeloma";
    // The generated class names hash the release id, so the shipped build has one of its own: its classes sit on the
    // application classpath and must never share a name with the classes of a run-time compile (rulebase:1.0.N).
    private static final String SHIPPED_ARTIFACT = "shipped-rulebase";
    private static final String SHIPPED_VERSION = "1.0.0";
    private static final String PROJECT_MODEL_DIR = CanonicalKieModule.PROJECT_MODEL_CLASS.substring(0,
            CanonicalKieModule.PROJECT_MODEL_CLASS.lastIndexOf('.')).replace('.', '/') + "/";

    private RulebaseCompiler() {}

    public static KieBase compile(RuleFiles files, CompileMode mode) throws RulebaseException {
        KieServices ks = KieServices.Factory.get();
        ReleaseId rid = ks.newReleaseId("org.myelomacds", "rulebase", "1.0." + BUILDS.incrementAndGet());
        KieModule module = build(ks, files, mode, rid);
        return ks.newKieContainer(module.getReleaseId()).getKieBase();
    }

    /**
     * Compiles to the executable model and returns its generated classes (what the build writes into the application's
     * classes, so the shipped rulebase loads from the classpath like any other class).
     */
    public static GeneratedModel compileExecutableModel(RuleFiles files) throws RulebaseException {
        KieServices ks = KieServices.Factory.get();
        ReleaseId rid = ks.newReleaseId("org.myelomacds", SHIPPED_ARTIFACT, SHIPPED_VERSION);
        InternalKieModule module = (InternalKieModule) build(ks, files, CompileMode.EXECUTABLE_MODEL, rid);
        SortedMap<String, byte[]> classFiles = new TreeMap<>();
        for (String name : module.getFileNames()) {
            // Not the generated ProjectModel, a second copy of the kmodule: fromModels() configures the KieBase itself.
            if (name.endsWith(".class") && !name.startsWith(PROJECT_MODEL_DIR)) classFiles.put(name, module.getBytes(name));
        }
        List<String> models = new ArrayList<>();
        String modelFile = new String(module.getBytes(CanonicalKieModule.getModelFileWithGAV(rid)), StandardCharsets.UTF_8);
        for (String line : modelFile.split("\n")) {
            if (!line.isBlank() && !line.startsWith(CanonicalKieModule.MODEL_VERSION)) models.add(line.strip());
        }
        return new GeneratedModel(classFiles, models);
    }

    /**
     * Builds the KieBase from executable-model classes already on the classpath, configured from the same kmodule
     * definition as every compile (what a KieContainer would read from kmodule.xml), so no kmodule.xml, pom or kjar
     * has to be parsed at run time.
     */
    public static KieBase fromModels(List<Model> models) {
        KieServices ks = KieServices.Factory.get();
        KieBaseModel kbase = kmodule(ks).getKieBaseModels().get(KIE_BASE);
        // The options CanonicalKieModule takes from a kbase model when it loads a kjar.
        KieBaseConfiguration conf = ks.newKieBaseConfiguration(null, RulebaseCompiler.class.getClassLoader());
        conf.setOption(kbase.getEqualsBehavior());
        conf.setOption(kbase.getEventProcessingMode());
        conf.setOption(kbase.getDeclarativeAgenda());
        conf.setOption(kbase.getSequential());
        conf.setOption(kbase.getMutability());
        KiePackagesBuilder packages = new KiePackagesBuilder(conf);
        models.forEach(packages::addModel);
        return new KieBaseBuilder(kbase, conf).createKieBase(packages.build());
    }

    private static KieModuleModel kmodule(KieServices ks) {
        KieModuleModel kmodule = ks.newKieModuleModel();
        kmodule.newKieBaseModel(KIE_BASE).setDefault(true).addPackage("*")
                .setEqualsBehavior(EqualityBehaviorOption.IDENTITY)
                .newKieSessionModel("myeloma-session").setDefault(true);
        return kmodule;
    }

    /** Each run-time build gets its own release id so a reload never collides with the module it replaces. */
    private static KieModule build(KieServices ks, RuleFiles files, CompileMode mode, ReleaseId rid) throws RulebaseException {
        // Syntax first: the Drools parser's own messages for it are stack traces and duplicated positions.
        List<RuleProblem> syntax = DrlSyntax.check(files, "rules/");
        if (!syntax.isEmpty()) {
            throw new RulebaseException("rulebase from " + files.origin() + " has DRL syntax errors", syntax);
        }
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(rid);
        kfs.writeKModuleXML(kmodule(ks).toXML());
        files.drl().forEach((rel, text) -> kfs.write(RESOURCE_ROOT + rel.replace("/", SLASH), text));

        KieBuilder builder = ks.newKieBuilder(kfs);
        if (mode == CompileMode.EXECUTABLE_MODEL) builder.buildAll(ExecutableModelProject.class);
        else builder.buildAll();

        List<RuleProblem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(new RuleProblem(relativePath(m.getPath()), m.getLine(), m.getColumn(), "ERROR",
                    m.getText().strip()));
        }
        if (!problems.isEmpty()) {
            throw new RulebaseException("rulebase from " + files.origin() + " failed to compile (" + mode + ")", problems);
        }
        return builder.getKieModule();
    }

    private static String relativePath(String path) {
        if (path == null) return "rules/(unknown file)";
        String marker = "myeloma/";
        int i = path.indexOf(marker);
        return i >= 0 ? "rules/" + path.substring(i + marker.length()).replace(SLASH, "/") : path;
    }
}
