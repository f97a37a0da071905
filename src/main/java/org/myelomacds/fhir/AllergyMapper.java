package org.myelomacds.fhir;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.myelomacds.facts.Allergen;
import org.myelomacds.facts.AllergyRecord;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugIntolerance;
import org.myelomacds.evidence.terminology.AllergyTerms;

/**
 * AllergyIntolerance → AllergyRecord for isatuximab, daratumumab and the SC excipient hyaluronidase, read from
 * the substance code or, failing that, the reactions' substances. Refuted or entered-in-error entries are ignored.
 * <p>An active entry naming a drug of the catalogue (by code, else by a display or text naming it) is also a
 * {@link DrugIntolerance} when its type is {@code intolerance}, or when it names a drug other than an anti-CD38 antibody
 * (an allergy to an anti-CD38 antibody is a hypersensitivity, read above, and decides the contraindication). Its reason
 * quotes the reactions (manifestations, description) and the note. An inactive or resolved entry says the patient is
 * no longer at risk: it raises nothing.
 */
final class AllergyMapper {
    private AllergyMapper() { }

    static void map(AllergyIntolerance allergy, EntryContext ctx) {
        for (Coding c : allergy.getVerificationStatus().getCoding()) {
            if ("refuted".equals(c.getCode()) || "entered-in-error".equals(c.getCode())) return;
        }
        AllergyTerms terms = ctx.terms().allergies();
        drugIntolerance(allergy, ctx);
        Set<Allergen> allergens = allergens(allergy.getCode(), terms);
        if (allergens.isEmpty()) {
            for (AllergyIntolerance.AllergyIntoleranceReactionComponent r : allergy.getReaction()) {
                allergens.addAll(allergens(r.getSubstance(), terms));
            }
        }
        if (allergens.isEmpty()) return;
        boolean active = true;
        for (Coding c : allergy.getClinicalStatus().getCoding()) {
            if ("inactive".equals(c.getCode()) || "resolved".equals(c.getCode())) active = false;
        }
        String criticality = allergy.hasCriticality() ? allergy.getCriticality().toCode() : null;
        LocalDate date = allergy.hasRecordedDate() ? FhirDates.of(allergy.getRecordedDateElement())
                : allergy.hasOnset() ? FhirDates.startOf(allergy.getOnset()) : null;
        for (Allergen a : allergens) ctx.out().allergies.add(new AllergyRecord(a, criticality, active, ctx.provenance(date)));
    }

    private static void drugIntolerance(AllergyIntolerance allergy, EntryContext ctx) {
        for (Coding c : allergy.getClinicalStatus().getCoding()) {
            if ("inactive".equals(c.getCode()) || "resolved".equals(c.getCode())) return;
        }
        Set<Drug> drugs = new TreeSet<>(drugs(allergy.getCode(), ctx));
        if (drugs.isEmpty()) {
            for (AllergyIntolerance.AllergyIntoleranceReactionComponent r : allergy.getReaction()) drugs.addAll(drugs(r.getSubstance(), ctx));
        }
        boolean intolerance = allergy.getType() == AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE;
        LocalDate date = allergy.hasRecordedDate() ? FhirDates.of(allergy.getRecordedDateElement())
                : allergy.hasOnset() ? FhirDates.startOf(allergy.getOnset()) : null;
        String reason = reason(allergy);
        for (Drug d : drugs) {
            if (!intolerance && d.isAntiCd38()) continue;
            ctx.out().intolerances.add(new DrugIntolerance(d, DrugIntolerance.Kind.ALLERGY_INTOLERANCE,
                    intolerance ? reason : reason == null ? "allergy" : "allergy: " + reason, date, ctx.provenance(date)));
        }
    }

    private static Set<Drug> drugs(CodeableConcept concept, EntryContext ctx) {
        Set<Drug> out = new TreeSet<>();
        if (concept == null || concept.isEmpty()) return out;
        for (Coding c : concept.getCoding()) ctx.terms().drugs().byCode(c.getSystem(), c.getCode()).ifPresent(m -> out.add(m.drug()));
        if (out.isEmpty()) {
            for (Coding c : concept.getCoding()) out.addAll(ctx.terms().drugs().allNamedIn(c.getDisplay()));
            out.addAll(ctx.terms().drugs().allNamedIn(concept.getText()));
        }
        return out;
    }

    /** The reactions as worded (manifestation text or displays, description), then the notes; null when none. */
    private static String reason(AllergyIntolerance allergy) {
        java.util.LinkedHashSet<String> parts = new java.util.LinkedHashSet<>();
        for (AllergyIntolerance.AllergyIntoleranceReactionComponent r : allergy.getReaction()) {
            for (CodeableConcept m : r.getManifestation()) {
                if (m.hasText() && !m.getText().isBlank()) parts.add(m.getText().strip());
                else for (Coding c : m.getCoding()) if (c.hasDisplay() && !c.getDisplay().isBlank()) parts.add(c.getDisplay().strip());
            }
            if (r.hasDescription() && !r.getDescription().isBlank()) parts.add(r.getDescription().strip());
        }
        for (org.hl7.fhir.r4.model.Annotation n : allergy.getNote()) if (n.hasText() && !n.getText().isBlank()) parts.add(n.getText().strip());
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static Set<Allergen> allergens(CodeableConcept concept, AllergyTerms terms) {
        Set<Allergen> out = EnumSet.noneOf(Allergen.class);
        if (concept == null) return out;
        for (Coding c : concept.getCoding()) out.addAll(terms.fromCoding(c.getSystem(), c.getCode(), c.getDisplay()));
        out.addAll(terms.fromText(concept.getText()));
        return out;
    }
}
