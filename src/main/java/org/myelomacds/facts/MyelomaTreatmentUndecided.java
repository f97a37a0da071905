package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * Whether the myeloma was treated at all is undecided: every line rests on records whose purpose is undecided
 * ({@link LineCountUncertain} with a minimum of no line), and no relapse code (C90.02) states a relapse. Relapse
 * presupposes treatment, so no relapse status is read from the signals (rules/derive/relapse.drl, DERIVE-RELAPSE-31
 * derives it, DERIVE-RELAPSE-19 reads it). Equality by the uncertainty it rests on, so a logical insert is idempotent.
 */
public final class MyelomaTreatmentUndecided implements HasProvenance {
    private final LineCountUncertain lines;

    public MyelomaTreatmentUndecided(LineCountUncertain lines) {
        this.lines = Objects.requireNonNull(lines, "lines");
    }

    /** The line-count uncertainty behind it: which records may not have been for the myeloma, and why. */
    public LineCountUncertain getLines() { return lines; }
    public String describe() { return lines.describe(); }
    @Override public List<Provenance> getProvenance() { return lines.getProvenance(); }

    @Override public boolean equals(Object o) { return o instanceof MyelomaTreatmentUndecided m && lines.equals(m.lines); }
    @Override public int hashCode() { return lines.hashCode(); }
    @Override public String toString() { return "MyelomaTreatmentUndecided: " + lines.describe(); }
}
