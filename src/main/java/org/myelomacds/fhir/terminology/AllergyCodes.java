package org.myelomacds.fhir.terminology;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.myelomacds.facts.Allergen;
import org.myelomacds.facts.Drug;

/**
 * Allergens the rules read. The drugs are identified with {@link MedicationCodes} (same RxNorm/ATC/HCPCS codes
 * and names); the SC excipient has no verified code here, so it is read by name only.
 */
public final class AllergyCodes {
    private AllergyCodes() { }

    /** Name of the SC co-formulant (U: no code verified). */
    public static final String HYALURONIDASE_NAME = "hyaluronidase";

    /** Allergens named by one code or text; a Faspro allergy names both daratumumab and hyaluronidase. */
    public static Set<Allergen> fromCoding(String system, String code, String display) {
        Set<Allergen> out = EnumSet.noneOf(Allergen.class);
        MedicationCodes.byCode(system, code).ifPresent(m -> {
            addDrug(out, m.drug());
            if (m.drug() == Drug.DARATUMUMAB && m.productRoute() == org.myelomacds.facts.Route.SUBCUTANEOUS) {
                out.add(Allergen.HYALURONIDASE);
            }
        });
        out.addAll(fromText(display));
        return out;
    }

    public static Set<Allergen> fromText(String text) {
        Set<Allergen> out = EnumSet.noneOf(Allergen.class);
        if (text == null) return out;
        MedicationCodes.byName(text).ifPresent(m -> addDrug(out, m.drug()));
        if (text.toLowerCase(Locale.ROOT).contains(HYALURONIDASE_NAME)) out.add(Allergen.HYALURONIDASE);
        return out;
    }

    private static void addDrug(Set<Allergen> out, Drug drug) {
        if (drug == Drug.DARATUMUMAB) out.add(Allergen.DARATUMUMAB);
        if (drug == Drug.ISATUXIMAB) out.add(Allergen.ISATUXIMAB);
    }
}
