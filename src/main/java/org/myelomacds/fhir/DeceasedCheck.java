package org.myelomacds.fhir;

import java.time.LocalDate;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Patient;

/**
 * Patient.deceased[x] against the evaluation date: a patient who had died on or before asOf is never assessed.
 * <ul>
 * <li>deceasedBoolean true: dead, date unknown — refused whatever asOf is, since nothing shows the patient was alive
 *     then (a replay before the death needs the record as it stood, which would not carry the flag).</li>
 * <li>deceasedDateTime: refused when the date is on or before asOf. A partial date ("2026", "2026-07") is refused
 *     when its earliest possible day is on or before asOf: the patient may have died before the evaluation date,
 *     and an answer for a patient who may be dead is not one to give.</li>
 * <li>deceasedBoolean false, absent, or a death after asOf (a replay of an earlier date): assessed.</li>
 * </ul>
 */
final class DeceasedCheck {
    private DeceasedCheck() { }

    static void refuseIfDeceased(Patient patient, ScannedEntry entry, LocalDate asOf) throws InvalidBundleException {
        if (!patient.hasDeceased()) return;
        if (patient.getDeceased() instanceof BooleanType b) {
            if (Boolean.TRUE.equals(b.getValue())) {
                throw InvalidBundleException.deceased(entry.index(), entry.reference(), "Patient.deceasedBoolean",
                        "the patient is recorded as deceased (deceasedBoolean true, no date): the engine does not assess"
                                + " deceased patients");
            }
            return;
        }
        if (patient.getDeceased() instanceof DateTimeType dt && dt.getValueAsString() != null) {
            String written = dt.getValueAsString();
            LocalDate earliest = PartialDates.earliestDay(written);
            if (earliest != null && !earliest.isAfter(asOf)) {
                String precision = written.length() == 4 ? "year" : written.length() == 7 ? "month" : null;
                LocalDate latest = PartialDates.latestDay(written);
                if (precision != null && latest != null && !latest.isAfter(asOf)) {
                    // every day the partial date can stand for is on or before asOf: the death is certain (FINDINGS E6)
                    throw InvalidBundleException.deceased(entry.index(), entry.reference(), "Patient.deceasedDateTime",
                            "the patient is recorded as deceased in " + written + " (known only to the " + precision
                                    + "), which lies wholly on or before the evaluation date " + asOf
                                    + ": the engine does not assess deceased patients");
                }
                if (precision != null) {
                    // the death may lie after asOf, but may also lie before it: refused, and the message says which
                    throw InvalidBundleException.deceased(entry.index(), entry.reference(), "Patient.deceasedDateTime",
                            "the patient is recorded as deceased in " + written + ": the death date is known only to the "
                                    + precision + ", so the patient may have died on or before the evaluation date " + asOf
                                    + ": the engine does not assess patients who may be deceased (a death date with its"
                                    + " day would settle it)");
                }
                throw InvalidBundleException.deceased(entry.index(), entry.reference(), "Patient.deceasedDateTime",
                        "the patient is recorded as deceased on " + written
                                + ", on or before the evaluation date " + asOf
                                + ": the engine does not assess deceased patients");
            }
        }
    }
}
