package org.myelomacds.engine;

import org.kie.api.runtime.rule.RuleContext;
import org.myelomacds.facts.ClassExposure;
import org.myelomacds.facts.ClassLabel;
import org.myelomacds.facts.ClassRefractoriness;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.DrugClasses;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DrugHistoryGap;
import org.myelomacds.facts.Provenances;
import org.myelomacds.facts.Refractoriness;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What rules/derive/drug-classes.drl calls to state a class exposure, a class refractoriness or a composite label:
 * the words, the firing rule (id and @evidence) and the provenance of the facts it matched, as {@link Outputs} does for
 * criteria. Decisions stay in the rules; this only writes them down.
 */
public final class DrugClassOutputs {
    private DrugClassOutputs() {}

    public static ClassExposure exposed(RuleContext ctx, DrugClass c, Collection<?> exposures, Collection<?> openGaps) {
        List<Drug> drugs = ClassExposure.drugsOf(exposures);
        String text = "exposed to " + DrugClasses.name(c) + ": " + names(drugs)
                + (openGaps.isEmpty() ? "" : "; the drug history is incomplete (" + gapTexts(openGaps)
                + "), so other drugs of the class may have been given too");
        return new ClassExposure(c, ClassExposure.Status.EXPOSED, drugs, !openGaps.isEmpty(), text,
                Outputs.ruleRef(ctx), Outputs.provenance(ctx));
    }

    public static ClassExposure notExposed(RuleContext ctx, DrugClass c) {
        return new ClassExposure(c, ClassExposure.Status.NOT_EXPOSED, List.of(), false,
                "no " + DrugClasses.name(c) + " recorded: " + DrugClasses.shortName(c) + "-naive by the record",
                Outputs.ruleRef(ctx), Outputs.provenance(ctx));
    }

    public static ClassExposure exposureUnknown(RuleContext ctx, DrugClass c, Collection<?> openGaps) {
        return new ClassExposure(c, ClassExposure.Status.UNKNOWN, List.of(), true,
                DrugClasses.shortName(c) + " exposure unknown: no " + DrugClasses.name(c) + " is recorded, but the drug"
                        + " history is incomplete (" + gapTexts(openGaps) + ")",
                Outputs.ruleRef(ctx), Outputs.provenance(ctx), openGaps.stream()
                        .filter(o -> o instanceof DrugHistoryGap g && g.getKind() == DrugHistoryGap.Kind.BLINDED_STUDY_DRUG)
                        .map(o -> (DrugHistoryGap) o).toList());
    }

    public static ClassRefractoriness refractory(RuleContext ctx, DrugClass c, Collection<?> exposures,
                                                 Collection<?> refractory, Collection<?> gaps, Collection<?> wholeGaps,
                                                 boolean noDatedStatus, Collection<?> openGaps) {
        List<Drug> undecided = ClassRefractoriness.undecidedDrugs(exposures, refractory, gaps,
                !wholeGaps.isEmpty() || noDatedStatus);
        List<Refractoriness> list = refractory.stream().filter(o -> o instanceof Refractoriness)
                .map(o -> (Refractoriness) o).toList();
        ClassRefractoriness probe = new ClassRefractoriness(c, ClassRefractoriness.Status.REFRACTORY, list, undecided,
                !openGaps.isEmpty(), "-", Outputs.ruleRef(ctx), List.of());
        String text = "refractory to " + DrugClasses.name(c) + ": "
                + probe.getRefractory().stream().map(Refractoriness::describe).collect(Collectors.joining("; "))
                + (undecided.isEmpty() ? "" : "; refractoriness to " + names(undecided) + " undecided");
        return new ClassRefractoriness(c, ClassRefractoriness.Status.REFRACTORY, list, undecided, !openGaps.isEmpty(),
                text, Outputs.ruleRef(ctx), Outputs.provenance(ctx));
    }

