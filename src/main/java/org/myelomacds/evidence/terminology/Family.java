package org.myelomacds.evidence.terminology;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Value sets that name alternatives of one question — which condition a code is, which drug, which route — each with
 * the value the engine reads from it, in the order text is tried. Their memberships cannot both be true, so a code
 * belongs to at most one of them (checked by {@link TerminologyChecks}); the one exception is a membership that
 * requires text (see {@link ValueSet.Concept#requiresText()}), which refines a plain one and wins over it.
 *
 * <p>A code is found through an index of the explicit codes (and, per system, the sets that have filters), so a
 * bundle of thousands of unrelated observations costs one hash lookup each.
 */
public final class Family<T> {
    /** One value set of the family and what the engine reads from it. */
    public record Entry<T>(ValueSet set, T value) { }

    /** A code found in one of the family's sets: the value, and the concept or filter that holds the code. */
    public record Match<T>(T value, ValueSet set, Terminology.Hit hit) { }

    private final String name;
    private final Terminology terminology;
    private final List<Entry<T>> entries;
    private final Map<String, BitSet> explicit = new HashMap<>();
    private final Map<String, BitSet> filtered = new HashMap<>();

    Family(String name, Terminology terminology, List<Entry<T>> entries) {
        this.name = name;
        this.terminology = terminology;
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            ValueSet set = this.entries.get(i).set();
            for (Terminology.Code c : terminology.explicitCodes(set)) {
                explicit.computeIfAbsent(c.system() + "|" + c.code(), k -> new BitSet()).set(i);
            }
            for (String system : terminology.filteredSystems(set)) filtered.computeIfAbsent(system, k -> new BitSet()).set(i);
        }
    }

    public String name() { return name; }
    public List<Entry<T>> entries() { return entries; }

    /** The set holding a code, as sent (any system URI variant, any ICD dot or case). */
    public Optional<Match<T>> byCode(String system, String code) { return byCode(system, code, null); }

    /**
     * The set holding a code; {@code text} (the coding's display and the concept's text) decides memberships that
     * require text. A membership that requires text and finds it wins; else the first set in family order.
     */
    public Optional<Match<T>> byCode(String system, String code, String text) {
        if (code == null || code.isBlank()) return Optional.empty();
        String sys = CodeSystems.canonical(system);
        String c = CodeSystems.normaliseCode(sys, code);
        BitSet candidates = new BitSet();
        BitSet e = explicit.get(sys + "|" + c);
        if (e != null) candidates.or(e);
        BitSet f = filtered.get(sys);
        if (f != null) candidates.or(f);
        Match<T> plain = null;
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Entry<T> entry = entries.get(i);
            Terminology.Hit hit = terminology.member(entry.set(), sys, c, text);
            if (hit == null) continue;
            if (hit.requiresText()) return Optional.of(new Match<>(entry.value(), entry.set(), hit));
            if (plain == null) plain = new Match<>(entry.value(), entry.set(), hit);
        }
        return Optional.ofNullable(plain);
    }

    public Optional<T> valueByCode(String system, String code) { return byCode(system, code).map(Match::value); }

    /** The first set, in family order, whose text words the text contains. */
    public Optional<T> byText(String text) {
        if (text == null || text.isEmpty()) return Optional.empty();
        for (Entry<T> e : entries) if (e.set().text().matches(text)) return Optional.of(e.value());
        return Optional.empty();
    }

    /** The set the text names first (earliest position; family order breaks a tie). */
    public Optional<T> byEarliestText(String text) {
        if (text == null || text.isEmpty()) return Optional.empty();
        int best = -1;
        T value = null;
        for (Entry<T> e : entries) {
            int p = e.set().text().position(text);
            if (p >= 0 && (best < 0 || p < best)) {
                best = p;
                value = e.value();
            }
        }
        return Optional.ofNullable(value);
    }

    /** Every set whose text words the text contains, in family order. */
    public List<T> allByText(String text) {
        List<T> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        for (Entry<T> e : entries) if (e.set().text().matches(text)) out.add(e.value());
        return out;
    }

    /** The set of a value (the first, when several sets give it). */
    public Optional<ValueSet> setOf(T value) {
        for (Entry<T> e : entries) if (e.value().equals(value)) return Optional.of(e.set());
        return Optional.empty();
    }
}
