package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DataGapItem;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * qa-bundles/FINDINGS.md W4: a disease-status assessment the engine cannot read, or relapse known only from an undated
 * code, leaves the last line's drugs' refractoriness unknown, never "not refractory". Built on
 * fhir-samples/rrmm-isa-pd-candidate.json (line 3 IRd 2024-08-26 to 2026-09-15, progression-3 coded 2026-09-12,
 * myeloma coded C90.02).
 */
class DiseaseStatusFindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE = Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json");

    private static ObjectNode bundle() throws Exception { return (ObjectNode) JSON.readTree(SAMPLE.toFile()); }

    private static ObjectNode progression3(ObjectNode bundle) {
        for (var e : bundle.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals("progression-3")) return (ObjectNode) e.get("resource");
        }
        throw new AssertionError("Observation/progression-3");
    }

    private static Assessment evaluate(ObjectNode bundle) {
        return Samples.evaluate(bundle);
    }

    private static Findings.Exposure ixazomib(Assessment a) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals("IXAZOMIB")).findFirst().orElseThrow();
    }

    private static List<String> gapCodes(Assessment a) { return a.dataGaps().stream().map(DataGapItem::code).toList(); }

    @Test
    void aCodedProgressionMakesTheLastLinesDrugRefractoryAndRaisesNoStatusGap() throws Exception {
        Assessment a = evaluate(bundle());
        assertTrue(ixazomib(a).refractory());
        assertFalse(ixazomib(a).refractoryUnknown());
        assertFalse(gapCodes(a).contains("DISEASE_STATUS_UNREADABLE"));
        assertNull(a.findings().unrecognised());
    }

    @Test
    void aTextOnlyPdIsListedAsUnrecognisedRaisesAGapAndLeavesRefractorinessUnknown() throws Exception {
        ObjectNode b = bundle();
        progression3(b).set("valueCodeableConcept", JSON.readTree("{\"text\":\"PD\"}"));
        Assessment a = evaluate(b);
        assertFalse(ixazomib(a).refractory());
        assertTrue(ixazomib(a).refractoryUnknown(), "ixazomib must be 'unknown', not 'not refractory'");
        assertTrue(gapCodes(a).contains("DISEASE_STATUS_UNREADABLE"), gapCodes(a).toString());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("REFRACTORY_STATUS_UNKNOWN")
                && g.text().startsWith("ixazomib refractoriness unknown: the disease-status assessment on 2026-09-12")), a.dataGaps().toString());
        List<Findings.Item> unrecognised = a.findings().unrecognised();
        assertEquals(1, unrecognised.size());
        assertTrue(unrecognised.get(0).text().startsWith("Observation/progression-3: no code 'PD'"), unrecognised.get(0).text());
        assertEquals("Observation/progression-3", unrecognised.get(0).facts().get(0).reference());
    }

    @Test
    void aProgressionEnteredInErrorLeavesCodedRelapseUndatedAndTheLastLinesDrugUnknown() throws Exception {
        ObjectNode b = bundle();
        progression3(b).put("status", "entered-in-error");
        // a coding recorded after line 3 started is read as current, with no day for the relapse itself (one recorded
        // before line 3 started, or undated after three lines, would not document relapse after it:
        // CDS-POLICY-RELAPSE-CODING-DATE, CDS-POLICY-RELCODE-UNDATED, RelapseReadingTest)
        for (var e : b.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals("mm-1")) ((ObjectNode) e.get("resource")).put("recordedDate", "2026-10-01");
        }
        Assessment a = evaluate(b);
        assertEquals("DOCUMENTED", a.findings().relapse().status());
        assertFalse(ixazomib(a).refractory());
        assertTrue(ixazomib(a).refractoryUnknown());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("REFRACTORY_STATUS_UNKNOWN")
                && g.text().contains("relapse is documented only without a date")), a.dataGaps().toString());
        assertNull(a.findings().unrecognised());
    }

    @Test
    void aPreliminaryProgressionIsShownAsPreliminaryRaisesAGapAndLeavesRefractorinessUnknown() throws Exception {
        ObjectNode b = bundle();
        progression3(b).put("status", "preliminary");
        Assessment a = evaluate(b);
        assertTrue(a.findings().diseaseStatus().stream().anyMatch(e -> e.date().equals("2026-09-12")
                && e.status().equals("PRELIMINARY_PROGRESSION")), a.findings().diseaseStatus().toString());
        assertFalse(ixazomib(a).refractory());
        assertTrue(ixazomib(a).refractoryUnknown());
        assertTrue(gapCodes(a).contains("DISEASE_STATUS_UNCONFIRMED"), gapCodes(a).toString());
        assertFalse(gapCodes(a).contains("DISEASE_STATUS_UNREADABLE"));
    }

    // S3: code stable, text "PD" - conflicting, read as neither (like the text-only "PD"): refractoriness unknown, never
    // "not refractory", and relapse not "shows no progression".
    @Test
    void aStableCodeWithTextPdIsConflictingAndLeavesRefractorinessUnknown() throws Exception {
        ObjectNode b = bundle();
        progression3(b).set("valueCodeableConcept", JSON.readTree(
                "{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"359746009\"}],\"text\":\"PD\"}"));
        Assessment a = evaluate(b);
        assertFalse(ixazomib(a).refractory());
        assertTrue(ixazomib(a).refractoryUnknown(), "ixazomib must be 'unknown', not 'not refractory'");
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("DISEASE_STATUS_UNREADABLE")
                && g.text().contains("coded SNOMED CT 359746009 (stable), but its text 'PD' reads as progression")), a.dataGaps().toString());
        assertFalse(a.findings().relapse().text().contains("shows no progression"), a.findings().relapse().text());
        assertTrue(a.findings().diseaseStatus().stream().anyMatch(e -> e.date().equals("2026-09-12") && e.status().equals("OTHER")));
    }

    @Test
    void nearMissAStableCodeWithTextStableDiseaseIsReadAsStable() throws Exception {
        ObjectNode b = bundle();
        progression3(b).set("valueCodeableConcept", JSON.readTree(
                "{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"359746009\"}],\"text\":\"stable disease\"}"));
        Assessment a = evaluate(b);
        assertFalse(gapCodes(a).contains("DISEASE_STATUS_UNREADABLE"), gapCodes(a).toString());
        assertEquals("NOT_RELAPSED", a.findings().relapse().status());
    }

    // Item 2: a serum M-protein rise that partial dates leave possible only (DERIVE-RELAPSE-21), later than the only
    // assessment without progression, makes relapse UNDETERMINED naming the values, not "shows no progression".
    @Test
    void aPossibleMProteinProgressionAfterTheLatestImprovedAssessmentLeavesRelapseUndetermined() throws Exception {
        Assessment a = evaluate(mProteinRise("2026-07"));
        assertEquals("UNDETERMINED", a.findings().relapse().status());
        String text = a.findings().relapse().text();
        assertTrue(text.contains("Serum M-protein 0.4 g/dL in 2026-07") && text.contains("0.9 g/dL on 2026-07-13")
                && text.contains("is earlier, so it does not show the disease since"), text);
        assertFalse(text.contains("shows no progression"), text);
    }

    @Test
    void nearMissTheSameLowestValueFullyDatedIsADocumentedRelapse() throws Exception {
        Assessment a = evaluate(mProteinRise("2026-07-01"));
        assertEquals("DOCUMENTED", a.findings().relapse().status());
    }

    // Item 5: a certain M-protein progression whose first value is dated only by month is the whole month; lenalidomide
    // stopped 2026-05-15 (60-day window to 2026-07-14), so a July rise leaves its refractoriness unknown, never decided
    // on 1 July; a June rise lies inside the window whatever the day (near miss).
    @Test
    void aCertainMProteinProgressionDatedByMonthAcrossThe60DayBoundLeavesRefractorinessUnknown() throws Exception {
        Assessment a = evaluate(mProteinRiseFirstValue("2026-07"));
        assertEquals("DOCUMENTED", a.findings().relapse().status());
        assertTrue(a.findings().relapse().text().contains("to 0.9 g/dL in 2026-07"), a.findings().relapse().text());
        Findings.Exposure len = lenalidomide(a);
        assertFalse(len.refractory());
        assertTrue(len.refractoryUnknown(), "lenalidomide must be 'unknown', not refractory by 1 July");
    }

    @Test
    void nearMissTheSameProgressionDatedJuneIsInsideTheWindowAndRefractory() throws Exception {
        Findings.Exposure len = lenalidomide(evaluate(mProteinRiseFirstValue("2026-06")));
        assertTrue(len.refractory());
        assertFalse(len.refractoryUnknown());
    }

    private static Findings.Exposure lenalidomide(Assessment a) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals("LENALIDOMIDE")).findFirst().orElseThrow();
    }

    private static ObjectNode mProteinRiseFirstValue(String date) throws Exception {
        ObjectNode b = mProteinRise("2024-09-16");
        for (var e : b.withArray("entry")) {
            ObjectNode r = (ObjectNode) e.get("resource");
            if (r.path("id").asText().equals("mprotein-2026-07")) r.put("effectiveDateTime", date);
            if (r.path("id").asText().equals("line1-maint-lenalidomide")) ((ObjectNode) r.get("effectivePeriod")).put("end", "2026-05-15");
        }
        return b;
    }

    private static ObjectNode mProteinRise(String nadirDate) throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Samples.samplesDir().resolve("rrmm-m-protein-rise.json").toFile());
        for (var e : b.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals("mprotein-2024-09")) {
                ((ObjectNode) e.get("resource")).put("effectiveDateTime", nadirDate);
            }
        }
        return b;
    }
}
