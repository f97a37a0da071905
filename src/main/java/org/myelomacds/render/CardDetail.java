package org.myelomacds.render;

import org.myelomacds.assessment.Assessment;

/** A card detail built within {@link CardRenderer#MAX_DETAIL} characters, the disclaimer footer included. */
final class CardDetail {
    private final StringBuilder md = new StringBuilder();
    private final String footer;

    CardDetail(CardResponse r) {
        Assessment a = r.a;
        footer = "_" + a.disclaimer() + " As of " + a.asOf() + ", " + a.jurisdiction() + " labels._\n";
    }

    boolean fits(int more) { return md.length() + more + footer.length() <= CardRenderer.MAX_DETAIL; }

    void line(String text) { block(text + "\n"); }

    /** Appends a paragraph; one that would push the detail over the limit is cut at a word and marked. */
    void block(String text) {
        String t = text.endsWith("\n") ? text : text + "\n";
        int room = CardRenderer.MAX_DETAIL - footer.length() - md.length() - 1;
        if (room < 40) return;
        if (t.length() > room) t = BottomLine.shorten(t, room - 1) + "\n";
        md.append(t).append("\n");
    }

    String build() { return md + footer; }
}
