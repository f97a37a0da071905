package org.myelomacds.engine;

import org.kie.api.runtime.rule.RuleContext;
import org.myelomacds.facts.CriterionKind;
import org.myelomacds.facts.CriterionOutcome;
import org.myelomacds.facts.CriterionResult;
import org.myelomacds.facts.DataGap;
import org.myelomacds.facts.FlagSeverity;
import org.myelomacds.facts.HasProvenance;
import org.myelomacds.facts.MeasurementKind;
import org.myelomacds.facts.Proposal;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.RaisedFlag;
import org.myelomacds.facts.RuleRef;
import org.myelomacds.facts.ScoreComponent;
import org.myelomacds.facts.EvidenceStrength;

import org.myelomacds.evidence.LabelIndication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What DRL consequences call to state a result: {@code insertLogical(Outputs.criterion(kcontext, …))}.
 * The rule id and the evidence come from the firing rule itself (its name and @evidence), and the provenance from
 * the facts it matched, so the citation printed is always the one the rule declared.
 */
public final class Outputs {
    private Outputs() {}

    /**
     * Evidence discipline: a rule declaring @verification(M) or (T) encodes an unverified fact. It may argue for or
     * against (INFO flags, score components) but never exclude a regimen on its own; trying to is a rulebase defect and
     * stops the evaluation rather than printing a confident answer on unverified ground. An unverified trial-population
     * exclusion leaves the population UNKNOWN (no trial credit), never FAILED.
     */
    public static CriterionResult criterion(RuleContext ctx, String regimen, String criterion, CriterionKind kind,
                                            CriterionOutcome outcome, String text) {
        String verification = RuleMetadata.verificationOf(ctx.getRule());
        boolean unverified = RuleMetadata.isUnverified(verification);
        if (unverified && outcome == CriterionOutcome.FAILED
                && (kind == CriterionKind.INDICATION || kind == CriterionKind.CONTRAINDICATION)) {
            throw new EvaluationException("rule " + ruleRef(ctx).getRuleId() + " is @verification(" + verification
                    + ") but tries to make " + regimen + " not eligible; unverified facts may only inform, never exclude");
        }
        // An unverified trial exclusion cannot show that the patient is outside the trial: the trial may or may not have
        // excluded them, so the population is undecided (UNKNOWN), and the wording says the exclusion is unverified.
        CriterionOutcome stated = unverified && outcome == CriterionOutcome.FAILED && kind == CriterionKind.TRIAL_POPULATION
                ? CriterionOutcome.UNKNOWN : outcome;
        String said = unverified ? marked(text, verification) : text;
        List<String> labels = RuleMetadata.labelsOf(ctx.getRule());
        if (kind == CriterionKind.INDICATION && stated == CriterionOutcome.MET && !labels.isEmpty()) {
            return onLabelOnAsOf(ctx, regimen, criterion, said, labels);
        }
        return new CriterionResult(regimen, criterion, kind, stated, said, ruleRef(ctx), provenance(ctx));
    }

    /**
     * A label criterion the patient meets, checked against the labels in force on the evaluation date: MET when one of
     * the indications the rule rests on (@indication) was in force; when none had been approved yet (or all had ended),
     * FAILED, saying when it was approved and citing the approval. An indication whose date the evidence compendium
     * does not give is assumed in force, and the criterion says so when it is the only one that makes the regimen on label.
     */
    private static CriterionResult onLabelOnAsOf(RuleContext ctx, String regimen, String criterion, String text,
                                                 List<String> keys) {
        LabelsInForce calendar = labelsInForce(ctx);
        LocalDate asOf = calendar.getAsOf();
        List<LabelIndication> indications = calendar.find(keys);
        List<LabelIndication> dated = indications.stream()
                .filter(i -> i.statusOn(asOf) == LabelIndication.Status.IN_FORCE).toList();
        if (!dated.isEmpty()) {
            return new CriterionResult(regimen, criterion, CriterionKind.INDICATION, CriterionOutcome.MET, text,
                    ruleRef(ctx), provenance(ctx), dated.stream().map(LabelIndication::key).toList());
        }
        List<LabelIndication> assumed = indications.stream()
                .filter(i -> i.statusOn(asOf) == LabelIndication.Status.ASSUMED_IN_FORCE).toList();
        if (!assumed.isEmpty()) {
            return new CriterionResult(regimen, criterion, CriterionKind.INDICATION, CriterionOutcome.MET,
                    text + ". Label date: " + assumed.stream().map(i -> i.assumption(asOf)).collect(Collectors.joining("; ")),
                    ruleRef(ctx), provenance(ctx), assumed.stream().map(LabelIndication::key).toList());
        }
        List<String> evidence = new ArrayList<>(RuleMetadata.evidenceOf(ctx.getRule()));
        for (LabelIndication i : indications) {
            if (!evidence.contains(i.evidence().get(0))) evidence.add(i.evidence().get(0));
        }
        RuleRef rule = ruleRef(ctx);
        return new CriterionResult(regimen, criterion, CriterionKind.INDICATION, CriterionOutcome.FAILED,
                "Not on label on " + asOf + ": " + indications.stream().map(i -> i.whyNotInForce(asOf)).collect(Collectors.joining("; "))
                        + ". Under the later label: " + text,
                new RuleRef(rule.getRuleId(), rule.getRuleName(), evidence, rule.isUnverified()), provenance(ctx),
                indications.stream().map(LabelIndication::key).toList());
    }

