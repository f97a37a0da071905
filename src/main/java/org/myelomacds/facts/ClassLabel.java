package org.myelomacds.facts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A composite drug-class label a tumour board uses to describe a history ("triple-class refractory"), derived from the
 * class exposures and refractoriness (rules/derive/drug-classes.drl, DERIVE-CLASS-07..09). Descriptive only: no
 * eligibility criterion, flag or score reads it.
 *
 * <p>Each kind states its requirement as the source quoted in rules/evidence.yaml words it (a number of drugs per
 * class); the counting is here, the decision (met, not met, undecided) is in the rules. Only terms a retrieved source
 * defines are kinds: "penta-exposed" has none in the catalogue and is not derived.
 */
public final class ClassLabel implements HasProvenance {

    public enum Kind {
        /** TCE-JNCCN360-22: "once they have received immunomodulatory, proteasome inhibitor, and anti-CD38 antibody therapies". */
        TRIPLE_CLASS_EXPOSED("triple-class exposed", false,
                "exposed to an immunomodulatory drug, a proteasome inhibitor and an anti-CD38 antibody",
                requirement(DrugClass.IMID, 1, DrugClass.PROTEASOME_INHIBITOR, 1, DrugClass.ANTI_CD38, 1),
                List.of("TCE-JNCCN360-22")),
        /** TCR-ASHEDU20, MAMMOTH-ASH18: refractory to an IMiD, a PI and an anti-CD38 antibody. */
        TRIPLE_CLASS_REFRACTORY("triple-class refractory", true,
                "refractory to an immunomodulatory drug, a proteasome inhibitor and an anti-CD38 antibody",
                requirement(DrugClass.IMID, 1, DrugClass.PROTEASOME_INHIBITOR, 1, DrugClass.ANTI_CD38, 1),
                List.of("TCR-ASHEDU20", "MAMMOTH-ASH18")),
        /** MAMMOTH-G19: "refractory to CD38 MoAB, 2 PIs and 2 IMiDs". */
        PENTA_REFRACTORY("penta-refractory", true,
                "refractory to an anti-CD38 antibody, 2 proteasome inhibitors and 2 immunomodulatory drugs (MAMMOTH)",
                requirement(DrugClass.ANTI_CD38, 1, DrugClass.PROTEASOME_INHIBITOR, 2, DrugClass.IMID, 2),
                List.of("MAMMOTH-G19"));

        /** Every kind, for the rules to iterate. */
        public static final List<Kind> ALL = List.of(values());

        private final String label;
        private final boolean refractory;
        private final String definition;
        private final Map<DrugClass, Integer> required;
        private final List<String> evidence;

        Kind(String label, boolean refractory, String definition, Map<DrugClass, Integer> required, List<String> evidence) {
            this.evidence = evidence;
            this.label = label;
            this.refractory = refractory;
            this.definition = definition;
            this.required = required;
        }

        public String label() { return label; }
        public String definition() { return definition; }
        public boolean isRefractory() { return refractory; }
        public Map<DrugClass, Integer> required() { return required; }
        /** The source(s) of this term's definition (rules/evidence.yaml). */
        public List<String> evidence() { return evidence; }

        /**
         * How many of the kind's class requirements the documented drugs do not meet ({@code possible == false}), or
         * that even every undecided drug, and every drug an incomplete history may hide, would not meet
         * ({@code possible == true}). {@code facts} holds the ClassExposure and ClassRefractoriness facts.
         */
        public int shortfall(Collection<?> exposures, Collection<?> refractoriness, boolean possible) {
            List<Object> facts = new java.util.ArrayList<>(exposures);
            facts.addAll(refractoriness);
            int unmet = 0;
            for (Map.Entry<DrugClass, Integer> r : required.entrySet()) {
                long count = possible ? possibleCount(facts, r.getKey()) : sureCount(facts, r.getKey());
                if (count < r.getValue()) unmet++;
            }
            return unmet;
        }

