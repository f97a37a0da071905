package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The most recent result of one measurement kind on or before asOf, with its age in days and whether it is older than
 * its kind's freshness window (rules/derive/current-results.drl states the windows and why). A stale result neither
 * earns nor removes points, flags or criteria: rules read it only to report a data gap.
 * Derived by rules/derive/current-results.drl so that every later rule reads "the current value" the same way.
 */
public final class CurrentResult implements HasProvenance {
    private final Measurement measurement;
    private final long ageDays;
    private final boolean stale;
    private final long freshnessDays;
    private final List<Measurement> rivals;

    public CurrentResult(Measurement measurement, long ageDays) {
        this(measurement, ageDays, -1);
    }

    /** {@code freshnessDays} &lt; 0: no window for this kind, never stale. */
    public CurrentResult(Measurement measurement, long ageDays, long freshnessDays) {
        this(measurement, ageDays, freshnessDays, List.of());
    }

    /**
     * {@code rivals}: results of the same kind, with a different reading, that may be later than {@code measurement}
     * or not, depending on the unknown day of a partial date ("2026-10" against 2026-10-15). Which value is current
     * is then unknown, so the result is not used, as one whose freshness is unknown (issue 10 item 3: a partial date is
     * an interval, not its first day); the texts name every record.
     */
    public CurrentResult(Measurement measurement, long ageDays, long freshnessDays, List<Measurement> rivals) {
        this.measurement = Objects.requireNonNull(measurement, "measurement");
        this.ageDays = ageDays;
        this.freshnessDays = freshnessDays;
        this.rivals = rivals == null ? List.of() : List.copyOf(rivals);
        this.stale = (freshnessDays >= 0 && ageDays > freshnessDays) || !this.rivals.isEmpty();
    }

    public MeasurementKind getKind() { return measurement.getKind(); }
    public Measurement getMeasurement() { return measurement; }
    public Double getValue() { return measurement.getValue(); }
    public String getTextValue() { return measurement.getTextValue(); }
    public String getMethod() { return measurement.getMethod(); }
    public LocalDate getEffective() { return measurement.getEffective(); }
    /** The age from the result's first possible day: for a partial date ("2026-07") the oldest it can be. */
    public long getAgeDays() { return ageDays; }
    /** The age from the result's last possible day (never below 0): the youngest it can be; the age itself when precise. */
    public long getMinAgeDays() {
        return Math.max(0, ageDays - (measurement.getEffectiveLatestDay() - measurement.getEffectiveDay()));
    }
    /**
     * Not known to be within its window: older than it on its first possible day. A partial date whose days fall on both
     * sides of the window ({@link #isFreshnessUnknown}) is therefore never used as current, and never called certainly
     * stale either: the texts say the freshness is unknown.
     */
    public boolean isStale() { return stale; }
    /** Dated by a month or a year whose days fall on both sides of the freshness window. */
    public boolean isFreshnessUnknown() { return stale && (isChoiceUndecided() || getMinAgeDays() <= freshnessDays); }
    /** Another result with a different reading may be the latest, depending on the unknown day of a partial date. */
    public boolean isChoiceUndecided() { return !rivals.isEmpty(); }
    /** The results that may be later than this one with a different reading (empty when the choice is decided). */
    public List<Measurement> getRivals() { return rivals; }
    /**
     * "120 days old, beyond the 90-day window", or for a partial date straddling the window "dated only 2026-07, so 75
     * to 105 days old: whether it is within the 90-day window is unknown". For texts about a result that is not used
     * because of its age; the result's reference is in its description.
     */
    public String getStalenessText() {
        if (isChoiceUndecided()) {
            // a computed estimate's rivals are the values it has with other inputs (DERIVE-CURRENT-03), each quoted
            // with the records it was computed from; other rivals are results of the kind that may be later
            StringBuilder alt = new StringBuilder();
            StringBuilder b = new StringBuilder();
            int others = 0;
            for (Measurement r : rivals) {
                boolean computed = measurement.isDerived() && r.isDerived() && java.util.Objects.equals(r.getMethod(), measurement.getMethod());
                StringBuilder to = computed ? alt : b;
                to.append(to.length() == 0 ? "" : "; ").append(Quote.measurement(r));
                if (!computed) others++;
            }
            String otherText = others == 0 ? "" : (others == 1 ? "another result (" : "other results (") + b
                    + ") with a different value may be earlier or later";
            if (alt.length() == 0) {
                return "the latest by its first possible day only: " + otherText + ", depending on the unknown day of a date recorded"
                        + " only by month or year; which value is current is unknown";
            }
            return "computed from the inputs latest by their first possible days only: with other inputs, which a date recorded"
                    + " only by month or year may make the current ones, it is " + alt + ", and that changes a decision"
                    + (others == 0 ? "" : "; " + otherText) + "; which value is current is unknown";
        }
        if (isFreshnessUnknown()) {
            return "dated only " + measurement.getDateText() + ", so " + getMinAgeDays() + " to " + ageDays
                    + " days old: whether it is within the " + freshnessDays + "-day window is unknown";
        }
        return (measurement.isDateImprecise() ? "at least " + getMinAgeDays() : String.valueOf(ageDays))
                + " days old, beyond the " + freshnessDays + "-day window";
    }
    /** The freshness window of this kind in days; negative when none applies. */
    public long getFreshnessDays() { return freshnessDays; }
    public boolean isBound() { return measurement.isBound(); }
    public boolean certainlyBelow(double t) { return measurement.certainlyBelow(t); }
    public boolean certainlyAtLeast(double t) { return measurement.certainlyAtLeast(t); }
    public boolean certainlyAtMost(double t) { return measurement.certainlyAtMost(t); }
    public boolean certainlyAbove(double t) { return measurement.certainlyAbove(t); }
    public boolean decidesBelow(double t) { return measurement.decidesBelow(t); }
    @Override public List<Provenance> getProvenance() { return measurement.getProvenance(); }

    /** "eGFR 38 mL/min/1.73m2 on 2026-10-02 (Observation/egfr-3)": how the report quotes a value. */
    public String describe() { return Quote.measurement(measurement); }

    @Override public boolean equals(Object o) {
        return o instanceof CurrentResult c && measurement == c.measurement && ageDays == c.ageDays && freshnessDays == c.freshnessDays
                && rivals.size() == c.rivals.size() && rivalsIdentical(c);
    }
    private boolean rivalsIdentical(CurrentResult c) {
        for (int i = 0; i < rivals.size(); i++) if (rivals.get(i) != c.rivals.get(i)) return false;
        return true;
    }
    @Override public int hashCode() { return Objects.hash(System.identityHashCode(measurement), ageDays, freshnessDays, rivals.size()); }
}
