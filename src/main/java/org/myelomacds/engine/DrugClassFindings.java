package org.myelomacds.engine;

import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.AntiCd38WashoutIfGiven;
import org.myelomacds.facts.ClassExposure;
import org.myelomacds.facts.ClassLabel;
import org.myelomacds.facts.ClassRefractoriness;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.DrugClasses;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.Refractoriness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Maps the drug-class facts of rules/derive/drug-classes.drl to the findings: one entry per class (in DrugClass order),
 * its exposure and refractoriness merged, and the composite labels in ClassLabel.Kind order. Null when none was derived
 * (no therapy recorded), so the findings keep their earlier shape.
 */
final class DrugClassFindings {
    private DrugClassFindings() {}

    static List<Findings.DrugClassStatus> classes(List<ClassExposure> exposures, List<ClassRefractoriness> refractoriness) {
        return classes(exposures, refractoriness, List.of());
    }

    /** The same, with the washout a blinded anti-CD38 product would leave if given (DERIVE-WASHOUT-14, FINDINGS O7). */
    static List<Findings.DrugClassStatus> classes(List<ClassExposure> exposures, List<ClassRefractoriness> refractoriness,
                                                  List<AntiCd38WashoutIfGiven> washoutsIfGiven) {
        if (exposures.isEmpty()) return null;
        List<Findings.DrugClassStatus> out = new ArrayList<>();
        exposures.stream().sorted(Comparator.comparing(ClassExposure::getDrugClass)).forEach(e -> {
            DrugClass c = e.getDrugClass();
            ClassRefractoriness r = e.isExposed() ? refractoriness.stream().filter(x -> x.getDrugClass() == c)
                    .findFirst().orElse(null) : null;
            List<String> rules = new ArrayList<>(List.of(e.getRule().getRuleId()));
            TreeSet<String> evidence = new TreeSet<>(e.getRule().getEvidence());
            TreeSet<Provenance> facts = new TreeSet<>(e.getProvenance());
            List<Findings.RefractoryDrug> refractoryDrugs = null;
            List<String> undecided = null;
            if (r != null) {
                rules.add(r.getRule().getRuleId());
                evidence.addAll(r.getRule().getEvidence());
                facts.addAll(r.getProvenance());
                if (!r.getRefractory().isEmpty()) refractoryDrugs = r.getRefractory().stream().map(x ->
                        new Findings.RefractoryDrug(x.getDrug().name(), x.getProgression().getDateText(),
                                x.getLine() == null ? null : x.getLine().getNumber(), x.describe())).toList();
                if (!r.getUndecided().isEmpty()) undecided = r.getUndecided().stream().map(Drug::name).toList();
            }
            out.add(new Findings.DrugClassStatus(c.name(), DrugClasses.name(c), e.getStatus().name(),
                    e.getDrugs().isEmpty() ? null : e.getDrugs().stream().map(Drug::name).toList(),
                    r == null ? null : r.getStatus().name(), refractoryDrugs, undecided,
                    r == null ? e.getText() : e.getText() + ". " + capital(r.getText()),
                    rules, List.copyOf(evidence), AssessmentAssembler.refs(List.copyOf(facts)), possiblyGiven(e, washoutsIfGiven)));
        });
        return out;
    }

    /** The blinded study products that leave an UNKNOWN class so, one per drug, with their first and last record; or null. */
    private static List<Findings.PossiblyGiven> possiblyGiven(ClassExposure e, List<AntiCd38WashoutIfGiven> washoutsIfGiven) {
        if (!e.isUnknown() || e.getPossiblyGiven().isEmpty()) return null;
        return e.getPossiblyGiven().stream().map(g -> {
            List<Provenance> dated = g.getProvenance().stream().filter(p -> p.getDate() != null).sorted().toList();
            return new Findings.PossiblyGiven(g.getDrug().name(), "blinded study product",
                    dated.isEmpty() ? null : dated.get(0).getDateText(),
                    dated.isEmpty() ? null : dated.stream().max(Comparator.comparing(Provenance::getDate)).orElseThrow().getDateText(),
                    AssessmentAssembler.refs(g.getProvenance()),
                    washoutsIfGiven.stream().filter(w -> w.getDrug() == g.getDrug()).map(w -> w.getBand().name())
                            .findFirst().orElse(null));
        }).toList();
    }

    static List<Findings.ClassLabel> labels(List<ClassLabel> labels) {
        if (labels.isEmpty()) return null;
        return labels.stream().sorted(Comparator.comparing(ClassLabel::getKind)).map(l -> new Findings.ClassLabel(
                l.getKind().name(), l.getOutcome().name(), l.getText(), l.getRule().getRuleId(), l.getKind().evidence(),
                AssessmentAssembler.refs(l.getProvenance()))).toList();
    }

    private static String capital(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }
}
