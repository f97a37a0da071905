package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Where a fact came from: the FHIR resource reference (e.g. "Observation/egfr-3") and its effective date. */
public final class Provenance implements Comparable<Provenance> {
    private final String reference;
    private final LocalDate date;
    private final LocalDate latest;

    public Provenance(String reference, LocalDate date) { this(reference, date, date); }

    /**
     * A source dated by a partial date: {@code date} its first and {@code latest} its last possible day. Only the text
     * ({@link #getDateText()}) differs: identity and order stay those of the reference and the first day.
     */
    public Provenance(String reference, LocalDate date, LocalDate latest) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.date = date;
        this.latest = date == null || latest == null || latest.isBefore(date) ? date : latest;
    }

    /** A fact's single source as the list HasProvenance returns: empty when the source is unknown. */
    public static List<Provenance> listOf(Provenance p) { return p == null ? List.of() : List.of(p); }

    public String getReference() { return reference; }
    public LocalDate getDate() { return date; }
    /** The date as recorded ("2026-10" for a month); null when undated. */
    public String getDateText() { return date == null ? null : PartialDateText.of(date, latest); }

    @Override
    public int compareTo(Provenance o) {
        int c = reference.compareTo(o.reference);
        if (c != 0) return c;
        if (date == null) return o.date == null ? 0 : -1;
        return o.date == null ? 1 : date.compareTo(o.date);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Provenance p && reference.equals(p.reference) && Objects.equals(date, p.date);
    }
    @Override public int hashCode() { return Objects.hash(reference, date); }
    @Override public String toString() { return date == null ? reference : reference + " (" + date + ")"; }
}
