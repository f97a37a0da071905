package org.myelomacds.engine;

import org.kie.api.runtime.KieSession;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DataGapItem;
import org.myelomacds.assessment.EvidenceRef;
import org.myelomacds.assessment.FactRef;
import org.myelomacds.assessment.Findings;
import org.myelomacds.assessment.Flag;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.ScoreLine;
import org.myelomacds.assessment.LabelVersion;
import org.myelomacds.assessment.Statement;
import org.myelomacds.evidence.LabelIndication;
import org.myelomacds.assessment.TraceEntry;
import org.myelomacds.evidence.EvidenceEntry;
import org.myelomacds.evidence.RegimenDefinition;
import org.myelomacds.facts.AllergyRecord;
import org.myelomacds.facts.AntiCd38Washout;
import org.myelomacds.facts.ClassExposure;
import org.myelomacds.facts.ClassLabel;
import org.myelomacds.facts.ClassRefractoriness;
import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.CriterionKind;
import org.myelomacds.facts.CriterionOutcome;
import org.myelomacds.facts.CriterionResult;
import org.myelomacds.facts.CurrentResult;
import org.myelomacds.facts.DataGap;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.EvidenceStrength;
import org.myelomacds.facts.DrugHistoryGap;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.HasProvenance;
import org.myelomacds.facts.Measurement;
import org.myelomacds.facts.OtherTherapy;
import org.myelomacds.facts.PartialDateText;
import org.myelomacds.facts.RelapseSignal;
import org.myelomacds.facts.RelapseStatus;
import org.myelomacds.facts.MeasurementKind;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Quote;
import org.myelomacds.facts.RaisedFlag;
import org.myelomacds.facts.Refractoriness;
import org.myelomacds.facts.RenalFunction;
import org.myelomacds.facts.ScoreComponent;
import org.myelomacds.facts.SettingDetermination;
import org.myelomacds.facts.TherapyHistory;
import org.myelomacds.facts.TransplantEligibility;
import org.myelomacds.facts.WashoutBand;
import org.myelomacds.facts.UnreadableInput;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the facts a session produced and builds the Assessment. It makes no clinical decision of its own beyond the
 * status order of {@link RegimenStatusResolver} and sorting; every line it prints comes from a rule's output.
 * Lists whose order carries no meaning are sorted, so the same input gives the same bytes.
 */
final class AssessmentAssembler {
    private static List<Findings.Band> washoutBands(AntiCd38Washout w) {
        int intermediate = Math.toIntExact(w.getIntermediateFromDays());
        int adequate = Math.toIntExact(w.getAdequateFromDays());
        return List.of(new Findings.Band(WashoutBand.SHORT.name(), 0, intermediate),
                new Findings.Band(WashoutBand.INTERMEDIATE.name(), intermediate, adequate),
                new Findings.Band(WashoutBand.ADEQUATE.name(), adequate, null));
    }

    private static final Comparator<CriterionResult> CRITERION_ORDER = Comparator
            .comparing((CriterionResult c) -> c.getKind().ordinal())
            .thenComparing(c -> c.getRule().getRuleId())
            .thenComparing(CriterionResult::getCriterion)
            .thenComparing(CriterionResult::getText);
    private static final Comparator<RaisedFlag> FLAG_ORDER = Comparator
            .comparing((RaisedFlag f) -> -f.getSeverity().ordinal())
            .thenComparing(RaisedFlag::getCode)
            .thenComparing(RaisedFlag::getText)
            .thenComparing(f -> String.join(",", f.getRegimens()));
    private static final Set<ConditionKind> PULMONARY = EnumSet.of(ConditionKind.COPD, ConditionKind.ASTHMA);

    private final Rulebase rulebase;
    private final PatientRecord record;
    private final EvaluationContext context;
    private final List<DrugExposure> exposures;
    private final List<PriorLine> lines;
    private final List<Measurement> measurements;

    AssessmentAssembler(Rulebase rulebase, PatientRecord record, EvaluationContext context, List<DrugExposure> exposures,
                        List<PriorLine> lines, List<Measurement> measurements) {
        this.rulebase = rulebase;
        this.record = record;
        this.context = context;
        this.exposures = exposures;
        this.lines = lines;
        this.measurements = measurements;
    }

