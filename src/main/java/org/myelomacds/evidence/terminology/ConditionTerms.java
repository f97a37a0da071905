package org.myelomacds.evidence.terminology;

import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.ConditionSeverity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Diagnoses (clinical-evidence.md §9.1). One value set per {@link ConditionKind}, {@code condition-<kind>}
 * ({@code condition-copd}, {@code condition-end-stage-renal-disease}); a code belongs to at most one.
 *
 * <p>What a code says beyond the diagnosis is a sub-concept: a value set the condition's set includes, named after it
 * with a suffix — a severity the code itself states ({@code condition-asthma-severe-persistent},
 * {@code condition-copd-moderate}: any {@link ConditionSeverity} in kebab case) or a stage, class or grade
 * ({@code condition-chronic-kidney-disease-stage-3}; {@code -class-N}, {@code -grade-N} read the same way). The
 * sub-concepts of one axis exclude each other.
 *
 * <p>{@code Condition.severity} is read with {@code severity-mild}, {@code severity-moderate} and {@code severity-severe}
 * (codes of FHIR's condition-severity value set, and words; "severe" is tried first, so "moderate to severe" is severe).
 */
public final class ConditionTerms {
    /** What a code says about a condition: its kind and, where the code itself carries them, severity and stage. */
    public record Match(ConditionKind kind, ConditionSeverity severity, Integer stage) { }

    private static final Pattern STAGE_SUFFIX = Pattern.compile("(stage|class|grade)-(\\d+)");

    private final Family<ConditionKind> kinds;
    private final Map<ConditionKind, Family<ConditionSeverity>> statedSeverity = new EnumMap<>(ConditionKind.class);
    private final Map<ConditionKind, Family<Integer>> stages = new EnumMap<>(ConditionKind.class);
    private final Family<ConditionSeverity> severity;
    private final Terminology terminology;
    private final ValueSet namesNoCondition;

    ConditionTerms(Terminology t) {
        this.terminology = t;
        this.namesNoCondition = t.require("reason-names-no-condition",
                "Conditions that name a step of care, not a disease, read as no stated reason of a therapy");
        List<Family.Entry<ConditionKind>> entries = new ArrayList<>();
        for (ConditionKind k : ConditionKind.values()) {
            String id = "condition-" + Terminology.kebab(k);
            ValueSet vs = t.require(id, "the condition " + k);
            entries.add(new Family.Entry<>(vs, k));
            if (vs != null) subConcepts(t, k, vs);
        }
        kinds = t.family("conditions", entries, true);
        List<Family.Entry<ConditionSeverity>> sev = new ArrayList<>();
        for (ConditionSeverity s : List.of(ConditionSeverity.SEVERE, ConditionSeverity.MODERATE, ConditionSeverity.MILD)) {
            sev.add(new Family.Entry<>(t.require("severity-" + Terminology.kebab(s), "Condition.severity " + s), s));
        }
        severity = t.family("Condition.severity", sev, true);
    }

    private void subConcepts(Terminology t, ConditionKind kind, ValueSet parent) {
        List<Family.Entry<ConditionSeverity>> sev = new ArrayList<>();
        List<Family.Entry<Integer>> stage = new ArrayList<>();
        for (ValueSet sub : t.included(parent)) {
            if (!sub.id().startsWith(parent.id() + "-")) continue;
            String suffix = sub.id().substring(parent.id().length() + 1);
            Matcher m = STAGE_SUFFIX.matcher(suffix);
            Optional<ConditionSeverity> s = severityNamed(suffix);
            if (m.matches()) stage.add(new Family.Entry<>(sub, Integer.valueOf(m.group(2))));
            else if (s.isPresent()) sev.add(new Family.Entry<>(sub, s.get()));
            else t.problem(TerminologyProblem.warning(sub.location(), sub.id() + " is included by " + parent.id()
                    + " but its suffix '" + suffix + "' is neither a severity nor stage-N/class-N/grade-N: read only as "
                    + parent.id()));
        }
        statedSeverity.put(kind, t.family(parent.id() + " severities", sev, true));
        stages.put(kind, t.family(parent.id() + " stages", stage, true));
    }

    private static Optional<ConditionSeverity> severityNamed(String suffix) {
        try {
            return Optional.of(ConditionSeverity.valueOf(suffix.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Classifies one coding. {@code text} is the coding's display plus Condition.code.text, which decides the codes
     * whose meaning depends on it (D47.2 is smouldering myeloma when the text says so, MGUS otherwise).
     */
    public Optional<Match> classify(String system, String code, String text) {
        Optional<Family.Match<ConditionKind>> m = kinds.byCode(system, code, text);
        if (m.isEmpty()) return Optional.empty();
        ConditionKind kind = m.get().value();
        ConditionSeverity s = statedSeverity.get(kind).valueByCode(system, code).orElse(null);
        Integer stage = stages.get(kind).valueByCode(system, code).orElse(null);
        return Optional.of(new Match(kind, s, stage));
    }

    /** A condition named in free text alone (today: smouldering myeloma, the one §9.1 allows to be read from text). */
    public Optional<ConditionKind> byText(String text) { return kinds.byText(text); }

    /**
     * A code that records a step of care ("awaiting transplantation of bone marrow"), not a disease: as a therapy's
     * reason it states no purpose.
     */
    public boolean namesNoCondition(String system, String code) {
        return namesNoCondition != null && terminology.holds(namesNoCondition, system, code);
    }

    /** Condition.severity as coded. */
    public Optional<ConditionSeverity> severity(String system, String code) { return severity.valueByCode(system, code); }

    /** Condition.severity in words. */
    public Optional<ConditionSeverity> severityFromText(String text) { return severity.byText(text); }
}
