package org.myelomacds.authoring;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.SwitchStmt;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.myelomacds.engine.RuleLocation;
import org.myelomacds.engine.RuleMetadata;
import org.myelomacds.engine.RuleProblem;
import org.myelomacds.assessment.DerivedConcept;
import org.myelomacds.evidence.EvidenceCatalogue;
import org.myelomacds.evidence.RegimenCatalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authoring rules a rulebase must follow beyond compiling. Each check says why in its message; the README
 * ("Write a rule") states the same rules for authors.
 *
 * <ul>
 *   <li><b>ids</b> (error): every rule is named "ID: sentence", the id well-formed and used once.</li>
 *   <li><b>evidence</b> (error): every rule declares @evidence; every id exists in evidence.yaml. @verification, when
 *       present, is M or T (the only tags that change what a rule may do).</li>
 *   <li><b>regimens</b> (error): every regimen id the DRL names exists in regimens.yaml. A string literal is a regimen id
 *       when it is the regimen argument of {@code Outputs.criterion/score}, a regimen argument of
 *       {@code Outputs.flag/gap}, compared with the {@code regimen} field of any fact or the {@code id} of a
 *       RegimenCandidate, a {@code case} of a switch on a variable named {@code regimen}, or the argument of
 *       {@code regimen.equals(..)}.</li>
 *   <li><b>deprecated DRL</b>: syntax Drools 10.1 deprecates and its DRL10 language level drops (half constraints
 *       {@code a > 1 || < 3}, {@code &&}/{@code ||} between patterns) and {@code agenda-group}/{@code auto-focus} (folded
 *       into ruleflow-group in DRL10) are errors; so is {@code ruleflow-group}, because the engine never activates a
 *       group (such a rule would never fire), and {@code date-effective}/{@code date-expires}/{@code timer}/
 *       {@code calendars}, which read the wall clock and break replay by asOf. {@code salience}, {@code no-loop},
 *       {@code lock-on-active}, {@code activation-group} and {@code enabled} are warnings: legal, but phases here come
 *       from fact dependencies (ARCHITECTURE §3) and they hide why a rule did or did not fire.</li>
 *   <li><b>thresholds</b> (error): in eligibility/, flags/, gaps/ and rank/ a numeric literal inside a pattern
 *       constraint is a clinical threshold and belongs in derive/ as a named function with its source beside it,
 *       so there is one place to change and cite it. 0 and 1 are not thresholds: compared with a count they ask
 *       "none", "any" or "exactly one". Numbers in consequences (score points in rank/, dose text) are not compared
 *       against facts and are not checked. Functions declared outside derive/ may not compare with a numeric literal
 *       other than 0 or 1 either.</li>
 *   <li><b>flag actions</b> (warning): a flag raised as WARNING or CRITICAL gives an {@code Outputs.action(..)}, the
 *       imperative the tumour-board sheet and the cards print first; a caution with nothing to do is INFO.</li>
 * </ul>
 */
final class AuthoringChecks {
    static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");
    static final Set<String> THRESHOLD_FOLDERS = Set.of("eligibility", "flags", "gaps", "rank");

