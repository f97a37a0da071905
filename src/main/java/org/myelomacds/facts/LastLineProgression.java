package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * Progression on the most recent line of therapy or within the IMWG window after it ended ("progression on the last
 * therapy", the wording of the EU Isa-Pd and daratumumab labels; rules/derive/refractoriness.drl).
 */
public final class LastLineProgression implements HasProvenance {
    private final PriorLine line;
    private final DiseaseStatus progression;

    public LastLineProgression(PriorLine line, DiseaseStatus progression) {
        this.line = Objects.requireNonNull(line, "line");
        this.progression = Objects.requireNonNull(progression, "progression");
    }

    public PriorLine getLine() { return line; }
    public DiseaseStatus getProgression() { return progression; }

    @Override public List<Provenance> getProvenance() { return Provenances.of(line, progression); }

    public String describe() {
        return "progression " + progression.onDate() + " during or within 60 days after line " + line.getNumber()
                + " (" + line.getStart() + " to " + line.getShownEnd() + line.getDecidingEndNote() + ")";
    }

    @Override public boolean equals(Object o) {
        return o instanceof LastLineProgression l && line == l.line && progression == l.progression;
    }
    @Override public int hashCode() { return Objects.hash(System.identityHashCode(line), System.identityHashCode(progression)); }
}
