package org.myelomacds.engine;

import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.List;

/** Reads a rule's @evidence metadata whichever way the author wrote it: quoted or not, one id or a list. */
public final class RuleMetadata {
    public static final String EVIDENCE = "evidence";
    public static final String VERIFICATION = "verification";

    private RuleMetadata() {}

    public static List<String> evidenceOf(Rule rule) {
        return splitIds(rule.getMetaData().get(EVIDENCE));
    }

    /**
     * The fact-level tag of what the rule encodes (clinical-evidence.md §0): "M" (unverified) or "T" (third-party) when
     * declared with @verification; absent means the fact is verified (V) or from a source review (rev).
     */
    public static String verificationOf(Rule rule) {
        List<String> v = splitIds(rule.getMetaData().get(VERIFICATION));
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
        for (String part : value.toString().replace("\"", "").replace("'", "").replace("[", "").replace("]", "")
                .replace("{", "").replace("}", "").split("[,;\\s]+")) {
            if (!part.isBlank() && !out.contains(part.strip())) out.add(part.strip());
        }
        return out;
    }
}
