package org.myelomacds.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;
import org.myelomacds.assessment.DerivedConcept;
import org.myelomacds.assessment.FactRef;
import org.myelomacds.assessment.TraceEntry;
import org.myelomacds.facts.HasProvenance;
import org.myelomacds.facts.Provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Records every rule that fired, in order, with its declared evidence and the provenance of the facts it matched, and
 * whether each firing still holds when the session ends.
 *
 * <p>Every rule concludes with {@code insertLogical}: when a later fact makes a fired rule's condition false (for
 * example the current results, derived after the first flags fired), Drools deletes the match and withdraws what it
 * inserted. No event announces this for a match that already fired ({@code matchCancelled} covers only matches still
 * waiting on the agenda), so the trace keeps each fired match and asks it at the end whether it is still matched
 * (Drools sets {@code matched} on creation and update of the match and clears it when the match is deleted).
 */
public final class FiringTrace extends DefaultAgendaEventListener {
    private final RuleIndex index;
    private final List<TraceEntry> entries = new ArrayList<>();
    private final List<Match> matches = new ArrayList<>();

    public FiringTrace(RuleIndex index) { this.index = index; }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Rule rule = event.getMatch().getRule();
        TreeSet<FactRef> facts = new TreeSet<>();
        for (Object o : event.getMatch().getObjects()) {
            if (o instanceof HasProvenance p) {
                for (Provenance pr : p.getProvenance()) {
                    facts.add(new FactRef(pr.getReference(), pr.getDateText()));
                }
            }
        }
        RuleLocation loc = index.find(rule.getName()).orElse(null);
        entries.add(new TraceEntry(RuleLocation.idOf(rule.getName()), loc == null ? "(unknown file)" : loc.file(),
                loc == null ? 0 : loc.line(), RuleMetadata.evidenceOf(rule), List.copyOf(facts), false,
                DerivedConcept.named(RuleMetadata.conceptOf(rule)).orElse(null)));
        matches.add(event.getMatch());
    }

    /** The firings so far, each marked withdrawn if its match no longer holds; read it after the rules have run. */
    public List<TraceEntry> entries() {
        List<TraceEntry> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            TraceEntry e = entries.get(i);
            out.add(withdrawn(matches.get(i)) ? new TraceEntry(e.rule(), e.file(), e.line(), e.evidence(), e.facts(), true, e.concept()) : e);
        }
        return List.copyOf(out);
    }

    /** A fired match Drools has since deleted. Matches of another kind (none today) count as holding. */
    private static boolean withdrawn(Match m) {
        return m instanceof org.drools.core.rule.consequence.InternalMatch im && !im.isMatched();
    }
}