    private static final Pattern HALF_CONSTRAINT = Pattern.compile("(\\|\\||&&)\\s*(==|!=|<=|>=|<|>)");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_$.])(\\d+(?:\\.\\d+)?|\\.\\d+)[dDfFlL]?(?![A-Za-z0-9_.])");
    private static final Pattern COMPARED_NUMBER = Pattern.compile(
            "(?:(?:==|!=|<=|>=|<|>)\\s*-?\\s*(\\d+(?:\\.\\d+)?))|(?:(?<![A-Za-z0-9_$.])(\\d+(?:\\.\\d+)?)\\s*(?:==|!=|<=|>=|<|>))");
    private static final Set<String> ERROR_ATTRIBUTES = Set.of("agenda-group", "auto-focus", "ruleflow-group",
            "date-effective", "date-expires", "timer", "calendars", "duration");
    private static final Set<String> WARNING_ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active",
            "activation-group", "enabled");

    private static final String WRAP_OPEN = "class W { void w() {";
    private static final String WRAP_CLOSE = "\n} }";

    private final DrlSource source;
    private final EvidenceCatalogue evidence;
    private final RegimenCatalogue regimens;
    private final List<RuleProblem> out = new ArrayList<>();
    private final JavaParser java = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    private final Thresholds thresholds;

    AuthoringChecks(DrlSource source, EvidenceCatalogue evidence, RegimenCatalogue regimens) {
        this.source = source;
        this.thresholds = Thresholds.of(source);
        this.evidence = evidence;
        this.regimens = regimens;
    }

    List<RuleProblem> run() {
        Map<String, DrlSource.Rule> ids = new HashMap<>();
        for (DrlSource.Rule r : source.rules()) {
            checkId(r, ids);
            checkEvidence(r);
            checkAttributes(r);
            checkSyntax(r);
            checkRegimenLiterals(r);
            checkFlagActions(r);
            if (THRESHOLD_FOLDERS.contains(r.folder())) checkThresholds(r);
            checkQuotedThresholds(r);
        }
        for (DrlSource.File f : source.files()) {
            for (FunctionDescr fn : source.functions(f)) checkFunction(f, fn);
        }
        checkFunctionsDefinedOnce();
        return out;
    }

    /**
     * A decision is written once. Two functions with the same body (parameters and code, ignoring layout and names of
     * parameters) are one function under two names: an author changing one leaves the other behind. And a derive/
     * function comparing with a literal that a threshold function of the same unit already holds (a trial's age window
     * written as {@code age > 65} beside {@code ndmmCassiopeiaMaxAge()} = 65) defines that limit a second time. Constant
     * functions may share a value: two trials with the same floor are two limits, each with its own source.
     */
    private void checkFunctionsDefinedOnce() {
        Map<String, String> firstByBody = new HashMap<>();
        for (DrlSource.File f : source.files()) {
            for (FunctionDescr fn : source.functions(f)) {
                if (fn.getBody() == null || fn.getParameterNames().isEmpty()) continue;
                String key = signature(fn);
                int[] at = functionPosition(f, fn);
                String first = firstByBody.putIfAbsent(key, fn.getName() + " (" + f.relative() + ":" + at[0] + ")");
                if (first != null) {
                    error(f, at[0], at[1], "function " + fn.getName() + " has the same body as " + first
                            + ": one decision, one function; call the first and delete this one");
                }
            }
        }
        for (DrlSource.File f : source.files()) {
            if (!f.relative().startsWith("derive/")) continue;
            for (FunctionDescr fn : source.functions(f)) {
                if (fn.getBody() == null || fn.getParameterNames().isEmpty()) continue;
                String unit = Thresholds.unitOf(fn.getName());
                if (unit.isEmpty()) continue;
                Matcher m = COMPARED_NUMBER.matcher(stripStrings(fn.getBody()));
                while (m.find()) {
                    String n = m.group(1) != null ? m.group(1) : m.group(2);
                    if (isZeroOrOne(n)) continue;
                    double v = Double.parseDouble(n);
                    List<String> same = thresholds.all().stream().filter(t -> t.unit().equals(unit) && t.number() == v)
                            .map(t -> t.name() + "() (" + t.relative() + ":" + t.line() + ")").toList();
                    if (same.isEmpty()) continue;
                    int[] at = functionPosition(f, fn);
                    error(f, at[0], at[1], "function " + fn.getName() + " compares with " + n + ", a limit "
                            + String.join(" and ", same) + " already define" + (same.size() == 1 ? "s" : "")
                            + ": call the threshold function, so the limit is written once");
                }
            }
        }
    }

    /** Parameter types and the body without layout, with parameters renamed by position: what a function does. */
    private static String signature(FunctionDescr fn) {
        String body = fn.getBody();
        List<String> names = fn.getParameterNames();
        for (int i = 0; i < names.size(); i++) {
            body = body.replaceAll("(?<![A-Za-z0-9_$.])" + Pattern.quote(names.get(i)) + "(?![A-Za-z0-9_$])", Matcher.quoteReplacement("$p" + i));
        }
        return fn.getReturnType() + "(" + String.join(",", fn.getParameterTypes()) + ")" + body.replaceAll("\\s+", "");
    }

    /**
     * A number lives in one place: a rule's sentence or text that quotes a number with the unit of a threshold it
     * depends on, matching none of them, is printing a stale number (typically after the threshold function changed).
     */
    private void checkQuotedThresholds(DrlSource.Rule r) {
        for (String p : thresholds.unknownPlaceholders(r.name())) {
            error(r.file(), r.line(), r.column(), "rule " + r.id() + ": placeholder " + p + " in its sentence names no threshold"
                    + " function (a function without parameters returning a number, declared in derive/)");
        }
        for (Thresholds.Contradiction c : thresholds.contradictions(r)) {
            String values = c.thresholds().stream().map(t -> t.name() + "() = " + t.shown() + " (" + t.file() + ":" + t.line() + ")")
                    .reduce((x, y) -> x + ", " + y).orElse("");
            String fn = c.thresholds().size() == 1 ? c.thresholds().get(0).name() : "theFunctionMeant";
            error(r.file(), c.line(), c.column(), "rule " + r.id() + (c.inSentence() ? " says" : " prints") + " \"" + c.quote()
                    + "\", but the threshold" + (c.thresholds().size() > 1 ? "s" : "") + " it depends on " + (c.thresholds().size() > 1 ? "are " : "is ")
                    + values + ": take the number from the function ("
                    + (c.inSentence() ? "{" + fn + "()} in the sentence" : "\"…\" + " + fn + "() + \"…\" in the text") + ")");
        }
    }

    private void error(DrlSource.File f, int line, int col, String message) {
        out.add(new RuleProblem(f.path(), line, col, RuleValidator.ERROR, message));
    }

    private void warning(DrlSource.File f, int line, int col, String message) {
        out.add(new RuleProblem(f.path(), line, col, RuleValidator.WARNING, message));
    }

    private void checkId(DrlSource.Rule r, Map<String, DrlSource.Rule> ids) {
        if (!r.name().contains(":") || !RULE_ID.matcher(r.id()).matches() || r.name().substring(r.name().indexOf(':') + 1).isBlank()) {
            error(r.file(), r.line(), r.column(), "rule \"" + r.name() + "\" must be named \"ID: sentence\" with an id like ISA-KD-ELIG-01 "
                    + "(upper-case letters and digits in dash-separated parts) and a sentence saying what it decides");
        }
        DrlSource.Rule previous = ids.putIfAbsent(r.id(), r);
        if (previous != null) {
            error(r.file(), r.line(), r.column(), "rule id " + r.id() + " is used twice (also at " + previous.file().path() + ":"
                    + previous.line() + "); ids are never reused, give this rule a new one");
        }
    }

    private void checkEvidence(DrlSource.Rule r) {
        int[] at = annotationPosition(r, RuleMetadata.EVIDENCE);
        AnnotationDescr a = r.descr().getAnnotation(RuleMetadata.EVIDENCE);
        List<String> cited = a == null ? List.of() : RuleMetadata.splitIds(annotationValue(a));
        if (cited.isEmpty()) {
            error(r.file(), r.line(), r.column(), "rule " + r.id() + " declares no @evidence; every rule must cite its source "
                    + "(an id of evidence.yaml, or a CDS-POLICY-* entry for a project decision)");
        }
        if (evidence != null) {
            for (String id : cited) {
                if (!evidence.contains(id)) {
                    error(r.file(), at[0], at[1], "rule " + r.id() + " cites @evidence " + id + ", which is not in evidence.yaml"
                            + suggestion(id, evidence.entries().keySet()));
                }
            }
        }
        AnnotationDescr v = r.descr().getAnnotation(RuleMetadata.VERIFICATION);
        if (v != null) {
            List<String> tags = RuleMetadata.splitIds(annotationValue(v));
            if (tags.size() != 1 || !(tags.get(0).equalsIgnoreCase("M") || tags.get(0).equalsIgnoreCase("T"))) {
                int[] vat = annotationPosition(r, RuleMetadata.VERIFICATION);
                error(r.file(), vat[0], vat[1], "rule " + r.id() + " has @verification(" + String.join(",", tags)
                        + "); only M (unverified) or T (third-party) may be declared, a rule without it encodes a verified fact");
            }
        }
        // Front ends find the rule behind a finding by its concept: a misspelt one would drop the report's "derived by".
        AnnotationDescr c = r.descr().getAnnotation(RuleMetadata.CONCEPT);
        if (c != null) {
            List<String> names = RuleMetadata.splitIds(annotationValue(c));
            if (names.size() != 1 || DerivedConcept.named(names.get(0)).isEmpty()) {
                int[] cat = annotationPosition(r, RuleMetadata.CONCEPT);
                error(r.file(), cat[0], cat[1], "rule " + r.id() + " declares @concept " + String.join(",", names)
                        + ", which is not a derived concept (one of " + Arrays.toString(
                        DerivedConcept.values()) + ")");
            }
        }
    }

    private static Object annotationValue(AnnotationDescr a) {
        Object v = a.getSingleValue();
        return v != null ? v : a.getValueMap().values();
    }

    private static String suggestion(String id, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(id, k);
            if (d < bestDistance) { bestDistance = d; best = k; }
        }
        return best != null && bestDistance <= 3 ? " (did you mean " + best + "?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    private static int[] annotationPosition(DrlSource.Rule r, String name) {
        String text = r.file().text();
        int start = Math.max(0, r.descr().getStartCharacter());
        int i = text.indexOf("@" + name, start);
        return i >= 0 && (r.descr().getEndCharacter() <= 0 || i < r.descr().getEndCharacter()) ? r.file().position(i)
                : new int[] {r.line(), r.column()};
    }

    private void checkAttributes(DrlSource.Rule r) {
        for (Map.Entry<String, AttributeDescr> e : r.descr().getAttributes().entrySet()) {
            String name = e.getKey();
            int[] at = attributePosition(r, name);
            if (ERROR_ATTRIBUTES.contains(name)) {
                String why = switch (name) {
                    case "agenda-group", "auto-focus" -> "deprecated in Drools 10.1 (DRL10 folds agenda-group into ruleflow-group), "
                            + "and the engine never gives a group the focus, so the rule would never fire; phases come from fact dependencies";
                    case "ruleflow-group" -> "the engine runs no ruleflow and never activates a group, so the rule would never fire; "
                            + "phases come from fact dependencies (derive → eligibility, flags, gaps → rank)";
                    default -> "it reads the wall clock, so an evaluation could not be replayed by --as-of; compare dates with the "
                            + "EvaluationContext instead";
                };
                error(r.file(), at[0], at[1], "rule " + r.id() + " uses '" + name + "': " + why);
            } else if (WARNING_ATTRIBUTES.contains(name)) {
                warning(r.file(), at[0], at[1], "rule " + r.id() + " uses '" + name + "': legal, but firing order and suppression "
                        + "hide why a rule did or did not fire; order phases by the facts rules insert (ARCHITECTURE §3)");
            }
        }
    }

    private static int[] attributePosition(DrlSource.Rule r, String name) {
        String text = r.file().text();
        int i = text.indexOf(name, Math.max(0, r.descr().getStartCharacter()));
        return i >= 0 ? r.file().position(i) : new int[] {r.line(), r.column()};
    }

    private void checkSyntax(DrlSource.Rule r) {
        for (DrlSource.Constraint c : r.constraints()) {
            Matcher m = HALF_CONSTRAINT.matcher(stripStrings(c.expression()));
            if (m.find()) {
                error(r.file(), c.line(), c.column() + m.start(2), "half constraint '" + c.expression() + "' in rule " + r.id()
                        + ": deprecated in Drools 10.1 and dropped by DRL10; repeat the field (e.g. 'age > 18 && age < 20')");
            }
        }
        // && or || between patterns (outside any parentheses) is deprecated in Drools 10.1: use 'and' / 'or'.
        var lhs = r.descr().getLhs();
        if (lhs == null || lhs.getStartCharacter() < 0 || lhs.getEndCharacter() <= lhs.getStartCharacter()) return;
        String text = r.file().text();
        int depth = 0;
        for (int i = lhs.getStartCharacter(); i < Math.min(text.length() - 1, lhs.getEndCharacter()); i++) {
            char ch = text.charAt(i);
            if (ch == '"' || ch == '\'') { i = skipString(text, i); continue; }
            if (ch == '/' && text.charAt(i + 1) == '/') { while (i < text.length() && text.charAt(i) != '\n') i++; continue; }
            if (ch == '(') depth++;
            else if (ch == ')') depth--;
            else if (depth == 0 && (text.startsWith("&&", i) || text.startsWith("||", i))) {
                int[] at = r.file().position(i);
                error(r.file(), at[0], at[1], "'" + text.substring(i, i + 2) + "' between patterns in rule " + r.id()
                        + ": deprecated in Drools 10.1 and dropped by DRL10; write '" + (ch == '&' ? "and" : "or") + "'");
                i++;
            }
        }
    }

    private static int skipString(String text, int i) {
        char q = text.charAt(i);
        for (int j = i + 1; j < text.length(); j++) {
            if (text.charAt(j) == '\\') { j++; continue; }
            if (text.charAt(j) == q) return j;
        }
        return text.length();
    }

    /** Replaces the contents of string literals with spaces (same length), so numbers in texts are not mistaken for code. */
    static String stripStrings(String s) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < b.length(); i++) {
            char ch = b.charAt(i);
            if (ch == '"' || ch == '\'') {
                int end = skipString(s, i);
                for (int j = i + 1; j < Math.min(end, b.length()); j++) b.setCharAt(j, ' ');
                i = end;
            }
        }
        return b.toString();
    }

    private void checkThresholds(DrlSource.Rule r) {
        for (DrlSource.Constraint c : r.constraints()) {
            Matcher m = NUMBER.matcher(stripStrings(c.expression()));
            while (m.find()) {
                if (isZeroOrOne(m.group(1))) continue;
                error(r.file(), c.line(), c.column() + m.start(), "threshold " + m.group(1) + " in rule " + r.id() + " ('"
                        + c.expression() + "'): clinical thresholds live in derive/ as a named function with their source "
                        + "beside them, so there is one place to change and cite each number; call that function here");
            }
        }
    }

    private static boolean isZeroOrOne(String literal) {
        double v = Double.parseDouble(literal);
        return v == 0 || v == 1;
    }

    private void checkFunction(DrlSource.File f, FunctionDescr fn) {
        String folder = f.relative().contains("/") ? f.relative().substring(0, f.relative().indexOf('/')) : "";
        if (THRESHOLD_FOLDERS.contains(folder) && fn.getBody() != null) {
            Matcher m = COMPARED_NUMBER.matcher(stripStrings(fn.getBody()));
            while (m.find()) {
                String n = m.group(1) != null ? m.group(1) : m.group(2);
                if (isZeroOrOne(n)) continue;
                int[] at = functionPosition(f, fn);
                error(f, at[0], at[1], "function " + fn.getName() + " in " + folder + "/ compares with " + n
                        + ": thresholds live in derive/, where every file can call them");
            }
        }
        // Regimen ids named in function bodies.
        int bodyStart = f.text().indexOf(fn.getBody(), Math.max(0, fn.getStartCharacter()));
        checkJavaRegimens(f, WRAP_OPEN + fn.getBody() + WRAP_CLOSE, bodyStart, "function " + fn.getName());
    }

    private static int[] functionPosition(DrlSource.File f, FunctionDescr fn) {
        int i = f.text().indexOf("function", Math.max(0, fn.getStartCharacter()));
        return i >= 0 ? f.position(i) : new int[] {Math.max(0, fn.getLine()), 1};
    }

    private void checkRegimenLiterals(DrlSource.Rule r) {
        if (regimens == null) return;
        for (DrlSource.Constraint c : r.constraints()) {
            String e = c.expression();
            Matcher m = Pattern.compile("\\b(regimen|id)\\s*(==|!=)\\s*\"([^\"]*)\"|\\b(regimen|id)\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)").matcher(e);
            while (m.find()) {
                String field = m.group(1) != null ? m.group(1) : m.group(4);
                if (field.equals("id") && !"RegimenCandidate".equals(c.pattern())) continue;
                List<String> literals = new ArrayList<>();
                if (m.group(3) != null) literals.add(m.group(3));
                else {
                    Matcher s = Pattern.compile("\"([^\"]*)\"").matcher(m.group(5));
                    while (s.find()) literals.add(s.group(1));
                }
                for (String id : literals) {
                    if (!regimens.contains(id)) {
                        error(r.file(), c.line(), c.column() + Math.max(0, e.indexOf('"' + id + '"')), unknownRegimen(id, "rule " + r.id()));
                    }
                }
            }
        }
        String consequence = r.consequence();
        int offset = r.file().text().indexOf(consequence, Math.max(0, r.descr().getStartCharacter()));
        checkJavaRegimens(r.file(), WRAP_OPEN + consequence + WRAP_CLOSE, offset, "rule " + r.id());
    }

    /**
     * The board sheet's "Before the first dose" and the cards lead with a flag's action; a WARNING or CRITICAL flag
     * without one would show its finding there with nothing to do. Severity is read as written in the call (a
     * conditional naming WARNING or CRITICAL counts), before any @verification downgrade.
     */
    private void checkFlagActions(DrlSource.Rule r) {
        String consequence = r.consequence();
        int offset = r.file().text().indexOf(consequence, Math.max(0, r.descr().getStartCharacter()));
        if (offset < 0) return;
        ParseResult<CompilationUnit> parsed = java.parse(WRAP_OPEN + consequence + WRAP_CLOSE);
        if (parsed.getResult().isEmpty() || !parsed.isSuccessful()) return;
        for (MethodCallExpr call : parsed.getResult().get().findAll(MethodCallExpr.class)) {
            if (!isOutputsCall(call, "flag") || call.getArguments().size() < 4) continue;
            String severity = call.getArgument(2).toString();
            if (!severity.contains("WARNING") && !severity.contains("CRITICAL")) continue;
            Expression actionArg = call.getArguments().size() > 4 ? call.getArgument(4) : null;
            // Outputs.action("...").proposing(Outputs.test(...)): the action is the start of the chain.
            while (actionArg instanceof MethodCallExpr m && m.getNameAsString().equals("proposing") && m.getScope().isPresent()) {
                actionArg = m.getScope().get();
            }
            boolean hasAction = actionArg instanceof MethodCallExpr a && isOutputsCall(a, "action");
            if (hasAction) continue;
            String code = call.getArgument(1) instanceof StringLiteralExpr c ? c.getValue() : call.getArgument(1).toString();
            int[] at = positionInCode(r.file(), offset, call, WRAP_OPEN.length());
            warning(r.file(), at[0], at[1], "rule " + r.id() + " raises " + code + " as " + severity.replace("FlagSeverity.", "")
                    + " without an action: give Outputs.action(\"...\") after the text, one imperative sentence of what to "
                    + "order, test, premedicate, adjust or discuss, restating the text and its evidence; a flag with nothing "
                    + "to do is INFO");
        }
    }

    private static boolean isOutputsCall(MethodCallExpr call, String name) {
        return call.getNameAsString().equals(name) && call.getScope().map(s -> s.toString().equals("Outputs")).orElse(false);
    }

    private String unknownRegimen(String id, String where) {
        return where + " names regimen " + id + ", which is not in regimens.yaml" + suggestion(id, regimens.regimens().keySet());
    }

    /**
     * Finds regimen-id string literals in Java code (a consequence or a function body) wrapped in a class so that
     * JavaParser accepts it.
     */
    private void checkJavaRegimens(DrlSource.File f, String wrapped, int codeOffset, String where) {
        int wrapperPrefix = WRAP_OPEN.length();
        if (regimens == null || codeOffset < 0) return;
        ParseResult<CompilationUnit> parsed = java.parse(wrapped);
        if (parsed.getResult().isEmpty() || !parsed.isSuccessful()) return;   // the compiler reports Java errors
        List<StringLiteralExpr> found = new ArrayList<>();
        CompilationUnit cu = parsed.getResult().get();
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            boolean outputs = call.getScope().map(s -> s.toString().equals("Outputs")).orElse(false);
            List<Expression> args = call.getArguments();
            if (outputs && (name.equals("criterion") || name.equals("score") || name.equals("trialInclusion")) && args.size() > 1) addLiteral(args.get(1), found);
            if (outputs && name.equals("flag")) for (int i = 4; i < args.size(); i++) addLiterals(args.get(i), found);
            if (outputs && name.equals("gap")) for (int i = 3; i < args.size(); i++) addLiterals(args.get(i), found);
            if (name.equals("equals") && args.size() == 1 && call.getScope().map(s -> s instanceof NameExpr n
                    && n.getNameAsString().toLowerCase(Locale.ROOT).contains("regimen")).orElse(false)) addLiteral(args.get(0), found);
        }
        for (SwitchStmt sw : cu.findAll(SwitchStmt.class)) {
            if (sw.getSelector() instanceof NameExpr n && n.getNameAsString().toLowerCase(Locale.ROOT).contains("regimen")) {
                sw.getEntries().forEach(entry -> entry.getLabels().forEach(l -> addLiteral(l, found)));
            }
        }
        for (StringLiteralExpr s : found) {
            if (regimens.contains(s.getValue())) continue;
            int[] at = positionInCode(f, codeOffset, s, wrapperPrefix);
            error(f, at[0], at[1], unknownRegimen(s.getValue(), where));
        }
    }

    private static void addLiteral(Expression e, List<StringLiteralExpr> out) {
        if (e instanceof StringLiteralExpr s) out.add(s);
    }

    /** A regimen argument may be a literal or a List.of(...) / array of literals. */
    private static void addLiterals(Expression e, List<StringLiteralExpr> out) {
        if (e instanceof StringLiteralExpr s) out.add(s);
        else if (e instanceof MethodCallExpr m && m.getNameAsString().equals("of")) m.getArguments().forEach(a -> addLiteral(a, out));
    }

    private static int[] positionInCode(DrlSource.File f, int codeOffset, Node n, int wrapperPrefix) {
        if (n.getBegin().isEmpty()) return f.position(codeOffset);
        int line = n.getBegin().get().line;
        int col = n.getBegin().get().column;
        String text = f.text();
        int i = codeOffset;
        if (line == 1) return f.position(codeOffset + col - 1 - wrapperPrefix);
        for (int l = 1; l < line && i < text.length(); i++) if (text.charAt(i) == '\n') l++;
        return f.position(i + col - 1);
    }
}
