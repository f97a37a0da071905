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
        compared += compareCases(before, after, out);
        return new RulebaseDiff(List.copyOf(out), compared);
    }

    /** What a rule unit case is called in the diff: its file and name, which stay put when its line moves. */
    static final String CASE_PREFIX = "case ";

    private static String caseKey(RuleCaseRunner.Outcome o) {
        return CASE_PREFIX + o.ruleCase().relativeFile() + ": " + o.ruleCase().name();
    }

    /**
     * The rule unit cases of both directories, matched by file and name: each one's patient compared like a scenario's,
     * and its result (the expectations that pass under one rulebase and fail under the other), so a threshold change
     * shows the boundary cases it moves.
     */
    private static int compareCases(SuiteRun before, SuiteRun after, List<PatientChange> out) {
        Map<String, RuleCaseRunner.Outcome> old = new TreeMap<>();
        before.cases().forEach(o -> old.putIfAbsent(caseKey(o), o));
        int compared = 0;
        for (RuleCaseRunner.Outcome n : after.cases()) {
            RuleCaseRunner.Outcome o = old.get(caseKey(n));
            if (o == null) continue;
            String resultBefore = result(o);
            String resultAfter = result(n);
            List<Change> result = new ArrayList<>();
            if (!resultBefore.equals(resultAfter)) result.add(new Change("case result", resultBefore, resultAfter));
            if (!result.isEmpty()) out.add(new PatientChange(caseKey(n), "both", List.copyOf(result)));
            for (Jurisdiction j : n.ruleCase().jurisdictions()) {
                Assessment a = o.assessments().get(j);
                Assessment b = n.assessments().get(j);
                compared++;
                if (a == null || b == null) continue;     // a case that could not run shows in its result above
                List<Change> c = new ArrayList<>();
                compare(a, b, c);
                if (!c.isEmpty()) out.add(new PatientChange(caseKey(n), j.name(), List.copyOf(c)));
            }
        }
        return compared;
    }

    private static String result(RuleCaseRunner.Outcome o) {
        if (o.error() != null) return "error: " + o.error();
        return o.failures().isEmpty() ? "passes" : "fails: " + String.join("; ", o.failures());
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
        long patients = changes.stream().map(PatientChange::patient).filter(p -> !p.startsWith(CASE_PREFIX)).distinct().count();
        long cases = changes.stream().map(PatientChange::patient).filter(p -> p.startsWith(CASE_PREFIX)).distinct().count();
        long caseResults = changes.stream().filter(p -> p.changes().stream().anyMatch(c -> c.field().equals("case result"))).count();
        b.append('\n').append(changes.isEmpty() ? "No patient's assessment changes." : patients + " sample patient(s) and " + cases
                + " rule case(s) change in " + changes.size() + " evaluation(s); " + caseResults + " rule case result(s) change.").append('\n');
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
