package org.myelomacds.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelomacds.evidence.LabelIndication.Status;
import org.myelomacds.scenario.Samples;

/** Label indications as of the evaluation date: the day before and the day of an approval, month-only and undated ones. */
class LabelIndicationTest {

    private static LabelIndication dated(String effective, String ended) {
        return new LabelIndication("DARA_VRD", "US-SC-TI", "US", "Darzalex Faspro (SC)", "SC", "NDMM ineligible for ASCT",
                LabelDate.parse(effective), ended == null ? null : LocalDate.parse(ended), null, null, List.of("CEPHEUS-FDA26"), null);
    }

    @Test
    void anIndicationIsInForceFromTheDayOfItsApprovalNotTheDayBefore() {
        LabelIndication i = dated("2026-01-27", null);
        assertEquals(Status.NOT_YET_APPROVED, i.statusOn(LocalDate.of(2026, 1, 26)));
        assertEquals(Status.IN_FORCE, i.statusOn(LocalDate.of(2026, 1, 27)));
        assertEquals(Status.NOT_YET_APPROVED, i.statusOn(LocalDate.of(2025, 12, 1)));
        assertEquals("Darzalex Faspro (SC), US: NDMM ineligible for ASCT was approved on 2026-01-27, after the assessment date",
                i.whyNotInForce(LocalDate.of(2026, 1, 26)));
        assertNull(i.assumption(LocalDate.of(2026, 1, 27)));
    }

    @Test
    void anIndicationThatEndedIsNotInForceFromItsEndDay() {
        LabelIndication i = dated("2020-01-01", "2024-03-01");
        assertEquals(Status.IN_FORCE, i.statusOn(LocalDate.of(2024, 2, 29)));
        assertEquals(Status.ENDED, i.statusOn(LocalDate.of(2024, 3, 1)));
        assertTrue(i.whyNotInForce(LocalDate.of(2024, 3, 1)).endsWith("ended on 2024-03-01, before the assessment date"));
    }

    @Test
    void aMonthOnlyDateIsAssumedInForceWithinTheMonthAndSaysSo() {
        LabelIndication i = dated("2024-10", null);
        assertEquals(Status.NOT_YET_APPROVED, i.statusOn(LocalDate.of(2024, 9, 30)));
        assertEquals(Status.ASSUMED_IN_FORCE, i.statusOn(LocalDate.of(2024, 10, 1)));
        assertEquals(Status.ASSUMED_IN_FORCE, i.statusOn(LocalDate.of(2024, 10, 31)));
        assertEquals(Status.IN_FORCE, i.statusOn(LocalDate.of(2024, 11, 1)));
        assertTrue(i.assumption(LocalDate.of(2024, 10, 15)).contains("approved in October 2024 (day not given); assumed in force on 2024-10-15"));
    }

