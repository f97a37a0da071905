package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Facts tagged [M] or [T] may inform (INFO flags, marked text) but never exclude a regimen on their own. */
class EvidenceDisciplineTest {
    private static final Path SAMPLE = Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json");

    private static Rulebase withExtraRule(String drl) throws Exception {
        RuleFiles base = RuleFiles.fromDirectory(Samples.projectDir().resolve("rules"));
        Map<String, byte[]> files = new TreeMap<>(base.all());
        files.put("flags/zz-test.drl", drl.getBytes());
        return Rulebase.compile(RuleFiles.of("test", files), CompileMode.DRL);
    }

    private static Assessment evaluate(Rulebase rb) throws Exception {
        return new Evaluator(rb).evaluate(new BundleReader().read(Files.readAllBytes(SAMPLE), Samples.AS_OF, rb.terminology()),
                new EvaluationContext(Samples.AS_OF, Jurisdiction.US));
    }

    @Test
    void anUnverifiedRuleCannotMakeARegimenNotEligible() throws Exception {
        Rulebase rb = withExtraRule("""
                package myeloma;
                import org.myelomacds.facts.*;
                import org.myelomacds.engine.Outputs;
                rule "TEST-UNVERIFIED-01: an unverified renal floor tries to exclude Isa-Pd"
                    @evidence(LELEU22) @verification(M)
                when
                    TherapyHistory( priorLines >= 1 )
                then
                    insertLogical(Outputs.criterion(kcontext, "ISA_PD", "renal", CriterionKind.INDICATION, CriterionOutcome.FAILED, "eGFR below 30"));
                end
                """);
        EvaluationException e = assertThrows(EvaluationException.class, () -> evaluate(rb));
        assertTrue(e.getMessage().contains("TEST-UNVERIFIED-01"), e.getMessage());
    }

    @Test
    void anUnverifiedRuleRaisesOnlyInfoFlagsMarkedUnverified() throws Exception {
        Rulebase rb = withExtraRule("""
                package myeloma;
                import org.myelomacds.facts.*;
                import org.myelomacds.engine.Outputs;
                rule "TEST-UNVERIFIED-02: an unverified fact asks for a warning"
                    @evidence(LELEU22) @verification(M)
                when
                    TherapyHistory( priorLines >= 1 )
                then
                    insertLogical(Outputs.flag(kcontext, "TEST_FLAG", FlagSeverity.WARNING, "something to check", "ISA_PD"));
                end
                """);
        Assessment a = evaluate(rb);
        var flag = a.flags().stream().filter(f -> f.code().equals("TEST_FLAG")).findFirst().orElseThrow();
        assertEquals("INFO", flag.severity());
        assertTrue(flag.text().contains("unverified"), flag.text());
        assertEquals("ELIGIBLE", a.recommendations().stream().filter(r -> r.regimen().equals("ISA_PD")).findFirst().orElseThrow().status());
    }
}
