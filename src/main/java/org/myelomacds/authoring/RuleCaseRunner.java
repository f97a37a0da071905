package org.myelomacds.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Flag;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.ScoreLine;
import org.myelomacds.assessment.Statement;
import org.myelomacds.assessment.TraceEntry;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.fhir.BundleReader;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Runs rule unit cases through the whole engine (the bundle is read as FHIR, as in production) and checks them. */
public final class RuleCaseRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The result of one case: each failed expectation as a line, or the error that kept it from running. */
    public record Outcome(RuleCase ruleCase, List<String> failures, String error, Map<Jurisdiction, Assessment> assessments) {
        public boolean passed() { return error == null && failures.isEmpty(); }
    }

    private final Evaluator evaluator;
    private final Terminology terminology;
    private final BundleReader reader;
    private final java.util.SortedSet<String> ruleIds;

    public RuleCaseRunner(Rulebase rulebase) {
        this(rulebase, new BundleReader());
    }

    public RuleCaseRunner(Rulebase rulebase, BundleReader reader) {
        this.evaluator = new Evaluator(rulebase);
        this.terminology = rulebase.terminology();
        this.reader = reader;
        this.ruleIds = new TreeSet<>(rulebase.ruleIndex().all().values().stream().map(org.myelomacds.engine.RuleLocation::id).toList());
    }

    public List<Outcome> runAll(List<RuleCase> cases) {
        List<Outcome> out = new ArrayList<>();
        for (RuleCase c : cases) out.add(run(c));
        return out;
    }

    public Outcome run(RuleCase c) {
        Map<Jurisdiction, Assessment> assessments = new EnumMap<>(Jurisdiction.class);
        List<String> unknown = CaseRuleIds.unknown(c, ruleIds);
        if (!unknown.isEmpty()) return new Outcome(c, List.of(), String.join("; ", unknown), Map.of());
        try {
            byte[] bundle = bundleFor(c);
            List<String> failures = new ArrayList<>();
            for (Jurisdiction j : c.jurisdictions()) {
                Assessment a = evaluator.evaluate(reader.read(bundle, c.asOf(), terminology), new EvaluationContext(c.asOf(), j));
                assessments.put(j, a);
                check(c.expect(), a, j.name() + " ", failures);
            }
            return new Outcome(c, List.copyOf(failures), null, Map.copyOf(assessments));
        } catch (Exception e) {
            return new Outcome(c, List.of(), e.getMessage() == null ? e.toString() : e.getMessage(), Map.copyOf(assessments));
        }
    }

    /** The case's bundle: the base bundle with resources patched (JSON merge patch), removed and added. */
    static byte[] bundleFor(RuleCase c) throws IOException {
        if (!Files.exists(c.bundle())) {
            throw new IOException("bundle " + c.bundle().getFileName() + " not found next to the case file or in the samples directory ("
                    + c.bundle().getParent() + ")");
        }
        JsonNode root = JSON.readTree(Files.readAllBytes(c.bundle()));
        if (!(root instanceof ObjectNode bundle) || !bundle.path("entry").isArray()) {
            throw new IOException(c.bundle().getFileName() + " is not a FHIR Bundle with entries");
        }
        ArrayNode entries = (ArrayNode) bundle.get("entry");
        Map<String, ObjectNode> byRef = new TreeMap<>();
        for (JsonNode e : entries) {
            JsonNode r = e.path("resource");
            if (r instanceof ObjectNode o) byRef.put(r.path("resourceType").asText() + "/" + r.path("id").asText(), o);
        }
        for (Map.Entry<String, JsonNode> p : c.patch().entrySet()) {
            ObjectNode target = byRef.get(p.getKey());
            if (target == null) throw new IOException(c.where() + ": patch names " + p.getKey() + ", which is not in " + c.bundle().getFileName()
                    + " (it has " + String.join(", ", byRef.keySet()) + ")");
            mergePatch(target, p.getValue());
        }
        for (String ref : c.remove()) {
            if (!byRef.containsKey(ref)) throw new IOException(c.where() + ": remove names " + ref + ", which is not in " + c.bundle().getFileName());
            for (Iterator<JsonNode> it = entries.iterator(); it.hasNext(); ) {
                JsonNode r = it.next().path("resource");
                if ((r.path("resourceType").asText() + "/" + r.path("id").asText()).equals(ref)) it.remove();
            }
        }
        for (JsonNode r : c.add()) entries.addObject().set("resource", r.deepCopy());
        return JSON.writeValueAsBytes(bundle);
    }

    /** RFC 7386: objects merge key by key, null deletes, anything else replaces. */
    static void mergePatch(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) target.remove(e.getKey());
            else if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode o) mergePatch(o, e.getValue());
            else target.set(e.getKey(), e.getValue().deepCopy());
        });
    }

    static void check(RuleCase.Expect x, Assessment a, String j, List<String> failures) {
        if (x.setting() != null && !x.setting().equals(a.setting())) {
            failures.add(j + "setting: expected " + x.setting() + ", got " + a.setting());
        }
        // fired: means in the result: a firing whose match Drools later withdrew (and its conclusions with it) does not count.
        TreeSet<String> fired = new TreeSet<>();
        for (TraceEntry t : a.trace()) if (t.inEffect()) fired.add(t.rule());
        for (String r : x.fired()) if (!fired.contains(r)) failures.add(j + "rule " + r + ": expected to fire, did not");
        for (String r : x.notFired()) if (fired.contains(r)) failures.add(j + "rule " + r + ": expected not to fire, fired");
        TreeSet<String> flags = new TreeSet<>();
        for (Flag f : a.flags()) flags.add(f.code());
        for (String f : x.flags()) if (!flags.contains(f)) failures.add(j + "flag " + f + ": expected, absent (flags: " + flags + ")");
        for (String f : x.noFlags()) if (flags.contains(f)) failures.add(j + "flag " + f + ": expected absent, raised by " + flagRules(a, f));
        TreeSet<String> gaps = new TreeSet<>();
        a.dataGaps().forEach(g -> gaps.add(g.code()));
        for (String g : x.gaps()) if (!gaps.contains(g)) failures.add(j + "data gap " + g + ": expected, absent (gaps: " + gaps + ")");
        for (String g : x.noGaps()) if (gaps.contains(g)) failures.add(j + "data gap " + g + ": expected absent, present");
        Map<String, String> statuses = statuses(a);
        x.status().forEach((regimen, status) -> {
            if (!status.equals(statuses.get(regimen))) {
                failures.add(j + "status of " + regimen + ": expected " + status + ", got " + statuses.get(regimen));
            }
        });
        List<Statement> statements = statements(a);
        for (RuleCase.Criterion c : x.criteria()) {
            List<Statement> same = statements.stream().filter(s -> c.regimen().equals(regimenOf(a, s)) && c.criterion().equals(s.criterion())).toList();
            boolean ok = same.stream().anyMatch(s -> c.outcome().equals(s.outcome()) && (c.rule() == null || c.rule().equals(s.rule())));
            if (!ok) {
                failures.add(j + "criterion " + c.regimen() + " " + c.criterion() + ": expected " + c.outcome()
                        + (c.rule() == null ? "" : " by " + c.rule()) + ", got "
                        + (same.isEmpty() ? "no such criterion in the assessment" : same.stream().map(s -> s.outcome() + " by " + s.rule()).toList()));
            }
        }
        checkScores(x, a, j, failures);
    }

    private static void checkScores(RuleCase.Expect x, Assessment a, String j, List<String> failures) {
        for (RuleCase.Score sc : x.scores()) {
            Recommendation r = a.recommendations().stream().filter(x2 -> x2.regimen().equals(sc.regimen())).findFirst().orElse(null);
            if (r == null) {
                failures.add(j + "score line of " + sc.regimen() + " by " + sc.rule() + ": the regimen is not recommended (status "
                        + statuses(a).get(sc.regimen()) + "), so it has no score");
                continue;
            }
            List<ScoreLine> byRule = r.scoreComponents().stream().filter(l -> sc.rule().equals(l.rule())).toList();
            boolean ok = byRule.stream().anyMatch(l -> l.points() == sc.points()
                    && (sc.labelContains() == null || l.label().contains(sc.labelContains())));
            if (!ok) {
                failures.add(j + "score line of " + sc.regimen() + " by " + sc.rule() + ": expected " + (sc.points() > 0 ? "+" : "") + sc.points()
                        + (sc.labelContains() == null ? "" : " saying '" + sc.labelContains() + "'") + ", got "
                        + (byRule.isEmpty() ? "no line by that rule" : byRule.stream().map(l -> l.points() + " '" + l.label() + "'").toList()));
            }
        }
    }

    private static String flagRules(Assessment a, String code) {
        return a.flags().stream().filter(f -> f.code().equals(code)).map(Flag::rule).distinct().sorted().toList().toString();
    }

    static Map<String, String> statuses(Assessment a) {
        Map<String, String> out = new TreeMap<>();
        for (Recommendation r : a.recommendations()) out.put(r.regimen(), r.status());
        for (NotRecommended r : a.notRecommended()) out.put(r.regimen(), r.status());
        return out;
    }

    private static List<Statement> statements(Assessment a) {
        List<Statement> out = new ArrayList<>();
        for (Recommendation r : a.recommendations()) out.addAll(r.rationale());
        for (NotRecommended r : a.notRecommended()) out.addAll(r.reasons());
        return out;
    }

    private static String regimenOf(Assessment a, Statement s) {
        for (Recommendation r : a.recommendations()) if (r.rationale().contains(s)) return r.regimen();
        for (NotRecommended r : a.notRecommended()) if (r.reasons().contains(s)) return r.regimen();
        return null;
    }
}
