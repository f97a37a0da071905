package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A performed (or planned) procedure with its date; {@code groupRef} links it to a treatment plan when recorded. */
public final class ProcedureRecord implements HasProvenance {
    private final ProcedureKind kind;
    private final LocalDate date;
    private final boolean planned;
    private final String groupRef;
    private final Provenance provenance;

    public ProcedureRecord(ProcedureKind kind, LocalDate date, boolean planned, String groupRef, Provenance provenance) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.date = date;
        this.planned = planned;
        this.groupRef = groupRef;
        this.provenance = provenance;
    }

    public ProcedureKind getKind() { return kind; }
    public boolean isStemCellTransplant() { return kind != ProcedureKind.DIALYSIS; }
    public LocalDate getDate() { return date; }
    public long getDay() { return date == null ? Long.MIN_VALUE : date.toEpochDay(); }
    public boolean isPlanned() { return planned; }
    public String getGroupRef() { return groupRef; }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
