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
        assertTrue(card.suggestions().stream().anyMatch(s -> s.label().contains("bronchodilator")), "suggestion kept");

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
                proposedTests(copd, "ABO/Rh group and antibody screen", "hepatitis B screening"));

        var hbv = org.myelomacds.scenario.Samples.evaluate(org.myelomacds.scenario.Samples.samplesDir().resolve("ndmm-ti-low-bmi-hbv.json"),
                org.myelomacds.facts.Jurisdiction.US, org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL);
        // A positive HBV serology is on file (monitoring, not screening) and the blood group is known: only the
        // antibody screen is proposed.
        java.util.List<String> labels = allSuggestions(hbv).stream().map(Card.Suggestion::label).distinct().toList();
        assertTrue(labels.stream().noneMatch(l -> l.contains("hepatitis B")), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.contains("ABO/Rh")), labels.toString());
        assertEquals(java.util.List.of(java.util.List.of("890-4")), proposedTests(hbv, "antibody screen"));
    }

    @Test
    void everyRuleThatProposesAnOrderExistsInTheRulebase() {
        java.util.List<String> ids = org.myelomacds.scenario.Samples.rulebase(org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL)
                .ruleNames().stream().map(n -> n.substring(0, n.indexOf(':'))).toList();
        for (String rule : CardRenderer.ORDERING_RULES) assertTrue(ids.contains(rule), rule + " is not a rule any more");
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
