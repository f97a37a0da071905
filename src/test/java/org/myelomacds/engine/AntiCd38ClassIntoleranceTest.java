package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Flag;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FINDINGS H6, CDS-POLICY-ANTICD38-CLASS-INTOLERANCE: daratumumab stopped for a grade 3 infusion reaction reaches the
 * isatuximab regimens as a class caution (FLAG-INTOLERANCE-02: IRAKLIA excluded anti-CD38 intolerance; isatuximab
 * infusion-reaction rates), WARNING and without points, while the daratumumab regimens keep DRUG_INTOLERANCE. Near miss:
 * carfilzomib stopped for heart failure raises DRUG_INTOLERANCE on its regimens and no class caution.
 */
class AntiCd38ClassIntoleranceTest {
    private static Assessment qaBundle(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    @Test
    void daratumumabNotToleratedIsAClassCautionOnEveryIsatuximabRegimenWithNoPoints() {
        Assessment a = qaBundle("s15h-11-dara-stopped-after-2-doses-reaction-rd-pd-dated");
        Flag f = a.flags().stream().filter(x -> x.code().equals("ANTI_CD38_CLASS_INTOLERANCE")).findFirst()
                .orElseThrow(() -> new AssertionError(a.flags()));
        assertEquals("WARNING", f.severity());
        assertEquals(List.of("ISA_KD", "ISA_PD", "ISA_VRD"), f.regimens().stream().sorted().toList());
        assertTrue(f.text().contains("grade 3 infusion reaction") && f.text().contains("IRAKLIA excluded")
                && f.text().contains("45.8% (IKEMA)"), f.text());
        var isaKd = a.recommendations().stream().filter(r -> r.regimen().equals("ISA_KD")).findFirst().orElseThrow();
        assertEquals("ELIGIBLE_WITH_CAUTIONS", isaKd.status());
        assertTrue(isaKd.scoreComponents().stream().noneMatch(c -> c.label().contains("anti-CD38") && c.points() < 0),
                isaKd.scoreComponents().toString());
        assertEquals(85, isaKd.score());
    }

    @Test
    void nearMissCarfilzomibNotToleratedRaisesNoClassCaution() {
        Assessment a = Samples.evaluate(Samples.samplesDir().resolve("rrmm-carfilzomib-heart-failure.json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
        assertTrue(a.flags().stream().anyMatch(x -> x.code().equals("DRUG_INTOLERANCE")), a.flags().toString());
        assertTrue(a.flags().stream().noneMatch(x -> x.code().equals("ANTI_CD38_CLASS_INTOLERANCE")), a.flags().toString());
    }
}
