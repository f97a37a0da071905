package org.myelomacds.facts;

/** Administrative sex as recorded (FHIR Patient.gender); Cockcroft-Gault needs MALE or FEMALE. */
public enum Sex { MALE, FEMALE, OTHER, UNKNOWN }
