package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Flag;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.render.report.MarkdownReport;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep O3, O7 and P2's leftover (qa-bundles/FINDINGS.md; CDS-POLICY-BLINDED-STUDY-DRUG). O3: a blinded
 * "isatuximab or placebo" product after the last certain daratumumab dose, both in the short band, leaves the band
 * decided (DERIVE-WASHOUT-13), but the washout names the blinded records and the days the later bands are reached are
 * given for both arms. O7: a blinded product with no certain dose, last record 180 days ago, is "exposure undecided;
 * washout adequate if it was given" (DERIVE-WASHOUT-14). P2: a myeloma diagnosed on daratumumab given for a precursor
 * is one caution (FLAG-PARTNER-40), not FLAG-WASHOUT-05 beside it.
 */
class BlindedWashoutDaysTest {
    private static final String SAME_BAND = "s18o-08-open-dara-pd-pd-then-blinded-isa-or-placebo-kd-both-in-short-band";
    private static final String BEFORE = "s18n-01-blinded-dara-or-placebo-vd-pd-then-open-isa-pd-pd-off-isa";
    private static final String OPEN_LABEL = "s18n-01dc-control-open-isa-pd-then-open-dara-pd-pd-on-it-last-dose-48d-before-asof";
    private static final String ONLY_BLINDED_180 = "s18o-07-blinded-dara-or-placebo-only-last-record-180d-before-asof";
    private static final String ONLY_BLINDED_150 = "s17l-08-blinded-daratumumab-or-placebo-with-kd-pd-on-it";
    private static final String PRECURSOR = "s18p-03c-al-amyloidosis-dara-to-2024-12-myeloma-dx-on-it-no-pd-observation";

    private static Assessment evaluate(String name, LocalDate asOf) throws Exception {
        Rulebase rb = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        byte[] bytes = Files.readAllBytes(Path.of("qa-bundles", name + ".json"));
        return new Evaluator(rb).evaluate(Samples.reader().read(bytes, asOf, rb.terminology()),
                new EvaluationContext(asOf, Jurisdiction.US));
    }

