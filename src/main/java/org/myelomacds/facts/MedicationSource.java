package org.myelomacds.facts;

/**
 * Which FHIR resource type a medication record came from; PROCEDURE: a chemotherapy Procedure (fhir.ProcedureMapper),
 * which records that therapy was given, usually without naming the drug.
 */
public enum MedicationSource { STATEMENT, ADMINISTRATION, REQUEST, DISPENSE, PROCEDURE }
