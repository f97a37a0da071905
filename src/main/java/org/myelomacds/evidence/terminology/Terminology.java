package org.myelomacds.evidence.terminology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every code the engine recognises, as the value sets of rules/terminology/ define them: one FHIR R4 ValueSet per
 * concept, evaluated here (includes minus excludes, explicit concepts, prefix and regex filters, other value sets).
 * The rulebase holds one; the FHIR reader reads a bundle with the rulebase's terminology, so {@code --rules DIR}, hot
 * reload and {@code rules diff} all read codes as their own rule directory defines them.
 *
 * <p>The engine asks questions by concept ({@link #conditions()}, {@link #observations()}, {@link #drugs()} …); each
 * answers from the value sets it names, and a terminology without one of them, or in which a code belongs to two sets
 * that cannot both be true, is refused when loaded. Immutable and thread-safe.
 */
public final class Terminology {
    /** Where the value sets live, relative to the rule root. */
    public static final String DIRECTORY = "terminology/";

    /** A code found in a set: the set that lists it, what is noted about it there, whether it needed text. */
    public record Hit(ValueSet holder, ValueSet.Notes notes, boolean requiresText, ValueSet.Location location) { }

    /** An explicit code of a set (directly or through a value set it includes). */
    record Code(String system, String code, ValueSet.Concept concept, ValueSet holder) { }

    /** What loading found: the terminology (null when there were errors) and every problem, errors and warnings. */
    public record Loaded(Terminology terminology, List<TerminologyProblem> problems) {
        public List<TerminologyProblem> errors() { return problems.stream().filter(TerminologyProblem::isError).toList(); }
    }

    private record OwnFilter(String system, ValueSet.Filter filter) { }

    /** A set's own members, indexed: explicit codes by system|code, filters, and the sets it includes, in order. */
    private record Compiled(Map<String, ValueSet.Concept> concepts, List<OwnFilter> filters, List<ValueSet> refs,
                            Set<String> excludedCodes, List<OwnFilter> excludedFilters, List<ValueSet> excludedRefs) { }

    private final Map<String, ValueSet> byId;
    private final Map<String, ValueSet> byUrl;
    private final Map<ValueSet, Compiled> compiled = new IdentityHashMap<>();
    private final List<TerminologyProblem> problems = new ArrayList<>();
    private final Map<String, String> required = new LinkedHashMap<>();
    private final List<Family<?>> exclusiveFamilies = new ArrayList<>();

    private final ConditionTerms conditions;
    private final ObservationTerms observations;
    private final DrugCatalogue drugs;
    private final ProcedureTerms procedures;
    private final RouteTerms routes;
    private final ResultTerms results;
    private final DiseaseStatusTerms diseaseStatus;
    private final CytogeneticTerms cytogenetics;
    private final IsotypeTerms isotypes;
    private final AllergyTerms allergies;
    private final ReviewTerms review;

    private final Set<String> unreadable;

    private Terminology(Map<String, ValueSet> byId, Set<String> unreadable) {
        this.unreadable = Set.copyOf(unreadable);
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        Map<String, ValueSet> urls = new HashMap<>();
        byId.values().forEach(v -> urls.put(v.url(), v));
        this.byUrl = Collections.unmodifiableMap(urls);
        byId.values().forEach(this::compile);
        this.conditions = new ConditionTerms(this);
        this.observations = new ObservationTerms(this);
        this.routes = new RouteTerms(this);
        this.drugs = new DrugCatalogue(this);
        this.procedures = new ProcedureTerms(this);
        this.results = new ResultTerms(this);
        this.diseaseStatus = new DiseaseStatusTerms(this);
        this.cytogenetics = new CytogeneticTerms(this);
        this.isotypes = new IsotypeTerms(this);
        this.allergies = new AllergyTerms(this);
        this.review = new ReviewTerms(this);
    }

    /** Loads the value sets among the rule files (path relative to the rule root → bytes); fails on any error. */
    public static Terminology load(Map<String, byte[]> ruleFiles) throws TerminologyException {
        Loaded loaded = check(ruleFiles);
        if (loaded.terminology() == null) throw new TerminologyException(loaded.errors());
        return loaded.terminology();
    }

    /**
     * Loads value sets that already passed {@link #check} unchanged (the shipped copy the build checked): the
     * cross-set checks (a code in two conflicting sets…) are not run again. Structural errors still refuse them.
     */
    public static Terminology loadChecked(Map<String, byte[]> ruleFiles) throws TerminologyException {
        Loaded loaded = check(ruleFiles, false);
        if (loaded.terminology() == null) throw new TerminologyException(loaded.errors());
        return loaded.terminology();
    }

    /** Loads and checks everything, keeping warnings too ({@code rules validate}). */
    public static Loaded check(Map<String, byte[]> ruleFiles) {
        return check(ruleFiles, true);
    }

    private static Loaded check(Map<String, byte[]> ruleFiles, boolean crossChecks) {
        List<TerminologyProblem> problems = new ArrayList<>();
        Map<String, ValueSet> byId = new LinkedHashMap<>();
        Map<String, ValueSet> byUrl = new HashMap<>();
        // Sets whose file is there but could not be read: already reported, so not reported again as missing.
        Set<String> unreadable = new HashSet<>();
        for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(ruleFiles).entrySet()) {
            if (!isTerminologyFile(f.getKey())) continue;
            ValueSet vs = ValueSetParser.parse(f.getKey(), f.getValue(), problems);
            if (vs == null) {
                unreadable.add(f.getKey().substring(DIRECTORY.length(), f.getKey().length() - ".json".length()));
                continue;
            }
            String expected = DIRECTORY + vs.id() + ".json";
            if (!f.getKey().equals(expected)) {
                problems.add(TerminologyProblem.error(vs.location(), "value set " + vs.id() + " must be in " + expected
                        + " (one file per value set, named by its id)"));
            }
            ValueSet previous = byUrl.putIfAbsent(vs.url(), vs);
            if (previous != null) {
                problems.add(TerminologyProblem.error(vs.location(), "url " + vs.url() + " is also the url of "
                        + previous.location().file() + "; every value set needs its own"));
                continue;
            }
            byId.put(vs.id(), vs);
        }
        checkReferences(byId, byUrl, unreadable, problems);
        // Everything that can still be checked is: an author fixing one file learns about the others at once.
        Terminology t;
        try {
            t = new Terminology(byId, unreadable);
            problems.addAll(t.problems);
            if (crossChecks) problems.addAll(TerminologyChecks.run(t));
        } catch (RuntimeException e) {
            if (problems.stream().noneMatch(TerminologyProblem::isError)) throw e;
            return new Loaded(null, List.copyOf(problems));   // a consequence of the errors already reported
        }
        boolean ok = problems.stream().noneMatch(TerminologyProblem::isError);
        return new Loaded(ok ? t : null, List.copyOf(problems));
    }

    public static boolean isTerminologyFile(String relativePath) {
        return relativePath.startsWith(DIRECTORY) && relativePath.endsWith(".json");
    }

    /** Every valueSet url an include or exclude names must exist, and no set may include itself, even indirectly. */
    private static void checkReferences(Map<String, ValueSet> byId, Map<String, ValueSet> byUrl, Set<String> unreadable,
                                        List<TerminologyProblem> problems) {
        for (ValueSet vs : byId.values()) {
            List<ValueSet.Include> all = new ArrayList<>(vs.includes());
            all.addAll(vs.excludes());
            for (ValueSet.Include inc : all) {
                for (String url : inc.valueSets()) {
                    if (!byUrl.containsKey(url) && !unreadable.contains(url.substring(url.lastIndexOf('/') + 1))) {
                        problems.add(TerminologyProblem.error(inc.location(), "value set " + url + " does not exist"
                                + (url.startsWith(ValueSet.URL_BASE) ? " (no " + DIRECTORY + url.substring(ValueSet.URL_BASE.length()) + ".json)" : "")));
                    }
                }
            }
        }
        for (ValueSet vs : byId.values()) {
            if (reaches(vs, vs, byUrl, new HashSet<>())) {
                problems.add(TerminologyProblem.error(vs.location(), "value set " + vs.id() + " includes itself (directly or through other value sets)"));
            }
        }
    }

    private static boolean reaches(ValueSet from, ValueSet target, Map<String, ValueSet> byUrl, Set<String> seen) {
        for (ValueSet.Include inc : from.includes()) {
            for (String url : inc.valueSets()) {
                ValueSet next = byUrl.get(url);
                if (next == null) continue;
                if (next == target) return true;
                if (seen.add(url) && reaches(next, target, byUrl, seen)) return true;
            }
        }
        return false;
    }

    private void compile(ValueSet vs) {
        Map<String, ValueSet.Concept> concepts = new HashMap<>();
        List<OwnFilter> filters = new ArrayList<>();
        List<ValueSet> refs = new ArrayList<>();
        for (ValueSet.Include inc : vs.includes()) {
            for (ValueSet.Concept c : inc.concepts()) concepts.putIfAbsent(inc.system() + "|" + c.code(), c);
            for (ValueSet.Filter f : inc.filters()) filters.add(new OwnFilter(inc.system(), f));
            for (String url : inc.valueSets()) if (byUrl.containsKey(url)) refs.add(byUrl.get(url));
        }
        Set<String> excludedCodes = new HashSet<>();
        List<OwnFilter> excludedFilters = new ArrayList<>();
        List<ValueSet> excludedRefs = new ArrayList<>();
        for (ValueSet.Include exc : vs.excludes()) {
            for (ValueSet.Concept c : exc.concepts()) excludedCodes.add(exc.system() + "|" + c.code());
            for (ValueSet.Filter f : exc.filters()) excludedFilters.add(new OwnFilter(exc.system(), f));
            for (String url : exc.valueSets()) if (byUrl.containsKey(url)) excludedRefs.add(byUrl.get(url));
        }
        compiled.put(vs, new Compiled(concepts, filters, refs, excludedCodes, excludedFilters, excludedRefs));
    }

    // ---- membership ----

    /**
     * Whether a set holds a code (system canonical, code normalised): null when not; else where. An explicit concept
     * that requires text counts only when {@code text} matches the set's text words.
     */
    Hit member(ValueSet vs, String system, String code, String text) {
        Compiled c = compiled.get(vs);
        String key = system + "|" + code;
        if (c.excludedCodes().contains(key)) return null;
        for (OwnFilter f : c.excludedFilters()) if (f.system().equals(system) && f.filter().matches(code)) return null;
        for (ValueSet x : c.excludedRefs()) if (member(x, system, code, null) != null) return null;
        ValueSet.Concept concept = c.concepts().get(key);
        if (concept != null) {
            if (!concept.requiresText()) return new Hit(vs, concept.notes(), false, concept.location());
            if (vs.text().matches(text)) return new Hit(vs, concept.notes(), true, concept.location());
        }
        for (OwnFilter f : c.filters()) {
            if (f.system().equals(system) && f.filter().matches(code)) return new Hit(vs, f.filter().notes(), false, f.filter().location());
        }
        for (ValueSet ref : c.refs()) {
            Hit h = member(ref, system, code, text);
            if (h != null) return h;
        }
        return null;
    }

    /** Whether a set holds a code as sent (null-safe). */
    boolean holds(ValueSet vs, String system, String code) {
        if (vs == null || code == null || code.isBlank()) return false;
        String sys = CodeSystems.canonical(system);
        return member(vs, sys, CodeSystems.normaliseCode(sys, code), null) != null;
    }

    /** Whether the set with this id holds the code (as sent: any system URI variant, ICD dot or case). */
    public boolean contains(String setId, String system, String code) { return contains(setId, system, code, null); }

    public boolean contains(String setId, String system, String code, String text) {
        ValueSet vs = byId.get(setId);
        if (vs == null) throw new IllegalArgumentException("no value set " + setId);
        if (code == null) return false;
        String sys = CodeSystems.canonical(system);
        return member(vs, sys, CodeSystems.normaliseCode(sys, code), text) != null;
    }

    /** The explicit codes of a set, its own and those of the sets it includes (excluded ones dropped). */
    List<Code> explicitCodes(ValueSet vs) {
        List<Code> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        collect(vs, vs, out, seen, new HashSet<>());
        return out;
    }

    private void collect(ValueSet root, ValueSet vs, List<Code> out, Set<String> seen, Set<ValueSet> visited) {
        if (!visited.add(vs)) return;
        for (ValueSet.Include inc : vs.includes()) {
            for (ValueSet.Concept c : inc.concepts()) {
                if (seen.add(inc.system() + "|" + c.code())) out.add(new Code(inc.system(), c.code(), c, vs));
            }
        }
        for (ValueSet ref : compiled.get(vs).refs()) collect(root, ref, out, seen, visited);
    }

    /** The filters of a set, its own and those of the sets it includes, each with its system. */
    List<Map.Entry<String, ValueSet.Filter>> filters(ValueSet vs) {
        List<Map.Entry<String, ValueSet.Filter>> out = new ArrayList<>();
        collectFilters(vs, out, new HashSet<>());
        return out;
    }

    private void collectFilters(ValueSet vs, List<Map.Entry<String, ValueSet.Filter>> out, Set<ValueSet> visited) {
        if (!visited.add(vs)) return;
        for (OwnFilter f : compiled.get(vs).filters()) out.add(Map.entry(f.system(), f.filter()));
        for (ValueSet ref : compiled.get(vs).refs()) collectFilters(ref, out, visited);
    }

    Set<String> filteredSystems(ValueSet vs) {
        Set<String> out = new LinkedHashSet<>();
        filters(vs).forEach(e -> out.add(e.getKey()));
        return out;
    }

    /** The value sets a set includes by url, in order. */
    public List<ValueSet> included(ValueSet vs) { return List.copyOf(compiled.get(vs).refs()); }

    // ---- what the engine asks for ----

    /** A value set the engine reads; when absent, a problem naming what it is needed for. */
    ValueSet require(String id, String purpose) {
        required.put(id, purpose);
        ValueSet vs = byId.get(id);
        if (vs == null && !unreadable.contains(id)) {
            problems.add(new TerminologyProblem(DIRECTORY + id + ".json", 0, 0, TerminologyProblem.Severity.ERROR,
                    "missing: the engine reads " + purpose + " from value set " + id));
        }
        return vs;
    }

    /** Records a problem found while a reader interprets the sets (e.g. a drug without a class). */
    void problem(TerminologyProblem p) { problems.add(p); }

    /**
     * A family of sets; {@code exclusive}: no code may be in two of them ({@link TerminologyChecks}). Entries whose
     * set is missing (already reported by {@link #require}) are left out.
     */
    <T> Family<T> family(String name, List<Family.Entry<T>> entries, boolean exclusive) {
        List<Family.Entry<T>> present = entries.stream().filter(e -> e.set() != null).toList();
        Family<T> f = new Family<>(name, this, present);
        if (exclusive) exclusiveFamilies.add(f);
        return f;
    }

    List<Family<?>> exclusiveFamilies() { return List.copyOf(exclusiveFamilies); }

    /** The value sets the engine asks for by id, with what each is read for. */
    public Map<String, String> requiredSets() { return Collections.unmodifiableMap(required); }

    public Optional<ValueSet> find(String id) { return Optional.ofNullable(byId.get(id)); }
    public Optional<ValueSet> findByUrl(String url) { return Optional.ofNullable(byUrl.get(url)); }
    /** Every value set, in file (id) order. */
    public Collection<ValueSet> valueSets() { return byId.values(); }

    public ConditionTerms conditions() { return conditions; }
    public ObservationTerms observations() { return observations; }
    public DrugCatalogue drugs() { return drugs; }
    public ProcedureTerms procedures() { return procedures; }
    public RouteTerms routes() { return routes; }
    public ResultTerms results() { return results; }
    public DiseaseStatusTerms diseaseStatus() { return diseaseStatus; }
    public CytogeneticTerms cytogenetics() { return cytogenetics; }
    public IsotypeTerms isotypes() { return isotypes; }
    public AllergyTerms allergies() { return allergies; }
    public ReviewTerms review() { return review; }

    /** "END_STAGE_RENAL_DISEASE" → "end-stage-renal-disease": how an enum value names its value set. */
    static String kebab(Enum<?> value) { return value.name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}
