package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.render.report.HtmlReport;
import org.myelomacds.render.report.MarkdownReport;
import org.myelomacds.scenario.Samples;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, item 5: exposure and refractoriness by drug class, with provenance and the unknown cases, and the composite
 * labels (rules/derive/drug-classes.drl). Each positive case sits beside its near miss.
 */
class DrugClassFindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment sample(String name) {
        return Samples.evaluate(Samples.samplesDir().resolve(name), Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
    }

    private static ObjectNode bundle(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Samples.samplesDir().resolve(name).toFile());
    }

    private static ObjectNode resource(ObjectNode bundle, String id) {
        for (var e : bundle.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals(id)) return (ObjectNode) e.get("resource");
        }
        throw new AssertionError(id);
    }

    private static Assessment evaluate(ObjectNode bundle) {
        return Samples.evaluate(bundle);
    }

    private static Findings.DrugClassStatus drugClass(Assessment a, String c) {
        return a.findings().drugClasses().stream().filter(x -> x.drugClass().equals(c)).findFirst()
                .orElseThrow(() -> new AssertionError(c + " not in " + a.findings().drugClasses()));
    }

    private static String label(Assessment a, String kind) {
        return a.findings().classLabels().stream().filter(l -> l.label().equals(kind)).findFirst()
                .map(Findings.ClassLabel::outcome).orElseThrow(() -> new AssertionError(kind));
    }

    @Test
    void daratumumabRefractoryInASparseDvdLineMakesTheClassRefractoryWithTheLineAsProvenance() {
        Assessment a = sample("rrmm-dvd-sparse-daratumumab.json");
        Findings.DrugClassStatus cd38 = drugClass(a, "ANTI_CD38");
        assertEquals("EXPOSED", cd38.exposure());
        assertEquals("REFRACTORY", cd38.refractoriness());
        assertEquals(List.of("DERIVE-CLASS-01", "DERIVE-CLASS-04"), cd38.rules());
        Findings.RefractoryDrug dara = cd38.refractoryDrugs().get(0);
        assertEquals("DARATUMUMAB", dara.drug());
        assertEquals("2025-09-22", dara.progression());
        assertEquals(2, dara.line());
        assertEquals("MET", label(a, "TRIPLE_CLASS_EXPOSED"));
        assertEquals("MET", label(a, "TRIPLE_CLASS_REFRACTORY"));
        assertEquals("NOT_MET", label(a, "PENTA_REFRACTORY"));
        assertTrue(MarkdownReport.render(a).contains("| Drug classes | anti-CD38 refractory, IMiD refractory, PI refractory;"
                + " triple-class exposed, triple-class refractory |"));
        assertTrue(HtmlReport.fragment(a).contains("Penta-exposed: not derived"));
    }

    @Test
    void nearMissAnAntiCd38NaivePatientIsNotExposedAndNotTripleClassExposed() {
        Assessment a = sample("rrmm-one-prior-line.json");
        Findings.DrugClassStatus cd38 = drugClass(a, "ANTI_CD38");
        assertEquals("NOT_EXPOSED", cd38.exposure());
        assertNull(cd38.refractoriness());
        assertEquals("NOT_MET", label(a, "TRIPLE_CLASS_EXPOSED"));
        assertEquals("NOT_MET", label(a, "TRIPLE_CLASS_REFRACTORY"));
        String text = a.findings().classLabels().stream().filter(l -> l.label().equals("TRIPLE_CLASS_REFRACTORY"))
                .findFirst().orElseThrow().text();
        assertTrue(text.contains("PI exposed, none refractory; anti-CD38 not exposed"), text);
    }

    @Test
    void aDrugWithUnknownRefractorinessLeavesItsClassUnknown() {
        Assessment a = sample("rrmm-partial-end-date.json");
        Findings.DrugClassStatus imid = drugClass(a, "IMID");
        assertEquals("UNKNOWN", imid.refractoriness(), "never NOT_REFRACTORY when lenalidomide is undecided");
        assertEquals(List.of("LENALIDOMIDE"), imid.undecidedDrugs());
        assertTrue(imid.text().contains("lenalidomide refractoriness unknown"), imid.text());
    }

    @Test
    void nearMissTheFullEndDateDecidesTheClass() throws Exception {
        ObjectNode b = bundle("rrmm-partial-end-date.json");
        resource(b, "line1-rd-lenalidomide").set("effectivePeriod", JSON.readTree("{\"start\":\"2024-02-05\",\"end\":\"2026-07-31\"}"));
        Findings.DrugClassStatus imid = drugClass(evaluate(b), "IMID");
        assertEquals("REFRACTORY", imid.refractoriness());
        assertNull(imid.undecidedDrugs());
    }

    @Test
    void anotherRefractoryDrugOfTheClassDecidesItWhileTheUndecidedDrugIsStillNamed() throws Exception {
        ObjectNode b = bundle("rrmm-isa-pd-candidate.json");
        resource(b, "progression-3").set("valueCodeableConcept", JSON.readTree("{\"text\":\"PD\"}"));
        Assessment a = evaluate(b);
        Findings.DrugClassStatus pi = drugClass(a, "PROTEASOME_INHIBITOR");
        assertEquals("REFRACTORY", pi.refractoriness());
        assertTrue(pi.undecidedDrugs() != null && pi.undecidedDrugs().contains("IXAZOMIB"), String.valueOf(pi.undecidedDrugs()));
    }

    @Test
    void nearMissWithTheCodedProgressionIxazomibIsRefractoryAndNothingIsUndecided() {
        Findings.DrugClassStatus pi = drugClass(sample("rrmm-isa-pd-candidate.json"), "PROTEASOME_INHIBITOR");
        assertEquals("REFRACTORY", pi.refractoriness());
        assertTrue(pi.refractoryDrugs().stream().anyMatch(r -> r.drug().equals("IXAZOMIB")), pi.refractoryDrugs().toString());
        assertNull(pi.undecidedDrugs());
    }

    @Test
    void aTransplantWithoutInductionLeavesClassExposureAndTheLabelsUnknown() {
        Assessment a = sample("rrmm-transplant-without-induction.json");
        assertEquals("UNKNOWN", drugClass(a, "ANTI_CD38").exposure());
        assertEquals("UNKNOWN", label(a, "TRIPLE_CLASS_EXPOSED"));
        assertEquals("UNKNOWN", label(a, "PENTA_REFRACTORY"));
    }

    @Test
    void nearMissNoTherapyRecordedStatesNoClass() {
        Assessment a = sample("ndmm-transplant-eligible.json");
        assertNull(a.findings().drugClasses());
        assertNull(a.findings().classLabels());
    }

    private static Assessment qaBundle(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    /**
     * FINDINGS Z4: with no disease-status Observation, the PI row named no progression although the serum M-protein dates
     * one (2026-07-13, lenalidomide refractory by it). Bortezomib stays undecided, as its exposure is, and the text names
     * that progression and says why it does not decide bortezomib.
     */
    @Test
    void aProgressionDerivedFromTheMProteinIsNamedWhereItLeavesTheClassUndecided() throws Exception {
        Assessment a = qaBundle("s20z-09-mprotein-g-per-l-rise-meets-imwg-on-maintenance-no-status-observation");
        Findings.DrugClassStatus pi = drugClass(a, "PROTEASOME_INHIBITOR");
        assertEquals("UNKNOWN", pi.refractoriness(), pi.text());
        assertTrue(pi.text().contains("no disease-status assessment is recorded; the only dated progression is read from a"
                + " laboratory series (the progression on 2026-07-13 derived from the serum M-protein (Observation/mp-7))"), pi.text());
        assertTrue(!pi.text().contains("so no progression can be placed against a last dose"), pi.text());
        assertEquals("REFRACTORY", drugClass(a, "IMID").refractoriness());
        assertTrue(MarkdownReport.render(a).contains("Proteasome inhibitor (PI): exposed to bortezomib; refractoriness unknown"
                + " (undecided: bortezomib): no disease-status assessment is recorded; the only dated progression is read"), "report row");
    }

    /** Near miss of Z4: the twin with a recorded progression Observation is decided and says nothing of a series. */
    @Test
    void aRecordedProgressionNeedsNoWordAboutALaboratorySeries() throws Exception {
        Assessment a = qaBundle("s20z-08-lenalidomide-statement-active-start-only-five-years-pd-observation");
        Findings.DrugClassStatus pi = drugClass(a, "PROTEASOME_INHIBITOR");
        assertEquals("NOT_REFRACTORY", pi.refractoriness(), pi.text());
        assertTrue(!pi.text().contains("laboratory series"), pi.text());
    }
}
