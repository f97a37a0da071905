package org.myelomacds.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep K, findings K1 and K2 (qa-bundles/FINDINGS.md): an end a record gives but that cannot be read is an unknown end,
 * never one day. K1: a MedicationStatement whose effectivePeriod ends before it starts keeps its start, its end is
 * unknown and named (CDS-POLICY-PERIOD-END-BEFORE-START, GAP-THERAPY-100). K2: a dispense without daysSupply lasts its
 * quantity divided by its dosage's daily amount, else to an unknown day after the hand-over
 * (CDS-POLICY-DISPENSE-SUPPLY-FROM-DOSAGE, GAP-THERAPY-101).
 */
class UnreadableEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REVERSED = Path.of("qa-bundles/s17k-03-dara-statement-period-end-before-start.json");
    private static final Path QUANTITY_ONLY = Path.of("qa-bundles/s17k-04-len-dispenses-quantity-only-pd-72-days-after-last-fill.json");
    private static final Path WITH_SUPPLY = Path.of("qa-bundles/s17k-04b-len-fills-refill-after-pd-then-kd.json");

    private static ObjectNode read(Path p) throws Exception { return (ObjectNode) JSON.readTree(p.toFile()); }

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    private static void edit(ObjectNode bundle, Predicate<JsonNode> which, java.util.function.Consumer<ObjectNode> change) {
        for (JsonNode e : bundle.withArray("entry")) {
            if (which.test(e.path("resource"))) change.accept((ObjectNode) e.path("resource"));
        }
    }

    private static void remove(ObjectNode bundle, Predicate<JsonNode> which) {
        ArrayNode entries = bundle.withArray("entry");
        for (int i = entries.size() - 1; i >= 0; i--) if (which.test(entries.get(i).path("resource"))) entries.remove(i);
    }

    private static Predicate<JsonNode> id(String id) { return r -> r.path("id").asText().equals(id); }

    private static boolean flagged(Assessment a, String code) {
        return a.flags().stream().anyMatch(f -> f.code().equals(code))
                || a.recommendations().stream().anyMatch(r -> r.flags().stream().anyMatch(f -> f.code().equals(code)));
    }

    // ---- K1 ------------------------------------------------------------------------------------------------------

    @Test
    void aStatementEndingBeforeItStartsHasAnUnknownEndNamedInAGapAndAnUndecidedWashout() throws Exception {
        Assessment a = Samples.evaluate(read(REVERSED));
        Findings.Exposure dara = exposure(a, "DARATUMUMAB");
        assertEquals("2023-02-06", dara.firstDose());
        assertTrue(dara.lastDoseUnknown() != null && dara.lastDoseUnknown().contains("unknown day"), dara.toString());
        List<String> gaps = Samples.gapTexts(a, "THERAPY_END_UNKNOWN");
        assertTrue(gaps.stream().anyMatch(g -> g.contains("MedicationStatement/dpd-dara")
                && g.contains("end recorded as 2022-08-01, before its start")), gaps.toString());
        assertEquals(1, Samples.gapTexts(a, "ANTI_CD38_WASHOUT_UNKNOWN").size());
        assertTrue(flagged(a, "ANTI_CD38_WASHOUT_UNDECIDED"));
        // no longer the rank-1 "adequate washout, matches IKEMA" option
        assertTrue(a.recommendations().stream().noneMatch(r -> r.regimen().equals("ISA_KD") && r.score() == 85));
    }

    @Test
    void aReversedStatementAloneInItsLineLeavesAntiCd38RefractorinessUnknown() throws Exception {
        ObjectNode b = read(REVERSED);
        remove(b, id("dpd-pom").or(id("dpd-dex")));
        Assessment a = Samples.evaluate(b);
        Findings.Exposure dara = exposure(a, "DARATUMUMAB");
        assertFalse(dara.refractory());
        assertTrue(dara.refractoryUnknown(), dara.toString());
        assertTrue(flagged(a, "ANTI_CD38_REFRACTORY_UNKNOWN"));
    }

    @Test
    void nearMissAPeriodStartingAndEndingTheSameDayIsOneDay() throws Exception {
        ObjectNode b = read(REVERSED);
        edit(b, id("dpd-dara"), r -> ((ObjectNode) r.path("effectivePeriod")).put("end", "2023-02-06"));
        Assessment a = Samples.evaluate(b);
        Findings.Exposure dara = exposure(a, "DARATUMUMAB");
        assertEquals("2023-02-06", dara.lastDose());
        assertNull(dara.lastDoseUnknown());
        assertTrue(Samples.gapTexts(a, "THERAPY_END_UNKNOWN").isEmpty());
    }

    @Test
    void nearMissAPeriodEndingAfterItsStartIsReadAsRecorded() throws Exception {
        ObjectNode b = read(REVERSED);
        edit(b, id("dpd-dara"), r -> ((ObjectNode) r.path("effectivePeriod")).put("end", "2026-08-01"));
        Assessment a = Samples.evaluate(b);
        Findings.Exposure dara = exposure(a, "DARATUMUMAB");
        assertEquals("2026-08-01", dara.lastDose());
        assertTrue(dara.refractory());
        assertTrue(Samples.gapTexts(a, "THERAPY_END_UNKNOWN").isEmpty());
        assertTrue(Samples.gapTexts(a, "ANTI_CD38_WASHOUT_UNKNOWN").isEmpty());
    }

    // ---- K2 ------------------------------------------------------------------------------------------------------

    @Test
    void dispensesWithQuantityAndDosageLastTheirQuantityDividedByTheDailyDose() throws Exception {
        Assessment a = Samples.evaluate(read(QUANTITY_ONLY));
        Findings.Exposure len = exposure(a, "LENALIDOMIDE");
        assertEquals("2026-06-27", len.lastDose());
        assertTrue(len.refractory());
        assertTrue(Samples.gapTexts(a, "THERAPY_END_UNKNOWN").isEmpty());
        // D-Rd no longer "matches POLLUX" (+30): the partner-drug warning instead
        var drd = a.recommendations().stream().filter(r -> r.regimen().equals("DARA_RD")).findFirst().orElseThrow();
        assertNotEquals(80, drd.score());
        assertTrue(drd.flags().stream().anyMatch(f -> f.code().equals("PARTNER_DRUG_REFRACTORY")));
    }

    @Test
    void aDispenseWithNoUsableDosageEndsOnAnUnknownDayAfterTheHandOver() throws Exception {
        ObjectNode b = read(QUANTITY_ONLY);
        edit(b, r -> r.path("resourceType").asText().equals("MedicationDispense"), r -> r.remove("dosageInstruction"));
        Assessment a = Samples.evaluate(b);
        Findings.Exposure len = exposure(a, "LENALIDOMIDE");
        assertFalse(len.refractory());
        assertTrue(len.refractoryUnknown(), len.toString());
        List<String> gaps = Samples.gapTexts(a, "THERAPY_END_UNKNOWN");
        assertTrue(gaps.stream().anyMatch(g -> g.contains("MedicationDispense/len-fill-2026-05-31")
                && g.contains("no daysSupply")), gaps.toString());
    }

    @Test
    void nearMissDispensesWithDaysSupplyAreReadAsBefore() throws Exception {
        Assessment a = Samples.evaluate(read(WITH_SUPPLY));
        Findings.Exposure len = exposure(a, "LENALIDOMIDE");
        assertEquals("2026-06-14", len.lastDose());
        assertTrue(len.refractory());
        assertTrue(Samples.gapTexts(a, "THERAPY_END_UNKNOWN").isEmpty());
        assertTrue(Samples.gapTexts(a, "REFRACTORY_STATUS_UNKNOWN").isEmpty());
    }

    // ---- L3: a daysSupply that disagrees with the dispense's own quantity and dosage -----------------------------

    private static final Path SUPPLY_DISAGREES =
            Path.of("qa-bundles/s17l-06-len-last-fill-days-supply-7-beside-28-capsules-pd-46-days-after.json");

    private static ObjectNode withProgressionOn(String day) throws Exception {
        ObjectNode b = read(SUPPLY_DISAGREES);
        edit(b, id("pd-1"), r -> r.put("effectiveDateTime", day));
        return b;
    }

    @Test
    void aDaysSupplyDisagreeingWithQuantityAndDosageLeavesRefractorinessUnknownWhereTheFiguresDiffer() throws Exception {
        Assessment a = Samples.evaluate(read(SUPPLY_DISAGREES));
        Findings.Exposure len = exposure(a, "LENALIDOMIDE");
        assertFalse(len.refractory());
        assertTrue(len.refractoryUnknown(), len.toString());
        List<String> gaps = Samples.gapTexts(a, "REFRACTORY_STATUS_UNKNOWN");
        assertTrue(gaps.stream().anyMatch(g -> g.contains("MedicationDispense/len-fill-2026-05-31")
                && g.contains("daysSupply 7 disagrees with 28 capsule at 1 a day")), gaps.toString());
        // no longer "matches the POLLUX population" at 80
        assertTrue(a.recommendations().stream().noneMatch(r -> r.regimen().equals("DARA_RD") && r.score() == 80));
    }

    @Test
    void nearMissADisagreementThatChangesNoSixtyDayAnswerRaisesNoGap() throws Exception {
        // 115 days after the longer figure's end: not refractory by either
        Assessment late = Samples.evaluate(withProgressionOn("2026-10-20"));
        Findings.Exposure len = exposure(late, "LENALIDOMIDE");
        assertFalse(len.refractory());
        assertFalse(len.refractoryUnknown(), len.toString());
        assertTrue(Samples.gapTexts(late, "REFRACTORY_STATUS_UNKNOWN").isEmpty());
        // 44 days after the shorter figure's end: refractory by either
        Assessment early = Samples.evaluate(withProgressionOn("2026-07-20"));
        assertTrue(exposure(early, "LENALIDOMIDE").refractory());
        assertTrue(Samples.gapTexts(early, "REFRACTORY_STATUS_UNKNOWN").isEmpty());
    }
}
