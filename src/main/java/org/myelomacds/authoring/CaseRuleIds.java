package org.myelomacds.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rule ids a rule unit case names ({@code fired}, {@code notFired}, a criterion's {@code rule}) must exist: a
 * misspelt id in {@code notFired} would otherwise pass for ever, and one in {@code fired} would fail with a message
 * that hides the typo.
 */
final class CaseRuleIds {
    private CaseRuleIds() {}

    /** One sentence per unknown id, naming the key it was under and the nearest real id when one is a likely typo. */
    static List<String> unknown(RuleCase c, Set<String> ruleIds) {
        List<String> out = new ArrayList<>();
        check(c.expect().fired(), "fired", ruleIds, out);
        check(c.expect().notFired(), "notFired", ruleIds, out);
        for (RuleCase.Criterion cr : c.expect().criteria()) {
            if (cr.rule() != null) check(List.of(cr.rule()), "criteria", ruleIds, out);
        }
        for (RuleCase.Score sc : c.expect().scores()) check(List.of(sc.rule()), "scores", ruleIds, out);
        return out;
    }

    private static void check(List<String> ids, String key, Set<String> ruleIds, List<String> out) {
        for (String id : ids) {
            if (ruleIds.contains(id)) continue;
            String near = closest(id, ruleIds);
            out.add(key + " names rule " + id + ", which is not in the rulebase" + (near == null ? "" : " (did you mean " + near + "?)"));
        }
    }

    /** The rule id nearest in spelling, if it is close enough to be a typo. */
    static String closest(String id, Set<String> ruleIds) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : ruleIds) {
            int d = editDistance(id.toUpperCase(Locale.ROOT), candidate);
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, id.length() / 4) ? best : null;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
