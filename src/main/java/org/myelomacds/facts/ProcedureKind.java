package org.myelomacds.facts;

/** Procedures the rules read (§9.2): stem-cell transplants and dialysis. */
public enum ProcedureKind { AUTOLOGOUS_STEM_CELL_TRANSPLANT, ALLOGENEIC_STEM_CELL_TRANSPLANT, STEM_CELL_TRANSPLANT, DIALYSIS }
