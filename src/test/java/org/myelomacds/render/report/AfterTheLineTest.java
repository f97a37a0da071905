package org.myelomacds.render.report;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.RefractoryWindow;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The words the line table puts after an assessment dated after a line (FINDINGS N6, O4), counted with the one IMWG
 * window figure the refractoriness rules read (RefractoryWindow.DAYS).
 */
class AfterTheLineTest {
    private static final LocalDate END = LocalDate.parse("2026-05-18");
    private static final LocalDate CYCLE_EVE = LocalDate.parse("2026-06-07");

    @Test
    void theWindowIsTheImwgSixtyDays() {
        assertEquals(60, RefractoryWindow.DAYS);
    }

    @Test
    void beyondTheWindowOfEveryEndIsMoreThanTheWindow() {
        assertEquals(" (after the line: more than 60 days after its end)",
                ReportView.afterTheLine(END.plusDays(61), END, END));
        assertEquals(" (after the line: more than 60 days after its end)",
                ReportView.afterTheLine(CYCLE_EVE.plusDays(61), END, CYCLE_EVE));
    }

    @Test
    void beyondTheWindowOfTheEarliestEndOnlyIsARangeOfDays() {
        assertEquals(" (after the line: 50 to 70 days after its end)",
                ReportView.afterTheLine(LocalDate.parse("2026-07-27"), END, CYCLE_EVE));
    }

    @Test
    void insideTheWindowOfEveryEndSaysNothing() {
        assertEquals("", ReportView.afterTheLine(END.plusDays(60), END, END));
        assertEquals("", ReportView.afterTheLine(END.plusDays(60), END, CYCLE_EVE));
    }
}
