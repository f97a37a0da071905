package org.myelomacds.engine;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EqualityBehaviorOption;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Compiles the rule directory into a KieBase, in either compile mode, reporting problems as file:line. */
public final class RulebaseCompiler {
    // All DRL files share the package "myeloma"; Drools warns when a file's folder differs from its package, so the
    // in-memory copies live flat in myeloma/ with "/" encoded, and error paths are decoded back to rules/...
    private static final String RESOURCE_ROOT = "src/main/resources/myeloma/";
    private static final String SLASH = "~";
    private static final AtomicLong BUILDS = new AtomicLong();

    private RulebaseCompiler() {}

    public static KieBase compile(RuleFiles files, CompileMode mode) throws RulebaseException {
        KieServices ks = KieServices.Factory.get();
        KieModule module = build(ks, files, mode);
        return ks.newKieContainer(module.getReleaseId()).getKieBase();
    }

    /** Compiles to an executable-model kjar (the bytes shipped in the jar by the build). */
    public static byte[] compileToKjar(RuleFiles files) throws RulebaseException {
        KieModule module = build(KieServices.Factory.get(), files, CompileMode.EXECUTABLE_MODEL);
        return ((InternalKieModule) module).getBytes();
    }

    /** Loads a kjar produced by {@link #compileToKjar}; the executable model means no DRL is compiled here. */
    public static KieBase loadKjar(byte[] kjar) {
        KieServices ks = KieServices.Factory.get();
        KieModule module = ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(kjar));
        return ks.newKieContainer(module.getReleaseId()).getKieBase();
    }

    private static KieModule build(KieServices ks, RuleFiles files, CompileMode mode) throws RulebaseException {
        KieFileSystem kfs = ks.newKieFileSystem();
        // Each build gets its own release id so a reload never collides with the module it replaces.
        ReleaseId rid = ks.newReleaseId("org.myelomacds", "rulebase", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(rid);
        KieModuleModel kmodule = ks.newKieModuleModel();
        kmodule.newKieBaseModel("myeloma").setDefault(true).addPackage("*")
                .setEqualsBehavior(EqualityBehaviorOption.IDENTITY)
                .newKieSessionModel("myeloma-session").setDefault(true);
        kfs.writeKModuleXML(kmodule.toXML());
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
