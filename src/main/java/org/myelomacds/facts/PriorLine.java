package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One line of therapy per IMWG/Rajkumar (LOT-B15): a planned programme of one or more regimens, with its drugs,
 * dates and the reason it counts as a new line (e.g. "new regimen after all drugs of line 1 stopped",
 * "unplanned addition of daratumumab", "stem-cell transplant outside a planned sequence").
 * {@code lastLine} marks the most recent line; {@code ongoing} a line still being given at asOf.
 */
public final class PriorLine implements HasProvenance {
    private final int number;
    private final LocalDate start;
    private final LocalDate end;
    private final List<Drug> drugs;
    private final boolean includesTransplant;
    private final boolean ongoing;
    private final boolean lastLine;
    private final String reason;
    private final List<Provenance> provenance;

    public PriorLine(int number, LocalDate start, LocalDate end, List<Drug> drugs, boolean includesTransplant,
                     boolean ongoing, boolean lastLine, String reason, List<Provenance> provenance) {
        this.number = number;
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        this.drugs = List.copyOf(drugs);
        this.includesTransplant = includesTransplant;
        this.ongoing = ongoing;
        this.lastLine = lastLine;
        this.reason = reason;
        this.provenance = List.copyOf(provenance);
    }

    public int getNumber() { return number; }
    public LocalDate getStart() { return start; }
    public LocalDate getEnd() { return end; }
    public long getStartDay() { return start.toEpochDay(); }
    public long getEndDay() { return end.toEpochDay(); }
    public List<Drug> getDrugs() { return drugs; }
    public boolean contains(Drug drug) { return drugs.contains(drug); }
    public boolean containsClass(DrugClass c) { return drugs.stream().anyMatch(d -> d.getDrugClass() == c); }
    public boolean isIncludesTransplant() { return includesTransplant; }
    public boolean isOngoing() { return ongoing; }
    public boolean isLastLine() { return lastLine; }
    public String getReason() { return reason; }
    @Override public List<Provenance> getProvenance() { return provenance; }
}
