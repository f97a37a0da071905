package org.myelomacds.facts;

import java.util.List;

/**
 * Summary of prior myeloma therapy: how many lines, and whether any anti-myeloma therapy was recorded at all.
 * {@code recorded == false} means "none found in the bundle", which is not the same as "none given".
 */
public final class TherapyHistory implements HasProvenance {
    private final int priorLines;
    private final boolean recorded;
    private final List<Provenance> provenance;

    public TherapyHistory(int priorLines, boolean recorded, List<Provenance> provenance) {
        this.priorLines = priorLines;
        this.recorded = recorded;
        this.provenance = List.copyOf(provenance);
    }

    public int getPriorLines() { return priorLines; }
    public boolean isRecorded() { return recorded; }
    @Override public List<Provenance> getProvenance() { return provenance; }
    @Override public boolean isSummary() { return true; }
}
