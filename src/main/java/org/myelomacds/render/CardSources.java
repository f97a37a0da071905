package org.myelomacds.render;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.EvidenceRef;
import org.myelomacds.render.cards.Card.Coding;
import org.myelomacds.render.cards.Card.Link;
import org.myelomacds.render.cards.Card.Source;

import java.util.List;

/** Where a card comes from: its source (the evidence a clinician recognises, and the topic's machine code) and its link. */
final class CardSources {
    private CardSources() {}

    /**
     * The card's source: the first cited evidence that has a public page (its URL), else the first cited at all; the
     * label is the citation a clinician recognises, never the catalogue id; the topic carries the machine code.
     */
    static Source source(Assessment a, List<String> evidenceIds, String topicCode, String topicDisplay) {
        Coding topic = new Coding(CardRenderer.TOPIC_SYSTEM, topicCode, topicDisplay);
        String rulebase = "myeloma-cds rulebase " + a.rulebase().version();
        EvidenceRef chosen = null;
        for (String id : evidenceIds) {
            EvidenceRef e = a.evidence().get(id);
            if (e == null) continue;
            if (url(e) != null) { chosen = e; break; }
            if (chosen == null) chosen = e;
        }
        if (chosen == null) return new Source(rulebase, null, topic);
        String cite = chosen.citation() != null && !chosen.citation().isBlank() ? chosen.citation() : chosen.title();
        return new Source(cite + " (" + rulebase + ")", url(chosen), topic);
    }

    private static String url(EvidenceRef e) {
        return e.url() != null && (e.url().startsWith("https://") || e.url().startsWith("http://")) ? e.url() : null;
    }

    static List<Link> links(String reportUrl) {
        return reportUrl == null ? List.of() : List.of(new Link("Full assessment: ranked options, why not, evidence", reportUrl, "absolute"));
    }
}
