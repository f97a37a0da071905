package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.TestDrugs;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.myelomacds.derive.Fixtures.d;

/** Sweep s11 A9 (session s12 partial3): a supply's last day handed over to the next drug is not a dose of the old one. */
class SupplyHandOversTest {
    static final LocalDate AS_OF = d("2024-02-01");

    private static MedicationRecord len(MedicationSource source, String id, String start, String end) {
        return new MedicationRecord(TestDrugs.LENALIDOMIDE, Route.ORAL, source, "completed", false, d(start), d(end), null,
                false, new Provenance(id, d(start)));
    }

    private static DrugExposure lastDoseAfterTrim(MedicationRecord r, String courseEnd) {
        List<DrugExposure> exposures = ExposureAggregator.aggregate(List.of(r), AS_OF).exposures();
        DosingPeriod course = new DosingPeriod(TestDrugs.LENALIDOMIDE, r.getStart(), d(courseEnd), r.getProvenance());
        return SupplyHandOvers.trim(exposures, List.of(course), List.of(), List.of(r), AS_OF).get(0);
    }

    @Test
    void aSupplyWhoseLastDayWasHandedOverEndsTheExposureWithItsLine() {
        // 28 days x 6 from 2022-03-01 covers to 2022-08-15; bortezomib started on 2022-08-15, so line 1 ends 2022-08-14
        DrugExposure e = lastDoseAfterTrim(len(MedicationSource.REQUEST, "MedicationRequest/l1-len", "2022-03-01", "2022-08-15"),
                "2022-08-14");
        assertEquals(d("2022-08-14"), e.getLastDose());
        assertEquals(d("2022-08-14"), e.getLastDoseEarliest());
        assertEquals(d("2022-03-01"), e.getFirstDose());
    }

    @Test
    void nearMissARecordedLastDoseOrACourseEndingOnItKeepsItsDay() {
        // a statement's end is a recorded last dose, not a supply: kept
        assertEquals(d("2022-08-15"), lastDoseAfterTrim(len(MedicationSource.STATEMENT, "MedicationStatement/l1-len",
                "2022-03-01", "2022-08-15"), "2022-08-14").getLastDose());
        // no hand-over: the course runs to the supply's last day
        assertEquals(d("2022-08-15"), lastDoseAfterTrim(len(MedicationSource.DISPENSE, "MedicationDispense/l1-len",
                "2022-03-01", "2022-08-15"), "2022-08-15").getLastDose());
    }
}
