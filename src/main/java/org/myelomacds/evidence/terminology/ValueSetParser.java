package org.myelomacds.evidence.terminology;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one file of rules/terminology/ into a {@link ValueSet}, refusing what the engine would misread: not JSON, not
 * a ValueSet, a url that is not the canonical one, an include that is neither codes of a system nor other value sets,
 * a whole code system, a filter the engine cannot evaluate, a regular expression that does not compile, a code without
 * a verification status, an element or extension it does not know (a typo would otherwise silently drop codes).
 * Every problem is located as file:line:column.
 */
final class ValueSetParser {
    static final String VERIFICATION = ValueSet.EXTENSION_BASE + "verification";
    static final String SOURCE = ValueSet.EXTENSION_BASE + "source";
    static final String IMPLIED_UNIT = ValueSet.EXTENSION_BASE + "implied-unit";
    static final String REQUIRES_TEXT = ValueSet.EXTENSION_BASE + "requires-text";
    static final String TEXT_CONTAINS = ValueSet.EXTENSION_BASE + "text-contains";
    static final String TEXT_REGEX = ValueSet.EXTENSION_BASE + "text-regex";
    static final String TEXT_EXCLUDES = ValueSet.EXTENSION_BASE + "text-excludes";

    static final Set<String> VERIFICATION_CODES = Set.of("V", "T", "U", "M", "P");
    static final Set<String> FILTER_OPS = Set.of("is-a", "descendent-of", "regex");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Set<String> ROOT = Set.of("resourceType", "id", "meta", "text", "extension", "url", "identifier",
            "version", "name", "title", "status", "experimental", "date", "publisher", "contact", "description",
            "useContext", "jurisdiction", "immutable", "purpose", "copyright", "compose");
    private static final Set<String> COMPOSE = Set.of("extension", "lockedDate", "inactive", "include", "exclude");
    private static final Set<String> INCLUDE = Set.of("extension", "system", "version", "concept", "filter", "valueSet");
    private static final Set<String> CONCEPT = Set.of("extension", "code", "display", "designation");
    private static final Set<String> FILTER = Set.of("extension", "property", "op", "value");
    private static final Set<String> STATUS = Set.of("draft", "active", "retired", "unknown");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String file;
    private final JsonLocations locations;
    private final List<TerminologyProblem> problems = new ArrayList<>();

    private ValueSetParser(String file, JsonLocations locations) {
        this.file = file;
        this.locations = locations;
    }

