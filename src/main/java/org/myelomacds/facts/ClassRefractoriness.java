package org.myelomacds.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Refractoriness to a drug class the patient was exposed to (rules/derive/drug-classes.drl, DERIVE-CLASS-04..06):
 * REFRACTORY when the disease is refractory to at least one drug of the class (each with the progression, and the line
 * when the line decided it); UNKNOWN when none is refractory but the refractoriness of one of its drugs is undecided (a
 * partial date, an unknown end, an unreadable assessment, an incomplete history); NOT_REFRACTORY only when every drug of
 * the class is decided not refractory. A drug whose refractoriness is unknown leaves the class unknown unless another
 * drug of the class is refractory; {@code undecided} lists those drugs either way (it matters for counts of drugs, as in
 * "penta-refractory").
 */
public final class ClassRefractoriness implements HasProvenance {
    public enum Status { REFRACTORY, NOT_REFRACTORY, UNKNOWN }

    private final DrugClass drugClass;
    private final Status status;
    private final List<Refractoriness> refractory;
    private final List<Drug> undecided;
    private final boolean historyIncomplete;
    private final String text;
    private final RuleRef rule;
    private final List<Provenance> provenance;

    public ClassRefractoriness(DrugClass drugClass, Status status, List<Refractoriness> refractory, List<Drug> undecided,
                               boolean historyIncomplete, String text, RuleRef rule, List<Provenance> provenance) {
        this.drugClass = Objects.requireNonNull(drugClass, "drugClass");
        this.status = Objects.requireNonNull(status, "status");
        // one entry per drug: the earliest progression that made it refractory
        List<Refractoriness> byDrug = new ArrayList<>();
        refractory.stream().sorted(java.util.Comparator.comparing(Refractoriness::getDrug)
                        .thenComparing(Refractoriness::getProgressionDate, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .forEach(r -> { if (byDrug.stream().noneMatch(b -> b.getDrug().equals(r.getDrug()))) byDrug.add(r); });
        this.refractory = List.copyOf(byDrug);
        this.undecided = undecided.stream().distinct().sorted().toList();
        this.historyIncomplete = historyIncomplete;
        this.text = Objects.requireNonNull(text, "text");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.provenance = List.copyOf(provenance);
    }

    /**
     * The exposed drugs of a class whose refractoriness is undecided: not refractory, and named by a history gap or left
     * open by a gap about the whole history ({@code wholeHistoryOpen}). Set arithmetic only; the rules decide what follows.
     */
    public static List<Drug> undecidedDrugs(Collection<?> exposures, Collection<?> refractory, Collection<?> gaps,
                                            boolean wholeHistoryOpen) {
        TreeSet<Drug> refractoryDrugs = new TreeSet<>();
        for (Object o : refractory) if (o instanceof Refractoriness r) refractoryDrugs.add(r.getDrug());
        TreeSet<Drug> gapDrugs = new TreeSet<>();
        for (Object o : gaps) if (o instanceof DrugHistoryGap g && g.getDrug() != null) gapDrugs.add(g.getDrug());
        TreeSet<Drug> out = new TreeSet<>();
        for (Drug d : ClassExposure.drugsOf(exposures)) {
            if (!refractoryDrugs.contains(d) && (wholeHistoryOpen || gapDrugs.contains(d))) out.add(d);
        }
        // a blinded study product of the class (CDS-POLICY-BLINDED-STUDY-DRUG) is no exposure, but may have been the drug
        for (Object o : gaps) {
            if (o instanceof DrugHistoryGap g && g.getKind() == DrugHistoryGap.Kind.BLINDED_STUDY_DRUG
                    && !refractoryDrugs.contains(g.getDrug())) out.add(g.getDrug());
        }
        return List.copyOf(out);
    }

    public DrugClass getDrugClass() { return drugClass; }
    public Status getStatus() { return status; }
    public boolean isRefractory() { return status == Status.REFRACTORY; }
    /** One per drug, in catalogue order. */
    public List<Refractoriness> getRefractory() { return refractory; }
    public List<Drug> getRefractoryDrugs() { return refractory.stream().map(Refractoriness::getDrug).toList(); }
    public int getRefractoryCount() { return refractory.size(); }
    public List<Drug> getUndecided() { return undecided; }
    public int getUndecidedCount() { return undecided.size(); }
    /** Drugs of the class may have been given that the record does not show (a gap about the whole history). */
    public boolean isHistoryIncomplete() { return historyIncomplete; }
    public String getText() { return text; }
    public RuleRef getRule() { return rule; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    @Override public boolean equals(Object o) {
        return o instanceof ClassRefractoriness c && drugClass == c.drugClass && status == c.status
                && refractory.equals(c.refractory) && undecided.equals(c.undecided) && historyIncomplete == c.historyIncomplete
                && text.equals(c.text) && rule.equals(c.rule);
    }
    @Override public int hashCode() { return Objects.hash(drugClass, status, undecided, text); }
}
