package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Flag;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 bullet 6 (CDS-POLICY-PRECURSOR-ANTI-CD38-PROGRESSION, CDS-POLICY-PRECURSOR-BORTEZOMIB-PROGRESSION): an anti-CD38
 * antibody or bortezomib given for smouldering myeloma, the myeloma diagnosed on it (or within 60 days) and no
 * disease-status assessment on record. Before, the diagnosis was placed against nothing: every anti-CD38 regimen carried
 * only the washout flag and the generic "no dated disease-status assessment" gap.
 */
class PrecursorAntiCd38BortezomibCautionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-01");

    /** fhir-samples/ndmm-after-daratumumab-for-smm without its disease-status assessment. */
    private static ObjectNode bundle() throws Exception {
        Path p = Path.of(System.getProperty("project.basedir", "."), "fhir-samples", "ndmm-after-daratumumab-for-smm.json");
        ObjectNode b = (ObjectNode) JSON.readTree(Files.readAllBytes(p));
        var entries = b.withArray("entry");
        for (int i = entries.size() - 1; i >= 0; i--) {
            if ("status-progression-to-mm".equals(entries.get(i).path("resource").path("id").asText())) entries.remove(i);
        }
        return b;
    }

    private static ObjectNode resource(ObjectNode b, String id) {
        for (var e : b.get("entry")) if (id.equals(e.path("resource").path("id").asText())) return (ObjectNode) e.get("resource");
        throw new AssertionError(id);
    }

    private static void bortezomib(ObjectNode b) throws Exception {
        resource(b, "dara-smm").set("medicationCodeableConcept", JSON.readTree("{\"coding\":[{\"system\":"
                + "\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"358258\",\"display\":\"bortezomib\"}],"
                + "\"text\":\"bortezomib 1.3 mg/m2 SC\"}"));
        resource(b, "dara-smm").remove("dosage");
    }

    private static Assessment evaluate(ObjectNode b) throws Exception {
        var rulebase = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        var record = Samples.reader().read(JSON.writeValueAsBytes(b), AS_OF, rulebase.terminology());
        return new Evaluator(rulebase).evaluate(record, new EvaluationContext(AS_OF, Jurisdiction.US));
    }

    private static List<Flag> flags(Assessment a, String code, String rule) {
        return a.flags().stream().filter(f -> f.code().equals(code) && f.rule().startsWith(rule)).toList();
    }

    @Test
    void myelomaDiagnosedWithin60DaysOfDaratumumabForSmoulderingMyelomaCautionsEveryAntiCd38Regimen() throws Exception {
        Assessment a = evaluate(bundle());
        List<Flag> f = flags(a, "ANTI_CD38_REFRACTORY", "FLAG-PARTNER-40");
        assertEquals(1, f.size(), a.flags().toString());
        assertEquals("WARNING", f.get(0).severity());
        assertTrue(f.get(0).regimens().containsAll(List.of("DARA_VRD", "DARA_VTD", "ISA_VRD")), f.get(0).regimens().toString());
        assertTrue(f.get(0).text().contains("daratumumab was given for High-risk smoldering multiple myeloma (Condition/smm-1)"), f.get(0).text());
        assertTrue(f.get(0).text().contains("CDS-POLICY-PRECURSOR-ANTI-CD38-PROGRESSION"), f.get(0).text());
    }

    @Test
    void nearMissDaratumumabStoppedMoreThan60DaysBeforeTheDiagnosisGivesNoRefractoryCaution() throws Exception {
        ObjectNode b = bundle();
        resource(b, "dara-smm").set("effectivePeriod", JSON.readTree("{\"start\":\"2023-09-04\",\"end\":\"2026-05-01\"}"));
        Assessment a = evaluate(b);
        assertTrue(a.flags().stream().noneMatch(f -> f.code().startsWith("ANTI_CD38_REFRACTORY")), a.flags().toString());
        // the exposure still counts for the washout: 184 days at asOf, the adequate band (no washout flag)
        assertEquals(184, a.findings().antiCd38Washout().days(), a.findings().antiCd38Washout().toString());
    }

    @Test
    void aDiagnosisDatedByMonthGivesTheUndecidedAntiCd38Caution() throws Exception {
        ObjectNode b = bundle();
        resource(b, "mm-1").put("onsetDateTime", "2026-10");
        Assessment a = evaluate(b);
        assertTrue(flags(a, "ANTI_CD38_REFRACTORY", "FLAG-PARTNER-40").isEmpty(), a.flags().toString());
        assertFalse(flags(a, "ANTI_CD38_REFRACTORY_UNKNOWN", "FLAG-PARTNER-41").isEmpty(), a.flags().toString());
    }

    @Test
    void myelomaDiagnosedOnBortezomibForSmoulderingMyelomaCautionsTheNewlyDiagnosedBortezomibRegimens() throws Exception {
        ObjectNode b = bundle();
        bortezomib(b);
        Assessment a = evaluate(b);
        List<Flag> f = flags(a, "PARTNER_DRUG_REFRACTORY", "FLAG-PARTNER-42");
        assertEquals(1, f.size(), a.flags().toString());
        assertTrue(f.get(0).regimens().containsAll(List.of("DARA_VRD", "DARA_VTD", "ISA_VRD")), f.get(0).regimens().toString());
        assertFalse(f.get(0).regimens().contains("DARA_RD"), f.get(0).regimens().toString());
        assertTrue(flags(a, "ANTI_CD38_REFRACTORY", "FLAG-PARTNER-40").isEmpty(), a.flags().toString());
    }

    @Test
    void nearMissBortezomibStoppedLongBeforeTheDiagnosisGivesNoCaution() throws Exception {
        ObjectNode b = bundle();
        bortezomib(b);
        resource(b, "dara-smm").set("effectivePeriod", JSON.readTree("{\"start\":\"2023-09-04\",\"end\":\"2026-05-01\"}"));
        Assessment a = evaluate(b);
        assertTrue(a.flags().stream().noneMatch(f -> f.code().startsWith("PARTNER_DRUG_REFRACTORY")), a.flags().toString());
    }
}
