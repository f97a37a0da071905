package org.myelomacds.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The time since the myeloma diagnosis that "no therapy recorded" texts state (no threshold is applied). */
class TimeSinceDiagnosisTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private static ClinicalCondition mm(String id, String onset, String latest) {
        LocalDate from = onset == null ? null : LocalDate.parse(onset);
        LocalDate to = latest == null ? from : LocalDate.parse(latest);
        return new ClinicalCondition(ConditionKind.MULTIPLE_MYELOMA, ConditionSeverity.UNSPECIFIED, null, true, null, null,
                null, from, to, "code", "Multiple myeloma", new Provenance("Condition/" + id, from, to));
    }

    @Test
    void theEarliestDatedDiagnosisCountsInWholeYears() {
        assertEquals("13 years after the myeloma diagnosis (2013-03-27, Condition/a)",
                ClinicalCondition.timeSinceDiagnosis(List.of(mm("b", "2020-01-01", null), mm("a", "2013-03-27", null)), AS_OF));
    }

    @Test
    void aPartialOnsetCountsFromItsLatestDayAsAMinimum() {
        assertEquals("at least 6 years after the myeloma diagnosis (2019, Condition/a)",
                ClinicalCondition.timeSinceDiagnosis(List.of(mm("a", "2019-01-01", "2019-12-31")), AS_OF));
    }

    @Test
    void nearMissesRecentUndatedAndLaterDiagnoses() {
        assertEquals("1 month after the myeloma diagnosis (2026-10-01, Condition/a)",
                ClinicalCondition.timeSinceDiagnosis(List.of(mm("a", "2026-10-01", null)), AS_OF));
        assertEquals("27 days after the myeloma diagnosis (2026-10-05, Condition/a)",
                ClinicalCondition.timeSinceDiagnosis(List.of(mm("a", "2026-10-05", null)), AS_OF));
        assertEquals("", ClinicalCondition.timeSinceDiagnosis(List.of(mm("a", null, null)), AS_OF));
        assertEquals("", ClinicalCondition.timeSinceDiagnosis(List.of(mm("a", "2027-01-01", null)), AS_OF));
    }
}
