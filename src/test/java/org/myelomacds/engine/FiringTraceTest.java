package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.TraceEntry;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.render.JsonRenderer;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trace marks firings that Drools withdrew before the session ended, and only those. */
class FiringTraceTest {

    /**
     * rrmm-isa-pd-candidate has a blood group and an antibody screen on file: the type-and-screen rule fires before the
     * current results are derived, and is withdrawn with its flag once they are.
     */
    @Test
    void aFiringWithdrawnByALaterFactIsMarkedAndRaisesNothing() {
        Assessment a = Samples.evaluate(Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json"), Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
        assertTrue(a.trace().stream().anyMatch(t -> t.rule().equals("FLAG-LOGISTICS-TS-01") && t.withdrawn()), "TS-01 withdrawn in the trace");
        assertFalse(a.trace().stream().anyMatch(t -> t.rule().equals("FLAG-LOGISTICS-TS-01") && t.inEffect()));
        assertFalse(a.flags().stream().anyMatch(f -> f.code().equals("TYPE_AND_SCREEN")), "no type-and-screen flag");
        String json = JsonRenderer.render(a);
        assertTrue(json.contains("\"withdrawn\" : true") || json.contains("\"withdrawn\":true"), "the marker is printed when true");
        assertFalse(json.contains("\"withdrawn\" : false") || json.contains("\"withdrawn\":false"), "and only then");
    }

    /**
     * The citation list rests on firings that hold: rrmm-isa-pd-candidate's withdrawn firings cite evidence (POLLUX,
     * CANDOR, the type-and-screen sources) that nothing in the result rests on, and none of it is listed.
     */
    @Test
    void evidenceCitedOnlyByWithdrawnFiringsIsNotListed() {
        Assessment a = Samples.evaluate(Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json"), Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
        Set<String> held = new TreeSet<>();
        Set<String> withdrawnOnly = new TreeSet<>();
        for (TraceEntry t : a.trace()) if (t.inEffect()) held.addAll(t.evidence());
        for (TraceEntry t : a.trace()) if (t.withdrawn()) withdrawnOnly.addAll(t.evidence());
        withdrawnOnly.removeAll(held);
        assertFalse(withdrawnOnly.isEmpty(), "the sample has evidence cited only by withdrawn firings");
        Set<String> listed = new TreeSet<>(a.evidence().keySet());
        listed.retainAll(withdrawnOnly);
        assertEquals(Set.of(), listed, "listed although only withdrawn firings cite it");
        assertTrue(a.evidence().keySet().containsAll(held), "every firing that holds has its citations listed");
    }

    /**
     * The report names the rule that derived a finding only among firings that hold: a withdrawn firing of the same
     * concept whose id sorts first (and would be chosen if it counted) is passed over, with its citation.
     */
    @Test
    void theReportDerivesNoFindingFromAWithdrawnFiring() {
        Assessment a = Samples.evaluate(Samples.samplesDir().resolve("rrmm-isa-pd-candidate.json"), Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
        String held = org.myelomacds.render.report.ReportView.of(a).disease().get(0).rule();
        assertTrue(held != null, "the setting is derived by a rule that holds: " + held);
        TraceEntry heldEntry = a.trace().stream().filter(t -> t.rule().equals(held) && t.inEffect()).findFirst().orElseThrow();
        List<TraceEntry> trace = new ArrayList<>(a.trace());
        trace.add(new TraceEntry("A-WITHDRAWN-01", heldEntry.file(), 1, List.of("POLLUX-L20"), List.of(), true, heldEntry.concept()));
        Assessment withWithdrawn = new Assessment(a.patient(), a.asOf(), a.jurisdiction(), a.rulebase(), a.labels(), a.setting(),
                a.findings(), a.recommendations(), a.notRecommended(), a.flags(), a.dataGaps(), a.evidence(), trace, a.disclaimer());
        var setting = org.myelomacds.render.report.ReportView.of(withWithdrawn).disease().get(0);
        assertEquals(held, setting.rule());
        assertFalse(setting.cites().stream().anyMatch(c -> c.id().equals("POLLUX-L20")), "no citation of the withdrawn firing");
    }

    /** Every rule the result names fired and holds; no rule whose firings were all withdrawn is named by the result. */
    @Test
    void theResultNamesExactlyRulesWhoseFiringsHold() {
        for (String sample : new String[] {"rrmm-isa-pd-candidate.json", "rrmm-copd.json", "ndmm-ti-elderly-neuropathy.json", "rrmm-elderly-cardiac.json"}) {
            Path bundle = Samples.samplesDir().resolve(sample);
            for (Jurisdiction j : Jurisdiction.values()) {
                Assessment a = Samples.evaluate(bundle, j, CompileMode.EXECUTABLE_MODEL);
                Set<String> inEffect = new TreeSet<>();
                Set<String> withdrawnOnly = new TreeSet<>();
                for (TraceEntry t : a.trace()) if (t.inEffect()) inEffect.add(t.rule());
                for (TraceEntry t : a.trace()) if (t.withdrawn() && !inEffect.contains(t.rule())) withdrawnOnly.add(t.rule());
                Set<String> named = new TreeSet<>();
                for (Recommendation r : a.recommendations()) {
                    r.scoreComponents().forEach(s -> { if (s.rule() != null) named.add(s.rule()); });
                    r.rationale().forEach(s -> { if (s.rule() != null) named.add(s.rule()); });
                }
                for (NotRecommended r : a.notRecommended()) r.reasons().forEach(s -> { if (s.rule() != null) named.add(s.rule()); });
                a.flags().forEach(f -> named.add(f.rule()));
                a.dataGaps().forEach(g -> { if (g.rule() != null) named.add(g.rule()); });
                Set<String> notHolding = new TreeSet<>(named);
                notHolding.removeAll(inEffect);
                assertEquals(Set.of(), notHolding, sample + " " + j + ": named by the result but not in effect");
                Set<String> both = new TreeSet<>(named);
                both.retainAll(withdrawnOnly);
                assertEquals(Set.of(), both, sample + " " + j + ": withdrawn yet named by the result");
            }
        }
    }
}
