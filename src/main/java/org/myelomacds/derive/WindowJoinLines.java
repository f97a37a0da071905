package org.myelomacds.derive;

import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DiseaseTrend;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.LineCountUncertain;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.RefractoryWindow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finding N4 (CDS-POLICY-RANGE-SCOPE): which drugs' refractoriness depends on how therapy that joined a line only by a
 * day-count window (CDS-POLICY-WINDOW-NEW-DRUG) is counted. Both readings (part of the line, or a line of its own) use
 * the same records, so only the grouping into lines differs ({@link PartialDateLines#scope}). Refractoriness is judged
 * by the line a drug was given in (IMWG-C11: progression on therapy or within 60 days of its last dose, by the drug or by
 * its line, DERIVE-REFRACTORY-01/-03), so a drug with no sign of progression in those windows of any line that gave it,
 * in either reading, cannot be refractory in any reading: its answer is the same whichever way the
 * window join is counted, and the placed lines decide it. Only the other drugs of the changed lines stay undecided. The
 * check is deliberately wider than the refractoriness rules (any progression, possible or unreadable assessment, or
 * relapse code, each over every day its date can stand for; latest ends), so a drug it keeps may still turn out the
 * same in both readings, never the reverse.
 */
final class WindowJoinLines {
    /** IMWG-C11 (§1.2): progression within this many days of the last dose counts as on therapy. */
    private static final int REFRACTORY_WINDOW_DAYS = RefractoryWindow.DAYS;

    private WindowJoinLines() { }

    /**
     * The lines the window-join reading {@code split} changes against {@code placed}, with only the drugs whose
     * refractoriness the readings may answer differently: some reading may make them refractory, and not both make
     * them refractory by their own course. Empty when no line changes (the caller then leaves the history as it was);
     * with no such drug, a scope with no drugs (the count is undecided, the refractoriness decided).
     */
    static Optional<LineCountUncertain.UseUnknownScope> scope(TherapyTimeline placed, TherapyTimeline split,
                                                              List<DiseaseStatus> statuses,
                                                              List<ClinicalCondition> relapseCodes) {
        Optional<LineCountUncertain.UseUnknownScope> changed = PartialDateLines.scope(placed.lines(),
                List.of(split.lines()));
        if (changed.isEmpty()) return Optional.empty();
        List<LocalDate[]> signs = progressionSigns(statuses, relapseCodes);
        List<Drug> differ = new ArrayList<>();
        for (Drug d : changed.get().drugs()) {
            if (!mayBeRefractory(d, placed, signs) && !mayBeRefractory(d, split, signs)) continue;
            // Finding AA5: refractory by its own course in both readings (lenalidomide maintenance stopped 14 days
            // before the progression), the drug has one answer whichever way the join is counted.
            if (refractoryByOwnCourse(d, placed, statuses) && refractoryByOwnCourse(d, split, statuses)) continue;
            differ.add(d);
        }
        // Finding AA3: no drug of the changed lines can have another answer in the other reading (a progression years
        // after every one of them): only the count is undecided, the history is decided (an empty scope, not none).
        return Optional.of(new LineCountUncertain.UseUnknownScope(changed.get().changedLines(), differ,
                changed.get().lastLineChanged()));
    }

    /**
     * Some course of {@code drug} in a line of {@code timeline} has a sign of progression in a window the refractoriness
     * rules read: from the course's start to 60 days after its latest last dose (DERIVE-REFRACTORY-01), or, for a course
     * of the line's final phase, to 60 days after the line's latest end (the line rules, DERIVE-REFRACTORY-03/-05 and
     * CDS-POLICY-LINE-OWN-END-DISAGREE), except from the day the drug's stop is evident on
     * (CDS-POLICY-LINEREFR-STOP-EVIDENT: its own last dose decides from then on).
     */
    static boolean mayBeRefractory(Drug drug, TherapyTimeline timeline, List<LocalDate[]> signs) {
        for (PriorLine l : timeline.lines()) {
            for (DosingPeriod c : timeline.courses()) {
                if (c.getLine() != l.getNumber() || !c.getDrug().equals(drug)) continue;
                LocalDate last = c.getEndLatest().isAfter(c.getCycleEndLatest()) ? c.getEndLatest() : c.getCycleEndLatest();
                if (anyIn(signs, c.getStart(), last.plusDays(REFRACTORY_WINDOW_DAYS))) return true;
                if (!c.isFinalPhase()) continue;
                LocalDate lineTo = l.getEndLatest().plusDays(REFRACTORY_WINDOW_DAYS);
                LocalDate evident = c.getStopEvidentFrom();
                if (evident != null && !evident.isAfter(lineTo)) lineTo = evident.minusDays(1);
                if (anyIn(signs, c.getStart(), lineTo)) return true;
            }
        }
        return false;
    }

    /**
     * Some course of {@code drug} in {@code timeline} is refractory by its own doses (DERIVE-REFRACTORY-01, IMWG-C11): a
     * final, dated progression surely from after its first dose to 60 days after its earliest last dose. A course's own
     * window does not depend on how its line is counted, so a drug refractory so in both readings is refractory in
     * every reading. Deliberately narrower than that rule's partners (possible or unread assessments, relapse codes
     * and line windows do not count here), so a drug it clears may still be undecided, never the reverse.
     */
    static boolean refractoryByOwnCourse(Drug drug, TherapyTimeline timeline, List<DiseaseStatus> statuses) {
        if (statuses == null) return false;
        for (DosingPeriod c : timeline.courses()) {
            if (!c.getDrug().equals(drug)) continue;
            for (DiseaseStatus s : statuses) {
                if (s == null || !s.isProgression() || !s.isDated() || s.isConflicting()) continue;
                if (s.getDay() > c.getStartLatestDay()
                        && s.getLatestDay() <= c.getEndEarliestDay() + REFRACTORY_WINDOW_DAYS) return true;
            }
        }
        return false;
    }

    /** Some sign can fall on a day from {@code from} to {@code to}. */
    private static boolean anyIn(List<LocalDate[]> signs, LocalDate from, LocalDate to) {
        for (LocalDate[] s : signs) {
            if (!s[1].isBefore(from) && !s[0].isAfter(to)) return true;
        }
        return false;
    }

    /**
     * Every record that may say progression, as the earliest and latest day it can stand for: a progression (preliminary
     * or not), a possible progression, an assessment not read or in conflict, and a relapse code by its onset and record
     * date.
     */
    private static List<LocalDate[]> progressionSigns(List<DiseaseStatus> statuses, List<ClinicalCondition> codes) {
        List<LocalDate[]> out = new ArrayList<>();
        if (statuses != null) for (DiseaseStatus s : statuses) {
            if (s == null || s.getDate() == null) continue;
            if (s.getTrend() == DiseaseTrend.PROGRESSION || s.isPossibleProgression() || s.isUnreadable()
                    || s.isConflicting()) {
                out.add(new LocalDate[] {s.getDate(), s.getLatest() == null ? s.getDate() : s.getLatest()});
            }
        }
        if (codes != null) for (ClinicalCondition c : codes) {
            if (c == null) continue;
            LocalDate first = c.getOnset() != null ? c.getOnset() : c.getRecorded();
            LocalDate last = c.getRecordedLatest() != null ? c.getRecordedLatest()
                    : c.getOnsetLatest() != null ? c.getOnsetLatest() : first;
            if (first == null) continue;
            out.add(new LocalDate[] {first, last == null || last.isBefore(first) ? first : last});
        }
        return out;
    }
}
