package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * QA sweep G, G1 (CDS-POLICY-CART2-PROCEDURE): a CAR-T recorded only as a Procedure (CPT 0540T, "CAR-T cell infusion:
 * ciltacabtagene autoleucel (Carvykti)") vanished: a 4-line patient read "3 prior lines" with US D-Kd and Isa-Kd on
 * label, and with the lymphodepletion charted line 3 was "cyclophosphamide, fludarabine". The Procedure is now the
 * product given on its date, so the timeline places it as it places an administration; with no product named it is
 * named in a THERAPY_UNCLASSIFIED gap; a planned infusion and the other steps of CAR-T care add nothing.
 */
class CarTProcedureTimelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String qaBundle) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", qaBundle + ".json").toFile()));
    }

    private static Findings.Line line(Assessment a, int n) { return a.findings().priorTherapy().lines().get(n - 1); }

    private static String status(Assessment a, String regimen) {
        return a.notRecommended().stream().filter(r -> r.regimen().equals(regimen)).map(r -> r.status()).findFirst()
                .orElseGet(() -> a.recommendations().stream().filter(r -> r.regimen().equals(regimen))
                        .map(r -> r.status()).findFirst().orElseThrow());
    }

    private static boolean exposedTo(Assessment a, String drug) {
        return a.findings().exposures().stream().anyMatch(e -> e.drug().equals(drug));
    }

    @Test
    void withItsLymphodepletionLineThreeIsTheCarTAndTheLymphodepletion() throws Exception {
        Assessment a = evaluate("s15a-12-vrd-asct-r-dpd-cart-procedure-only-teclistamab-pd");
        assertEquals(4, a.findings().priorTherapy().priorLines());
        Findings.Line l3 = line(a, 3);
        assertEquals(List.of("CYCLOPHOSPHAMIDE", "CILTACABTAGENE_AUTOLEUCEL", "FLUDARABINE"), l3.drugs());
        assertEquals("2024-01-08", l3.start());
        assertEquals("2024-01-13", l3.end());
        assertTrue(exposedTo(a, "CILTACABTAGENE_AUTOLEUCEL"));
        assertEquals(List.of("TECLISTAMAB"), line(a, 4).drugs());
    }

    @Test
    void theProcedureAloneIsLineThreeAndTheOneToThreeLineLabelsAreNotMet() throws Exception {
        Assessment a = evaluate("s15a-12b-cart-procedure-only-no-lymphodepletion-teclistamab-pd");
        assertEquals(4, a.findings().priorTherapy().priorLines());
        assertEquals(List.of("CILTACABTAGENE_AUTOLEUCEL"), line(a, 3).drugs());
        assertEquals("PROGRESSION", line(a, 3).openedBy());
        assertEquals("NOT_ELIGIBLE", status(a, "DARA_KD"));
        assertEquals("NOT_ELIGIBLE", status(a, "ISA_KD"));
    }

    @Test
    void noProductNamedIsNamedInAGapAndKeepsTheOneToThreeLineLabelsUndecided() throws Exception {
        Assessment a = evaluate("s15c-03-cart-words-only-no-code-no-product");
        List<String> texts = Samples.gapTexts(a, "THERAPY_UNCLASSIFIED");
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.get(0).contains("CAR-T cells were given (Procedure/cart, 2024-01-13"), texts.get(0));
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.rule().equals("GAP-THERAPY-86")));
        assertEquals("INSUFFICIENT_DATA", status(a, "DARA_KD"));
        assertEquals("INSUFFICIENT_DATA", status(a, "ISA_KD"));
    }

    @Test
    void nearMissAPlannedInfusionIsNoLineNoExposureAndNoGap() throws Exception {
        Assessment a = evaluate("s15c-04-near-miss-cart-procedure-planned-only");
        assertEquals(3, a.findings().priorTherapy().priorLines());
        assertFalse(exposedTo(a, "CILTACABTAGENE_AUTOLEUCEL"));
        assertEquals(List.of(), Samples.gapTexts(a, "THERAPY_UNCLASSIFIED"));
    }

    @Test
    void nearMissReferralEvaluationAndLeukapheresisNamingTheProductAreNoDoses() throws Exception {
        Assessment a = evaluate("s15c-06-cart-referral-evaluation-leukapheresis-then-infusion");
        assertEquals(4, a.findings().priorTherapy().priorLines());
        Findings.Line l3 = line(a, 3);
        assertEquals("2024-01-08", l3.start(), "the CAR-T line starts with its lymphodepletion, not at the leukapheresis");
        Findings.Exposure cilta = a.findings().exposures().stream()
                .filter(e -> e.drug().equals("CILTACABTAGENE_AUTOLEUCEL")).findFirst().orElseThrow();
        assertEquals("2024-01-13", cilta.firstDose());
    }

    /** s15c-02 (CPT 0540T, no product named) with one MedicationAdministration added on the infusion day. */
    private static Assessment withAdministrationOnTheInfusionDay(String drugText) throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Path.of("qa-bundles", "s15c-02-cart-0540t-no-product-named.json").toFile());
        String subject = b.path("entry").get(1).path("resource").path("subject").path("reference").asText();
        ObjectNode admin = JSON.createObjectNode().put("resourceType", "MedicationAdministration").put("id", "same-day")
                .put("status", "completed").put("effectiveDateTime", "2024-01-13T10:00:00-05:00");
        admin.putObject("medicationCodeableConcept").put("text", drugText);
        admin.putObject("subject").put("reference", subject);
        ((com.fasterxml.jackson.databind.node.ArrayNode) b.get("entry")).addObject().set("resource", admin);
        return Samples.evaluate(b);
    }

    @Test
    void aCarTOfUnknownProductOnTheDayAnAdministrationNamesTheProductIsThatAdministration() throws Exception {
        Assessment a = withAdministrationOnTheInfusionDay("ciltacabtagene autoleucel (Carvykti)");
        assertEquals(List.of(), Samples.gapTexts(a, "THERAPY_UNCLASSIFIED"));
        assertEquals(List.of("CYCLOPHOSPHAMIDE", "CILTACABTAGENE_AUTOLEUCEL", "FLUDARABINE"), line(a, 3).drugs());
    }

    @Test
    void nearMissAnotherDrugGivenOnTheInfusionDayDoesNotAbsorbTheCells() throws Exception {
        Assessment a = withAdministrationOnTheInfusionDay("fludarabine 30 mg/m2 IV");
        List<String> texts = Samples.gapTexts(a, "THERAPY_UNCLASSIFIED");
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.get(0).contains("Procedure/cart"), texts.get(0));
    }
}
