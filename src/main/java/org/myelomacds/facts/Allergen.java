package org.myelomacds.facts;

/** Hypersensitivities that contraindicate an anti-CD38 product (isatuximab, daratumumab, the SC co-formulant). */
public enum Allergen { ISATUXIMAB, DARATUMUMAB, HYALURONIDASE }
