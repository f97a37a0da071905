package org.myelomacds.facts;

import java.util.Objects;

/**
 * Something a flag's rule proposes to do, as data a front end can turn into an order: today a laboratory test named
 * by the measurement it yields. The rule decides what is proposed; renderers only map a proposal to a FHIR resource
 * (a draft ServiceRequest coded from the rulebase's terminology), so renaming or splitting a rule never drops an order.
 *
 * @param kind    what sort of thing is proposed
 * @param concept the concept proposed: for a test, the {@link MeasurementKind} whose value set gives the code to order
 * @param name    what a clinician calls it ("antibody screen"), for labels
 */
public record Proposal(Kind kind, String concept, String name) {
    public enum Kind { TEST }

    public Proposal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(concept, "concept");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a proposal needs a name a clinician reads");
    }

    /** A laboratory test to order: the first code of the measurement's value set is the one ordered. */
    public static Proposal test(MeasurementKind measurement, String name) {
        return new Proposal(Kind.TEST, measurement.name(), name);
    }
}
