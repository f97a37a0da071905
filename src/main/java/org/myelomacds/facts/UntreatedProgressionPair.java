package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Two documented progressions, the second after the first with no anti-myeloma therapy (medication or stem-cell
 * transplant) recorded from the day after the first to the day before the second, and a reason to read the second as a
 * new progression rather than a confirmation of the first (project policy CDS-POLICY-PROGRESSION-PAIR): an assessment
 * saying the disease improved lies between them ({@code response}), or the second comes more than
 * {@code windowDays} after the first (the ordinary break of CDS-POLICY-THERAPY-GAP). Arithmetic only: the rule
 * GAP-THERAPY-87 judges what it means.
 */
public final class UntreatedProgressionPair implements HasProvenance {
    private final DiseaseStatus first;
    private final DiseaseStatus second;
    private final DiseaseStatus response;
    private final long days;
    private final int windowDays;

    public UntreatedProgressionPair(DiseaseStatus first, DiseaseStatus second, DiseaseStatus response, long days,
                                    int windowDays) {
        this.first = first;
        this.second = second;
        this.response = response;
        this.days = days;
        this.windowDays = windowDays;
    }

    public DiseaseStatus getFirst() { return first; }
    public DiseaseStatus getSecond() { return second; }
    /** The assessment between the two saying the disease improved; null when none (then the interval decided). */
    public DiseaseStatus getResponse() { return response; }
    /** Days from the latest day the first can stand for to the earliest day the second can. */
    public long getDays() { return days; }
    public LocalDate getSecondDate() { return second.getDate(); }

    /** What lies between the two progressions, for the gap's text. */
    public String describe() {
        String why = response != null
                ? "the disease was assessed as improved " + response.onDate() + " (" + response.sourceReference()
                        + ") between them, which a progression alone does not explain"
                : "the second came " + days + " days after the first, more than the " + windowDays + " days of an"
                        + " ordinary break, so it is no confirmation of the first (a confirmation is the next assessment"
                        + " before any new therapy starts)";
        return "progression " + first.onDate() + " (" + first.sourceReference() + ") and again " + second.onDate()
                + " (" + second.sourceReference() + "), with no myeloma therapy recorded between them; " + why;
    }

    @Override
    public List<Provenance> getProvenance() {
        List<Provenance> out = new ArrayList<>(first.getProvenance());
        out.addAll(second.getProvenance());
        if (response != null) out.addAll(response.getProvenance());
        return out;
    }
}
