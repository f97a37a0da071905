package org.myelomacds.render;

import org.myelomacds.scenario.Samples;
import org.junit.jupiter.api.Test;
import org.myelomacds.render.cards.Card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardRendererTest {
    @Test
    void summariesAreCutAtAWordUnder140Characters() {
        String longText = "7 anti-CD38 regimen(s) not recommended: " + "DARA_MONO, DARA_PD, DARA_VMP, DARA_VRD, DARA_VTD, ".repeat(4);
        String s = CardRenderer.summary(longText);
        assertTrue(s.length() < 140, s.length() + ": " + s);
        assertTrue(s.endsWith("…") && !s.endsWith(" …"), s);
        assertTrue(longText.startsWith(s.substring(0, s.length() - 1)), "a prefix of the text");
        assertEquals("Option 1: Isa-Pd", CardRenderer.summary("  Option 1:   Isa-Pd "));
    }

    @Test
    void aCardRefusesAnOverlongSummaryOrSuggestionsWithoutSelectionBehavior() {
        assertThrows(IllegalArgumentException.class, () -> new Card("u", "x".repeat(140), null, "info",
                new Card.Source("s", null, null), null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Card("u", "x", null, "info", new Card.Source("s", null, null),
                java.util.List.of(new Card.Suggestion("l", null, null, null)), null, null, null, null));
    }

    @Test
    void aFlagCardLeadsWithTheActionAndKeepsItsSuggestion() {
        var a = org.myelomacds.scenario.Samples.evaluate(org.myelomacds.scenario.Samples.samplesDir().resolve("rrmm-copd.json"),
                org.myelomacds.facts.Jurisdiction.US, org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL);
        var copd = a.flags().stream().filter(f -> f.code().equals("DARA_COPD_PROPHYLAXIS")).findFirst().orElseThrow();
        java.util.Set<String> dara = new java.util.TreeSet<>(copd.regimens());
        Card card = CardRenderer.orderCheck(a, "daratumumab", dara, null, Samples.terminology().observations()).stream()
                .filter(c -> c.summary().contains("COPD")).findFirst().orElseThrow();
        String detail = card.detail();
        int action = detail.indexOf("**Action:** Consider prescribing short- and long-acting bronchodilators");
        assertTrue(action > 0 && action < detail.indexOf("COPD (COPD (GOLD 3)"), "the action comes before the finding: " + detail);
        assertTrue(card.summary().length() < 140, card.summary());
        // Bronchodilator prophylaxis names a class, not a product an EHR could order: it stays an action text.
        assertTrue(card.suggestions().stream().noneMatch(s -> s.label().contains("bronchodilator")), card.suggestions().toString());

        Card option = CardRenderer.patientView(a, null, Samples.terminology().observations()).stream().filter(c -> c.summary().contains("Daratumumab + lenalidomide"))
                .findFirst().orElseThrow();
        String cautions = option.detail().substring(option.detail().indexOf("**Cautions**"));
        assertTrue(cautions.contains("**DARA_COPD_PROPHYLAXIS** (warning): **Action:** Consider prescribing"), cautions);
    }

    @Test
    void suggestionsOrderOnlyTheTestsTheFlaggingRuleFoundMissing() {
        var copd = org.myelomacds.scenario.Samples.evaluate(org.myelomacds.scenario.Samples.samplesDir().resolve("rrmm-copd.json"),
                org.myelomacds.facts.Jurisdiction.US, org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL);
        // rrmm-copd has no blood group, no antibody screen and no HBV serology: both tests of each pair are proposed.
        assertEquals(java.util.List.of(java.util.List.of("882-1", "890-4"), java.util.List.of("5196-1", "16933-4")),
                proposedTests(copd, "ABO/Rh group and antibody screen", "HBsAg and anti-HBc"));

        var hbv = org.myelomacds.scenario.Samples.evaluate(org.myelomacds.scenario.Samples.samplesDir().resolve("ndmm-ti-low-bmi-hbv.json"),
                org.myelomacds.facts.Jurisdiction.US, org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL);
        // A positive HBV serology is on file (monitoring, not screening) and the blood group is known: only the
        // antibody screen is proposed.
        java.util.List<String> labels = allSuggestions(hbv).stream().map(Card.Suggestion::label).distinct().toList();
        assertTrue(labels.stream().noneMatch(l -> l.contains("HBsAg")), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.contains("ABO/Rh")), labels.toString());
        assertEquals(java.util.List.of(java.util.List.of("890-4")), proposedTests(hbv, "antibody screen"));
    }

    @Test
    void ordersFollowTheFlagsProposalsNotRuleIds() {
        var copd = org.myelomacds.scenario.Samples.evaluate(org.myelomacds.scenario.Samples.samplesDir().resolve("rrmm-copd.json"),
                org.myelomacds.facts.Jurisdiction.US, org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL);
        var ts = copd.flags().stream().filter(f -> f.code().equals("TYPE_AND_SCREEN")).findFirst().orElseThrow();
        assertEquals(java.util.List.of(new org.myelomacds.assessment.Flag.ProposedOrder("test", "ABO_RH_GROUP", "ABO/Rh group"),
                new org.myelomacds.assessment.Flag.ProposedOrder("test", "ANTIBODY_SCREEN", "antibody screen")), ts.proposals());
        // The same flag under another rule id still proposes its orders: the renderer reads proposals, not rule ids.
        var renamed = new org.myelomacds.assessment.Flag(ts.code(), ts.severity(), ts.text(), ts.action(), "FLAG-RENAMED-99",
                ts.evidence(), ts.regimens(), ts.facts(), ts.proposals());
        java.util.List<String> labels = orderSuggestions(withFlags(copd, renamed)).stream().map(Card.Suggestion::label).toList();
        assertEquals(java.util.List.of("Order ABO/Rh group and antibody screen"), labels);
        // A proposal this renderer cannot code (an unknown measurement) is left to the action text, never a crash.
        var unknown = new org.myelomacds.assessment.Flag(ts.code(), ts.severity(), ts.text(), ts.action(), ts.rule(),
                ts.evidence(), ts.regimens(), ts.facts(), java.util.List.of(new org.myelomacds.assessment.Flag.ProposedOrder("test", "NO_SUCH_TEST", "x")));
        assertTrue(orderSuggestions(withFlags(copd, unknown)).isEmpty());
    }

    private static org.myelomacds.assessment.Assessment withFlags(org.myelomacds.assessment.Assessment a,
                                                                 org.myelomacds.assessment.Flag... flags) {
        return new org.myelomacds.assessment.Assessment(a.patient(), a.asOf(), a.jurisdiction(), a.rulebase(), a.setting(),
                a.findings(), a.recommendations(), a.notRecommended(), java.util.List.of(flags), a.dataGaps(), a.evidence(),
                a.trace(), a.disclaimer());
    }

    /** The suggestions of the order-select cards for a drug every flag of the assessment concerns. */
    private static java.util.List<Card.Suggestion> orderSuggestions(org.myelomacds.assessment.Assessment a) {
        java.util.Set<String> regimens = new java.util.TreeSet<>();
        a.flags().forEach(f -> regimens.addAll(f.regimens()));
        return CardRenderer.orderCheck(a, "daratumumab", regimens, null, Samples.terminology().observations()).stream()
                .flatMap(c -> c.suggestions() == null ? java.util.stream.Stream.empty() : c.suggestions().stream()).toList();
    }

    private static java.util.List<Card.Suggestion> allSuggestions(org.myelomacds.assessment.Assessment a) {
        return CardRenderer.patientView(a, null, Samples.terminology().observations()).stream().flatMap(c -> c.suggestions() == null ? java.util.stream.Stream.empty()
                : c.suggestions().stream()).toList();
    }

    /** The LOINC codes each matching suggestion would order, one ServiceRequest and one coding per test. */
    @SuppressWarnings("unchecked")
    private static java.util.List<java.util.List<String>> proposedTests(org.myelomacds.assessment.Assessment a, String... labelParts) {
        java.util.List<java.util.List<String>> out = new java.util.ArrayList<>();
        for (String part : labelParts) {
            Card.Suggestion s = allSuggestions(a).stream().filter(x -> x.label().contains(part)).findFirst()
                    .orElseThrow(() -> new AssertionError("no suggestion '" + part + "'"));
            java.util.List<String> codes = new java.util.ArrayList<>();
            for (Card.Action action : s.actions()) {
                assertEquals("ServiceRequest", action.resource().get("resourceType"));
                assertEquals("proposal", action.resource().get("intent"));
                var codings = (java.util.List<java.util.Map<String, Object>>) ((java.util.Map<String, Object>) action.resource().get("code")).get("coding");
                assertEquals(1, codings.size(), "one test per request: " + codings);
                codes.add((String) codings.get(0).get("code"));
            }
            out.add(codes);
        }
        return out;
    }
}
