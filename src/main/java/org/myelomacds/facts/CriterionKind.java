package org.myelomacds.facts;

/**
 * What a criterion decides. INDICATION and CONTRAINDICATION come from the product label of the chosen jurisdiction
 * and can make a regimen NOT_ELIGIBLE; TRIAL_POPULATION says whether the patient resembles the pivotal trial's
 * population (evidence strength, never exclusion on its own); EVIDENCE_ONLY records trial evidence where no label
 * exists (OFF_LABEL_EVIDENCE).
 */
public enum CriterionKind { INDICATION, CONTRAINDICATION, TRIAL_POPULATION, EVIDENCE_ONLY }
