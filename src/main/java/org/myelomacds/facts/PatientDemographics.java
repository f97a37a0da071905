package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The patient: id, sex, birth date and the age at the evaluation date (null when the birth date is unknown). */
public final class PatientDemographics implements HasProvenance {
    private final String id;
    private final Sex sex;
    private final LocalDate birthDate;
    private final Integer age;
    private final Provenance provenance;

    public PatientDemographics(String id, Sex sex, LocalDate birthDate, Integer age, Provenance provenance) {
        this.id = Objects.requireNonNull(id, "id");
        this.sex = sex == null ? Sex.UNKNOWN : sex;
        this.birthDate = birthDate;
        this.age = age;
        this.provenance = provenance;
    }

    public String getId() { return id; }
    public Sex getSex() { return sex; }
    public LocalDate getBirthDate() { return birthDate; }
    /** Age in completed years at asOf, or null when unknown. */
    public Integer getAge() { return age; }
    public boolean isAgeKnown() { return age != null; }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