    Assessment assemble(KieSession session, List<TraceEntry> trace) {
        List<CriterionResult> criteria = facts(session, CriterionResult.class);
        List<RaisedFlag> flags = merged(facts(session, RaisedFlag.class));
        flags.sort(FLAG_ORDER);
        List<ScoreComponent> scores = facts(session, ScoreComponent.class);
        TreeSet<String> cited = new TreeSet<>();

        List<Recommendation> unranked = new ArrayList<>();
        List<NotRecommended> notRecommended = new ArrayList<>();
        for (RegimenDefinition regimen : rulebase.regimens().regimens().values()) {
            List<CriterionResult> own = criteria.stream().filter(c -> c.getRegimen().equals(regimen.id()))
                    .sorted(CRITERION_ORDER).toList();
            List<RaisedFlag> ownFlags = flags.stream().filter(f -> f.appliesTo(regimen.id())).toList();
            RegimenStatus status = own.isEmpty() ? RegimenStatus.INSUFFICIENT_DATA : RegimenStatusResolver.resolve(own, ownFlags);
            List<Flag> printedFlags = ownFlags.stream().map(this::flag).toList();
            if (status.isRecommended()) {
                List<ScoreComponent> ownScores = scores.stream().filter(s -> s.getRegimen().equals(regimen.id()))
                        .sorted(Comparator.comparing((ScoreComponent s) -> -s.getPoints())
                                .thenComparing(s -> s.getRule().getRuleId()).thenComparing(ScoreComponent::getLabel))
                        .toList();
                List<ScoreLine> lines = ownScores.stream().map(s -> new ScoreLine(s.getLabel(), s.getPoints(),
                        s.getRule().getRuleId(), s.getRule().getEvidence(), concept(s.getRule()))).toList();
                List<Statement> rationale = own.stream().map(this::statement).toList();
                TreeSet<String> evidence = new TreeSet<>();
                rationale.forEach(s -> evidence.addAll(s.evidence()));
                lines.forEach(s -> evidence.addAll(s.evidence()));
                printedFlags.forEach(f -> evidence.addAll(f.evidence()));
                cited.addAll(evidence);
                int score = ownScores.stream().mapToInt(ScoreComponent::getPoints).sum();
                unranked.add(new Recommendation(0, regimen.id(), regimen.name(), status.name(), score, lines, rationale,
                        printedFlags, List.copyOf(evidence)));
            } else {
                List<CriterionResult> shown = status == RegimenStatus.NOT_ELIGIBLE
                        ? RegimenStatusResolver.excludingFirst(own) : own;
                List<Statement> reasons = own.isEmpty() ? List.of(notCovered(regimen)) : shown.stream()
                        .filter(c -> c.getOutcome() != CriterionOutcome.MET && c.getKind() != CriterionKind.EVIDENCE_ONLY)
                        .map(this::statement).toList();
                reasons.forEach(r -> cited.addAll(r.evidence()));
                printedFlags.forEach(f -> cited.addAll(f.evidence()));
                notRecommended.add(new NotRecommended(regimen.id(), regimen.name(), status.name(), reasons, printedFlags));
            }
        }
        // Equal scores are ordered by the strength of the trial evidence for this patient (rules/rank/tie-break.drl), then
        // by the trial-population criteria met (more first) and not met (fewer first), then by regimen id; each tied
        // regimen prints the tie-break as a 0-point line with its own keys, so the order stays recomputable.
        Map<String, EvidenceStrength> strength = new HashMap<>();
        for (EvidenceStrength s : facts(session, EvidenceStrength.class)) {
            strength.merge(s.getRegimen(), s, (a, b) -> a.getLevel() >= b.getLevel() ? a : b);
        }
        Map<String, org.myelomacds.facts.TrialCriteriaCount> trialCriteria = new HashMap<>();
        for (org.myelomacds.facts.TrialCriteriaCount c : facts(session, org.myelomacds.facts.TrialCriteriaCount.class)) {
            trialCriteria.put(c.getRegimen(), c);
        }
        java.util.function.ToIntFunction<Recommendation> level = r -> strength.containsKey(r.regimen())
                ? strength.get(r.regimen()).getLevel() : 0;
        java.util.function.ToIntFunction<Recommendation> met = r -> trialCriteria.containsKey(r.regimen())
                ? trialCriteria.get(r.regimen()).getMet() : 0;
        java.util.function.ToIntFunction<Recommendation> notMet = r -> trialCriteria.containsKey(r.regimen())
                ? trialCriteria.get(r.regimen()).getNotMet() : 0;
        unranked.sort(Comparator.comparing((Recommendation r) -> -r.score()).thenComparing(r -> -level.applyAsInt(r))
                .thenComparing(r -> -met.applyAsInt(r)).thenComparing(r -> notMet.applyAsInt(r))
                .thenComparing(Recommendation::regimen));
        List<Recommendation> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Recommendation r = unranked.get(i);
            List<String> tiedWith = unranked.stream().filter(o -> o != r && o.score() == r.score())
                    .map(Recommendation::regimen).toList();
            List<ScoreLine> lines = r.scoreComponents();
            TreeSet<String> evidence = new TreeSet<>(r.evidence());
            EvidenceStrength s = strength.get(r.regimen());
            if (!tiedWith.isEmpty() && s != null) {
                org.myelomacds.facts.TrialCriteriaCount c = trialCriteria.get(r.regimen());
                lines = new ArrayList<>(lines);
                lines.add(new ScoreLine("Tie-break (score " + r.score() + ", tied with " + String.join(", ", tiedWith)
                        + "): evidence strength " + s.getLevel() + " of 3, " + s.getText() + "; trial-population criteria "
                        + (c == null ? "none evaluated" : c.getMet() + " met, " + c.getNotMet() + " failed or undecided")
                        + "; ties are ordered by evidence strength, then more criteria met, then fewer failed or undecided,"
                        + " then regimen id", 0, s.getRule().getRuleId(), s.getRule().getEvidence(), null));
                lines = List.copyOf(lines);
                evidence.addAll(s.getRule().getEvidence());
                cited.addAll(s.getRule().getEvidence());
                if (c != null) {
                    evidence.addAll(c.getRule().getEvidence());
                    cited.addAll(c.getRule().getEvidence());
                }
            }
            ranked.add(new Recommendation(i + 1, r.regimen(), r.name(), r.status(), r.score(), lines,
                    r.rationale(), r.flags(), List.copyOf(evidence)));
        }
        notRecommended.sort(Comparator.comparing(NotRecommended::regimen));

        List<Flag> printedFlags = flags.stream().map(this::flag).toList();
        printedFlags.forEach(f -> cited.addAll(f.evidence()));
        List<DataGapItem> gaps = facts(session, DataGap.class).stream()
                .sorted(Comparator.comparing(DataGap::getCode).thenComparing(DataGap::getText))
                .map(g -> new DataGapItem(g.getCode(), g.getText(), g.getWouldAffect(),
                        g.getRule() == null ? null : g.getRule().getRuleId(),
                        g.getRule() == null ? List.of() : g.getRule().getEvidence()))
                .toList();
        gaps.forEach(g -> cited.addAll(g.evidence()));
        // A withdrawn firing's conclusions are gone from the result, so its citations would support nothing shown.
        trace.stream().filter(TraceEntry::inEffect).forEach(t -> cited.addAll(t.evidence()));

        List<SettingDetermination> settings = facts(session, SettingDetermination.class);
        String setting = settings.size() == 1 ? settings.get(0).getSetting().name() : "UNKNOWN";

