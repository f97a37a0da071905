package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A fact's provenance as printed: the FHIR resource reference and its effective date. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FactRef(String reference, String date) implements Comparable<FactRef> {
    @Override public int compareTo(FactRef o) {
        int c = reference.compareTo(o.reference);
        return c != 0 ? c : String.valueOf(date).compareTo(String.valueOf(o.date));
    }
}
