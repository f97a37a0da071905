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
 *       asOf. A birth date recorded as a year or a month gives the estimate at its first possible day and, as an
 *       alternative, at its last (the youngest age); a creatinine recorded as a month or a year whose interval holds a
 *       birthday gives, as an alternative, the estimate at the age on its last possible day (the oldest).</li>
 *   <li><b>Sex</b>: MALE or FEMALE is required; OTHER or UNKNOWN gives no estimate (the 0.85 factor cannot be chosen).</li>
 * </ul>
 * Any missing input (or an age of 140 or more, or a birth date after the creatinine date) gives {@link Optional#empty()}:
 * the caller then reports the gap rather than the engine guessing.
 * The result is a derived {@link MeasurementKind#CREATININE_CLEARANCE} dated on the creatinine date (as recorded: a
 * month or a year stays one), rounded to one decimal, whose provenance lists the creatinine, the weight and the patient.
 * Inputs are chosen by their first possible days; {@link #estimateWithAlternatives} also gives the estimates from the
 * inputs a partial date may make current instead.
 */
public final class CockcroftGault {
    /** Method text on the computed measurement. */
    public static final String METHOD = "Cockcroft-Gault (computed)";
    static final double FEMALE_FACTOR = 0.85;

    private CockcroftGault() {}

    public static Optional<Measurement> estimate(PatientDemographics p, List<Measurement> measurements, LocalDate asOf) {
        return estimateWithAlternatives(p, measurements, asOf).map(Estimate::estimate);
    }

    /**
     * The estimate from the inputs chosen by their first possible days, and the estimates from every other creatinine
     * or weight a partial date may make the current input instead (issue 10 item 3: "2026-10" is an interval, not
     * 1 October). An input is such a rival when its reading differs and some choice of the unknown days makes it the
     * one the rules above pick (the creatinine: latest; the weight: latest on or before the creatinine, else latest).
     * Whether an alternative changes a decision is judged in the rules (rules/derive/current-results.drl).
     */
    public static Optional<Estimate> estimateWithAlternatives(PatientDemographics p, List<Measurement> measurements, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (p == null || measurements == null) return Optional.empty();
        if (p.getSex() != Sex.MALE && p.getSex() != Sex.FEMALE) return Optional.empty();

        List<Measurement> creatinines = measurements.stream()
                .filter(m -> usable(m, MeasurementKind.SERUM_CREATININE, asOf)).toList();
        Optional<Measurement> creatinine = creatinines.stream().max(BY_DATE);
        // A bound ("creatinine <0.5") is not a value: an estimate from it would be a bound too, and an older exact
        // creatinine is not the current one. No estimate; the renal rules then name the gap.
        if (creatinine.isEmpty() || creatinine.get().isBound()) return Optional.empty();

        List<Measurement> weights = measurements.stream()
                .filter(m -> usable(m, MeasurementKind.BODY_WEIGHT, asOf)).toList();
        Optional<Measurement> weight = weightFor(creatinine.get(), weights);
        if (weight.isEmpty()) return Optional.empty();
        Optional<Measurement> estimate = compute(p, creatinine.get(), weight.get(), false);
        if (estimate.isEmpty()) return Optional.empty();

        // Rival creatinines: a different value that may be later than the chosen one. A rival reported as a bound
        // ("<0.5 mg/dL") gives a bound of the clearance (above the value at 0.5), which the rules weigh against every
        // renal threshold (currentEstimatesAgree, rules/derive/current-results.drl; CDS-POLICY-PARTIAL2-INTERVALS).
        List<Measurement> creatinineCandidates = new ArrayList<>();
        creatinineCandidates.add(creatinine.get());
        for (Measurement c : creatinines) {
            if (c != creatinine.get() && (c.isBound() || !c.getValue().equals(creatinine.get().getValue()))
                    && mayBeLater(c, creatinine.get())) creatinineCandidates.add(c);
        }
        List<Measurement> alternatives = new ArrayList<>();
        for (Measurement c : creatinineCandidates) {
            Optional<Measurement> firstDayWeight = weightFor(c, weights);
            if (firstDayWeight.isEmpty()) continue;
            List<Measurement> weightCandidates = new ArrayList<>();
            weightCandidates.add(firstDayWeight.get());
            for (Measurement w : weights) {
                if (w != firstDayWeight.get() && !w.getValue().equals(firstDayWeight.get().getValue())
                        && mayBeChosenOver(w, firstDayWeight.get(), c)) weightCandidates.add(w);
            }
            for (Measurement w : weightCandidates) {
                if (!(c == creatinine.get() && w == weight.get())) compute(p, c, w, false).ifPresent(alternatives::add);
                // a birth date recorded as a year or a month: the age may be the youngest it allows as well
                if (p.isAgeImprecise()) compute(p, c, w, true).ifPresent(alternatives::add);
                // a creatinine dated by month or year: the age on its last possible day may be a year older (a
                // birthday inside the interval, session s12 partial3); the clearance falls with age, so the two ends
                // bound it
                if (c.isDateImprecise()) computeOldest(p, c, w, asOf).ifPresent(alternatives::add);
            }
        }
        return Optional.of(new Estimate(estimate.get(), alternatives));
    }

    /**
     * A Cockcroft-Gault estimate and the values it could have had with other inputs (empty when no partial date leaves
     * the choice of the creatinine or the weight open).
     */
    public record Estimate(Measurement estimate, List<Measurement> alternatives) {
        public Estimate {
            Objects.requireNonNull(estimate, "estimate");
            alternatives = List.copyOf(alternatives);
        }
    }

    private static final Comparator<Measurement> BY_DATE = Comparator.comparing(Measurement::getEffective)
            .thenComparing(CockcroftGault::firstReference);

    /** The latest weight on or before the creatinine's date, else the latest, all by first possible days. */
    private static Optional<Measurement> weightFor(Measurement creatinine, List<Measurement> weights) {
        LocalDate creatinineDate = creatinine.getEffective();
        Optional<Measurement> weight = weights.stream()
                .filter(m -> !m.getEffective().isAfter(creatinineDate)).max(BY_DATE);
        return weight.isPresent() ? weight : weights.stream().max(BY_DATE);
    }

    /** {@code r} may be the later result: one of the two dates is partial and r's last day is not before c's first. */
    private static boolean mayBeLater(Measurement r, Measurement c) {
        return (r.isDateImprecise() || c.isDateImprecise()) && r.getEffectiveLatestDay() >= c.getEffectiveDay();
    }

    /**
     * Some days within the recorded dates of weight {@code w}, the first-day choice {@code w0} and creatinine {@code c}
     * make the rule pick {@code w} over {@code w0}: w on or before c and w0 before w (both on or before c); w on or
     * before c and w0 after it; or both after c (no weight before it) with w0 before w. With exact dates none holds,
     * since w0 is then the rule's choice.
     */
    static boolean mayBeChosenOver(Measurement w, Measurement w0, Measurement c) {
        long wf = w.getEffectiveDay(), wl = w.getEffectiveLatestDay();
        long w0f = w0.getEffectiveDay(), w0l = w0.getEffectiveLatestDay();
        long cf = c.getEffectiveDay(), cl = c.getEffectiveLatestDay();
        boolean laterOnOrBefore = Math.max(wf, w0f + 1) <= Math.min(wl, cl);
        boolean w0After = Math.max(wf, cf) <= Math.min(cl, w0l - 1);
        long w0Day = Math.max(w0f, cf + 1);
        boolean bothAfter = w0Day <= w0l && w0Day < wl;
        return laterOnOrBefore || w0After || bothAfter;
    }

    /**
     * The estimate from one creatinine and one weight, dated by the creatinine as recorded (a creatinine of "2026-10"
     * gives an estimate of "2026-10", whose freshness is then an interval too).
     */
    private static Optional<Measurement> compute(PatientDemographics p, Measurement creatinine, Measurement weight,
                                                 boolean youngest) {
        LocalDate creatinineDate = creatinine.getEffective();
        // the age from a partial birth date's first day (the oldest), or with youngest from its last
        LocalDate birth = youngest ? p.getBirthDateLatest() : p.getBirthDate();
        Integer age;
        if (birth != null) {
            if (birth.isAfter(creatinineDate)) return Optional.empty();
            age = Period.between(birth, creatinineDate).getYears();
        } else {
            age = youngest ? p.getAgeYoungest() : p.getAge();
        }
        if (age == null || age < 0 || age >= 140) return Optional.empty();

        double crcl = ((140 - age) * weight.getValue()) / (72 * creatinine.getValue());
        if (p.getSex() == Sex.FEMALE) crcl *= FEMALE_FACTOR;
        // a creatinine bound gives the opposite bound of the clearance ("<0.5" -> above the value at 0.5), rounded
        // outwards so the bound stays true
        String comparator = creatinine.isBound() ? inverse(creatinine.getComparator()) : null;
        RoundingMode rounding = comparator == null ? RoundingMode.HALF_UP
                : comparator.startsWith(">") ? RoundingMode.FLOOR : RoundingMode.CEILING;
        double rounded = BigDecimal.valueOf(crcl).setScale(1, rounding).doubleValue();

        Set<Provenance> provenance = new LinkedHashSet<>();
        provenance.addAll(creatinine.getProvenance());
        provenance.addAll(weight.getProvenance());
        provenance.addAll(p.getProvenance());
        // a bound is quoted as such (">119"), as a recorded bound's text is
        String boundText = comparator == null ? null : comparator + org.myelomacds.facts.Quote.number(rounded);
        Measurement m = new Measurement(MeasurementKind.CREATININE_CLEARANCE, rounded, comparator, boundText, METHOD, true,
                creatinineDate, new ArrayList<>(provenance));
        return Optional.of(creatinine.isDateImprecise() ? m.withEffectiveLatest(creatinine.getEffectiveLatest()) : m);
    }

    /**
     * The estimate at the oldest age the creatinine's dates allow: born on the birth date's first possible day, drawn on
     * the creatinine's last (clipped to asOf). Empty when that age is the one {@link #compute} already used.
     */
    private static Optional<Measurement> computeOldest(PatientDemographics p, Measurement creatinine, Measurement weight,
                                                       LocalDate asOf) {
        if (p.getBirthDate() == null || creatinine.getEffectiveLatest() == null) return Optional.empty();
        LocalDate last = creatinine.getEffectiveLatest().isAfter(asOf) ? asOf : creatinine.getEffectiveLatest();
        if (p.getBirthDate().isAfter(creatinine.getEffective())) return Optional.empty();
        int atFirst = Period.between(p.getBirthDate(), creatinine.getEffective()).getYears();
        int atLast = Period.between(p.getBirthDate(), last).getYears();
        if (atLast == atFirst) return Optional.empty();
        PatientDemographics older = new PatientDemographics(p.getId(), p.getSex(), null, atLast, p.getProvenance().isEmpty()
                ? null : p.getProvenance().get(0));
        return compute(older, creatinine, weight, false);
    }

    /** The clearance's bound from a creatinine bound: the clearance falls as the creatinine rises. */
    private static String inverse(String comparator) {
        return switch (comparator) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            default -> "<=";
        };
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
