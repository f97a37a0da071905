package org.myelomacds.facts;

import java.util.Objects;

/**
 * A code the engine did not recognise although it lies in a category the engine reads (a respiratory, cardiac,
 * neuropathy, hepatitis, renal or plasma-cell condition; see rules/terminology/review-condition-categories.json), in a
 * record the engine did read; or a medication record whose drug the engine could not identify (category
 * "medication", one entry per coding, or one with its text when it has none). Nothing is derived from it: it is listed so a reviewer sees what the engine did not read
 * (a wrong or new code would otherwise silently drop a flag or an exclusion).
 */
public record UnrecognisedCode(String resourceType, String reference, String system, String code, String display,
                               String category) {
    /** The category of a medication record whose drug the catalogue does not know. */
    public static final String MEDICATION = "medication";

    public UnrecognisedCode {
        Objects.requireNonNull(resourceType, "resourceType");
    }

    /** "Condition/c9: ICD-10-CM J98.4 'Other disorders of lung' (respiratory)". */
    public String describe(String systemName) {
        StringBuilder b = new StringBuilder(reference == null ? resourceType : reference).append(": ");
        b.append(code == null ? "no code" : (systemName == null || systemName.isEmpty() ? "" : systemName + " ") + code);
        if (display != null && !display.isBlank()) b.append(" '").append(display).append('\'');
        if (category != null) b.append(" (").append(category).append(')');
        return b.toString();
    }
}
