package org.myelomacds.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OpenRequestNotOngoingTest {
    private static MedicationRecord order(String id, Drug drug, String start, String startLatest) {
        return new MedicationRecord(drug, Route.UNKNOWN, MedicationSource.REQUEST, "active", false, LocalDate.parse(start),
                null, LocalDate.parse(startLatest), null, null, false,
                new Provenance("MedicationRequest/" + id, LocalDate.parse(start)));
    }

    @Test
    void oneFactNamesTheDrugOnceWithEveryOrderInDateOrderAndAsPreciseAsRecorded() {
        var fact = new OpenRequestNotOngoing(TestDrugs.LENALIDOMIDE, List.of(
                order("maint", TestDrugs.LENALIDOMIDE, "2023-08-01", "2023-08-31"),
                order("ind", TestDrugs.LENALIDOMIDE, "2023-01-01", "2023-01-31")), 90);
        String text = fact.describe();
        assertTrue(text.startsWith("lenalidomide: 2 active requests MedicationRequest/ind 2023-01, MedicationRequest/maint 2023-08 with no end"), text);
        assertEquals("MedicationRequest/maint", fact.getRequest().getProvenance().get(0).getReference());
        assertEquals(2, fact.getProvenance().size());
        // near miss: one order reads in the singular, with its full date
        String one = new OpenRequestNotOngoing(order("x", TestDrugs.LENALIDOMIDE, "2024-02-05", "2024-02-05"), 90).describe();
        assertTrue(one.startsWith("lenalidomide: active request MedicationRequest/x 2024-02-05 with no end"), one);
    }

    private static DosingPeriod unknownEndCourse(MedicationRecord r, int line) {
        return new DosingPeriod(r.getDrug(), r.getStart(), r.getStartLatest(), line, 1, true, false, false, true,
                r.getStartLatest(), r.getStart(), r.getProvenance());
    }

    @Test
    void theUnknownEndIsGivenWithItsBoundTheNextLineOrTheEvaluationDate() {
        LocalDate asOf = LocalDate.parse("2026-11-01");
        MedicationRecord maint = order("maint", TestDrugs.LENALIDOMIDE, "2019-09-02", "2019-09-02");
        var open = new OpenRequestNotOngoing(TestDrugs.LENALIDOMIDE, List.of(new TherapyEndNotRecorded.Entry(maint,
                unknownEndCourse(maint, 1).withEndLatest(LocalDate.parse("2022-10-09")))), 90, asOf);
        assertTrue(open.describe().endsWith("not as ongoing; it ended some day from 2019-09-02 to 2022-10-09 (the day before line 2 started)"),
                open.describe());
        // near miss: without the course (the older constructor) no bound is claimed
        assertTrue(new OpenRequestNotOngoing(maint, 90).describe().endsWith("not as ongoing"));

        MedicationRecord ixa = new MedicationRecord(TestDrugs.IXAZOMIB, Route.UNKNOWN, MedicationSource.REQUEST, "completed",
                false, LocalDate.parse("2024-08-26"), null, null, false,
                new Provenance("MedicationRequest/line3-ixazomib", LocalDate.parse("2024-08-26")));
        var ended = new TherapyEndNotRecorded(TestDrugs.IXAZOMIB, List.of(new TherapyEndNotRecorded.Entry(ixa,
                unknownEndCourse(ixa, 3).withEndLatest(asOf))), asOf);
        assertTrue(ended.describe().startsWith("ixazomib: completed request MedicationRequest/line3-ixazomib dated 2024-08-26:"
                + " ended some day from 2024-08-26 to 2026-11-01 (the evaluation date)"), ended.describe());
        assertEquals(List.of("MedicationRequest/line3-ixazomib"), ended.getProvenance().stream().map(Provenance::getReference).toList());
        // near miss: a course whose end is known takes no bound
        DosingPeriod known = new DosingPeriod(TestDrugs.IXAZOMIB, LocalDate.parse("2024-08-26"), LocalDate.parse("2024-11-10"),
                List.of());
        assertEquals(LocalDate.parse("2024-11-10"), known.withEndLatest(asOf).getEndLatest());
        assertThrows(IllegalArgumentException.class, () -> new TherapyEndNotRecorded(TestDrugs.LENALIDOMIDE,
                List.of(new TherapyEndNotRecorded.Entry(ixa, unknownEndCourse(ixa, 3))), asOf));
    }

    @Test
    void ordersOfAnotherDrugAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OpenRequestNotOngoing(TestDrugs.LENALIDOMIDE,
                List.of(order("v", TestDrugs.BORTEZOMIB, "2023-01-20", "2023-01-20")), 90));
    }

    @Test
    void partialDatesAreWrittenAsRecorded() {
        assertEquals("2023-01", PartialDateText.of(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-01-31")));
        assertEquals("2024", PartialDateText.of(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")));
        assertEquals("2024-02-29", PartialDateText.of(LocalDate.parse("2024-02-29"), LocalDate.parse("2024-02-29")));
        // near miss: a span that is neither a whole month nor a whole year is written as a span
        assertEquals("between 2023-01-01 and 2023-01-30",
                PartialDateText.of(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-01-30")));
    }
}
