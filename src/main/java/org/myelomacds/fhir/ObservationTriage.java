package org.myelomacds.fhir;

import com.fasterxml.jackson.databind.JsonNode;

import org.myelomacds.fhir.terminology.CytogeneticTerms;
import org.myelomacds.fhir.terminology.DiseaseStatusCodes;
import org.myelomacds.fhir.terminology.IsotypeTerms;
import org.myelomacds.fhir.terminology.ObservationCodes;
import org.myelomacds.fhir.terminology.ProjectCodeSystem;

/**
 * Decides on the raw JSON whether an Observation is one the engine reads, so the (typically many) vital signs
 * and routine labs are never handed to HAPI. Must accept everything {@link ObservationMapper} can use: the
 * recognised codes, and — because FISH and isotype results have no standard code — text naming them.
 */
final class ObservationTriage {
    private ObservationTriage() { }

    static boolean isRead(JsonNode observation) {
        JsonNode code = observation.path("code");
        StringBuilder text = new StringBuilder(code.path("text").asText(""));
        for (JsonNode coding : code.path("coding")) {
            String system = coding.path("system").asText(null);
            String value = coding.path("code").asText(null);
            if (ObservationCodes.lookup(system, value).isPresent()
                    || DiseaseStatusCodes.isDiseaseStatus(system, value)
                    || ProjectCodeSystem.isSystem(system)) {
                return true;
            }
            text.append(' ').append(coding.path("display").asText(""));
        }
        String codeText = text.toString();
        if (CytogeneticTerms.looksLikeCytogeneticsPanel(codeText) || IsotypeTerms.isIsotypeCodeText(codeText)
                || !CytogeneticTerms.named(codeText).isEmpty()) {
            return true;
        }
        if (!CytogeneticTerms.named(observation.path("valueString").asText("")).isEmpty()) return true;
        for (JsonNode component : observation.path("component")) {
            if (!CytogeneticTerms.named(component.path("code").path("text").asText("")).isEmpty()) return true;
            for (JsonNode coding : component.path("code").path("coding")) {
                if (!CytogeneticTerms.named(coding.path("display").asText("")).isEmpty()) return true;
            }
        }
        return false;
    }
}
