package org.myelomacds.evidence.terminology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks across value sets, run when a terminology is loaded (errors refuse it) and by {@code rules validate}:
 * <ul>
 *   <li><b>conflicting codes</b> (error): no code in two sets of a family whose memberships cannot both be true —
 *       two conditions, two drugs, two observation kinds, two routes, positive and negative, two ECOG grades, two
 *       severities or two stages of one condition, two methods of one measurement, two products of one drug. An explicit
 *       code is tested against the other set's full membership (filters and excludes included); two is-a filters
 *       conflict when one prefix lies under the other and the broader set does not exclude it. A membership that
 *       requires text refines a plain one and is not a conflict. Regex filters are tested against the other sets'
 *       explicit codes only.</li>
 *   <li><b>unknown code systems</b> (warning): a system the engine does not know; its codes are compared as written,
 *       but a misspelt URI would never match.</li>
 *   <li><b>duplicate codes</b> (warning): a code listed twice in one set.</li>
 * </ul>
 */
final class TerminologyChecks {
    private TerminologyChecks() {}

    static List<TerminologyProblem> run(Terminology t) {
        List<TerminologyProblem> out = new ArrayList<>();
        for (ValueSet vs : t.valueSets()) {
            for (ValueSet.Include inc : allOf(vs)) {
                if (inc.declaredSystem() != null && !CodeSystems.isKnown(inc.declaredSystem())) {
                    out.add(TerminologyProblem.warning(inc.location(), "code system " + inc.declaredSystem()
                            + " is not one the engine knows (" + String.join(", ", CodeSystems.KNOWN) + "); check the URI"));
                }
                Set<String> seen = new HashSet<>();
                for (ValueSet.Concept c : inc.concepts()) {
                    if (!seen.add(c.code())) {
                        out.add(TerminologyProblem.warning(c.location(), "code " + c.declaredCode() + " is listed twice in " + vs.id()));
                    }
                }
            }
        }
        Set<String> reported = new HashSet<>();
        for (Family<?> f : t.exclusiveFamilies()) conflicts(t, f, out, reported);
        return out;
    }

    private static List<ValueSet.Include> allOf(ValueSet vs) {
        List<ValueSet.Include> all = new ArrayList<>(vs.includes());
        all.addAll(vs.excludes());
        return all;
    }

    private static void conflicts(Terminology t, Family<?> family, List<TerminologyProblem> out, Set<String> reported) {
        List<? extends Family.Entry<?>> entries = family.entries();
        for (int i = 0; i < entries.size(); i++) {
            ValueSet a = entries.get(i).set();
            for (int j = 0; j < entries.size(); j++) {
                ValueSet b = entries.get(j).set();
                if (i == j || a == b) continue;
                for (Terminology.Code c : t.explicitCodes(a)) {
                    if (c.concept().requiresText()) continue;
                    Terminology.Hit hit = t.member(b, c.system(), c.code(), null);
                    if (hit == null) continue;
                    // Reported in both files, each line naming the other, so the author finds it from either side.
                    String key = c.system() + "|" + c.code() + "|" + a.id() + "|" + b.id();
                    if (!reported.add(key)) continue;
                    out.add(TerminologyProblem.error(c.concept().location(), "code " + c.concept().declaredCode() + " (" + c.system()
                            + ") is in " + a.id() + " and in " + b.id() + " (" + hit.location() + "), which cannot both be true ("
                            + family.name() + "): keep it in one"));
                }
                if (j <= i) continue;
                // Broadest first, so a prefix already reported is not reported again for each narrower one under it.
                List<Map.Entry<String, ValueSet.Filter>> fas = byPrefixLength(t.filters(a));
                List<Map.Entry<String, ValueSet.Filter>> fbs = byPrefixLength(t.filters(b));
                List<String> reportedNarrow = new ArrayList<>();
                for (Map.Entry<String, ValueSet.Filter> fa : fas) {
                    for (Map.Entry<String, ValueSet.Filter> fb : fbs) {
                        if (!fa.getKey().equals(fb.getKey())) continue;
                        String pa = fa.getValue().prefix();
                        String pb = fb.getValue().prefix();
                        if (pa == null || pb == null) continue;
                        boolean aUnderB = pa.startsWith(pb);
                        boolean bUnderA = pb.startsWith(pa);
                        if (!aUnderB && !bUnderA) continue;
                        // The narrower prefix overlaps unless the broader set leaves it out.
                        String narrow = aUnderB ? pa : pb;
                        ValueSet broad = aUnderB ? b : a;
                        if (t.member(broad, fa.getKey(), narrow, null) == null && narrowExcluded(broad, fa.getKey(), narrow)) continue;
                        String system = fa.getKey();
                        if (reportedNarrow.stream().anyMatch(r -> (system + "|" + narrow).startsWith(r))) continue;
                        String key = system + "|" + pa + "|" + pb + "|" + order(a.id(), b.id());
                        if (!reported.add(key)) continue;
                        reportedNarrow.add(system + "|" + narrow);
                        // Reported where the broader filter is written: it is the one that reaches into the other concept.
                        ValueSet.Filter at = aUnderB ? fb.getValue() : fa.getValue();
                        out.add(TerminologyProblem.error(at.location(), "filter " + fa.getValue().describe() + " of " + a.id()
                                + " and filter " + fb.getValue().describe() + " of " + b.id() + " overlap (" + fa.getKey()
                                + "), which cannot both be true (" + family.name() + "): exclude the narrower codes from the broader set"));
                    }
                }
            }
        }
    }

    private static List<Map.Entry<String, ValueSet.Filter>> byPrefixLength(List<Map.Entry<String, ValueSet.Filter>> filters) {
        List<Map.Entry<String, ValueSet.Filter>> out = new ArrayList<>(filters);
        out.sort(java.util.Comparator.comparingInt(e -> e.getValue().prefix() == null ? Integer.MAX_VALUE : e.getValue().prefix().length()));
        return out;
    }

    /** Whether a set's excludes leave out the whole of a prefix (an excluded is-a filter or code covering it). */
    private static boolean narrowExcluded(ValueSet broad, String system, String prefix) {
        for (ValueSet.Include exc : broad.excludes()) {
            if (!system.equals(exc.system())) continue;
            for (ValueSet.Filter f : exc.filters()) if (f.prefix() != null && prefix.startsWith(f.prefix())) return true;
            for (ValueSet.Concept c : exc.concepts()) if (c.code().equals(prefix)) return true;
        }
        return false;
    }

    private static String order(String a, String b) { return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a; }
}
