package org.myelomacds.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.render.JsonRenderer;
import org.myelomacds.scenario.Samples;

/**
 * Session 12 "texts" (issue 10 bullets 1, 8, 11): the timeline as derived in the words a tumour board reads, on the
 * bundles of qa-bundles/s12t-* (sweep s11 W-1/W-2, RL3, RL4, partstart P1/P2) and the partial last dose of
 * qa-bundles/partial-end-month. Each case has its near miss (the base sample, or a bundle one fact away).
 */
class TimelineTextsS12Test {
    private static Assessment qa(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static Assessment base() {
        return Samples.evaluate(Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static String json(Assessment a) { return JsonRenderer.render(a); }

    private static Findings.Line line(Assessment a, int number) {
        return a.findings().priorTherapy().lines().stream().filter(l -> l.number() == number).findFirst().orElseThrow();
    }

    // ---- W-1: every criterion text that states the count says the range and whether its decision holds for all counts

    @Test
    void aRangeOfCountsIsNamedInEveryCriterionThatStatesTheCount() {
        String j = json(qa("s12t-range-2-3-texts"));
        // D-Kd, Isa-Kd (US 1 to 3), D-Rd and D-Vd (at least 1): met by 2 and by 3
        assertTrue(j.contains("2 to 3 prior lines of therapy (2 as placed; the count is undecided, see the PRIOR_THERAPY_UNKNOWN"
                + " gap; the decision stated here holds for every count in this range); the US labels (Darzalex IV and Darzalex"
                + " Faspro SC; the Kyprolis USPI likewise) cover D-Kd after 1 to 3 prior lines"), j);
        assertTrue(j.contains("2 to 3 prior lines of therapy (2 as placed; the count is undecided, see the PRIOR_THERAPY_UNKNOWN"
                + " gap; the decision stated here holds for every count in this range); the US label covers 1 to 3"), j);
        // daratumumab monotherapy, 3 to 4 lines (an asserted statement): "at least 3" holds for both
        String p2 = json(qa("s12t-p2-asserted-between-lines-after-progression"));
        assertTrue(p2.contains("3 to 4 prior lines (3 as placed; the count is undecided, see the PRIOR_THERAPY_UNKNOWN gap;"
                + " the decision stated here holds for every count in this range) including a PI (bortezomib)"), p2);
        assertFalse(j.contains("\"2 prior line(s) of therapy;"), j);
    }

    @Test
    void nearMissACountWithoutARangeIsStatedAsBefore() {
        String j = json(base());
        assertTrue(j.contains("3 prior line(s) of therapy; the US label covers 1 to 3"), j);
        assertFalse(j.contains("as placed"), j);
    }

    // ---- W-2: the relapse texts name the last line as placed when the count is a range

    @Test
    void theRelapseTextNamesTheLineAsPlacedWhenTheCountIsARange() {
        Assessment a = qa("s12t-range-2-3-texts");
        String relapse = a.findings().relapse().text();
        assertTrue(relapse.contains("after line 2 as placed (the count is 2 to 3 lines: its number depends on the records"
                + " named in the PRIOR_THERAPY_UNKNOWN gap) started on 2022-10-10"), relapse);
        assertTrue(a.findings().setting().text().contains("line 2 as placed (the count is 2 to 3 lines"), a.findings().setting().text());
    }

    @Test
    void nearMissWithoutARangeTheLineNumberStandsAlone() {
        String relapse = base().findings().relapse().text();
        assertTrue(relapse.contains("after line 3 started on 2024-08-26"), relapse);
    }

    // ---- P1: the line table's row the other reading would change says so

    @Test
    void theLineHoldingTheRecordsTheCountTurnsOnNamesThemAndTheOtherReading() {
        Assessment a = qa("s12t-range-2-3-texts");
        String reason = line(a, 2).reason();
        assertTrue(reason.contains("Line count undecided (2 to 3 lines; this table shows them as placed)"), reason);
        assertTrue(reason.contains("MedicationStatement/line3-ird-lenalidomide (lenalidomide started in 2024) is placed here"
                + " with its partial date on its first day; on another day the partial date stands for, the records may open a"
                + " line of their own or join another"), reason);
        assertFalse(line(a, 1).reason().contains("Line count undecided"), line(a, 1).reason());
    }

    @Test
    void nearMissLinesOfADecidedCountKeepTheirReasons() {
        for (Findings.Line l : base().findings().priorTherapy().lines()) {
            assertFalse(l.reason().contains("Line count undecided"), l.reason());
        }
    }

    // ---- P2: an asserted statement between two dated lines is named on the row it lies before

    @Test
    void anAssertedStatementBetweenTwoLinesIsNamedWhereItLies() {
        Assessment a = qa("s12t-p2-asserted-between-lines-after-progression");
        assertEquals(Integer.valueOf(3), a.findings().priorTherapy().linesMin());
        assertEquals(Integer.valueOf(4), a.findings().priorTherapy().linesMax());
        String reason = line(a, 3).reason();
        assertTrue(reason.contains("MedicationStatement/asserted-pom (pomalidomide, taken on 2024-08-20 (asserted; start unknown))"
                + " is not placed: asserted after line 2 started (2022-10-10) and before line 3 started (2024-08-26)"), reason);
        assertTrue(reason.contains("as a line of its own it would add one (CDS-POLICY-PARTSTART-ASSERTED-COUNT)"), reason);
        assertFalse(line(a, 2).reason().contains("asserted-pom"), line(a, 2).reason());
    }

    // ---- RL3: ELIG-COMMON-04 asks for a relapse code recorded after the last line when one before it is on record

    @Test
    void aRelapseCodeRecordedBeforeTheLastLineIsNotAskedForAgain() {
        String j = json(qa("s12t-rl3-coded-relapse-before-last-line"));
        assertTrue(j.contains("or a relapse diagnosis (ICD-10-CM C90.02) recorded after the last line started (the one on"
                + " record was written on or before it) would settle it"), j);
    }

    @Test
    void nearMissWithoutARelapseCodeTheTextAsksForOne() {
        String j = json(qa("s12t-rl3-near-miss-no-relapse-code"));
        assertTrue(j.contains("or a relapse diagnosis (ICD-10-CM C90.02) would settle it"), j);
        assertFalse(j.contains("the one on record was written"), j);
    }

    // ---- RL4: a possible progression from the M-protein asks for another M-protein, not a final assessment

    @Test
    void anUnconfirmedMProteinRiseAsksForARepeatMeasurement() {
        Assessment a = qa("s12t-rl4-mprotein-unconfirmed-rise-during-line3");
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("REFRACTORY_STATUS_UNKNOWN")
                && g.text().contains("record the serum M-protein result that settles the rise (a repeat measurement")), a.dataGaps().toString());
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.code().equals("REFRACTORY_STATUS_UNKNOWN")
                && g.text().contains("record the assessment with a coded, final answer")), a.dataGaps().toString());
    }

    // ---- lastDoseRecorded: the last dose as recorded when a partial date makes it imprecise

    @Test
    void aLastDoseDatedByMonthIsShownAsRecordedWithItsLatestDay() {
        Findings.Exposure ixa = qa("partial-end-month").findings().exposures().stream()
                .filter(e -> e.drug().equals("IXAZOMIB")).findFirst().orElseThrow();
        assertEquals("2026-09", ixa.lastDoseRecorded());
        assertEquals("2026-09-30", ixa.lastDose());
    }

    @Test
    void nearMissALastDoseRecordedToTheDayHasNoRecordedForm() {
        Findings.Exposure len = qa("partial-end-month").findings().exposures().stream()
                .filter(e -> e.drug().equals("LENALIDOMIDE")).findFirst().orElseThrow();
        assertNull(len.lastDoseRecorded());
        assertEquals("2026-09-15", len.lastDose());
    }
}
