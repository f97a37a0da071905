package org.myelomacds.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.ScenarioOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code rules diff}: what a rule change does to the sample patients — per patient and jurisdiction, the setting,
 * each regimen's status, rank and score, and the flags and data gaps that appear or disappear. The review a clinical
 * lead signs before a rule change ships.
 */
public record RulebaseDiff(List<PatientChange> changes, int compared) {

    /** One field that differs for one patient in one jurisdiction ("-" when absent). */
    public record Change(String field, String before, String after) {}

    public record PatientChange(String patient, String jurisdiction, List<Change> changes) {}

    public static RulebaseDiff of(SuiteRun before, SuiteRun after) {
        Map<String, ScenarioOutcome> old = new TreeMap<>();
        before.scenarios().forEach(o -> old.put(o.scenario().name(), o));
        List<PatientChange> out = new ArrayList<>();
        int compared = 0;
        for (ScenarioOutcome n : after.scenarios()) {
            ScenarioOutcome o = old.get(n.scenario().name());
            if (o == null) continue;
            for (Jurisdiction j : Jurisdiction.values()) {
                Assessment a = o.assessments().get(j);
                Assessment b = n.assessments().get(j);
                compared++;
                List<Change> c = new ArrayList<>();
                if (a == null || b == null) {
                    c.add(new Change("evaluation", a == null ? "failed: " + o.error() : "ok", b == null ? "failed: " + n.error() : "ok"));
                } else {
                    compare(a, b, c);
                }
                if (!c.isEmpty()) out.add(new PatientChange(n.scenario().name(), j.name(), List.copyOf(c)));
            }
        }
        return new RulebaseDiff(List.copyOf(out), compared);
    }

    private static void compare(Assessment a, Assessment b, List<Change> out) {
        if (!Objects.equals(a.setting(), b.setting())) out.add(new Change("setting", a.setting(), b.setting()));
        Map<String, String> sa = RuleCaseRunner.statuses(a);
        Map<String, String> sb = RuleCaseRunner.statuses(b);
        Map<String, Recommendation> ra = recs(a);
        Map<String, Recommendation> rb = recs(b);
        TreeSet<String> regimens = new TreeSet<>(sa.keySet());
        regimens.addAll(sb.keySet());
        for (String r : regimens) {
            if (!Objects.equals(sa.get(r), sb.get(r))) out.add(new Change(r + " status", dash(sa.get(r)), dash(sb.get(r))));
            String rankA = ra.containsKey(r) ? String.valueOf(ra.get(r).rank()) : null;
            String rankB = rb.containsKey(r) ? String.valueOf(rb.get(r).rank()) : null;
            if (!Objects.equals(rankA, rankB)) out.add(new Change(r + " rank", dash(rankA), dash(rankB)));
            String scoreA = ra.containsKey(r) ? String.valueOf(ra.get(r).score()) : null;
            String scoreB = rb.containsKey(r) ? String.valueOf(rb.get(r).score()) : null;
            if (!Objects.equals(scoreA, scoreB)) out.add(new Change(r + " score", dash(scoreA), dash(scoreB)));
        }
        codes("flag", flags(a), flags(b), out);
        codes("data gap", gaps(a), gaps(b), out);
    }

    private static void codes(String what, TreeSet<String> a, TreeSet<String> b, List<Change> out) {
        for (String c : a) if (!b.contains(c)) out.add(new Change(what + " " + c, "raised", "-"));
        for (String c : b) if (!a.contains(c)) out.add(new Change(what + " " + c, "-", "raised"));
    }

    /** Flag codes with the regimens they name, so a flag moving from one regimen to another shows. */
    private static TreeSet<String> flags(Assessment a) {
        TreeSet<String> out = new TreeSet<>();
        a.flags().forEach(f -> out.add(f.code() + (f.regimens().isEmpty() ? "" : " " + f.regimens())));
        return out;
    }

    private static TreeSet<String> gaps(Assessment a) {
        TreeSet<String> out = new TreeSet<>();
        a.dataGaps().forEach(g -> out.add(g.code()));
        return out;
    }

    private static Map<String, Recommendation> recs(Assessment a) {
        Map<String, Recommendation> out = new TreeMap<>();
        a.recommendations().forEach(r -> out.put(r.regimen(), r));
        return out;
    }

    private static String dash(String s) { return s == null ? "-" : s; }

    public String text(String oldName, String newName) {
        StringBuilder b = new StringBuilder();
        b.append("Rulebase diff: ").append(oldName).append(" → ").append(newName).append(" over ").append(compared)
                .append(" patient-jurisdiction evaluation(s)\n");
        for (PatientChange p : changes) {
            b.append('\n').append(p.patient()).append(" (").append(p.jurisdiction()).append(")\n");
            for (Change c : p.changes()) b.append("  ").append(c.field()).append(": ").append(c.before()).append(" → ").append(c.after()).append('\n');
        }
        long patients = changes.stream().map(PatientChange::patient).distinct().count();
        b.append('\n').append(changes.isEmpty() ? "No patient's assessment changes." : patients + " patient(s) change in "
                + changes.size() + " evaluation(s).").append('\n');
        return b.toString();
    }

    public String json(String oldName, String newName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("old", oldName);
        m.put("new", newName);
        m.put("compared", compared);
        m.put("changes", changes);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
