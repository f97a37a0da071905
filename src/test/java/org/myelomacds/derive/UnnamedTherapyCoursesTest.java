package org.myelomacds.derive;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.Route;
import org.myelomacds.facts.UnidentifiedMedication;
import org.myelomacds.facts.UnrecognisedCode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Records of one unnamed medication within one course are one possible extra line (HISTORY-ELIG-03). */
class UnnamedTherapyCoursesTest {
    private static final String RX = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private static MedicationRecord dose(String id, String date) {
        return Fixtures.record(id, UnidentifiedMedication.DRUG, Route.UNKNOWN, "completed", false, date, null, false);
    }

    private static UnrecognisedCode code(String id, String system, String code, String text) {
        return new UnrecognisedCode("MedicationAdministration", "MedicationAdministration/" + id, system, code, text,
                "medication");
    }

    @Test
    void sixAdministrationsOfOneCodeOverThreeMonthsAreOneCourse() {
        List<MedicationRecord> records = new ArrayList<>();
        List<UnrecognisedCode> codes = new ArrayList<>();
        String[] days = {"2025-03-03", "2025-03-17", "2025-03-31", "2025-04-14", "2025-04-28", "2025-05-12"};
        for (int i = 0; i < days.length; i++) {
            records.add(dose("u" + i, days[i]));
            codes.add(code("u" + i, RX, "9999992", null));
        }
        assertEquals(1, UnnamedTherapyCourses.count(records, codes));
        // near miss: two different codes may be two drugs
        List<UnrecognisedCode> two = new ArrayList<>(codes);
        two.set(5, code("u5", RX, "9999993", null));
        assertEquals(2, UnnamedTherapyCourses.count(records, two));
        // near miss: without anything read from the records (no unrecognised code, no text) each counts
        assertEquals(6, UnnamedTherapyCourses.count(records, List.of()));
    }

    @Test
    void theSameCodeAfterMoreThan180DaysIsAnotherCourseAndTheSameTextJoins() {
        List<MedicationRecord> records = List.of(dose("a", "2024-01-08"), dose("b", "2024-07-06"), dose("c", "2025-01-03"));
        List<UnrecognisedCode> codes = List.of(code("a", RX, "9999992", null), code("b", RX, "9999992", null),
                code("c", RX, "9999992", null));
        // 180 days between a and b: one course; 181 days from b to c: another
        assertEquals(2, UnnamedTherapyCourses.count(records, codes));
        // records with no code but the same text (case aside) are one medication
        List<UnrecognisedCode> texts = List.of(code("a", null, null, "Study drug MM-1"), code("b", null, null, "study drug mm-1"));
        assertEquals(1, UnnamedTherapyCourses.count(records.subList(0, 2), texts));
        // near miss: different texts
        List<UnrecognisedCode> other = List.of(code("a", null, null, "Study drug MM-1"), code("b", null, null, "Study drug MM-2"));
        assertEquals(2, UnnamedTherapyCourses.count(records.subList(0, 2), other));
    }
}
