package org.myelomacds.facts;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Joins the provenance of several facts (e.g. every condition collected by a rule), sorted and without repeats. */
public final class Provenances {
    private Provenances() {}

    public static List<Provenance> of(Collection<?> facts) {
        TreeSet<Provenance> all = new TreeSet<>();
        for (Object o : facts) if (o instanceof HasProvenance p) all.addAll(p.getProvenance());
        return List.copyOf(all);
    }

    /**
     * The provenance of the facts given, where an argument may itself be a collection of facts (a rule's
     * {@code from collect} list): without flattening, {@code of($conditions, List.of($status))} cited nothing.
     */
    public static List<Provenance> of(Object... facts) {
        List<Object> flat = new java.util.ArrayList<>();
        for (Object f : facts) {
            if (f instanceof Collection<?> c) flat.addAll(c);
            else flat.add(f);
        }
        return of(flat);
    }

    /** The resource references of a fact's provenance, comma-separated, for text that names the records. */
    public static String references(HasProvenance fact) {
        return String.join(", ", fact.getProvenance().stream().map(Provenance::getReference).distinct().toList());
    }
}
