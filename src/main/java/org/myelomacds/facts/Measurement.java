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
 */
public final class Measurement implements HasProvenance {
    private final MeasurementKind kind;
    private final Double value;
    private final String textValue;
    private final String method;
    private final boolean derived;
    private final LocalDate effective;
    private final List<Provenance> provenance;

    public Measurement(MeasurementKind kind, Double value, String textValue, String method, boolean derived,
                       LocalDate effective, List<Provenance> provenance) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.value = value;
        this.textValue = textValue;
        this.method = method;
        this.derived = derived;
        this.effective = effective;
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

    @Override public String toString() {
        String v = value != null ? value + (getUnit() == null ? "" : " " + getUnit()) : String.valueOf(textValue);
        return kind + " " + v + (effective == null ? "" : " on " + effective);
    }
}
