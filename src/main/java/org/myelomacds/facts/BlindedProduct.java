package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The still-blinded records of one drug ("Daratumumab SC 1800 mg or placebo (double-blind)", project policy
 * CDS-POLICY-BLINDED-STUDY-DRUG): the patient received the drug or a placebo from {@code first} to {@code last} and no
 * record says which. No exposure and no course of the drug; the washout rules read it as the last anti-CD38 dose of one
 * of two readings (the study arm active, or placebo), rules/derive/washout.drl.
 */
public final class BlindedProduct implements HasProvenance {
    private final Drug drug;
    private final LocalDate first;
    private final LocalDate last;
    private final String records;
    private final List<Provenance> provenance;

    /** {@code records}: the records in words ("MedicationAdministration/study-1 and 10 more"). */
    public BlindedProduct(Drug drug, LocalDate first, LocalDate last, String records, List<Provenance> provenance) {
        this.drug = Objects.requireNonNull(drug, "drug");
        this.first = Objects.requireNonNull(first, "first");
        this.last = Objects.requireNonNull(last, "last");
        this.records = Objects.requireNonNull(records, "records");
        this.provenance = List.copyOf(provenance);
    }

    public Drug getDrug() { return drug; }
    public boolean isAntiCd38() { return drug.isAntiCd38(); }
    public LocalDate getFirst() { return first; }
    public LocalDate getLast() { return last; }
    /** The day of the last blinded record, as an epoch day (rules compare it with DrugExposure.lastDoseDay). */
    public long getLastDay() { return last.toEpochDay(); }
    public String getRecords() { return records; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    /** "the blinded daratumumab-or-placebo records MedicationAdministration/x and 10 more (from .. to ..)". */
    public String describe() {
        return "the blinded " + drug.displayName() + "-or-placebo records " + records
                + (first.equals(last) ? " (on " + first + ")" : " (from " + first + " to " + last + ")");
    }

    @Override public boolean equals(Object o) {
        return o instanceof BlindedProduct b && drug.equals(b.drug) && first.equals(b.first) && last.equals(b.last)
                && records.equals(b.records) && provenance.equals(b.provenance);
    }
    @Override public int hashCode() { return Objects.hash(drug, first, last, records, provenance); }
}
