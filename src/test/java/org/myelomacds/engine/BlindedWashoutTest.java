package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Flag;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep N1 (qa-bundles/FINDINGS.md, CDS-POLICY-BLINDED-STUDY-DRUG): a blinded "daratumumab or placebo" product recorded
 * after the last certain anti-CD38 dose leaves the washout band undecided between the two arms when they give different
 * bands (DERIVE-WASHOUT-11), and a blinded product with no certain anti-CD38 dose leaves it undecided between its band
 * and none (DERIVE-WASHOUT-12); when both readings give the same band the band stays decided.
 */
class BlindedWashoutTest {
    private static final String AFTER = "s18n-01d-open-isa-pd-then-blinded-dara-or-placebo-pd-pd-on-it-last-dose-42d-before-asof";
    private static final String BEFORE = "s18n-01-blinded-dara-or-placebo-vd-pd-then-open-isa-pd-pd-off-isa";
    private static final String OPEN_LABEL = "s18n-01dc-control-open-isa-pd-then-open-dara-pd-pd-on-it-last-dose-48d-before-asof";
    private static final String ONLY_BLINDED = "s17l-08-blinded-daratumumab-or-placebo-with-kd-pd-on-it";

    private static Assessment evaluate(String name, LocalDate asOf) throws Exception {
        Rulebase rb = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        byte[] bytes = Files.readAllBytes(Path.of("qa-bundles", name + ".json"));
        return new Evaluator(rb).evaluate(Samples.reader().read(bytes, asOf, rb.terminology()),
                new EvaluationContext(asOf, Jurisdiction.US));
    }

    private static List<Flag> undecided(Assessment a) {
        return a.flags().stream().filter(f -> f.code().equals("ANTI_CD38_WASHOUT_UNDECIDED")).toList();
    }

    @Test
    void aBlindedProductAfterTheLastCertainDoseInAnotherBandLeavesTheWashoutUndecided() throws Exception {
        Assessment a = evaluate(AFTER, Samples.AS_OF);
        assertNull(a.findings().antiCd38Washout(), "no decided band from the isatuximab alone");
        List<Flag> flags = undecided(a);
        assertEquals(1, flags.size(), flags.toString());
        Flag f = flags.get(0);
        assertEquals("WARNING", f.severity());
        assertEquals("FLAG-WASHOUT-07", f.rule());
        assertTrue(f.regimens().containsAll(List.of("DARA_MONO", "DARA_PD", "ISA_PD")), f.regimens().toString());
        assertTrue(f.text().contains("48 days before the evaluation date (short washout)")
                && f.text().contains("isatuximab dose on 2023-05-02, 1279 days before (adequate washout)"), f.text());
        String gap = Samples.gapTexts(a, "ANTI_CD38_WASHOUT_UNKNOWN").get(0);
        assertTrue(gap.contains("MedicationAdministration/study-2026-06-22 and 10 more"), gap);
        assertTrue(a.flags().stream().noneMatch(x -> x.code().equals("ANTI_CD38_WASHOUT_SHORT")));
    }

    @Test
    void nearMissABlindedProductBeforeTheCertainDoseLeavesTheBandDecided() throws Exception {
        Assessment a = evaluate(BEFORE, Samples.AS_OF);
        assertNotNull(a.findings().antiCd38Washout());
        assertEquals("ADEQUATE", a.findings().antiCd38Washout().band());
        assertEquals("ISATUXIMAB", a.findings().antiCd38Washout().drug());
        assertTrue(undecided(a).isEmpty(), undecided(a).toString());
    }

    @Test
    void nearMissTheSameRecordOpenLabelIsAShortWashout() throws Exception {
        Assessment a = evaluate(OPEN_LABEL, Samples.AS_OF);
        assertEquals("SHORT", a.findings().antiCd38Washout().band());
        assertTrue(undecided(a).isEmpty());
    }

    @Test
    void nearMissBothReadingsAdequateLeaveTheBandDecided() throws Exception {
        // 260 days after the last blinded record, 1491 after the isatuximab: adequate whichever arm
        Assessment a = evaluate(AFTER, LocalDate.of(2027, 6, 1));
        assertNotNull(a.findings().antiCd38Washout());
        assertEquals("ADEQUATE", a.findings().antiCd38Washout().band());
        assertTrue(undecided(a).isEmpty(), undecided(a).toString());
    }

    @Test
    void aBlindedProductWithNoCertainDoseLeavesTheWashoutUndecidedBetweenItsBandAndNone() throws Exception {
        Assessment a = evaluate(ONLY_BLINDED, Samples.AS_OF);
        List<Flag> flags = undecided(a);
        assertEquals(1, flags.size(), flags.toString());
        assertEquals("INFO", flags.get(0).severity());
        assertEquals("FLAG-WASHOUT-08", flags.get(0).rule());
        assertTrue(flags.get(0).text().contains("(intermediate washout); if placebo, no anti-CD38 antibody was given"),
                flags.get(0).text());
    }

    @Test
    void nearMissABlindedProductWithNoCertainDoseLastGivenOver180DaysAgoNeedsNoCaution() throws Exception {
        Assessment a = evaluate(ONLY_BLINDED, LocalDate.of(2027, 3, 1));
        assertTrue(undecided(a).isEmpty(), undecided(a).toString());
        assertTrue(Samples.gapTexts(a, "ANTI_CD38_WASHOUT_UNKNOWN").isEmpty());
    }
}