    public static ClassRefractoriness refractoryUnknown(RuleContext ctx, DrugClass c, Collection<?> exposures,
                                                        Collection<?> gaps, Collection<?> wholeGaps,
                                                        boolean noDatedStatus, Collection<?> openGaps,
                                                        Collection<?> derivedStatuses) {
        List<Drug> undecided = ClassRefractoriness.undecidedDrugs(exposures, List.of(), gaps,
                !wholeGaps.isEmpty() || noDatedStatus);
        StringBuilder why = new StringBuilder();
        for (Object o : gaps) {
            if (o instanceof DrugHistoryGap g && g.getDrug() != null && undecided.contains(g.getDrug())) {
                if (why.length() > 0) why.append("; ");
                why.append(g.getText());
            }
        }
        if (!wholeGaps.isEmpty()) {
            if (why.length() > 0) why.append("; ");
            why.append(gapTexts(wholeGaps));
        }
        if (noDatedStatus) {
            if (why.length() > 0) why.append("; ");
            why.append(derivedStatuses.isEmpty()
                    ? "no dated disease-status assessment is recorded, so no progression can be placed against a last dose"
                    : "no disease-status assessment is recorded; " + derivedOnly(derivedStatuses));
        }
        String text = DrugClasses.shortName(c) + " refractoriness unknown: no " + DrugClasses.name(c)
                + " is shown refractory, and refractoriness to " + names(undecided) + " is undecided (" + why + ")";
        return new ClassRefractoriness(c, ClassRefractoriness.Status.UNKNOWN, List.of(), undecided, !openGaps.isEmpty(),
                text, Outputs.ruleRef(ctx), Outputs.provenance(ctx));
    }

    public static ClassRefractoriness notRefractory(RuleContext ctx, DrugClass c, Collection<?> exposures) {
        return notRefractory(ctx, c, exposures, List.of());
    }

    /**
     * The same, naming each blinded study product of the class that both study arms leave not refractory
     * (DERIVE-REFRACTORY-88, FINDINGS W6), so the reader sees the blinded records were weighed, not overlooked.
     */
    public static ClassRefractoriness notRefractory(RuleContext ctx, DrugClass c, Collection<?> exposures,
                                                    Collection<?> blindedArmsAgree) {
        List<Drug> drugs = ClassExposure.drugsOf(exposures);
        StringBuilder text = new StringBuilder("not refractory to " + DrugClasses.name(c) + ": no progression on "
                + names(drugs) + " or within 60 days of the last dose");
        blindedArmsAgree.stream().map(o -> ((org.myelomacds.facts.BlindedArmsNotRefractory) o).describe()).sorted()
                .forEach(d -> text.append("; ").append(d));
        return new ClassRefractoriness(c, ClassRefractoriness.Status.NOT_REFRACTORY, List.of(), List.of(), false,
                text.toString(), Outputs.ruleRef(ctx), Outputs.provenance(ctx));
    }

    public static ClassLabel label(RuleContext ctx, ClassLabel.Kind kind, ClassLabel.Outcome outcome,
                                   Collection<?> exposures, Collection<?> refractoriness) {
        String lead = switch (outcome) {
            case MET -> kind.label();
            case NOT_MET -> "not " + kind.label();
            case UNKNOWN -> kind.label() + ": undecided";
        };
        String text = lead + " (" + kind.definition() + "): " + kind.counted(exposures, refractoriness);
        return new ClassLabel(kind, outcome, text, Outputs.ruleRef(ctx), Outputs.provenance(ctx));
    }

    /** Whether refractoriness to the exposed drugs of a class is undecided for some drug (set arithmetic). */
    public static boolean anyUndecided(Collection<?> exposures, Collection<?> gaps, Collection<?> wholeGaps,
                                       boolean noDatedStatus) {
        return !ClassRefractoriness.undecidedDrugs(exposures, List.of(), gaps, !wholeGaps.isEmpty() || noDatedStatus).isEmpty();
    }

    /**
     * FINDINGS Z4: the progressions derived from a laboratory series, named, and why they leave a drug undecided: they
     * date the rise they were read from, but with no assessment of the disease around the drug's last dose they do not
     * show whether it progressed on the drug or within 60 days of it (the exposure stays refractoriness-unknown).
     */
    static String derivedOnly(Collection<?> derivedStatuses) {
        String named = derivedStatuses.stream().filter(o -> o instanceof DiseaseStatus).map(o -> (DiseaseStatus) o)
                .sorted(java.util.Comparator.comparing(DiseaseStatus::getDate))
                .map(s -> (s.isProgression() ? "the progression " : "the possible progression ") + s.onDate() + " derived from the "
                        + (s.isFromFreeLightChains() ? "serum free light chains" : "serum M-protein") + " ("
                        + Provenances.references(s) + ")")
                .distinct().collect(Collectors.joining("; "));
        return "the only dated progression is read from a laboratory series (" + named + "): it dates that rise, but with"
                + " no assessment of the disease around the last dose it does not show whether the disease progressed on"
                + " the drug or within 60 days of its last dose";
    }

    private static String names(List<Drug> drugs) {
        return drugs.stream().map(Drug::displayName).collect(Collectors.joining(", "));
    }

    private static String gapTexts(Collection<?> gaps) {
        return gaps.stream().filter(o -> o instanceof DrugHistoryGap).map(o -> ((DrugHistoryGap) o).getText()).sorted()
                .collect(Collectors.joining("; "));
    }
}
