package org.myelomacds.facts;

/** Procedures the rules read (§9.2): stem-cell transplants by kind, and dialysis. */
public enum ProcedureKind {
    AUTOLOGOUS_STEM_CELL_TRANSPLANT("autologous stem-cell transplant"),
    ALLOGENEIC_STEM_CELL_TRANSPLANT("allogeneic stem-cell transplant"),
    /** A stem-cell transplant whose record does not say whether it was autologous or allogeneic. */
    STEM_CELL_TRANSPLANT("stem-cell transplant (autologous or allogeneic not recorded)"),
    DIALYSIS("dialysis");

    private final String displayName;

    ProcedureKind(String displayName) { this.displayName = displayName; }

    public String displayName() { return displayName; }

    /** The kind in one word as findings print it: AUTOLOGOUS, ALLOGENEIC or UNKNOWN (null for dialysis). */
    public String transplantKind() {
        return switch (this) {
            case AUTOLOGOUS_STEM_CELL_TRANSPLANT -> "AUTOLOGOUS";
            case ALLOGENEIC_STEM_CELL_TRANSPLANT -> "ALLOGENEIC";
            case STEM_CELL_TRANSPLANT -> "UNKNOWN";
            case DIALYSIS -> null;
        };
    }
}
