package org.myelomacds.fhir;

import com.fasterxml.jackson.databind.JsonNode;

import org.myelomacds.evidence.terminology.CodeSystems;
import org.myelomacds.evidence.terminology.CytogeneticTerms;
import org.myelomacds.evidence.terminology.ObservationTerms;
import org.myelomacds.evidence.terminology.Terminology;

/**
 * Decides on the raw JSON whether an Observation is one the engine reads, so the (typically many) vital signs
 * and routine labs are never handed to HAPI. Must accept everything {@link ObservationMapper} can use: the
 * recognised codes, any code of the project's own CodeSystem, and — because FISH and isotype results have no standard
 * code — text naming them.
 */
final class ObservationTriage {
    private final Terminology terms;
    /**
     * Whether a code's text names what the engine reads, per text already seen: a record repeats the same few lab and
     * vital-sign codes hundreds of times, and the text test (the value sets' patterns) is the costly part of triage.
     */
    private final java.util.Map<String, Boolean> codeTextRead = new java.util.HashMap<>();

    /** A triage for one bundle's scan, remembering the code texts it has judged. */
    ObservationTriage(Terminology terms) {
        this.terms = terms;
    }

    static boolean isRead(JsonNode observation, Terminology terms) {
        return new ObservationTriage(terms).isRead(observation);
    }

    boolean isRead(JsonNode observation) {
        ObservationTerms observations = terms.observations();
        CytogeneticTerms cytogenetics = terms.cytogenetics();
        JsonNode code = observation.path("code");
        StringBuilder text = new StringBuilder(code.path("text").asText(""));
        for (JsonNode coding : code.path("coding")) {
            String system = coding.path("system").asText(null);
            String value = coding.path("code").asText(null);
            if (observations.lookup(system, value).isPresent()
                    || observations.isDiseaseStatus(system, value)
                    || CodeSystems.isProject(system)) {
                return true;
            }
            text.append(' ').append(coding.path("display").asText(""));
        }
        if (codeTextRead.computeIfAbsent(text.toString(), codeText -> observations.looksLikeCytogeneticsPanel(codeText)
                || observations.isIsotypeCodeText(codeText) || !cytogenetics.named(codeText).isEmpty())) {
            return true;
        }
        String valueString = observation.path("valueString").asText("");
        if (!valueString.isEmpty() && !cytogenetics.named(valueString).isEmpty()) return true;
        for (JsonNode component : observation.path("component")) {
            if (!cytogenetics.named(component.path("code").path("text").asText("")).isEmpty()) return true;
            for (JsonNode coding : component.path("code").path("coding")) {
                if (!cytogenetics.named(coding.path("display").asText("")).isEmpty()) return true;
            }
        }
        return false;
    }
}
