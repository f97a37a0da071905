package org.myelomacds.authoring;

import org.myelomacds.engine.CompileMode;
import org.myelomacds.engine.DrugReferences;
import org.myelomacds.engine.RuleFiles;
import org.myelomacds.engine.RuleLocation;
import org.myelomacds.engine.RuleProblem;
import org.myelomacds.engine.RulebaseCompiler;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.evidence.CatalogueException;
import org.myelomacds.evidence.EvidenceCatalogue;
import org.myelomacds.evidence.RegimenCatalogue;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.evidence.terminology.TerminologyProblem;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rules validate}: compiles a rule directory the way run time does (DRL) and the way the build does (executable
 * model), then applies the authoring checks of {@link AuthoringChecks}. Every problem is located as
 * {@code file:line:column} in the author's DRL; where the executable-model compiler gives no usable position (line -1,
 * a generated Java file, or an exception with no location at all) the problem is traced back to the rule and the
 * constraint by searching the parsed DRL and, as a last resort, by recompiling subsets of the rules.
 */
public final class RuleValidator {
    /** Everything validation learned: the problems (sorted by file and position) and the parsed sources. */
    public record Report(List<RuleProblem> problems, DrlSource source, RuleFiles files,
                         EvidenceCatalogue evidence, RegimenCatalogue regimens, Terminology terminology) {
        public List<RuleProblem> errors() { return problems.stream().filter(p -> p.severity().equals(ERROR)).toList(); }
        public List<RuleProblem> warnings() { return problems.stream().filter(p -> p.severity().equals(WARNING)).toList(); }
        public boolean passes(boolean strict) { return errors().isEmpty() && (!strict || warnings().isEmpty()); }
    }

    public static final String ERROR = "ERROR";
    public static final String WARNING = "WARNING";

    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern GENERATED_RULE_METHOD = Pattern.compile("rule_([A-Za-z0-9_]+)\\s*\\(");

    private final PrintWriter progress;

    /** @param progress where to say what is happening during slow steps (stderr); never the report itself */
    public RuleValidator(PrintWriter progress) {
        this.progress = progress;
    }

    /**
     * @param displayPrefix how file paths are printed: the rule directory as the user named it, ending in "/"
     *                      (e.g. "rules/"), so a path can be pasted into an editor
     */
    public Report validate(Path rulesDir, String displayPrefix) throws IOException {
        RuleFiles files = RuleFiles.fromDirectory(rulesDir);
        return withCaseChecks(validate(files, displayPrefix), rulesDir, displayPrefix);
    }

