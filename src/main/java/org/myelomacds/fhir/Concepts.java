package org.myelomacds.fhir;

import java.util.List;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** Reading CodeableConcepts: all the human-readable text they carry, null-safe. */
final class Concepts {
    private Concepts() { }

    /** Concept text and every coding display, joined by " | " (for text matching); empty when none. */
    static String text(CodeableConcept concept) {
        if (concept == null) return "";
        StringBuilder b = new StringBuilder();
        if (concept.hasText()) b.append(concept.getText());
        for (Coding c : concept.getCoding()) {
            if (c.hasDisplay()) b.append(b.length() > 0 ? " | " : "").append(c.getDisplay());
        }
        return b.toString();
    }

    static String text(List<CodeableConcept> concepts) {
        StringBuilder b = new StringBuilder();
        for (CodeableConcept c : concepts) {
            String t = text(c);
            if (!t.isEmpty()) b.append(b.length() > 0 ? " | " : "").append(t);
        }
        return b.toString();
    }

    /** The text a clinician would read: concept text, else the first display, else null. */
    static String display(CodeableConcept concept) {
        if (concept == null) return null;
        if (concept.hasText()) return concept.getText();
        for (Coding c : concept.getCoding()) if (c.hasDisplay()) return c.getDisplay();
        return null;
    }

    /**
     * The display, else the first code with its system's short name ("SNOMED CT 61977001"): records that send codes
     * without display text must not print "null" where a clinician reads the condition.
     */
    static String displayOrCode(CodeableConcept concept) {
        String display = display(concept);
        if (display != null || concept == null) return display;
        for (Coding c : concept.getCoding()) {
            if (c.hasCode()) return systemName(c.getSystem()) + c.getCode();
        }
        return null;
    }

    private static String systemName(String system) {
        if (system == null) return "";
        return switch (system) {
            case "http://snomed.info/sct" -> "SNOMED CT ";
            case "http://hl7.org/fhir/sid/icd-10-cm" -> "ICD-10-CM ";
            case "http://hl7.org/fhir/sid/icd-10" -> "ICD-10 ";
            default -> system + " ";
        };
    }

    static String systemCode(Coding c) {
        return (c.hasSystem() ? c.getSystem() : "") + "|" + c.getCode();
    }
}
