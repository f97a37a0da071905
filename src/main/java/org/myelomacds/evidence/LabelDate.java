package org.myelomacds.evidence;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The date a label indication took effect, as precise as its source: a day ("2026-01-27") or only a month ("2024-10",
 * an EC decision whose day clinical-evidence.md §2.3 does not give). {@code first} and {@code last} bound it; they are
 * the same day when the day is known.
 */
public record LabelDate(LocalDate first, LocalDate last, String text) {

    public static LabelDate parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(t);
                return new LabelDate(d, d, t);
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                YearMonth m = YearMonth.parse(t);
                return new LabelDate(m.atDay(1), m.atEndOfMonth(), t);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a calendar date (" + e.getMessage() + ")");
        }
        throw new IllegalArgumentException("'" + text + "' is not a date: write YYYY-MM-DD, or YYYY-MM when the source gives only the month");
    }

    public boolean dayKnown() { return first.equals(last); }

    /** "2026-01-27", or "October 2024 (day not given)". */
    public String describe() {
        return dayKnown() ? text
                : first.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + first.getYear() + " (day not given)";
    }
}
