package org.myelomacds.render;

import org.myelomacds.assessment.Flag;
import org.myelomacds.evidence.terminology.ObservationTerms;
import org.myelomacds.fhir.ProposedOrders;
import org.myelomacds.render.cards.Card.Action;
import org.myelomacds.render.cards.Card.Suggestion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The coded orders on a card. What to order is the rule's decision (the flag's proposals); this maps a proposal to a
 * draft FHIR resource the clinician signs.
 */
final class CardSuggestions {
    private CardSuggestions() {}

    /**
     * One suggestion per flag whose rule proposes orders, proposing each order once per response, however many flags
     * and cards name it.
     */
    static List<Suggestion> of(CardResponse r, Collection<Flag> flags) {
        String patientId = r.a.patient().id();
        List<Suggestion> out = new ArrayList<>();
        if (patientId == null) return out;
        for (Flag f : flags) {
            List<Action> actions = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Flag.ProposedOrder p : f.proposals()) {
                Map<String, Object> resource = resource(patientId, p, f.action(), r.ctx.orderCodes());
                if (resource == null || !r.proposed.add(p.type() + ":" + p.concept())) continue;
                actions.add(new Action("create", "Propose " + p.name(), resource));
                names.add(p.name());
            }
            if (!actions.isEmpty()) {
                out.add(new Suggestion("Order " + CardText.joined(names), r.uuid("suggestion|" + String.join(",", names)), Boolean.TRUE, actions));
            }
        }
        return out;
    }

    /** The draft resource for a proposal, or null for one this renderer cannot code (it is then left to the action text). */
    private static Map<String, Object> resource(String patientId, Flag.ProposedOrder p, String why, ObservationTerms codes) {
        if (!"test".equals(p.type())) return null;
        try {
            return ProposedOrders.test(patientId, p.concept(), p.name(), why, codes);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }
}
