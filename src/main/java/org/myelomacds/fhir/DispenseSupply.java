package org.myelomacds.fhir;

import java.util.Locale;
import java.util.Map;

import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing;

/**
 * CDS-POLICY-DISPENSE-SUPPLY-FROM-DOSAGE (rules/evidence.yaml): the days a dispense without daysSupply lasts, from its
 * quantity divided by the daily amount of its first dosageInstruction, when both are stated in the same unit (a count
 * of the same dose form, or a mass). Pharmacy feeds often send the quantity and the sig but not daysSupply, which FHIR
 * R4 makes optional; 28 capsules at one capsule a day are 28 days, not the hand-over day alone. A dose in mg beside a
 * quantity in capsules or tablets is converted by the product's strength when the medication's text states a single
 * "N mg" figure ("lenalidomide 10 mg capsule"). A dose range, a frequencyMax or an as-needed dosage gives no single
 * daily amount and is not used.
 */
final class DispenseSupply {
    private DispenseSupply() { }

    /** A unit read as a dimension (a dose form counted, or mass) and its size in that dimension's base unit. */
    private record Unit(String dimension, double factor) { }

    /** Units as written in unit text or UCUM / HL7 orderableDrugForm codes, lower-cased. */
    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("capsule", new Unit("capsule", 1)), Map.entry("capsules", new Unit("capsule", 1)),
            Map.entry("cap", new Unit("capsule", 1)), Map.entry("caps", new Unit("capsule", 1)),
            Map.entry("{capsule}", new Unit("capsule", 1)),
            Map.entry("tablet", new Unit("tablet", 1)), Map.entry("tablets", new Unit("tablet", 1)),
            Map.entry("tab", new Unit("tablet", 1)), Map.entry("tabs", new Unit("tablet", 1)),
            Map.entry("{tablet}", new Unit("tablet", 1)), Map.entry("{tbl}", new Unit("tablet", 1)),
            Map.entry("mg", new Unit("mass", 1)), Map.entry("g", new Unit("mass", 1000)),
            Map.entry("ug", new Unit("mass", 0.001)), Map.entry("mcg", new Unit("mass", 0.001)),
            Map.entry("microgram", new Unit("mass", 0.001)));

    /** Whole days the quantity lasts (rounded up: the last unit is taken on the last day), or null when not usable. */
    static Long days(MedicationDispense md) {
        if (!md.hasQuantity() || !md.getQuantity().hasValue() || md.getDosageInstruction().isEmpty()) return null;
        Dosage d = md.getDosageInstruction().get(0);
        Double daily = dailyAmount(d);
        Unit doseUnit = unit(doseQuantity(d));
        Unit supplyUnit = unit(md.getQuantity());
        if (daily == null || doseUnit == null || supplyUnit == null) return null;
        double quantity = md.getQuantity().getValue().doubleValue() * supplyUnit.factor();
        double perDay = daily * doseUnit.factor();
        if (!doseUnit.dimension().equals(supplyUnit.dimension())) {
            // Capsules or tablets dispensed, the dose in mg: the product's own strength converts, when its text states a
            // single one ("lenalidomide 10 mg capsule", FINDINGS L5); anything else stays unusable.
            Double strength = "mass".equals(doseUnit.dimension()) && !"mass".equals(supplyUnit.dimension())
                    ? strengthMg(md) : null;
            if (strength == null) return null;
            perDay = perDay / strength;
        }
        if (quantity <= 0 || perDay <= 0) return null;
        // A tiny tolerance, so that 28 / (1 per day) is 28 days and not 29 by floating-point error.
        long days = (long) Math.ceil(quantity / perDay - 1e-9);
        return days > 0 ? days : null;
    }

    /**
     * How {@link #days} reads the dispense, for a data gap: "28 capsule at 1 a day" (the quantity as recorded, the daily
     * amount in the dose's unit); null when {@link #days} gives nothing.
     */
    static String basis(MedicationDispense md) {
        if (days(md) == null) return null;
        Dosage d = md.getDosageInstruction().get(0);
        Quantity q = md.getQuantity();
        String unit = q.hasUnit() ? q.getUnit() : q.getCode();
        Quantity dose = doseQuantity(d);
        String doseUnit = dose.hasUnit() ? dose.getUnit() : dose.getCode();
        String perDay = number(dailyAmount(d));
        Double strength = strengthMg(md);
        boolean converted = unit(dose) != null && unit(q) != null && !unit(dose).dimension().equals(unit(q).dimension());
        return number(q.getValue().doubleValue()) + " " + unit + " at " + perDay
                + (doseUnit.equalsIgnoreCase(unit) ? "" : " " + doseUnit) + " a day"
                + (converted && strength != null ? " (" + number(strength) + " mg each)" : "");
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static final java.util.regex.Pattern MASS_FIGURE = java.util.regex.Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(mg|g|mcg|ug|µg|microgram|micrograms|milligram|milligrams)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The strength in mg of one unit of the product, from the medication's text when it states exactly one mass figure
     * and that figure is in mg ("lenalidomide 10 mg capsule"); null otherwise (no text, several figures, another unit).
     */
    static Double strengthMg(MedicationDispense md) {
        if (!md.hasMedicationCodeableConcept() || !md.getMedicationCodeableConcept().hasText()) return null;
        java.util.regex.Matcher m = MASS_FIGURE.matcher(md.getMedicationCodeableConcept().getText());
        if (!m.find()) return null;
        String value = m.group(1);
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (m.find() || !unit.equals("mg") || value.contains(",")) return null;
        double mg = Double.parseDouble(value);
        return mg > 0 ? mg : null;
    }

    /** The one doseQuantity of a dosage; null for none, a dose range or several. */
    private static Quantity doseQuantity(Dosage d) {
        if (d.getDoseAndRate().size() != 1 || !d.getDoseAndRate().get(0).hasDoseQuantity()) return null;
        return d.getDoseAndRate().get(0).getDoseQuantity();
    }

    /** Dose units per day: dose × frequency per period; null when the dosage states no single daily amount. */
    private static Double dailyAmount(Dosage d) {
        if (d.hasAsNeeded() || !d.hasTiming() || !d.getTiming().hasRepeat()) return null;
        Quantity dose = doseQuantity(d);
        if (dose == null || !dose.hasValue()) return null;
        Timing.TimingRepeatComponent repeat = d.getTiming().getRepeat();
        if (!repeat.hasFrequency() || repeat.hasFrequencyMax() || !repeat.hasPeriod() || repeat.hasPeriodMax()
                || !repeat.hasPeriodUnit()) return null;
        // days per periodUnit (hours, days, weeks, months); seconds, minutes and years are not read
        Double periodDays = TimeUnitDays.ofPeriod(repeat.getPeriodUnit());
        double period = repeat.getPeriod().doubleValue();
        if (periodDays == null || period <= 0 || repeat.getFrequency() <= 0) return null;
        return dose.getValue().doubleValue() * repeat.getFrequency() / (period * periodDays);
    }

    /** The unit of a quantity, by its unit text, else its code; null when neither is a unit read here. */
    private static Unit unit(Quantity q) {
        if (q == null) return null;
        Unit byText = q.hasUnit() ? UNITS.get(q.getUnit().trim().toLowerCase(Locale.ROOT)) : null;
        if (byText != null) return byText;
        return q.hasCode() ? UNITS.get(q.getCode().trim().toLowerCase(Locale.ROOT)) : null;
    }
}
