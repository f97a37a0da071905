package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Statement;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep V, AA1, AA6, AA8 (CDS-POLICY-CHEMO-OTHER-CANCER, CDS-POLICY-OTHER-CANCER-FOLLOW-UP): shared chemotherapy with no
 * reason beside a cancer in remission.
 */
class OtherCancerCourseTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String name) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", name + ".json").toFile()));
    }

    private static List<Statement> statements(Assessment a, String regimen, String criterion) {
        return Stream.concat(
                a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).flatMap(r -> r.rationale().stream()),
                a.notRecommended().stream().filter(r -> r.regimen().equals(regimen)).flatMap(r -> r.reasons().stream()))
                .filter(s -> s.criterion().equals(criterion)).toList();
    }

    /**
     * AA1: a cancer diagnosed before the myeloma, the course begun 4.9 years after it, its later doses after 5 years: the
     * follow-up is measured to the course's first day, so the whole course is of undecided purpose and the count is 3 to
     * 4, as when the same cancer was diagnosed after the myeloma (s21a-23, s21a-08).
     */
    @Test
    void aCourseBegunWithinTheFollowUpIsUndecidedAsAWhole() throws Exception {
        for (String name : new String[]{"s21a-22-breast-cancer-remission-4-9-years-before-no-reason-ac-fourth-course",
                "s21a-06-breast-cancer-remission-4-9-years-before-no-reason-cd-fourth-course",
                "s21a-23-breast-cancer-diagnosed-after-myeloma-remission-no-reason-ac-fourth-course",
                "s21a-08-breast-cancer-diagnosed-after-myeloma-remission-no-reason-cd-fourth-course"}) {
            Assessment a = evaluate(name);
            assertEquals(Integer.valueOf(3), a.findings().priorTherapy().linesMin(), name);
            assertEquals(Integer.valueOf(4), a.findings().priorTherapy().linesMax(), name);
            assertTrue(statements(a, "DARA_KD", "prior-lines").stream().noneMatch(s -> s.outcome().equals("FAILED")), name);
        }
    }

    /** AA1 near miss: the same Cd begun 5.1 years after the cancer is a myeloma line, 4 lines, no range. */
    @Test
    void nearMissACourseBegunAfterTheFollowUpStaysAMyelomaLine() throws Exception {
        Assessment a = evaluate("s21a-07-breast-cancer-remission-5-1-years-before-no-reason-cd-fourth-course");
        assertEquals(4, a.findings().priorTherapy().priorLines());
        assertNull(a.findings().priorTherapy().linesMin());
        assertTrue(statements(a, "DARA_KD", "prior-lines").stream().anyMatch(s -> s.outcome().equals("FAILED")));
    }

    /**
     * AA6: CANDOR's and IKEMA's 1 to 3 prior lines, crossed by a count of 3 to 4, are undecided, never "not met" by the
     * count as placed (DARA-KD-TRIAL-12, ISA-KD-TRIAL-12). Near miss: 4 certain lines are outside both (DARA-KD-TRIAL-03,
     * ISA-KD-TRIAL-03).
     */
    @Test
    void aTrialLineLimitARangeCrossesIsUndecided() throws Exception {
        Assessment range = evaluate("s21a-08-breast-cancer-diagnosed-after-myeloma-remission-no-reason-cd-fourth-course");
        Assessment four = evaluate("s21a-07-breast-cancer-remission-5-1-years-before-no-reason-cd-fourth-course");
        String[][] trials = {{"DARA_KD", "candor-prior-lines"}, {"ISA_KD", "ikema-prior-lines"}};
        for (String[] t : trials) {
            List<Statement> undecided = statements(range, t[0], t[1]);
            assertTrue(undecided.stream().noneMatch(s -> s.outcome().equals("FAILED")), undecided.toString());
            assertTrue(undecided.stream().anyMatch(s -> s.outcome().equals("UNKNOWN")), undecided.toString());
            List<Statement> outside = statements(four, t[0], t[1]);
            assertTrue(outside.stream().anyMatch(s -> s.outcome().equals("FAILED")), outside.toString());
            assertTrue(outside.stream().noneMatch(s -> s.outcome().equals("UNKNOWN")), outside.toString());
        }
    }

    /**
     * AA8: the melphalan 200 given the day before the autologous transplant is its conditioning and is not asked about
     * as possibly the breast cancer's therapy; near miss: the AC given after 8 years of letrozole still is (2 to 3 lines).
     */
    @Test
    void aTransplantsConditioningIsNotAskedAboutAsAnotherCancersTherapy() throws Exception {
        Assessment a = evaluate("s21a-09-breast-cancer-2016-letrozole-to-2024-ac-no-reason-after-two-myeloma-lines");
        assertEquals(Integer.valueOf(2), a.findings().priorTherapy().linesMin());
        assertEquals(Integer.valueOf(3), a.findings().priorTherapy().linesMax());
        String gaps = a.dataGaps().toString();
        assertTrue(gaps.contains("MedicationAdministration/ac-"), gaps);
        assertFalse(gaps.contains("MedicationAdministration/mel200"), gaps);
    }
}
