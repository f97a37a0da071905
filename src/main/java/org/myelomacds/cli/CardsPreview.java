package org.myelomacds.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.render.CardRenderer;
import org.myelomacds.render.cards.CdsResponse;

/**
 * {@code evaluate --format cards}: the CDS Hooks patient-view response the server would send for this bundle, so an
 * integrator can see the cards without running the server. There is no report to link to from the command line, so
 * the cards carry no links. The uuids are derived from the patient, the as-of date, the jurisdiction and the rulebase
 * (the server adds the hook instance), so the same run prints the same cards.
 */
final class CardsPreview {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CardsPreview() {}

    static String render(Assessment assessment, Rulebase rulebase) {
        try {
            CardRenderer.Context ctx = new CardRenderer.Context(null, rulebase.terminology().observations(),
                    rulebase.regimens().shortNames(), "evaluate");
            return JSON.writeValueAsString(new CdsResponse(CardRenderer.patientView(assessment, ctx))) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cards could not be written as JSON", e);
        }
    }
}
