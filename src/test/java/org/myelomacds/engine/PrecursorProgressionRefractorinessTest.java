package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DataGapItem;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FINDINGS P1, P2 (issue 10 bullet 6; CDS-POLICY-RELCODE-PRECURSOR-PROGRESSION, -PRECURSOR-ANTI-CD38-PROGRESSION): a
 * drug given for a precursor up to the first myeloma diagnosis, the diagnosis the only record of the progression, leaves
 * refractoriness to it UNKNOWN (DERIVE-REFRACTORY-81, GAP-REFRACTORY-16), never "not refractory": the trial populations
 * that need "not refractory" to it are undecided and earn no points, and the caution beside them stays. A diagnosis more
 * than 60 days after the last dose leaves the drug not refractory; a dated progression on it makes it refractory.
 */
class PrecursorProgressionRefractorinessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEN_HIT = "s18p-04b-smm-lenalidomide-myeloma-dx-on-it-no-pd-observation.json";
    private static final String LEN_CONTROL = "s18p-04-smm-lenalidomide-progression-to-mm-on-it-then-vcd.json";
    private static final String DARA_HIT = "s18p-03c-al-amyloidosis-dara-to-2024-12-myeloma-dx-on-it-no-pd-observation.json";

    private static ObjectNode bundle(String name) throws Exception {
        Path p = Samples.projectDir().resolve("qa-bundles").resolve(name);
        return (ObjectNode) JSON.readTree(Files.readAllBytes(p));
    }

    private static ObjectNode resource(ObjectNode b, String id) {
        for (var e : b.get("entry")) if (id.equals(e.path("resource").path("id").asText())) return (ObjectNode) e.get("resource");
        throw new AssertionError(id);
    }

    private static void remove(ObjectNode b, String id) {
        ArrayNode entries = (ArrayNode) b.get("entry");
        for (int i = 0; i < entries.size(); i++) {
            if (id.equals(entries.get(i).path("resource").path("id").asText())) { entries.remove(i); return; }
        }
        throw new AssertionError(id);
    }

    private static List<DataGapItem> precursorGaps(Assessment a) {
        return a.dataGaps().stream().filter(g -> "GAP-REFRACTORY-16".equals(g.rule())).toList();
    }

    private static Findings.DrugClassStatus drugClass(Assessment a, String c) {
        return a.findings().drugClasses().stream().filter(x -> x.drugClass().equals(c)).findFirst()
                .orElseThrow(() -> new AssertionError(c + " not in " + a.findings().drugClasses()));
    }

    private static int score(Assessment a, String regimen) {
        return a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).findFirst()
                .orElseThrow(() -> new AssertionError(regimen)).score();
    }

    private static boolean flagged(Assessment a, String code, String rulePrefix) {
        return a.flags().stream().anyMatch(f -> f.code().equals(code) && f.rule().startsWith(rulePrefix));
    }

    @Test
    void lenalidomideForSmoulderingMyelomaUpToTheDiagnosisLeavesLenalidomideRefractorinessUnknownAndPolluxUndecided() throws Exception {
        Assessment a = Samples.evaluate(bundle(LEN_HIT));
        List<DataGapItem> gaps = precursorGaps(a);
        assertEquals(1, gaps.size(), a.dataGaps().toString());
        assertEquals("REFRACTORY_STATUS_UNKNOWN", gaps.get(0).code());
        assertTrue(gaps.get(0).text().startsWith("lenalidomide refractoriness unknown: progression to myeloma from High-risk"
                + " smouldering multiple myeloma (Condition/smm) on lenalidomide or within 60 days of its last dose"
                + " (MedicationStatement/smm-len, 2022-01-10 to 2024-03-06), recorded only by the diagnosis on 2024-03-08"
                + " (Condition/mm): whether that makes the myeloma lenalidomide-refractory is not settled by the evidence"
                + " (project policy CDS-POLICY-RELCODE-PRECURSOR-PROGRESSION)"), gaps.get(0).text());
        Findings.DrugClassStatus imid = drugClass(a, "IMID");
        assertEquals("UNKNOWN", imid.refractoriness(), imid.toString());
        assertEquals("UNKNOWN", Samples.criterion(a, "DARA_RD", "pollux-population").outcome());
        assertEquals(35, score(a, "DARA_RD"));
        // the caution stays; the generic undecided flag does not repeat it
        assertTrue(flagged(a, "PARTNER_DRUG_REFRACTORY", "FLAG-PARTNER-30"), a.flags().toString());
        assertFalse(flagged(a, "PARTNER_DRUG_REFRACTORY_UNKNOWN", "FLAG-PARTNER-08"), a.flags().toString());
    }

    @Test
    void nearMissLenalidomideStoppedMoreThan60DaysBeforeTheDiagnosisIsNotRefractory() throws Exception {
        ObjectNode b = bundle(LEN_HIT);
        resource(b, "smm-len").set("effectivePeriod", JSON.readTree("{\"start\":\"2022-01-10\",\"end\":\"2023-12-20\"}"));
        Assessment a = Samples.evaluate(b);
        assertTrue(precursorGaps(a).isEmpty(), a.dataGaps().toString());
        assertEquals("NOT_REFRACTORY", drugClass(a, "IMID").refractoriness());
        assertEquals("MET", Samples.criterion(a, "DARA_RD", "pollux-population").outcome());
        assertFalse(flagged(a, "PARTNER_DRUG_REFRACTORY", "FLAG-PARTNER-30"), a.flags().toString());
    }

    @Test
    void nearMissADatedProgressionOnLenalidomideMakesItRefractoryWithNoOpenQuestion() throws Exception {
        Assessment a = Samples.evaluate(bundle(LEN_CONTROL));
        assertTrue(precursorGaps(a).isEmpty(), a.dataGaps().toString());
        assertEquals("REFRACTORY", drugClass(a, "IMID").refractoriness());
        assertEquals(35, score(a, "DARA_RD"));
    }

    @Test
    void daratumumabForAlAmyloidosisTo39DaysBeforeTheDiagnosisLeavesAntiCd38RefractorinessUnknownAndIkemaUndecided() throws Exception {
        Assessment a = Samples.evaluate(bundle(DARA_HIT));
        List<DataGapItem> gaps = precursorGaps(a);
        assertEquals(1, gaps.size(), a.dataGaps().toString());
        assertTrue(gaps.get(0).text().startsWith("daratumumab refractoriness unknown: progression to myeloma from AL"
                + " amyloidosis"), gaps.get(0).text());
        assertTrue(gaps.get(0).text().contains("recorded only by the diagnosis on 2025-01-10 (Condition/mm): whether that"
                + " makes the myeloma daratumumab-refractory is not settled by the evidence (project policy"
                + " CDS-POLICY-PRECURSOR-ANTI-CD38-PROGRESSION)"), gaps.get(0).text());
        assertEquals("UNKNOWN", drugClass(a, "ANTI_CD38").refractoriness());
        assertEquals("UNKNOWN", Samples.criterion(a, "ISA_KD", "ikema-population").outcome());
        assertEquals(50, score(a, "ISA_KD"));
        assertTrue(flagged(a, "ANTI_CD38_REFRACTORY", "FLAG-PARTNER-40"), a.flags().toString());
    }

    @Test
    void nearMissDaratumumabLastGiven67DaysBeforeTheDiagnosisIsNotRefractory() throws Exception {
        ObjectNode b = bundle(DARA_HIT);
        remove(b, "al-dara-2024-12-02");
        Assessment a = Samples.evaluate(b);
        assertTrue(precursorGaps(a).isEmpty(), a.dataGaps().toString());
        assertEquals("NOT_REFRACTORY", drugClass(a, "ANTI_CD38").refractoriness());
        assertEquals("MET", Samples.criterion(a, "ISA_KD", "ikema-population").outcome());
        assertFalse(flagged(a, "ANTI_CD38_REFRACTORY", "FLAG-PARTNER-40"), a.flags().toString());
    }
}