        LabelVersion labels = labelVersion(criteria);
        labels.applied().forEach(i -> cited.addAll(i.evidence()));
        // each refractoriness cites the rule that decided it, so its sources join the evidence table
        Findings findings = findings(session, settings, flags);
        findings.refractoriness().stream().filter(i -> i.evidence() != null).forEach(i -> cited.addAll(i.evidence()));
        // and a drug judged by its own last dose inside a line that went on cites the policy that judged it
        findings.exposures().stream().filter(e -> e.stopEvident() != null).forEach(e -> cited.addAll(e.stopEvidentSources()));
        Integer age = record.patient().getAge();
        return new Assessment(
                new Assessment.PatientSummary(record.patient().getId(), age, record.patient().getSex().name(),
                        record.patient().isAgeImprecise() ? record.patient().getAgeYoungest() : null,
                        record.patient().isAgeImprecise() ? age : null),
                context.getAsOf().toString(), context.getJurisdiction().name(),
                new Assessment.RulebaseInfo(rulebase.version(), rulebase.sha256(), rulebase.mode().name()),
                labels, setting, findings, ranked, notRecommended, printedFlags, gaps,
                evidence(cited), trace, Assessment.DISCLAIMER);
    }

    /**
     * The labels applied: the indications the label criteria rested on, as they stood on asOf, and a sentence naming
     * each one assumed in force because the evidence compendium gives no date for it (or only its month).
     */
    private LabelVersion labelVersion(List<CriterionResult> criteria) {
        java.time.LocalDate asOf = context.getAsOf();
        Map<String, LabelIndication> all = rulebase.regimens().indications();
        TreeSet<String> used = new TreeSet<>();
        criteria.forEach(c -> used.addAll(c.getLabels()));
        List<LabelVersion.Indication> applied = new ArrayList<>();
        List<String> assumed = new ArrayList<>();
        for (LabelIndication i : all.values()) {
            if (!used.contains(i.key())) continue;
            LabelIndication.Status status = i.statusOn(asOf);
            applied.add(new LabelVersion.Indication(i.regimen(), i.id(), i.product(), i.route(), i.population(),
                    i.effective() == null ? null : i.effective().text(), i.ended() == null ? null : i.ended().toString(),
                    status.name(), i.dates(), i.evidence()));
            if (status == LabelIndication.Status.ASSUMED_IN_FORCE) assumed.add(i.assumption(asOf));
        }
        return new LabelVersion("labels in force on " + asOf + " (" + context.getJurisdiction().name() + ")",
                "rules/regimens.yaml label indications, dated from clinical-evidence.md §2.3", applied, assumed);
    }

    /**
     * A regimen no eligibility rule evaluated: said plainly rather than reported as not eligible. The citation is the
     * regimen's label in this jurisdiction, from rules/regimens.yaml.
     */
    private Statement notCovered(RegimenDefinition regimen) {
        List<String> label = regimen.labelEvidence().getOrDefault(context.getJurisdiction().name(), List.of());
        return new Statement("rulebase-coverage", CriterionKind.INDICATION.name(), CriterionOutcome.UNKNOWN.name(),
                "No eligibility rule in rulebase " + rulebase.version() + " evaluated " + regimen.name()
                        + " for this patient's setting; its status is not determined by this rulebase",
                "ENGINE-NOT-COVERED", label, List.of());
    }

    /**
     * One flag per rule, code, text and regimens: a rule that matched several facts saying the same thing (a dialysis
     * Condition and two dialysis Procedures) prints once, with all those facts as its provenance.
     */
    static List<RaisedFlag> merged(List<RaisedFlag> flags) {
        java.util.Map<String, RaisedFlag> byKey = new java.util.TreeMap<>();
        for (RaisedFlag f : flags) {
            String key = f.getRule().getRuleName() + "\u0000" + f.getCode() + "\u0000" + f.getSeverity() + "\u0000"
                    + f.getText() + "\u0000" + f.getAction() + "\u0000" + String.join(",", f.getRegimens())
                    + "\u0000" + f.getProposals() + "\u0000" + f.getMilestones();
            RaisedFlag existing = byKey.get(key);
            if (existing == null) {
                byKey.put(key, f);
            } else {
                TreeSet<Provenance> all = new TreeSet<>(existing.getProvenance());
                all.addAll(f.getProvenance());
                byKey.put(key, f.withProvenance(List.copyOf(all)));
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** The concept the scoring rule declares (a subgroup match), which the report finds its lines by. */
    private static org.myelomacds.assessment.DerivedConcept concept(org.myelomacds.facts.RuleRef rule) {
        return org.myelomacds.assessment.DerivedConcept.named(rule.getConcept()).orElse(null);
    }

    private Statement statement(CriterionResult c) {
        return new Statement(c.getCriterion(), c.getKind().name(), c.getOutcome().name(), c.getText(),
                c.getRule().getRuleId(), c.getRule().getEvidence(), refs(c.getProvenance()));
    }

    private Flag flag(RaisedFlag f) {
        return new Flag(f.getCode(), f.getSeverity().name(), f.getText(), f.getAction(), f.getRule().getRuleId(),
                f.getRule().getEvidence(), f.getRegimens(), refs(f.getProvenance()),
                f.getProposals().stream().map(p -> new Flag.ProposedOrder(p.kind().name().toLowerCase(java.util.Locale.ROOT),
                        p.concept(), p.name())).toList(),
                f.getMilestones().stream().map(m -> new Flag.Milestone(m.on().toString(), m.atTheLatest(), m.what(),
                        m.ifStudyArmActive() == null ? null : m.ifStudyArmActive().toString())).toList());
    }

    private Map<String, EvidenceRef> evidence(Collection<String> ids) {
        Map<String, EvidenceRef> out = new TreeMap<>();
        for (String id : ids) {
            EvidenceEntry e = rulebase.evidence().find(id)
                    .orElseThrow(() -> new IllegalStateException("evidence id " + id + " is not in rules/evidence.yaml"));
            out.put(id, new EvidenceRef(e.title(), e.citation(), e.doi(), e.pmid(), e.url(), e.verification(),
                    e.kind(), e.trial(), e.population(), e.comparator(), e.pfsHr(), e.summarySection()));
        }
        return out;
    }

    /** The records that are not lines of myeloma therapy, one entry per course, with the rule that decided; null when none. */
    private List<Findings.OtherTherapy> otherTherapy(KieSession session) {
        return OtherTherapyFindings.of(facts(session, OtherTherapy.class), record.unrecognised(), context.getAsOf());
    }

    private Findings findings(KieSession session, List<SettingDetermination> settings, List<RaisedFlag> flags) {
        Findings.Item setting = settings.size() == 1
                ? new Findings.Item("SETTING", settings.get(0).getSetting().name(), settings.get(0).getExplanation(),
                refs(settings.get(0).getProvenance()))
                : null;
        List<Findings.Item> diagnoses = new ArrayList<>();
        List<Findings.Item> pulmonary = new ArrayList<>();
        List<Findings.Item> other = new ArrayList<>();
        for (ClinicalCondition c : record.conditions()) {
            String text = (c.getDisplay() == null ? c.getKind().name() : c.getDisplay())
                    + (c.getSeverity().name().equals("UNSPECIFIED") ? "" : ", " + c.getSeverity().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    + (c.getStage() == null ? "" : ", stage/grade " + c.getStage())
                    + (c.isActive() ? "" : " (" + c.statusNote() + ")")
                    + (c.isPossible() ? " (possible: verification status " + c.getVerificationStatus() + "; not acted on)" : "")
                    + (c.getOnset() == null ? "" : ", since " + c.getOnsetText());
            Findings.Item item = new Findings.Item(c.getKind().name(), c.getCode(), text, refs(c.getProvenance()));
            if (c.getKind().isMultipleMyeloma() || c.getKind().isPrecursorOrOtherPlasmaCellDisorder()) diagnoses.add(item);
            else if (PULMONARY.contains(c.getKind())) pulmonary.add(item);
            else other.add(item);
        }
        List<CurrentResult> current = facts(session, CurrentResult.class);
        current.sort(Comparator.comparing((CurrentResult r) -> r.getKind().ordinal()));
        List<Findings.Item> labs = new ArrayList<>();
        for (CurrentResult r : current) {
            Findings.Item item = new Findings.Item(r.getKind().name(), r.isChoiceUndecided() ? null
                    : r.getValue() != null ? Quote.number(r.getValue()) : r.getTextValue(),
                    // a month or year date is an interval: its age is a range, from its last possible day to its first
                    r.describe() + " (" + (r.getMeasurement().isDateImprecise() ? r.getMinAgeDays() + " to " : "")
                            + r.getAgeDays() + " days before " + context.getAsOf() + ")"
                            // a choice a partial date leaves open (DERIVE-CURRENT-02) is shown as such, never as the value
                            + (r.isChoiceUndecided() ? ", " + r.getStalenessText() : ""),
                    refs(r.getProvenance(), r.getRivals()));
            if (r.getKind() == MeasurementKind.FEV1 || r.getKind() == MeasurementKind.FEV1_PERCENT_PREDICTED) pulmonary.add(item);
            else if (r.getKind() != MeasurementKind.EGFR && r.getKind() != MeasurementKind.CREATININE_CLEARANCE) labs.add(item);
        }

        List<TransplantEligibility> te = facts(session, TransplantEligibility.class);
        Findings.Item transplant = te.size() == 1
                ? new Findings.Item("TRANSPLANT_ELIGIBILITY", te.get(0).getStatus().name() + " (" + te.get(0).getBasis() + ")",
                te.get(0).getExplanation(), refs(te.get(0).getProvenance()))
                : null;

        List<Refractoriness> refractory = facts(session, Refractoriness.class);
        refractory.sort(Comparator.comparing((Refractoriness r) -> r.getDrug()));
        Set<String> refractoryDrugs = new TreeSet<>();
        refractory.forEach(r -> refractoryDrugs.add(r.getDrug().name()));
        // each with the rule that decided it: the drug's own course (DERIVE-REFRACTORY-01) or its line (-03)
        List<Findings.Item> refractoriness = refractory.stream().map(r -> new Findings.Item(r.getDrug().name(),
                r.getProgression().getDateText(), r.describe(), refs(r.getProvenance()),
                r.getRule() == null ? null : r.getRule().getRuleId(),
                r.getRule() == null ? null : r.getRule().getEvidence())).toList();
        // A drug whose records stopped while its line went on says why its own last dose judges it
        // (CDS-POLICY-LINEREFR-STOP-EVIDENT), on the exposure as on the line.
        // Working memory hands facts back in no fixed order: courses are joined by date, so the same record always reads
        // the same.
        Map<String, String> stopEvident = new TreeMap<>();
        facts(session, org.myelomacds.facts.DosingPeriod.class).stream()
                .filter(d -> d.getStopEvidentText() != null)
                .sorted(Comparator.comparing(org.myelomacds.facts.DosingPeriod::getStopEvidentFrom)
                        .thenComparing(org.myelomacds.facts.DosingPeriod::getStart)
                        .thenComparing(org.myelomacds.facts.DosingPeriod::getStopEvidentText))
                .forEach(d -> stopEvident.merge(d.getDrug().name(), d.getStopEvidentText(), (a, b) -> a + "; " + b));

        // A drug named by a history gap (partial date, unknown end) has an undecided refractoriness; a gap without a
        // drug (a transplant with no recorded induction) leaves every drug's undecided.
        List<DrugHistoryGap> historyGaps = facts(session, DrugHistoryGap.class);
        // No dated disease-status assessment at all (GAP-REFRACTORY-01) leaves every drug's refractoriness undecided too.
        boolean wholeHistoryOpen = historyGaps.stream().anyMatch(g -> g.getDrug() == null)
                || record.diseaseStatuses().stream().noneMatch(DiseaseStatus::isDated);
        Set<String> undecidedDrugs = new TreeSet<>();
        historyGaps.stream().filter(g -> g.getDrug() != null).forEach(g -> undecidedDrugs.add(g.getDrug().name()));
        List<Findings.Exposure> exposureItems = exposures.stream().map(e -> {
            boolean refractoryKnown = refractoryDrugs.contains(e.getDrug().name());
            boolean undecided = !refractoryKnown && e.getDrugClass() != DrugClass.CORTICOSTEROID
                    && (wholeHistoryOpen || undecidedDrugs.contains(e.getDrug().name()));
            // an old open corticosteroid order read as given on its date only: its exposure says what its line says
            // (CDS-POLICY-ORDERS3-STEROID-OPEN-ORDER), the end unknown up to asOf, not a bare one-day course
            String steroidNote = e.isDated() && !e.isOngoing() ? org.myelomacds.derive.SteroidOpenOrders.exposureNote(
                    e.getDrug(), e.getLastDose(), record.medications(), context.getAsOf()) : null;
            String unknownLastDose = !e.isDated() ? null : e.getUnknownLastDose() != null ? e.getUnknownLastDose()
                    : steroidNote != null ? "an unknown day by " + context.getAsOf() : null;
            // an undated exposure has no days to print (DrugExposure#isDated): null, flagged undated
            return new Findings.Exposure(e.getDrug().name(), e.getDrugClass().name(),
                    e.isDated() ? e.getFirstDose().toString() : null, e.isDated() ? e.getLastDose().toString() : null,
                    e.isOngoing(), e.isIntolerant(), refractoryKnown,
                    e.getRoutes().stream().map(Enum::name).toList(), refs(e.getProvenance()), undecided, !e.isDated(),
                    e.isDated() && e.isLastDoseImprecise()
                            ? org.myelomacds.facts.PartialDateText.of(e.getLastDoseEarliest(), e.getLastDose()) : null,
                    unknownLastDose, steroidNote, stopEvident.get(e.getDrug().name()));
        }).toList();

        List<TherapyHistory> histories = facts(session, TherapyHistory.class);
        // What the timeline read but could not place (undated records), and why the lines may be other than counted.
        org.myelomacds.derive.TherapyPurpose.Split purpose = org.myelomacds.derive.TherapyPurpose.split(
                record.medications(), record.procedures(), record.conditions(), context.getAsOf());
        List<Findings.Item> unplaced = org.myelomacds.derive.LineOfTherapyDeriver.unplaced(purpose.myeloma(),
                purpose.procedures(), record.diseaseStatuses()).stream()
                .map(u -> new Findings.Item(u.kind(), u.what(), u.what() + ": " + u.why(),
                        List.of(new FactRef(u.reference(), null)))).toList();
        List<org.myelomacds.facts.LineCountUncertain> undecided = facts(session, org.myelomacds.facts.LineCountUncertain.class);
        // The first line still being given is on the timeline but is not a prior line (DERIVE-SETTING-20): the count
        // leaves it out and names it, so no report reads "1 prior line" beside a newly diagnosed setting.
        List<org.myelomacds.facts.FirstLineUnderWay> underWay = facts(session, org.myelomacds.facts.FirstLineUnderWay.class);
        Findings.FirstLine firstLine = underWay.isEmpty() ? null : new Findings.FirstLine(
                underWay.get(0).getLine().getNumber(), underWay.get(0).getLine().getStartText(), underWay.get(0).describe(),
                // recovering from the line's closing transplant, nothing given since: DERIVE-SETTING-26 placed it
                underWay.get(0).isRecoveringFromTransplant() ? "DERIVE-SETTING-26" : "DERIVE-SETTING-20");
        List<org.myelomacds.facts.BlindedProduct> blindedProducts = facts(session, org.myelomacds.facts.BlindedProduct.class);
        List<org.myelomacds.facts.DosingPeriod> courses = facts(session, org.myelomacds.facts.DosingPeriod.class);
        Findings.PriorTherapy prior = new Findings.PriorTherapy(lines.size() - (firstLine == null ? 0 : 1),
                !histories.isEmpty() && histories.get(0).isRecorded(),
                lines.stream().map(l -> new Findings.Line(l.getNumber(), l.getStart().toString(), l.getShownEnd().toString(),
                        l.getDrugs().stream().map(Drug::name).toList(), l.isIncludesTransplant(), l.isOngoing(),
                        // a line the undecided count turns on says so, with the other reading (sweep s11 P1, P2)
                        LineNotes.reason(l, lines, undecided.isEmpty() ? null : undecided.get(0), record.medications()),
                        refs(l.getProvenance()), l.getOpenedBy().name(), l.getOpenedBy().rule(),
                        l.getTransplants().stream().map(k -> k.transplantKind()).toList(),
                        l.getStartLatest().equals(l.getStart()) ? null : l.getStartText(),
                        // the shown end: its steroid's last dose when given on after its other drugs (FINDINGS J7)
                        l.isOngoing() || (l.getShownEndEarliest().equals(l.getShownEnd()) && !l.isEndUnknown()) ? null
                                : l.getEndText(),
                        l.isEndUnknown() ? Boolean.TRUE : null,
                        l.isEndUnknown() ? l.getEndLatest().toString() : null,
                        BlindedLineDrugs.of(l, blindedProducts, record.medications()),
                        cycleChartedLastDoseLatest(l, courses))).toList(),
                otherTherapy(session), unplaced.isEmpty() ? null : unplaced,
                undecided.isEmpty() ? null : undecided.get(0).describe(),
                undecided.isEmpty() || undecided.get(0).getMin() == undecided.get(0).getMax() ? null : undecided.get(0).getMin(),
                undecided.isEmpty() || undecided.get(0).getMin() == undecided.get(0).getMax() ? null : undecided.get(0).getMax(),
                firstLine);

        List<AntiCd38Washout> washouts = facts(session, AntiCd38Washout.class);
        Findings.Washout washout = washouts.size() == 1
                ? new Findings.Washout(washouts.get(0).getDrug().name(), washouts.get(0).getLastExposure().getLastDose().toString(),
                washouts.get(0).getDays(), washouts.get(0).getBand().name(), washouts.get(0).describe(),
                refs(washouts.get(0).getProvenance()),
                washoutBands(washouts.get(0)))
                : null;

        List<RenalFunction> renalCurrent = facts(session, RenalFunction.class);
        List<Findings.Renal> renal = new ArrayList<>();
        for (RenalFunction r : renalCurrent) {
            renal.add(new Findings.Renal(r.getMetric().name(), r.getValue(), r.getMetric().getUnit(), r.getMethod(),
                    r.getResult().getMeasurement().getDateText(), r.getAgeDays(), r.getCategory() == null ? null : r.getCategory().name(), r.isStale(), r.isComputed(), true,
                    r.describe(), refs(r.getProvenance()), r.getResult().getMeasurement().getComparator()));
        }
        // Earlier results are listed too, so a reader (and the report's trend chart) sees the course, not just the last value.
        for (Measurement m : measurements) {
            if ((m.getKind() == MeasurementKind.EGFR || m.getKind() == MeasurementKind.CREATININE_CLEARANCE)
                    && m.getValue() != null && m.getEffective() != null
                    && renalCurrent.stream().noneMatch(r -> r.getResult().getMeasurement() == m)) {
                renal.add(new Findings.Renal(m.getKind() == MeasurementKind.EGFR ? "EGFR" : "CRCL", m.getValue(), m.getUnit(),
                        m.getMethod(), m.getDateText(), context.daysSince(m.getEffectiveDay()), null, false,
                        m.isDerived(), false, Quote.measurement(m), refs(m.getProvenance()), m.getComparator()));
            }
        }
        renal.sort(Comparator.comparing(Findings.Renal::metric).thenComparing(Findings.Renal::date)
                .thenComparing(Findings.Renal::method, Comparator.nullsFirst(Comparator.naturalOrder())));

        List<Findings.Item> allergies = new ArrayList<>();
        for (AllergyRecord a : record.allergies()) {
            allergies.add(new Findings.Item(a.getSubstance().name(), a.getCriticality(),
                    "Hypersensitivity to " + a.getSubstance().name().toLowerCase(java.util.Locale.ROOT)
                            + (a.getCriticality() == null ? "" : " (criticality " + a.getCriticality() + ")")
                            + (a.isActive() ? "" : " (inactive)"), refs(a.getProvenance())));
        }
        List<String> unreadable = record.unreadable().stream().map(UnreadableInput::describe).toList();
        // Recorded assessments, and the progressions the rules derived from a confirmed M-protein rise (relapse.drl),
        // so the timeline marks every progression the decisions rest on.
        List<DiseaseStatus> assessed = new ArrayList<>(record.diseaseStatuses());
        // a derived progression fed back to the timeline (Evaluator) is in the record already: listed once
        facts(session, DiseaseStatus.class).stream().filter(d -> d.isDerived() && !record.diseaseStatuses().contains(d))
                .forEach(assessed::add);
        List<Findings.StatusEvent> status = assessed.stream()
                .filter(d -> d.isDated() && !d.getDate().isAfter(context.getAsOf()))
                .sorted(Comparator.comparing(DiseaseStatus::getDate).thenComparing(d -> d.getTrend().name())
                        .thenComparing(d -> d.getDerivation() == null ? "" : d.getDerivation()))
                // a preliminary assessment is shown as such, never as a plain PROGRESSION the timeline would mark
                // (CDS-POLICY-DISEASE-STATUS); an unreadable answer stays OTHER and is listed in findings.unrecognised
                .map(d -> new Findings.StatusEvent(d.getDate().toString(),
                        (d.isPreliminary() ? "PRELIMINARY_" : "") + d.getTrend().name(), refs(d.getProvenance()),
                        d.getDerivation(), d.isDateImprecise() ? d.getDateText() : null))
                .toList();
        return new Findings(setting, diagnoses, transplant, prior, exposureItems, refractoriness, washout, renal,
                pulmonary, other, labs, allergies, unreadable.isEmpty() ? null : unreadable,
                record.skippedResources().isEmpty() ? null : record.skippedResources(), status, unrecognised(settings),
                relapse(session), DrugClassFindings.classes(facts(session, ClassExposure.class),
                        facts(session, ClassRefractoriness.class),
                        facts(session, org.myelomacds.facts.AntiCd38WashoutIfGiven.class)),
                DrugClassFindings.labels(facts(session, ClassLabel.class)));
    }

    /** The relapse reading of rules/derive/relapse.drl and its signals, dated ones in date order; null without one. */
    private Findings.Relapse relapse(KieSession session) {
        List<RelapseStatus> statuses = facts(session, RelapseStatus.class);
        if (statuses.size() != 1) return null;
        List<Findings.RelapseSignal> signals = facts(session, RelapseSignal.class).stream()
                .sorted(Comparator.comparing(RelapseSignal::getDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(RelapseSignal::getText))
                .map(s -> new Findings.RelapseSignal(s.getReading().name(), s.getSource().name(),
                        s.getDate() == null ? null : s.getDate().toString(), s.getText(), refs(s.getProvenance())))
                .toList();
        RelapseStatus r = statuses.get(0);
        return new Findings.Relapse(r.getState().name(), r.getExplanation(), refs(r.getProvenance()), signals);
    }

    /**
     * Codes in a category the engine reads that it did not recognise, for a reviewer: listed for a myeloma patient
     * (any setting but NOT_MULTIPLE_MYELOMA), sorted by reference and code; null when there are none.
     */
    private List<Findings.Item> unrecognised(List<SettingDetermination> settings) {
        // Antineoplastics the catalogue recognises as such (an ATC L01 code, a class name) but cannot name or classify:
        // given to a myeloma patient they may be a line the timeline does not count (GAP-THERAPY-10).
        // Therapy set apart as given for another condition is not listed: its reason is known (findings.otherTherapy).
        org.myelomacds.derive.TherapyPurpose.Split split = org.myelomacds.derive.TherapyPurpose.split(record.medications(),
                record.procedures(), record.conditions(), context.getAsOf());
        List<Findings.Item> unclassified = split.exposed().stream()
                .filter(m -> m.getDrugClass() == DrugClass.OTHER && !m.isPlanned())
                // An unidentified medication is listed once, with its codes, among the unrecognised entries below; so is an
                // unlisted drug read by its INN stem, with its name.
                .filter(m -> !org.myelomacds.facts.UnidentifiedMedication.is(m.getDrug()))
                .filter(m -> !org.myelomacds.facts.InnStemMedication.is(m.getDrug()))
                .filter(m -> !org.myelomacds.facts.UnlistedNamedMedication.is(m.getDrug()))
                .sorted(Comparator.comparing(m -> String.valueOf(m.sourceReference())))
                .map(m -> new Findings.Item("UNCLASSIFIED_ANTINEOPLASTIC", m.getDrug().displayName(),
                        m.sourceReference() + ": " + (org.myelomacds.facts.CarTProductNotNamed.is(m.getDrug())
                                ? "CAR-T cells recorded as a procedure, product not named"
                                : m.getSource() == org.myelomacds.facts.MedicationSource.PROCEDURE
                                ? "chemotherapy recorded as a procedure, no drug named" : m.getDrug().displayName())
                                + (m.getStart() == null ? ", undated"
                                : ", from " + PartialDateText.of(m.getStart(), m.getStartLatest()))
                                + ": an antineoplastic the engine cannot name or classify, so it is in no line and no"
                                + " exposure; review it (a drug to add to the catalogue in rules/terminology/, or a reason"
                                + " showing it was given for another condition?)", refs(m.getProvenance())))
                .toList();
        if (record.unrecognised().isEmpty() && unclassified.isEmpty()) return null;
        if (settings.size() == 1 && settings.get(0).getSetting() == org.myelomacds.facts.DiseaseSetting.NOT_MULTIPLE_MYELOMA) return null;
        List<Findings.Item> out = new ArrayList<>(unclassified);
        // Records read as the unidentified medication: their dates were read (policy CDS-POLICY-UNIDENTIFIED-MEDICATION).
        java.util.Set<String> unidentified = record.medications().stream()
                .filter(m -> org.myelomacds.facts.UnidentifiedMedication.is(m.getDrug()))
                .map(m -> String.valueOf(m.sourceReference())).collect(java.util.stream.Collectors.toSet());
        // Records read as an unlisted drug by the antineoplastic INN stem of their name (CDS-POLICY-NAMES-INN-STEM).
        // One set apart as given for another condition is not possible myeloma therapy: its reason is known.
        java.util.Set<String> innStemOther = split.other().stream().map(org.myelomacds.facts.OtherTherapy::getRecord)
                .filter(m -> org.myelomacds.facts.InnStemMedication.is(m.getDrug())
                        || org.myelomacds.facts.UnlistedNamedMedication.is(m.getDrug()))
                .map(m -> String.valueOf(m.sourceReference())).collect(java.util.stream.Collectors.toSet());
        // Records read as an unlisted drug by their dose per m² or their myeloma reason (CDS-POLICY-UNNAMED-BSA-DOSE,
        // CDS-POLICY-UNNAMED-MYELOMA-REASON): what the record says, by reference.
        java.util.Map<String, String> unlistedWhy = new java.util.HashMap<>();
        record.medications().stream().filter(m -> org.myelomacds.facts.UnlistedNamedMedication.is(m.getDrug()))
                .filter(m -> !innStemOther.contains(String.valueOf(m.sourceReference())))
                .forEach(m -> unlistedWhy.putIfAbsent(String.valueOf(m.sourceReference()),
                        org.myelomacds.facts.UnlistedNamedMedication.why(m.getDrug())));
        // Records read as an unlisted drug only because they were given by infusion or injection
        // (CDS-POLICY-UNNAMED2-PARENTERAL) that ended before the first myeloma or precursor diagnosis: left off the
        // timeline (derive/TherapyPurpose), listed here as such.
        java.util.Set<String> onTimeline = new java.util.HashSet<>();
        split.exposed().forEach(m -> onTimeline.add(String.valueOf(m.sourceReference())));
        split.other().stream().filter(o -> o.getRecord() != null)
                .forEach(o -> onTimeline.add(String.valueOf(o.getRecord().sourceReference())));
        java.util.Set<String> beforeDiagnosis = record.medications().stream()
                .filter(m -> org.myelomacds.facts.UnlistedNamedMedication.byRecordShape(m.getDrug()))
                .map(m -> String.valueOf(m.sourceReference())).filter(r -> !onTimeline.contains(r))
                .collect(java.util.stream.Collectors.toSet());
        // Those read so by a regimen's schedule or trial words (CDS-POLICY-ORAL-REGIMEN), not by infusion or injection.
        java.util.Set<String> byRegimenWords = record.medications().stream()
                .filter(m -> org.myelomacds.facts.UnlistedNamedMedication.TAKEN_AS_REGIMEN.equals(m.getDrug()))
                .map(m -> String.valueOf(m.sourceReference())).collect(java.util.stream.Collectors.toSet());
        // Those read so because their name names no drug at all (CDS-POLICY-RECORD-NAMES-NO-DRUG).
        java.util.Set<String> byNoDrugName = record.medications().stream()
                .filter(m -> org.myelomacds.facts.UnlistedNamedMedication.NAMES_NO_DRUG.equals(m.getDrug()))
                .map(m -> String.valueOf(m.sourceReference())).collect(java.util.stream.Collectors.toSet());
        // Records naming an antineoplastic with no use in myeloma: other therapy by what their name says.
        java.util.Set<String> noMyelomaUse = record.medications().stream()
                .filter(m -> org.myelomacds.facts.NoMyelomaUseMedication.is(m.getDrug()))
                .map(m -> String.valueOf(m.sourceReference())).collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> innStem = record.medications().stream()
                .filter(m -> org.myelomacds.facts.InnStemMedication.is(m.getDrug()))
                .map(m -> String.valueOf(m.sourceReference())).filter(r -> !innStemOther.contains(r))
                .collect(java.util.stream.Collectors.toSet());
        out.addAll(record.unrecognised().stream()
                .sorted(Comparator.comparing((org.myelomacds.facts.UnrecognisedCode u) -> String.valueOf(u.reference()))
                        .thenComparing(u -> String.valueOf(u.code())))
                .map(u -> new Findings.Item("UNRECOGNISED_CODE",
                        u.code() == null ? null : org.myelomacds.evidence.terminology.CodeSystems.displayName(u.system()) + " " + u.code(),
                        u.describe(org.myelomacds.evidence.terminology.CodeSystems.displayName(u.system()))
                                + (noMyelomaUse.contains(String.valueOf(u.reference()))
                                ? ": an antineoplastic with no use in myeloma (rules/terminology/medication-antineoplastic-no-myeloma-use.json),"
                                + " so other therapy: in no line and no exposure of any myeloma class (see"
                                + " findings.priorTherapy.otherTherapy; project policy CDS-POLICY-NO-MYELOMA-USE)"
                                : innStemOther.contains(String.valueOf(u.reference()))
                                ? ": a drug the catalogue does not list (its name carries a WHO INN stem of an antineoplastic class,"
                                + " or it is dosed per m² or given for the myeloma),"
                                + " given for another condition by its stated reason, so not myeloma therapy (see"
                                + " findings.priorTherapy.otherTherapy); review it (a drug to add to rules/terminology/?)"
                                : innStem.contains(String.valueOf(u.reference()))
                                ? ": a drug the catalogue does not list, but its name carries a WHO INN stem of an antineoplastic"
                                + " class, so it is read as possible anti-myeloma therapy of unknown class (dates only; see data gap"
                                + " THERAPY_UNCLASSIFIED when it lies in the treatment period, project policy CDS-POLICY-NAMES-INN-STEM);"
                                + " review it (a drug to add to rules/terminology/, or the reason it was given?)"
                                : beforeDiagnosis.contains(String.valueOf(u.reference()))
                                ? (byNoDrugName.contains(String.valueOf(u.reference()))
                                ? ": a record whose name names no drug (only dose-form, strength, route or schedule words), but"
                                + " taken and ended before the first myeloma (or precursor) diagnosis, so not myeloma therapy: in no"
                                + " line (project policy CDS-POLICY-RECORD-NAMES-NO-DRUG); review it (the drug it held?)"
                                : byRegimenWords.contains(String.valueOf(u.reference()))
                                ? ": a drug the catalogue does not list, taken on a regimen's schedule or as a trial product, but"
                                + " taken and ended before the first myeloma (or precursor) diagnosis, so not myeloma therapy: in no"
                                + " line (project policy CDS-POLICY-ORAL-REGIMEN); review it (a drug to add to rules/terminology/?)"
                                : ": a drug the catalogue does not list, given by infusion or injection, but given and ended before"
                                + " the first myeloma (or precursor) diagnosis, so not myeloma therapy: in no line (project policy"
                                + " CDS-POLICY-UNNAMED2-PARENTERAL); review it (a drug to add to rules/terminology/?)")
                                : unlistedWhy.containsKey(String.valueOf(u.reference()))
                                ? ": a drug the catalogue does not list, but " + unlistedWhy.get(String.valueOf(u.reference()))
                                + " and it is no supportive drug the catalogue lists, so it is read as possible anti-myeloma therapy"
                                + " of unknown class (dates only; see data gap THERAPY_UNCLASSIFIED when it lies in the treatment"
                                + " period); review it (a drug to add to rules/terminology/, or the reason it was given?)"
                                : unidentified.contains(String.valueOf(u.reference()))
                                ? ": not recognised by the engine's terminology and the record names no drug, so it is read as an"
                                + " unidentified medication (dates only; see data gap MEDICATION_UNIDENTIFIED when it lies in the"
                                + " treatment period); review it (a code to add to rules/terminology/?)"
                                : ": not recognised by the engine's terminology, so nothing was read from it; review it (a code to add to rules/terminology/?)"),
                        u.reference() == null ? List.of() : List.of(new FactRef(u.reference(), null))))
                .toList());
        return out;
    }

    static List<FactRef> refs(List<Provenance> provenance) {
        TreeSet<FactRef> out = new TreeSet<>();
        for (Provenance p : provenance) out.add(new FactRef(p.getReference(), p.getDateText()));
        return List.copyOf(out);
    }

    static List<FactRef> refs(HasProvenance f) { return refs(f.getProvenance()); }

    /** The references of a result and of the results that may be later than it (an undecided current choice). */
    private static List<FactRef> refs(List<Provenance> provenance, List<Measurement> rivals) {
        List<Provenance> all = new ArrayList<>(provenance);
        for (Measurement m : rivals) all.addAll(m.getProvenance());
        return refs(all);
    }

    /**
     * The latest day the last dose of a line charted once per cycle may have been taken, when later than the line's shown
     * end (FINDINGS O4): its courses' cycle ends (CDS-POLICY-CYCLE-CHARTED-ORAL), so the line table shows the end as the
     * interval the refractoriness rules read. Null for a line under way, one whose end is unknown (it has its own bound),
     * or one whose last charted dose is its end.
     */
    private static String cycleChartedLastDoseLatest(org.myelomacds.facts.PriorLine l,
                                                     List<org.myelomacds.facts.DosingPeriod> courses) {
        if (l.isOngoing() || l.isEndUnknown()) return null;
        java.time.LocalDate latest = null;
        for (org.myelomacds.facts.DosingPeriod c : courses) {
            if (c.getLine() != l.getNumber() || !c.isCycleCharted()) continue;
            if (latest == null || c.getCycleEndLatest().isAfter(latest)) latest = c.getCycleEndLatest();
        }
        return latest != null && latest.isAfter(l.getShownEnd()) ? latest.toString() : null;
    }

    private static <T> List<T> facts(KieSession session, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object o : session.getObjects(o -> type.isInstance(o))) out.add(type.cast(o));
        return out;
    }
}
