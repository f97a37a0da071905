package org.myelomacds.render.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.scenario.Samples;

/**
 * The exposure tables of the report show a last dose with what the findings say about it: a day placed from a partial
 * date is shown as recorded, and the last recorded day of a drug whose stop the records do not give is shown as the
 * earliest possible day, never as the known last dose.
 */
class LastDoseTextTest {
    private static Findings.Exposure exposure(String lastDose, String recorded, String unknown) {
        return new Findings.Exposure("DARATUMUMAB", "ANTI_CD38", "2024-10-01", lastDose, false, false, false, List.of("IV"),
                List.of(), false, false, recorded, unknown, null, null);
    }

    @Test
    void aPartialLastDoseIsShownAsRecordedWithTheDayItWasPlacedOn() {
        assertEquals("2025-02, placed on 2025-02-28", ReportView.lastDoseText(exposure("2025-02-28", "2025-02", null)));
    }

    @Test
    void aLastDoseTheRecordsDoNotGiveIsShownAsTheEarliestPossibleDay() {
        assertEquals("2021-02-01 or later: an unknown day by 2026-11-01",
                ReportView.lastDoseText(exposure("2021-02-01", null, "an unknown day by 2026-11-01")));
    }

    @Test
    void nearMissAPreciseLastDoseIsShownAsItIs() {
        assertEquals("2025-02-14", ReportView.lastDoseText(exposure("2025-02-14", null, null)));
    }

    @Test
    void theMarkdownAntiCd38TableShowsAMonthDatedLastDoseAsRecorded() {
        String md = MarkdownReport.render(Samples.evaluate(Samples.projectDir().resolve("qa-bundles")
                .resolve("s12a-02-dvd-sparse-dara-month-dates-pd.json"), Jurisdiction.US, CompileMode.EXECUTABLE_MODEL));
        assertTrue(md.contains("| daratumumab | intravenous | 2024-10-01 | 2025-02, placed on 2025-02-28 | no | no |"), md);
    }
}
