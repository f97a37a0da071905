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
    private final PriorLine line;
    private final DosingPeriod course;
    private final DiseaseStatus progression;

    public LastLineProgressionUnknown(PriorLine line, DosingPeriod course, DiseaseStatus progression) {
        this.line = Objects.requireNonNull(line, "line");
        this.course = course;
        this.progression = Objects.requireNonNull(progression, "progression");
    }

    public PriorLine getLine() { return line; }
    public DosingPeriod getCourse() { return course; }
    public DiseaseStatus getProgression() { return progression; }

    @Override public List<Provenance> getProvenance() { return Provenances.of(line, course, progression); }

    public String describe() {
        if (course == null) {
            return "the progression " + progression.onDate() + " " + Provenances.references(progression)
                    + " is recorded by month or year only, and some of its days fall during or within 60 days after line "
                    + line.getNumber() + " (" + line.getStart() + " to " + line.getEnd() + ") and some do not";
        }
        return "line " + line.getNumber() + " (from " + line.getStart() + ") ends on " + course.getDrug().displayName()
                + " " + Provenances.references(course) + ", a record that does not say when it stopped: whether "
                + course.getDrug().displayName() + " was still given, or stopped within 60 days, when the disease progressed on "
                + progression.getDateText() + " is not recorded";
    }

    @Override public boolean equals(Object o) {
        return o instanceof LastLineProgressionUnknown l && line == l.line && course == l.course && progression == l.progression;
    }
    @Override public int hashCode() {
        return Objects.hash(System.identityHashCode(line), System.identityHashCode(course), System.identityHashCode(progression));
    }
}