    /** The parsed value set, or null with the reasons added to {@code problems}. */
    static ValueSet parse(String file, byte[] bytes, List<TerminologyProblem> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            problems.add(new TerminologyProblem(file, line, col, TerminologyProblem.Severity.ERROR,
                    "not valid JSON: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new TerminologyProblem(file, 0, 0, TerminologyProblem.Severity.ERROR, "cannot read: " + e.getMessage()));
            return null;
        }
        ValueSetParser p = new ValueSetParser(file, JsonLocations.of(bytes));
        ValueSet vs = p.valueSet(root);
        problems.addAll(p.problems);
        return p.problems.stream().anyMatch(TerminologyProblem::isError) ? null : vs;
    }

    private ValueSet.Location at(String pointer) {
        return new ValueSet.Location(file, locations, pointer);
    }

    private void error(String pointer, String message) { problems.add(TerminologyProblem.error(at(pointer), message)); }

    private void errorAtName(String pointer, String message) {
        int[] n = locations.name(pointer);
        problems.add(TerminologyProblem.error(new ValueSet.Location(file, n[0], n[1]), message));
    }

    private ValueSet valueSet(JsonNode root) {
        if (root == null || !root.isObject()) {
            error("", "not a FHIR resource: expected a JSON object with resourceType \"ValueSet\"");
            return null;
        }
        if (!"ValueSet".equals(root.path("resourceType").asText(null))) {
            error("/resourceType", "resourceType must be \"ValueSet\" (found " + describe(root.get("resourceType")) + ")");
            return null;
        }
        unknownElements(root, "", ROOT, "ValueSet");
        String id = string(root, "", "id", true);
        if (id != null && !ID.matcher(id).matches()) {
            error("/id", "id '" + id + "' must be lower case letters and digits in dash-separated parts (e.g. condition-copd)");
        }
        String url = string(root, "", "url", true);
        if (id != null && url != null && !url.equals(ValueSet.URL_BASE + id)) {
            error("/url", "url must be the canonical " + ValueSet.URL_BASE + id + " (found " + url + ")");
        }
        String title = string(root, "", "title", true);
        String status = string(root, "", "status", true);
        if (status != null && !STATUS.contains(status)) error("/status", "status '" + status + "' is not one of " + STATUS);
        String description = string(root, "", "description", false);

        Extensions ext = extensions(root, "", Set.of(VERIFICATION, SOURCE, IMPLIED_UNIT, TEXT_CONTAINS, TEXT_REGEX, TEXT_EXCLUDES));
        ValueSet.Notes setNotes = ext.notes();
        ValueSet.TextMatch text = new ValueSet.TextMatch(ext.contains, ext.regex, ext.excludes);

        JsonNode compose = root.get("compose");
        List<ValueSet.Include> includes = new ArrayList<>();
        List<ValueSet.Include> excludes = new ArrayList<>();
        if (compose == null) {
            // A concept recognised by its words alone (no code exists) has no compose.
            if (text.isEmpty()) error("", "compose is missing: a value set lists its codes in compose.include, or has text words");
        } else if (!compose.isObject()) {
            error("/compose", "compose must be an object");
        } else {
            unknownElements(compose, "/compose", COMPOSE, "compose");
            JsonNode inc = compose.get("include");
            if (inc == null || !inc.isArray() || inc.isEmpty()) {
                error("/compose", "compose.include must be a non-empty array");
            } else {
                for (int i = 0; i < inc.size(); i++) includes.add(include(inc.get(i), "/compose/include/" + i, setNotes, false));
            }
            JsonNode exc = compose.get("exclude");
            if (exc != null) {
                if (!exc.isArray()) error("/compose/exclude", "compose.exclude must be an array");
                else for (int i = 0; i < exc.size(); i++) excludes.add(include(exc.get(i), "/compose/exclude/" + i, ValueSet.Notes.NONE, true));
            }
        }
        return new ValueSet(id, url, title, description, at(""), setNotes, includes, excludes, text);
    }

    private ValueSet.Include include(JsonNode n, String ptr, ValueSet.Notes setNotes, boolean exclude) {
        String what = exclude ? "compose.exclude" : "compose.include";
        if (!n.isObject()) {
            error(ptr, what + " entries must be objects");
            return new ValueSet.Include(null, null, List.of(), List.of(), List.of(), ValueSet.Notes.NONE, at(ptr));
        }
        boolean typo = unknownElements(n, ptr, INCLUDE, what);
        String declared = string(n, ptr, "system", false);
        String system = CodeSystems.canonical(declared);
        List<String> valueSets = new ArrayList<>();
        JsonNode vs = n.get("valueSet");
        if (vs != null) {
            if (!vs.isArray() || vs.isEmpty()) error(ptr + "/valueSet", "valueSet must be a non-empty array of canonical urls");
            else for (int i = 0; i < vs.size(); i++) {
                if (!vs.get(i).isTextual() || vs.get(i).asText().isBlank()) error(ptr + "/valueSet/" + i, "valueSet entries must be urls");
                else valueSets.add(vs.get(i).asText().trim());
            }
        }
        if (declared != null && vs != null) {
            error(ptr, "an entry with both system and valueSet (their intersection) is not supported: give one or the other");
        } else if (declared == null && vs == null) {
            error(ptr, what + " needs a system (with concepts or filters) or a valueSet");
        }
        Extensions ext = extensions(n, ptr, exclude ? Set.of(VERIFICATION, SOURCE) : Set.of(VERIFICATION, SOURCE, IMPLIED_UNIT));
        ValueSet.Notes notes = ext.notes().orElse(setNotes);
        List<ValueSet.Concept> concepts = new ArrayList<>();
        JsonNode cs = n.get("concept");
        if (cs != null) {
            if (!cs.isArray()) error(ptr + "/concept", "concept must be an array");
            else for (int i = 0; i < cs.size(); i++) {
                ValueSet.Concept c = concept(cs.get(i), ptr + "/concept/" + i, system, notes, exclude);
                if (c != null) concepts.add(c);
            }
        }
        List<ValueSet.Filter> filters = new ArrayList<>();
        JsonNode fs = n.get("filter");
        if (fs != null) {
            if (!fs.isArray()) error(ptr + "/filter", "filter must be an array");
            else for (int i = 0; i < fs.size(); i++) {
                ValueSet.Filter f = filter(fs.get(i), ptr + "/filter/" + i, system, notes, exclude);
                if (f != null) filters.add(f);
            }
        }
        if (declared != null && !typo && concepts.isEmpty() && filters.isEmpty() && cs == null && fs == null) {
            error(ptr, "a whole code system (" + declared + ") is not supported: list its concepts or give filters");
        }
        return new ValueSet.Include(system, declared, concepts, filters, valueSets, notes, at(ptr));
    }

    private ValueSet.Concept concept(JsonNode n, String ptr, String system, ValueSet.Notes includeNotes, boolean exclude) {
        if (!n.isObject()) {
            error(ptr, "concept entries must be objects with code and display");
            return null;
        }
        unknownElements(n, ptr, CONCEPT, "concept");
        String code = string(n, ptr, "code", true);
        String display = string(n, ptr, "display", !exclude);
        Extensions ext = extensions(n, ptr, exclude ? Set.of(VERIFICATION, SOURCE) : Set.of(VERIFICATION, SOURCE, IMPLIED_UNIT, REQUIRES_TEXT));
        ValueSet.Notes notes = ext.notes().orElse(includeNotes);
        if (code == null) return null;
        if (!exclude && notes.verification() == null) {
            error(ptr, "code " + code + " has no verification status: add the extension " + VERIFICATION
                    + " (V, T, U, M or P) to the concept, its include or the value set");
        }
        if (CodeSystems.NDC.equals(system) && !isNdcProductCode(code)) {
            error(ptr + "/code", "NDC " + code + " is not a product code: list the labeler-product segment, hyphenated "
                    + "as the FDA assigns it (4-4, 5-3 or 5-4, e.g. 57894-503); every package of the product matches it, "
                    + "in any of the 10- and 11-digit forms records send");
        }
        return new ValueSet.Concept(CodeSystems.normaliseCode(system, code), code, display, notes, ext.requiresText, at(ptr));
    }

    /** A hyphenated NDC product code (4-4, 5-3, 5-4): what a value set lists, so that it names a drug, not a pack. */
    private static boolean isNdcProductCode(String code) {
        return code.trim().matches("\\d{4,5}-\\d{3,4}") && CodeSystems.ndcProduct(code) != null;
    }

    private ValueSet.Filter filter(JsonNode n, String ptr, String system, ValueSet.Notes includeNotes, boolean exclude) {
        if (!n.isObject()) {
            error(ptr, "filter entries must be objects with property, op and value");
            return null;
        }
        unknownElements(n, ptr, FILTER, "filter");
        String property = string(n, ptr, "property", true);
        String op = string(n, ptr, "op", true);
        String value = string(n, ptr, "value", true);
        Extensions ext = extensions(n, ptr, exclude ? Set.of(VERIFICATION, SOURCE) : Set.of(VERIFICATION, SOURCE, IMPLIED_UNIT));
        ValueSet.Notes notes = ext.notes().orElse(includeNotes);
        if (property == null || op == null || value == null) return null;
        Predicate<String> test;
        switch (op) {
            case "is-a", "descendent-of" -> {
                if (!property.equals("concept")) {
                    error(ptr + "/property", op + " filters the hierarchy: property must be \"concept\" (found \"" + property + "\")");
                    return null;
                }
                if (system == null || !CodeSystems.hasPrefixHierarchy(system)) {
                    error(ptr + "/op", op + " cannot be evaluated in " + system + " without a terminology server (only in "
                            + "ICD-10-CM, ICD-10-PCS and ATC, whose codes spell their hierarchy): list the codes as concepts");
                    return null;
                }
                String prefix = CodeSystems.normaliseCode(system, value);
                test = op.equals("is-a") ? c -> c.startsWith(prefix) : c -> c.startsWith(prefix) && !c.equals(prefix);
                value = prefix;
            }
            case "regex" -> {
                if (!property.equals("code") && !property.equals("concept")) {
                    error(ptr + "/property", "a regex filter matches the code: property must be \"code\" (found \"" + property + "\")");
                    return null;
                }
                Pattern p;
                try {
                    p = Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    error(ptr + "/value", "regex does not compile: " + e.getDescription() + " near index " + e.getIndex());
                    return null;
                }
                test = c -> p.matcher(c).matches();
            }
            default -> {
                error(ptr + "/op", "filter op '" + op + "' is not supported (supported: " + String.join(", ", FILTER_OPS.stream().sorted().toList()) + ")");
                return null;
            }
        }
        if (!exclude && notes.verification() == null) {
            error(ptr, "filter " + op + " " + value + " has no verification status: add the extension " + VERIFICATION
                    + " (V, T, U, M or P) to the filter, its include or the value set");
        }
        return new ValueSet.Filter(property, op, value, test, notes, at(ptr));
    }

    /** The project's extensions on one element; other extensions are FHIR's business and are left alone. */
    private final class Extensions {
        String verification;
        String source;
        String impliedUnit;
        boolean requiresText;
        final List<String> contains = new ArrayList<>();
        final List<Pattern> regex = new ArrayList<>();
        final List<String> excludes = new ArrayList<>();

        ValueSet.Notes notes() { return new ValueSet.Notes(verification, source, impliedUnit); }
    }

    private Extensions extensions(JsonNode owner, String ptr, Set<String> allowed) {
        Extensions out = new Extensions();
        JsonNode list = owner.get("extension");
        if (list == null) return out;
        if (!list.isArray()) {
            error(ptr + "/extension", "extension must be an array");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String ep = ptr + "/extension/" + i;
            String url = e.path("url").asText(null);
            if (url == null) {
                error(ep, "extension without url");
                continue;
            }
            if (!url.startsWith(ValueSet.EXTENSION_BASE)) continue;
            if (!allowed.contains(url)) {
                error(ep, "extension " + url + (isKnown(url) ? " is not allowed here" : " is unknown")
                        + (" (allowed here: " + String.join(", ",
                        allowed.stream().map(u -> u.substring(ValueSet.EXTENSION_BASE.length())).sorted().toList()) + ")"));
                continue;
            }
            switch (url) {
                case VERIFICATION -> {
                    String v = e.path("valueCode").asText(null);
                    if (v == null || !VERIFICATION_CODES.contains(v)) {
                        error(ep, "verification needs valueCode V, T, U, M or P (found " + describe(e.get("valueCode")) + ")");
                    } else {
                        out.verification = v;
                    }
                }
                case SOURCE -> out.source = stringValue(e, ep);
                case IMPLIED_UNIT -> out.impliedUnit = e.has("valueCode") ? e.get("valueCode").asText() : stringValue(e, ep);
                case REQUIRES_TEXT -> {
                    if (!e.path("valueBoolean").isBoolean()) error(ep, "requires-text needs valueBoolean");
                    else out.requiresText = e.get("valueBoolean").booleanValue();
                }
                case TEXT_CONTAINS -> add(out.contains, stringValue(e, ep));
                case TEXT_EXCLUDES -> add(out.excludes, stringValue(e, ep));
                case TEXT_REGEX -> {
                    String r = stringValue(e, ep);
                    if (r != null) {
                        try {
                            out.regex.add(Pattern.compile(r, Pattern.CASE_INSENSITIVE));
                        } catch (PatternSyntaxException x) {
                            error(ep + "/valueString", "text-regex does not compile: " + x.getDescription() + " near index " + x.getIndex());
                        }
                    }
                }
                default -> throw new IllegalStateException(url);
            }
        }
        return out;
    }

    private static boolean isKnown(String url) {
        return Set.of(VERIFICATION, SOURCE, IMPLIED_UNIT, REQUIRES_TEXT, TEXT_CONTAINS, TEXT_REGEX, TEXT_EXCLUDES).contains(url);
    }

    private static void add(List<String> to, String value) { if (value != null) to.add(value); }

    private String stringValue(JsonNode e, String ep) {
        JsonNode v = e.get("valueString");
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            error(ep, "extension " + e.path("url").asText() + " needs a non-empty valueString");
            return null;
        }
        return v.asText();
    }

    private String string(JsonNode owner, String ptr, String field, boolean required) {
        JsonNode v = owner.get(field);
        if (v == null || v.isNull()) {
            if (required) error(ptr, field + " is missing");
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            error(ptr + "/" + field, field + " must be a non-empty string (found " + describe(v) + ")");
            return null;
        }
        return v.asText();
    }

    /** Reports the members the engine does not read; true when there was one. */
    private boolean unknownElements(JsonNode n, String ptr, Set<String> known, String what) {
        boolean found = false;
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                found = true;
                errorAtName(ptr + "/" + f, "'" + f + "' is not an element of " + what + " the engine reads"
                        + (f.equals("expansion") ? " (give the codes in compose)" : "") + "; remove it or fix its name");
            }
        }
        return found;
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) return "nothing";
        if (v.isTextual()) return "\"" + v.asText() + "\"";
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
