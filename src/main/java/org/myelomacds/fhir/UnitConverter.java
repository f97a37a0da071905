package org.myelomacds.fhir;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.myelomacds.facts.MeasurementKind;

/**
 * Converts a value in a reported unit to its kind's canonical unit ({@link MeasurementKind#getCanonicalUnit()}).
 * Only conversions that need no assay-specific factor are offered: an unknown unit is an unreadable value, never
 * a guess (weight in "stone" or creatinine in "mmol/mol" must not become a number the rules trust).
 */
final class UnitConverter {
    private UnitConverter() { }

    private static final double CREATININE_UMOL_PER_MG_DL = 88.4;
    private static final double KG_PER_LB = 0.45359237;

    private static final Map<MeasurementKind, Map<String, Double>> FACTORS = new EnumMap<>(MeasurementKind.class);

    static {
        // Every eGFR LOINC code the engine reads (clinical-evidence.md §9.3) is defined per 1.73 m² (property "Volume
        // Rate/Area"), so the code, not the unit, says what the number is: "mL/min" on such a code is the short unit
        // producers send (Synthea on 33914-3), not a de-indexed value. Refusing it made every such record unreadable.
        FACTORS.put(MeasurementKind.EGFR, Map.of("ml/min/1.73m2", 1.0, "ml/min/1.73sqm", 1.0, "ml/min", 1.0));
        FACTORS.put(MeasurementKind.CREATININE_CLEARANCE, Map.of("ml/min", 1.0, "ml/min/1.73m2", 1.0, "ml/s", 60.0));
        FACTORS.put(MeasurementKind.SERUM_CREATININE, Map.of(
                "mg/dl", 1.0,
                "umol/l", 1.0 / CREATININE_UMOL_PER_MG_DL,
                "mmol/l", 1000.0 / CREATININE_UMOL_PER_MG_DL,
                "mg/l", 0.1));
        FACTORS.put(MeasurementKind.BODY_WEIGHT, Map.of("kg", 1.0, "g", 0.001, "[lb_av]", KG_PER_LB, "lb", KG_PER_LB, "lbs", KG_PER_LB));
        FACTORS.put(MeasurementKind.BODY_HEIGHT, Map.of("cm", 1.0, "m", 100.0, "mm", 0.1, "[in_i]", 2.54, "in", 2.54));
        FACTORS.put(MeasurementKind.FEV1, Map.of("l", 1.0, "ml", 0.001));
        FACTORS.put(MeasurementKind.FEV1_PERCENT_PREDICTED, Map.of("%", 1.0));
        FACTORS.put(MeasurementKind.LVEF, Map.of("%", 1.0));
        FACTORS.put(MeasurementKind.HBV_DNA, Map.of("[iu]/ml", 1.0, "iu/ml", 1.0));
        FACTORS.put(MeasurementKind.SERUM_M_PROTEIN, Map.of("g/dl", 1.0, "g/l", 0.1, "mg/dl", 0.001));
        FACTORS.put(MeasurementKind.FREE_KAPPA, Map.of("mg/l", 1.0, "mg/dl", 10.0));
        FACTORS.put(MeasurementKind.FREE_LAMBDA, Map.of("mg/l", 1.0, "mg/dl", 10.0));
        FACTORS.put(MeasurementKind.FREE_LIGHT_CHAIN_RATIO, Map.of("", 1.0, "1", 1.0, "ratio", 1.0, "{ratio}", 1.0));
        FACTORS.put(MeasurementKind.ECOG, Map.of("", 1.0, "1", 1.0, "{score}", 1.0, "score", 1.0));
        FACTORS.put(MeasurementKind.KARNOFSKY, Map.of("", 1.0, "1", 1.0, "{score}", 1.0, "score", 1.0, "%", 1.0));
    }

    /** The value in the canonical unit, or empty when the unit is not one this kind can be converted from. */
    static OptionalDouble toCanonical(MeasurementKind kind, double value, String unit) {
        Map<String, Double> factors = FACTORS.get(kind);
        if (factors == null) return OptionalDouble.of(value);
        Double factor = factors.get(normalise(unit));
        return factor == null ? OptionalDouble.empty() : OptionalDouble.of(value * factor);
    }

    /** "mL/min/{1.73_m2}", "mL/min/1.73 m²", "µmol/L", "μmol/L" → comparable lower-case forms. */
    static String normalise(String unit) {
        if (unit == null) return "";
        String u = unit.trim().toLowerCase(Locale.ROOT)
                .replace('\u00b5', 'u').replace('\u03bc', 'u').replace("\u00b2", "2").replace(" ", "");
        if (u.contains("1.73")) u = u.replace("{", "").replace("}", "").replace("_", "").replace("^", "");
        return u;
    }
}
