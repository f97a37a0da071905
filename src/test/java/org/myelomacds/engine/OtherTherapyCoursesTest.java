package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * Sweep D5 (qa-bundles/FINDINGS.md): therapy set apart as "other therapy" (here D-VCd for AL amyloidosis, six cycles
 * recorded dose by dose) is listed per drug course, as the myeloma exposures are, not one entry per dose.
 */
class OtherTherapyCoursesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode bundle() throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("qa-bundles/s12a-13-dvcd-for-al-then-mm-ndmm.json").toFile());
    }

    @Test
    void sixCyclesOfDvcdForAlAmyloidosisAreOneCoursePerDrugWithTheirReasonAndRule() throws Exception {
        Assessment a = Samples.evaluate(bundle());
        List<Findings.OtherTherapy> other = a.findings().priorTherapy().otherTherapy();
        assertEquals(3, other.size(), other.toString());
        for (Findings.OtherTherapy o : other) {
            assertEquals("2024-01-22", o.start());
            assertEquals("2024-07-01", o.end());
            assertEquals("PRECURSOR", o.decidedBy());
            assertTrue(o.reason().startsWith("given for AL amyloidosis (Condition/al)"), o.reason());
            assertTrue(o.reason().contains("one course of 24 records from 2024-01-22 to 2024-07-01"), o.reason());
            assertEquals(25, o.facts().size(), "the condition and each of the 24 records");
        }
    }

    @Test
    void nearMissASingleDoseStaysOneEntryWithItsReasonAsBefore() throws Exception {
        ObjectNode b = bundle();
        ArrayNode kept = JSON.createArrayNode();
        for (var e : b.withArray("entry")) {
            String id = e.path("resource").path("id").asText();
            if (!id.startsWith("al-") || id.equals("al-dara-0-0")) kept.add(e);
        }
        b.set("entry", kept);
        Assessment a = Samples.evaluate(b);
        List<Findings.OtherTherapy> other = a.findings().priorTherapy().otherTherapy();
        assertEquals(1, other.size(), other.toString());
        assertEquals("DARATUMUMAB", other.get(0).drug());
        assertFalse(other.get(0).reason().contains("one course of"), other.get(0).reason());
    }

    private static final String BREAST_CANCER_CHEMOTHERAPY =
            "qa-bundles/s15a-14-r-maint-breast-cancer-paclitaxel-hold-resume-pd.json";

    /**
     * Sweep G5: paclitaxel and trastuzumab for breast cancer, drugs the catalogue does not list (read as "dosed per m²"
     * and "antineoplastic INN stem"), were one entry per dose under those category names. Each is now one entry under
     * the name its records give, with its first and last day and how many records it holds.
     */
    @Test
    void unlistedDrugsForAnotherCancerAreOneEntryPerRecordedNameWithTheirDays() throws Exception {
        Assessment a = Samples.evaluate((ObjectNode) JSON.readTree(Path.of(BREAST_CANCER_CHEMOTHERAPY).toFile()));
        List<Findings.OtherTherapy> other = a.findings().priorTherapy().otherTherapy();
        assertEquals(List.of("paclitaxel", "trastuzumab"),
                other.stream().map(Findings.OtherTherapy::recordedName).sorted().toList(), other.toString());
        Findings.OtherTherapy paclitaxel = other.stream().filter(o -> "paclitaxel".equals(o.recordedName())).findFirst().orElseThrow();
        assertEquals("2025-04-14", paclitaxel.start());
        assertEquals("2025-06-30", paclitaxel.end());
        assertEquals("UNLISTED_NAME_BSA_DOSED", paclitaxel.drug(), "the category it was read as stays in drug");
        assertTrue(paclitaxel.reason().endsWith("; 12 records of paclitaxel"), paclitaxel.reason());
        assertEquals(13, paclitaxel.facts().size(), "the condition and each of the 12 records");
        Findings.OtherTherapy trastuzumab = other.stream().filter(o -> "trastuzumab".equals(o.recordedName())).findFirst().orElseThrow();
        assertEquals("2025-07-28", trastuzumab.end());
        assertTrue(trastuzumab.reason().endsWith("; 6 records of trastuzumab"), trastuzumab.reason());
    }

    @Test
    void nearMissTwoUnlistedDrugsOfOneCategoryWithDifferentNamesStayApart() throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Path.of(BREAST_CANCER_CHEMOTHERAPY).toFile());
        // The first paclitaxel dose renamed docetaxel: same category (dosed per m²), another drug.
        for (var e : b.withArray("entry")) {
            if (!e.path("resource").path("id").asText().equals("pac-0")) continue;
            ObjectNode concept = (ObjectNode) e.path("resource").path("medicationCodeableConcept");
            concept.put("text", "docetaxel 75 mg/m2 IV");
            ((ObjectNode) concept.withArray("coding").get(0)).put("code", "72962").put("display", "docetaxel");
        }
        Assessment a = Samples.evaluate(b);
        List<Findings.OtherTherapy> other = a.findings().priorTherapy().otherTherapy();
        Findings.OtherTherapy docetaxel = other.stream().filter(o -> "docetaxel".equals(o.recordedName())).findFirst().orElseThrow();
        assertEquals("2025-04-14", docetaxel.start());
        assertFalse(docetaxel.reason().contains("records of"), docetaxel.reason());
        Findings.OtherTherapy paclitaxel = other.stream().filter(o -> "paclitaxel".equals(o.recordedName())).findFirst().orElseThrow();
        assertEquals("2025-04-21", paclitaxel.start());
        assertTrue(paclitaxel.reason().endsWith("; 11 records of paclitaxel"), paclitaxel.reason());
    }

    /**
     * Sweep J6: one drug charted under several wordings of dose and diluent ("paclitaxel 80 mg/m2 IV weekly",
     * "PACLitaxel 144 mg in NaCl 250 mL IV") is one entry naming each wording; a brand name the catalogue does not know
     * ("Taxol") cannot be told to be the same drug and stays an entry of its own.
     */
    @Test
    void wordingsOfOneUnlistedDrugAreOneEntryNamingEachButABrandNameStaysApart() throws Exception {
        Assessment a = Samples.evaluate((ObjectNode) JSON.readTree(
                Path.of("qa-bundles/s16j-10b-other-therapy-several-names-reason-breast-cancer.json").toFile()));
        List<Findings.OtherTherapy> other = a.findings().priorTherapy().otherTherapy();
        Findings.OtherTherapy paclitaxel = other.stream().filter(o -> "paclitaxel".equals(o.recordedName())).findFirst().orElseThrow();
        assertTrue(paclitaxel.reason().contains("; 8 records of paclitaxel (recorded as 'paclitaxel 80 mg/m2 IV weekly',"
                + " 'PACLitaxel 144 mg in NaCl 250 mL IV')"), paclitaxel.reason());
        assertEquals("2024-03-04", paclitaxel.start());
        assertTrue(other.stream().anyMatch(o -> "Taxol".equals(o.recordedName())), other.toString());
    }

    /**
     * FINDINGS J6 remainder: records that share an RxNorm code name one drug, a brand among them ("Taxol 80 mg/m2" coded
     * with the paclitaxel ingredient 56946; "Herceptin" and "trastuzumab" with 224905): one entry each. The biosimilar
     * charted by text only stays apart.
     */
    @Test
    void aBrandAndItsGenericSharingAnRxNormCodeAreOneEntry() throws Exception {
        List<Findings.OtherTherapy> other = otherTherapy("s17g-j6-01-other-therapy-brand-and-generic-share-rxnorm-ingredient");
        assertEquals(3, other.size(), other.toString());
        Findings.OtherTherapy paclitaxel = other.stream().filter(o -> "paclitaxel".equals(o.recordedName())).findFirst().orElseThrow();
        assertTrue(paclitaxel.reason().contains("; 12 records of paclitaxel") && paclitaxel.reason().contains("'Taxol 80 mg/m2'"),
                paclitaxel.reason());
        assertTrue(other.stream().anyMatch(o -> "Herceptin".equals(o.recordedName())
                && o.reason().contains("4 records of Herceptin") && o.reason().contains("'trastuzumab 420 mg IV'")), other.toString());
        assertTrue(other.stream().anyMatch(o -> "TRASTUZUMAB-ANNS".equals(o.recordedName())), other.toString());
    }

    /** Near miss: the brand with no code stays an entry of its own; nothing in the record ties it to paclitaxel. */
    @Test
    void nearMissABrandWithNoCodeStaysApart() throws Exception {
        List<Findings.OtherTherapy> other = otherTherapy("s17g-j6-02-near-miss-brand-with-no-code-stays-apart");
        assertEquals(4, other.size(), other.toString());
        assertTrue(other.stream().anyMatch(o -> "Taxol".equals(o.recordedName())), other.toString());
    }

    private static List<Findings.OtherTherapy> otherTherapy(String bundle) throws Exception {
        Assessment a = Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", bundle + ".json").toFile()));
        return a.findings().priorTherapy().otherTherapy();
    }

    @Test
    void theDrugWordIsTheNameBeforeItsDoseOrParenthesis() {
        assertEquals("PACLitaxel", OtherTherapyFindings.drugWord("PACLitaxel 144 mg in NaCl 250 mL IV"));
        assertEquals("TRASTUZUMAB-ANNS", OtherTherapyFindings.drugWord("TRASTUZUMAB-ANNS (Kanjinti) 6 mg/kg"));
        assertEquals("paclitaxel", OtherTherapyFindings.drugWord("paclitaxel"));
        assertEquals("5-FU", OtherTherapyFindings.drugWord("5-FU"), "a name that starts with a digit is kept whole");
    }

    private static final String AL_CYBORD = "qa-bundles/s18p-03-al-amyloidosis-dara-cybord-with-reason-then-myeloma-vrd-r.json";

    /**
     * FINDINGS P6: the weekly dexamethasone of CyBorD-daratumumab for AL amyloidosis (24 one-day records) is one course,
     * as the bortezomib and cyclophosphamide given on the same days are, not 24 entries.
     */
    @Test
    void aSteroidSetApartIsGroupedPerCourseLikeTheOtherDrugs() throws Exception {
        Assessment a = Samples.evaluate((ObjectNode) JSON.readTree(Path.of(AL_CYBORD).toFile()));
        List<Findings.OtherTherapy> dex = a.findings().priorTherapy().otherTherapy().stream()
                .filter(o -> "DEXAMETHASONE".equals(o.drug())).toList();
        assertEquals(1, dex.size(), dex.toString());
        assertEquals("2021-03-01", dex.get(0).start());
        assertEquals("2021-08-09", dex.get(0).end());
        assertTrue(dex.get(0).reason().contains("one course of 24 records from 2021-03-01 to 2021-08-09"), dex.get(0).reason());

        // near miss: doses more than 60 days apart are two courses; a single dose stays one entry as before
        ObjectNode b = (ObjectNode) JSON.readTree(Path.of(AL_CYBORD).toFile());
        ArrayNode kept = JSON.createArrayNode();
        for (var e : b.withArray("entry")) {
            String id = e.path("resource").path("id").asText();
            if (!id.startsWith("al-dex-") || id.equals("al-dex-2021-03-01") || id.equals("al-dex-2021-03-08")
                    || id.equals("al-dex-2021-08-09")) kept.add(e);
        }
        b.set("entry", kept);
        List<Findings.OtherTherapy> apart = Samples.evaluate(b).findings().priorTherapy().otherTherapy().stream()
                .filter(o -> "DEXAMETHASONE".equals(o.drug())).toList();
        assertEquals(2, apart.size(), apart.toString());
        assertTrue(apart.get(0).reason().contains("one course of 2 records"), apart.get(0).reason());
        assertFalse(apart.get(1).reason().contains("one course of"), apart.get(1).reason());
    }
}
