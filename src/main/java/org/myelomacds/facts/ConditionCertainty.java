package org.myelomacds.facts;

/**
 * How sure the record is of a diagnosis, from Condition.verificationStatus. Refuted and entered-in-error conditions
 * never become facts at all; a POSSIBLE one (provisional, differential, unconfirmed) is shown to the reviewer and
 * named as a data gap, but no flag, exclusion or score rests on it (rules see it as {@link PossibleCondition}).
 */
public enum ConditionCertainty {
    /** verificationStatus confirmed, or absent: a diagnosis on the problem list is taken as stated. */
    CONFIRMED,
    /** verificationStatus provisional, differential or unconfirmed. */
    POSSIBLE
}
