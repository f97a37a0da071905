package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A performed (or planned) procedure with its date; {@code groupRef} links it to a treatment plan when recorded. */
public final class ProcedureRecord implements HasProvenance {
    private final ProcedureKind kind;
    private final LocalDate date;
    private final LocalDate latest;
    private final boolean planned;
    private final String groupRef;
    private final Provenance provenance;
    private final List<TherapyReason> reasons;
    /** Why the kind is what it is when the code alone does not say it (a kind-less code, the kind from its text); null otherwise. */
    private final String kindBasis;
    /**
     * Only its words suggest a stem-cell transplant (rules/terminology/procedure-possible-transplant.json, sweep s12 RC3):
     * its code is in no transplant value set. Placed on the timeline as a transplant of unstated kind, but its being a
     * transplant is undecided (derive/TherapyPurpose), so the decisions it moves are too.
     */
    private final boolean possible;

    public ProcedureRecord(ProcedureKind kind, LocalDate date, boolean planned, String groupRef, Provenance provenance) {
        this(kind, date, date, planned, groupRef, provenance);
    }

    /**
     * A procedure dated by a partial date ("2025-06", "2025"): {@code date} is the earliest and {@code latest} the latest
     * day it can stand for. The timeline places it on its earliest day and says which decisions the rest could change.
     */
    public ProcedureRecord(ProcedureKind kind, LocalDate date, LocalDate latest, boolean planned, String groupRef,
                           Provenance provenance) {
        this(kind, date, latest, planned, groupRef, provenance, List.of());
    }

    /**
     * With the reasons the record states ({@code Procedure.reasonReference} / {@code reasonCode}, or what a transplant
     * history Condition says it was for): a transplant done for another condition is not a myeloma transplant
     * (derive/TherapyPurpose).
     */
    public ProcedureRecord(ProcedureKind kind, LocalDate date, LocalDate latest, boolean planned, String groupRef,
                           Provenance provenance, List<TherapyReason> reasons) {
        this(kind, date, latest, planned, groupRef, provenance, reasons, null, false);
    }

    private ProcedureRecord(ProcedureKind kind, LocalDate date, LocalDate latest, boolean planned, String groupRef,
                            Provenance provenance, List<TherapyReason> reasons, String kindBasis, boolean possible) {
        this.kindBasis = kindBasis;
        this.possible = possible;
        this.reasons = List.copyOf(reasons == null ? List.of() : reasons);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.date = date;
        this.latest = date == null || latest == null || latest.isBefore(date) ? date : latest;
        this.planned = planned;
        this.groupRef = groupRef;
        this.provenance = provenance;
    }

    public ProcedureKind getKind() { return kind; }
    public boolean isStemCellTransplant() { return kind.isStemCellTransplant(); }
    /** The earliest day the procedure can stand for (the day itself when its date is precise). */
    public LocalDate getDate() { return date; }
    /** The latest day the procedure can stand for; the date itself when precise. */
    public LocalDate getLatest() { return latest; }
    public boolean isDateImprecise() { return date != null && !date.equals(latest); }
    /** The date as recorded: "2025-06" for a month, "2025" for a year, the day when precise. */
    public String getDateText() { return PartialDateText.of(date, latest); }
    /** The same procedure placed on {@code day} (a day its partial date can stand for), to test a decision at that day. */
    public ProcedureRecord placedOn(LocalDate day) {
        return new ProcedureRecord(kind, day, day, planned, groupRef, provenance, reasons, kindBasis, possible);
    }
    /**
     * The same procedure with the kind its text states where its code states none (SNOMED 234336002 "Hemopoietic stem
     * cell transplant" with the text "Allogeneic PBSCT"): the more specific words decide, and {@code basis} says so.
     */
    public ProcedureRecord withKindFromText(ProcedureKind textKind, String basis) {
        return new ProcedureRecord(textKind, date, latest, planned, groupRef, provenance, reasons, basis, possible);
    }
    /**
     * A procedure whose code no transplant value set holds and whose words only suggest a transplant ("HCT day 0"):
     * a stem-cell transplant of unstated kind whose being a transplant is undecided; {@code basis} says why.
     */
    public static ProcedureRecord possibleTransplant(LocalDate date, LocalDate latest, String groupRef, Provenance provenance,
                                                     List<TherapyReason> reasons, String basis) {
        return new ProcedureRecord(ProcedureKind.STEM_CELL_TRANSPLANT, date, latest, false, groupRef, provenance, reasons,
                basis, true);
    }
    /** Only its words suggest a transplant: whether it was one is undecided. */
    public boolean isPossibleTransplant() { return possible; }
    /** "kind from the text '…'; the code … does not state it", or null when the code (or text alone) gave the kind. */
    public String getKindBasis() { return kindBasis; }
    public long getDay() { return date == null ? Long.MIN_VALUE : date.toEpochDay(); }
    public boolean isPlanned() { return planned; }
    public String getGroupRef() { return groupRef; }
    /** Why it was done, as the record states it; empty when it states nothing. */
    public List<TherapyReason> getReasons() { return reasons; }
    /** "autologous stem-cell transplant on 2015-03-02" (the date as recorded; "undated" without one). */
    public String describe() {
        return kind.displayName() + (kindBasis == null ? "" : " (" + kindBasis + ")") + (date == null ? ", undated" : isDateImprecise() ? " in " + getDateText() : " on " + date);
    }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