    private static Flag flag(Assessment a, String code) {
        return a.flags().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code));
    }

    private static String antiCd38Row(String md) {
        return md.lines().filter(l -> l.startsWith("| Anti-CD38 |")).findFirst().orElseThrow();
    }

    @Test
    void aBlindedProductAfterTheCertainDoseInTheSameBandGivesTheBandDaysForBothArms() throws Exception {
        Assessment a = evaluate(SAME_BAND, Samples.AS_OF);
        assertEquals("SHORT", a.findings().antiCd38Washout().band());
        assertEquals(69, a.findings().antiCd38Washout().days());
        assertTrue(a.findings().antiCd38Washout().text().contains(
                "if the study arm of the blinded isatuximab-or-placebo records MedicationAdministration/study-2026-09-01 and 4 more"
                        + " (from 2026-09-01 to 2026-09-29) was placebo, 33 days since their last record on 2026-09-29 if it was active"),
                a.findings().antiCd38Washout().text());
        assertEquals(List.of(
                        new Flag.Milestone("2026-11-22", false, "the anti-CD38 washout reaches 90 days (intermediate band)", "2026-12-28"),
                        new Flag.Milestone("2027-02-20", false, "the anti-CD38 washout reaches 180 days (adequate band)", "2027-03-28")),
                flag(a, "ANTI_CD38_WASHOUT_SHORT").milestones());
        Flag refractory = flag(a, "ANTI_CD38_REFRACTORY");
        assertEquals("2027-06-26", refractory.milestones().get(0).ifStudyArmActive());
        assertTrue(refractory.text().contains("which this patient reaches on 2027-05-21 if the study arm of the blinded"
                + " isatuximab-or-placebo records") && refractory.text().contains("on 2027-06-26 if it was active"), refractory.text());
        String md = MarkdownReport.render(a);
        assertTrue(md.contains("reaches 90 days (intermediate band) from 2026-11-22 if placebo, 2026-12-28 if the study arm was"
                + " active, 180 days (adequate band) from 2027-02-20 if placebo, 2027-03-28 if the study arm was active and the 9"
                + " months IRAKLIA required of anti-CD38-refractory disease (270 days) from 2027-05-21 if placebo, 2027-06-26 if"
                + " the study arm was active."), md);
        assertTrue(antiCd38Row(md).contains("isatuximab-or-placebo records"), antiCd38Row(md));
    }

    @Test
    void nearMissABlindedProductBeforeTheCertainDoseGivesOneDay() throws Exception {
        Assessment a = evaluate(BEFORE, Samples.AS_OF);
        assertEquals("ADEQUATE", a.findings().antiCd38Washout().band());
        assertFalse(a.findings().antiCd38Washout().text().contains("placebo"), a.findings().antiCd38Washout().text());
        a.flags().forEach(f -> f.milestones().forEach(m -> assertNull(m.ifStudyArmActive(), m.toString())));
    }

    @Test
    void nearMissTheOpenLabelRecordGivesOneDayPerBand() throws Exception {
        Assessment a = evaluate(OPEN_LABEL, Samples.AS_OF);
        List<Flag.Milestone> ms = flag(a, "ANTI_CD38_WASHOUT_SHORT").milestones();
        assertEquals(List.of(new Flag.Milestone("2026-12-13", false, "the anti-CD38 washout reaches 90 days (intermediate band)"),
                new Flag.Milestone("2027-03-13", false, "the anti-CD38 washout reaches 180 days (adequate band)")), ms);
        String md = MarkdownReport.render(a);
        assertTrue(md.contains("90 days (intermediate band) on 2026-12-13"), md);
        assertFalse(md.contains("if the study arm was active"), md);
    }

    @Test
    void aBlindedProductOnlyLastGiven180DaysAgoIsAnAdequateWashoutIfGiven() throws Exception {
        Assessment a = evaluate(ONLY_BLINDED_180, Samples.AS_OF);
        String md = MarkdownReport.render(a);
        assertEquals("| Anti-CD38 | possibly given: daratumumab (blinded study product, last record 2026-05-05): exposure"
                + " undecided; washout adequate if it was given |", antiCd38Row(md));
        assertTrue(md.contains("Anti-CD38 antibody possibly given: daratumumab (blinded study product, last record 2026-05-05):"
                + " exposure undecided; washout adequate if it was given."), md);
        assertTrue(a.flags().stream().noneMatch(f -> f.code().startsWith("ANTI_CD38_WASHOUT")));
    }

    @Test
    void nearMissABlindedProductOnlyLastGiven179DaysAgoLeavesTheWashoutUndecided() throws Exception {
        Assessment a = evaluate(ONLY_BLINDED_180, LocalDate.of(2026, 10, 31));
        assertTrue(antiCd38Row(MarkdownReport.render(a)).endsWith(": exposure and washout undecided |"));
        Assessment b = evaluate(ONLY_BLINDED_150, Samples.AS_OF);
        assertTrue(antiCd38Row(MarkdownReport.render(b)).endsWith(": exposure and washout undecided |"));
    }

    @Test
    void aMyelomaDiagnosedOnAPrecursorAntibodyIsOneCautionNotTwo() throws Exception {
        Assessment a = evaluate(PRECURSOR, Samples.AS_OF);
        assertEquals("FLAG-PARTNER-40", flag(a, "ANTI_CD38_REFRACTORY").rule());
        assertTrue(a.flags().stream().noneMatch(f -> f.rule().equals("FLAG-WASHOUT-05")), a.flags().toString());
    }

    @Test
    void nearMissAnotherAntiCd38GapStillRaisesTheUndecidedRefractorinessCaution() throws Exception {
        Assessment a = evaluate(ONLY_BLINDED_180, Samples.AS_OF);
        assertEquals("FLAG-WASHOUT-05", flag(a, "ANTI_CD38_REFRACTORY_UNKNOWN").rule());
    }
}
