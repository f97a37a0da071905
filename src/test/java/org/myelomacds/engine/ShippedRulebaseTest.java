package org.myelomacds.engine;

import org.drools.core.RuleBaseConfiguration;
import org.drools.core.impl.InternalRuleBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShippedRulebaseTest {
    @Test
    void shippedRulebaseIsTheRuleDirectoryAsBuilt() throws Exception {
        Rulebase shipped = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        Rulebase onDisk = Samples.rulebase(CompileMode.DRL);
        assertEquals(CompileMode.EXECUTABLE_MODEL, shipped.mode());
        assertEquals(onDisk.ruleNames(), shipped.ruleNames());
        assertEquals(onDisk.sha256(), shipped.sha256());
        assertEquals(onDisk.version(), shipped.version());
        assertEquals(onDisk.ruleIndex().all(), shipped.ruleIndex().all());
    }

    @Test
    void theTerminologyShipsWithTheRulesAndTheSha256CoversIt() throws Exception {
        Rulebase shipped = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        RuleFiles files = RuleFiles.fromDirectory(Samples.projectDir().resolve("rules"));
        assertTrue(files.all().containsKey("terminology/condition-copd.json"), "value sets are rule files");
        assertFalse(files.all().keySet().stream().anyMatch(k -> k.startsWith("tests/")), "rule cases are not");
        assertEquals(files.all().keySet().stream().filter(k -> k.startsWith("terminology/")).count(), shipped.terminology().valueSets().size(),
                "the shipped rulebase holds every value set");
        TreeMap<String, byte[]> edited = new TreeMap<>(files.all());
        edited.put("terminology/condition-copd.json", new String(edited.get("terminology/condition-copd.json"))
                .replace("\"value\": \"J43\"", "\"value\": \"J43.9\"").getBytes());
        assertFalse(files.sha256().equals(RuleFiles.of("edited", edited).sha256()), "one changed code changes the sha256");
    }

    @Test
    void onlyTheFilesTheBuildCheckedSkipTheLoadTimeChecks() throws Exception {
        RuleFiles shipped = RuleFiles.fromClasspath();
        assertTrue(shipped.verifiedAtBuild(), "the build step records the sha256 of the files it checked");
        TreeMap<String, byte[]> edited = new TreeMap<>(shipped.all());
        edited.put("evidence.yaml", (new String(edited.get("evidence.yaml")) + "\n# edited\n").getBytes());
        assertFalse(RuleFiles.of("edited", edited).verifiedAtBuild(), "one changed byte and the files are checked again");
        assertFalse(RuleFiles.fromDirectory(Samples.projectDir().resolve("rules")).verifiedAtBuild(),
                "a rule directory is always checked, even when its content is the shipped one");
    }

    @Test
    void shippedKieBaseIsConfiguredLikeARunTimeCompile() {
        // The shipped KieBase is assembled from the model classes, not by a KieContainer reading kmodule.xml.
        assertEquals(settings(Samples.rulebase(CompileMode.DRL)), settings(Samples.rulebase(CompileMode.EXECUTABLE_MODEL)));
    }

    private static List<Object> settings(Rulebase rulebase) {
        InternalRuleBase kieBase = (InternalRuleBase) rulebase.kieBase();
        RuleBaseConfiguration conf = kieBase.getRuleBaseConfiguration();
        return List.of(conf.getAssertBehaviour(), conf.getEventProcessingMode(), conf.isSequential(), conf.isDeclarativeAgenda(),
                kieBase.getKieBaseConfiguration().isMutabilityEnabled());
    }

    @Test
    void aRebuildRemovesTheClassesThePreviousBuildWrote(@TempDir Path classes) throws Exception {
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put("myeloma/P01/LambdaX.class", new byte[] {1});
        files.put("myeloma/RulesX.class", new byte[] {2});
        Files.createDirectories(classes.resolve("myeloma"));
        Files.writeString(classes.resolve("myeloma/Kept.txt"), "not generated");
        new GeneratedModel(files, List.of("myeloma.RulesX")).writeTo(classes);
        assertTrue(Files.exists(classes.resolve("myeloma/P01/LambdaX.class")));

        GeneratedModel.removePrevious(classes);

        assertFalse(Files.exists(classes.resolve("myeloma/P01")));
        assertFalse(Files.exists(classes.resolve("myeloma/RulesX.class")));
        assertTrue(Files.exists(classes.resolve("myeloma/Kept.txt")));
    }
}
