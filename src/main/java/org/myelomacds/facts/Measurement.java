package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One observation value, normalised to its kind's canonical unit. Numeric results carry {@code value};
 * coded or qualitative results (HBsAg, blood group, antibody screen, immunofixation) carry {@code textValue}
 * normalised to upper case where the code was recognised (e.g. POSITIVE, NEGATIVE).
 * {@code method} names how the value was obtained (e.g. "MDRD", "CKD-EPI 2021", "Cockcroft-Gault");
 * {@code derived} is true for values the engine computed (provenance then lists every input).
 *
 * <p>A value reported with a comparator ({@code valueQuantity.comparator} or "&lt;15" as text) is a <em>bound</em>, not
 * a value: {@code value} is the number written and {@code comparator} one of {@code <, <=, >, >=}. Thresholds must be
 * tested with {@link #certainlyBelow}, {@link #certainlyAtLeast}, {@link #certainlyAtMost} and {@link #certainlyAbove},
 * which answer true only when every value the bound allows is on that side; a bound that straddles the threshold answers
 * false both ways, and the rules then report it as undecided instead of reading "&lt;15" as 15.
 */
public final class Measurement implements HasProvenance {
    private final MeasurementKind kind;
    private final Double value;
    private final String textValue;
    private final String method;
    private final boolean derived;
    private final LocalDate effective;
    private final List<Provenance> provenance;
    private final String comparator;
    private final LocalDate effectiveLatest;

    public Measurement(MeasurementKind kind, Double value, String textValue, String method, boolean derived,
                       LocalDate effective, List<Provenance> provenance) {
        this(kind, value, null, textValue, method, derived, effective, provenance);
    }

    public Measurement(MeasurementKind kind, Double value, String comparator, String textValue, String method,
                       boolean derived, LocalDate effective, List<Provenance> provenance) {
        this(kind, value, comparator, textValue, method, derived, effective, effective, provenance);
    }

    private Measurement(MeasurementKind kind, Double value, String comparator, String textValue, String method,
                        boolean derived, LocalDate effective, LocalDate effectiveLatest, List<Provenance> provenance) {
        if (comparator != null && !List.of("<", "<=", ">", ">=").contains(comparator)) {
            throw new IllegalArgumentException("comparator " + comparator + " is not a bound");
        }
        this.comparator = value == null ? null : comparator;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.value = value;
        this.textValue = textValue;
        this.method = method;
        this.derived = derived;
        this.effective = effective;
        this.effectiveLatest = effective == null || effectiveLatest == null || effectiveLatest.isBefore(effective)
                ? effective : effectiveLatest;
        this.provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }

    public MeasurementKind getKind() { return kind; }
    public Double getValue() { return value; }
    public boolean hasValue() { return value != null; }
    public String getUnit() { return kind.getCanonicalUnit(); }
    public String getTextValue() { return textValue; }
    public String getMethod() { return method; }
    public boolean isDerived() { return derived; }
    public LocalDate getEffective() { return effective; }
    /** Epoch day of the effective date; Long.MIN_VALUE when undated, so an undated result is never "latest". */
    public long getEffectiveDay() { return effective == null ? Long.MIN_VALUE : effective.toEpochDay(); }
    @Override public List<Provenance> getProvenance() { return provenance; }
    /** The first source reference; breaks ties between results of the same kind on the same day, deterministically. */
    public String getSourceReference() { return provenance.isEmpty() ? "" : provenance.get(0).getReference(); }
    public boolean isDated() { return effective != null; }

    /**
     * The same result dated by a partial date ("2026-07", "2026"): {@code effective} stays its first day and
     * {@code latest} is its last possible day, so a freshness window can be tested on the whole interval.
     */
    public Measurement withEffectiveLatest(LocalDate latest) {
        // the source dated by the same partial date quotes it as recorded ("2026-10"), not by its first day
        List<Provenance> dated = provenance.stream()
                .map(p -> latest != null && effective != null && effective.equals(p.getDate()) && latest.isAfter(effective)
                        ? new Provenance(p.getReference(), p.getDate(), latest) : p)
                .toList();
        return new Measurement(kind, value, comparator, textValue, method, derived, effective, latest, dated);
    }
    /** The last day the effective date can stand for (2026-07 → 2026-07-31); the date itself when precise. */
    public LocalDate getEffectiveLatest() { return effectiveLatest; }
    public long getEffectiveLatestDay() { return effectiveLatest == null ? Long.MIN_VALUE : effectiveLatest.toEpochDay(); }
    /** The result is dated by a month or a year only. */
    public boolean isDateImprecise() { return effective != null && !effective.equals(effectiveLatest); }
    /** The date as recorded: "2026-07" for a month, "2026" for a year, the day when precise; null when undated. */
    public String getDateText() { return effective == null ? null : PartialDateText.of(effective, effectiveLatest); }

    /** {@code <, <=, >, >=} when the value is a bound; null for an exact value. */
    public String getComparator() { return comparator; }
    public boolean isBound() { return comparator != null; }

    /** Every value allowed is below {@code t} (false for a bound straddling it, and without a number). */
    public boolean certainlyBelow(double t) {
        if (value == null) return false;
        if (comparator == null) return value < t;
        return switch (comparator) {
            case "<" -> value <= t;
            case "<=" -> value < t;
            default -> false;
        };
    }

    /** Every value allowed is at or above {@code t}. */
    public boolean certainlyAtLeast(double t) {
        if (value == null) return false;
        if (comparator == null) return value >= t;
        return switch (comparator) {
            case ">", ">=" -> value >= t;
            default -> false;
        };
    }

    /** Every value allowed is at or below {@code t}. */
    public boolean certainlyAtMost(double t) {
        if (value == null) return false;
        if (comparator == null) return value <= t;
        return switch (comparator) {
            case "<", "<=" -> value <= t;
            default -> false;
        };
    }

    /** Every value allowed is above {@code t}. */
    public boolean certainlyAbove(double t) {
        if (value == null) return false;
        if (comparator == null) return value > t;
        return switch (comparator) {
            case ">" -> value >= t;
            case ">=" -> value > t;
            default -> false;
        };
    }

    /** Whether "below t" can be answered: the bound lies wholly on one side of t. */
    public boolean decidesBelow(double t) { return certainlyBelow(t) || certainlyAtLeast(t); }

    @Override public String toString() {
        String v = value != null ? value + (getUnit() == null ? "" : " " + getUnit()) : String.valueOf(textValue);
        return kind + " " + v + (effective == null ? "" : " on " + effective);
    }
}
