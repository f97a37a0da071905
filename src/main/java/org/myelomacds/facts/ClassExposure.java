package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * Whether the patient was exposed to a drug class (rules/derive/drug-classes.drl, DERIVE-CLASS-01..03): EXPOSED when a
 * drug of the class was given (its drugs in catalogue order), NOT_EXPOSED when the record is complete enough to say none
 * was, UNKNOWN when the history may hide one (a transplant without its induction, therapy the engine cannot name,
 * relapsed myeloma with no therapy recorded). {@code historyIncomplete} on an exposed class says that more drugs of the
 * class may have been given than the record shows. Dates are not kept: the per-drug exposures carry them (and may not
 * have any).
 */
public final class ClassExposure implements HasProvenance {
    public enum Status { EXPOSED, NOT_EXPOSED, UNKNOWN }

    private final DrugClass drugClass;
    private final Status status;
    private final List<Drug> drugs;
    private final boolean historyIncomplete;
    private final String text;
    private final RuleRef rule;
    private final List<Provenance> provenance;
    private final List<DrugHistoryGap> possiblyGiven;

    public ClassExposure(DrugClass drugClass, Status status, List<Drug> drugs, boolean historyIncomplete, String text,
                         RuleRef rule, List<Provenance> provenance) {
        this(drugClass, status, drugs, historyIncomplete, text, rule, provenance, List.of());
    }

    /**
     * {@code possiblyGiven}: on an UNKNOWN class, the blinded study products of a drug of the class that leave it so
     * (DrugHistoryGap.Kind.BLINDED_STUDY_DRUG, DERIVE-CLASS-15): the drug may have been given, so the report says so
     * with the last record instead of "no exposure recorded" (QA sweep L7).
     */
    public ClassExposure(DrugClass drugClass, Status status, List<Drug> drugs, boolean historyIncomplete, String text,
                         RuleRef rule, List<Provenance> provenance, List<DrugHistoryGap> possiblyGiven) {
        this.drugClass = Objects.requireNonNull(drugClass, "drugClass");
        this.status = Objects.requireNonNull(status, "status");
        this.drugs = drugs.stream().distinct().sorted().toList();
        this.historyIncomplete = historyIncomplete;
        this.text = Objects.requireNonNull(text, "text");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.provenance = List.copyOf(provenance);
        this.possiblyGiven = List.copyOf(possiblyGiven);
    }

    /** The drugs of the exposures, distinct, in catalogue order. */
    public static List<Drug> drugsOf(java.util.Collection<?> exposures) {
        return exposures.stream().filter(o -> o instanceof DrugExposure).map(o -> ((DrugExposure) o).getDrug())
                .distinct().sorted().toList();
    }

    public DrugClass getDrugClass() { return drugClass; }
    public Status getStatus() { return status; }
    public boolean isExposed() { return status == Status.EXPOSED; }
    public boolean isUnknown() { return status == Status.UNKNOWN; }
    public List<Drug> getDrugs() { return drugs; }
    public int getDrugCount() { return drugs.size(); }
    public boolean isHistoryIncomplete() { return historyIncomplete; }
    public String getText() { return text; }
    public RuleRef getRule() { return rule; }
    @Override public List<Provenance> getProvenance() { return provenance; }
    public List<DrugHistoryGap> getPossiblyGiven() { return possiblyGiven; }

    @Override public boolean equals(Object o) {
        return o instanceof ClassExposure c && drugClass == c.drugClass && status == c.status && drugs.equals(c.drugs)
                && historyIncomplete == c.historyIncomplete && text.equals(c.text) && rule.equals(c.rule);
    }
    @Override public int hashCode() { return Objects.hash(drugClass, status, drugs, text); }
}
