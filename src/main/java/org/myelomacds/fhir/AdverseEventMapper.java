package org.myelomacds.fhir;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.myelomacds.evidence.terminology.DrugCatalogue.DrugMatch;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugIntolerance;
import org.myelomacds.facts.UnrecognisedCode;

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
            Optional<DrugMatch> m = medications.suspect(s.getInstance(), event);
            if (m.isPresent()) drugs.add(m.get().drug());
            else unrecognisedSuspect(s.getInstance(), event, ctx, medications);
        }
        if (drugs.isEmpty()) {
            // Not dropped silently: an intolerance to a drug the engine cannot name may still be one to a regimen drug.
            ctx.out().skip(event.hasSuspectEntity() ? SKIP_SUSPECT_NOT_RECOGNISED : SKIP_NO_SUSPECT);
            return;
        }
        LocalDate date = event.hasDate() ? FhirDates.of(event.getDateElement())
                : event.hasDetected() ? FhirDates.of(event.getDetectedElement())
                : event.hasRecordedDate() ? FhirDates.of(event.getRecordedDateElement()) : null;
        String reason = reason(event);
        for (Drug d : drugs) {
            ctx.out().intolerances.add(new DrugIntolerance(d, DrugIntolerance.Kind.ADVERSE_EVENT, reason, date, ctx.provenance(date)));
        }
    }

    static final String SKIP_SUSPECT_NOT_RECOGNISED = "AdverseEvent (suspect drug not recognised)";
    static final String SKIP_NO_SUSPECT = "AdverseEvent (no suspect named)";
    static final String SUSPECT_CATEGORY = "adverse-event suspect";

    /**
     * A suspect the engine cannot resolve to a catalogue drug (an unknown code, a reference to nothing bundled, a
     * substance or device): listed in findings.unrecognised with what it says about itself, so a reviewer sees an
     * intolerance the engine did not read. Like an unrecognised medication it raises no data gap: most such suspects
     * are not regimen drugs.
     */
    private static void unrecognisedSuspect(Reference instance, AdverseEvent event, EntryContext ctx, MedicationResolver meds) {
        CodeableConcept concept = meds.describe(instance, event);
        String text = concept == null ? null : Concepts.text(concept);
        if (text != null && text.isBlank()) text = null;
        String ref = instance == null || !instance.hasReference() ? null : instance.getReference();
        String said = "suspect " + (ref == null ? "" : ref + " ") + (text == null ? "" : "(" + text + ") ")
                + "not identified as a catalogue drug, event " + (words(event.getEvent()) == null ? "not worded"
                : words(event.getEvent()));
        boolean listed = false;
        if (concept != null) {
            for (Coding c : concept.getCoding()) {
                if (!c.hasCode()) continue;
                ctx.out().unrecognised.add(new UnrecognisedCode("AdverseEvent", ctx.reference(), c.getSystem(), c.getCode(),
                        said, SUSPECT_CATEGORY));
                listed = true;
            }
        }
        if (!listed) ctx.out().unrecognised.add(new UnrecognisedCode("AdverseEvent", ctx.reference(), null, null, said, SUSPECT_CATEGORY));
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
