package org.myelomacds.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.definition.rule.Rule;
import org.myelomacds.assessment.DerivedConcept;
import org.myelomacds.assessment.FactRef;
import org.myelomacds.assessment.TraceEntry;
import org.myelomacds.facts.HasProvenance;
import org.myelomacds.facts.Provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Records every rule that fired, in order, with its declared evidence and the provenance of the facts it matched. */
public final class FiringTrace extends DefaultAgendaEventListener {
    private final RuleIndex index;
    private final List<TraceEntry> entries = new ArrayList<>();

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
                loc == null ? 0 : loc.line(), RuleMetadata.evidenceOf(rule), List.copyOf(facts),
                DerivedConcept.named(RuleMetadata.conceptOf(rule)).orElse(null)));
    }

    public List<TraceEntry> entries() { return List.copyOf(entries); }
}
