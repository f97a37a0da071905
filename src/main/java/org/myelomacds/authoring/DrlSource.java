package org.myelomacds.authoring;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.myelomacds.engine.DrlSyntax;
import org.myelomacds.engine.RuleFiles;
import org.myelomacds.engine.RuleLocation;
import org.myelomacds.engine.RuleProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DRL of a rule directory as the Drools DRL parser sees it: every rule with the position of its name, its
 * annotations, its patterns and each constraint. The compiler reports some problems without a line (the executable
 * model often gives -1 or a generated Java file); validation and the rulebook use this model to point at the rule and
 * the pattern in the author's file instead.
 */
public final class DrlSource {
    /**
     * One parsed file: {@code path} as printed (the rule directory as the user named it, e.g.
     * "rules/eligibility/isa-kd.drl"), {@code relative} to the rule directory ("eligibility/isa-kd.drl").
     */
    public record File(String path, String relative, String text, PackageDescr descr, List<RuleProblem> parseProblems) {
        /** 1-based line and column of a character offset. */
        public int[] position(int offset) {
            int line = 1;
            int col = 1;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') { line++; col = 1; } else col++;
            }
            return new int[] {line, col};
        }
    }

    /** A rule as written: its name, id, file, declaration position, the descriptor, and its constraints in order. */
    public record Rule(String name, String id, File file, int line, int column, RuleDescr descr,
                       List<Constraint> constraints, List<PatternDescr> patterns) {
        public String folder() {
            String rel = file.relative();
            int slash = rel.indexOf('/');
            return slash < 0 ? "" : rel.substring(0, slash);
        }

        public String consequence() { return descr.getConsequence() == null ? "" : descr.getConsequence().toString(); }

        public Optional<AnnotationDescr> annotation(String name) {
            return Optional.ofNullable(descr.getAnnotation(name));
        }
    }

    /** One constraint of a pattern, positioned in its file; {@code pattern} is the fact type it constrains. */
    public record Constraint(String expression, String pattern, int line, int column, ExprConstraintDescr descr) {}

    private final List<File> files;
    private final List<Rule> rules;

    private DrlSource(List<File> files, List<Rule> rules) {
        this.files = List.copyOf(files);
        this.rules = List.copyOf(rules);
    }

    public static DrlSource parse(RuleFiles ruleFiles) {
        return parse(ruleFiles, "rules/");
    }

    /** @param prefix printed before each file's path relative to the rule directory ("rules/") */
    public static DrlSource parse(RuleFiles ruleFiles, String prefix) {
        List<File> files = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (Map.Entry<String, String> e : ruleFiles.drl().entrySet()) {
            File f = parseFile(prefix + e.getKey(), e.getKey(), e.getValue());
            files.add(f);
            if (f.descr() == null) continue;
            for (RuleDescr r : f.descr().getRules()) rules.add(rule(f, r));
        }
        return new DrlSource(files, rules);
    }

    static File parseFile(String path, String relative, String text) {
        DrlSyntax.Parsed parsed = DrlSyntax.parse(path, text);
        return new File(path, relative, text, parsed.descr(), parsed.problems());
    }

    private static Rule rule(File f, RuleDescr r) {
        int[] pos = namePosition(f, r);
        List<Constraint> constraints = new ArrayList<>();
        List<PatternDescr> patterns = new ArrayList<>();
        collect(f, r.getLhs(), constraints, patterns);
        return new Rule(r.getName(), RuleLocation.idOf(r.getName()), f, pos[0], pos[1], r, constraints, patterns);
    }

    /** The position of the quoted rule name (where an editor should jump), else of the rule keyword. */
    private static int[] namePosition(File f, RuleDescr r) {
        int start = Math.max(0, r.getStartCharacter());
        int quote = f.text().indexOf('"' + r.getName() + '"', start);
        if (quote < 0) quote = f.text().indexOf("'" + r.getName() + "'", start);
        return f.position(quote >= 0 ? quote + 1 : start);
    }

    private static void collect(File f, BaseDescr d, List<Constraint> out, List<PatternDescr> patterns) {
        if (d == null) return;
        if (d instanceof PatternDescr p) {
            patterns.add(p);
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr ec) {
                    int[] pos = ec.getStartCharacter() >= 0 ? f.position(ec.getStartCharacter())
                            : new int[] {Math.max(0, ec.getLine()), Math.max(0, ec.getColumn()) + 1};
                    out.add(new Constraint(ec.getExpression(), p.getObjectType(), pos[0], pos[1], ec));
                }
            }
            if (p.getSource() instanceof CollectDescr c) collect(f, c.getInputPattern(), out, patterns);
            if (p.getSource() instanceof AccumulateDescr a) {
                collect(f, a.getInput(), out, patterns);
            }
            if (p.getSource() instanceof FromDescr) { /* a from-expression is code, not a constraint */ }
        }
        if (d instanceof ConditionalElementDescr ce) {
            for (Object o : ce.getDescrs()) collect(f, (BaseDescr) o, out, patterns);
        }
    }

    public List<File> files() { return files; }
    public List<Rule> rules() { return rules; }

    public List<RuleProblem> parseProblems() {
        return files.stream().flatMap(f -> f.parseProblems().stream()).toList();
    }

    public Optional<Rule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public List<FunctionDescr> functions(File f) {
        return f.descr() == null ? List.of() : f.descr().getFunctions();
    }

    /** The rule whose text contains the given 1-based line of a file, if any. */
    public Optional<Rule> ruleAt(String path, int line) {
        for (Rule r : rules) {
            if (!r.file().path().equals(path)) continue;
            int first = r.file().position(Math.max(0, r.descr().getStartCharacter()))[0];
            int last = r.descr().getEndCharacter() > 0 ? r.file().position(r.descr().getEndCharacter())[0] : r.line();
            if (line >= first && line <= last) return Optional.of(r);
        }
        return Optional.empty();
    }
}