    private static LabelsInForce labelsInForce(RuleContext ctx) {
        for (Object o : ctx.getKieRuntime().getObjects(o -> o instanceof LabelsInForce)) return (LabelsInForce) o;
        throw new EvaluationException("rule " + ruleRef(ctx).getRuleId() + " declares @indication, but the session holds no LabelsInForce fact");
    }

    /**
     * The label score of a regimen, citing the label its met indication criterion rests on (the regimen's own label in
     * this jurisdiction and route, with the approval), not the list the scoring rule declares for every regimen.
     */
    public static ScoreComponent labelScore(RuleContext ctx, CriterionResult indication, int points) {
        RuleRef rule = ruleRef(ctx);
        List<String> evidence = new ArrayList<>(indication.getRule().getEvidence());
        String label = "On label in the chosen jurisdiction";
        if (!indication.getLabels().isEmpty()) {
            LabelsInForce calendar = labelsInForce(ctx);
            List<LabelIndication> used = calendar.find(indication.getLabels());
            for (LabelIndication i : used) if (!evidence.contains(i.evidence().get(0))) evidence.add(i.evidence().get(0));
            label = "On label in the " + used.get(0).jurisdiction() + ": " + used.stream()
                    .map(i -> i.product() + (i.effective() != null ? " since " + i.effective().describe() : " (approval date not in the evidence compendium)"))
                    .collect(Collectors.joining("; "));
        }
        return new ScoreComponent(indication.getRegimen(), label, points,
                new RuleRef(rule.getRuleId(), rule.getRuleName(), evidence, rule.isUnverified()));
    }

    /**
     * The inclusion criteria of a regimen's pivotal trial that the patient meets, for {@code insertLogical} in an
     * eligibility rule: not yet the population outcome. rules/rank/trial-population.drl states the one outcome under
     * the same criterion id: the MET criterion built here ("Matches the {trial} population ({inclusion}): {results}",
     * with this rule's id, evidence and provenance) only when nothing else about the trial fails or is undecided,
     * otherwise FAILED or UNKNOWN ({@link #trialPopulationOutside}), so the rationale never says "matches" beside an
     * exclusion of the same trial.
     */
    public static org.myelomacds.facts.TrialInclusion trialInclusion(RuleContext ctx, String regimen, String criterion,
                                                                       String trial, String inclusion, String results) {
        CriterionResult met = criterion(ctx, regimen, criterion, CriterionKind.TRIAL_POPULATION, CriterionOutcome.MET,
                "Matches the " + trial + " population (" + inclusion + "): " + results);
        return new org.myelomacds.facts.TrialInclusion(regimen, criterion, trial, inclusion, met);
    }

    /**
     * The one trial-population outcome of a regimen whose trial inclusion criteria are met but whose trial excluded the
     * patient (FAILED) or may have (UNKNOWN): the inclusion's criterion id, a text naming what decided it, and the
     * evidence of both the deciding rule and the inclusion rule (the trial it is about).
     */
    public static CriterionResult trialPopulationOutside(RuleContext ctx, org.myelomacds.facts.TrialInclusion inclusion,
                                                         CriterionOutcome outcome, String reasons) {
        if (outcome == CriterionOutcome.MET) throw new IllegalArgumentException("a population outside the trial is FAILED or UNKNOWN");
        String text = outcome == CriterionOutcome.FAILED
                ? "Outside the " + inclusion.getTrial() + " population (" + reasons + "), although the inclusion criteria read here are met ("
                        + inclusion.getInclusion() + "): its trial results do not apply to this patient"
                : inclusion.getTrial() + " population undecided (" + reasons + "): the inclusion criteria read here are met ("
                        + inclusion.getInclusion() + "), but the patient may fall under an exclusion of the trial (a datum the record"
                        + " does not hold, or an exclusion the evidence compendium has not verified), so its trial results are"
                        + " not credited until that is settled";
        RuleRef rule = ruleRef(ctx);
        List<String> evidence = new ArrayList<>(rule.getEvidence());
        for (String e : inclusion.getRule().getEvidence()) if (!evidence.contains(e)) evidence.add(e);
        TreeSet<Provenance> facts = new TreeSet<>(provenance(ctx));
        facts.addAll(inclusion.getProvenance());
        return new CriterionResult(inclusion.getRegimen(), inclusion.getCriterion(), CriterionKind.TRIAL_POPULATION, outcome,
                text, new RuleRef(rule.getRuleId(), rule.getRuleName(), evidence, rule.isUnverified(), rule.getConcept()),
                List.copyOf(facts));
    }

