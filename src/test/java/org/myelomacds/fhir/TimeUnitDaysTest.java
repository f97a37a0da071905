package org.myelomacds.fhir;

import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The one conversion of units of time to days behind MedicationMapper's boundsDuration/expectedSupplyDuration and
 * DispenseSupply's dosing period: the same factors (a month 30 days) for both, each reading only its own units.
 */
class TimeUnitDaysTest {

    @Test
    void aMonthIsThirtyDaysAsADurationAndAsADosingPeriod() {
        assertEquals(30.0, TimeUnitDays.ofDuration("mo"));
        assertEquals(30.0, TimeUnitDays.ofDuration(" Months "));
        assertEquals(30.0, TimeUnitDays.ofPeriod(Timing.UnitsOfTime.MO));
        assertEquals(7.0, TimeUnitDays.ofDuration("week"));
        assertEquals(7.0, TimeUnitDays.ofPeriod(Timing.UnitsOfTime.WK));
        assertEquals(1.0, TimeUnitDays.ofDuration("d"));
        assertEquals(1.0, TimeUnitDays.ofPeriod(Timing.UnitsOfTime.D));
    }

    @Test
    void aYearIsReadAsADurationOnlyAndAnHourAsADosingPeriodOnly() {
        assertEquals(365.0, TimeUnitDays.ofDuration("a"));
        assertEquals(365.0, TimeUnitDays.ofDuration("years"));
        assertNull(TimeUnitDays.ofPeriod(Timing.UnitsOfTime.A), "a dosing period in years is not read");
        assertEquals(1.0 / 24, TimeUnitDays.ofPeriod(Timing.UnitsOfTime.H));
        assertNull(TimeUnitDays.ofDuration("h"), "a duration in hours is not read");
    }

    @Test
    void nearMissSecondsMinutesAndUnknownUnitsAreNotRead() {
        assertNull(TimeUnitDays.ofDuration("min"));
        assertNull(TimeUnitDays.ofDuration("cycles"));
        assertNull(TimeUnitDays.ofDuration(null));
        assertNull(TimeUnitDays.ofPeriod(Timing.UnitsOfTime.S));
        assertNull(TimeUnitDays.ofPeriod(Timing.UnitsOfTime.MIN));
        assertNull(TimeUnitDays.ofPeriod(null));
    }
}
