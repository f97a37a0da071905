package org.myelomacds.facts;

/**
 * Why the end of a medication record that gives one (or the means to one) could not be read. Such a record keeps its
 * start and has an unknown end, bounded as CDS-POLICY-UNKNOWN-END bounds it (the day before the next line started,
 * else asOf), and the data gap THERAPY_END_UNKNOWN names it with this reason: it is never a course of one day.
 */
public enum EndUnreadable {
    /**
     * A period whose end lies surely before its start (MedicationStatement and MedicationAdministration
     * effectivePeriod, a request's dosage boundsPeriod or dispense validityPeriod, a chemotherapy Procedure's
     * performedPeriod): a data error, most often a mistyped year (CDS-POLICY-PERIOD-END-BEFORE-START).
     */
    PERIOD_ENDS_BEFORE_START,
    /**
     * A dispense handed over with no daysSupply and no dosage its quantity can be divided by
     * (CDS-POLICY-DISPENSE-SUPPLY-FROM-DOSAGE): the drug was taken from the hand-over to some day after it.
     */
    SUPPLY_NOT_STATED
}
