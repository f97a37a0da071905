package org.myelomacds.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Statement;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * qa-bundles/FINDINGS.md L4. (a) A 5-day Paxlovid course (nirmatrelvir/ritonavir) five days after a progression is an
 * antiviral, recognised as no antineoplastic (rules/terminology/medication-non-antineoplastic.json): no
 * THERAPY_UNCLASSIFIED, the same answer as the record without it. The same short course under a name the catalogue does
 * not know still raises GAP-THERAPY-94 (CDS-POLICY-ORAL-AFTER-PROGRESSION reads no course length: a line stopped in its
 * first days is still a line). (b) The US daratumumab monotherapy label is met through its double-refractory branch at
 * any count, so a line range (therapy the engine cannot name, HISTORY-ELIG-03; a partial date, ELIG-COMMON-06) leaves it
 * decided; without double-refractory disease the range still leaves it undecided.
 */
class OrdinaryDrugAfterProgressionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAXLOVID = "s17l-10-paxlovid-five-days-after-pd-kd-41-days-after";
    private static final String WITHOUT_ANTIVIRAL = "s17l-10c-no-antiviral-kd-41-days-after-pd";

    private static ObjectNode bundle(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile());
    }

    private static ObjectNode resource(ObjectNode bundle, String id) {
        for (JsonNode e : bundle.get("entry")) {
            if (id.equals(e.path("resource").path("id").asText())) return (ObjectNode) e.get("resource");
        }
        throw new AssertionError("no resource " + id);
    }

    /** The Paxlovid record renamed to an oral drug the catalogue does not know, the same 5-day course. */
    private static ObjectNode unlistedFiveDayCourse() throws Exception {
        ObjectNode b = bundle(PAXLOVID);
        ObjectNode pax = resource(b, "pax");
        ((ObjectNode) pax.get("medicationCodeableConcept")).put("text", "NEXAVOR 20 mg tablet, twice daily for 5 days");
        ((ObjectNode) pax.get("dosage").get(0)).put("text", "1 tablet by mouth twice daily for 5 days");
        return b;
    }

    private static String status(Assessment a, String regimen) {
        return Stream.concat(a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).map(r -> r.status()),
                a.notRecommended().stream().filter(r -> r.regimen().equals(regimen)).map(r -> r.status()))
                .findFirst().orElseThrow();
    }

    private static List<Statement> statements(Assessment a, String regimen) {
        return Stream.concat(a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).flatMap(r -> r.rationale().stream()),
                a.notRecommended().stream().filter(r -> r.regimen().equals(regimen)).flatMap(r -> r.reasons().stream())).toList();
    }

    private static boolean undecidedBy(Assessment a, String regimen, String criterion, String rule) {
        return statements(a, regimen).stream().anyMatch(s -> criterion.equals(s.criterion()) && "UNKNOWN".equals(s.outcome())
                && rule.equals(s.rule()));
    }

    @Test
    void paxlovidAfterAProgressionIsNoPossibleLine() throws Exception {
        Assessment a = Samples.evaluate(bundle(PAXLOVID));
        assertTrue(Samples.gapTexts(a, "THERAPY_UNCLASSIFIED").isEmpty(), Samples.gapTexts(a, "THERAPY_UNCLASSIFIED").toString());
        Assessment control = Samples.evaluate(bundle(WITHOUT_ANTIVIRAL));
        for (String regimen : List.of("DARA_MONO", "DARA_PD", "ISA_PD", "DARA_KD")) {
            assertEquals(status(control, regimen), status(a, regimen), regimen);
        }
        assertEquals(control.recommendations().stream().map(r -> r.regimen() + " " + r.score()).toList(),
                a.recommendations().stream().map(r -> r.regimen() + " " + r.score()).toList());
    }

    @Test
    void nearMissTheSameFiveDayCourseOfAnUnlistedDrugStillRaisesTheGap() throws Exception {
        List<String> gaps = Samples.gapTexts(Samples.evaluate(unlistedFiveDayCourse()), "THERAPY_UNCLASSIFIED");
        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).contains("'NEXAVOR 20 mg tablet, twice daily for 5 days': MedicationStatement/pax"), gaps.get(0));
    }

    @Test
    void doubleRefractoryDiseaseKeepsDaratumumabMonotherapyOnLabelBesideTherapyTheEngineCannotName() throws Exception {
        Assessment a = Samples.evaluate(unlistedFiveDayCourse());
        assertEquals("ELIGIBLE_WITH_CAUTIONS", status(a, "DARA_MONO"));
        assertTrue(statements(a, "DARA_MONO").stream().anyMatch(s -> "us-double-refractory".equals(s.criterion())
                && "MET".equals(s.outcome())), statements(a, "DARA_MONO").toString());
        assertFalse(undecidedBy(a, "DARA_MONO", "us-prior-therapy", "HISTORY-ELIG-03"), statements(a, "DARA_MONO").toString());
    }

    @Test
    void nearMissWithoutDoubleRefractoryDiseaseTheUnnamedTherapyLeavesTheLineLimitUndecided() throws Exception {
        Assessment a = Samples.evaluate(bundle("s17g-a3-01-unlisted-oral-daily-from-14-days-after-pd-nothing-else"));
        assertEquals("INSUFFICIENT_DATA", status(a, "DARA_MONO"));
        assertTrue(undecidedBy(a, "DARA_MONO", "us-prior-therapy", "HISTORY-ELIG-03"), statements(a, "DARA_MONO").toString());
    }

    /** The record without the antiviral, its transplant dated by year only: 2 to 4 lines (ELIG-COMMON-06). */
    private static ObjectNode transplantDatedByYear() throws Exception {
        ObjectNode b = bundle(WITHOUT_ANTIVIRAL);
        resource(b, "asct").put("performedDateTime", "2019");
        return b;
    }

    @Test
    void doubleRefractoryDiseaseKeepsDaratumumabMonotherapyOnLabelAcrossAPartialDateRange() throws Exception {
        Assessment a = Samples.evaluate(transplantDatedByYear());
        assertTrue(undecidedBy(a, "DARA_KD", "prior-lines", "ELIG-COMMON-06"), "the range is there: " + statements(a, "DARA_KD"));
        assertEquals("ELIGIBLE_WITH_CAUTIONS", status(a, "DARA_MONO"));
        assertFalse(undecidedBy(a, "DARA_MONO", "us-prior-therapy", "ELIG-COMMON-06"), statements(a, "DARA_MONO").toString());
    }

    @Test
    void nearMissWithoutTheProgressionOnCarfilzomibTheRangeLeavesMonotherapyUndecided() throws Exception {
        ObjectNode b = transplantDatedByYear();
        com.fasterxml.jackson.databind.node.ArrayNode kept = JSON.createArrayNode();
        for (JsonNode e : b.get("entry")) if (!"pd-2".equals(e.path("resource").path("id").asText())) kept.add(e);
        b.set("entry", kept);
        Assessment a = Samples.evaluate(b);
        assertEquals("INSUFFICIENT_DATA", status(a, "DARA_MONO"));
        assertTrue(undecidedBy(a, "DARA_MONO", "us-prior-therapy", "ELIG-COMMON-06"), statements(a, "DARA_MONO").toString());
    }
}
