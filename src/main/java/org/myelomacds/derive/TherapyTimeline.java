package org.myelomacds.derive;

import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.LineCountUncertain;
import org.myelomacds.facts.PriorLine;

import java.util.List;

/**
 * The treatment timeline as derived: the lines of therapy, and the course of each anti-myeloma drug in each line
 * (all its doses in the line as one course), which refractoriness is judged against. {@code lineCountUncertain} is
 * set when a partial date of a progression or transplant could change the number of lines; null otherwise.
 */
public record TherapyTimeline(List<PriorLine> lines, List<DosingPeriod> courses, LineCountUncertain lineCountUncertain) {
    public TherapyTimeline {
        lines = List.copyOf(lines);
        courses = List.copyOf(courses);
    }

    public TherapyTimeline(List<PriorLine> lines, List<DosingPeriod> courses) { this(lines, courses, null); }

    /**
     * A record the timeline read but could not place: {@code kind} MEDICATION, PROCEDURE or DISEASE_STATUS,
     * {@code what} it records, {@code why} it was not placed, {@code reference} the resource.
     */
    public record Unplaced(String kind, String what, String why, String reference) {}
}
