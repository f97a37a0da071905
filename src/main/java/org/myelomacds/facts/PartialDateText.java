package org.myelomacds.facts;

import java.time.LocalDate;

/**
 * A date written as precisely as it was recorded, from the interval it stands for: "2023-01" for a whole month,
 * "2023" for a whole year, the day when earliest and latest agree. Texts that name a record's date must not present
 * the first day of a partial date as the day it happened.
 */
public final class PartialDateText {
    private PartialDateText() {}

    public static String of(LocalDate earliest, LocalDate latest) {
        if (earliest == null) return "an unknown date";
        if (latest == null || !latest.isAfter(earliest)) return earliest.toString();
        if (earliest.getDayOfMonth() == 1 && latest.equals(earliest.withDayOfMonth(earliest.lengthOfMonth()))) {
            return earliest.toString().substring(0, 7);
        }
        if (earliest.getDayOfYear() == 1 && latest.equals(earliest.withDayOfYear(earliest.lengthOfYear()))) {
            return String.valueOf(earliest.getYear());
        }
        return "between " + earliest + " and " + latest;
    }
}
