package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.LineCountUncertain;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.given;
import static org.myelomacds.facts.TestDrugs.*;

/** CDS-POLICY-ORDERS-NOT-STARTED (sweep s11 accept A2): an order the record does not show was started makes no line. */
class OrdersNotStartedTest {
    private static final java.time.LocalDate AS_OF = d("2026-11-01");

    private static MedicationRecord order(String id, Drug drug, String status, String start, String end) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.REQUEST, status, false, d(start),
                end == null ? null : d(end), null, false, new Provenance("MedicationRequest/" + id, d(start)));
    }

    private static MedicationRecord dispense(String id, Drug drug, String start, String end) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.DISPENSE, "completed", false, d(start), d(end),
                null, false, new Provenance("MedicationDispense/" + id, d(start)));
    }

    private static List<MedicationRecord> lineOne() {
        return new ArrayList<>(List.of(given("l1-len", LENALIDOMIDE, "2022-05-02", "2026-09-10", null),
                given("l1-btz", BORTEZOMIB, "2022-05-02", "2022-10-17", null)));
    }

    @Test
    void onHoldOrderWithNothingGivenIsNotKnownStarted() {
        List<MedicationRecord> records = lineOne();
        MedicationRecord pom = order("rx-pom", POMALIDOMIDE, "on-hold", "2026-09-25", "2027-09-25");
        records.add(pom);
        assertEquals(List.of(pom), TherapyRecords.notKnownStarted(records, AS_OF));
    }

    @Test
    void recentActiveOrderInAChartThatRecordsGivingIsNotKnownStarted() {
        List<MedicationRecord> records = lineOne();
        MedicationRecord pom = order("rx-pom", POMALIDOMIDE, "active", "2026-10-28", null);
        records.add(pom);
        assertEquals(List.of(pom), TherapyRecords.notKnownStarted(records, AS_OF));
    }

    @Test
    void nearMissADispenseOfTheDrugShowsItWasStarted() {
        List<MedicationRecord> records = lineOne();
        records.add(order("rx-pom", POMALIDOMIDE, "on-hold", "2026-09-25", "2027-09-25"));
        records.add(dispense("md-pom", POMALIDOMIDE, "2026-09-27", "2026-10-17"));
        assertTrue(TherapyRecords.notKnownStarted(records, AS_OF).isEmpty());
    }

    @Test
    void nearMissAnOrderOnlyRecordKeepsItsActiveOrdersAsTherapy() {
        List<MedicationRecord> records = List.of(order("rx-len", LENALIDOMIDE, "completed", "2022-05-02", "2026-09-10"),
                order("rx-pom", POMALIDOMIDE, "active", "2026-10-28", null));
        assertTrue(TherapyRecords.notKnownStarted(records, AS_OF).isEmpty());
    }

    @Test
    void nearMissAnOldOpenOrderIsReadByTheOpenRequestPolicy() {
        List<MedicationRecord> records = lineOne();
        records.add(order("rx-car", CARFILZOMIB, "on-hold", "2024-08-26", null));
        assertTrue(TherapyRecords.notKnownStarted(records, AS_OF).isEmpty());
    }

    @Test
    void theOrderFormsNoLineAndTheCountIsARange() {
        List<MedicationRecord> records = lineOne();
        MedicationRecord pom = order("rx-pom", POMALIDOMIDE, "on-hold", "2026-09-25", "2027-09-25");
        TherapyTimeline placed = LineOfTherapyDeriver.timeline(records, List.of(), List.of(), AS_OF);
        TherapyTimeline t = LineOfTherapyDeriver.withNotStarted(placed, records, List.of(pom), List.of(), List.of(), AS_OF);
        assertEquals(1, t.lines().size());
        LineCountUncertain u = t.lineCountUncertain();
        assertNotNull(u);
        assertEquals(1, u.getMin());
        assertEquals(2, u.getMax());
        assertTrue(u.describe().contains("MedicationRequest/rx-pom (pomalidomide, on-hold, ordered on 2026-09-25)"), u.describe());
        assertTrue(u.describe().contains("not recorded as given"), u.describe());
    }

    /**
     * FINDINGS V6: the next pomalidomide order of a running Pd line (replay five days after it was written) only lengthens
     * the line with its own drug: it cannot open a line, so no range is raised.
     */
    @Test
    void anOrderThatOnlyContinuesTheRunningLineRaisesNoRange() {
        java.time.LocalDate asOf = d("2024-06-01");
        List<MedicationRecord> records = List.of(given("l1-len", LENALIDOMIDE, "2022-05-02", "2023-01-10", null),
                given("l2-pom", POMALIDOMIDE, "2024-03-04", "2024-05-26", null),
                given("l2-dex", DEXAMETHASONE, "2024-03-04", "2024-05-26", null));
        MedicationRecord next = order("pom-4", POMALIDOMIDE, "active", "2024-05-27", null);
        TherapyTimeline placed = LineOfTherapyDeriver.timeline(records, List.of(), List.of(), asOf);
        assertEquals(2, placed.lines().size());
        TherapyTimeline t = LineOfTherapyDeriver.withNotStarted(placed, records, List.of(next), List.of(), List.of(), asOf);
        assertNull(t.lineCountUncertain(), () -> t.lineCountUncertain().describe());
    }

    @Test
    void nearMissAnOrderOfADrugTheRunningLineDidNotGiveStillRaisesTheRange() {
        java.time.LocalDate asOf = d("2024-06-01");
        List<MedicationRecord> records = List.of(given("l1-len", LENALIDOMIDE, "2022-05-02", "2023-01-10", null),
                given("l2-pom", POMALIDOMIDE, "2024-03-04", "2024-05-26", null),
                given("l2-dex", DEXAMETHASONE, "2024-03-04", "2024-05-26", null));
        MedicationRecord other = order("car-1", CARFILZOMIB, "active", "2024-05-27", null);
        TherapyTimeline placed = LineOfTherapyDeriver.timeline(records, List.of(), List.of(), asOf);
        TherapyTimeline t = LineOfTherapyDeriver.withNotStarted(placed, records, List.of(other), List.of(), List.of(), asOf);
        assertNotNull(t.lineCountUncertain());
        assertTrue(t.lineCountUncertain().describe().contains("MedicationRequest/car-1 (carfilzomib, active, ordered on 2024-05-27)"),
                t.lineCountUncertain().describe());
    }

    @Test
    void nearMissNoOrderLeavesTheTimelineAsItIs() {
        List<MedicationRecord> records = lineOne();
        TherapyTimeline placed = LineOfTherapyDeriver.timeline(records, List.of(), List.of(), AS_OF);
        assertSame(placed, LineOfTherapyDeriver.withNotStarted(placed, records, List.of(), List.of(), List.of(), AS_OF));
        assertNull(placed.lineCountUncertain());
    }

    /** Sweep s11 accept A9: a supply's last day (D+N-1) on the day the next regimen starts does not carry the old drug into it. */
    @Test
    void aSupplyEndingOnTheDayTheNextDrugStartsStaysInItsLine() {
        MedicationRecord len = order("l1-len", LENALIDOMIDE, "completed", "2022-03-01", "2022-08-15");
        MedicationRecord btz = order("l2-btz", BORTEZOMIB, "completed", "2022-08-15", "2023-01-29");
        var lines = LineOfTherapyDeriver.derive(List.of(len, btz), List.of(), d("2024-02-01"));
        assertEquals(2, lines.size());
        assertEquals(d("2022-08-14"), lines.get(0).getEnd());
        assertEquals(List.of(BORTEZOMIB), lines.get(1).getDrugs());
    }

    @Test
    void nearMissASupplyRunningPastTheNextStartIsStillRunning() {
        MedicationRecord len = order("l1-len", LENALIDOMIDE, "completed", "2022-03-01", "2022-08-16");
        MedicationRecord btz = order("l2-btz", BORTEZOMIB, "completed", "2022-08-15", "2023-01-29");
        var lines = LineOfTherapyDeriver.derive(List.of(len, btz), List.of(), d("2024-02-01"));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).getDrugs().contains(LENALIDOMIDE), lines.get(1).getDrugs().toString());
    }
}
