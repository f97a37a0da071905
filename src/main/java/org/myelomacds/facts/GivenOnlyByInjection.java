package org.myelomacds.facts;

import java.util.Set;

/**
 * The anti-myeloma drugs the compendium gives only by infusion or injection (clinical-evidence.md §2-§4: daratumumab IV
 * or SC, isatuximab IV, bortezomib SC or IV, carfilzomib IV; the anti-SLAMF7 antibody, bispecific antibodies, CAR-T
 * cells and the antibody-drug conjugate belantamab are infusions or injections too). A record whose own words give an
 * oral dose form cannot have held one of them (project policy CDS-POLICY-NO-DRUG-ORAL-FORM); ixazomib, the IMiDs,
 * selinexor, venetoclax, panobinostat and the oral alkylators can.
 */
public final class GivenOnlyByInjection {
    private GivenOnlyByInjection() { }

    private static final Set<DrugClass> CLASSES = Set.of(DrugClass.ANTI_CD38, DrugClass.ANTI_SLAMF7,
            DrugClass.BISPECIFIC_ANTIBODY, DrugClass.CAR_T, DrugClass.ANTIBODY_DRUG_CONJUGATE);

    /** Whether every drug of the class is given only by infusion or injection. */
    public static boolean wholeClass(DrugClass c) {
        return c != null && CLASSES.contains(c);
    }

    /** Whether the drug is given only by infusion or injection. */
    public static boolean drug(Drug d) {
        if (d == null) return false;
        if (Drug.BORTEZOMIB.equals(d) || Drug.CARFILZOMIB.equals(d) || Drug.DARATUMUMAB.equals(d) || Drug.ISATUXIMAB.equals(d)) return true;
        return d.isCatalogued() && wholeClass(d.getDrugClass());
    }
}
