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
        RELAPSE_OR_INTOLERANCE,
        /**
         * a progression dated only by month or year whose days fall both before and after the start of the last line:
         * a relapse after it, or a progression before it, the record does not say which; or an assessment after the
         * line started that may record a progression the engine cannot act on (an unreadable or conflicting answer, a
         * preliminary progression, an M-protein rise partial dates may or may not order as one)
         */
        POSSIBLE_RELAPSE,
        /**
         * a preliminary disease-status assessment after the last line started that is not a progression (stable,
         * improved, undetermined): listed so a reader sees it, never decisive (CDS-POLICY-DISEASE-STATUS)
         */
        UNREADABLE_ASSESSMENT,
        /**
         * myeloma coded in relapse (ICD-10-CM C90.02) by a record written on or before the day the last line started:
         * it documents the relapse that line (or an earlier one) treated, not a relapse after it; listed, never decisive
         * (CDS-POLICY-RELAPSE-CODING-DATE)
         */
        CODED_BEFORE_LAST_LINE,
        /**
         * myeloma coded in relapse (ICD-10-CM C90.02) on a record without a recordedDate, while the last line is not the
         * first and nothing else places the coding after its start: the code says the disease was in relapse when it was
         * coded, and the record does not say whether that was before or after the last line started; listed, never
         * decisive, and relapse after the last line is undecided unless another signal settles it
         * (CDS-POLICY-RELCODE-UNDATED)
         */
        UNDATED_CODING
    }

    /** Where the signal comes from; the report and the findings name it. */
    public enum Source { DISEASE_STATUS, M_PROTEIN, DIAGNOSIS_CODE, CLINICAL_STATUS, NEW_LINE, FREE_LIGHT_CHAIN }

    private final Reading reading;
    private final Source source;
    private final LocalDate date;
    private final LocalDate latest;
    private final String text;
    private final List<Provenance> provenance;

    public RelapseSignal(Reading reading, Source source, LocalDate date, String text, List<Provenance> provenance) {
        this(reading, source, date, date, text, provenance);
    }

    /**
     * A signal dated by a partial date: {@code date} its first and {@code latest} its last possible day. The order of
     * two signals is known only when their intervals do not overlap (rules/derive/relapse.drl).
     */
    public RelapseSignal(Reading reading, Source source, LocalDate date, LocalDate latest, String text,
                         List<Provenance> provenance) {
        this.latest = date == null || latest == null || latest.isBefore(date) ? date : latest;
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
    /** The last day the signal can stand for; the date itself when precise. */
    public LocalDate getLatest() { return latest; }
    public long getLatestDay() { return latest == null ? Long.MIN_VALUE : latest.toEpochDay(); }
    public String getText() { return text; }
    public boolean isRelapse() { return reading == Reading.RELAPSE; }
    public boolean isRemission() { return reading == Reading.REMISSION; }
    /** Remission or no progression: a signal against relapse. */
    public boolean isAgainstRelapse() { return reading == Reading.REMISSION || reading == Reading.NO_PROGRESSION; }
    public boolean isPossibleRelapse() { return reading == Reading.POSSIBLE_RELAPSE; }
    /**
     * A signal that speaks to the disease now (relapse, remission, no progression, or a progression that may be a
     * relapse), not the history of lines nor an assessment the engine cannot read.
     */
    public boolean isCurrent() {
        return reading != Reading.RELAPSE_OR_INTOLERANCE && reading != Reading.UNREADABLE_ASSESSMENT
                && reading != Reading.CODED_BEFORE_LAST_LINE && reading != Reading.UNDATED_CODING;
    }
    /** A relapse coding written on or before the day the last line started (CDS-POLICY-RELAPSE-CODING-DATE). */
    public boolean isCodedBeforeLastLine() { return reading == Reading.CODED_BEFORE_LAST_LINE; }
    /** A relapse coding without a recordedDate that cannot be placed relative to the last line (CDS-POLICY-RELCODE-UNDATED). */
    public boolean isUndatedCoding() { return reading == Reading.UNDATED_CODING; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    /** The texts of the signals among {@code facts}, sorted and joined, for a status that rests on several. */
    public static String texts(java.util.Collection<?> facts) {
        return String.join("; ", facts.stream().filter(RelapseSignal.class::isInstance)
                .map(f -> ((RelapseSignal) f).getText()).sorted().toList());
    }

    @Override public boolean equals(Object o) {
        return o instanceof RelapseSignal s && reading == s.reading && source == s.source && Objects.equals(date, s.date)
                && Objects.equals(latest, s.latest) && text.equals(s.text) && provenance.equals(s.provenance);
    }
    @Override public int hashCode() { return Objects.hash(reading, source, date, text, provenance); }
    @Override public String toString() { return reading + " " + source + " " + date + ": " + text; }
}
