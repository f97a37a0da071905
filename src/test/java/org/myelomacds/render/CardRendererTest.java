package org.myelomacds.render;

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
        Card card = CardRenderer.orderCheck(a, "daratumumab", dara, null).stream()
                .filter(c -> c.summary().contains("COPD")).findFirst().orElseThrow();
        String detail = card.detail();
        int action = detail.indexOf("**Action:** Consider prescribing short- and long-acting bronchodilators");
        assertTrue(action > 0 && action < detail.indexOf("COPD (COPD (GOLD 3)"), "the action comes before the finding: " + detail);
        assertTrue(card.summary().length() < 140, card.summary());
        assertTrue(card.suggestions().stream().anyMatch(s -> s.label().contains("bronchodilator")), "suggestion kept");

        Card option = CardRenderer.patientView(a, null).stream().filter(c -> c.summary().contains("Daratumumab + lenalidomide"))
                .findFirst().orElseThrow();
        String cautions = option.detail().substring(option.detail().indexOf("**Cautions**"));
        assertTrue(cautions.contains("**DARA_COPD_PROPHYLAXIS** (warning): **Action:** Consider prescribing"), cautions);
    }
}