    /**
     * A label criterion that fails because the record lacks something in the drug history (no prior lenalidomide, no
     * PI, not refractory): FAILED on a complete history; UNKNOWN when {@code gaps} (the DrugHistoryGap facts that bear
     * on it, DERIVE-HISTORY-01, DERIVE-REFRACTORY-04) say the history is incomplete, because what the record does
     * not hold may still have happened. The text says which gap.
     */
    public static CriterionResult failedUnlessHistoryIncomplete(RuleContext ctx, String regimen, String criterion,
                                                                java.util.Collection<?> gaps, String text) {
        List<String> incomplete = gaps.stream().filter(g -> g instanceof org.myelomacds.facts.DrugHistoryGap)
                .map(g -> ((org.myelomacds.facts.DrugHistoryGap) g).getText()).sorted().distinct().toList();
        if (incomplete.isEmpty()) return criterion(ctx, regimen, criterion, CriterionKind.INDICATION, CriterionOutcome.FAILED, text);
        return criterion(ctx, regimen, criterion, CriterionKind.INDICATION, CriterionOutcome.UNKNOWN,
                "The drug history is incomplete (" + String.join("; ", incomplete) + "), so this cannot be decided from"
                        + " what the record holds: " + text);
    }

    /** A flag that only informs: nothing to order, test, premedicate, adjust or discuss. */
    public static RaisedFlag flag(RuleContext ctx, String code, FlagSeverity severity, String text, String... regimens) {
        return raise(ctx, code, severity, text, null, regimens);
    }

    public static RaisedFlag flag(RuleContext ctx, String code, FlagSeverity severity, String text, List<String> regimens) {
        return raise(ctx, code, severity, text, null, regimens.toArray(String[]::new));
    }

    /**
     * A flag that calls for something to be done: {@code text} states the finding and its evidence, {@code action}
     * (from {@link #action}) says in one imperative sentence what to do before or around dosing. The action restates
     * what the text and the rule's evidence say; it never adds a recommendation of its own.
     */
    public static RaisedFlag flag(RuleContext ctx, String code, FlagSeverity severity, String text, Action action,
                                  String... regimens) {
        return raise(ctx, code, severity, text, action, regimens);
    }

    public static RaisedFlag flag(RuleContext ctx, String code, FlagSeverity severity, String text, Action action,
                                  List<String> regimens) {
        return raise(ctx, code, severity, text, action, regimens.toArray(String[]::new));
    }

    /** What a flag asks to be done, as the rule author writes it: {@code Outputs.action("Send ... before the first dose")}. */
    public static Action action(String text) { return new Action(text); }

    /**
     * A laboratory test a flag's action proposes to order: {@code Outputs.action("Send ...").proposing(Outputs.test(
     * MeasurementKind.ANTIBODY_SCREEN, "antibody screen"))}. The flag carries it; front ends turn it into a draft order.
     */
    public static Proposal test(MeasurementKind measurement, String name) { return Proposal.test(measurement, name); }

    /**
     * A day on which what a flag says changes, for {@code RaisedFlag.changingOn}: the rule computes it from its own
     * thresholds (e.g. the last dose plus the days of a washout band), so no renderer recomputes a clinical date.
     * {@code atTheLatest}: the day counts from the latest possible date of an imprecise record.
     */
    public static org.myelomacds.facts.Milestone milestone(java.time.LocalDate on, boolean atTheLatest, String what) {
        return new org.myelomacds.facts.Milestone(on, atTheLatest, what);
    }

