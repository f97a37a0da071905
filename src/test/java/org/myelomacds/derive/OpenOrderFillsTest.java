package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.facts.TestDrugs.*;

/**
 * Sweep s12-accept D1 and D3: CDS-POLICY-ORDERS2-FILLS-UNDER-OPEN-ORDER (fills under an old order still open give the
 * earliest last dose) and CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION (an authorised supply ends at a documented
 * progression followed by a new regimen without the drug).
 */
class OpenOrderFillsTest {
    private static final LocalDate AS_OF = d("2026-11-01");

    private static MedicationRecord request(String id, Drug drug, String status, String start, String end) {
        return new MedicationRecord(drug, Route.ORAL, MedicationSource.REQUEST, status, false, d(start),
                end == null ? null : d(end), null, false, new Provenance("MedicationRequest/" + id, d(start)));
    }

    private static MedicationRecord dispense(String id, Drug drug, String start, String end) {
        return new MedicationRecord(drug, Route.ORAL, MedicationSource.DISPENSE, "completed", false, d(start), d(end),
                null, false, new Provenance("MedicationDispense/" + id, d(start)));
    }

    private static DiseaseStatus progression(String date) {
        return new DiseaseStatus(DiseaseTrend.PROGRESSION, d(date), new Provenance("Observation/pd", d(date)));
    }

    @Test
    void twoOldFillsUnderAnOpenOrderLeaveTheEndUnknownFromTheLastSupply() {
        MedicationRecord len = request("rd-len", LENALIDOMIDE, "active", "2021-02-01", null);
        List<MedicationRecord> records = List.of(len,
                dispense("f1", LENALIDOMIDE, "2021-02-03", "2021-02-23"),
                dispense("f2", LENALIDOMIDE, "2021-03-03", "2021-03-23"));
        assertEquals(d("2021-03-23"), TherapyRecords.dispensedThrough(len, records, AS_OF));

        TherapyTimeline t = LineOfTherapyDeriver.timeline(records, List.of(), List.of(progression("2026-09-01")), AS_OF);
        DosingPeriod course = t.courses().stream().filter(c -> c.getDrug().equals(LENALIDOMIDE)).findFirst().orElseThrow();
        assertTrue(course.isEndUnknown(), "the order is still open: the last dose is unknown, not the last supply's end");
        assertEquals(d("2021-03-23"), course.getEnd());
        var unknown = TherapyRecords.unknownEnds(records, t.courses(), AS_OF);
        assertEquals(1, unknown.size());
        assertSame(len, unknown.get(0).record());
    }

    @Test
    void nearMissALaterOrderOrASupplyReachingAsOfIsReadAsBefore() {
        MedicationRecord len = request("rd-len", LENALIDOMIDE, "active", "2021-02-01", null);
        // a later order of the drug replaces the old one
        assertNull(TherapyRecords.dispensedThrough(len, List.of(len,
                dispense("f1", LENALIDOMIDE, "2021-02-03", "2021-02-23"),
                request("rd-len-2", LENALIDOMIDE, "completed", "2021-03-01", "2021-03-28")), AS_OF));
        // a supply running to asOf: ongoing, nothing unknown
        assertNull(TherapyRecords.dispensedThrough(len, List.of(len,
                dispense("f9", LENALIDOMIDE, "2026-10-20", "2026-11-09")), AS_OF));
        // a stopped order is not open
        MedicationRecord stopped = request("rd-len", LENALIDOMIDE, "stopped", "2021-02-01", null);
        assertNull(TherapyRecords.dispensedThrough(stopped, List.of(stopped,
                dispense("f1", LENALIDOMIDE, "2021-02-03", "2021-02-23")), AS_OF));
    }

    @Test
    void anAuthorisedSupplyEndsAtAProgressionFollowedByANewRegimenWithoutTheDrug() {
        MedicationRecord maint = request("len-maint", LENALIDOMIDE, "active", "2022-09-01", "2026-09-01")
                .withEndFromAuthorisation();
        MedicationRecord kd = request("kd-1", CARFILZOMIB, "completed", "2025-03-17", "2025-04-13");
        List<MedicationRecord> cut = AuthorisedSupplyEnds.cut(List.of(maint, kd), List.of(progression("2025-03-03")), AS_OF);
        assertEquals(d("2025-03-03"), cut.get(0).getEnd());
        assertSame(kd, cut.get(1));
    }

    @Test
    void nearMissAFillAfterTheProgressionOrADosingPeriodEndKeepsTheOrdersEnd() {
        MedicationRecord maint = request("len-maint", LENALIDOMIDE, "active", "2022-09-01", "2026-09-01")
                .withEndFromAuthorisation();
        MedicationRecord kd = request("kd-1", CARFILZOMIB, "completed", "2025-03-17", "2025-04-13");
        MedicationRecord fill = dispense("f", LENALIDOMIDE, "2025-03-20", "2025-04-16");
        List<MedicationRecord> records = List.of(maint, kd, fill);
        assertSame(records, AuthorisedSupplyEnds.cut(records, List.of(progression("2025-03-03")), AS_OF));
        // an end that is a dosing period (boundsPeriod), not an authorisation, is the period given
        MedicationRecord bounded = request("len-maint", LENALIDOMIDE, "active", "2022-09-01", "2026-09-01");
        List<MedicationRecord> two = List.of(bounded, kd);
        assertSame(two, AuthorisedSupplyEnds.cut(two, List.of(progression("2025-03-03")), AS_OF));
        // no new regimen after the progression
        List<MedicationRecord> alone = List.of(maint);
        assertSame(alone, AuthorisedSupplyEnds.cut(alone, List.of(progression("2025-03-03")), AS_OF));
    }
}
