package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.TestDrugs;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** QA S2: an exposure whose last course has no recorded end prints that end as unknown, never as a one-day course. */
class UnknownLastDosesTest {
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-01");
    private static final LocalDate DAY = LocalDate.parse("2022-10-10");

    private static DrugExposure carfilzomib() {
        return new DrugExposure(TestDrugs.CARFILZOMIB, DAY, DAY, false, false, List.of(Route.INTRAVENOUS), List.of());
    }

    private static DosingPeriod course(boolean endUnknown) {
        return new DosingPeriod(TestDrugs.CARFILZOMIB, DAY, DAY, 2, 1, false, false, false, endUnknown, DAY, DAY, List.of());
    }

    @Test
    void aCourseWithNoRecordedEndPrintsItsEndAsUnknownBeforeTheNextLine() {
        DrugExposure e = UnknownLastDoses.mark(List.of(carfilzomib()),
                List.of(course(true).withEndLatest(LocalDate.parse("2024-08-25"))), List.of(), AS_OF).get(0);
        assertEquals("2022-10-10 to an unknown day before 2024-08-26", e.getPeriod());
        assertEquals("from 2022-10-10 to an unknown day before 2024-08-26", e.getFromTo());
        assertEquals(DAY, e.getLastDose(), "the dates the rules compare stay as recorded");
    }

    @Test
    void theLastLineIsBoundedByTheEvaluationDate() {
        DrugExposure e = UnknownLastDoses.mark(List.of(carfilzomib()), List.of(course(true).withEndLatest(AS_OF)),
                List.of(), AS_OF).get(0);
        assertEquals("2022-10-10 to an unknown day by 2026-11-01", e.getPeriod());
    }

    @Test
    void nearMissARecordedEndPrintsTheRecordedDate() {
        DrugExposure e = UnknownLastDoses.mark(List.of(carfilzomib()), List.of(course(false)), List.of(), AS_OF).get(0);
        assertEquals("2022-10-10 to 2022-10-10", e.getPeriod());
        assertNull(e.getUnknownLastDose());
    }
}
