package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Flag;
import org.myelomacds.scenario.Samples;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 leftovers (CDS-POLICY-UNDECIDED-CAUTION): a caution whose deciding fact the record leaves undecided is raised
 * as an undecided caution on the regimens it concerns, never left out. Carfilzomib given at an unknown time: Isa-Kd
 * (WARNING), D-Kd (INFO) and D-Vd (INFO, [M]) carry PARTNER_DRUG_REFRACTORY_UNKNOWN (FLAG-PARTNER-22..24). Daratumumab
 * given at an unknown time: every anti-CD38 regimen carries ANTI_CD38_WASHOUT_UNDECIDED and ANTI_CD38_REFRACTORY_UNKNOWN
 * (FLAG-WASHOUT-03, -05). Near misses: the same drug dated, and the sample without it.
 */
class UndecidedCautionFlagsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ONE_LINE_SUBJECT = "urn:uuid:f0de80c5-3562-57ea-ba3b-838eb0ffeb53";

    private static Assessment evaluate(ObjectNode bundle) {
        return Samples.evaluate(bundle);
    }

    private static ObjectNode sample(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Samples.samplesDir().resolve(name + ".json").toFile());
    }

    /** A completed MedicationStatement of RxNorm {@code code}, with {@code period} (JSON) or no date when null. */
    private static ObjectNode withStatement(ObjectNode b, String subject, String code, String name, String period) throws Exception {
        b.withArray("entry").add(JSON.readTree("""
                {"resource":{"resourceType":"MedicationStatement","id":"added-stmt","status":"completed",
                 "subject":{"reference":"%s"},%s
                 "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"%s","display":"%s"}],"text":"%s"}}}"""
                .formatted(subject, period == null ? "" : "\"effectivePeriod\":" + period + ",", code, name, name)));
        return b;
    }

    private static Optional<Flag> flag(Assessment a, String code, String regimen) {
        return a.flags().stream().filter(f -> f.code().equals(code) && f.regimens().contains(regimen)).findFirst();
    }

    @Test
    void undatedCarfilzomibRaisesTheUndecidedPartnerFlagOnTheCarfilzomibRegimens() throws Exception {
        Assessment a = evaluate(withStatement(sample("rrmm-one-prior-line"), ONE_LINE_SUBJECT, "1302966", "carfilzomib", null));
        Flag isaKd = flag(a, "PARTNER_DRUG_REFRACTORY_UNKNOWN", "ISA_KD").orElseThrow(() -> new AssertionError(a.flags()));
        assertEquals("WARNING", isaKd.severity());
        assertTrue(isaKd.text().contains("carfilzomib refractoriness unknown") && isaKd.text().contains("IKEMA"), isaKd.text());
        assertEquals("INFO", flag(a, "PARTNER_DRUG_REFRACTORY_UNKNOWN", "DARA_KD").orElseThrow().severity());
        assertEquals("INFO", flag(a, "PARTNER_DRUG_REFRACTORY_UNKNOWN", "DARA_VD").orElseThrow().severity());
    }

    @Test
    void carfilzomibDatedYearsBeforeTheProgressionRaisesNoUndecidedPartnerFlag() throws Exception {
        Assessment a = evaluate(withStatement(sample("rrmm-one-prior-line"), ONE_LINE_SUBJECT, "1302966", "carfilzomib",
                "{\"start\":\"2023-01-23\",\"end\":\"2023-04-13\"}"));
        assertTrue(a.flags().stream().noneMatch(f -> f.code().startsWith("PARTNER_DRUG_REFRACTORY") && !f.regimens().contains("DARA_RD")),
                a.flags().toString());
    }

    @Test
    void undatedDaratumumabIsAnUndecidedWashoutAndRefractorinessOnEveryAntiCd38Regimen() throws Exception {
        Assessment a = evaluate(withStatement(sample("rrmm-isa-pd-candidate"), "Patient/pt-isapd", "2372199",
                "daratumumab / hyaluronidase", null));
        for (String regimen : List.of("ISA_PD", "ISA_KD", "DARA_PD", "DARA_KD", "DARA_MONO")) {
            Flag washout = flag(a, "ANTI_CD38_WASHOUT_UNDECIDED", regimen).orElseThrow(() -> new AssertionError(regimen + " " + a.flags()));
            assertEquals("WARNING", washout.severity());
            assertTrue(washout.text().contains("MedicationStatement/added-stmt has no date"), washout.text());
            Flag refractory = flag(a, "ANTI_CD38_REFRACTORY_UNKNOWN", regimen).orElseThrow(() -> new AssertionError(regimen + " " + a.flags()));
            assertTrue(refractory.text().contains("ICARIA-MM excluded anti-CD38-refractory disease"), refractory.text());
        }
        assertTrue(a.flags().stream().noneMatch(f -> f.code().equals("ANTI_CD38_REFRACTORY")), a.flags().toString());
    }

    @Test
    void withoutAnAntiCd38ExposureNoUndecidedAntiCd38CautionIsRaised() throws Exception {
        Assessment a = evaluate(sample("rrmm-isa-pd-candidate"));
        assertTrue(a.flags().stream().noneMatch(f -> f.code().equals("ANTI_CD38_WASHOUT_UNDECIDED")
                || f.code().equals("ANTI_CD38_REFRACTORY_UNKNOWN")), a.flags().toString());
    }
}
