package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.MedicationSource;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.TestDrugs;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelomacds.derive.Fixtures.d;
import static org.myelomacds.derive.Fixtures.given;

/** Session s12 partial3: a first dose recorded by month or year keeps its latest possible day (CDS-POLICY-PARTIAL3-FIRST-DOSE). */
class FirstDoseLatestTest {
    private static MedicationRecord partialStart(String id, String earliest, String latest, String end) {
        return new MedicationRecord(TestDrugs.DARATUMUMAB, Route.SUBCUTANEOUS, MedicationSource.STATEMENT, "completed", false,
                d(earliest), d(end), d(latest), d(end), null, false, new Provenance("MedicationStatement/" + id, d(earliest)));
    }

    @Test
    void aStartRecordedByMonthGivesTheFirstDoseAsAnInterval() {
        DrugExposure e = ExposureAggregator.aggregate(List.of(partialStart("dara", "2024-07-01", "2024-07-31", "2025-06-30")),
                d("2026-11-01")).exposures().get(0);
        assertEquals(d("2024-07-01"), e.getFirstDose());
        assertEquals(d("2024-07-31"), e.getFirstDoseLatest());
        assertTrue(e.isFirstDoseImprecise());
        assertEquals("2024-07", e.getFirstDoseText());
    }

    @Test
    void nearMissAnExactRecordInsideTheMonthBoundsTheFirstDose() {
        // an administration on 2024-07-10 means the first dose was given by then, whatever day the statement's month holds
        DrugExposure e = ExposureAggregator.aggregate(List.of(partialStart("dara", "2024-07-01", "2024-07-31", "2025-06-30"),
                given("a1", TestDrugs.DARATUMUMAB, "2024-07-10", "2024-07-10", null)),
                d("2026-11-01")).exposures().get(0);
        assertEquals(d("2024-07-10"), e.getFirstDoseLatest());
        assertEquals("between 2024-07-01 and 2024-07-10", e.getFirstDoseText());
        DrugExposure exact = ExposureAggregator.aggregate(List.of(given("MedicationStatement/x", TestDrugs.DARATUMUMAB,
                "2024-07-08", "2025-06-30", null)), d("2026-11-01")).exposures().get(0);
        assertFalse(exact.isFirstDoseImprecise());
        assertEquals("2024-07-08", exact.getFirstDoseText());
    }

    @Test
    void theLatestFirstDoseIsClippedToTheEvaluationDate() {
        DrugExposure e = ExposureAggregator.aggregate(List.of(partialStart("dara", "2026-11-01", "2026-11-30", "2026-11-30")),
                d("2026-11-01")).exposures().get(0);
        assertFalse(e.isFirstDoseImprecise());
    }
}
