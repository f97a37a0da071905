package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One thing the record says about relapse after the last line of therapy, derived in rules/derive/relapse.drl: a
 * disease-status assessment, a confirmed serum M-protein rise, the ICD-10-CM remission/relapse character of the
 * myeloma code or the Condition's clinical status, or a new line started after the previous one. {@code date} is null
 * when the record dates the statement only by a diagnosis (a coded status is current, not dated).
 */
public final class RelapseSignal implements HasProvenance {

    /** What the signal says. */
    public enum Reading {
        /** progression or relapse after the last line */
        RELAPSE,
        /** remission (coded, or the condition's clinical status) */
        REMISSION,
        /** a dated assessment that shows no progression (improved, stable) */
        NO_PROGRESSION,
        /** relapse or intolerance, the record does not say which (a new line started after the previous one) */
        RELAPSE_OR_INTOLERANCE
    }

    /** Where the signal comes from; the report and the findings name it. */
    public enum Source { DISEASE_STATUS, M_PROTEIN, DIAGNOSIS_CODE, CLINICAL_STATUS, NEW_LINE }

    private final Reading reading;
    private final Source source;
    private final LocalDate date;
    private final String text;
    private final List<Provenance> provenance;

    public RelapseSignal(Reading reading, Source source, LocalDate date, String text, List<Provenance> provenance) {
        this.reading = Objects.requireNonNull(reading, "reading");
        this.source = Objects.requireNonNull(source, "source");
        this.date = date;
        this.text = Objects.requireNonNull(text, "text");
        this.provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }

    public Reading getReading() { return reading; }
    public Source getSource() { return source; }
    public LocalDate getDate() { return date; }
    public boolean isDated() { return date != null; }
    public long getDay() { return date == null ? Long.MIN_VALUE : date.toEpochDay(); }
    public String getText() { return text; }
    public boolean isRelapse() { return reading == Reading.RELAPSE; }
    public boolean isRemission() { return reading == Reading.REMISSION; }
    /** A signal that speaks to the disease now (relapse, remission or no progression), not the history of lines. */
    public boolean isCurrent() { return reading != Reading.RELAPSE_OR_INTOLERANCE; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    /** The texts of the signals among {@code facts}, sorted and joined, for a status that rests on several. */
    public static String texts(java.util.Collection<?> facts) {
        return String.join("; ", facts.stream().filter(RelapseSignal.class::isInstance)
                .map(f -> ((RelapseSignal) f).getText()).sorted().toList());
    }

    @Override public boolean equals(Object o) {
        return o instanceof RelapseSignal s && reading == s.reading && source == s.source && Objects.equals(date, s.date)
                && text.equals(s.text) && provenance.equals(s.provenance);
    }
    @Override public int hashCode() { return Objects.hash(reading, source, date, text, provenance); }
    @Override public String toString() { return reading + " " + source + " " + date + ": " + text; }
}