    @Test
    void anUndatedIndicationIsAssumedInForceUnlessTheCompendiumSaysItWasNotYetApproved() {
        LabelIndication i = new LabelIndication("ISA_VRD", "US-SC-TI", "US", "Sarclisa Escena (SC)", "SC", "NDMM not eligible for ASCT",
                null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 18), List.of("SARC-ESC-USPI"), "no approval notice found");
        assertEquals(Status.NOT_YET_APPROVED, i.statusOn(LocalDate.of(2026, 1, 1)));
        assertEquals(Status.ASSUMED_IN_FORCE, i.statusOn(LocalDate.of(2026, 1, 2)));
        assertTrue(i.assumption(LocalDate.of(2026, 3, 1)).endsWith("approval date not given by the evidence compendium; assumed in force on 2026-03-01"));
        assertTrue(i.assumption(LocalDate.of(2026, 7, 18)).endsWith("on the label by 2026-07-18, so in force on 2026-07-18"));
        assertTrue(i.whyNotInForce(LocalDate.of(2024, 6, 30)).contains("was not yet approved on 2024-06-30 (no approval notice found)"));
    }

    @Test
    void malformedDatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LabelDate.parse("27 Jan 2026"));
        assertThrows(IllegalArgumentException.class, () -> LabelDate.parse("2026-13-01"));
        assertThrows(IllegalArgumentException.class, () -> LabelDate.parse("2026-02-30"));
        assertThrows(IllegalArgumentException.class, () -> LabelDate.parse(""));
        assertEquals(LocalDate.of(2024, 10, 31), LabelDate.parse("2024-10").last());
    }

    private static String catalogueWith(String indication) {
        return """
                DARA_VRD:
                  name: "Daratumumab + bortezomib + lenalidomide + dexamethasone"
                  anti_cd38: "daratumumab"
                  components: ["daratumumab", "bortezomib", "lenalidomide", "dexamethasone"]
                  settings: ["NDMM_TRANSPLANT_INELIGIBLE"]
                  labels:
                    US:
                      evidence: ["DFASPRO-PI"]
                      settings: ["NDMM_TRANSPLANT_INELIGIBLE"]
                      indications:
                """ + indication.indent(8);
    }

    private static RegimenCatalogue parse(String yaml) throws CatalogueException {
        return RegimenCatalogue.parse(yaml.getBytes(StandardCharsets.UTF_8), "regimens.yaml", Samples.terminology().drugs());
    }

    @Test
    void theCatalogueRefusesAMalformedDateAnEndBeforeAStartAndAnUndatedIndicationWithoutANote() throws Exception {
        String ok = """
                - id: "US-SC-TI"
                  product: "Darzalex Faspro (SC)"
                  population: "NDMM ineligible for ASCT"
                  effective: "2026-01-27"
                  evidence: ["CEPHEUS-FDA26"]
                """;
        assertEquals(LocalDate.of(2026, 1, 27), parse(catalogueWith(ok)).indications().get("DARA_VRD/US-SC-TI").effective().first());
        CatalogueException bad = assertThrows(CatalogueException.class, () -> parse(catalogueWith(ok.replace("2026-01-27", "27/01/2026"))));
        assertTrue(bad.getMessage().contains("regimen DARA_VRD, US label indication 'US-SC-TI': effective '27/01/2026' is not a date"), bad.getMessage());
        CatalogueException backwards = assertThrows(CatalogueException.class,
                () -> parse(catalogueWith(ok + "  ended: \"2026-01-26\"\n")));
        assertTrue(backwards.getMessage().contains("ended 2026-01-26 is not after effective 2026-01-27"), backwards.getMessage());
        CatalogueException sameDay = assertThrows(CatalogueException.class,
                () -> parse(catalogueWith(ok + "  ended: \"2026-01-27\"\n")));
        assertTrue(sameDay.getMessage().contains("is not after effective"), sameDay.getMessage());
        assertEquals(LocalDate.of(2026, 1, 28), parse(catalogueWith(ok + "  ended: \"2026-01-28\"\n"))
                .indications().get("DARA_VRD/US-SC-TI").ended());
        CatalogueException undated = assertThrows(CatalogueException.class,
                () -> parse(catalogueWith(ok.replace("  effective: \"2026-01-27\"\n", ""))));
        assertTrue(undated.getMessage().contains("has no effective date and no date_note"), undated.getMessage());
    }

    @Test
    void theShippedCatalogueDatesTheIndicationsOfTheCompendium() throws Exception {
        RegimenCatalogue c = RegimenCatalogue.parse(Files.readAllBytes(Samples.projectDir().resolve("rules/regimens.yaml")),
                "rules/regimens.yaml", Samples.terminology().drugs());
        assertEquals("2026-01-27", c.indications().get("DARA_VRD/US-SC-TI").effective().text());
        assertEquals("2024-09-20", c.indications().get("ISA_VRD/US-IV-TI").effective().text());
        assertEquals("2025-04-07", c.indications().get("DARA_VRD/EU-SC-NDMM").effective().text());
        assertNull(c.indications().get("DARA_KD/EU-KYPROLIS").effective());
        // Every regimen has a dated or explicitly undated indication in both jurisdictions.
        c.regimens().values().forEach(r -> {
            assertTrue(!r.indications("US").isEmpty(), r.id() + " US");
            assertTrue(!r.indications("EU").isEmpty(), r.id() + " EU");
        });
    }
}
