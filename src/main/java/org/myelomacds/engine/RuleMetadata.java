package org.myelomacds.engine;

import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Reads a rule's @evidence metadata whichever way the author wrote it: quoted or not, one id or a list. */
public final class RuleMetadata {
    public static final String EVIDENCE = "evidence";
    public static final String VERIFICATION = "verification";
    /** The label indications (rules/regimens.yaml, "DARA_VRD/US-SC-TI") a label criterion rests on. */
    public static final String LABEL = "indication";
    /** What the rule derives ({@link org.myelomacds.assessment.DerivedConcept}), for front ends that look a finding up. */
    public static final String CONCEPT = "concept";

    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");
    /**
     * The split form of each metadata text seen. Every fired rule asks for its evidence (trace, outputs), so splitting
     * the same few hundred annotation texts again on every evaluation cost ~4% of a server call's CPU. Keyed on the
     * text itself, so a reloaded rulebase with edited annotations gets its own entries; the set is bounded by the
     * annotation texts the rule files have ever held in this process.
     */
    private static final Map<String, List<String>> SPLIT_TEXT = new ConcurrentHashMap<>();

    private RuleMetadata() {}

    /** The rule's @evidence ids, in declared order; unmodifiable. */
    public static List<String> evidenceOf(Rule rule) {
        return splitCached(rule.getMetaData().get(EVIDENCE));
    }

    /** The label indications the rule declares in @indication ("DARA_VRD/US-SC-TI"), in declared order; empty when none. */
    public static List<String> labelsOf(Rule rule) {
        return splitCached(rule.getMetaData().get(LABEL));
    }

    /**
     * The concept the rule declares in @concept (DISEASE_SETTING, ANTI_CD38_WASHOUT…), as written; null when none.
     * {@link RulebaseChecks} refuses a name that is not a {@link org.myelomacds.assessment.DerivedConcept}.
     */
    public static String conceptOf(Rule rule) {
        List<String> c = splitCached(rule.getMetaData().get(CONCEPT));
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<String> splitCached(Object value) {
        if (value instanceof String text) return SPLIT_TEXT.computeIfAbsent(text, t -> List.copyOf(splitIds(t)));
        return List.copyOf(splitIds(value));
    }

    /**
     * The fact-level tag of what the rule encodes (clinical-evidence.md §0): "M" (unverified) or "T" (third-party) when
     * declared with @verification; absent means the fact is verified (V) or from a source review (rev).
     */
    public static String verificationOf(Rule rule) {
        List<String> v = splitCached(rule.getMetaData().get(VERIFICATION));
        return v.isEmpty() ? null : v.get(0);
    }

    public static boolean isUnverified(String verification) {
        return verification != null && (verification.equalsIgnoreCase("M") || verification.equalsIgnoreCase("T"));
    }

    /** "IKEMA-L21, ICARIA-L19" | IKEMA-L21 | ["A","B"] → [IKEMA-L21, ICARIA-L19]. */
    public static List<String> splitIds(Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        if (value instanceof Iterable<?> it) {
            for (Object o : it) out.addAll(splitIds(o));
            return out;
        }
        if (value instanceof Object[] arr) {
            for (Object o : arr) out.addAll(splitIds(o));
            return out;
        }
        for (String part : SEPARATORS.split(value.toString().replace("\"", "").replace("'", "").replace("[", "").replace("]", "")
                .replace("{", "").replace("}", ""))) {
            if (!part.isBlank() && !out.contains(part.strip())) out.add(part.strip());
        }
        return out;
    }
}