    /**
     * The action argument of {@link #flag}: a type of its own, so it is never taken for a regimen id. Its proposals are
     * the concrete orders the action implies, declared by the rule so no renderer has to guess them from a rule id.
     */
    public record Action(String text, List<Proposal> proposals) {
        public Action {
            if (text == null || text.isBlank()) throw new IllegalArgumentException("an action needs a text; leave the action out instead");
            proposals = List.copyOf(proposals);
        }

        public Action(String text) { this(text, List.of()); }

        /** The same action, proposing these orders as well. */
        public Action proposing(Proposal... more) {
            List<Proposal> all = new java.util.ArrayList<>(proposals);
            for (Proposal p : more) if (!all.contains(p)) all.add(p);
            return new Action(text, all);
        }
    }

    private static RaisedFlag raise(RuleContext ctx, String code, FlagSeverity severity, String text, Action action,
                                    String... regimens) {
        String verification = RuleMetadata.verificationOf(ctx.getRule());
        List<Proposal> proposals = action == null ? List.of() : action.proposals();
        if (RuleMetadata.isUnverified(verification)) {
            // Unverified facts may raise INFO flags only, so they never turn a regimen into ELIGIBLE_WITH_CAUTIONS;
            // the action carries the same marking, since it may be read without the text.
            return new RaisedFlag(code, FlagSeverity.INFO, marked(text, verification),
                    action == null ? null : marked(action.text(), verification), proposals, sorted(regimens), ruleRef(ctx), provenance(ctx));
        }
        return new RaisedFlag(code, severity, text, action == null ? null : action.text(), proposals, sorted(regimens),
                ruleRef(ctx), provenance(ctx));
    }

    /**
     * How many of a regimen's trial-population criteria are met and how many are not (failed or undecided): the
     * tie-break after the strength of evidence.
     */
    public static org.myelomacds.facts.TrialCriteriaCount trialCriteria(RuleContext ctx, String regimen, int met, int notMet) {
        return new org.myelomacds.facts.TrialCriteriaCount(regimen, met, notMet, ruleRef(ctx));
    }

    /** The strength of a regimen's trial evidence for this patient: the first tie-break between equal scores. */
    public static EvidenceStrength strength(RuleContext ctx, String regimen, int level, String text) {
        return new EvidenceStrength(regimen, level, text, ruleRef(ctx));
    }

    public static ScoreComponent score(RuleContext ctx, String regimen, String label, int points) {
        String verification = RuleMetadata.verificationOf(ctx.getRule());
        return new ScoreComponent(regimen, RuleMetadata.isUnverified(verification) ? marked(label, verification) : label,
                points, ruleRef(ctx));
    }

    private static String marked(String text, String verification) {
        return text + " (unverified: tagged [" + verification.toUpperCase(java.util.Locale.ROOT) + "] in the evidence compendium; verify before relying on it)";
    }

    public static DataGap gap(RuleContext ctx, String code, String text, String... wouldAffect) {
        return new DataGap(code, text, sorted(wouldAffect), ruleRef(ctx));
    }

    public static DataGap gap(RuleContext ctx, String code, String text, List<String> wouldAffect) {
        return gap(ctx, code, text, wouldAffect.toArray(String[]::new));
    }

    /** The ids of collected RegimenCandidate facts, for flags and gaps that apply to a family of regimens. */
    public static List<String> idsOf(java.util.Collection<?> candidates) {
        return candidates.stream().filter(c -> c instanceof org.myelomacds.facts.RegimenCandidate)
                .map(c -> ((org.myelomacds.facts.RegimenCandidate) c).getId()).sorted().distinct().toList();
    }

    static RuleRef ruleRef(RuleContext ctx) {
        String name = ctx.getRule().getName();
        return new RuleRef(RuleLocation.idOf(name), name, RuleMetadata.evidenceOf(ctx.getRule()),
                RuleMetadata.isUnverified(RuleMetadata.verificationOf(ctx.getRule())), RuleMetadata.conceptOf(ctx.getRule()));
    }

    static List<Provenance> provenance(RuleContext ctx) {
        TreeSet<Provenance> specific = new TreeSet<>();
        TreeSet<Provenance> summary = new TreeSet<>();
        for (Object o : ctx.getMatch().getObjects()) {
            // A "from collect" binding is matched as its list: the records it gathered are what the rule read.
            Iterable<?> items = o instanceof java.util.Collection<?> c ? c : List.of(o);
            for (Object item : items) {
                if (item instanceof HasProvenance p) (p.isSummary() ? summary : specific).addAll(p.getProvenance());
            }
        }
        return List.copyOf(specific.isEmpty() ? summary : specific);
    }

    private static List<String> sorted(String... ids) {
        return Arrays.stream(ids).distinct().sorted().toList();
    }
}
