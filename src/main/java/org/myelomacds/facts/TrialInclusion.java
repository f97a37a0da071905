package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * A regimen's pivotal trial whose inclusion criteria the patient meets (rules/eligibility/*-TRIAL-*: prior lines,
 * drug history, setting, age). It is not yet the trial-population outcome: the population is one outcome per regimen,
 * decided in rules/rank/trial-population.drl from this inclusion together with every exclusion of the same regimen's
 * trial (other trial-population criteria, trial-exclusion flags). Only when nothing fails or is undecided does the
 * {@link #getMet() met} criterion ("Matches the … population") reach the rationale; otherwise the same criterion id is
 * stated FAILED or UNKNOWN, so the rationale never says "matches" beside an exclusion.
 */
public final class TrialInclusion implements HasProvenance {
    private final String regimen;
    private final String criterion;
    private final String trial;
    private final String inclusion;
    private final CriterionResult met;

    /**
     * {@code trial}: the trial's display name (ICARIA-MM); {@code inclusion}: the inclusion criteria met, in words
     * ("1 to 3 prior lines, carfilzomib-naive"); {@code met}: the criterion stated when the population is MET, with
     * the inclusion rule's id, evidence and provenance.
     */
    public TrialInclusion(String regimen, String criterion, String trial, String inclusion, CriterionResult met) {
        this.regimen = Objects.requireNonNull(regimen, "regimen");
        this.criterion = Objects.requireNonNull(criterion, "criterion");
        this.trial = Objects.requireNonNull(trial, "trial");
        this.inclusion = Objects.requireNonNull(inclusion, "inclusion");
        this.met = Objects.requireNonNull(met, "met");
        if (met.getOutcome() != CriterionOutcome.MET || met.getKind() != CriterionKind.TRIAL_POPULATION
                || !met.getRegimen().equals(regimen) || !met.getCriterion().equals(criterion)) {
            throw new IllegalArgumentException("a trial inclusion carries the MET trial-population criterion of its own regimen and id");
        }
    }

    public String getRegimen() { return regimen; }
    public String getCriterion() { return criterion; }
    public String getTrial() { return trial; }
    public String getInclusion() { return inclusion; }
    public CriterionResult getMet() { return met; }
    public RuleRef getRule() { return met.getRule(); }
    @Override public List<Provenance> getProvenance() { return met.getProvenance(); }

    @Override public boolean equals(Object o) {
        return o instanceof TrialInclusion t && regimen.equals(t.regimen) && criterion.equals(t.criterion)
                && trial.equals(t.trial) && inclusion.equals(t.inclusion) && met.equals(t.met);
    }
    @Override public int hashCode() { return Objects.hash(regimen, criterion, trial, inclusion, met); }
}
