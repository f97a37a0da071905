package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * Whether the disease progressed on the last therapy is unknown. Either the progression is dated by a partial date
 * ("2026-07") whose interval lies partly inside and partly outside the last line's window (DERIVE-REFRACTORY-08;
 * {@code course} is null), or the last line ends on a course whose end is unknown
 * (an active request with no end, read as given only on the day it was written), and a progression lies after the
 * line's start, so the drug may still have been given, or stopped within 60 days, when the disease progressed
 * (rules/derive/refractoriness.drl, DERIVE-REFRACTORY-06). Criteria that need "progression on the last therapy" are
 * then UNKNOWN, neither MET nor FAILED.
 */
public final class LastLineProgressionUnknown implements HasProvenance {
    /** Why it is unknown; only a partial date is settled by recording the full date (GAP-REFRACTORY-04). */
    public enum Reason { PARTIAL_DATE, END_UNKNOWN, UNREADABLE_ASSESSMENT, RELAPSE_UNDATED, UNKNOWN_THERAPY, CYCLE_CHARTED }

    private final PriorLine line;
    private final DosingPeriod course;
    private final DiseaseStatus progression;
    private final Reason reason;
    private final String text;

    public LastLineProgressionUnknown(PriorLine line, DosingPeriod course, DiseaseStatus progression) {
        this(line, course, Objects.requireNonNull(progression, "progression"),
                course == null ? Reason.PARTIAL_DATE : Reason.END_UNKNOWN, null);
    }

    private LastLineProgressionUnknown(PriorLine line, DosingPeriod course, DiseaseStatus progression, Reason reason,
                                       String text) {
        this.line = Objects.requireNonNull(line, "line");
        this.course = course;
        this.progression = progression;
        this.reason = reason;
        this.text = text;
    }

    /** An assessment in the last line's window that may be a progression but cannot be read as one (DERIVE-REFRACTORY-11). */
    public static LastLineProgressionUnknown unreadableAssessment(PriorLine line, DiseaseStatus status) {
        return new LastLineProgressionUnknown(line, null, status, Reason.UNREADABLE_ASSESSMENT,
                status.describeUncertainty() + ", falls during or within 60 days after line " + line.getNumber() + " ("
                        + line.getStart() + " to " + line.getShownEnd() + line.getDecidingEndNote()
                        + "); if it records progression, the disease progressed"
                        + " on the last therapy");
    }

    /** Relapse documented only by an undated code or status, no dated progression after the line started (DERIVE-REFRACTORY-13). */
    public static LastLineProgressionUnknown relapseUndated(PriorLine line, java.util.Collection<?> signals) {
        return new LastLineProgressionUnknown(line, null, null, Reason.RELAPSE_UNDATED, "relapse is documented only"
                + " without a date (" + RelapseSignal.texts(signals) + ") and no dated progression follows the start of line "
                + line.getNumber() + " (" + line.getStart() + " to " + line.getShownEnd() + "), so whether it came during or"
                + " within 60 days after the line is not recorded");
    }

    /**
     * Therapy the engine cannot name, given after the last counted line started (or undated): it may be the last line
     * itself (DERIVE-HISTORY-05), so whether the disease progressed on the last therapy is not known from the lines.
     */
    public static LastLineProgressionUnknown unknownTherapy(PriorLine line, MedicationRecord record) {
        return new LastLineProgressionUnknown(line, null, null, Reason.UNKNOWN_THERAPY, Provenances.references(record)
                + ", therapy the engine cannot name, was given " + (record.getStart() == null ? "at an unknown time"
                        : "from " + PartialDateText.of(record.getStart(), record.getStartLatest()))
                + ", not before line " + line.getNumber() + " (from " + line.getStart() + ") started: it may be the last"
                + " line of therapy, so progression on the last therapy is not shown by line " + line.getNumber());
    }

    /**
     * The last line's oral drug charted once per cycle (CDS-POLICY-CYCLE-CHARTED-ORAL, DERIVE-REFRACTORY-69): its last
     * capsule, and so the line's last dose, fell some day up to the course's cycle end, and the progression is within
     * 60 days of some of those days and not of others.
     */
    public static LastLineProgressionUnknown cycleCharted(PriorLine line, DosingPeriod course, DiseaseStatus progression) {
        return new LastLineProgressionUnknown(line, course, progression, Reason.CYCLE_CHARTED, "the progression "
                + progression.onDate() + " (" + Provenances.references(progression) + ") is within 60 days of some days"
                + " line " + line.getNumber() + " may have ended on and not of others: " + course.getCycleText());
    }

    public Reason getReason() { return reason; }

    public PriorLine getLine() { return line; }
    public DosingPeriod getCourse() { return course; }
    public DiseaseStatus getProgression() { return progression; }

    @Override public List<Provenance> getProvenance() {
        return progression == null ? line.getProvenance() : Provenances.of(line, course, progression);
    }

    public String describe() {
        if (text != null) return text;
        if (course == null) {
            if (progression.getLatestDay() > progression.getDay()) {
                return "the progression " + progression.onDate() + " " + Provenances.references(progression)
                        + " is recorded by month or year only, and some of its days fall during or within 60 days after line "
                        + line.getNumber() + " (" + line.getSpanText() + ") and some do not";
            }
            // a precise progression against a line whose first or last record gives only the month or year
            return "line " + line.getNumber() + " (" + line.getSpanText() + ") is dated by month or year only, and the"
                    + " progression " + progression.onDate() + " " + Provenances.references(progression)
                    + " falls during or within 60 days after some of the days it may have ended on and not others";
        }
        return "line " + line.getNumber() + " (from " + line.getStartText() + ") ends on " + course.getDrug().displayName()
                + " " + Provenances.references(course) + ", a record that does not say when it stopped: whether "
                + course.getDrug().displayName() + " was still given, or stopped within 60 days, when the disease progressed on "
                + progression.getDateText() + " is not recorded";
    }

    @Override public boolean equals(Object o) {
        return o instanceof LastLineProgressionUnknown l && line == l.line && course == l.course && progression == l.progression
                && reason == l.reason && Objects.equals(text, l.text);
    }
    @Override public int hashCode() {
        return Objects.hash(System.identityHashCode(line), System.identityHashCode(course), System.identityHashCode(progression),
                reason, text);
    }
}
