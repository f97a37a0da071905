package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 14 (relapse4), issue 10 bullet 8: the relapse leftovers of note-s13 "Left". Each case beside a near miss.
 */
class RelapseLeftoversS14Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode sample(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Samples.samplesDir().resolve(name).toFile());
    }

    private static ObjectNode qa(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Samples.projectDir().resolve("qa-bundles").resolve(name).toFile());
    }

    private static ObjectNode resource(ObjectNode bundle, String id) {
        for (var e : bundle.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals(id)) return (ObjectNode) e.get("resource");
        }
        throw new AssertionError(id);
    }

    private static ObjectNode mProtein(ObjectNode bundle, String id, double value, String comparator) {
        ObjectNode q = resource(bundle, id).putObject("valueQuantity");
        q.put("value", value);
        if (comparator != null) q.put("comparator", comparator);
        q.put("unit", "g/dL").put("system", "http://unitsofmeasure.org").put("code", "g/dL");
        return q;
    }

    private static List<Findings.RelapseSignal> possibleMProteinSignals(Assessment a) {
        return a.findings().relapse().signals().stream()
                .filter(s -> s.reading().equals("POSSIBLE_RELAPSE") && s.source().equals("M_PROTEIN")).toList();
    }

    // ---- sweep s13-relapse3 S2: a ">x" M-protein followed by an exact rise on the latest result ------------------------
    // fhir-samples/rrmm-m-protein-rise: lowest 0.4 g/dL (2024-09-16), then 0.5, 0.9 (2026-07-13), 1.2 g/dL (2026-08-24).

    @Test
    void aGreaterThanResultFollowedByAnExactRiseOnTheLatestResultIsOneSeriesWithOneText() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        mProtein(b, "mprotein-2026-07", 0.5, ">");
        Assessment a = Samples.evaluate(b);
        assertEquals("UNDETERMINED", a.findings().relapse().status(), a.findings().relapse().text());
        List<Findings.RelapseSignal> possible = possibleMProteinSignals(a);
        assertEquals(1, possible.size(), possible.toString());
        String text = possible.get(0).text();
        assertTrue(text.contains("reported as >0.5 g/dL on 2026-07-13"), text);
        assertTrue(text.contains("1.2 g/dL on 2026-08-24"), text);
        assertTrue(text.contains("if the first is not a rise, the second is one on the latest result only, unconfirmed"), text);
        assertFalse(a.findings().relapse().text().contains("on this one measurement"), a.findings().relapse().text());
    }

    @Test
    void nearMissAGreaterThanResultWithNoPartnerLeavesTheLatestRiseToItsOwnText() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        mProtein(b, "mprotein-2026-07", 0.5, ">");
        ObjectNode extra = resource(b, "mprotein-2026-08").deepCopy();
        extra.put("id", "mprotein-2026-08-03").put("effectiveDateTime", "2026-08-03");
        extra.putObject("valueQuantity").put("value", 0.6).put("unit", "g/dL")
                .put("system", "http://unitsofmeasure.org").put("code", "g/dL");
        b.withArray("entry").addObject().put("fullUrl", "urn:uuid:0b7e3a52-7d7e-4b8e-9d55-a14e00000001")
                .set("resource", extra);
        Assessment a = Samples.evaluate(b);
        List<Findings.RelapseSignal> possible = possibleMProteinSignals(a);
        assertEquals(1, possible.size(), possible.toString());
        assertTrue(possible.get(0).text().contains("on this one measurement, the latest on record"), possible.get(0).text());
    }

    // ---- sweep s13-relapse3 S1: the involved light chain read from the myeloma diagnosis's words ------------------------
    // qa-bundles/s12f-dflc-confirmed-rise-on-len: free kappa rising to 17 mg/dL, lambda about 1 mg/dL, serum M-protein 0,
    // Condition/mm "Light-chain (kappa) multiple myeloma".

    private static void ife(ObjectNode b, String text) {
        ObjectNode o = b.withArray("entry").addObject().put("fullUrl", "urn:uuid:5e1a4b00-0000-4000-8000-0000000000aa")
                .putObject("resource");
        o.put("resourceType", "Observation").put("id", "ife-test").put("status", "final").put("effectiveDateTime", "2026-10-05");
        o.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", "14895-7");
        o.set("subject", resource(b, "mm").get("subject").deepCopy());
        o.putObject("valueCodeableConcept").put("text", text);
    }

    @Test
    void theDiagnosisWordsNameTheInvolvedChainSoARiseOfTheOtherChainIsNoFreeLightChainProgression() throws Exception {
        ObjectNode b = qa("s12f-dflc-confirmed-rise-on-len.json");
        ((ObjectNode) resource(b, "mm").get("code")).put("text", "Light-chain (lambda) multiple myeloma");
        Assessment a = Samples.evaluate(b);
        assertEquals("NOT_DOCUMENTED", a.findings().relapse().status(), a.findings().relapse().text());
        assertTrue(a.findings().relapse().signals().stream().noneMatch(s -> s.source().equals("FREE_LIGHT_CHAIN")),
                a.findings().relapse().signals().toString());
    }

    @Test
    void nearMissTheDiagnosisWordsNamingKappaReadTheRiseAndSayWhere() throws Exception {
        Assessment a = Samples.evaluate(qa("s12f-dflc-confirmed-rise-on-len.json"));
        String text = a.findings().relapse().text();
        assertEquals("UNDETERMINED", a.findings().relapse().status(), text);
        assertTrue(text.contains("kappa involved, as Condition/mm (the diagnosis: 'Light-chain (kappa) multiple myeloma') names it"), text);
        assertFalse(text.contains("taken as involved"), text);
    }

    @Test
    void aNoteGivingTheRatioIsNoIsotypeStatement() throws Exception {
        ObjectNode b = qa("s12f-dflc-confirmed-rise-on-len.json");
        ObjectNode mm = resource(b, "mm");
        ((ObjectNode) mm.get("code")).put("text", "Multiple myeloma");
        mm.putArray("note").addObject().put("text", "FLC kappa/lambda ratio 12 at diagnosis; free kappa 182 mg/dL");
        String text = Samples.evaluate(b).findings().relapse().text();
        assertTrue(text.contains("kappa taken as involved: the higher chain on 2026-10-05"), text);
    }

    @Test
    void aDiagnosisAndAnImmunofixationThatDisagreeLeaveTheChainUnknownNamingBothAndTheRisePossible() throws Exception {
        ObjectNode b = qa("s12f-dflc-confirmed-rise-on-len.json");
        ife(b, "IgG lambda monoclonal protein");
        Assessment a = Samples.evaluate(b);
        String text = a.findings().relapse().text();
        assertEquals("UNDETERMINED", a.findings().relapse().status(), text);
        assertTrue(text.contains("the records disagree on the involved light chain (Condition/mm (the diagnosis:"
                + " 'Light-chain (kappa) multiple myeloma') names kappa, but Observation/ife-test names lambda)"), text);
        assertTrue(text.contains("with free kappa as involved it rose"), text);
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.text().startsWith("The involved light chain is unknown: Condition/mm")
                && g.text().contains("Observation/ife-test names lambda")), a.dataGaps().toString());
    }

    @Test
    void nearMissADiagnosisAndAnImmunofixationThatAgreeNameBothWithoutAGap() throws Exception {
        ObjectNode b = qa("s12f-dflc-confirmed-rise-on-len.json");
        ife(b, "Free kappa light chain, monoclonal");
        Assessment a = Samples.evaluate(b);
        String text = a.findings().relapse().text();
        assertTrue(text.contains("kappa involved, as Condition/mm (the diagnosis: 'Light-chain (kappa) multiple myeloma')"
                + " and Observation/ife-test name it"), text);
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.text().startsWith("The involved light chain is unknown")),
                a.dataGaps().toString());
    }

    // ---- D6 side effect (s12a-18): a provisional relapse code during the only line, still given ---------------------------
    // fhir-samples/treated-remission-on-maintenance: VRd -> ASCT -> lenalidomide maintenance still given, C90.01, stable
    // 2026-09-15; a provisional C90.02 "relapse?" recorded 2026-10-05.

    private static ObjectNode relapseQueried(boolean maintenanceStopped) throws Exception {
        ObjectNode b = sample("treated-remission-on-maintenance.json");
        if (maintenanceStopped) {
            ObjectNode m = resource(b, "line1-maint-lenalidomide");
            m.put("status", "completed");
            m.putObject("effectivePeriod").put("start", "2023-08-01").put("end", "2026-09-30");
        }
        ObjectNode c = b.withArray("entry").addObject().put("fullUrl", "urn:uuid:5e1a4b00-0000-4000-8000-0000000000bb")
                .putObject("resource");
        c.put("resourceType", "Condition").put("id", "mm-relapse-query").put("onsetDateTime", "2023-01-10")
                .put("recordedDate", "2026-10-05");
        c.set("subject", resource(b, "mm-1").get("subject").deepCopy());
        c.putObject("verificationStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-ver-status").put("code", "provisional");
        ObjectNode code = c.putObject("code");
        code.putArray("coding").addObject().put("system", "http://hl7.org/fhir/sid/icd-10-cm").put("code", "C90.02");
        code.put("text", "Multiple myeloma in relapse?");
        return b;
    }

    private static String status(Assessment a, String regimen) {
        return a.notRecommended().stream().filter(n -> n.regimen().equals(regimen)).findFirst()
                .map(n -> n.status()).orElse("RECOMMENDED");
    }

    @Test
    void aProvisionalRelapseCodeDuringTheOnlyLineStillGivenLeavesTheSettingUndecided() throws Exception {
        Assessment a = Samples.evaluate(relapseQueried(false));
        assertEquals("UNKNOWN", a.setting());
        assertEquals("INSUFFICIENT_DATA", status(a, "DARA_VRD"));
        assertEquals("INSUFFICIENT_DATA", status(a, "DARA_KD"));
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RELAPSE_UNCONFIRMED")
                && g.wouldAffect().contains("DARA_VRD") && g.wouldAffect().contains("DARA_KD")), a.dataGaps().toString());
    }

    @Test
    void nearMissTheSameQueryAfterTheOnlyLineEndedIsPreviouslyTreated() throws Exception {
        Assessment a = Samples.evaluate(relapseQueried(true));
        assertEquals("RRMM", a.setting());
        assertEquals("NOT_ELIGIBLE", status(a, "DARA_VRD"));
        assertEquals("INSUFFICIENT_DATA", status(a, "DARA_KD"));
    }

    // ---- note-s13 "Left": the relapsed-myeloma regimens during first-line therapy under way, one decision ----------------

    private static List<org.myelomacds.assessment.Statement> reasons(Assessment a, String regimen) {
        return a.notRecommended().stream().filter(n -> n.regimen().equals(regimen)).findFirst().orElseThrow().reasons();
    }

    @Test
    void duringFirstLineTherapyUnderWayARelapsedMyelomaRegimenHasOneSettingDecisionItsLabels() throws Exception {
        Assessment a = Samples.evaluate(qa("s13f-induction-vrd-cycle3.json"));
        assertEquals("NDMM_TRANSPLANT_ELIGIBLE", a.setting());
        for (String r : List.of("DARA_KD", "DARA_VD", "DARA_PD", "DARA_MONO", "DARA_RD", "ISA_KD", "ISA_PD")) {
            assertEquals("NOT_ELIGIBLE", status(a, r), r);
            List<org.myelomacds.assessment.Statement> setting = reasons(a, r).stream()
                    .filter(s -> s.criterion().equals("setting")).toList();
            assertEquals(1, setting.size(), r + " " + setting);
            assertEquals("FAILED", setting.get(0).outcome(), r);
            assertTrue(setting.get(0).text().contains("on first-line therapy since 2026-09-01"), setting.get(0).text());
        }
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.rule().equals("GAP-FIRSTLINE-01") && g.wouldAffect().contains("DARA_KD")),
                a.dataGaps().toString());
    }

    @Test
    void nearMissAfterAProgressionOnTheFirstLineTheRelapsedMyelomaRegimensAreAssessed() throws Exception {
        Assessment a = Samples.evaluate(qa("s13f-maintenance-then-progression.json"));
        assertEquals("RRMM", a.setting());
        assertTrue(a.recommendations().stream().anyMatch(r -> r.regimen().equals("DARA_KD"))
                || reasons(a, "DARA_KD").stream().noneMatch(s -> s.criterion().equals("setting")), a.toString());
    }
}
