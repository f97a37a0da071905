package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.Statement;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * s20b-02 reread of FINDINGS B1 (clinical-evidence.md §4.7, §5.1): CANDOR allowed prior anti-CD38 therapy, stratified
 * by it, and no source read states whether anti-CD38-refractory patients were enrolled. Beside anti-CD38 refractoriness
 * the CANDOR population statement says so, rather than "matches" as though it had been checked, and the population is
 * undecided with no trial points (DARA-KD-TRIAL-17), as IKEMA's is for the same patient (QA sweep W AC5).
 */
class CandorAntiCd38RefractoryTextTest {
    private static final String UNSTATED = "the source does not state whether patients refractory to an anti-CD38 antibody"
            + " were enrolled";

    private static Assessment sample(String name) {
        return Samples.evaluate(Samples.samplesDir().resolve(name), Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
    }

    private static Recommendation daraKd(Assessment a) {
        return a.recommendations().stream().filter(r -> r.regimen().equals("DARA_KD")).findFirst()
                .orElseThrow(() -> new AssertionError("DARA_KD not ranked"));
    }

    private static Statement candor(Recommendation r) {
        return r.rationale().stream().filter(s -> "candor-population".equals(s.criterion())).findFirst()
                .orElseThrow(() -> new AssertionError("no candor-population statement: " + r.rationale()));
    }

    private static Assessment qaBundle(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    /**
     * s20b-02: daratumumab-refractory after post-allograft salvage; CANDOR inclusion met, 3 lines. The source does not say
     * whether such patients were enrolled, so the population is undecided and earns no trial points (DARA-KD-TRIAL-17,
     * RANK-POPULATION-05), as IKEMA's is (QA sweep W AC5): D-Kd 55 -> 25.
     */
    @Test
    void anAntiCd38RefractoryPatientIsToldTheTrialDoesNotSayWhetherSuchPatientsWereEnrolled() throws Exception {
        Recommendation r = daraKd(qaBundle("s20b-02-post-allo-relapse-daratumumab-salvage-text-watch-for-gvhd-flare-given-to-pd"));
        Statement s = candor(r);
        assertEquals("UNKNOWN", s.outcome());
        assertTrue(s.text().contains("CANDOR allowed prior anti-CD38 therapy (randomisation stratified by it), but " + UNSTATED
                + ": this patient is daratumumab-refractory"), s.text());
        assertFalse(s.text().contains("prior anti-CD38 therapy was allowed, with randomisation stratified by it"), s.text());
        Statement refractory = r.rationale().stream().filter(x -> "anti-cd38-refractory".equals(x.criterion())).findFirst()
                .orElseThrow(() -> new AssertionError("no anti-cd38-refractory statement: " + r.rationale()));
        assertEquals("UNKNOWN", refractory.outcome());
        assertTrue(refractory.text().contains(UNSTATED), refractory.text());
        assertTrue(r.scoreComponents().stream().noneMatch(l -> l.rule().equals("RANK-TRIAL-CANDOR")), r.scoreComponents().toString());
        assertTrue(r.scoreComponents().stream().anyMatch(l -> l.rule().equals("RANK-POPULATION-02")), r.scoreComponents().toString());
        assertEquals(25, r.score());
    }

    /** The same words where the population is undecided for another reason (no LVEF on record). */
    @Test
    void theUndecidedPopulationStatementSaysItToo() {
        Statement s = candor(daraKd(sample("rrmm-prior-dara-short-washout.json")));
        assertEquals("UNKNOWN", s.outcome());
        assertTrue(s.text().contains(UNSTATED), s.text());
    }

    /** Near miss: daratumumab given, not refractory: the allowance is all there is to say. */
    @Test
    void anAntiCd38ExposedPatientWhoIsNotRefractoryKeepsThePlainAllowance() throws Exception {
        Recommendation r = daraKd(qaBundle("s13a-07b-dvd-completed-dara-order-sparse-admins-pd"));
        Statement s = candor(r);
        assertTrue(s.text().contains("prior anti-CD38 therapy was allowed, with randomisation stratified by it"), s.text());
        assertFalse(s.text().contains("does not state"), s.text());
        assertTrue(r.rationale().stream().noneMatch(x -> "anti-cd38-refractory".equals(x.criterion())), r.rationale().toString());
        r.scoreComponents().stream().filter(l -> l.rule().equals("RANK-TRIAL-CANDOR"))
                .forEach(l -> assertTrue(l.label().startsWith("Matches the CANDOR population ("), l.label()));
    }
}
