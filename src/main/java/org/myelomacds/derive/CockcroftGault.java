package org.myelomacds.derive;

import org.myelomacds.facts.Measurement;
import org.myelomacds.facts.MeasurementKind;
import org.myelomacds.facts.PatientDemographics;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Sex;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Creatinine clearance by Cockcroft-Gault (clinical-evidence.md §1.5; ARCHITECTURE.md §4 "Derived, not trusted blindly"):
 * <pre>CrCl (mL/min) = ((140 − age) × weight kg) / (72 × serum creatinine mg/dL), × 0.85 if female</pre>
 * <ul>
 *   <li><b>Creatinine</b>: the latest {@link MeasurementKind#SERUM_CREATININE} with a positive value and an effective date
 *       on or before asOf (undated results are never used). Several results on the same day: the one whose first
 *       provenance reference sorts last, so the choice does not depend on input order.</li>
 *   <li><b>Weight</b>: the latest dated {@link MeasurementKind#BODY_WEIGHT} on or before the creatinine date; if there is
 *       none, the latest dated weight after it but on or before asOf. Undated weights are not used. <b>Actual body
 *       weight</b> is used, with no ideal- or adjusted-body-weight correction: the daratumumab trials that used CrCl
 *       mostly do not state the method (§1.5, LELEU22), and actual weight is the original formula.</li>
 *   <li><b>Age</b>: completed years at the creatinine date when the birth date is known, otherwise the patient's age at
 *       asOf.</li>
 *   <li><b>Sex</b>: MALE or FEMALE is required; OTHER or UNKNOWN gives no estimate (the 0.85 factor cannot be chosen).</li>
 * </ul>
 * Any missing input (or an age of 140 or more, or a birth date after the creatinine date) gives {@link Optional#empty()}:
 * the caller then reports the gap rather than the engine guessing.
 * The result is a derived {@link MeasurementKind#CREATININE_CLEARANCE} dated on the creatinine date, rounded to one
 * decimal, whose provenance lists the creatinine, the weight and the patient.
 */
public final class CockcroftGault {
    /** Method text on the computed measurement. */
    public static final String METHOD = "Cockcroft-Gault (computed)";
    static final double FEMALE_FACTOR = 0.85;

    private CockcroftGault() {}

    public static Optional<Measurement> estimate(PatientDemographics p, List<Measurement> measurements, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (p == null || measurements == null) return Optional.empty();
        if (p.getSex() != Sex.MALE && p.getSex() != Sex.FEMALE) return Optional.empty();

        Comparator<Measurement> byDate = Comparator.comparing(Measurement::getEffective)
                .thenComparing(CockcroftGault::firstReference);
        Optional<Measurement> creatinine = measurements.stream()
                .filter(m -> usable(m, MeasurementKind.SERUM_CREATININE, asOf))
                .max(byDate);
        // A bound ("creatinine <0.5") is not a value: an estimate from it would be a bound too, and an older exact
        // creatinine is not the current one. No estimate; the renal rules then name the gap.
        if (creatinine.isEmpty() || creatinine.get().isBound()) return Optional.empty();
        LocalDate creatinineDate = creatinine.get().getEffective();

        List<Measurement> weights = measurements.stream()
                .filter(m -> usable(m, MeasurementKind.BODY_WEIGHT, asOf)).toList();
        Optional<Measurement> weight = weights.stream()
                .filter(m -> !m.getEffective().isAfter(creatinineDate)).max(byDate);
        if (weight.isEmpty()) weight = weights.stream().max(byDate);
        if (weight.isEmpty()) return Optional.empty();

        Integer age;
        if (p.getBirthDate() != null) {
            if (p.getBirthDate().isAfter(creatinineDate)) return Optional.empty();
            age = Period.between(p.getBirthDate(), creatinineDate).getYears();
        } else {
            age = p.getAge();
        }
        if (age == null || age < 0 || age >= 140) return Optional.empty();

        double crcl = ((140 - age) * weight.get().getValue()) / (72 * creatinine.get().getValue());
        if (p.getSex() == Sex.FEMALE) crcl *= FEMALE_FACTOR;
        double rounded = BigDecimal.valueOf(crcl).setScale(1, RoundingMode.HALF_UP).doubleValue();

        Set<Provenance> provenance = new LinkedHashSet<>();
        provenance.addAll(creatinine.get().getProvenance());
        provenance.addAll(weight.get().getProvenance());
        provenance.addAll(p.getProvenance());
        return Optional.of(new Measurement(MeasurementKind.CREATININE_CLEARANCE, rounded, null, METHOD, true,
                creatinineDate, new ArrayList<>(provenance)));
    }

    private static boolean usable(Measurement m, MeasurementKind kind, LocalDate asOf) {
        return m != null && m.getKind() == kind && m.getValue() != null && m.getValue() > 0
                && !m.getValue().isNaN() && !m.getValue().isInfinite()
                && m.getEffective() != null && !m.getEffective().isAfter(asOf);
    }

    private static String firstReference(Measurement m) {
        return m.getProvenance().isEmpty() ? "" : m.getProvenance().get(0).getReference();
    }
}
