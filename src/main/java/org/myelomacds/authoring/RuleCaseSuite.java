package org.myelomacds.authoring;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.ScenarioSuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the rule unit cases of a rule directory. rules/tests/ mirrors the DRL files: the cases of rules/flags/renal.drl
 * live in rules/tests/flags/renal.yaml, so an author changing a rule file finds its cases at the same path. Files are
 * found recursively. A malformed file is refused with the file, the line and what is wrong, never half-read.
 */
public final class RuleCaseSuite {
    public static final String FOLDER = "tests";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> CASE_KEYS = Set.of("name", "bundle", "asOf", "jurisdictions", "patch", "remove", "add", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("setting", "fired", "notFired", "flags", "noFlags", "gaps", "noGaps",
            "status", "criteria", "scores");

    private RuleCaseSuite() {}

    /** Every case under rulesDir/tests; bundles are looked up relative to the case file, then in samplesDir. */
    public static List<RuleCase> load(Path rulesDir, Path samplesDir) throws IOException {
        Path dir = rulesDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        }
        List<RuleCase> out = new ArrayList<>();
        for (Path f : files) out.addAll(read(f, samplesDir));
        return out;
    }

    static List<RuleCase> read(Path file, Path samplesDir) throws IOException {
        List<RuleCase> out = new ArrayList<>();
        try (JsonParser p = YAML.getFactory().createParser(file.toFile())) {
            JsonNode root = YAML.readTree(p);
            if (root == null || !root.isObject() || !root.path("cases").isArray()) {
                throw new IOException(file + ": expected 'cases:' with a list of cases (and optionally 'bundle:' and 'asOf:' defaults)");
            }
            String defaultBundle = root.path("bundle").asText(null);
            String defaultAsOf = root.path("asOf").asText(null);
            int[] lines = caseLines(file, root.get("cases").size());
            int i = 0;
            for (JsonNode c : root.get("cases")) {
                int line = lines[i++];
                String where = relative(file) + ":" + line;
                for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!CASE_KEYS.contains(k)) throw new IOException(where + ": unknown key '" + k + "' (known: " + CASE_KEYS + ")");
                }
                String name = c.path("name").asText(null);
                if (name == null || name.isBlank()) throw new IOException(where + ": a case needs a 'name'");
                String bundleName = c.path("bundle").asText(defaultBundle);
                if (bundleName == null) throw new IOException(where + ": case '" + name + "' names no 'bundle' (and the file gives no default)");
                Path bundle = file.getParent().resolve(bundleName);
                if (!Files.exists(bundle)) bundle = samplesDir.resolve(bundleName);
                // A missing bundle fails the case when it runs (not the whole suite), so --scenario can still select others.
                LocalDate asOf;
                try {
                    String d = c.path("asOf").asText(defaultAsOf);
                    asOf = d == null ? ScenarioSuite.DEFAULT_AS_OF : LocalDate.parse(d);
                } catch (DateTimeParseException e) {
                    throw new IOException(where + ": asOf must be a date YYYY-MM-DD: " + e.getParsedString());
                }
                List<Jurisdiction> jurisdictions = new ArrayList<>();
                if (c.has("jurisdictions")) {
                    for (JsonNode j : c.get("jurisdictions")) {
                        try {
                            jurisdictions.add(Jurisdiction.valueOf(j.asText()));
                        } catch (IllegalArgumentException e) {
                            throw new IOException(where + ": unknown jurisdiction " + j.asText() + " (US or EU)");
                        }
                    }
                } else jurisdictions.addAll(List.of(Jurisdiction.values()));
                Map<String, JsonNode> patch = new LinkedHashMap<>();
                c.path("patch").fields().forEachRemaining(e -> patch.put(e.getKey(), e.getValue()));
                List<String> remove = strings(c.path("remove"));
                List<JsonNode> add = new ArrayList<>();
                c.path("add").forEach(add::add);
                JsonNode e = c.path("expect");
                if (!e.isObject() || e.isEmpty()) throw new IOException(where + ": case '" + name + "' has no 'expect'");
                for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!EXPECT_KEYS.contains(k)) throw new IOException(where + ": unknown expectation '" + k + "' (known: " + EXPECT_KEYS + ")");
                }
                Map<String, String> status = new LinkedHashMap<>();
                e.path("status").fields().forEachRemaining(s -> status.put(s.getKey(), s.getValue().asText()));
                List<RuleCase.Criterion> criteria = new ArrayList<>();
                for (JsonNode cr : e.path("criteria")) {
                    if (!cr.hasNonNull("regimen") || !cr.hasNonNull("criterion") || !cr.hasNonNull("outcome")) {
                        throw new IOException(where + ": a criteria entry needs regimen, criterion and outcome: " + cr);
                    }
                    criteria.add(new RuleCase.Criterion(cr.get("regimen").asText(), cr.get("criterion").asText(),
                            cr.get("outcome").asText(), cr.path("rule").asText(null)));
                }
                List<RuleCase.Score> scores = new ArrayList<>();
                for (JsonNode sc : e.path("scores")) {
                    if (!sc.hasNonNull("regimen") || !sc.hasNonNull("rule") || !sc.path("points").isInt()) {
                        throw new IOException(where + ": a scores entry needs regimen, rule and points (a whole number): " + sc);
                    }
                    scores.add(new RuleCase.Score(sc.get("regimen").asText(), sc.get("rule").asText(), sc.get("points").asInt(),
                            sc.path("label").asText(null)));
                }
                out.add(new RuleCase(name, file, line, bundle, asOf, List.copyOf(jurisdictions), patch, remove, add,
                        new RuleCase.Expect(e.path("setting").asText(null), strings(e.path("fired")), strings(e.path("notFired")),
                                strings(e.path("flags")), strings(e.path("noFlags")), strings(e.path("gaps")),
                                strings(e.path("noGaps")), status, criteria, List.copyOf(scores))));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new IOException(relative(file) + (l == null ? "" : ":" + l.getLineNr()) + ": not valid YAML: " + e.getOriginalMessage());
        }
        return out;
    }

    /** The line each case starts on ("- name:" items of the top-level cases list), for messages an author can follow. */
    private static int[] caseLines(Path file, int count) throws IOException {
        int[] lines = new int[count];
        try (YAMLParser p = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
            int depth = 0;
            boolean inCases = false;
            int found = 0;
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != null && found < count) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && depth == 1 && "cases".equals(p.currentName())) inCases = true;
                if (t.isStructStart()) {
                    depth++;
                    if (inCases && depth == 3 && t == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                        lines[found++] = p.currentTokenLocation().getLineNr();
                    }
                } else if (t.isStructEnd()) {
                    depth--;
                    if (depth == 1) inCases = false;
                }
            }
        }
        return lines;
    }

    /** A case file's path under the tests folder, with forward slashes (flags/renal.yaml); the file name if outside it. */
    static String relative(Path file) {
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && FOLDER.equals(p.getFileName().toString())) {
                return p.relativize(file).toString().replace('\\', '/');
            }
        }
        return String.valueOf(file.getFileName());
    }

    /**
     * The DRL file a case file mirrors, relative to the rule directory (flags/renal.yaml -> flags/renal.drl).
     */
    public static String mirroredDrl(RuleCase c) {
        String rel = c.relativeFile();
        int dot = rel.lastIndexOf('.');
        return (dot < 0 ? rel : rel.substring(0, dot)) + ".drl";
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        else if (n.isTextual()) out.add(n.asText());
        return out;
    }
}
