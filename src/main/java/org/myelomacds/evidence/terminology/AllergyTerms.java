package org.myelomacds.evidence.terminology;

import org.myelomacds.facts.Allergen;
import org.myelomacds.facts.Drug;

import java.util.EnumSet;
import java.util.Set;

/**
 * Allergens the rules read. The anti-CD38 drugs are recognised with the drug catalogue (same codes and names); the
 * SC co-formulant with {@code allergen-hyaluronidase}, which includes the subcutaneous daratumumab product (an allergy
 * to Faspro names both) and the word.
 */
public final class AllergyTerms {
    private final DrugCatalogue drugs;
    private final ValueSet hyaluronidase;
    private final Terminology terminology;

    AllergyTerms(Terminology t) {
        this.terminology = t;
        this.drugs = t.drugs();
        this.hyaluronidase = t.require("allergen-hyaluronidase", "the SC co-formulant hyaluronidase as an allergen");
    }

    /** Allergens named by one coding (its code, else its display). */
    public Set<Allergen> fromCoding(String system, String code, String display) {
        Set<Allergen> out = EnumSet.noneOf(Allergen.class);
        drugs.byCode(system, code).ifPresent(m -> addDrug(out, m.drug()));
        if (terminology.holds(hyaluronidase, system, code)) out.add(Allergen.HYALURONIDASE);
        out.addAll(fromText(display));
        return out;
    }

    public Set<Allergen> fromText(String text) {
        Set<Allergen> out = EnumSet.noneOf(Allergen.class);
        if (text == null) return out;
        drugs.byName(text).ifPresent(m -> addDrug(out, m.drug()));
        if (hyaluronidase.text().matches(text)) out.add(Allergen.HYALURONIDASE);
        return out;
    }

    private static void addDrug(Set<Allergen> out, Drug drug) {
        for (Allergen a : Allergen.values()) if (a.name().equals(drug.name())) out.add(a);
    }
}
