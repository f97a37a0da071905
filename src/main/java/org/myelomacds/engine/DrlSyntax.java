package org.myelomacds.engine;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.conf.LanguageLevelOption;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRL syntax, checked before anything is compiled, so that every syntax error reaches the author as
 * {@code file:line:column: error: message in rule "NAME"}: the Drools parser's own messages carry an error code and a
 * second copy of the position, and when it crashes (e.g. {@code then} misspelt as {@code thenx (} in the last rule of
 * a file) its message is a Java stack trace. Both are rewritten into one sentence naming the rule.
 */
public final class DrlSyntax {
    /** The parsed package (null when the file has syntax errors) and its problems, paths as given. */
    public record Parsed(PackageDescr descr, List<RuleProblem> problems) {}

    private static final Pattern RULE_DECL = Pattern.compile("^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)')", Pattern.MULTILINE);
    private static final Pattern CODE_AND_POSITION = Pattern.compile("^(\\[ERR \\d+\\]\\s*)?(Line \\d+:-?\\d+\\s*)?");
    private static final Pattern UNCLOSED = Pattern.compile("mismatched input '(rule|function|query|declare)' in rule \"([^\"]+)\"");
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private DrlSyntax() {}

    /** @param path the file as it is printed (the rule directory as the user named it, then the relative path) */
    public static Parsed parse(String path, String text) {
        // DRL6 is the language level the compiler uses in Drools 10.1.
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        List<RuleProblem> problems = new ArrayList<>();
        PackageDescr descr = null;
        try {
            descr = parser.parse(false, text);
        } catch (DroolsParserException e) {
            problems.add(problem(path, text, e.getLineNumber(), e.getColumn(), e.getMessage()));
        } catch (RuntimeException crash) {
            // The parser itself failed: still a syntax error in this file, located as well as the text allows.
            problems.add(problem(path, text, 0, 0, "unexpected exception (" + crash.getClass().getSimpleName() + ")"));
        }
        for (DroolsError err : parser.getErrors()) {
            int line = err.getLines() != null && err.getLines().length > 0 ? err.getLines()[0] : 0;
            int col = err instanceof ParserError pe ? pe.getCol() : -1;
            if (err.getMessage() != null && err.getMessage().strip().equals(NULL_PACKAGE)) continue;
            problems.add(problem(path, text, line, col, err.getMessage()));
        }
        if (problems.isEmpty() && descr == null) problems.add(problem(path, text, 0, -1, "the file could not be parsed"));
        return new Parsed(problems.isEmpty() ? descr : null, List.copyOf(problems));
    }

    /** The syntax errors of every DRL file of a rule directory, paths printed as {@code prefix + relative path}. */
    public static List<RuleProblem> check(RuleFiles files, String prefix) {
        List<RuleProblem> out = new ArrayList<>();
        files.drl().forEach((rel, text) -> out.addAll(parse(prefix + rel, text).problems()));
        return out;
    }

    private static final Pattern POSITION_IN_MESSAGE = Pattern.compile("Line (\\d+):(-?\\d+)");

    private static RuleProblem problem(String path, String text, int line, int zeroBasedColumn, String raw) {
        String m = raw == null ? "syntax error" : raw;
        int atLine = Math.max(0, line);
        int col = zeroBasedColumn;
        Matcher pos = POSITION_IN_MESSAGE.matcher(m);
        if (atLine == 0 && pos.find()) {
            atLine = Integer.parseInt(pos.group(1));
            col = Integer.parseInt(pos.group(2));
        }
        if (crashed(m)) {
            // A crash is reported where the parser gave up (often the end of the file): point at the rule being read.
            int[] decl = declarationOf(text, atLine);
            if (decl != null) {
                String where = atLine > 0 ? " at line " + atLine : "";
                return new RuleProblem(path, decl[0], decl[1], "ERROR", message(m, text, atLine).replace(
                        "could not recover from", "could not recover from" + where));
            }
        }
        return new RuleProblem(path, atLine, atLine > 0 && col >= 0 ? col + 1 : 0, "ERROR", message(m, text, atLine));
    }

    private static boolean crashed(String raw) {
        return raw.contains("Exception:") || raw.contains("Stack trace:") || raw.strip().startsWith("unexpected exception")
                || raw.contains("unexpected exception");
    }

    /** 1-based line and column of the name of the last rule declared on or before a line. */
    private static int[] declarationOf(String text, int line) {
        Matcher m = RULE_DECL.matcher(text);
        int[] found = null;
        int currentLine = 1;
        int lineStart = 0;
        int counted = 0;
        while (m.find()) {
            for (; counted < m.start(1); counted++) {
                if (text.charAt(counted) == '\n') { currentLine++; lineStart = counted + 1; }
            }
            if (line > 0 && currentLine > line) break;
            found = new int[] {currentLine, m.start(1) - lineStart + 2};
        }
        return found;
    }

    static String message(String raw, String text, int line) {
        String m = raw.strip();
        int trace = indexOfAny(m, ". Exception:", " Exception:", "Stack trace:");
        boolean crashed = crashed(m);
        if (trace >= 0) m = m.substring(0, trace).strip();
        m = CODE_AND_POSITION.matcher(m).replaceFirst("").replaceAll("\\s+", " ").strip();
        Matcher unclosed = UNCLOSED.matcher(m);
        if (crashed) {
            m = "syntax error the parser could not recover from (" + m + "); check the rule's when / then / end"
                    + " keywords and that every bracket and quote is closed";
        } else if (unclosed.matches()) {
            return "rule \"" + unclosed.group(2) + "\" is not closed where the next " + unclosed.group(1)
                    + " starts: check its when / then / end keywords";
        }
        if (!m.contains(" in rule ")) {
            String rule = ruleAtOrBefore(text, line);
            if (rule != null) m = m + " in rule \"" + rule + "\"";
        }
        return m;
    }

    private static int indexOfAny(String s, String... needles) {
        int best = -1;
        for (String n : needles) {
            int i = s.indexOf(n);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }

    /** The last rule declared on or before a line (the whole file when the line is unknown). */
    static String ruleAtOrBefore(String text, int line) {
        Matcher m = RULE_DECL.matcher(text);
        String found = null;
        int currentLine = 1;
        int counted = 0;
        while (m.find()) {
            for (; counted < m.start(); counted++) if (text.charAt(counted) == '\n') currentLine++;
            int declLine = currentLine + (int) text.substring(m.start(), m.start(1)).chars().filter(c -> c == '\n').count();
            if (line > 0 && declLine > line) break;
            found = m.group(2) != null ? m.group(2) : m.group(3);
        }
        return found;
    }
}
