package org.myelomacds.derive;

import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.TherapyReason;

/**
 * Whether a record of a drug with no use in myeloma may be the regimen companion of another cancer's chemotherapy, by
 * its own stated reasons (CDS-POLICY-NO-MYELOMA-USE-REGIMEN). Rituximab given for an immune thrombocytopenia or a
 * rheumatoid arthritis its record names is that condition's therapy; it says nothing of a prostate cancer on active
 * surveillance, and does not make a bendamustine-dexamethasone salvage begun the same day that cancer's regimen
 * (Sweep Q, U6; Sweep O, O2: rituximab for an autoimmune haemolytic anaemia beside the Kd dexamethasone).
 */
final class CompanionReason {
    private CompanionReason() {}

    /**
     * True when the companion states no reason at all, or when one of its reasons names {@code cancer}: a reference to that Condition, or a code the
     * terminology reads as another cancer (codes are not compared with the Condition's own, so a coded cancer reason is
     * taken to be the cancer on record). Any other stated reason (a non-cancer disease, another cancer's Condition, or a
     * code the engine does not classify) makes it no companion of {@code cancer}. An encounter code ("Encounter for
     * antineoplastic chemotherapy", ICD-10-CM Z51.11) names the visit, not a condition: the reader leaves it out
     * (reason-names-no-condition, CDS-POLICY-REASON-ENCOUNTER-CODE), so it reaches here as no reason (sweep s19 X3).
     */
    static boolean mayBeTherapyOf(MedicationRecord companion, ClinicalCondition cancer) {
        boolean namesCancer = companion.getReasons().stream().anyMatch(t -> namesCancer(t, cancer));
        // Any other stated reason, read or not, says the companion was given for something the record names: a code
        // the engine does not classify (ITP as ICD-10-CM D69.3) is no licence to read it as that cancer's (sweep s19 W1, W8).
        return namesCancer || companion.getReasons().isEmpty();
    }

    private static boolean namesCancer(TherapyReason t, ClinicalCondition cancer) {
        if (t.referenced()) return t.reference() != null && t.reference().equals(cancer.sourceReference());
        return t.kind() == ConditionKind.OTHER_MALIGNANCY;
    }
}
