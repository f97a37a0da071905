package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.LineOpening;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.facts.TestDrugs.*;

/**
 * FINDINGS D1 remainder (CDS-POLICY-ORDERS3-STEROID-OPEN-ORDER): an old open dexamethasone order read as given on its
 * date only says so, with the policy, on the line holding it; a recent one (ongoing under CDS-POLICY-OPEN-REQUEST), or
 * an old open order of a non-steroid (named by THERAPY_END_UNKNOWN instead), adds no such note.
 */
class SteroidOpenOrdersTest {
    private static final LocalDate AS_OF = d("2026-11-01");

    private static MedicationRecord request(String id, Drug drug, String start) {
        return new MedicationRecord(drug, Route.ORAL, MedicationSource.REQUEST, "active", false, d(start), null, null,
                false, new Provenance("MedicationRequest/" + id, d(start)));
    }

    private static PriorLine line(MedicationRecord... records) {
        return new PriorLine(1, d("2021-02-01"), d("2021-03-23"), List.of(LENALIDOMIDE, DEXAMETHASONE), List.of(), true,
                false, true, LineOpening.FIRST_THERAPY, "first therapy",
                java.util.Arrays.stream(records).flatMap(r -> r.getProvenance().stream()).toList());
    }

    @Test
    void anOldOpenDexamethasoneOrderIsNamedOnItsLineWithThePolicy() {
        MedicationRecord dex = request("rd-dex", DEXAMETHASONE, "2021-02-01");
        MedicationRecord len = request("rd-len", LENALIDOMIDE, "2021-02-01");
        List<PriorLine> out = SteroidOpenOrders.noted(List.of(line(len, dex)), List.of(len, dex), AS_OF);
        String reason = out.get(0).getReason();
        assertTrue(reason.startsWith("first therapy; dexamethasone (MedicationRequest/rd-dex), an order still active with no"
                + " end written on 2021-02-01"), reason);
        assertTrue(reason.contains("read as given on that date only, not as ongoing (CDS-POLICY-OPEN-REQUEST)"));
        assertTrue(reason.contains("CDS-POLICY-ORDERS3-STEROID-OPEN-ORDER"));
        assertFalse(reason.contains("rd-len"), "the lenalidomide order has its THERAPY_END_UNKNOWN gap instead");
    }

    @Test
    void nearMissARecentDexamethasoneOrderOrALaterAdministrationAddsNoNote() {
        MedicationRecord recent = request("dex-recent", DEXAMETHASONE, "2026-09-15");
        List<PriorLine> lines = List.of(line(recent));
        assertSame(lines, SteroidOpenOrders.noted(lines, List.of(recent), AS_OF));
        MedicationRecord old = request("rd-dex", DEXAMETHASONE, "2021-02-01");
        MedicationRecord given = new MedicationRecord(DEXAMETHASONE, Route.ORAL, MedicationSource.ADMINISTRATION,
                "completed", false, d("2021-03-01"), d("2021-03-01"), null, false,
                new Provenance("MedicationAdministration/dex-1", d("2021-03-01")));
        List<PriorLine> two = List.of(line(old, given));
        assertSame(two, SteroidOpenOrders.noted(two, List.of(old, given), AS_OF));
    }
}
