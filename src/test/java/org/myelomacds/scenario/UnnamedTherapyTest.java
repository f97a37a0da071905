package org.myelomacds.scenario;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DataGapItem;
import org.myelomacds.assessment.Statement;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.facts.Jurisdiction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Therapy the engine cannot name leaves undecided only the decisions it can change (CDS-POLICY-UNIDENTIFIED-MEDICATION,
 * rules/eligibility/therapy-history.drl). qa-bundles/novel-study-drug-unknown-rxnorm.json: two counted lines (VRd-R, KRd),
 * then a study drug coded by an ATC L01 code no catalogued drug holds; the same history without it is the near miss.
 */
class UnnamedTherapyTest {

    private static Assessment evaluate(Path bundle, Jurisdiction j) {
        return Samples.evaluate(bundle, j, CompileMode.EXECUTABLE_MODEL);
    }

    private static Path novel() { return Samples.projectDir().resolve("qa-bundles/novel-study-drug-unknown-rxnorm.json"); }

    private static Map<String, String> statuses(Assessment a) {
        Map<String, String> out = new TreeMap<>();
        a.recommendations().forEach(r -> out.put(r.regimen(), r.status()));
        a.notRecommended().forEach(r -> out.put(r.regimen(), r.status()));
        return out;
    }

    private static List<Statement> statements(Assessment a, String regimen) {
        List<Statement> out = new ArrayList<>();
        a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).forEach(r -> out.addAll(r.rationale()));
        a.notRecommended().stream().filter(r -> r.regimen().equals(regimen)).forEach(r -> out.addAll(r.reasons()));
        return out;
    }

    private static boolean has(Assessment a, String regimen, String criterion, String outcome) {
        return statements(a, regimen).stream().anyMatch(s -> s.criterion().equals(criterion) && s.outcome().equals(outcome));
    }

    @Test
    void aStudyDrugAfterTwoLinesLeavesIsaPdOnLabelAndOnlyWhatItCanChangeUndecided() {
        Assessment a = evaluate(novel(), Jurisdiction.US);
        // "at least 2 prior lines including lenalidomide and a PI" is met by lines 1-2 whatever the study drug was
        // (with cautions: the study drug may have been an anti-CD38 antibody, so anti-CD38 refractoriness is undecided,
        // FLAG-PARTNER-53)
        assertEquals("ELIGIBLE_WITH_CAUTIONS", statuses(a).get("ISA_PD"));
        assertTrue(has(a, "ISA_PD", "prior-lines", "MET"));
        // ... but the study drug may have been an anti-CD38 antibody or pomalidomide: the ICARIA-MM population is open
        assertTrue(has(a, "ISA_PD", "icaria-population", "UNKNOWN"));
        // 2 counted + 1 possible line: US daratumumab monotherapy's 3-line branch may or may not be reached, but the
        // patient is lenalidomide- and carfilzomib-refractory, so its double-refractory branch holds at every count
        // (FINDINGS L4): the indication is not left undecided by the range;
        // the 1-3 limit of Isa-Kd and D-Kd holds at 3, so nothing about their line count is undecided
        assertFalse(has(a, "DARA_MONO", "us-prior-therapy", "UNKNOWN"));
        assertTrue(statuses(a).get("DARA_MONO").startsWith("ELIGIBLE"), statuses(a).toString());
        assertFalse(has(a, "ISA_KD", "prior-lines", "UNKNOWN"));
        assertFalse(statements(a, "DARA_PD").stream().anyMatch(s -> s.criterion().equals("therapy-history")));
        // newly-diagnosed regimens failed on the two counted lines stay failed; the gap names the regimens it can change
        assertEquals("NOT_ELIGIBLE", statuses(a).get("DARA_VRD"));
        DataGapItem gap = a.dataGaps().stream().filter(g -> g.code().equals("THERAPY_UNCLASSIFIED")).findFirst().orElseThrow();
        assertFalse(gap.wouldAffect().contains("DARA_VRD"), gap.wouldAffect().toString());
        assertTrue(gap.wouldAffect().contains("ISA_PD"), gap.wouldAffect().toString());
    }

    /**
     * A newly diagnosed patient with an unidentified medication and no counted line: Isa-Pd fails on its prior lines and
     * leaves therapy-history undecided (HISTORY-ELIG-02, whose id sorts first). The failure that excluded it is listed
     * first, so the one-line summaries of every rendering name it, not the undecided criterion.
     */
    @Test
    void aNotEligibleRegimenListsTheFailureThatExcludedItFirst(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var bundle = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                Samples.samplesDir().resolve("ndmm-transplant-eligible.json").toFile());
        ((com.fasterxml.jackson.databind.node.ArrayNode) bundle.get("entry")).add(mapper.readTree("""
                {"resource": {"resourceType": "MedicationStatement", "id": "unid-1", "status": "completed",
                  "subject": {"reference": "Patient/pt-ndmm-te"},
                  "medicationCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/ndc", "code": "00000-0000-00"}]},
                  "effectivePeriod": {"start": "2026-10-16", "end": "2026-10-20"}}}"""));
        Path file = dir.resolve("ndmm-unidentified.json");
        mapper.writeValue(file.toFile(), bundle);
        Assessment a = evaluate(file, Jurisdiction.US);
        assertEquals("NOT_ELIGIBLE", statuses(a).get("ISA_PD"));
        List<Statement> reasons = statements(a, "ISA_PD");
        // the label's newly-diagnosed exclusion (FLAG-FIRSTLINE-11, setting) and the line count both exclude it; either
        // is a failure, listed before the undecided criterion
        assertEquals("FAILED", reasons.get(0).outcome(), reasons.get(0).criterion());
        assertTrue(List.of("setting", "prior-lines").contains(reasons.get(0).criterion()), reasons.get(0).criterion());
        assertTrue(has(a, "ISA_PD", "prior-lines", "FAILED"));
        assertTrue(has(a, "ISA_PD", "therapy-history", "UNKNOWN"), "the undecided criterion is still listed, after it");
        // near miss: an INSUFFICIENT_DATA regimen keeps the usual order (no criterion excluded it)
        Assessment novel = evaluate(novel(), Jurisdiction.EU);
        List<Statement> undecided = statements(novel, "ISA_PD");
        assertEquals("INSUFFICIENT_DATA", statuses(novel).get("ISA_PD"));
        assertEquals("UNKNOWN", undecided.get(0).outcome(), undecided.toString());
    }

    @Test
    void inTheEuTheStudyDrugMayBeTheLastLineSoProgressionOnTheLastTherapyIsUndecided() {
        Assessment eu = evaluate(novel(), Jurisdiction.EU);
        assertTrue(has(eu, "ISA_PD", "progression-on-last-therapy", "UNKNOWN"));
        assertEquals("INSUFFICIENT_DATA", statuses(eu).get("ISA_PD"));
        // near miss: the same history without the study drug (the Isa-Pd candidate sample, line 3 IRd) decides it
        Assessment named = evaluate(Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json"), Jurisdiction.EU);
        assertTrue(has(named, "ISA_PD", "progression-on-last-therapy", "MET"));
        assertFalse(has(named, "ISA_PD", "progression-on-last-therapy", "UNKNOWN"));
    }
}
