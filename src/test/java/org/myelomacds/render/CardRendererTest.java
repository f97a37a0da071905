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
}
