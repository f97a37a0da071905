package org.myelomacds.evidence.terminology;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One FHIR R4 ValueSet of rules/terminology/ as the engine reads it: its members ({@code compose.include} minus
 * {@code compose.exclude}: explicit concepts, filters, other value sets) and, as extensions, how each code was verified,
 * where it comes from, and the words that name the concept in free text. Immutable. Membership is evaluated by
 * {@link Terminology}, which resolves the value sets an include refers to.
 */
public final class ValueSet {
    /** Canonical url of every value set: this prefix and the id. */
    public static final String URL_BASE = "https://myeloma-cds.org/fhir/ValueSet/";
    /** Prefix of the project's extensions (README "Terminology"). */
    public static final String EXTENSION_BASE = "https://myeloma-cds.org/fhir/StructureDefinition/";

    private final String id;
    private final String url;
    private final String title;
    private final String description;
    private final Location location;
    private final Notes notes;
    private final List<Include> includes;
    private final List<Include> excludes;
    private final TextMatch text;

    ValueSet(String id, String url, String title, String description, Location location, Notes notes,
             List<Include> includes, List<Include> excludes, TextMatch text) {
        this.id = id;
        this.url = url;
        this.title = title;
        this.description = description;
        this.location = location;
        this.notes = notes;
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.text = text;
    }

    public String id() { return id; }
    public String url() { return url; }
    public String title() { return title; }
    public String description() { return description; }
    /** The file (relative to the rule root, e.g. "terminology/condition-copd.json") and line of the resource. */
    public Location location() { return location; }
    /** Verification, source and implied unit stated for the whole set (the defaults of its concepts). */
    public Notes notes() { return notes; }
    public List<Include> includes() { return includes; }
    public List<Include> excludes() { return excludes; }
    public TextMatch text() { return text; }

    @Override public String toString() { return id; }

    /**
     * Where something was written: file relative to the rule root, line and column (1-based). Line and column are
     * looked up only when asked for: they are needed to report a problem, and finding them for every concept of every
     * value set at each start-up cost more than loading the terminology otherwise does.
     */
    public static final class Location {
        private final String file;
        private final JsonLocations locations;
        private final String pointer;
        private int[] lineColumn;

        public Location(String file, int line, int column) {
            this.file = file;
            this.locations = null;
            this.pointer = null;
            this.lineColumn = new int[] {line, column};
        }

        Location(String file, JsonLocations locations, String pointer) {
            this.file = file;
            this.locations = locations;
            this.pointer = pointer;
        }

        public String file() { return file; }
        public int line() { return lineColumn()[0]; }
        public int column() { return lineColumn()[1]; }

        private synchronized int[] lineColumn() {
            if (lineColumn == null) lineColumn = locations.at(pointer);
            return lineColumn;
        }

        @Override public boolean equals(Object o) {
            return o instanceof Location l && file.equals(l.file) && line() == l.line() && column() == l.column();
        }

        @Override public int hashCode() { return java.util.Objects.hash(file, line(), column()); }

        @Override public String toString() { return file + ":" + line() + ":" + column(); }
    }

    /**
     * What the ValueSet says about a code besides its membership: its verification status (V verified, T third-party
     * list only, U unverified, M added by the project and not in clinical-evidence.md §9, P project-defined code), its
     * source, and the unit a result with this code is read in when it carries none. A concept inherits what it does not
     * state from its include, the include from the value set.
     */
    public record Notes(String verification, String source, String impliedUnit) {
        public static final Notes NONE = new Notes(null, null, null);

        public Notes orElse(Notes parent) {
            return new Notes(verification != null ? verification : parent.verification,
                    source != null ? source : parent.source, impliedUnit != null ? impliedUnit : parent.impliedUnit);
        }
    }

    /**
     * One {@code compose.include} (or exclude): codes of one system, given as concepts and filters, or the members of
     * other value sets (by canonical url).
     */
    public record Include(String system, String declaredSystem, List<Concept> concepts, List<Filter> filters,
                          List<String> valueSets, Notes notes, Location location) {
        public Include {
            concepts = List.copyOf(concepts);
            filters = List.copyOf(filters);
            valueSets = List.copyOf(valueSets);
        }
    }

    /**
     * An explicit code. {@code requiresText}: the code belongs to this set only when the record's text also matches
     * the set's text words (D47.2 is smouldering myeloma only when the text says so); such a membership refines, and
     * takes precedence over, a plain membership of the same code in another set of the same family.
     */
    public record Concept(String code, String declaredCode, String display, Notes notes, boolean requiresText,
                          Location location) { }

