package org.myelomacds.facts;

/** Which FHIR resource type a medication record came from. */
public enum MedicationSource { STATEMENT, ADMINISTRATION, REQUEST, DISPENSE }
