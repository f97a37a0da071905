package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The patient: id, sex, birth date and the age at the evaluation date (null when the birth date is unknown).
 * A birth date recorded only as a year or a month ("1951", "1951-11") is an interval (issue 10 item 3): the age is then a
 * range, {@link #getAgeYoungest()} (born on its last possible day) to {@link #getAge()} (born on its first), and a rule
 * decides an age limit only when both ends fall on the same side of it (CDS-POLICY-PARTIAL2-INTERVALS).
 */
public final class PatientDemographics implements HasProvenance {
    private final String id;
    private final Sex sex;
    private final LocalDate birthDate;
    private final LocalDate birthDateLatest;
    private final Integer age;
    private final Integer ageYoungest;
    private final Provenance provenance;

    public PatientDemographics(String id, Sex sex, LocalDate birthDate, Integer age, Provenance provenance) {
        this(id, sex, birthDate, birthDate, age, age, provenance);
    }

    /**
     * {@code birthDateLatest}: the last day a partial birth date can stand for (the birth date itself when exact);
     * {@code ageYoungest}: the age at asOf if born on that day (null only when {@code age} is).
     */
    public PatientDemographics(String id, Sex sex, LocalDate birthDate, LocalDate birthDateLatest, Integer age,
                               Integer ageYoungest, Provenance provenance) {
        this.id = Objects.requireNonNull(id, "id");
        this.sex = sex == null ? Sex.UNKNOWN : sex;
        this.birthDate = birthDate;
        this.birthDateLatest = birthDateLatest == null ? birthDate : birthDateLatest;
        this.age = age;
        this.ageYoungest = age == null ? null : ageYoungest == null ? age : Math.min(age, ageYoungest);
        this.provenance = provenance;
    }

    public String getId() { return id; }
    public Sex getSex() { return sex; }
    /** The birth date, a partial one at its first possible day. */
    public LocalDate getBirthDate() { return birthDate; }
    /** The last day a partial birth date can stand for; the birth date when exact. */
    public LocalDate getBirthDateLatest() { return birthDateLatest; }
    /** Age in completed years at asOf (born on the first possible day of a partial birth date: the oldest), or null. */
    public Integer getAge() { return age; }
    /** The youngest the patient can be at asOf (born on the last possible day of a partial birth date); the age when exact. */
    public Integer getAgeYoungest() { return ageYoungest; }
    public boolean isAgeKnown() { return age != null; }
    /** A partial birth date leaves two ages possible at asOf. */
    public boolean isAgeImprecise() { return age != null && !age.equals(ageYoungest); }
    /** The birth date as recorded: "1951", "1951-11" or the day. */
    public String getBirthDateText() { return birthDate == null ? null : PartialDateText.of(birthDate, birthDateLatest); }
    /** "75", or for a partial birth date whose interval holds the birthday "74 or 75 (birth date recorded as 1951)". */
    public String getAgeText() {
        if (age == null) return "unknown";
        if (!isAgeImprecise()) return String.valueOf(age);
        return (age - ageYoungest == 1 ? ageYoungest + " or " + age : ageYoungest + " to " + age)
                + " (birth date recorded as " + getBirthDateText() + ")";
    }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
