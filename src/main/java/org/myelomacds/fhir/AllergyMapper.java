package org.myelomacds.fhir;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.myelomacds.facts.Allergen;
import org.myelomacds.facts.AllergyRecord;
import org.myelomacds.evidence.terminology.AllergyTerms;

/**
 * AllergyIntolerance → AllergyRecord for isatuximab, daratumumab and the SC excipient hyaluronidase, read from
 * the substance code or, failing that, the reactions' substances. Refuted or entered-in-error entries are ignored.
 */
final class AllergyMapper {
    private AllergyMapper() { }

    static void map(AllergyIntolerance allergy, EntryContext ctx) {
        for (Coding c : allergy.getVerificationStatus().getCoding()) {
            if ("refuted".equals(c.getCode()) || "entered-in-error".equals(c.getCode())) return;
        }
        AllergyTerms terms = ctx.terms().allergies();
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

    private static Set<Allergen> allergens(CodeableConcept concept, AllergyTerms terms) {
        Set<Allergen> out = EnumSet.noneOf(Allergen.class);
        if (concept == null) return out;
        for (Coding c : concept.getCoding()) out.addAll(terms.fromCoding(c.getSystem(), c.getCode(), c.getDisplay()));
        out.addAll(terms.fromText(concept.getText()));
        return out;
    }
}
