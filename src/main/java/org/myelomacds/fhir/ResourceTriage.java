package org.myelomacds.fhir;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.myelomacds.evidence.terminology.ConditionTerms;
import org.myelomacds.evidence.terminology.Terminology;

/**
 * The reader's own decisions about raw resources, for callers that see resources one at a time before any bundle
 * exists (population screening over a Bulk Data export): which resource types the engine reads, which Observations
 * it would keep, and which Conditions name multiple myeloma or a precursor plasma-cell state. They use the very
 * terminology (the rulebase's value sets) and triage the reader applies to a bundle, so a resource skipped here is one
 * the reader would have skipped, and a patient chosen here is one whose conditions the reader would map to a
 * plasma-cell disorder.
 */
public final class ResourceTriage {
    private ResourceTriage() { }

    /** Resource types the engine reads (Medication only through a reference from a medication resource). */
    public static Set<String> readTypes() {
        return BundleScan.READ_TYPES;
    }

    /** True when the reader would keep this resource for mapping (by type, and for Observations by code or text). */
    public static boolean isRead(String resourceType, JsonNode resource, Terminology terminology) {
        if (!BundleScan.READ_TYPES.contains(resourceType)) return false;
        return !"Observation".equals(resourceType) || ObservationTriage.isRead(resource, terminology);
    }

    /**
     * True when this Condition (as JSON) would be mapped to multiple myeloma in any phase or to a precursor or other
     * plasma-cell disorder (MGUS, smouldering myeloma, plasmacytoma, plasma-cell leukaemia, AL amyloidosis): the
     * same codes and the same smouldering-myeloma text rule as the Condition mapper; refuted and entered-in-error
     * conditions count for nothing, as there.
     */
    public static boolean isPlasmaCellDisorder(JsonNode condition, Terminology terminology) {
        ConditionTerms terms = terminology.conditions();
        for (JsonNode c : condition.path("verificationStatus").path("coding")) {
            String status = c.path("code").asText("");
            if (status.equals("refuted") || status.equals("entered-in-error")) return false;
        }
        JsonNode code = condition.path("code");
        String conceptText = code.path("text").asText("");
        StringBuilder allText = new StringBuilder(conceptText);
        for (JsonNode coding : code.path("coding")) {
            String display = coding.path("display").asText("");
            allText.append(" | ").append(display);
            var match = terms.classify(coding.path("system").asText(null), coding.path("code").asText(null),
                    display + " " + conceptText);
            if (match.isPresent()) {
                var kind = match.get().kind();
                return kind.isMultipleMyeloma() || kind.isPrecursorOrOtherPlasmaCellDisorder();
            }
        }
        return terms.byText(allText.toString()).isPresent();
    }
}
