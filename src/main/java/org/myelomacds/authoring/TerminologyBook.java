package org.myelomacds.authoring;

import org.myelomacds.evidence.terminology.CodeSystems;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.evidence.terminology.ValueSet;
import org.myelomacds.facts.Drug;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The terminology section of the rulebook: per value set of rules/terminology/ (grouped by what it is about), its title,
 * what it is for, the sets it includes, and every code with its system, display, verification status and source, then
 * what it excludes and the words that name it in text. Ordered by value-set id, so the same files give the same bytes.
 */
final class TerminologyBook {
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("condition-", "Conditions");
        GROUPS.put("severity-", "Condition severity");
        GROUPS.put("observation-", "Observations");
        GROUPS.put("result-", "Result values");
        GROUPS.put("ecog-", "Result values");
        GROUPS.put("disease-status-", "Disease status answers");
        GROUPS.put("cytogenetic-", "Cytogenetics and isotype");
        GROUPS.put("isotype-", "Cytogenetics and isotype");
        GROUPS.put("procedure-", "Procedures");
        GROUPS.put("drug-class-", "Drug classes");
        GROUPS.put("drug-", "Drugs");
        GROUPS.put("medication-", "Drugs");
        GROUPS.put("route-", "Routes and medication status reasons");
        GROUPS.put("status-reason-", "Routes and medication status reasons");
        GROUPS.put("allergen-", "Allergens");
    }

    private TerminologyBook() {}

    static void append(StringBuilder b, Terminology t) {
        b.append("## Terminology\n\n");
        b.append("Every code the engine recognises, from the FHIR ValueSets of `rules/terminology/` (one per concept; "
                + "README \"Terminology\"). Status: V verified (authoritative value set or two independent sources), "
                + "T third-party list only, U unverified, M added by the project and not in clinical-evidence.md §9, "
                + "P the project's own code. An NDC is listed by its product (labeler-product) and matches every package of it, in "
                + "the hyphenated 4-4-2, 5-3-2 and 5-4-1 forms and the 11-digit 5-4-2 form; an unhyphenated 10-digit NDC is "
                + "not read (its layout is ambiguous). Filters: `is-a X` is X and every code under it, `descendent-of X` the codes "
                + "under it, `regex` a pattern the whole code matches. A set's sub-concepts (severity, stage, method, "
                + "product) are the sets it includes.\n\n");
        Map<String, List<ValueSet>> grouped = new LinkedHashMap<>();
        for (String g : GROUPS.values()) grouped.putIfAbsent(g, new ArrayList<>());
        grouped.put("Other", new ArrayList<>());
        for (ValueSet vs : t.valueSets().stream().sorted((x, y) -> x.id().compareTo(y.id())).toList()) {
            grouped.get(group(vs.id())).add(vs);
        }
        grouped.forEach((group, sets) -> {
            if (sets.isEmpty()) return;
            b.append("### ").append(group).append("\n\n");
            for (ValueSet vs : sets) set(b, t, vs);
        });
    }

    private static String group(String id) {
        for (Map.Entry<String, String> e : GROUPS.entrySet()) if (id.startsWith(e.getKey())) return e.getValue();
        return "Other";
    }

    private static void set(StringBuilder b, Terminology t, ValueSet vs) {
        b.append("#### `").append(vs.id()).append("` — ").append(cell(vs.title())).append("\n\n");
        if (vs.description() != null) b.append(vs.description().strip()).append("\n\n");
        for (Drug d : t.drugs().drugs()) {
            if (t.drugs().valueSetOf(d) == vs) {
                b.append("Drug `").append(d.name()).append("`, class ").append(d.getDrugClass()).append(" (listed by `drug-class-")
                        .append(d.getDrugClass().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                        .append("`), position ").append(d.getOrder() + 1).append(" of the catalogue.\n\n");
            }
        }
        List<String> subs = t.included(vs).stream().map(s -> "`" + s.id() + "`").toList();
        if (!subs.isEmpty()) b.append("Includes ").append(String.join(", ", subs)).append(".\n\n");
        rows(b, vs.includes(), "| system | code | display | status | source |\n|---|---|---|---|---|\n", true);
        List<ValueSet.Include> excludes = vs.excludes();
        if (!excludes.isEmpty()) {
            b.append("Excluded:\n\n");
            rows(b, excludes, "| system | code | display | status | source |\n|---|---|---|---|---|\n", false);
        }
        ValueSet.TextMatch text = vs.text();
        if (!text.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!text.contains().isEmpty()) parts.add("contains " + String.join(", ", text.contains().stream().map(TerminologyBook::quote).toList()));
            if (!text.regex().isEmpty()) parts.add("matches " + String.join(", ", text.regex().stream().map(Pattern::pattern).map(TerminologyBook::code).toList()));
            if (!text.excludes().isEmpty()) parts.add("unless it contains " + String.join(", ", text.excludes().stream().map(TerminologyBook::quote).toList()));
            b.append("Text (case-insensitive): ").append(String.join("; ", parts)).append(".\n\n");
        }
    }

    private static void rows(StringBuilder b, List<ValueSet.Include> includes, String header, boolean mustHaveRows) {
        StringBuilder rows = new StringBuilder();
        for (ValueSet.Include inc : includes) {
            String system = CodeSystems.displayName(inc.declaredSystem());
            for (ValueSet.Concept c : inc.concepts()) {
                rows.append("| ").append(system).append(" | ").append(code(c.declaredCode())).append(c.requiresText() ? " (with the text below)" : "")
                        .append(CodeSystems.NDC.equals(inc.system()) ? " (product " + code(c.code()) + ": any package, 10 or 11 digits)" : "")
                        .append(" | ").append(cell(c.display() == null ? "" : c.display())).append(" | ")
                        .append(nz(c.notes().verification())).append(" | ").append(cell(nz(c.notes().source()))).append(" |\n");
            }
            for (ValueSet.Filter f : inc.filters()) {
                rows.append("| ").append(system).append(" | ").append(f.op()).append(' ').append(code(f.value())).append(" | — | ")
                        .append(nz(f.notes().verification())).append(" | ").append(cell(nz(f.notes().source()))).append(" |\n");
            }
        }
        if (rows.length() > 0) b.append(header).append(rows).append('\n');
        else if (mustHaveRows) b.append("No codes of its own.\n\n");
    }

    private static String nz(String s) { return s == null ? "" : s; }
    private static String quote(String s) { return "“" + s + "”"; }
    private static String code(String s) { return "`" + s.replace("`", "'").replace("|", "\\|") + "`"; }
    private static String cell(String s) { return s.replace("|", "\\|").replace("\n", " "); }
}
