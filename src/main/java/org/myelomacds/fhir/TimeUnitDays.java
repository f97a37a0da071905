package org.myelomacds.fhir;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r4.model.Timing;

/**
 * Days in one unit of time, as FHIR R4 codes units of time (the UCUM codes of the UnitsOfTime value set: h, d, wk, mo,
 * a), with a month as 30 days and a year as 365: the one conversion behind a request's boundsDuration and
 * expectedSupplyDuration ({@link MedicationMapper}) and a dosage's timing period ({@link DispenseSupply}), so the two
 * cannot drift apart. Each reader keeps to the units it has always read: a Duration is read in days, weeks, months or
 * years (by code, or the word in its unit text); a dosing period in hours, days, weeks or months. Seconds and minutes
 * are not read by either.
 */
final class TimeUnitDays {
    private TimeUnitDays() { }

    /** Days per unit, by UCUM code. */
    private static final Map<String, Double> DAYS = Map.of("h", 1.0 / 24, "d", 1.0, "wk", 7.0, "mo", 30.0, "a", 365.0);

    /** The words a Duration's unit text may carry instead of the code. */
    private static final Map<String, String> WORDS = Map.of("day", "d", "days", "d", "week", "wk", "weeks", "wk",
            "month", "mo", "months", "mo", "year", "a", "years", "a");

    /** The units a Duration (boundsDuration, expectedSupplyDuration) is read in. */
    private static final Set<String> DURATION_UNITS = Set.of("d", "wk", "mo", "a");

    /** The units a dosage's timing period is read in. */
    private static final Set<String> PERIOD_UNITS = Set.of("h", "d", "wk", "mo");

    /** Days per unit of a Duration's code or unit text ("d", "wk", "mo", "a" or day/week/month/year); null otherwise. */
    static Double ofDuration(String unit) {
        if (unit == null) return null;
        String key = unit.trim().toLowerCase(Locale.ROOT);
        String code = WORDS.getOrDefault(key, key);
        return DURATION_UNITS.contains(code) ? DAYS.get(code) : null;
    }

    /** Days per timing periodUnit (hours, days, weeks, months); null for the others. */
    static Double ofPeriod(Timing.UnitsOfTime unit) {
        if (unit == null || unit == Timing.UnitsOfTime.NULL) return null;
        String code = unit.toCode();
        return PERIOD_UNITS.contains(code) ? DAYS.get(code) : null;
    }
}
