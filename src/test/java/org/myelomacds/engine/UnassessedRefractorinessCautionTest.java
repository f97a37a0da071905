package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Flag;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelomacds.scenario.Samples.criterion;
import static org.myelomacds.scenario.Samples.gapTexts;

/**
 * qa-bundles/FINDINGS.md G2 (CDS-POLICY-UNKFLAG-NO-ASSESSMENT): D-Rd given until August 2026, the relapse known only as a
 * C90.02 problem-list Condition recorded 2026-09-14, and no dated disease-status assessment at all. Daratumumab and
 * lenalidomide refractoriness are undecided (GAP-REFRACTORY-01), and that must reach the options: every anti-CD38 regimen
 * carries ANTI_CD38_REFRACTORY_UNKNOWN, D-Rd the lenalidomide partner caution, and D-Vd is no longer credited with the
 * CASTOR population (prior anti-CD38 therapy, [M]). The coding inside each drug's 60-day window is said, with the days.
 * The near miss (s15a-02) has a dated progression: daratumumab is then decided refractory, never undecided as well.
 */
class UnassessedRefractorinessCautionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode bundle(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Path.of(System.getProperty("project.basedir", "."), "qa-bundles", name + ".json").toFile());
    }

    private static ObjectNode onTherapyRelapseCoding() throws Exception {
        return bundle("s15a-24b-drd-administered-relapse-only-c9002-on-therapy");
    }

    private static ObjectNode resource(ObjectNode b, String id) {
        for (var e : b.get("entry")) if (id.equals(e.path("resource").path("id").asText())) return (ObjectNode) e.get("resource");
        throw new AssertionError(id);
    }

    private static List<Flag> flags(Assessment a, String code) {
        return a.flags().stream().filter(f -> f.code().equals(code)).toList();
    }

    private static Recommendation option(Assessment a, String regimen) {
        return a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).findFirst()
                .orElseThrow(() -> new AssertionError(regimen + " not ranked"));
    }

    private static boolean carries(Recommendation r, String code) {
        return r.flags().stream().anyMatch(f -> f.code().equals(code));
    }

    @Test
    void aRelapseCodedAfterDrdWithNoDatedAssessmentCautionsEveryAntiCd38RegimenAndDrd() throws Exception {
        Assessment a = Samples.evaluate(onTherapyRelapseCoding());

        List<Flag> antiCd38 = flags(a, "ANTI_CD38_REFRACTORY_UNKNOWN");
        assertEquals(1, antiCd38.size(), antiCd38.toString());
        Flag f = antiCd38.get(0);
        assertEquals("FLAG-WASHOUT-06", f.rule());
        assertEquals("WARNING", f.severity());
        assertTrue(f.regimens().containsAll(List.of("DARA_VD", "DARA_RD", "DARA_KD", "ISA_KD")), f.regimens().toString());
        assertTrue(f.evidence().containsAll(List.of("IMWG-C11", "ICARIA-LO22", "IRAKLIA-REG", "CDS-POLICY-UNKFLAG-NO-ASSESSMENT")),
                f.evidence().toString());
        assertTrue(f.text().contains("daratumumab (2024-02-05 to 2026-08-17) was given, but no dated disease-status assessment is recorded"), f.text());
        assertTrue(f.text().contains("myeloma was coded in relapse (C90.02, Condition/mm-relapse) on a record written 2026-09-14"
                + " (onset 2026-09-10), 28 days after the last daratumumab dose (2026-08-17), inside the 60-day refractory window"), f.text());
        assertTrue(f.text().contains("does not decide refractoriness"), f.text());

        Flag partner = flags(a, "PARTNER_DRUG_REFRACTORY_UNKNOWN").stream().filter(p -> p.regimens().contains("DARA_RD"))
                .findFirst().orElseThrow(() -> new AssertionError(a.flags().toString()));
        assertEquals("FLAG-PARTNER-44", partner.rule());
        assertTrue(partner.text().contains("whether the disease is lenalidomide-refractory is undecided: lenalidomide (2024-02-05 to"), partner.text());
        assertTrue(partner.text().contains("days after the last lenalidomide dose"), partner.text());

        Recommendation drd = option(a, "DARA_RD");
        assertTrue(carries(drd, "ANTI_CD38_REFRACTORY_UNKNOWN") && carries(drd, "PARTNER_DRUG_REFRACTORY_UNKNOWN"), drd.flags().toString());

        Recommendation dvd = option(a, "DARA_VD");
        assertTrue(carries(dvd, "ANTI_CD38_REFRACTORY_UNKNOWN"), dvd.flags().toString());
        assertEquals("UNKNOWN", criterion(a, "DARA_VD", "prior-anti-cd38").outcome());
        assertTrue(dvd.rationale().stream().noneMatch(s -> s.text().startsWith("Matches the CASTOR population")), dvd.rationale().toString());
        assertTrue(dvd.scoreComponents().stream().noneMatch(c -> c.points() == 30), dvd.scoreComponents().toString());
        assertEquals("UNKNOWN", criterion(a, "ISA_KD", "anti-cd38-refractory").outcome());
        // no points for an undecided caution: the scores are the label and the washout only
        assertEquals(dvd.score(), drd.score());

        List<String> gaps = gapTexts(a, "REFRACTORY_STATUS_UNKNOWN");
        assertTrue(gaps.stream().anyMatch(g -> g.contains("daratumumab: myeloma was coded in relapse (C90.02, Condition/mm-relapse)")
                && g.contains("28 days after the last daratumumab dose (2026-08-17)")), gaps.toString());
    }

    @Test
    void nearMissACodingMoreThan60DaysAfterTheLastDaratumumabIsNotSaidOfDaratumumab() throws Exception {
        ObjectNode b = onTherapyRelapseCoding();
        // 74 days after the last daratumumab dose (2026-08-17), within 60 days of the last lenalidomide dispense's supply
        resource(b, "mm-relapse").put("recordedDate", "2026-10-30").put("onsetDateTime", "2026-10-30");
        Assessment a = Samples.evaluate(b);
        Flag f = flags(a, "ANTI_CD38_REFRACTORY_UNKNOWN").get(0);
        assertEquals("FLAG-WASHOUT-06", f.rule(), "the refractoriness is still undecided: no dated assessment");
        assertFalse(f.text().contains("coded in relapse"), f.text());
        Flag partner = flags(a, "PARTNER_DRUG_REFRACTORY_UNKNOWN").stream().filter(p -> p.regimens().contains("DARA_RD")).findFirst().orElseThrow();
        assertTrue(partner.text().contains("on a record written 2026-10-30"), partner.text());
    }

    @Test
    void nearMissADatedProgressionDecidesDaratumumabRefractoryWithNoUndecidedCaution() throws Exception {
        Assessment a = Samples.evaluate(bundle("s15a-02-drd-dara-sc-hcpcs-oid-only-len-dispenses-pd"));
        assertTrue(flags(a, "ANTI_CD38_REFRACTORY_UNKNOWN").isEmpty(), a.flags().toString());
        assertFalse(flags(a, "ANTI_CD38_REFRACTORY").isEmpty());
        Recommendation drd = option(a, "DARA_RD");
        assertTrue(carries(drd, "PARTNER_DRUG_REFRACTORY") && !carries(drd, "PARTNER_DRUG_REFRACTORY_UNKNOWN"), drd.flags().toString());
        assertTrue(gapTexts(a, "REFRACTORY_STATUS_UNKNOWN").stream().noneMatch(g -> g.contains("no dated disease-status assessment")));
    }
}