    /**
     * The rule unit cases of rules/tests/ must name rules that exist (a misspelt id in notFired passes silently
     * otherwise) and be readable; both are errors here, found without running a case.
     */
    private static Report withCaseChecks(Report report, Path rulesDir, String displayPrefix) {
        List<RuleProblem> problems = new ArrayList<>(report.problems());
        Set<String> ids = new java.util.TreeSet<>();
        report.source().rules().forEach(r -> ids.add(r.id()));
        // A file with a syntax error yields no parsed rules; its rule names are still read from the text, so the one
        // syntax error is reported once instead of as every case naming that file's rules.
        for (DrlSource.File f : report.source().files()) {
            if (f.parseProblems().isEmpty()) continue;
            Matcher m = RULE_NAME.matcher(f.text());
            while (m.find()) ids.add(RuleLocation.idOf(m.group(1)));
        }
        String folder = displayPrefix + RuleCaseSuite.FOLDER + "/";
        try {
            // Bundles are resolved when a case runs; the samples directory does not matter for the ids.
            for (RuleCase c : RuleCaseSuite.load(rulesDir, rulesDir)) {
                for (String message : CaseRuleIds.unknown(c, ids)) {
                    problems.add(new RuleProblem(folder + c.relativeFile(), c.line(), 0, ERROR, "case '" + c.name() + "': " + message));
                }
            }
        } catch (IOException e) {
            problems.add(new RuleProblem(folder, 0, 0, ERROR, e.getMessage()));
        }
        if (problems.size() == report.problems().size()) return report;
        problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column).thenComparing(RuleProblem::message));
        return new Report(List.copyOf(problems), report.source(), report.files(), report.evidence(), report.regimens(), report.terminology());
    }

    /**
     * Parses and checks without compiling (fast): what the rulebook needs. Compile errors are not found here; the
     * rulebook of a directory that does not compile would describe rules that cannot run, so run validate in CI.
     */
    public Report parseOnly(Path rulesDir, String displayPrefix) throws IOException {
        return validate(RuleFiles.fromDirectory(rulesDir), displayPrefix, false);
    }

    public Report validate(RuleFiles files, String displayPrefix) {
        return validate(files, displayPrefix, true);
    }

    private Report validate(RuleFiles files, String displayPrefix, boolean compile) {
        List<RuleProblem> problems = new ArrayList<>();
        EvidenceCatalogue evidence = null;
        RegimenCatalogue regimens = null;
        try {
            evidence = EvidenceCatalogue.parse(files.require("evidence.yaml"), displayPrefix + "evidence.yaml");
        } catch (IOException | CatalogueException e) {
            problems.add(new RuleProblem(displayPrefix + "evidence.yaml", 0, 0, ERROR, e.getMessage()));
        }
        Terminology.Loaded terminology = Terminology.check(files.all());
        for (TerminologyProblem p : terminology.problems()) {
            problems.add(new RuleProblem(displayPrefix + p.file(), p.line(), p.column(), p.isError() ? ERROR : WARNING, p.message()));
        }
        if (terminology.terminology() != null) {
            try {
                regimens = RegimenCatalogue.parse(files.require("regimens.yaml"), displayPrefix + "regimens.yaml",
                        terminology.terminology().drugs());
            } catch (IOException | CatalogueException e) {
                problems.add(new RuleProblem(displayPrefix + "regimens.yaml", 0, 0, ERROR, e.getMessage()));
            }
        }
        DrlSource source = DrlSource.parse(files, displayPrefix);
        problems.addAll(source.parseProblems());

        // Where the DRL parser already rejected a file, the compiler's messages about that file repeat it less precisely.
        Set<String> unparsed = new LinkedHashSet<>();
        source.parseProblems().forEach(p -> unparsed.add(p.file()));
        List<RuleProblem> drl = !compile ? List.of() : compile(files, CompileMode.DRL, source, displayPrefix, false).stream()
                .filter(p -> !unparsed.contains(p.file())).toList();
        problems.addAll(drl);
        if (compile && source.parseProblems().isEmpty()) {
            // The executable model usually repeats a DRL error less precisely; its own problems matter when the DRL
            // compile passed (the build would still fail) or when they point somewhere the DRL compile did not.
            Set<String> seen = new LinkedHashSet<>();
            drl.forEach(p -> seen.add(p.file() + ":" + p.line()));
            for (RuleProblem p : compile(files, CompileMode.EXECUTABLE_MODEL, source, displayPrefix, !drl.isEmpty())) {
                if (!seen.contains(p.file() + ":" + p.line())) problems.add(p);
            }
        }
        problems.addAll(new AuthoringChecks(source, evidence, regimens).run());
        if (terminology.terminology() != null) problems.addAll(DrugReferences.check(files.drl(), terminology.terminology().drugs(), displayPrefix));
        problems = dedupe(problems);
        problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column).thenComparing(RuleProblem::message));
        return new Report(List.copyOf(problems), source, files, evidence, regimens, terminology.terminology());
    }


    private static List<RuleProblem> dedupe(List<RuleProblem> problems) {
        Map<String, RuleProblem> out = new LinkedHashMap<>();
        for (RuleProblem p : problems) out.putIfAbsent(p.toString(), p);
        return new ArrayList<>(out.values());
    }

    private List<RuleProblem> compile(RuleFiles files, CompileMode mode, DrlSource source, String prefix, boolean drlFailed) {
        if (mode == CompileMode.EXECUTABLE_MODEL) progress.println("[validate] compiling as the build does (executable model)...");
        else progress.println("[validate] compiling as run time does (DRL)...");
        try {
            RulebaseCompiler.compile(files, mode);
            return List.of();
        } catch (RulebaseException e) {
            List<RuleProblem> out = new ArrayList<>();
            Map<String, String> generatedSources = generatedSources(e.problems());
            for (RuleProblem p : e.problems()) {
                if (p.message().startsWith("Java source of ")) continue;   // the generated code itself, used below
                out.add(locate(p, mode, source, prefix, generatedSources));
            }
            return out;
        } catch (RuntimeException crash) {
            // The executable-model generator can fail with an exception that names no rule (e.g. a
            // NumberFormatException for a constraint comparing a number with a string). Bisecting is only meaningful
            // when the DRL compile passed; otherwise the rules it rejected would fail every subset too.
            if (drlFailed) {
                return List.of(new RuleProblem(prefix + "(rulebase)", 0, 0, ERROR, "executable model: the compiler failed ("
                        + crash.getClass().getSimpleName() + "); fix the errors above first, then validate again to locate it"));
            }
            return List.of(locateCrash(files, source, prefix, crash, mode));
        }
    }

    /** Maps one compiler problem to the author's file, rule and constraint. */
    RuleProblem locate(RuleProblem p, CompileMode mode, DrlSource source, String prefix, Map<String, String> generated) {
        String label = mode == CompileMode.EXECUTABLE_MODEL ? "executable model: " : "";
        String file = p.file().startsWith("rules/") ? prefix + p.file().substring("rules/".length()) : p.file();
        String message = label + p.message().replace("\n", " ").replaceAll("\\s+", " ").strip();
        boolean drlFile = file.endsWith(".drl");
        if (drlFile && p.line() > 0) {
            if (p.column() > 0) return new RuleProblem(file, p.line(), p.column(), ERROR, message);
            // DRL mode gives the line and column 0: point at the constraint on that line the message names, if any.
            for (DrlSource.Constraint c : constraintsOn(source, file, p.line())) {
                if (p.message().contains(c.expression())) return new RuleProblem(file, c.line(), c.column(), ERROR, message);
            }
            // A consequence error names the method or variable; find it in the rule declared on that line.
            String name = identifierIn(p.message());
            Optional<DrlSource.Rule> r = source.ruleAt(file, p.line());
            if (name != null && r.isPresent()) {
                int idx = indexOfWord(r.get().file().text(), name, Math.max(0, r.get().descr().getStartCharacter()),
                        r.get().descr().getEndCharacter() > 0 ? r.get().descr().getEndCharacter() : r.get().file().text().length());
                if (idx >= 0) {
                    int[] at = r.get().file().position(idx);
                    return new RuleProblem(file, at[0], at[1], ERROR, message);
                }
            }
            return new RuleProblem(file, p.line(), firstNonBlank(source, file, p.line()), ERROR, message);
        }
        if (drlFile) {
            // Line -1: find the constraint whose expression the message quotes.
            Optional<DrlSource.Constraint> c = constraintQuoted(source, file, p.message());
            if (c.isPresent()) return new RuleProblem(file, c.get().line(), c.get().column(), ERROR, message);
            Optional<DrlSource.Rule> r = ruleQuoted(source, file, p.message());
            if (r.isPresent()) return new RuleProblem(file, r.get().line(), r.get().column(), ERROR, message);
            return new RuleProblem(file, 0, 0, ERROR, message);
        }
        // A generated Java file: find the rule the generated code belongs to and the DRL text it was generated from.
        String javaSource = generated.get(p.file());
        Optional<DrlSource.Rule> rule = Optional.empty();
        // The identifier the message names (e.g. "The method getFirstDoze() is undefined") is the most specific text
        // to search for; the token at the reported column of the generated code is the fallback.
        String token = identifierIn(p.message());
        if (javaSource != null && p.line() > 0) {
            String[] lines = javaSource.split("\n", -1);
            if (p.line() <= lines.length) {
                if (token == null) token = tokenAt(lines[p.line() - 1], Math.max(0, p.column() - 1));
                for (int i = p.line() - 1; i >= 0 && rule.isEmpty(); i--) {
                    Matcher m = GENERATED_RULE_METHOD.matcher(lines[i]);
                    if (m.find()) rule = source.rules().stream()
                            .filter(r -> generatedMethodName(r.name()).equals(m.group(1))).findFirst();
                }
            }
        }
        if (token != null && token.length() < 3) token = null;   // "e", "$r": would match anywhere
        Optional<int[]> at = Optional.empty();
        DrlSource.File atFile = null;
        List<DrlSource.Rule> candidates = rule.map(List::of).orElse(source.rules());
        for (DrlSource.Rule r : candidates) {
            if (token == null) break;
            int idx = indexOfWord(r.file().text(), token, Math.max(0, r.descr().getStartCharacter()),
                    r.descr().getEndCharacter() > 0 ? r.descr().getEndCharacter() : r.file().text().length());
            if (idx >= 0) {
                at = Optional.of(r.file().position(idx));
                atFile = r.file();
                break;
            }
        }
        if (at.isPresent()) {
            return new RuleProblem(atFile.path(), at.get()[0], at.get()[1], ERROR, message + " (in generated " + shortName(p.file()) + ")");
        }
        if (rule.isPresent()) {
            return new RuleProblem(rule.get().file().path(), rule.get().line(), rule.get().column(), ERROR, message);
        }
        return new RuleProblem(file, Math.max(0, p.line()), Math.max(0, p.column()), ERROR, message);
    }

    /** The executable model names each rule's method after the rule, escaping every other character as _code_. */
    static String generatedMethodName(String ruleName) {
        StringBuilder b = new StringBuilder();
        for (char c : ruleName.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) b.append(c);
            else b.append('_').append((int) c).append('_');
        }
        return b.toString();
    }

    private static Map<String, String> generatedSources(List<RuleProblem> problems) {
        Map<String, String> out = new TreeMap<>();
        for (RuleProblem p : problems) {
            String m = p.message();
            if (m.startsWith("Java source of ") && m.contains(" in error:")) {
                out.put(p.file(), m.substring(m.indexOf(" in error:") + " in error:".length()).replaceFirst("^\\r?\\n", ""));
            }
        }
        return out;
    }

    private RuleProblem locateCrash(RuleFiles files, DrlSource source, String prefix, RuntimeException crash, CompileMode mode) {
        String what = crash.getClass().getSimpleName() + (crash.getMessage() == null ? "" : ": " + crash.getMessage());
        String message = "executable model: the compiler failed (" + what + ")";
        progress.println("[validate] the executable-model compiler failed without naming a rule; locating the rule by recompiling subsets...");
        Bisection b = new Bisection(files, source, mode);
        Optional<DrlSource.Rule> culprit = b.culprit();
        if (culprit.isEmpty()) return new RuleProblem(prefix + "(rulebase)", 0, 0, ERROR, message + "; the rule could not be isolated");
        DrlSource.Rule r = culprit.get();
        Optional<DrlSource.Constraint> c = b.culpritConstraint(r);
        if (c.isPresent()) {
            return new RuleProblem(r.file().path(), c.get().line(), c.get().column(), ERROR,
                    message + " in rule " + r.id() + ", constraint '" + c.get().expression() + "' of " + c.get().pattern()
                            + " (check the types compared)");
        }
        return new RuleProblem(r.file().path(), r.line(), r.column(), ERROR, message + " in rule " + r.id());
    }

    private static List<DrlSource.Constraint> constraintsOn(DrlSource source, String file, int line) {
        List<DrlSource.Constraint> out = new ArrayList<>();
        for (DrlSource.Rule r : source.rules()) {
            if (!r.file().path().equals(file)) continue;
            for (DrlSource.Constraint c : r.constraints()) if (c.line() == line) out.add(c);
        }
        return out;
    }

    private static int firstNonBlank(DrlSource source, String file, int line) {
        for (DrlSource.File f : source.files()) {
            if (!f.path().equals(file)) continue;
            String[] lines = f.text().split("\n", -1);
            if (line > lines.length) return 0;
            String l = lines[line - 1];
            for (int i = 0; i < l.length(); i++) if (!Character.isWhitespace(l.charAt(i))) return i + 1;
        }
        return 0;
    }

    private static Optional<DrlSource.Constraint> constraintQuoted(DrlSource source, String file, String message) {
        DrlSource.Constraint best = null;
        for (DrlSource.Rule r : source.rules()) {
            if (!r.file().path().equals(file)) continue;
            for (DrlSource.Constraint c : r.constraints()) {
                if (message.contains(c.expression()) && (best == null || c.expression().length() > best.expression().length())) best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<DrlSource.Rule> ruleQuoted(DrlSource source, String file, String message) {
        return source.rules().stream().filter(r -> r.file().path().equals(file) && message.contains(r.name())).findFirst();
    }

    private static String tokenAt(String line, int col) {
        if (col >= line.length()) return null;
        int s = col;
        while (s < line.length() && !Character.isJavaIdentifierPart(line.charAt(s))) s++;
        int e = s;
        while (e < line.length() && Character.isJavaIdentifierPart(line.charAt(e))) e++;
        return s < e ? line.substring(s, e) : null;
    }

    /** "The method getFirstDoze() is undefined" → getFirstDoze. */
    private static String identifierIn(String message) {
        Matcher m = Pattern.compile("(?:method|field|variable|symbol)\\s+([A-Za-z_$][A-Za-z0-9_$]*)").matcher(message);
        return m.find() ? m.group(1) : null;
    }

    private static int indexOfWord(String text, String word, int from, int to) {
        int i = text.indexOf(word, from);
        while (i >= 0 && i < to) {
            boolean before = i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1));
            boolean after = i + word.length() >= text.length() || !Character.isJavaIdentifierPart(text.charAt(i + word.length()));
            if (before && after) return i;
            i = text.indexOf(word, i + 1);
        }
        return -1;
    }

    private static String shortName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /**
     * Finds the rule (and the constraint) an unlocated compiler failure comes from by compiling copies of the rule
     * files in which other rules are blanked out (replaced by spaces, line breaks kept, so positions stay valid).
     */
    static final class Bisection {
        private final RuleFiles files;
        private final DrlSource source;
        private final CompileMode mode;

        Bisection(RuleFiles files, DrlSource source, CompileMode mode) {
            this.files = files;
            this.source = source;
            this.mode = mode;
        }

        Optional<DrlSource.Rule> culprit() {
            List<DrlSource.Rule> candidates = new ArrayList<>(source.rules());
            if (!fails(candidates, Map.of())) return Optional.empty();
            while (candidates.size() > 1) {
                List<DrlSource.Rule> first = candidates.subList(0, candidates.size() / 2);
                List<DrlSource.Rule> second = candidates.subList(candidates.size() / 2, candidates.size());
                if (fails(first, Map.of())) candidates = new ArrayList<>(first);
                else if (fails(second, Map.of())) candidates = new ArrayList<>(second);
                else return Optional.empty();   // only fails in combination: not a single rule's fault
            }
            return Optional.of(candidates.get(0));
        }

        /** The constraint whose removal lets the rule compile (constraints that bind a variable are kept). */
        Optional<DrlSource.Constraint> culpritConstraint(DrlSource.Rule rule) {
            for (DrlSource.Constraint c : rule.constraints()) {
                if (c.descr().getStartCharacter() < 0 || c.expression().contains(":")) continue;
                if (!fails(List.of(rule), Map.of(c, "true"))) return Optional.of(c);
            }
            return Optional.empty();
        }

        private boolean fails(List<DrlSource.Rule> keep, Map<DrlSource.Constraint, String> replace) {
            Map<String, byte[]> copy = new TreeMap<>(files.all());
            for (DrlSource.File f : source.files()) {
                StringBuilder text = new StringBuilder(f.text());
                List<int[]> edits = new ArrayList<>();
                for (DrlSource.Rule r : source.rules()) {
                    if (r.file() != f) continue;
                    if (!keep.contains(r)) edits.add(new int[] {r.descr().getStartCharacter(), r.descr().getEndCharacter() + 1});
                }
                for (int[] e : edits) blank(text, e[0], e[1]);
                for (Map.Entry<DrlSource.Constraint, String> e : replace.entrySet()) {
                    var d = e.getKey().descr();
                    if (!keep.isEmpty() && keep.get(0).file() == f) {
                        blank(text, d.getStartCharacter(), d.getEndCharacter() + 1);
                        text.replace(d.getStartCharacter(), d.getStartCharacter() + e.getValue().length(), e.getValue());
                    }
                }
                copy.put(f.relative(), text.toString().getBytes(StandardCharsets.UTF_8));
            }
            try {
                RulebaseCompiler.compile(RuleFiles.of("bisection", copy), mode);
                return false;
            } catch (RulebaseException | RuntimeException e) {
                return true;
            }
        }

        private static void blank(StringBuilder text, int from, int to) {
            for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
                if (text.charAt(i) != '\n' && text.charAt(i) != '\r') text.setCharAt(i, ' ');
            }
        }
    }
}
