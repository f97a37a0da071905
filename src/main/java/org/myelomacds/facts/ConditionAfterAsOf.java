package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * A myeloma or other plasma-cell diagnosis the bundle holds but a replay leaves out because it is dated after the
 * evaluation date (its onset or recordedDate, fhir.AsOfCut). No decision reads it as a diagnosis; the setting names it so
 * the text says the diagnosis is dated after asOf rather than "no diagnosis found" (sweep B R11).
 */
public final class ConditionAfterAsOf implements HasProvenance {
    private final ClinicalCondition condition;

    public ConditionAfterAsOf(ClinicalCondition condition) { this.condition = Objects.requireNonNull(condition, "condition"); }

    public ClinicalCondition getCondition() { return condition; }
    public ConditionKind getKind() { return condition.getKind(); }

    /** "Condition/mm-1, onset 2019-01-28, recorded 2019-02-04". */
    public String describe() {
        String recorded = condition.getRecordedText();
        return Provenances.references(condition) + (condition.getOnset() == null ? "" : ", onset " + condition.getOnsetText())
                + (recorded.isEmpty() ? "" : ", recorded " + recorded);
    }

    @Override public List<Provenance> getProvenance() { return condition.getProvenance(); }
}
