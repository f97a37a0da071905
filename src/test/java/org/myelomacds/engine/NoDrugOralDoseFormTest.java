package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DataGapItem;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A medication record that names no drug but gives an oral dose form in its own words ("cap 400 mg bid") cannot have held
 * an anti-CD38 antibody (CDS-POLICY-NO-DRUG-ORAL-FORM, QA sweep W AC4): the gap stays, anti-CD38 exposure stands as
 * recorded, the oral classes (pomalidomide naivety and so APOLLO) stay undecided. The same record written as an
 * injection may still have been an anti-CD38 antibody.
 */
class NoDrugOralDoseFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAP = "s21f-02-two-lines-cap-400mg-bid-no-code-beside-vrd.json";

    private static ObjectNode bundle() throws Exception {
        Path p = Samples.projectDir().resolve("qa-bundles").resolve(CAP);
        return (ObjectNode) JSON.readTree(Files.readAllBytes(p));
    }

    private static ObjectNode resource(ObjectNode b, String id) {
        for (var e : b.get("entry")) if (id.equals(e.path("resource").path("id").asText())) return (ObjectNode) e.get("resource");
        throw new AssertionError(id);
    }

    private static Findings.DrugClassStatus drugClass(Assessment a, String c) {
        return a.findings().drugClasses().stream().filter(x -> x.drugClass().equals(c)).findFirst()
                .orElseThrow(() -> new AssertionError(c + " not in " + a.findings().drugClasses()));
    }

    private static DataGapItem noDrugGap(Assessment a) {
        return a.dataGaps().stream().filter(g -> "GAP-THERAPY-146".equals(g.rule())).findFirst()
                .orElseThrow(() -> new AssertionError("no GAP-THERAPY-146: " + a.dataGaps()));
    }

    private static Assessment withName(String name) throws Exception {
        ObjectNode b = bundle();
        ((ObjectNode) resource(b, "acv").get("medicationCodeableConcept")).put("text", name);
        return Samples.evaluate(b);
    }

    @Test
    void aCapsuleNamingNoDrugLeavesAntiCd38NaivetyAsRecordedAndTheOralQuestionsOpen() throws Exception {
        Assessment a = Samples.evaluate(bundle());
        DataGapItem gap = noDrugGap(a);
        assertEquals("THERAPY_UNCLASSIFIED", gap.code());
        assertTrue(gap.text().contains("taken by mouth, not an anti-CD38 antibody"), gap.text());
        assertFalse(gap.text().contains("an anti-CD38 antibody included"), gap.text());
        assertEquals("NOT_EXPOSED", drugClass(a, "ANTI_CD38").exposure(), drugClass(a, "ANTI_CD38").toString());
        // it may have been pomalidomide: APOLLO (prior pomalidomide excluded) stays undecided
        assertEquals("UNKNOWN", Samples.criterion(a, "DARA_PD", "apollo-population").outcome());
    }

    @Test
    void nearMissTheSameRecordWrittenAsAnInjectionMayStillHaveBeenAnAntiCd38Antibody() throws Exception {
        Assessment a = withName("injection 400 mg weekly");
        DataGapItem gap = noDrugGap(a);
        assertTrue(gap.text().contains("an anti-CD38 antibody included"), gap.text());
        assertEquals("UNKNOWN", drugClass(a, "ANTI_CD38").exposure(), drugClass(a, "ANTI_CD38").toString());
    }

    @Test
    void nearMissACapsuleWhoseDosageSaysInfusionIsNotReadAsTakenByMouth() throws Exception {
        Assessment a = withName("cap 400 mg IV bid");
        assertTrue(noDrugGap(a).text().contains("an anti-CD38 antibody included"), noDrugGap(a).text());
        assertEquals("UNKNOWN", drugClass(a, "ANTI_CD38").exposure());
    }
}
