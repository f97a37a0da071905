package org.myelomacds.authoring;

import org.drools.drl.ast.descr.FunctionDescr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thresholds of a rulebase: the constant functions of its DRL ({@code function long washoutIntermediateFromDays()
 * { return 90; } // MIKHAEL21}), each the one place its number lives. Texts take the number from the function, either
 * as code ({@code "under " + washoutIntermediateFromDays() + " days"}) or, in a rule's sentence (its name, a string the
 * DRL cannot compute), as a placeholder {@code {washoutIntermediateFromDays()}} or {@code {washoutAdequateFromDays() - 1}}
 * that the rulebook fills in. This class finds the functions, says which a rule depends on, fills placeholders and
 * calls in, and finds numbers a rule quotes that contradict the thresholds it depends on.
 */
public final class Thresholds {
    /** One constant function: name, value as written, unit (from its name), where it is declared and its comment. */
    public record Threshold(String name, String value, String unit, String file, String relative, int line, String comment) {
        double number() { return Double.parseDouble(value); }
        String shown() { return value.endsWith(".0") ? value.substring(0, value.length() - 2) : value; }
    }

    /** A number a rule quotes with a unit, where, and the thresholds of that unit the rule depends on. */
    public record Contradiction(DrlSource.Rule rule, String quote, int line, int column, boolean inSentence, List<Threshold> thresholds) {}

    private static final Pattern CONSTANT_BODY = Pattern.compile("\\s*return\\s+(-?\\d+(?:\\.\\d+)?)[dDfFlL]?\\s*;\\s*");
    /** {fn()} or {fn() - 1} / {fn() + 1} in a rule sentence. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*([a-z][A-Za-z0-9_]*)\\(\\)\\s*(?:([+-])\\s*(\\d+))?\\s*}");
    /** A call in code between two string literals: fn(), (fn() - 1), with the + signs of the concatenation around it. */
    private static final Pattern CALL_IN_TEXT = Pattern.compile("\\s*\\+?\\s*\\(?\\s*([a-z][A-Za-z0-9_]*)\\(\\)\\s*(?:([+-])\\s*(\\d+))?\\s*\\)?\\s*\\+?\\s*");
    private static final Pattern CALL = Pattern.compile("(?<![A-Za-z0-9_.])([a-z][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final String RANGE = NUM + "(?:\\s*(?:-|–|to|and)\\s*" + NUM + ")?";
    /** A quoted number with its unit: "90 days", "90-179 days", "under 3 months", "1 to 3 prior lines", "eGFR 30 mL/min". */
    private static final Map<String, Pattern> QUOTES = Map.of(
            "days", Pattern.compile("(?<![\\w.])" + RANGE + "\\s*days?\\b"),
            "months", Pattern.compile("(?<![\\w.])" + RANGE + "[\\s-]*months?\\b"),
            "lines", Pattern.compile("(?<![\\w.])" + RANGE + "(?:\\s+or\\s+more)?\\s+(?:prior\\s+|previous\\s+)?(?:lines?|LOT)\\b"),
            "mL/min", Pattern.compile("(?<![\\w.])" + RANGE + "\\s*mL/min"),
            "years", Pattern.compile("(?<![\\w.])" + RANGE + "\\s*(?:years?|y)\\b"));

    private static final Pattern INSERTED = Pattern.compile("insert(?:Logical)?\\s*\\(\\s*new\\s+([A-Z][A-Za-z0-9_]*)\\s*\\(");

    private final Map<String, Threshold> byName;
    private final Map<String, Set<String>> calls;      // function name -> functions its body calls
    private final Map<String, Set<String>> concepts;   // fact type a rule inserts -> functions that rule calls

    private Thresholds(Map<String, Threshold> byName, Map<String, Set<String>> calls, Map<String, Set<String>> concepts) {
        this.byName = byName;
        this.calls = calls;
        this.concepts = concepts;
    }

    public static Thresholds of(DrlSource source) {
        Map<String, Threshold> out = new TreeMap<>();
        Map<String, Set<String>> calls = new TreeMap<>();
        for (DrlSource.File f : source.files()) {
            for (FunctionDescr fn : source.functions(f)) {
                String body = fn.getBody() == null ? "" : fn.getBody();
                calls.put(fn.getName(), called(body));
                Matcher m = CONSTANT_BODY.matcher(body);
                if (!fn.getParameterNames().isEmpty() || !m.matches()) continue;
                int offset = Math.max(0, fn.getStartCharacter());
                int[] pos = f.position(offset);
                String comment = commentAfter(f.text(), fn.getEndCharacter());
                if (comment.isEmpty()) comment = commentBefore(f.text(), offset);
                out.put(fn.getName(), new Threshold(fn.getName(), normalise(m.group(1)), unitOf(fn.getName()), f.path(),
                        f.relative(), pos[0], comment));
            }
        }
        // A derived concept carries the thresholds of the rule that inserts it (AntiCd38Washout: the washout bands), so
        // a flag written against the concept depends on them although it names no function.
        Map<String, Set<String>> concepts = new TreeMap<>();
        for (DrlSource.Rule r : source.rules()) {
            String text = textOf(r);
            Matcher m = INSERTED.matcher(text);
            while (m.find()) concepts.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).addAll(called(text));
        }
        return new Thresholds(out, calls, concepts);
    }

    private static String normalise(String v) {
        return v.contains(".") ? v.replaceAll("0+$", "").replaceAll("\\.$", "") : v;
    }

    /** The unit a threshold's name states, so only numbers quoted with that unit are compared with it. */
    static String unitOf(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith("days")) return "days";
        if (n.endsWith("months")) return "months";
        if (n.startsWith("lines") || n.endsWith("lines")) return "lines";
        if (n.endsWith("floor") && (n.contains("egfr") || n.contains("crcl"))) return "mL/min";
        if (n.endsWith("age") || n.endsWith("years")) return "years";
        return "";
    }

    /** The comment after the function on the line where it ends ("// MIKHAEL21"): where the number comes from. */
    private static String commentAfter(String text, int end) {
        if (end < 0 || end > text.length()) return "";
        int from = Math.max(0, Math.min(end, text.length()) - 1);
        int eol = text.indexOf('\n', from);
        String rest = text.substring(from, eol < 0 ? text.length() : eol);
        int close = rest.lastIndexOf('}');
        int slash = rest.indexOf("//", Math.max(0, close));
        return slash < 0 ? "" : rest.substring(slash + 2).strip();
    }

    /** The comment lines right above the function (section rulers excluded): where the number comes from. */
    private static String commentBefore(String text, int start) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        List<String> lines = new ArrayList<>();
        int end = lineStart - 1;
        while (end > 0) {
            int begin = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(begin, end).strip();
            if (!line.startsWith("//") || line.matches("//\\s*-{3,}.*")) break;
            lines.add(0, line.substring(2).strip());
            end = begin - 1;
        }
        return String.join(" ", lines);
    }

    private static Set<String> called(String code) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CALL.matcher(code);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    public List<Threshold> all() { return List.copyOf(byName.values()); }

    public Optional<Threshold> named(String name) { return Optional.ofNullable(byName.get(name)); }

    /** The rule's whole text as written (name, annotations, when and then). */
    static String textOf(DrlSource.Rule r) {
        String t = r.file().text();
        int start = Math.max(0, r.descr().getStartCharacter());
        int end = r.descr().getEndCharacter() > start ? Math.min(t.length(), r.descr().getEndCharacter() + 1) : t.length();
        return t.substring(start, end);
    }

    /** The thresholds a rule depends on: called in its conditions, consequence or sentence, directly or through functions. */
    public Set<Threshold> usedBy(DrlSource.Rule r) {
        Set<String> seen = new LinkedHashSet<>();
        ArrayList<String> toVisit = new ArrayList<>(called(textOf(r)));
        Matcher p = PLACEHOLDER.matcher(r.name());
        while (p.find()) toVisit.add(p.group(1));
        for (var pattern : r.patterns()) toVisit.addAll(concepts.getOrDefault(pattern.getObjectType(), Set.of()));
        // Functions call functions: follow every call so a threshold reached indirectly still counts.
        while (!toVisit.isEmpty()) {
            String fn = toVisit.remove(toVisit.size() - 1);
            if (!seen.add(fn)) continue;
            toVisit.addAll(calls.getOrDefault(fn, Set.of()));
        }
        Set<Threshold> out = new LinkedHashSet<>();
        for (String fn : seen) if (byName.containsKey(fn)) out.add(byName.get(fn));
        return out;
    }

    /** A rule sentence with its placeholders filled in from the functions ("less than {f()} days" → "less than 90 days"). */
    public String fill(String sentence) {
        Matcher m = PLACEHOLDER.matcher(sentence);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = valueOf(m.group(1), m.group(2), m.group(3));
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Placeholders naming no constant function: the sentence could not be filled in. */
    public List<String> unknownPlaceholders(String sentence) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(sentence);
        while (m.find()) if (!byName.containsKey(m.group(1))) out.add(m.group());
        return out;
    }

    /** The value of code between two literals of a text, when it is a threshold call (or one plus or minus a number). */
    public String valueOfCall(String code) {
        Matcher m = CALL_IN_TEXT.matcher(code);
        return m.matches() ? valueOf(m.group(1), m.group(2), m.group(3)) : null;
    }

    private String valueOf(String fn, String sign, String delta) {
        Threshold t = byName.get(fn);
        if (t == null) return null;
        double v = t.number() + (sign == null ? 0 : (sign.equals("-") ? -1 : 1) * Double.parseDouble(delta));
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * Numbers the rule quotes, in its sentence or a string literal, with the unit of a threshold it depends on, that
     * match none of those thresholds (the value, or one less or more for the other end of a band): after a threshold
     * changes, these are the texts still printing the old number.
     */
    public List<Contradiction> contradictions(DrlSource.Rule r) {
        Set<Threshold> used = usedBy(r);
        if (used.isEmpty()) return List.of();
        List<Contradiction> out = new ArrayList<>();
        int colon = r.name().indexOf(':');
        String sentence = colon < 0 ? r.name() : r.name().substring(colon + 1);
        quotes(r, PLACEHOLDER.matcher(sentence).replaceAll("{}"), r.line(), r.column() + colon + 1, true, used, out);
        String text = r.file().text();
        int start = Math.max(0, r.descr().getStartCharacter());
        String body = textOf(r);
        int nameEnd = body.indexOf(r.name()) + r.name().length() + 1;
        Matcher s = STRING.matcher(body);
        while (s.find()) {
            if (s.start() < nameEnd) continue;          // the name itself, checked above
            if (body.lastIndexOf("//", s.start()) > body.lastIndexOf('\n', s.start())) continue;   // a comment
            int[] pos = r.file().position(start + s.start() + 1);
            quotes(r, s.group(1), pos[0], pos[1], false, used, out);
        }
        return out;
    }

    private static void quotes(DrlSource.Rule r, String text, int line, int column, boolean inSentence, Set<Threshold> used,
                               List<Contradiction> out) {
        for (Map.Entry<String, Pattern> unit : QUOTES.entrySet()) {
            List<Threshold> same = used.stream().filter(t -> t.unit().equals(unit.getKey())).toList();
            if (same.isEmpty()) continue;
            Matcher m = unit.getValue().matcher(text);
            while (m.find()) {
                for (int g = 1; g <= 2; g++) {
                    if (m.group(g) == null) continue;
                    double n = Double.parseDouble(m.group(g));
                    // 0 and 1 ask "none" or "any" (as in "1 to 3 prior lines"); a decimal beside integer thresholds is a
                    // result quoted from a trial (a median of 15.2 months), not a limit.
                    boolean decimalResult = m.group(g).contains(".") && same.stream().noneMatch(t -> t.value().contains("."));
                    boolean explained = n == 0 || n == 1 || decimalResult || same.stream().anyMatch(t -> Math.abs(t.number() - n) <= 1.0);
                    if (!explained) {
                        out.add(new Contradiction(r, m.group().strip(), line, inSentence ? column : column + m.start(), inSentence, same));
                        break;
                    }
                }
            }
        }
    }
}
