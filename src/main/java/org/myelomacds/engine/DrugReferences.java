package org.myelomacds.engine;

import org.myelomacds.evidence.terminology.DrugCatalogue;
import org.myelomacds.facts.Drug;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every drug the rules or the Java code name ({@code Drug.LENALIDOMIDE}) must be in the terminology's drug catalogue:
 * a rule about a drug the catalogue lacks would never fire, silently. Checked when a rulebase is loaded and by
 * {@code rules validate}.
 */
public final class DrugReferences {
    private static final Pattern NAMED = Pattern.compile("\\bDrug\\s*\\.\\s*(?:named\\s*\\(\\s*\"([A-Za-z0-9_]+)\"\\s*\\)|([A-Z][A-Z0-9_]*)\\b)");
    private static final String NOT_A_DRUG = "NAMED_IN_JAVA";

    private DrugReferences() {}

    /** A drug named in a DRL file, where it is named. */
    public record Reference(String file, int line, int column, String drugId) { }

    /** The drug references of DRL files (path relative to the rule root → text), comments left out. */
    public static List<Reference> in(Map<String, String> drlFiles) {
        List<Reference> out = new ArrayList<>();
        drlFiles.forEach((file, text) -> {
            String code = withoutComments(text);
            Matcher m = NAMED.matcher(code);
            int line = 1;
            int lineStart = 0;
            int counted = 0;
            while (m.find()) {
                for (; counted < m.start(); counted++) {
                    if (code.charAt(counted) == '\n') {
                        line++;
                        lineStart = counted + 1;
                    }
                }
                String id = m.group(1) != null ? m.group(1) : m.group(2);
                if (!id.equals(NOT_A_DRUG)) out.add(new Reference(file, line, m.start() - lineStart + 1, id));
            }
        });
        return out;
    }

    /**
     * The drugs named in DRL ({@code file:line:column}) or in Java that the catalogue lacks.
     * @param prefix how the rule directory is printed before a file path ("rules/")
     */
    public static List<RuleProblem> check(Map<String, String> drlFiles, DrugCatalogue drugs, String prefix) {
        List<RuleProblem> out = new ArrayList<>();
        for (Reference r : in(drlFiles)) {
            if (drugs.find(r.drugId()).isEmpty()) {
                out.add(new RuleProblem(prefix + r.file(), r.line(), r.column(), "ERROR", message(r.drugId(), "the rule")));
            }
        }
        for (Drug d : Drug.NAMED_IN_JAVA) {
            if (drugs.resolve(d).isEmpty()) out.add(new RuleProblem(prefix + "terminology", 0, 0, "ERROR", message(d.name(), "the engine's Java code")));
        }
        return out;
    }

    private static String message(String drugId, String who) {
        String file = "drug-" + drugId.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return who + " names Drug." + drugId + ", which the drug catalogue does not define: add rules/terminology/" + file
                + ".json and list its url in the drug-class-*.json of its class";
    }

    /** Comments blanked out (newlines kept, so lines and columns stay where they were). */
    static String withoutComments(String text) {
        StringBuilder b = new StringBuilder(text);
        int i = 0;
        boolean inString = false;
        while (i < b.length()) {
            char c = b.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                i++;
                continue;
            }
            if (c == '"') {
                inString = true;
                i++;
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '/') {
                while (i < b.length() && b.charAt(i) != '\n') b.setCharAt(i++, ' ');
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '*') {
                while (i < b.length() && !(b.charAt(i) == '*' && i + 1 < b.length() && b.charAt(i + 1) == '/')) {
                    if (b.charAt(i) != '\n') b.setCharAt(i, ' ');
                    i++;
                }
                if (i < b.length()) {
                    b.setCharAt(i, ' ');
                    b.setCharAt(i + 1, ' ');
                    i += 2;
                }
            } else {
                i++;
            }
        }
        return b.toString();
    }
}