        private long sureCount(Collection<?> facts, DrugClass c) {
            if (refractory) return refractoriness(facts, c).map(ClassRefractoriness::getRefractoryCount).orElse(0);
            return exposure(facts, c).filter(ClassExposure::isExposed).map(ClassExposure::getDrugCount).orElse(0);
        }

        private long possibleCount(Collection<?> facts, DrugClass c) {
            ClassExposure e = exposure(facts, c).orElse(null);
            if (e == null) return 0;
            if (e.isUnknown() || e.isHistoryIncomplete()) return Long.MAX_VALUE;
            if (!refractory) return e.isExposed() ? e.getDrugCount() : 0;
            ClassRefractoriness r = refractoriness(facts, c).orElse(null);
            if (r == null) return 0;
            if (r.isHistoryIncomplete()) return Long.MAX_VALUE;
            return (long) r.getRefractoryCount() + r.getUndecidedCount();
        }

        /** "IMiD: lenalidomide, pomalidomide; PI: bortezomib": what counted, for the finding's text. */
        public String counted(Collection<?> exposures, Collection<?> refractoriness) {
            List<Object> facts = new java.util.ArrayList<>(exposures);
            facts.addAll(refractoriness);
            return required.keySet().stream().map(c -> {
                List<Drug> drugs = refractory
                        ? refractoriness(facts, c).map(ClassRefractoriness::getRefractoryDrugs).orElse(List.of())
                        : exposure(facts, c).filter(ClassExposure::isExposed).map(ClassExposure::getDrugs).orElse(List.of());
                List<Drug> open = refractory
                        ? refractoriness(facts, c).map(ClassRefractoriness::getUndecided).orElse(List.of()) : List.of();
                ClassExposure e = exposure(facts, c).orElse(null);
                // Optional.map cannot carry a null, so the state is spelled out: what stands in for an empty list
                String state = e == null || e.getStatus() == ClassExposure.Status.NOT_EXPOSED ? "not exposed"
                        : e.isUnknown() ? "exposure unknown"
                        : refractory && open.isEmpty() ? "exposed, none refractory" : "exposed, none shown refractory";
                String listed = drugs.isEmpty() ? state : names(drugs);
                if (!open.isEmpty()) listed += " (undecided: " + names(open) + ")";
                return DrugClasses.shortName(c) + " " + listed;
            }).collect(Collectors.joining("; "));
        }
    }

    public enum Outcome { MET, NOT_MET, UNKNOWN }

    private final Kind kind;
    private final Outcome outcome;
    private final String text;
    private final RuleRef rule;
    private final List<Provenance> provenance;

    public ClassLabel(Kind kind, Outcome outcome, String text, RuleRef rule, List<Provenance> provenance) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.text = Objects.requireNonNull(text, "text");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.provenance = List.copyOf(provenance);
    }

    private static Map<DrugClass, Integer> requirement(Object... pairs) {
        Map<DrugClass, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((DrugClass) pairs[i], (Integer) pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static java.util.Optional<ClassExposure> exposure(Collection<?> facts, DrugClass c) {
        return facts.stream().filter(o -> o instanceof ClassExposure e && e.getDrugClass() == c)
                .map(o -> (ClassExposure) o).findFirst();
    }

    private static java.util.Optional<ClassRefractoriness> refractoriness(Collection<?> facts, DrugClass c) {
        return facts.stream().filter(o -> o instanceof ClassRefractoriness r && r.getDrugClass() == c)
                .map(o -> (ClassRefractoriness) o).findFirst();
    }

    private static String names(List<Drug> drugs) {
        return drugs.stream().map(Drug::displayName).collect(Collectors.joining(", "));
    }

    public Kind getKind() { return kind; }
    public Outcome getOutcome() { return outcome; }
    public String getText() { return text; }
    public RuleRef getRule() { return rule; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    @Override public boolean equals(Object o) {
        return o instanceof ClassLabel l && kind == l.kind && outcome == l.outcome && text.equals(l.text) && rule.equals(l.rule);
    }
    @Override public int hashCode() { return Objects.hash(kind, outcome, text); }
}
