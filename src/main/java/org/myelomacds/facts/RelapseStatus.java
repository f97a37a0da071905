package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * Whether the record documents relapse after the last line of therapy ("previously treated" is not "relapsed"),
 * decided in rules/derive/relapse.drl from the {@link RelapseSignal}s. Only DOCUMENTED lets the relapsed-myeloma
 * indications be checked; the explanation names the signal that decided and, otherwise, what would settle it.
 */
public final class RelapseStatus implements HasProvenance {

    public enum State {
        /** progression or relapse recorded after the start of the last line */
        DOCUMENTED,
        /** the record says remission, or the latest dated assessment after the last line shows no progression */
        NOT_RELAPSED,
        /** relapse and remission are both coded, with no dated assessment to decide between them */
        CONFLICTING,
        /** nothing after the start of the last line speaks to relapse */
        NOT_DOCUMENTED,
        /**
         * a progression dated only by month or year may be a relapse after the last line, or precede it, or be earlier or
         * later than an assessment without progression: the answer depends on a day the record does not give; or a relapse
         * coding without a recorded date may speak for a relapse before the last line (CDS-POLICY-RELCODE-UNDATED)
         */
        UNDETERMINED,
        /**
         * every line rests on records whose purpose is undecided (a transplant whose reason the engine cannot classify):
         * whether the myeloma was treated at all, and so whether a progression is a relapse, is unknown
         */
        TREATMENT_UNDECIDED
    }

    private final State state;
    private final String explanation;
    private final List<Provenance> provenance;

    public RelapseStatus(State state, String explanation, List<Provenance> provenance) {
        this.state = Objects.requireNonNull(state, "state");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
        this.provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }

    public State getState() { return state; }
    public boolean isDocumented() { return state == State.DOCUMENTED; }
    public String getExplanation() { return explanation; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    @Override public boolean equals(Object o) {
        return o instanceof RelapseStatus s && state == s.state && explanation.equals(s.explanation)
                && provenance.equals(s.provenance);
    }
    @Override public int hashCode() { return Objects.hash(state, explanation, provenance); }
}
