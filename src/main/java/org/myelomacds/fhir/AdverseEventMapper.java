package org.myelomacds.fhir;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugIntolerance;

/**
 * AdverseEvent (FHIR R4) → {@link DrugIntolerance}: an event that happened ({@code actuality} "actual") whose suspect
 * ({@code suspectEntity.instance}) resolves to a catalogue drug — a Medication, or the drug of a bundled
 * MedicationAdministration, MedicationStatement or MedicationRequest. The reason quotes the event and its seriousness
 * and severity as worded; the date is the event's date, else when it was detected, else recorded.
 * <p>A "potential" event (a near miss, FHIR R4: "no actual harm") says the patient was not harmed: it raises nothing.
 * An event without actuality is not read as actual: R4 makes the element mandatory, so its absence leaves the event's
 * nature unknown. R4 AdverseEvent has no status element; an event the source withdrew is one it no longer sends.
 */
final class AdverseEventMapper {
    private AdverseEventMapper() { }

    static void map(AdverseEvent event, EntryContext ctx, MedicationResolver medications) {
        if (event.getActuality() != AdverseEvent.AdverseEventActuality.ACTUAL) return;
        Set<Drug> drugs = new TreeSet<>();
        for (AdverseEvent.AdverseEventSuspectEntityComponent s : event.getSuspectEntity()) {
            medications.suspect(s.getInstance(), event).ifPresent(m -> drugs.add(m.drug()));
        }
        if (drugs.isEmpty()) return;
        LocalDate date = event.hasDate() ? FhirDates.of(event.getDateElement())
                : event.hasDetected() ? FhirDates.of(event.getDetectedElement())
                : event.hasRecordedDate() ? FhirDates.of(event.getRecordedDateElement()) : null;
        String reason = reason(event);
        for (Drug d : drugs) {
            ctx.out().intolerances.add(new DrugIntolerance(d, DrugIntolerance.Kind.ADVERSE_EVENT, reason, date, ctx.provenance(date)));
        }
    }

    /** The event as worded, then its seriousness and severity; null when the record words none of them. */
    private static String reason(AdverseEvent event) {
        Set<String> parts = new LinkedHashSet<>();
        String what = words(event.getEvent());
        if (what != null) parts.add(what);
        String seriousness = words(event.getSeriousness());
        if (seriousness != null) parts.add(seriousness);
        String severity = words(event.getSeverity());
        if (severity != null) parts.add("severity: " + severity);
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String words(CodeableConcept c) {
        if (c == null || c.isEmpty()) return null;
        if (c.hasText() && !c.getText().isBlank()) return c.getText().strip();
        for (Coding coding : c.getCoding()) if (coding.hasDisplay() && !coding.getDisplay().isBlank()) return coding.getDisplay().strip();
        return null;
    }
}
