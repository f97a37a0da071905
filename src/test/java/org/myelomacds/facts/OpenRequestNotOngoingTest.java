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
