package org.myelomacds.derive;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An oral drug charted once per cycle (project policy CDS-POLICY-CYCLE-CHARTED-ORAL; FINDINGS K4): many medication
 * administration records chart a cycle pack of pomalidomide or lenalidomide once, on day 1 of each 21- or 28-day cycle,
 * while the weekly dexamethasone of the same regimen is charted dose by dose. The last record is then the first day of
 * the last cycle, not the last capsule: that was taken some day from the record to the day before the next cycle would
 * have begun, and no later than the line's last recorded dose of that cycle (its steroid) or the day before the next
 * line started. The drug's rhythm is read as CDS-POLICY-CONTINUE-AFTER-PD reads a line's dosing interval (the intervals
 * between its consecutive recorded doses, holds over {@value LineOfTherapyDeriver#CONTINUE_INTERVAL_MAX_DAYS} days left
 * out); it is a cycle when every interval is at least {@value #CYCLE_MIN_DAYS} days (one record per cycle) and the
 * shortest is at most {@value #CYCLE_MAX_DAYS} (the 21- and 28-day cycles of Rd, Pd, KRd and IRd, clinical-evidence.md
 * §4.8). Records a week or a day apart are charted as given, and are read as charted.
 */
final class CycleCharting {
    private CycleCharting() {}

    /** The shortest cycle read (21-day cycles: VRd, KRd, lenalidomide days 1-14 of 21). */
    static final int CYCLE_MIN_DAYS = 21;
    /** The longest cycle read (28-day cycles: Rd, Pd, DRd, IRd); VMP's 42-day cycles are not an oral cycle pack. */
    static final int CYCLE_MAX_DAYS = 28;

    /**
     * Drugs that no schedule gives once per cycle, whatever their route (CDS-POLICY-CYCLE-CHARTED-INFUSION): carfilzomib is
     * given on days 1, 2, 8, 9, 15 and 16 (twice weekly, CANDOR-DESIGN) or weekly (the once-weekly schedule of the D-Kd
     * label, AMGEN-2020-08) of each 28-day cycle, so its records one a cycle are the cycle charted on its first day, as
     * an oral cycle pack is (FINDINGS K4; sweep s19 V1). Daratumumab and isatuximab are given once every 4 weeks in their
     * later cycles by their own schedules: a record a cycle is then the dose itself, and they are not listed.
     */
    private static final java.util.Set<org.myelomacds.facts.Drug> DOSED_WEEKLY_OR_MORE =
            java.util.Set.of(org.myelomacds.facts.Drug.CARFILZOMIB);

    private static final java.util.Set<String> INFUSED_NAMES = DOSED_WEEKLY_OR_MORE.stream()
            .map(org.myelomacds.facts.Drug::displayName).collect(java.util.stream.Collectors.toSet());

    /** Whether every schedule of the drug gives it more than once a cycle, so one record a cycle is charting. */
    static boolean dosedWeeklyOrMore(org.myelomacds.facts.Drug drug) {
        return DOSED_WEEKLY_OR_MORE.contains(drug);
    }

    /** A dose of the line on a day, by a drug named in words (for the text that names the bound). */
    record LineDose(LocalDate day, String drug) {}

    /** The last cycle's end: some day from the last record to {@code latest}, said in {@code text}. */
    record LastCycle(LocalDate latest, String text) {}

    /**
     * The last cycle of a drug charted once per cycle, or empty when its records do not show that rhythm.
     * {@code ownDays}: the days of its records in the line (one-day records only: the caller passes none otherwise);
     * {@code lineDoses}: every dose of the line, its steroid included; {@code bound}: the day before the next line
     * started, else the evaluation date.
     */
    static Optional<LastCycle> lastCycle(String drug, List<LocalDate> ownDays, List<LineDose> lineDoses, LocalDate bound) {
        TreeSet<LocalDate> days = new TreeSet<>(ownDays);
        if (days.size() < 2) return Optional.empty();
        long shortest = Long.MAX_VALUE;
        LocalDate prev = null;
        for (LocalDate d : days) {
            if (prev != null) {
                long step = ChronoUnit.DAYS.between(prev, d);
                if (step < CYCLE_MIN_DAYS) return Optional.empty();
                if (step <= LineOfTherapyDeriver.CONTINUE_INTERVAL_MAX_DAYS) shortest = Math.min(shortest, step);
            }
            prev = d;
        }
        if (shortest > CYCLE_MAX_DAYS) return Optional.empty();
        LocalDate last = days.last();
        LocalDate cycleEnd = last.plusDays(shortest - 1);
        // the line's last recorded dose of that cycle (its steroid, charted dose by dose) bounds the capsules taken in it
        LineDose lastOfCycle = null;
        for (LineDose d : lineDoses) {
            if (d.day().isBefore(last) || d.day().isAfter(cycleEnd)) continue;
            if (lastOfCycle == null || d.day().isAfter(lastOfCycle.day())) lastOfCycle = d;
        }
        LocalDate latest;
        String why;
        if (lastOfCycle != null && (lastOfCycle.day().isAfter(last) || chartsInsideCycle(days.lower(last), last, lineDoses))) {
            latest = lastOfCycle.day();
            why = "the line's last recorded dose of that cycle, " + lastOfCycle.drug();
        } else {
            // The whole line is charted on day 1 of each cycle (its steroid too, FINDINGS K4 remainder): no record shows a
            // day of any cycle after its first, so the chart says nothing of where the last cycle stopped, and its last
            // dose is some day of that cycle, up to the day before the next cycle would have begun.
            latest = cycleEnd;
            why = "the day before the next cycle would have begun: the line charts no dose after a cycle's first day";
        }
        if (bound != null && bound.isBefore(latest)) {
            latest = bound;
            why = "the day before the next line started, or the evaluation date";
        }
        if (!latest.isAfter(last)) return Optional.empty();
        return Optional.of(new LastCycle(latest, drug + " charted once per cycle (its records " + shortest
                + " or more days apart, one a cycle; the last on " + last + "), so its last dose was taken some day from "
                + last + " to " + latest + " (" + why + "), not known which (project policy CDS-POLICY-CYCLE-CHARTED-ORAL"
                + (INFUSED_NAMES.contains(drug) ? ", CDS-POLICY-CYCLE-CHARTED-INFUSION" : "") + ")"));
    }

    /**
     * Whether the line charts a dose on a day of the cycle from {@code from} to the day before {@code to} other than its
     * first: a steroid charted weekly does, so where its doses stop in the last cycle says where that cycle stopped; a
     * line charted on day 1 of each cycle only does not.
     */
    private static boolean chartsInsideCycle(LocalDate from, LocalDate to, List<LineDose> lineDoses) {
        return lineDoses.stream().anyMatch(d -> d.day().isAfter(from) && d.day().isBefore(to));
    }
}
