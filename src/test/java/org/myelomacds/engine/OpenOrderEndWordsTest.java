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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 bullet 4, the orders leftovers of note-s13 (sweep s13-orders3 O3-1, FINDINGS D1 and E2):
 * <ul>
 *   <li>the exposure of an old open corticosteroid order says what its line says: the last dose is only the order's
 *       date, the end is unknown, and why no decision turns on it (CDS-POLICY-ORDERS3-STEROID-OPEN-ORDER); before, the
 *       JSON exposure was a bare one-day course;</li>
 *   <li>the THERAPY_END_UNKNOWN text says which record the earliest last day rests on: a fill is a "dispensed supply",
 *       an administration a "charted dose", and only that record kind's policy is cited.</li>
 * </ul>
 */
class OpenOrderEndWordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String qaBundle) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", qaBundle + ".json").toFile()));
    }

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    private static List<String> endUnknownTexts(Assessment a) {
        return a.dataGaps().stream().filter(g -> g.code().equals("THERAPY_END_UNKNOWN")).map(g -> g.text()).toList();
    }

    @Test
    void theExposureOfAnOldOpenSteroidOrderSaysItsEndIsUnknownAndWhyNothingTurnsOnIt() throws Exception {
        Findings.Exposure dex = exposure(evaluate("s12a-12-active-len-order-2021-no-fills-pd-2026"), "DEXAMETHASONE");
        assertEquals("2021-02-01", dex.lastDose());
        assertEquals("an unknown day by 2026-11-01", dex.lastDoseUnknown());
        assertTrue(dex.note() != null && dex.note().contains("MedicationRequest/rd-dex")
                && dex.note().contains("CDS-POLICY-ORDERS3-STEROID-OPEN-ORDER"), String.valueOf(dex.note()));
    }

    @Test
    void nearMissASteroidGivenWithAStatedEndHasNoSuchNote() throws Exception {
        // s12a-12c: the same order with fills to 2026; dexamethasone there is still the open order, but lenalidomide's
        // end is known, so the lenalidomide exposure carries neither field.
        Assessment a = evaluate("s12a-12c-active-len-order-fills-to-2026-pd-2026");
        Findings.Exposure len = exposure(a, "LENALIDOMIDE");
        assertNull(len.note());
        Findings.Exposure bortezomib = exposure(evaluate("s13a-07b-dvd-completed-dara-order-sparse-admins-pd"), "BORTEZOMIB");
        assertNull(bortezomib.note());
        assertNull(bortezomib.lastDoseUnknown());
    }

    @Test
    void fillsUnderAnOpenOrderAreCalledADispensedSupplyNotAChartedDose() throws Exception {
        List<String> texts = endUnknownTexts(evaluate("s12a-12-active-len-order-2021-no-fills-pd-2026"));
        assertTrue(texts.stream().anyMatch(t -> t.contains("up to the last dispensed supply on 2021-03-23")
                && t.contains("its fills give the earliest day") && t.contains("CDS-POLICY-ORDERS2-FILLS-UNDER-OPEN-ORDER")
                && !t.contains("charted") && !t.contains("ADMINISTRATIONS-UNDER-OPEN-ORDER")), texts.toString());
    }

    @Test
    void nearMissAdministrationsUnderAnOpenOrderAreCalledAChartedDose() throws Exception {
        List<String> texts = endUnknownTexts(evaluate("s13a-07-dvd-active-dara-order-sparse-admins-pd"));
        assertTrue(texts.stream().anyMatch(t -> t.contains("up to the last charted dose on 2025-08-04")
                && t.contains("its charted doses give") && t.contains("CDS-POLICY-ORDERS3-ADMINISTRATIONS-UNDER-OPEN-ORDER")
                && !t.contains("dispensed") && !t.contains("FILLS-UNDER-OPEN-ORDER")), texts.toString());
        assertFalse(texts.isEmpty());
    }
}
