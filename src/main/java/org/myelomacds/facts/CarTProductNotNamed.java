package org.myelomacds.facts;

/**
 * CAR-T cells given with no product named: a Procedure coded as CAR-T cell administration (CPT 0540T, 38228) or whose
 * words say CAR-T cells were infused, naming no catalogued CAR-T product (value set procedure-car-t-infusion, project
 * policy CDS-POLICY-CART2-PROCEDURE). The catalogue has no CAR-T entry for an unknown product, and which product it was
 * (its target) is what the record leaves open, so {@link #DRUG} is class {@link DrugClass#OTHER}: the rules handle it as
 * an antineoplastic the catalogue cannot classify (THERAPY_UNCLASSIFIED naming the Procedure, the line count a range),
 * never as nothing. It is outside the catalogue's value sets (no code or word names it), ordered after the other
 * unnamed drugs.
 */
public final class CarTProductNotNamed {
    private CarTProductNotNamed() { }

    /** The catalogue entry the policy cites. */
    public static final String POLICY = "CDS-POLICY-CART2-PROCEDURE";

    public static final Drug DRUG = Drug.catalogued("CAR_T_PRODUCT_NOT_NAMED", "CAR-T cells, product not named",
            DrugClass.OTHER, Integer.MAX_VALUE - 6);

    public static boolean is(Drug drug) { return DRUG.equals(drug); }
}
