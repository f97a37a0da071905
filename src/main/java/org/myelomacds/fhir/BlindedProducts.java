package org.myelomacds.fhir;

import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Type;
import org.myelomacds.facts.MedicationRecord;

/**
 * A blinded trial product ("Ixazomib 4 mg or placebo capsule (double-blind)"): the record names a catalogued drug, but
 * the patient received that drug or a placebo and the record does not say which. The mapper reads the drug as usual;
 * this marks the records one medication resource gave with the words that say it is blinded, so the timeline keeps the
 * line while exposure to and refractoriness to the drug stay undecided (project policy CDS-POLICY-BLINDED-STUDY-DRUG).
 * The words are read from the medication's name and coding displays (or the referenced Medication's code) and the
 * record's notes; the list of words is data ({@code rules/terminology/medication-blinded-product.json}).
 */
final class BlindedProducts {
    private BlindedProducts() {}

    /** Marks the records added to {@code ctx}'s medications from index {@code from} on, when the resource says blinded. */
    static void mark(Type medication, DomainResource owner, List<Annotation> notes, int from, EntryContext ctx,
                     MedicationResolver meds) {
        List<MedicationRecord> records = ctx.out().medications;
        if (records.size() <= from) return;
        // the note is kept on every record of a catalogued drug to be quoted beside a blinded product (an unblinding
        // written as a note, FINDINGS N2); it is never read as the arm (CDS-POLICY-BLINDED-STUDY-DRUG)
        String note = noteText(notes);
        if (note != null) {
            for (int i = from; i < records.size(); i++) {
                MedicationRecord r = records.get(i);
                if (r.getDrug().isCatalogued()) records.set(i, r.withNote(note));
            }
        }
        String words = blindedWords(medication, owner, notes, ctx, meds);
        if (words == null) return;
        for (int i = from; i < records.size(); i++) {
            MedicationRecord r = records.get(i);
            // A blinded product the catalogue cannot name ("Investigational product (study drug, blinded)", the
            // unclassified catch-all, class OTHER) is no "drug X or placebo": it stays therapy the engine cannot name,
            // one more possible line per course (HISTORY-ELIG-03), its class unknown (sweep s19 W3).
            if (r.getDrug().isCatalogued() && r.getDrug().getDrugClass() != org.myelomacds.facts.DrugClass.OTHER) {
                records.set(i, r.withBlinded(words));
            }
        }
    }

    /** The notes' texts joined by " / ", or null when there is none. */
    private static String noteText(List<Annotation> notes) {
        if (notes == null) return null;
        List<String> texts = new ArrayList<>();
        for (Annotation n : notes) if (n.getText() != null && !n.getText().isBlank()) texts.add(n.getText().strip());
        return texts.isEmpty() ? null : String.join(" / ", texts);
    }

    /** "its name says 'or placebo' (Ixazomib 4 mg or placebo capsule ...)", or null when nothing says blinded. */
    private static String blindedWords(Type medication, DomainResource owner, List<Annotation> notes, EntryContext ctx,
                                       MedicationResolver meds) {
        List<String[]> texts = new ArrayList<>();
        CodeableConcept concept = meds.describe(medication, owner);
        if (concept != null) {
            texts.add(new String[] {"its name", concept.getText()});
            for (Coding c : concept.getCoding()) texts.add(new String[] {"its code's display", c.getDisplay()});
        }
        for (Annotation n : notes == null ? List.<Annotation>of() : notes) texts.add(new String[] {"its note", n.getText()});
        for (String[] t : texts) {
            if (t[1] == null) continue;
            var w = ctx.terms().drugs().blindedWords(t[1]);
            if (w.isPresent()) return t[0] + " says '" + w.get().strip() + "' (\"" + t[1].strip() + "\")";
        }
        return null;
    }
}
