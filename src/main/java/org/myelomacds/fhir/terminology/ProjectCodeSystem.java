package org.myelomacds.fhir.terminology;

/**
 * The project's own CodeSystem for concepts without a standard code (ARCHITECTURE.md §4; documented in the README).
 * Status tag for all codes here: [P] project-defined.
 */
public final class ProjectCodeSystem {
    private ProjectCodeSystem() { }

    public static final String SYSTEM = "https://myeloma-cds.org/fhir/CodeSystem/cds";

    /** [P] clinician's transplant-eligibility statement; valueBoolean, true = eligible. */
    public static final String TRANSPLANT_ELIGIBILITY = "transplant-eligibility";
    /** [P] M-protein isotype as text ("IgG kappa"); no verified standard LOINC for the isotype itself. */
    public static final String M_PROTEIN_ISOTYPE = "m-protein-isotype";
    /** [P] FISH results, one code per abnormality (§9.3: no standard LOINC per abnormality). */
    public static final String DEL_17P = "del17p";
    /** [P] */ public static final String T_4_14 = "t4-14";
    /** [P] */ public static final String T_14_16 = "t14-16";
    /** [P] */ public static final String T_14_20 = "t14-20";
    /** [P] */ public static final String GAIN_1Q = "gain1q";

    public static boolean isSystem(String system) { return CodeSystems.same(system, SYSTEM); }
}
