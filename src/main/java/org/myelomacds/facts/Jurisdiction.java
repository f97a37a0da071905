package org.myelomacds.facts;

/** Whose product labels decide "on label": US FDA or EU EMA. */
public enum Jurisdiction { US, EU }
