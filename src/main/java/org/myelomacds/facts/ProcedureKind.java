package org.myelomacds.facts;

/**
 * Procedures the rules read (§9.2): stem-cell transplants by kind, dialysis, and the surgery that ends childbearing
 * potential (read only by the CONTRACEPTION flag, CDS-POLICY-CHILDBEARING-POTENTIAL).
 */
public enum ProcedureKind {
    AUTOLOGOUS_STEM_CELL_TRANSPLANT("autologous stem-cell transplant"),
    ALLOGENEIC_STEM_CELL_TRANSPLANT("allogeneic stem-cell transplant"),
    /** A stem-cell transplant whose record does not say whether it was autologous or allogeneic. */
    STEM_CELL_TRANSPLANT("stem-cell transplant (autologous or allogeneic not recorded)"),
    DIALYSIS("dialysis"),
    /** Removal of the uterus (rules/terminology/procedure-sterilising-surgery.json): not of childbearing potential. */
    STERILISING_SURGERY("sterilising surgery (hysterectomy)"),
    /**
     * The patient's T cells collected to make CAR-T cells (rules/terminology/procedure-car-t-collection.json): no
     * therapy, but it states the plan, so therapy started after it that a CAR-T infusion follows is bridging to that
     * CAR-T (derive/LineOfTherapyDeriver, CDS-POLICY-CART-COLLECTION).
     */
    CAR_T_CELL_COLLECTION("T-cell collection for CAR-T manufacture");

    private final String displayName;

    ProcedureKind(String displayName) { this.displayName = displayName; }

    public String displayName() { return displayName; }

    /** A stem-cell transplant of any kind: the procedures the timeline of therapy places. */
    public boolean isStemCellTransplant() {
        return this == AUTOLOGOUS_STEM_CELL_TRANSPLANT || this == ALLOGENEIC_STEM_CELL_TRANSPLANT || this == STEM_CELL_TRANSPLANT;
    }

    /** The kind in one word as findings print it: AUTOLOGOUS, ALLOGENEIC or UNKNOWN (null for what is not a transplant). */
    public String transplantKind() {
        return switch (this) {
            case AUTOLOGOUS_STEM_CELL_TRANSPLANT -> "AUTOLOGOUS";
            case ALLOGENEIC_STEM_CELL_TRANSPLANT -> "ALLOGENEIC";
            case STEM_CELL_TRANSPLANT -> "UNKNOWN";
            case DIALYSIS, STERILISING_SURGERY, CAR_T_CELL_COLLECTION -> null;
        };
    }
}