    /**
     * A filter, evaluated here (no terminology server is reachable): {@code is-a} (the code or any code under it) and
     * {@code descendent-of} (codes under it, not the code itself) on systems whose hierarchy is spelled in the code
     * ({@link CodeSystems#hasPrefixHierarchy}), as a prefix of the normalised code; {@code regex} on any system, a Java
     * regular expression the whole normalised code must match.
     */
    public record Filter(String property, String op, String value, Predicate<String> test, Notes notes, Location location) {
        public boolean matches(String normalisedCode) { return test.test(normalisedCode); }
        /** The code prefix an is-a or descendent-of filter stands for; null for a regex. */
        public String prefix() { return op.equals("regex") ? null : value; }
        public String describe() { return op + " " + value; }
    }

    /**
     * How free text names the concept, used where a record carries no recognised code: {@code contains} (a
     * case-insensitive substring), {@code regex} (a case-insensitive Java regular expression found anywhere), and
     * {@code excludes} (a substring that vetoes the match: "melphalan flufenamide" is not melphalan).
     */
    public record TextMatch(List<String> contains, List<Pattern> regex, List<String> excludes, List<Pattern> search) {
        public static final TextMatch NONE = new TextMatch(List.of(), List.of(), List.of());

        public TextMatch {
            contains = contains.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
            regex = List.copyOf(regex);
            excludes = excludes.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
            search = List.copyOf(search);
        }

        public TextMatch(List<String> contains, List<Pattern> regex, List<String> excludes) {
            this(contains, regex, excludes, combined(regex));
        }

        /**
         * The patterns as one alternation, searched in one pass: the leftmost match of the alternation is the leftmost
         * match of any pattern, so the answers are the same (the FISH patterns run on every unrecognised observation of a
         * bundle). Patterns with back-references keep their own pass, since an alternation renumbers groups.
         */
        private static List<Pattern> combined(List<Pattern> regex) {
            if (regex.size() < 2 || regex.stream().anyMatch(p -> p.pattern().matches("(?s).*\\\\[1-9k].*"))) return regex;
            return List.of(Pattern.compile(String.join("|", regex.stream().map(p -> "(?:" + p.pattern() + ")").toList()),
                    Pattern.CASE_INSENSITIVE));
        }

        public boolean isEmpty() { return contains.isEmpty() && regex.isEmpty(); }

        /** True when the text names this concept (the first word or pattern found decides; no search for the earliest). */
        public boolean matches(String text) {
            if (text == null || text.isEmpty() || isEmpty()) return false;
            String lower = contains.isEmpty() && excludes.isEmpty() ? null : text.toLowerCase(Locale.ROOT);
            for (String x : excludes) if (lower.contains(x)) return false;
            for (String w : contains) if (lower.contains(w)) return true;
            for (Pattern p : search) if (p.matcher(text).find()) return true;
            return false;
        }

        /**
         * Every stretch of the text that names the concept, as {start, end} pairs (end exclusive); none when an excluding
         * word is there. Tells a name standing on its own from one inside a longer name ("melphalan" in "melphalan
         * flufenamide").
         */
        public List<int[]> spans(String text) {
            List<int[]> out = new java.util.ArrayList<>();
            if (text == null || text.isEmpty() || isEmpty()) return out;
            String lower = text.toLowerCase(Locale.ROOT);
            for (String x : excludes) if (lower.contains(x)) return out;
            for (String w : contains) {
                for (int i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) out.add(new int[] {i, i + w.length()});
            }
            for (Pattern p : regex) {
                Matcher m = p.matcher(text);
                while (m.find()) if (m.end() > m.start()) out.add(new int[] {m.start(), m.end()});
            }
            return out;
        }

        /** Where in the text the concept is first named; -1 when it is not (or an excluding word is there). */
        public int position(String text) {
            if (text == null || text.isEmpty() || isEmpty()) return -1;
            String lower = contains.isEmpty() && excludes.isEmpty() ? null : text.toLowerCase(Locale.ROOT);
            for (String x : excludes) if (lower.contains(x)) return -1;
            int first = -1;
            for (String w : contains) {
                int i = lower.indexOf(w);
                if (i >= 0 && (first < 0 || i < first)) first = i;
            }
            for (Pattern p : search) {
                Matcher m = p.matcher(text);
                if (m.find() && (first < 0 || m.start() < first)) first = m.start();
            }
            return first;
        }
    }
}
